import { customers } from "../../api/clients";
import { useLoad } from "../../components/useLoad";

const noNames: ReadonlyMap<string, string> = new Map();

/**
 * The display names of accounts by resource name ("accounts/{uuid}"), for a page of contacts, which carry only their
 * account's resource name: one GetAccount per distinct account. An account the caller may not read has no name.
 */
export function useAccountNames(accountNames: readonly string[]): ReadonlyMap<string, string> {
  const distinct = [...new Set(accountNames.filter(Boolean))].sort();
  const loaded = useLoad(async (signal) => {
    const answers = await Promise.allSettled(distinct.map((name) => customers.getAccount({ name }, { signal })));
    return new Map(answers.flatMap((answer, i) => (answer.status === "fulfilled" ? [[distinct[i], answer.value.displayName] as const] : [])));
  }, [distinct.join(" ")]);
  return loaded.data ?? noNames;
}
