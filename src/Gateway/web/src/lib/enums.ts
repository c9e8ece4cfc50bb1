import type { DescEnum } from "@bufbuild/protobuf";

export interface EnumOption {
  value: number;
  label: string;
}

/** "STRONGLY_UNAVAILABLE" -> "Strongly unavailable". */
function labelOf(localName: string): string {
  const words = localName.toLowerCase().replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The values of a proto enum as choices for a select, without the UNSPECIFIED zero value. */
export function enumOptions(schema: DescEnum): EnumOption[] {
  return schema.values.filter((v) => v.number !== 0).map((v) => ({ value: v.number, label: labelOf(v.localName) }));
}

/** The label of one enum value; the zero value reads as `unset` (an empty cell by default). */
export function enumLabel(schema: DescEnum, value: number, unset = ""): string {
  if (value === 0) return unset;
  const found = schema.values.find((v) => v.number === value);
  return found ? labelOf(found.localName) : String(value);
}
