import { describe, expect, it } from "vitest";
import { contactEditPath, contactName, customerPath, idOf } from "./names";

const contact = { name: "contacts/c1", account: "accounts/a1", givenName: "Grace", familyName: "Hopper", email: "grace@navy.example" };

describe("record names", () => {
  it("takes the id out of a resource name", () => {
    expect(idOf("accounts/0190-ab")).toBe("0190-ab");
  });

  it("links a contact to its account's 360 page and to its edit form there", () => {
    expect(customerPath(contact.account)).toBe("/customers/a1");
    expect(contactEditPath(contact)).toBe("/customers/a1/contacts/c1/edit");
  });

  it("calls a contact by its names, else its email, else its resource name", () => {
    expect(contactName(contact)).toBe("Grace Hopper");
    expect(contactName({ ...contact, givenName: "" })).toBe("Hopper");
    expect(contactName({ ...contact, givenName: " ", familyName: "" })).toBe("grace@navy.example");
    expect(contactName({ ...contact, givenName: "", familyName: "", email: "" })).toBe("contacts/c1");
  });
});
