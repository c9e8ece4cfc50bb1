import { pageSizes } from "../lib/listAddress";
import { hasPrevious, next, pageNumber, previous } from "../lib/paging";
import { SelectField } from "./fields";
import type { ListAddress } from "./useListAddress";

/** Previous and next page (by page tokens), where the reader is, and how many rows a page shows. */
export function Pager<Field extends string>({ list, nextPageToken }: { list: ListAddress<Field>; nextPageToken: string | undefined }) {
  const { cursor } = list;
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" className="secondary" disabled={!hasPrevious(cursor)} onClick={() => list.goTo(previous(cursor))}>Previous page</button>
      <span>Page {pageNumber(cursor)}</span>
      <button type="button" className="secondary" disabled={!nextPageToken} onClick={() => list.goTo(next(cursor, nextPageToken ?? ""))}>Next page</button>
      <SelectField label="Per page" value={list.pageSize} onChange={(size) => list.setPageSize(Number(size))} options={pageSizes.map((n) => ({ value: n, label: String(n) }))} />
    </nav>
  );
}
