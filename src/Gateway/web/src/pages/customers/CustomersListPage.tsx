import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { customers } from "../../api/clients";
import { ErrorAlert } from "../../components/Alert";
import { ExportCsvButton } from "../../components/ExportCsvButton";
import { EnumField, TextField } from "../../components/fields";
import { OwnerField } from "../../components/OwnerField";
import { Pager } from "../../components/Pager";
import { SortHeading } from "../../components/SortHeading";
import { useCsvExport } from "../../components/useCsvExport";
import { useListAddress } from "../../components/useListAddress";
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
import { enumLabel } from "../../lib/enums";
import { formatTime } from "../../lib/format";
import { customerPath } from "../../lib/names";
import { currentToken } from "../../lib/paging";
import { orderBy, sortCaption, type SortColumns, timeSortColumns } from "../../lib/sorting";
import { options } from "./options";

interface Filters {
  query: string;
  ownerUserId: string;
  tag: string;
  phase: RelationshipPhase;
  commitmentSegment: CommitmentSegment;
  kind: AccountKind;
}

/** The ListAccounts `order_by` fields, as column headings. */
const sortColumns = {
  display_name: { label: "Name", ascending: "by name, A to Z", descending: "by name, Z to A" },
  ...timeSortColumns,
} satisfies SortColumns<string>;

/** The filters of the list, kept in the address so a list can be bookmarked and survives Back. */
function filtersOf(params: URLSearchParams): Filters {
  return {
    query: params.get("q") ?? "",
    ownerUserId: params.get("owner") ?? "",
    tag: params.get("tag") ?? "",
    phase: Number(params.get("phase") ?? 0),
    commitmentSegment: Number(params.get("segment") ?? 0),
    kind: Number(params.get("kind") ?? 0),
  };
}

export function CustomersListPage() {
  const list = useListAddress(sortColumns);
  const filters = filtersOf(list.params);
  const request = { ...filters, orderBy: orderBy(list.sort) };
  const [draft, setDraft] = useState(filters);
  const csv = useCsvExport("customers", exportColumns, exportRecord);

  const page = useLoad(
    (signal) => customers.listAccounts({ ...request, pageSize: list.pageSize, pageToken: currentToken(list.cursor) }, { signal }),
    [list.key, list.cursor],
  );

  const search = (event: FormEvent) => {
    event.preventDefault();
    list.search({
      q: draft.query.trim(),
      owner: draft.ownerUserId,
      tag: draft.tag.trim(),
      phase: draft.phase,
      segment: draft.commitmentSegment,
      kind: draft.kind,
    });
  };

  const accounts = page.data?.accounts ?? [];
  return (
    <section>
      <div className="page-header">
        <h1>Customers</h1>
        <div className="actions">
          <Link className="button" to="/customers/new">New customer</Link>
          <Link className="button secondary" to="/customers/import">Import CSV</Link>
          <ExportCsvButton csv={csv} records={() => customers.exportAccounts({ filter: request })} />
          <Link className="button secondary" to="/customers/duplicates">Duplicates</Link>
        </div>
      </div>
      <ErrorAlert message={csv.error} />

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
          {sortCaption("Customers", sortColumns, list.sort)}
          {page.loading && <span role="status"> Loading…</span>}
        </caption>
        <thead>
          <tr>
            <SortHeading list={list} field="display_name" />
            <th scope="col">Kind</th>
            <th scope="col">Email</th>
            <th scope="col">Phone</th>
            <th scope="col">Phase</th>
            <th scope="col">Commitment segment</th>
            <th scope="col">Tags</th>
            <SortHeading list={list} field="create_time" />
            <SortHeading list={list} field="update_time" />
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
      <Pager list={list} nextPageToken={page.data?.nextPageToken} />
    </section>
  );
}
