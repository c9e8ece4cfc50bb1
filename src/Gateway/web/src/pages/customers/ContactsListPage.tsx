import { type FormEvent, useState } from "react";
import { Link, useLocation } from "react-router";
import { customers } from "../../api/clients";
import { ErrorAlert } from "../../components/Alert";
import { ExportCsvButton } from "../../components/ExportCsvButton";
import { TextField } from "../../components/fields";
import { OwnerField } from "../../components/OwnerField";
import { Pager } from "../../components/Pager";
import { SortHeading } from "../../components/SortHeading";
import { useCsvExport } from "../../components/useCsvExport";
import { useListAddress } from "../../components/useListAddress";
import { useLoad } from "../../components/useLoad";
import { contactExportColumns, contactExportRecord } from "../../lib/contactCsv";
import { formatTime } from "../../lib/format";
import { contactEditPath, contactName, customerPath } from "../../lib/names";
import { currentToken } from "../../lib/paging";
import { orderBy, sortCaption, type SortColumns, timeSortColumns } from "../../lib/sorting";
import type { ContactFormState } from "./ContactFormPage";
import { useAccountNames } from "./useAccountNames";

interface Filters {
  query: string;
  ownerUserId: string;
  tag: string;
}

/** The ListContacts `order_by` fields, as column headings. */
const sortColumns = {
  given_name: { label: "Given name", ascending: "by given name, A to Z", descending: "by given name, Z to A" },
  family_name: { label: "Family name", ascending: "by family name, A to Z", descending: "by family name, Z to A" },
  ...timeSortColumns,
} satisfies SortColumns<string>;

function filtersOf(params: URLSearchParams): Filters {
  return { query: params.get("q") ?? "", ownerUserId: params.get("owner") ?? "", tag: params.get("tag") ?? "" };
}

/** The address parameters of the filters, and of the account whose contacts are listed ("" for every account). */
function addressOf(filters: Filters, accountId: string) {
  return { q: filters.query.trim(), owner: filters.ownerUserId, tag: filters.tag.trim(), account: accountId };
}

/** The contacts the user may read, across accounts: search, filters, sort and paging, kept in the address; Export CSV. */
export function ContactsListPage() {
  const list = useListAddress(sortColumns);
  const filters = filtersOf(list.params);
  const accountId = list.params.get("account") ?? "";
  const account = accountId && `accounts/${accountId}`;
  const request = { ...filters, account, orderBy: orderBy(list.sort) };
  const [draft, setDraft] = useState(filters);
  const location = useLocation();
  const backHere: ContactFormState = { returnTo: location.pathname + location.search };
  const csv = useCsvExport("contacts", contactExportColumns, contactExportRecord);

  const page = useLoad(
    (signal) => customers.listContacts({ ...request, pageSize: list.pageSize, pageToken: currentToken(list.cursor) }, { signal }),
    [list.key, list.cursor],
  );
  const contacts = page.data?.contacts ?? [];
  const accountNames = useAccountNames([account, ...contacts.map((c) => c.account)]);

  const search = (event: FormEvent) => {
    event.preventDefault();
    list.search(addressOf(draft, accountId));
  };

  return (
    <section>
      <div className="page-header">
        <h1>Contacts</h1>
        <div className="actions">
          <ExportCsvButton csv={csv} records={() => customers.exportContacts({ filter: request })} />
        </div>
      </div>
      <ErrorAlert message={csv.error} />

      <form className="filters" role="search" aria-label="Contacts" onSubmit={search}>
        <TextField label="Search" type="search" value={draft.query} onChange={(query) => setDraft({ ...draft, query })} hint="Name, email, phone, job title or account" />
        <OwnerField value={draft.ownerUserId} onChange={(ownerUserId) => setDraft({ ...draft, ownerUserId })} />
        <TextField label="Tag" value={draft.tag} onChange={(tag) => setDraft({ ...draft, tag })} />
        <div className="filter-buttons">
          <button type="submit">Search</button>
        </div>
      </form>
      {account && (
        <p className="filter-note">
          <span>Only the contacts of <Link to={customerPath(account)}>{accountNames.get(account) ?? "one account"}</Link>.</span>
          <button type="button" className="small secondary" onClick={() => list.search(addressOf(filters, ""))}>Show every account's contacts</button>
        </p>
      )}

      <ErrorAlert message={page.error} />
      <table className="data">
        <caption>
          {sortCaption("Contacts", sortColumns, list.sort)}
          {page.loading && <span role="status"> Loading…</span>}
        </caption>
        <thead>
          <tr>
            <SortHeading list={list} field="given_name" />
            <SortHeading list={list} field="family_name" />
            <th scope="col">Email</th>
            <th scope="col">Phone</th>
            <th scope="col">Job title</th>
            <th scope="col">Account</th>
            <SortHeading list={list} field="create_time" />
            <SortHeading list={list} field="update_time" />
            <th scope="col"><span className="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {contacts.map((c) => (
            <tr key={c.name}>
              <td>{c.givenName}</td>
              <td>{c.familyName}</td>
              <td>{c.email}</td>
              <td>{c.phone}</td>
              <td>{c.jobTitle}</td>
              <td><Link to={customerPath(c.account)}>{accountNames.get(c.account) ?? `Account of ${contactName(c)}`}</Link></td>
              <td>{formatTime(c.createTime)}</td>
              <td>{formatTime(c.updateTime)}</td>
              <td><Link to={contactEditPath(c)} state={backHere}>Edit<span className="visually-hidden"> {contactName(c)}</span></Link></td>
            </tr>
          ))}
          {!page.loading && contacts.length === 0 && !page.error && (
            <tr><td colSpan={9}>No contacts match.</td></tr>
          )}
        </tbody>
      </table>
      <Pager list={list} nextPageToken={page.data?.nextPageToken} />
    </section>
  );
}
