/** The most names one BatchGetAccounts call takes. */
export const batchGetLimit = 1000;

/** What naming needs of an account. */
export interface NamedAccount {
  readonly name: string;
  readonly displayName: string;
  /** The names merged into it, which resolve to it. */
  readonly mergedNames: readonly string[];
}

/** `items` in consecutive chunks of at most `size`, none for no items. */
export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/**
 * The display names of the `requested` account names, from the accounts a batch read returned: an account answers for
 * its own name and for the names merged into it. A requested name no account answers for (missing: unknown, or not
 * readable by the caller) has no name.
 */
export function displayNamesOf(requested: readonly string[], accounts: readonly NamedAccount[]): Map<string, string> {
  const wanted = new Set(requested);
  const names = new Map<string, string>();
  for (const account of accounts) {
    for (const name of [account.name, ...account.mergedNames]) {
      if (wanted.has(name)) names.set(name, account.displayName);
    }
  }
  return names;
}
