import { type FormEvent, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { useSession } from "../../api/useSession";
import { customers, identity } from "../../api/clients";
import { messageOf } from "../../api/errors";
import { ErrorAlert } from "../../components/Alert";
import { EnumField, SelectField, TextField } from "../../components/fields";
import { useLoad } from "../../components/useLoad";
import {
  type AccountKind,
  AccountKindSchema,
  type CommitmentSegment,
  CommitmentSegmentSchema,
  type RelationshipPhase,
  RelationshipPhaseSchema,
} from "../../gen/crm/customers/v1/customers_pb";
import { exportColumns, exportRecord } from "../../lib/customerCsv";
import { toCsv } from "../../lib/csv";
import { downloadText } from "../../lib/download";
import { enumLabel } from "../../lib/enums";
import { formatTime } from "../../lib/format";
import { customerPath, idOf } from "../../lib/names";
import { currentToken, firstPage, hasPrevious, next, type PageCursor, pageNumber, previous } from "../../lib/paging";
import { ariaSort, orderBy, parseSort, type SortField, toggleSort } from "../../lib/sorting";
import { options } from "./options";

const pageSizes = [25, 50, 100];

interface Filters {
  query: string;
  ownerUserId: string;
  tag: string;
  phase: RelationshipPhase;
  commitmentSegment: CommitmentSegment;
  kind: AccountKind;
  orderBy: string;
}

const sortDescriptions: Record<SortField, [string, string]> = {
  display_name: ["by name, A to Z", "by name, Z to A"],
  create_time: ["by creation, oldest first", "by creation, newest first"],
  update_time: ["by last update, least recent first", "by last update, most recent first"],
};

/** The filters and sort of the list, kept in the address so a list can be bookmarked and survives Back. */
function filtersOf(params: URLSearchParams): Filters {
  return {
    query: params.get("q") ?? "",
    ownerUserId: params.get("owner") ?? "",
    tag: params.get("tag") ?? "",
    phase: Number(params.get("phase") ?? 0),
    commitmentSegment: Number(params.get("segment") ?? 0),
    kind: Number(params.get("kind") ?? 0),
    orderBy: orderBy(parseSort(params.get("sort"))),
  };
}

export function CustomersListPage() {
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const sort = parseSort(filters.orderBy);
  const filterKey = params.toString();
  const [draft, setDraft] = useState(filters);
  const [pageSize, setPageSize] = useState(pageSizes[0]);
  const [paging, setPaging] = useState<{ key: string; cursor: PageCursor }>({ key: filterKey, cursor: firstPage });
  const cursor = paging.key === filterKey ? paging.cursor : firstPage;
  const [exporting, setExporting] = useState<{ count: number } | undefined>();
  const [exportError, setExportError] = useState("");

  const page = useLoad(
    (signal) => customers.listAccounts({ ...filters, pageSize, pageToken: currentToken(cursor) }, { signal }),
    [filterKey, pageSize, cursor],
  );

  const search = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    const set = (key: string, value: string | number | undefined) => {
      if (value) next.set(key, String(value));
    };
    set("q", draft.query.trim());
    set("owner", draft.ownerUserId);
    set("tag", draft.tag.trim());
    set("phase", draft.phase);
    set("segment", draft.commitmentSegment);
    set("kind", draft.kind);
    set("sort", filters.orderBy);
    setParams(next);
  };

  /** A new order starts again from the first page: the paging state is keyed by the address. */
  const sortBy = (field: SortField) => {
    const next = new URLSearchParams(params);
    next.set("sort", orderBy(toggleSort(sort, field)));
    setParams(next);
  };

  const sortHeader = (field: SortField, label: string) => (
    <th scope="col" aria-sort={ariaSort(sort, field)}>
      <button type="button" className="sort-heading" onClick={() => sortBy(field)}>
        {label}
        <span aria-hidden="true" className="sort-mark">{sort?.field !== field ? "↕" : sort.descending ? "▼" : "▲"}</span>
      </button>
    </th>
  );

  const exportCsv = async () => {
    setExportError("");
    setExporting({ count: 0 });
    const records: string[][] = [[...exportColumns]];
    try {
      for await (const account of customers.exportAccounts({ filter: filters })) {
        records.push(exportRecord(account));
        if (records.length % 100 === 0) setExporting({ count: records.length - 1 });
      }
      downloadText(`customers-${new Date().toISOString().slice(0, 10)}.csv`, toCsv(records));
    } catch (failure) {
      setExportError(messageOf(failure));
    } finally {
      setExporting(undefined);
    }
  };

  const accounts = page.data?.accounts ?? [];
  return (
    <section>
      <div className="page-header">
        <h1>Customers</h1>
        <div className="actions">
          <Link className="button" to="/customers/new">New customer</Link>
          <Link className="button secondary" to="/customers/import">Import CSV</Link>
          <button type="button" className="secondary" onClick={exportCsv} disabled={exporting !== undefined}>
            {exporting ? `Exporting… ${exporting.count}` : "Export CSV"}
          </button>
          <Link className="button secondary" to="/customers/duplicates">Duplicates</Link>
        </div>
      </div>
      <ErrorAlert message={exportError} />

      <form className="filters" role="search" aria-label="Customers" onSubmit={search}>
        <TextField label="Search" type="search" value={draft.query} onChange={(query) => setDraft({ ...draft, query })} hint="Name, email, phone or domain" />
        <OwnerField value={draft.ownerUserId} onChange={(ownerUserId) => setDraft({ ...draft, ownerUserId })} />
        <EnumField label="Phase" value={draft.phase} onChange={(phase) => setDraft({ ...draft, phase })} options={options.phase} emptyLabel="Any phase" />
        <EnumField label="Commitment segment" value={draft.commitmentSegment} onChange={(commitmentSegment) => setDraft({ ...draft, commitmentSegment })} options={options.segment} emptyLabel="Any segment" />
        <EnumField label="Kind" value={draft.kind} onChange={(kind) => setDraft({ ...draft, kind })} options={options.kind} emptyLabel="Any kind" />
        <TextField label="Tag" value={draft.tag} onChange={(tag) => setDraft({ ...draft, tag })} />
        <div className="filter-buttons">
          <button type="submit">Search</button>
        </div>
      </form>

      <ErrorAlert message={page.error} />
      <table className="data">
        <caption>
          {sort ? `Customers, sorted ${sortDescriptions[sort.field][sort.descending ? 1 : 0]}.` : "Customers."}
          {" "}Sort with the Name, Created and Updated column headings.
          {page.loading && <span role="status"> Loading…</span>}
        </caption>
        <thead>
          <tr>
            {sortHeader("display_name", "Name")}
            <th scope="col">Kind</th>
            <th scope="col">Email</th>
            <th scope="col">Phone</th>
            <th scope="col">Phase</th>
            <th scope="col">Commitment segment</th>
            <th scope="col">Tags</th>
            {sortHeader("create_time", "Created")}
            {sortHeader("update_time", "Updated")}
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.name}>
              <td><Link to={customerPath(a.name)}>{a.displayName}</Link></td>
              <td>{enumLabel(AccountKindSchema, a.kind)}</td>
              <td>{a.email}</td>
              <td>{a.phone}</td>
              <td>{enumLabel(RelationshipPhaseSchema, a.phase)}</td>
              <td>{enumLabel(CommitmentSegmentSchema, a.commitment?.segment ?? 0, "Not assessed")}</td>
              <td>{a.tags.join(", ")}</td>
              <td>{formatTime(a.createTime)}</td>
              <td>{formatTime(a.updateTime)}</td>
            </tr>
          ))}
          {!page.loading && accounts.length === 0 && !page.error && (
            <tr><td colSpan={9}>No customers match.</td></tr>
          )}
        </tbody>
      </table>
      <nav className="pager" aria-label="Pages">
        <button type="button" className="secondary" disabled={!hasPrevious(cursor)} onClick={() => setPaging({ key: filterKey, cursor: previous(cursor) })}>Previous page</button>
        <span>Page {pageNumber(cursor)}</span>
        <button type="button" className="secondary" disabled={!page.data?.nextPageToken} onClick={() => setPaging({ key: filterKey, cursor: next(cursor, page.data!.nextPageToken) })}>Next page</button>
        <SelectField label="Per page" value={pageSize} onChange={(v) => setPageSize(Number(v))} options={pageSizes.map((n) => ({ value: n, label: String(n) }))} />
      </nav>
    </section>
  );
}

/** Anyone, me, or (for admins, who may list users) any user. */
function OwnerField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const state = useSession();
  const me = state.status === "signedIn" ? state.user : undefined;
  const isAdmin = me?.roles.includes("admin") ?? false;
  const users = useLoad(async (signal) => (isAdmin ? (await identity.listUsers({ pageSize: 1000 }, { signal })).users : []), [isAdmin]);
  const meId = me ? idOf(me.name) : "";
  const choices = [
    ...(me ? [{ value: meId, label: "Me" }] : []),
    ...(users.data ?? []).filter((u) => u.name !== me?.name).map((u) => ({ value: idOf(u.name), label: u.displayName || u.email })),
  ];
  return <SelectField label="Owner" value={value} onChange={onChange} options={choices} emptyLabel="Anyone" emptyValue="" />;
}
