import { create } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { AccountSchema, RelationshipPhase } from "../../gen/crm/customers/v1/customers_pb";
import { accountOf, accountUpdatePaths, draftOf } from "./accountForm";

const loaded = create(AccountSchema, {
  name: "accounts/1",
  displayName: "Acme",
  phase: RelationshipPhase.EXPLORATION,
  address: { regionCode: "GB", locality: "Leeds" },
});

describe("account form", () => {
  it("updates only what changed, the whole address as one path", () => {
    const draft = { ...draftOf(loaded), email: "sales@acme.com", locality: "York" };
    expect(accountUpdatePaths(draftOf(loaded), draft)).toEqual(["email", "address"]);
  });

  it("sends the phase when the user sets it by hand, and clears the override to derive it again", () => {
    const manual = { ...draftOf(loaded), derivePhase: false, phase: RelationshipPhase.EXPANSION };
    expect(accountUpdatePaths(draftOf(loaded), manual)).toEqual(["phase"]);
    const overridden = create(AccountSchema, { ...loaded, phaseOverride: true });
    const derived = { ...draftOf(overridden), derivePhase: true };
    expect(accountUpdatePaths(draftOf(overridden), derived)).toEqual(["phase_override"]);
    expect(accountOf(derived).phaseOverride).toBe(false);
  });

  it("sends no address when every address field is empty, and one line per address line", () => {
    expect(accountOf({ ...draftOf(undefined), displayName: "A" }).address).toBeUndefined();
    const withLines = accountOf({ ...draftOf(undefined), addressLines: "1 High St\n\n Flat 2 " });
    expect(withLines.address?.addressLines).toEqual(["1 High St", "Flat 2"]);
  });
});
