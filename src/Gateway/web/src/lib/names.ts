/** The id part of a resource name: "accounts/0190…" -> "0190…". */
export function idOf(name: string): string {
  return name.slice(name.indexOf("/") + 1);
}

/** The SPA path of a record's page: accounts open their 360 view, contacts their account's. */
export function customerPath(accountName: string): string {
  return `/customers/${idOf(accountName)}`;
}
