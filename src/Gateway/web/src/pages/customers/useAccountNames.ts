import { customers } from "../../api/clients";
import { useLoad } from "../../components/useLoad";
import { batchGetLimit, chunksOf, displayNamesOf } from "../../lib/accountNames";

const noNames: ReadonlyMap<string, string> = new Map();

/**
 * The display names of accounts by resource name ("accounts/{uuid}"), for a page of contacts, which carry only their
 * account's resource name: one BatchGetAccounts call for the page's distinct accounts (one per 1000, more than a page
 * holds). An account the caller may not read, or that no longer exists, has no name: the service lists it as missing.
 */
export function useAccountNames(accountNames: readonly string[]): ReadonlyMap<string, string> {
  const distinct = [...new Set(accountNames.filter(Boolean))].sort();
  const loaded = useLoad(async (signal) => {
    const batches = chunksOf(distinct, batchGetLimit);
    const answers = await Promise.all(batches.map((names) => customers.batchGetAccounts({ names }, { signal })));
    return displayNamesOf(distinct, answers.flatMap((answer) => answer.accounts));
  }, [distinct.join(" ")]);
  return loaded.data ?? noNames;
}
