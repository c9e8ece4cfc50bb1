/**
 * The address of a list page: its filters (each under its own parameter, e.g. `q`, `owner`, `tag`), its order
 * (`sort`, see sorting.ts) and its page size (`size`), so a list can be bookmarked and survives Back and reload.
 */

/** The page sizes a list offers; the first is the default, which the address leaves out. */
export const pageSizes = [25, 50, 100] as const;

export function pageSizeOf(params: URLSearchParams): number {
  const size = Number(params.get("size"));
  return pageSizes.find((s) => s === size) ?? pageSizes[0];
}

/** The parameters a search does not replace. */
const listParameters = ["sort", "size"];

/** The address of a search: its non-empty filters, with the list's order and page size kept. */
export function withFilters(params: URLSearchParams, filters: Readonly<Record<string, string | number>>): URLSearchParams {
  const next = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value) next.set(key, String(value));
  }
  for (const key of listParameters) {
    const value = params.get(key);
    if (value) next.set(key, value);
  }
  return next;
}

/** The address with one parameter changed; an empty value removes it. */
export function withParameter(params: URLSearchParams, key: string, value: string): URLSearchParams {
  const next = new URLSearchParams(params);
  if (value) next.set(key, value);
  else next.delete(key);
  return next;
}

/** The address with another page size; the default one is left out. */
export function withPageSize(params: URLSearchParams, size: number): URLSearchParams {
  return withParameter(params, "size", size === pageSizes[0] ? "" : String(size));
}
