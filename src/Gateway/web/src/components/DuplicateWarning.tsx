import { Link } from "react-router";
import type { DuplicateCandidate } from "../gen/crm/customers/v1/customers_pb";
import { customerPath } from "../lib/names";

/** The probable duplicates the server found for a record being created, with the choice to create it anyway. */
export function DuplicateWarning({ record, message, candidates, busy, onCreateAnyway }: {
  /** What is being created: "customer" or "contact". */
  record: string;
  message: string;
  candidates: DuplicateCandidate[];
  busy: boolean;
  onCreateAnyway: () => void;
}) {
  return (
    <section className="alert warning" role="alert" aria-labelledby="duplicate-heading">
      <h2 id="duplicate-heading">Possible duplicate</h2>
      <p>{candidates.length > 0 ? `This looks like a ${record} you already have:` : message}</p>
      {candidates.length > 0 && (
        <ul>
          {candidates.map((c) => (
            <li key={c.name}>
              {c.name.startsWith("accounts/") ? <Link to={customerPath(c.name)}>{c.displayName || c.name}</Link> : (c.displayName || c.name)}
              {" "}— {Math.round(c.score * 100)}% match on {c.matchedFields.join(", ") || "several fields"}
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={onCreateAnyway} disabled={busy}>Create anyway</button>
    </section>
  );
}
