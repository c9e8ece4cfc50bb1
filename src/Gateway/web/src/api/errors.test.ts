import { create } from "@bufbuild/protobuf";
import { Code, ConnectError, encodeBinaryHeader } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import { DuplicateCandidatesSchema } from "../gen/crm/customers/v1/customers_pb";
import { duplicateCandidatesTrailer, explain } from "./errors";

const accountForm = { prefix: "account", fields: ["display_name", "email", "address"] };

describe("explain", () => {
  it("puts an INVALID_ARGUMENT message on the field it names", () => {
    const view = explain(new ConnectError("account.email: 'bob@' is not an email address", Code.InvalidArgument), accountForm);
    expect(view.fieldErrors).toEqual({ email: "'bob@' is not an email address" });
    expect(view.message).toBe("");
  });

  it("puts a nested field's message on the form field that holds it", () => {
    const view = explain(new ConnectError("account.address.postal_code: not a GB postcode", Code.InvalidArgument), accountForm);
    expect(view.fieldErrors).toEqual({ address: "not a GB postcode" });
  });

  it("splits several field messages and keeps those the form does not show as text", () => {
    const error = new ConnectError("account.email: bad; account.team: unknown team", Code.InvalidArgument);
    const view = explain(error, accountForm);
    expect(view.fieldErrors).toEqual({ email: "bad" });
    expect(view.message).toBe("account.team: unknown team");
  });

  it("shows a message without a field path as it is", () => {
    const view = explain(new ConnectError("page_token is not valid", Code.InvalidArgument), accountForm);
    expect(view.fieldErrors).toEqual({});
    expect(view.message).toBe("page_token is not valid");
  });

  it("never shows what an INTERNAL or UNKNOWN error carries", () => {
    for (const code of [Code.Internal, Code.Unknown]) {
      const view = explain(new ConnectError("System.NullReferenceException at Foo.Bar() in /src/x.cs:line 3", code));
      expect(view.message).not.toContain("Exception");
      expect(view.message).toMatch(/Something went wrong/);
    }
    expect(explain(new TypeError("boom")).message).toMatch(/Something went wrong/);
  });

  it("marks a stale etag and says to reload", () => {
    const view = explain(new ConnectError("etag mismatch", Code.Aborted));
    expect(view.stale).toBe(true);
    expect(view.message).toMatch(/changed by someone else — reload/);
  });

  it("reads the duplicate candidates from the trailer of ALREADY_EXISTS", () => {
    const candidates = create(DuplicateCandidatesSchema, {
      candidates: [{ name: "accounts/1", displayName: "Acme", score: 0.9, matchedFields: ["email"] }],
    });
    const error = new ConnectError("probable duplicate of accounts/1 (Acme, 0.90)", Code.AlreadyExists, {
      [duplicateCandidatesTrailer]: encodeBinaryHeader(candidates, DuplicateCandidatesSchema),
    });
    const view = explain(error);
    expect(view.duplicates.map((c) => [c.name, c.displayName, c.matchedFields])).toEqual([["accounts/1", "Acme", ["email"]]]);
    expect(view.message).toBe("probable duplicate of accounts/1 (Acme, 0.90)");
  });
});
