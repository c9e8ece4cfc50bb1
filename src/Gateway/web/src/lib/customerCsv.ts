import { create } from "@bufbuild/protobuf";
import { type Timestamp, timestampDate } from "@bufbuild/protobuf/wkt";
import {
  type Account,
  AccountKind,
  AccountKindSchema,
  CommitmentSegmentSchema,
  type ImportRow,
  ImportRowSchema,
  type PostalAddress,
  RelationshipPhaseSchema,
  ValueTierSchema,
} from "../gen/crm/customers/v1/customers_pb";
import type { CsvRecord } from "./csv";
import { enumLabel } from "./enums";
import { idOf } from "./names";

/** The columns of a postal address, in every export that has one. */
export const addressColumns = ["region_code", "postal_code", "administrative_area", "locality", "address_lines"] as const;

/**
 * The columns of a customers CSV: what Export writes and Import reads (so an export imports again). Headers are
 * matched ignoring case, spaces and dashes; a few everyday names are accepted too ("name", "country", "city").
 */
export const exportColumns = [
  "id", "kind", "display_name", "email", "phone", "domain", "owner_user_id", "team", "tags",
  ...addressColumns,
  "phase", "commitment_segment", "value_tier", "create_time",
] as const;

const contactColumns = ["contact_given_name", "contact_family_name", "contact_email", "contact_phone", "contact_job_title"] as const;

/** Columns Export writes that describe the account's state rather than data to import. */
const outputOnlyColumns = new Set(["phase", "commitment_segment", "value_tier", "create_time"]);

const aliases: Record<string, string> = {
  name: "display_name",
  company: "display_name",
  e_mail: "email",
  owner: "owner_user_id",
  country: "region_code",
  postcode: "postal_code",
  zip: "postal_code",
  state: "administrative_area",
  city: "locality",
  street: "address_lines",
  address: "address_lines",
};

const importColumns = new Set<string>([...exportColumns.filter((c) => !outputOnlyColumns.has(c)), ...contactColumns]);

/** Separates tags in one cell; address lines are separated by line breaks. */
const tagSeparator = ";";

export interface CsvImportPlan {
  /** One import row per data record, with the line it starts on in the file. */
  rows: { line: number; row: ImportRow }[];
  /** Header cells that map to nothing, or describe output only (phase, create_time…): their values are not imported. */
  ignoredColumns: string[];
  /** Why the file cannot be imported at all (no header, no display_name column); empty when it can. */
  problems: string[];
}

function columnOf(header: string): string {
  const key = header.trim().toLowerCase().replace(/[\s-]+/g, "_");
  return aliases[key] ?? key;
}

function kindOf(value: string): AccountKind {
  const found = AccountKindSchema.values.find((v) => v.number !== 0 && v.localName.toLowerCase() === value.trim().toLowerCase());
  return (found?.number as AccountKind | undefined) ?? AccountKind.UNSPECIFIED;
}

function splitList(value: string, separator: string | RegExp): string[] {
  return value.split(separator).map((s) => s.trim()).filter((s) => s !== "");
}

/**
 * Maps parsed CSV records (the first is the header) onto ImportRows: one account per record, with one contact when any
 * contact_* column has a value. row_key is the `id` column when present and filled, else "<file name>:<line>", so
 * importing the same file again creates nothing twice.
 */
export function planImport(fileName: string, records: CsvRecord[], confirmNotDuplicate: boolean): CsvImportPlan {
  if (records.length === 0) return { rows: [], ignoredColumns: [], problems: ["The file is empty: it needs a header row."] };
  const columns = records[0].fields.map(columnOf);
  const ignoredColumns = records[0].fields.filter((_, i) => !importColumns.has(columns[i]));
  const problems = columns.includes("display_name")
    ? []
    : ["The header has no display_name column (or name, company): every customer needs a name."];
  const rows = records.slice(1).map((record) => {
    const cell = (column: string) => {
      const i = columns.indexOf(column);
      return i >= 0 && i < record.fields.length ? record.fields[i].trim() : "";
    };
    const addressLines = splitList(cell("address_lines"), /\r?\n/);
    const hasAddress = ["region_code", "postal_code", "administrative_area", "locality"].some((c) => cell(c) !== "") || addressLines.length > 0;
    const hasContact = contactColumns.some((c) => cell(c) !== "");
    const row = create(ImportRowSchema, {
      rowKey: cell("id") || `${fileName}:${record.line}`,
      confirmNotDuplicate,
      account: {
        kind: kindOf(cell("kind")),
        displayName: cell("display_name"),
        email: cell("email"),
        phone: cell("phone"),
        domain: cell("domain"),
        ownerUserId: cell("owner_user_id"),
        team: cell("team"),
        tags: splitList(cell("tags"), tagSeparator),
        address: hasAddress
          ? {
              regionCode: cell("region_code"),
              postalCode: cell("postal_code"),
              administrativeArea: cell("administrative_area"),
              locality: cell("locality"),
              addressLines,
            }
          : undefined,
      },
      contacts: hasContact
        ? [{
            givenName: cell("contact_given_name"),
            familyName: cell("contact_family_name"),
            email: cell("contact_email"),
            phone: cell("contact_phone"),
            jobTitle: cell("contact_job_title"),
          }]
        : [],
    });
    return { line: record.line, row };
  });
  return { rows, ignoredColumns, problems };
}

/** The tags of a record as one cell. */
export function tagsCell(tags: readonly string[]): string {
  return tags.join(`${tagSeparator} `);
}

/** The cells of {@link addressColumns}; empty without an address. */
export function addressCells(address: PostalAddress | undefined): Record<(typeof addressColumns)[number], string> {
  return {
    region_code: address?.regionCode ?? "",
    postal_code: address?.postalCode ?? "",
    administrative_area: address?.administrativeArea ?? "",
    locality: address?.locality ?? "",
    address_lines: address?.addressLines.join("\n") ?? "",
  };
}

/** A time as an ISO 8601 UTC cell; empty when unset. */
export function timeCell(time: Timestamp | undefined): string {
  return time ? timestampDate(time).toISOString() : "";
}

/** One CSV record per account, in the order of {@link exportColumns}. */
export function exportRecord(account: Account): string[] {
  const values: Record<(typeof exportColumns)[number], string> = {
    id: idOf(account.name),
    kind: enumLabel(AccountKindSchema, account.kind).toLowerCase(),
    display_name: account.displayName,
    email: account.email,
    phone: account.phone,
    domain: account.domain,
    owner_user_id: account.ownerUserId,
    team: account.team,
    tags: tagsCell(account.tags),
    ...addressCells(account.address),
    phase: enumLabel(RelationshipPhaseSchema, account.phase),
    commitment_segment: enumLabel(CommitmentSegmentSchema, account.commitment?.segment ?? 0),
    value_tier: enumLabel(ValueTierSchema, account.valueTier),
    create_time: timeCell(account.createTime),
  };
  return exportColumns.map((c) => values[c]);
}
