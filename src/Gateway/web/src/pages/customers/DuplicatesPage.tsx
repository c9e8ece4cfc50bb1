import { useState } from "react";
import { Link } from "react-router";
import { useSession } from "../../api/useSession";
import { customers } from "../../api/clients";
import { ErrorAlert } from "../../components/Alert";
import { useLoad } from "../../components/useLoad";
import { RecordType } from "../../gen/crm/customers/v1/customers_pb";
import { formatTime } from "../../lib/format";
import { customerPath, idOf } from "../../lib/names";
import { currentToken, firstPage, hasPrevious, next, pageNumber, previous } from "../../lib/paging";

/** The groups of customers the last duplicate scan found, each with a way to merge it. */
export function DuplicatesPage() {
  const state = useSession();
  const canScan = state.status === "signedIn" && state.user.roles.some((r) => r === "admin" || r === "sales_manager");
  const [cursor, setCursor] = useState(firstPage);
  const [scanRequested, setScanRequested] = useState(0);
  const groups = useLoad(
    (signal) => customers.listDuplicateGroups({ recordType: RecordType.ACCOUNT, runScanNow: scanRequested > 0 && cursor === firstPage, pageSize: 25, pageToken: currentToken(cursor) }, { signal }),
    [cursor, scanRequested],
  );
  return (
    <section>
      <div className="page-header">
        <h1>Duplicate customers</h1>
        <div className="actions">
          {canScan && <button type="button" className="secondary" disabled={groups.loading} onClick={() => { setCursor(firstPage); setScanRequested((n) => n + 1); }}>Scan now</button>}
          <Link className="button secondary" to="/customers">Back to customers</Link>
        </div>
      </div>
      <p>{groups.data?.scanTime ? `Found by the scan of ${formatTime(groups.data.scanTime)}, most likely first.` : groups.loading ? "" : "No scan has run yet."}</p>
      {groups.loading && <p role="status">Loading…</p>}
      <ErrorAlert message={groups.error} />
      {groups.data?.groups.length === 0 && <p>No probable duplicates.</p>}
      <ul className="groups">
        {groups.data?.groups.map((g) => (
          <li key={g.members.map((m) => m.name).join()} className="panel">
            <p><strong>{Math.round(g.score * 100)}% alike</strong></p>
            <ul>
              {g.members.map((m) => (
                <li key={m.name}><Link to={customerPath(m.name)}>{m.displayName || m.name}</Link> {m.matchedFields.length > 0 && `(${m.matchedFields.join(", ")})`}</li>
              ))}
            </ul>
            <Link className="button" to={`/customers/merge?ids=${g.members.map((m) => idOf(m.name)).join(",")}`}>
              Merge<span className="visually-hidden"> {g.members.map((m) => m.displayName).join(" and ")}</span>
            </Link>
          </li>
        ))}
      </ul>
      <nav className="pager" aria-label="Pages">
        <button type="button" className="secondary" disabled={!hasPrevious(cursor)} onClick={() => setCursor(previous(cursor))}>Previous page</button>
        <span>Page {pageNumber(cursor)}</span>
        <button type="button" className="secondary" disabled={!groups.data?.nextPageToken} onClick={() => setCursor(next(cursor, groups.data!.nextPageToken))}>Next page</button>
      </nav>
    </section>
  );
}
