/**
 * The update_mask paths of the fields that differ between what was loaded and what the form holds, for a partial
 * update that leaves everything else (and other people's changes to it) alone.
 */
export function changedPaths<T extends object>(loaded: T, edited: T, paths: Record<keyof T, string>): string[] {
  const result = new Set<string>();
  for (const key of Object.keys(paths) as (keyof T)[]) {
    if (JSON.stringify(loaded[key]) !== JSON.stringify(edited[key])) result.add(paths[key]);
  }
  return [...result];
}
