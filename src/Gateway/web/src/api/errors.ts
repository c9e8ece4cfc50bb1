import { Code, ConnectError, decodeBinaryHeader } from "@connectrpc/connect";
import { type DuplicateCandidate, DuplicateCandidatesSchema } from "../gen/crm/customers/v1/customers_pb";

/** The trailer in which the Customers service lists the probable duplicates of a record being created. */
export const duplicateCandidatesTrailer = "crm-duplicate-candidates-bin";

/** What the user is told about a failed call. */
export interface ErrorView {
  code: Code;
  /** Shown above the form or in place of the page; empty when every problem was put on a field. */
  message: string;
  /** Messages for fields shown by the form, by field path within the record ("email", "address.postal_code"). */
  fieldErrors: Record<string, string>;
  /** The record changed since it was read (a stale etag): reload, then edit again. */
  stale: boolean;
  /** For ALREADY_EXISTS on create: the probable duplicates, from the trailer. */
  duplicates: DuplicateCandidate[];
}

/** Where field errors belong: the message's field paths start with `prefix` ("account"), the form shows `fields`. */
export interface FieldScope {
  prefix: string;
  fields: readonly string[];
}

const genericMessage = "Something went wrong on the server. Try again; if it keeps happening, tell your administrator.";
const staleMessage = "This record was changed by someone else — reload it to see the changes, then make yours again.";
const fieldMessage = /^([a-z_][a-z0-9_]*(?:\.[a-z0-9_]+)*): (.+)$/s;

/**
 * Turns any failure of a call into text for the user: the gRPC status message (INVALID_ARGUMENT messages start with
 * the field path, "account.email: …", and land on that field when the form shows it), a fixed text for a stale etag,
 * and a generic text for UNKNOWN and INTERNAL, which never reveal server internals or a stack trace.
 */
export function explain(error: unknown, scope?: FieldScope): ErrorView {
  const e = ConnectError.from(error);
  const view: ErrorView = { code: e.code, message: e.rawMessage, fieldErrors: {}, stale: false, duplicates: [] };
  switch (e.code) {
    case Code.Unknown:
    case Code.Internal:
    case Code.DataLoss:
      view.message = genericMessage;
      break;
    case Code.Unavailable:
      view.message = e.rawMessage || "The service is not available right now. Try again in a moment.";
      break;
    case Code.Aborted:
      view.stale = true;
      view.message = staleMessage;
      break;
    case Code.AlreadyExists:
      view.duplicates = duplicatesOf(e);
      break;
    case Code.InvalidArgument:
      if (scope) placeOnFields(view, scope);
      break;
  }
  return view;
}

/** The text to show for a failure outside a form. */
export function messageOf(error: unknown): string {
  return explain(error).message;
}

function placeOnFields(view: ErrorView, scope: FieldScope) {
  const rest: string[] = [];
  for (const part of view.message.split(/;\s+(?=[a-z_][a-z0-9_.]*: )/)) {
    const match = fieldMessage.exec(part.trim());
    const path = match?.[1].startsWith(`${scope.prefix}.`) ? match[1].slice(scope.prefix.length + 1) : undefined;
    const field = path === undefined ? undefined : scope.fields.find((f) => path === f || path.startsWith(`${f}.`) || path.startsWith(`${f}[`));
    if (match && field !== undefined) {
      view.fieldErrors[field] = view.fieldErrors[field] ? `${view.fieldErrors[field]}; ${match[2]}` : match[2];
    } else {
      rest.push(part);
    }
  }
  view.message = rest.join("; ");
}

function duplicatesOf(e: ConnectError): DuplicateCandidate[] {
  const value = e.metadata.get(duplicateCandidatesTrailer);
  if (!value) return [];
  try {
    return decodeBinaryHeader(value, DuplicateCandidatesSchema).candidates;
  } catch {
    return [];
  }
}
