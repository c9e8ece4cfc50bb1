import { describe, expect, it } from "vitest";
import { ariaSort, orderBy, parseSort, sortCaption, type SortColumns, timeSortColumns, toggleSort } from "./sorting";

const columns = {
  given_name: { label: "Given name", ascending: "by given name, A to Z", descending: "by given name, Z to A" },
  family_name: { label: "Family name", ascending: "by family name, A to Z", descending: "by family name, Z to A" },
  ...timeSortColumns,
} satisfies SortColumns<string>;

describe("list sorting", () => {
  it("reads the orders of the list's columns from the address and ignores anything else", () => {
    expect(parseSort("family_name", columns)).toEqual({ field: "family_name", descending: false });
    expect(parseSort("update_time desc", columns)).toEqual({ field: "update_time", descending: true });
    expect(parseSort(null, columns)).toBeUndefined();
    expect(parseSort("", columns)).toBeUndefined();
    expect(parseSort("display_name", columns)).toBeUndefined();
    expect(parseSort("toString", columns)).toBeUndefined();
    expect(parseSort("create_time asc", columns)).toBeUndefined();
    expect(parseSort("create_time desc extra", columns)).toBeUndefined();
  });

  it("writes the order_by the service expects, empty for its own order", () => {
    expect(orderBy(undefined)).toBe("");
    expect(orderBy({ field: "create_time", descending: false })).toBe("create_time");
    expect(orderBy({ field: "create_time", descending: true })).toBe("create_time desc");
    expect(parseSort(orderBy({ field: "given_name", descending: true }), columns)).toEqual({ field: "given_name", descending: true });
  });

  it("sorts a new column ascending and flips the sorted one", () => {
    const byName = toggleSort(undefined, "family_name");
    expect(byName).toEqual({ field: "family_name", descending: false });
    expect(toggleSort(byName, "family_name")).toEqual({ field: "family_name", descending: true });
    expect(toggleSort(toggleSort(byName, "family_name"), "family_name")).toEqual(byName);
    expect(toggleSort({ field: "family_name", descending: true }, "update_time")).toEqual({ field: "update_time", descending: false });
  });

  it("marks only the sorted column for assistive technology", () => {
    const sort = { field: "create_time", descending: true } as const;
    expect(ariaSort(sort, "create_time")).toBe("descending");
    expect(ariaSort({ ...sort, descending: false }, "create_time")).toBe("ascending");
    expect(ariaSort(sort, "given_name")).toBeUndefined();
    expect(ariaSort(undefined, "given_name")).toBeUndefined();
  });

  it("says in the caption how the list is sorted and which headings sort it", () => {
    const headings = "Sort with the Given name, Family name, Created and Updated column headings.";
    expect(sortCaption("Contacts", columns, undefined)).toBe(`Contacts. ${headings}`);
    expect(sortCaption("Contacts", columns, { field: "family_name", descending: true })).toBe(`Contacts, sorted by family name, Z to A. ${headings}`);
    expect(sortCaption("Contacts", columns, { field: "create_time", descending: false })).toBe(`Contacts, sorted by creation, oldest first. ${headings}`);
  });
});
