import { type Contact, ContactChannelSchema } from "../gen/crm/customers/v1/customers_pb";
import { addressCells, addressColumns, tagsCell, timeCell } from "./customerCsv";
import { enumLabel } from "./enums";
import { idOf } from "./names";

/**
 * The columns of a contacts CSV (what the contacts list's Export writes). `account_id` is the `id` column of the
 * customers export; tags and addresses are written as there.
 */
export const contactExportColumns = [
  "id", "account_id", "given_name", "family_name", "email", "phone", "job_title", "owner_user_id", "team", "tags",
  ...addressColumns,
  "preferred_channel", "create_time", "update_time",
] as const;

/** One CSV record per contact, in the order of {@link contactExportColumns}. */
export function contactExportRecord(contact: Contact): string[] {
  const values: Record<(typeof contactExportColumns)[number], string> = {
    id: idOf(contact.name),
    account_id: idOf(contact.account),
    given_name: contact.givenName,
    family_name: contact.familyName,
    email: contact.email,
    phone: contact.phone,
    job_title: contact.jobTitle,
    owner_user_id: contact.ownerUserId,
    team: contact.team,
    tags: tagsCell(contact.tags),
    ...addressCells(contact.address),
    preferred_channel: enumLabel(ContactChannelSchema, contact.preferredChannel),
    create_time: timeCell(contact.createTime),
    update_time: timeCell(contact.updateTime),
  };
  return contactExportColumns.map((c) => values[c]);
}
