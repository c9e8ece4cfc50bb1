import { describe, expect, it } from "vitest";
import { CsvError, parseCsv, toCsv } from "./csv";

describe("parseCsv", () => {
  it("reads plain fields and both line endings", () => {
    expect(parseCsv("a,b\r\nc,d\ne,f")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["c", "d"] },
      { line: 3, fields: ["e", "f"] },
    ]);
  });

  it("keeps commas, doubled quotes and line breaks inside quotes, and counts lines for the next record", () => {
    const records = parseCsv('name,notes\n"Acme, Inc.","said ""hi""\nand left"\nBeta,x\n');
    expect(records).toEqual([
      { line: 1, fields: ["name", "notes"] },
      { line: 2, fields: ["Acme, Inc.", 'said "hi"\nand left'] },
      { line: 4, fields: ["Beta", "x"] },
    ]);
  });

  it("skips a byte-order mark and blank lines but keeps empty fields", () => {
    expect(parseCsv("\ufeffa,b\n\n,\n")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 3, fields: ["", ""] },
    ]);
  });

  it("rejects an unterminated quote with its line", () => {
    expect(() => parseCsv('a\n"open')).toThrow(new CsvError("a quoted field is not closed", 2));
  });

  it("rejects text after a closing quote", () => {
    expect(() => parseCsv('"a"b')).toThrow(CsvError);
  });
});

describe("toCsv", () => {
  it("quotes only what needs quoting and round-trips through parseCsv", () => {
    const records = [["id", "name"], ["1", 'Acme, "the" best\nco']];
    const text = toCsv(records);
    expect(text).toBe('id,name\r\n1,"Acme, ""the"" best\nco"\r\n');
    expect(parseCsv(text).map((r) => r.fields)).toEqual(records);
  });
});
