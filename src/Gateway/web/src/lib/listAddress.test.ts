import { describe, expect, it } from "vitest";
import { pageSizeOf, withFilters, withPageSize, withParameter } from "./listAddress";

const address = (query: string) => new URLSearchParams(query);

describe("list address", () => {
  it("reads the page size, falling back to the default for a missing or unoffered one", () => {
    expect(pageSizeOf(address("size=50"))).toBe(50);
    expect(pageSizeOf(address(""))).toBe(25);
    expect(pageSizeOf(address("size=7"))).toBe(25);
    expect(pageSizeOf(address("size=abc"))).toBe(25);
  });

  it("leaves the default page size out of the address", () => {
    expect(withPageSize(address("q=ada"), 100).toString()).toBe("q=ada&size=100");
    expect(withPageSize(address("q=ada&size=100"), 25).toString()).toBe("q=ada");
  });

  it("replaces the filters of a search but keeps the order and page size", () => {
    const searched = withFilters(address("q=old&tag=vip&sort=family_name+desc&size=50"), { q: "ada", owner: "", tag: "", phase: 0, kind: 2 });
    expect(Object.fromEntries(searched)).toEqual({ q: "ada", kind: "2", sort: "family_name desc", size: "50" });
  });

  it("sets one parameter, or removes it when empty, leaving the others", () => {
    expect(withParameter(address("q=ada"), "sort", "given_name").toString()).toBe("q=ada&sort=given_name");
    expect(withParameter(address("q=ada&account=a1"), "account", "").toString()).toBe("q=ada");
  });
});
