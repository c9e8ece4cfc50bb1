/**
 * The order of the customers list: a ListAccounts `order_by` ("display_name", "create_time desc", …), kept in the
 * address as `sort`. No sort means the service's own order (by id, i.e. as created).
 */
export type SortField = "display_name" | "create_time" | "update_time";

export interface Sort {
  readonly field: SortField;
  readonly descending: boolean;
}

const fields: readonly SortField[] = ["display_name", "create_time", "update_time"];

/** Reads a `sort` address parameter; anything that is not an order the service knows means no sort. */
export function parseSort(value: string | null): Sort | undefined {
  const [field, direction, ...rest] = (value ?? "").trim().split(/\s+/);
  if (!fields.includes(field as SortField) || rest.length > 0) return undefined;
  if (direction !== undefined && direction !== "desc") return undefined;
  return { field: field as SortField, descending: direction === "desc" };
}

/** The `order_by` of the request, and the `sort` parameter of the address: "" for no sort. */
export function orderBy(sort: Sort | undefined): string {
  return sort ? `${sort.field}${sort.descending ? " desc" : ""}` : "";
}

/** A click on a column heading: the sorted column flips direction, another column sorts ascending. */
export function toggleSort(sort: Sort | undefined, field: SortField): Sort {
  return { field, descending: sort?.field === field ? !sort.descending : false };
}

/** The heading's `aria-sort`: only the sorted column has one. */
export function ariaSort(sort: Sort | undefined, field: SortField): "ascending" | "descending" | undefined {
  if (sort?.field !== field) return undefined;
  return sort.descending ? "descending" : "ascending";
}
