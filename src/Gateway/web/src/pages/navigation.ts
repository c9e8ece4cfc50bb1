/** A place in the navigation: an area of the app, or a section of an area. */
export interface NavEntry {
  readonly path: string;
  readonly label: string;
}

export interface Area extends NavEntry {
  /** The area's own pages, linked from a second navigation bar while the area is open. */
  readonly sections?: readonly NavEntry[];
}

export const areas: readonly Area[] = [
  {
    path: "/customers",
    label: "Customers",
    sections: [{ path: "/customers", label: "Accounts" }, { path: "/customers/contacts", label: "Contacts" }],
  },
  { path: "/sales", label: "Sales" },
  { path: "/service", label: "Service" },
  { path: "/marketing", label: "Marketing" },
  { path: "/analytics", label: "Analytics" },
];

export const adminArea: Area = {
  path: "/admin",
  label: "Admin",
  sections: [{ path: "/admin/users", label: "Users" }, { path: "/admin/api-keys", label: "API keys" }],
};

/** The entry a page belongs to: the deepest one whose path is the page's or one of its parents. */
export function entryOf<T extends NavEntry>(entries: readonly T[], pathname: string): T | undefined {
  const within = entries.filter((e) => pathname === e.path || pathname.startsWith(`${e.path}/`));
  return within.sort((a, b) => b.path.length - a.path.length)[0];
}
