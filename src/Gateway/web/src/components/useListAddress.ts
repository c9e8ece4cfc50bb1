import { useState } from "react";
import { useSearchParams } from "react-router";
import { pageSizeOf, withFilters, withPageSize, withParameter } from "../lib/listAddress";
import { firstPage, type PageCursor } from "../lib/paging";
import { orderBy, parseSort, type Sort, type SortColumns, toggleSort } from "../lib/sorting";

/** A list page's state: filters, order and page size from the address, and the page the reader is on. */
export interface ListAddress<Field extends string> {
  readonly params: URLSearchParams;
  /** Changes whenever the filters, order or page size do: the list loads again from the first page. */
  readonly key: string;
  readonly sortColumns: SortColumns<Field>;
  readonly sort: Sort<Field> | undefined;
  readonly pageSize: number;
  readonly cursor: PageCursor;
  readonly search: (filters: Readonly<Record<string, string | number>>) => void;
  readonly sortBy: (field: Field) => void;
  readonly setPageSize: (size: number) => void;
  readonly goTo: (cursor: PageCursor) => void;
}

/**
 * The state of a list paged by page tokens. Only the page position lives outside the address, keyed by it: a page
 * token is bound to the filters and order it was issued for, so any change starts again from the first page.
 */
export function useListAddress<Field extends string>(sortColumns: SortColumns<Field>): ListAddress<Field> {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const [paging, setPaging] = useState({ key, cursor: firstPage });
  const sort = parseSort(params.get("sort"), sortColumns);
  return {
    params,
    key,
    sortColumns,
    sort,
    pageSize: pageSizeOf(params),
    cursor: paging.key === key ? paging.cursor : firstPage,
    search: (filters) => setParams(withFilters(params, filters)),
    sortBy: (field) => setParams(withParameter(params, "sort", orderBy(toggleSort(sort, field)))),
    setPageSize: (size) => setParams(withPageSize(params, size)),
    goTo: (cursor) => setPaging({ key, cursor }),
  };
}
