import { create } from "@bufbuild/protobuf";
import { timestampFromDate } from "@bufbuild/protobuf/wkt";
import { describe, expect, it } from "vitest";
import { ContactChannel, ContactSchema } from "../gen/crm/customers/v1/customers_pb";
import { contactExportColumns, contactExportRecord } from "./contactCsv";
import { parseCsv, toCsv } from "./csv";

describe("contactExportRecord", () => {
  it("writes one cell per column, ids without their collection and times in ISO 8601", () => {
    const contact = create(ContactSchema, {
      name: "contacts/0190aa",
      account: "accounts/0190bb",
      givenName: "Grace",
      familyName: "Hopper",
      email: "grace@navy.example",
      phone: "+1 202 555 0101",
      jobTitle: "Rear admiral",
      ownerUserId: "rep-1",
      team: "north",
      tags: ["vip", "navy"],
      address: { regionCode: "US", locality: "Arlington", addressLines: ["1 Navy Way", "Suite 2"] },
      preferredChannel: ContactChannel.PHONE,
      createTime: timestampFromDate(new Date("2026-01-02T03:04:05.678Z")),
      updateTime: timestampFromDate(new Date("2026-02-03T04:05:06Z")),
    });

    const cells = Object.fromEntries(contactExportColumns.map((c, i) => [c, contactExportRecord(contact)[i]]));

    expect(cells).toEqual({
      id: "0190aa",
      account_id: "0190bb",
      given_name: "Grace",
      family_name: "Hopper",
      email: "grace@navy.example",
      phone: "+1 202 555 0101",
      job_title: "Rear admiral",
      owner_user_id: "rep-1",
      team: "north",
      tags: "vip; navy",
      region_code: "US",
      postal_code: "",
      administrative_area: "",
      locality: "Arlington",
      address_lines: "1 Navy Way\nSuite 2",
      preferred_channel: "Phone",
      create_time: "2026-01-02T03:04:05.678Z",
      update_time: "2026-02-03T04:05:06.000Z",
    });
  });

  it("leaves the cells of unset fields empty and survives a CSV round trip", () => {
    const contact = create(ContactSchema, { name: "contacts/1", account: "accounts/2", familyName: 'O"Brien, Jr.' });

    const [header, row] = parseCsv(toCsv([[...contactExportColumns], contactExportRecord(contact)]));

    expect(header.fields).toEqual([...contactExportColumns]);
    expect(row.fields).toHaveLength(contactExportColumns.length);
    expect(row.fields[contactExportColumns.indexOf("family_name")]).toBe('O"Brien, Jr.');
    const filled = contactExportColumns.filter((_, i) => row.fields[i] !== "");
    expect(filled).toEqual(["id", "account_id", "family_name"]);
  });
});
