/** The id part of a resource name: "accounts/0190…" -> "0190…". */
export function idOf(name: string): string {
  return name.slice(name.indexOf("/") + 1);
}

/** The SPA path of a record's page: accounts open their 360 view, contacts their account's. */
export function customerPath(accountName: string): string {
  return `/customers/${idOf(accountName)}`;
}

/** The SPA path of a contact's edit form, under its account. */
export function contactEditPath(contact: { readonly name: string; readonly account: string }): string {
  return `${customerPath(contact.account)}/contacts/${idOf(contact.name)}/edit`;
}

/** What a contact is called on screen: given and family name, else its email, else its resource name. */
export function contactName(contact: { readonly name: string; readonly givenName: string; readonly familyName: string; readonly email: string }): string {
  return `${contact.givenName} ${contact.familyName}`.trim() || contact.email || contact.name;
}
