import type { MessageInitShape } from "@bufbuild/protobuf";
import type { Account, AccountKind, AccountSchema, RelationshipPhase, ValueTier } from "../../gen/crm/customers/v1/customers_pb";
import { changedPaths } from "../../lib/formDiff";

/** What the account form edits, as the inputs hold it. */
export interface AccountDraft {
  kind: AccountKind;
  displayName: string;
  email: string;
  phone: string;
  domain: string;
  team: string;
  tags: string;
  phase: RelationshipPhase;
  derivePhase: boolean;
  valueTier: ValueTier;
  regionCode: string;
  postalCode: string;
  administrativeArea: string;
  locality: string;
  addressLines: string;
}

/** The update_mask path of each draft field. */
export const accountPaths: Record<keyof AccountDraft, string> = {
  kind: "kind",
  displayName: "display_name",
  email: "email",
  phone: "phone",
  domain: "domain",
  team: "team",
  tags: "tags",
  phase: "phase",
  derivePhase: "phase_override",
  valueTier: "value_tier",
  regionCode: "address",
  postalCode: "address",
  administrativeArea: "address",
  locality: "address",
  addressLines: "address",
};

/** The fields the form shows errors on, as the server names them under "account.". */
export const accountErrorFields = ["kind", "display_name", "email", "phone", "domain", "team", "tags", "phase", "value_tier", "address"] as const;

export function draftOf(account: Account | undefined): AccountDraft {
  const address = account?.address;
  return {
    kind: account?.kind ?? 1,
    displayName: account?.displayName ?? "",
    email: account?.email ?? "",
    phone: account?.phone ?? "",
    domain: account?.domain ?? "",
    team: account?.team ?? "",
    tags: account?.tags.join(", ") ?? "",
    phase: account?.phase ?? 0,
    derivePhase: account ? !account.phaseOverride : true,
    valueTier: account?.valueTier ?? 0,
    regionCode: address?.regionCode ?? "",
    postalCode: address?.postalCode ?? "",
    administrativeArea: address?.administrativeArea ?? "",
    locality: address?.locality ?? "",
    addressLines: address?.addressLines.join("\n") ?? "",
  };
}

/**
 * The update_mask paths for the changes between the loaded account and the draft. Switching from a derived to a
 * manual phase sends the phase (which makes it an override); switching back clears the override.
 */
export function accountUpdatePaths(loaded: AccountDraft, draft: AccountDraft): string[] {
  const paths = changedPaths(loaded, draft, accountPaths);
  return !draft.derivePhase && paths.includes("phase_override") ? [...paths.filter((p) => p !== "phase_override" && p !== "phase"), "phase"] : paths;
}

/** The account message for a draft (name and etag added by the caller for updates). */
export function accountOf(draft: AccountDraft): MessageInitShape<typeof AccountSchema> {
  const addressLines = draft.addressLines.split("\n").map((l) => l.trim()).filter(Boolean);
  const hasAddress = addressLines.length > 0 || [draft.regionCode, draft.postalCode, draft.administrativeArea, draft.locality].some((v) => v.trim());
  return {
    kind: draft.kind,
    displayName: draft.displayName,
    email: draft.email,
    phone: draft.phone,
    domain: draft.domain,
    team: draft.team,
    tags: draft.tags.split(",").map((t) => t.trim()).filter(Boolean),
    phase: draft.phase,
    phaseOverride: !draft.derivePhase,
    valueTier: draft.valueTier,
    address: hasAddress
      ? {
          regionCode: draft.regionCode,
          postalCode: draft.postalCode,
          administrativeArea: draft.administrativeArea,
          locality: draft.locality,
          addressLines,
        }
      : undefined,
  };
}
