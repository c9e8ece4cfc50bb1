import { describe, expect, it } from "vitest";
import { ariaSort, orderBy, parseSort, toggleSort } from "./sorting";

describe("list sorting", () => {
  it("reads the orders the service knows from the address and ignores anything else", () => {
    expect(parseSort("display_name")).toEqual({ field: "display_name", descending: false });
    expect(parseSort("update_time desc")).toEqual({ field: "update_time", descending: true });
    expect(parseSort(null)).toBeUndefined();
    expect(parseSort("")).toBeUndefined();
    expect(parseSort("email")).toBeUndefined();
    expect(parseSort("create_time asc")).toBeUndefined();
    expect(parseSort("create_time desc extra")).toBeUndefined();
  });

  it("writes the order_by the service expects, empty for its own order", () => {
    expect(orderBy(undefined)).toBe("");
    expect(orderBy({ field: "create_time", descending: false })).toBe("create_time");
    expect(orderBy({ field: "create_time", descending: true })).toBe("create_time desc");
    expect(parseSort(orderBy({ field: "display_name", descending: true }))).toEqual({ field: "display_name", descending: true });
  });

  it("sorts a new column ascending and flips the sorted one", () => {
    const byName = toggleSort(undefined, "display_name");
    expect(byName).toEqual({ field: "display_name", descending: false });
    expect(toggleSort(byName, "display_name")).toEqual({ field: "display_name", descending: true });
    expect(toggleSort(toggleSort(byName, "display_name"), "display_name")).toEqual(byName);
    expect(toggleSort({ field: "display_name", descending: true }, "update_time")).toEqual({ field: "update_time", descending: false });
  });

  it("marks only the sorted column for assistive technology", () => {
    const sort = { field: "create_time", descending: true } as const;
    expect(ariaSort(sort, "create_time")).toBe("descending");
    expect(ariaSort({ ...sort, descending: false }, "create_time")).toBe("ascending");
    expect(ariaSort(sort, "display_name")).toBeUndefined();
    expect(ariaSort(undefined, "display_name")).toBeUndefined();
  });
});
