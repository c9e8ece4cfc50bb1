import { describe, expect, it } from "vitest";
import { batchGetLimit, chunksOf, displayNamesOf } from "./accountNames";

describe("account names", () => {
  it("names each requested account by its display name, and a merged name by its survivor's", () => {
    const accounts = [
      { name: "accounts/a", displayName: "Acme", mergedNames: ["accounts/old-acme", "accounts/not-asked"] },
      { name: "accounts/b", displayName: "Globex", mergedNames: [] },
    ];

    const names = displayNamesOf(["accounts/a", "accounts/old-acme", "accounts/b", "accounts/unreadable"], accounts);

    expect([...names]).toEqual([["accounts/a", "Acme"], ["accounts/old-acme", "Acme"], ["accounts/b", "Globex"]]);
    expect(names.has("accounts/unreadable")).toBe(false);
    expect(names.has("accounts/not-asked")).toBe(false);
  });

  it("splits names into batches the service accepts", () => {
    const names = Array.from({ length: 2 * batchGetLimit + 1 }, (_, i) => `accounts/${i}`);

    expect(chunksOf(names, batchGetLimit).map((chunk) => chunk.length)).toEqual([batchGetLimit, batchGetLimit, 1]);
    expect(chunksOf(names, batchGetLimit).flat()).toEqual(names);
    expect(chunksOf([], batchGetLimit)).toEqual([]);
  });
});
