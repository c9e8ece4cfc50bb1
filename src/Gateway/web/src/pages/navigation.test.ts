import { describe, expect, it } from "vitest";
import { adminArea, areas, entryOf } from "./navigation";

const customers = areas[0].sections ?? [];

describe("navigation", () => {
  it("opens the area a page is in", () => {
    expect(entryOf(areas, "/customers/0190-ab/edit")?.label).toBe("Customers");
    expect(entryOf(areas, "/sales")?.label).toBe("Sales");
    expect(entryOf(areas, "/customersx")).toBeUndefined();
    expect(entryOf(areas, "/admin/users")).toBeUndefined();
  });

  it("marks the deepest section a page belongs to", () => {
    expect(entryOf(customers, "/customers")?.label).toBe("Accounts");
    expect(entryOf(customers, "/customers/0190-ab")?.label).toBe("Accounts");
    expect(entryOf(customers, "/customers/contacts")?.label).toBe("Contacts");
    expect(entryOf(adminArea.sections ?? [], "/admin/api-keys")?.label).toBe("API keys");
  });
});
