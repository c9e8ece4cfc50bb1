/**
 * The order of a list: the `order_by` of a List call ("display_name", "create_time desc", …), kept in the address as
 * `sort`. Each list names the columns its service sorts by. No sort means the service's own order (by id, i.e. as
 * created).
 */
export interface Sort<Field extends string> {
  readonly field: Field;
  readonly descending: boolean;
}

/** A sortable column: its heading, and how the list's caption reads when sorted by it. */
export interface SortColumn {
  readonly label: string;
  readonly ascending: string;
  readonly descending: string;
}

/** The sortable columns of a list by `order_by` field, in the order the table shows them. */
export type SortColumns<Field extends string> = Readonly<Record<Field, SortColumn>>;

/** The creation and update times, sortable in every list that has them. */
export const timeSortColumns = {
  create_time: { label: "Created", ascending: "by creation, oldest first", descending: "by creation, newest first" },
  update_time: { label: "Updated", ascending: "by last update, least recent first", descending: "by last update, most recent first" },
} as const satisfies SortColumns<string>;

/** Reads a `sort` address parameter; anything that is not an order of one of the list's columns means no sort. */
export function parseSort<Field extends string>(value: string | null, columns: SortColumns<Field>): Sort<Field> | undefined {
  const [field, direction, ...rest] = (value ?? "").trim().split(/\s+/);
  if (!Object.hasOwn(columns, field) || rest.length > 0) return undefined;
  if (direction !== undefined && direction !== "desc") return undefined;
  return { field: field as Field, descending: direction === "desc" };
}

/** The `order_by` of the request, and the `sort` parameter of the address: "" for no sort. */
export function orderBy(sort: Sort<string> | undefined): string {
  return sort ? `${sort.field}${sort.descending ? " desc" : ""}` : "";
}

/** A click on a column heading: the sorted column flips direction, another column sorts ascending. */
export function toggleSort<Field extends string>(sort: Sort<Field> | undefined, field: Field): Sort<Field> {
  return { field, descending: sort?.field === field ? !sort.descending : false };
}

/** The heading's `aria-sort`: only the sorted column has one. */
export function ariaSort(sort: Sort<string> | undefined, field: string): "ascending" | "descending" | undefined {
  if (sort?.field !== field) return undefined;
  return sort.descending ? "descending" : "ascending";
}

const conjunction = new Intl.ListFormat("en-GB", { type: "conjunction" });

/** The table's caption: what it lists, in which order, and which headings sort it. */
export function sortCaption<Field extends string>(title: string, columns: SortColumns<Field>, sort: Sort<Field> | undefined): string {
  const order = sort ? `${title}, sorted ${columns[sort.field][sort.descending ? "descending" : "ascending"]}.` : `${title}.`;
  const headings = conjunction.format(Object.values<SortColumn>(columns).map((c) => c.label));
  return `${order} Sort with the ${headings} column headings.`;
}
