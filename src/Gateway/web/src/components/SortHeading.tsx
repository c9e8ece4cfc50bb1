import { ariaSort } from "../lib/sorting";
import type { ListAddress } from "./useListAddress";

const marks = { ascending: "▲", descending: "▼" } as const;

/** A column heading that sorts the list: ascending first, then flipping; only the sorted column has `aria-sort`. */
export function SortHeading<Field extends string>({ list, field }: { list: ListAddress<Field>; field: Field }) {
  const direction = ariaSort(list.sort, field);
  return (
    <th scope="col" aria-sort={direction}>
      <button type="button" className="sort-heading" onClick={() => list.sortBy(field)}>
        {list.sortColumns[field].label}
        <span aria-hidden="true" className="sort-mark">{direction ? marks[direction] : "↕"}</span>
      </button>
    </th>
  );
}
