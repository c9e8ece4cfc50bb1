/** The roles of the platform (ARCHITECTURE.md §4), as identity.proto names them. */
export const allRoles = ["admin", "sales_manager", "sales_rep", "service_agent", "marketer", "analyst"] as const;

export const roleLabel = (role: string) => role.replace("_", " ");
