import { describe, expect, it } from "vitest";
import { changedPaths } from "./formDiff";

describe("changedPaths", () => {
  it("names each changed field once, by its mask path, and nothing unchanged", () => {
    const loaded = { displayName: "Acme", email: "a@acme.com", locality: "Leeds", regionCode: "GB" };
    const edited = { ...loaded, email: "b@acme.com", locality: "York", regionCode: "GB" };
    const paths = { displayName: "display_name", email: "email", locality: "address", regionCode: "address" };
    expect(changedPaths(loaded, edited, paths)).toEqual(["email", "address"]);
    expect(changedPaths(loaded, { ...loaded }, paths)).toEqual([]);
  });
});
