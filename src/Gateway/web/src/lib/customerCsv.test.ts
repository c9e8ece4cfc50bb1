import { create } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { AccountKind, AccountSchema, RelationshipPhase } from "../gen/crm/customers/v1/customers_pb";
import { parseCsv, toCsv } from "./csv";
import { exportColumns, exportRecord, planImport } from "./customerCsv";

describe("planImport", () => {
  it("maps header names onto account and contact fields, ignoring case and everyday aliases", () => {
    const csv = 'Name,E-mail,Country,City,Tags,Kind,Contact Given Name,Contact Email\n"Acme, Inc.",sales@acme.com,GB,London,"vip; uk",company,Ada,ada@acme.com\n';
    const plan = planImport("leads.csv", parseCsv(csv), false);
    expect(plan.problems).toEqual([]);
    expect(plan.ignoredColumns).toEqual([]);
    const { line, row } = plan.rows[0];
    expect(line).toBe(2);
    expect(row.rowKey).toBe("leads.csv:2");
    expect(row.account?.displayName).toBe("Acme, Inc.");
    expect(row.account?.email).toBe("sales@acme.com");
    expect(row.account?.kind).toBe(AccountKind.COMPANY);
    expect(row.account?.tags).toEqual(["vip", "uk"]);
    expect(row.account?.address?.regionCode).toBe("GB");
    expect(row.account?.address?.locality).toBe("London");
    expect(row.contacts.map((c) => [c.givenName, c.email])).toEqual([["Ada", "ada@acme.com"]]);
  });

  it("uses the id column as row key when it is filled, the file and line otherwise", () => {
    const plan = planImport("f.csv", parseCsv("id,display_name\next-1,A\n,B\n"), true);
    expect(plan.rows.map((r) => r.row.rowKey)).toEqual(["ext-1", "f.csv:3"]);
    expect(plan.rows.every((r) => r.row.confirmNotDuplicate)).toBe(true);
  });

  it("counts lines of quoted line breaks when naming rows", () => {
    const plan = planImport("f.csv", parseCsv('display_name,address_lines\nA,"1 High St\nFlat 2"\nB,\n'), false);
    expect(plan.rows.map((r) => r.row.rowKey)).toEqual(["f.csv:2", "f.csv:4"]);
    expect(plan.rows[0].row.account?.address?.addressLines).toEqual(["1 High St", "Flat 2"]);
    expect(plan.rows[1].row.account?.address).toBeUndefined();
    expect(plan.rows[1].row.contacts).toEqual([]);
  });

  it("refuses a file without a name column and reports unknown columns", () => {
    const plan = planImport("f.csv", parseCsv("email,shoe_size\na@b.c,42\n"), false);
    expect(plan.problems).toHaveLength(1);
    expect(plan.ignoredColumns).toEqual(["shoe_size"]);
  });

  it("reads back what export writes, leaving the output-only columns out", () => {
    const account = create(AccountSchema, {
      name: "accounts/0190",
      kind: AccountKind.HOUSEHOLD,
      displayName: "The Smiths",
      email: "smiths@example.com",
      tags: ["a", "b"],
      phase: RelationshipPhase.EXPLORATION,
      address: { regionCode: "GB", addressLines: ["1 High St", "Flat 2"] },
    });
    const text = toCsv([[...exportColumns], exportRecord(account)]);
    const plan = planImport("export.csv", parseCsv(text), false);
    expect(plan.ignoredColumns).toEqual(["phase", "commitment_segment", "value_tier", "create_time"]);
    const row = plan.rows[0].row;
    expect(row.rowKey).toBe("0190");
    expect(row.account?.kind).toBe(AccountKind.HOUSEHOLD);
    expect(row.account?.tags).toEqual(["a", "b"]);
    expect(row.account?.address?.addressLines).toEqual(["1 High St", "Flat 2"]);
  });
});
