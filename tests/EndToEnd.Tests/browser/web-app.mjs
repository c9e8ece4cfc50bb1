// Works through the web app like an enterprise user, at a 1280x720 laptop size: sign in, create a customer and find it,
// sort the list, open its 360 page, fix an invalid edit, add contacts, import 1,000 customers from CSV, find the contacts
// in the contacts list (search, sort by family name, export them to CSV, edit one, open their account, list only that
// account's contacts), meet the duplicate warning, sign out.
// Input (environment): APP_URL (the gateway's web port), ADMIN_EMAIL, ADMIN_PASSWORD, SCREENSHOTS (a directory).
import { chromium } from "playwright-core";
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const { APP_URL, ADMIN_EMAIL, ADMIN_PASSWORD, SCREENSHOTS } = process.env;
for (const [name, value] of Object.entries({ APP_URL, ADMIN_EMAIL, ADMIN_PASSWORD, SCREENSHOTS })) {
  if (!value) throw new Error(`${name} is not set`);
}
const importRows = 1000;
const run = Date.now().toString(36);
const customerName = `Northwind Browser ${run}`;
const customerEmail = `buyer.${run}@northwind-${run}.example.com`;
// Created in this order; sorted by family name they read Dijkstra, Hopper, Turing.
const people = [
  { given: "Grace", family: "Hopper", title: "Rear admiral", phone: "+44 20 7946 0101" },
  { given: "Alan", family: "Turing", title: "Mathematician", phone: "+44 20 7946 0102" },
  { given: "Edsger", family: "Dijkstra", title: "Professor", phone: "+44 20 7946 0103" },
].map(p => ({ ...p, email: `${p.given.toLowerCase()}.${run}@northwind-${run}.example.com` }));

mkdirSync(SCREENSHOTS, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), "crm-web-app-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  viewport: { width: 1280, height: 720 },
});
const step = name => console.log(`step: ${name}`);

/** Screenshots the page, after checking it shows no stack trace or exception text. */
async function shot(page, name) {
  const text = await page.locator("body").innerText();
  if (/Exception\b|\bat [\w.]+\(.*\)|\.cs:line \d+/.test(text)) throw new Error(`${name}: the page shows a stack trace or exception:\n${text}`);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

async function waitUntil(what, check, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check();
    if (result) return result;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

/** The texts that describe a form control (its hint and error), through aria-describedby. */
const descriptionOf = control => control.evaluate(el =>
  (el.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean).map(id => document.getElementById(id)?.textContent ?? "").join(" "));

/** The texts in one column of a table's rows, found by the column's heading (without its sort mark). */
async function columnTexts(table, heading) {
  const headings = (await table.locator("thead th").allInnerTexts()).map(h => h.replace(/[↕▲▼]/g, "").trim());
  const index = headings.indexOf(heading);
  if (index < 0) throw new Error(`no column "${heading}" in ${headings.join(", ")}`);
  return table.locator(`tbody tr td:nth-child(${index + 1})`).allInnerTexts();
}

/** Waits until a column reads exactly `expected`, top to bottom. */
async function waitForColumn(table, heading, expected) {
  await table.getByRole("columnheader", { name: heading, exact: true }).waitFor();
  let seen = [];
  await waitUntil(`the ${heading} column to read ${expected.join(", ")}`, async () => {
    seen = await columnTexts(table, heading);
    return seen.join("|") === expected.join("|");
  }).catch(error => { throw new Error(`${error.message}; it reads ${seen.join(", ")}`); });
}

/**
 * The file a click downloads, as records keyed by the header row's column names. Only for files without quoted cells
 * (no commas, quotes or line breaks in any value).
 */
async function downloadedCsv(page, click) {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  const [header, ...lines] = readFileSync(await download.path(), "utf8").split("\r\n").filter(line => line !== "");
  if (lines.some(line => line.includes('"'))) throw new Error(`the export has quoted cells: ${lines.join("\n")}`);
  const columns = header.split(",");
  const rows = lines.map(line => Object.fromEntries(line.split(",").map((cell, i) => [columns[i], cell])));
  return { fileName: download.suggestedFilename(), rows };
}

/** The value shown after a term in a description list. */
const factValue = (page, term) => page.locator("dt", { hasText: term }).locator("xpath=following-sibling::dd[1]").innerText();

function importCsv() {
  const lines = ["id,display_name,kind,email,domain,tags,contact_given_name,contact_family_name,contact_email"];
  for (let i = 1; i <= importRows; i++) {
    const contact = i % 2 === 0 ? `Ada${i},"Lovelace, ${run}",ada${i}.${run}@import${i}.example.com` : ",,";
    lines.push(`e2e-${run}-${i},"Imported ${run} #${i}",company,sales${i}.${run}@import${i}.example.com,import${i}-${run}.example.com,"csv; e2e",${contact}`);
  }
  return Buffer.from(lines.join("\r\n") + "\r\n");
}

try {
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(30_000);

  step("1 sign in");
  await page.goto(APP_URL);
  await page.getByRole("heading", { name: "Sign in to CrmPlatform" }).waitFor();
  await shot(page, "1a-sign-in");
  await page.getByLabel("Email").fill(ADMIN_EMAIL);
  await page.getByLabel("Password").fill(ADMIN_PASSWORD);
  await page.getByLabel("Password").press("Enter");
  await page.getByRole("heading", { name: "Customers", exact: true }).waitFor();
  const areas = page.getByRole("navigation", { name: "Areas" });
  for (const area of ["Customers", "Sales", "Service", "Marketing", "Analytics", "Admin"]) {
    await areas.getByRole("link", { name: area, exact: true }).waitFor();
  }
  await shot(page, "1b-signed-in");
  await areas.getByRole("link", { name: "Sales", exact: true }).click();
  await page.getByText("Sales is not available yet").waitFor();
  await areas.getByRole("link", { name: "Customers", exact: true }).click();

  step("2 create a customer and find it by search");
  await page.getByRole("link", { name: "New customer" }).click();
  await page.getByLabel("Name", { exact: true }).fill(customerName);
  await page.getByLabel("Email", { exact: true }).fill(customerEmail);
  await page.getByLabel("Phone", { exact: true }).fill("+44 20 7946 0958");
  await page.getByRole("button", { name: "Create customer" }).click();
  await page.getByRole("heading", { name: customerName }).waitFor();
  const customerUrl = page.url();
  await areas.getByRole("link", { name: "Customers", exact: true }).click();
  await page.getByRole("searchbox", { name: "Search" }).fill(customerName);
  await page.getByRole("searchbox", { name: "Search" }).press("Enter");
  const found = page.getByRole("table").getByRole("link", { name: customerName });
  await found.waitFor();
  await shot(page, "2-search");

  step("2b sort the list by name, A to Z and back, from the column heading");
  const nameHeading = page.getByRole("columnheader", { name: "Name", exact: true });
  const sortByName = nameHeading.getByRole("button", { name: "Name", exact: true });
  for (const order of ["ascending", "descending"]) {
    await sortByName.click();
    await waitUntil(`the list sorted by name, ${order}`, async () => (await nameHeading.getAttribute("aria-sort")) === order);
  }
  if (!new URL(page.url()).searchParams.get("sort")?.startsWith("display_name")) throw new Error(`the sort is not in the address: ${page.url()}`);
  await found.waitFor();
  await shot(page, "2-sorted");

  step("3 open its 360 page");
  await found.click();
  await page.waitForURL(customerUrl);
  for (const section of ["Profile", "Relationship phase", "Commitment", "Contacts", "Consent", "Open follow-ups", "Timeline"]) {
    await page.getByRole("heading", { name: section, exact: true }).waitFor();
  }
  await page.getByText(customerEmail).waitFor();
  await shot(page, "3-customer-360");

  step("4 submit an invalid edit, see the field error, fix it");
  await page.getByRole("link", { name: "Edit customer" }).click();
  const email = page.getByRole("textbox", { name: "Email", exact: true });
  await waitUntil("the edit form to load", async () => (await email.inputValue()) === customerEmail);
  await email.fill("not-an-email");
  await page.getByRole("button", { name: "Save changes" }).click();
  await waitUntil("the email field to be marked invalid", async () => (await email.getAttribute("aria-invalid")) === "true");
  const fieldError = await descriptionOf(email);
  if (!fieldError.trim()) throw new Error("the email field is invalid but says nothing");
  console.log(`field error: ${fieldError}`);
  await shot(page, "4a-field-error");
  const fixedEmail = `orders.${run}@northwind-${run}.example.com`;
  await email.fill(fixedEmail);
  await email.press("Enter");
  await page.waitForURL(customerUrl);
  await page.getByText(fixedEmail).waitFor();
  await shot(page, "4b-fixed");

  step("4c add three contacts to the customer");
  for (const person of people) {
    await page.getByRole("link", { name: "Add contact" }).click();
    await page.getByRole("heading", { name: "New contact" }).waitFor();
    await page.getByLabel("Given name").fill(person.given);
    await page.getByLabel("Family name").fill(person.family);
    await page.getByLabel("Email", { exact: true }).fill(person.email);
    await page.getByLabel("Phone", { exact: true }).fill(person.phone);
    await page.getByLabel("Job title").fill(person.title);
    await page.getByRole("button", { name: "Add contact" }).click();
    await page.waitForURL(customerUrl);
    await page.getByRole("cell", { name: `${person.given} ${person.family}`, exact: true }).waitFor();
  }
  await shot(page, "4c-contacts-added");

  step(`5 import a ${importRows}-row CSV and watch the progress reach 100%`);
  await areas.getByRole("link", { name: "Customers", exact: true }).click();
  await page.getByRole("link", { name: "Import CSV" }).click();
  await page.getByLabel("CSV file").setInputFiles({ name: `customers-${run}.csv`, mimeType: "text/csv", buffer: importCsv() });
  await page.getByText(`${importRows} rows to import`).waitFor();
  // The rows' generated names are alike; this step is about the import itself, so they are confirmed as distinct.
  await page.getByLabel("Import probable duplicates too").check();
  await page.getByRole("button", { name: "Start import" }).click();
  const progress = page.getByRole("progressbar", { name: "Import progress" });
  const seen = new Set();
  await waitUntil("the import to reach 100%", async () => {
    const value = Number(await progress.getAttribute("value").catch(() => null));
    seen.add(value);
    return value === importRows;
  }, 240_000);
  await page.getByText(`${importRows} of ${importRows} rows (100%)`).waitFor();
  console.log(`progress values seen: ${[...seen].sort((a, b) => a - b).join(", ")}`);
  await waitUntil("the summary", async () => (await factValue(page, "Customers created")) === String(importRows));
  const failed = await factValue(page, "Failed rows");
  if (failed !== "0") throw new Error(`${failed} rows failed to import`);
  await shot(page, "5-import");

  step("5b open the contacts list and search it for the customer's contacts, naming their accounts in one call per page");
  const customersCalls = { ListContacts: 0, GetAccount: 0, BatchGetAccounts: 0 };
  const countCustomersCall = request => {
    const method = new URL(request.url()).pathname.match(/^\/crm\.customers\.v1\.Customers\/(\w+)$/)?.[1];
    if (method in customersCalls) customersCalls[method]++;
  };
  page.on("request", countCustomersCall);
  await areas.getByRole("link", { name: "Customers", exact: true }).click();
  await page.getByRole("navigation", { name: "Customers" }).getByRole("link", { name: "Contacts", exact: true }).click();
  await page.getByRole("heading", { name: "Contacts", exact: true }).waitFor();
  const contactsTable = page.getByRole("table");
  await waitUntil("the imported contacts in the unfiltered list", async () =>
    (await columnTexts(contactsTable, "Family name")).some(name => name === `Lovelace, ${run}`));
  const searchContacts = page.getByRole("searchbox", { name: "Search" });
  await searchContacts.fill(customerName);
  await searchContacts.press("Enter");
  await waitForColumn(contactsTable, "Family name", ["Hopper", "Turing", "Dijkstra"]);
  const hopper = contactsTable.getByRole("row").filter({ has: page.getByRole("cell", { name: "Hopper", exact: true }) });
  for (const text of ["Grace", people[0].email, people[0].title]) await hopper.getByRole("cell", { name: text, exact: true }).waitFor();
  await hopper.getByRole("link", { name: customerName, exact: true }).waitFor();
  page.off("request", countCustomersCall);
  const { ListContacts, GetAccount, BatchGetAccounts } = customersCalls;
  if (GetAccount !== 0 || BatchGetAccounts === 0 || BatchGetAccounts > ListContacts) {
    throw new Error(`the contacts list named its accounts with ${GetAccount} GetAccount and ${BatchGetAccounts} BatchGetAccounts calls for ${ListContacts} pages`);
  }
  await shot(page, "5b-contacts-search");

  step("5c sort the contacts by family name, A to Z and back, keep that order over a reload, and export it to CSV");
  const familyHeading = page.getByRole("columnheader", { name: "Family name", exact: true });
  const sortByFamily = familyHeading.getByRole("button", { name: "Family name", exact: true });
  await sortByFamily.click();
  await waitUntil("the family name heading sorted ascending", async () => (await familyHeading.getAttribute("aria-sort")) === "ascending");
  await waitForColumn(contactsTable, "Family name", ["Dijkstra", "Hopper", "Turing"]);
  await sortByFamily.click();
  await waitUntil("the family name heading sorted descending", async () => (await familyHeading.getAttribute("aria-sort")) === "descending");
  await waitForColumn(contactsTable, "Family name", ["Turing", "Hopper", "Dijkstra"]);
  await waitForColumn(contactsTable, "Given name", ["Alan", "Grace", "Edsger"]);
  const contactsAddress = new URL(page.url());
  if (contactsAddress.searchParams.get("sort") !== "family_name desc" || contactsAddress.searchParams.get("q") !== customerName) {
    throw new Error(`the search and sort are not in the address: ${page.url()}`);
  }
  await page.reload();
  await waitForColumn(contactsTable, "Family name", ["Turing", "Hopper", "Dijkstra"]);
  if ((await searchContacts.inputValue()) !== customerName) throw new Error("the search box lost the search after a reload");
  await shot(page, "5c-contacts-sorted");
  const exported = await downloadedCsv(page, () => page.getByRole("button", { name: "Export CSV" }).click());
  if (!/^contacts-\d{4}-\d{2}-\d{2}\.csv$/.test(exported.fileName)) throw new Error(`the export is named ${exported.fileName}`);
  const exportedPeople = exported.rows.map(row => `${row.given_name} ${row.family_name} <${row.email}> ${row.job_title}`);
  const expectedPeople = [people[1], people[0], people[2]].map(p => `${p.given} ${p.family} <${p.email}> ${p.title}`);
  if (exportedPeople.join("|") !== expectedPeople.join("|")) {
    throw new Error(`the CSV export holds ${exportedPeople.join(", ")} instead of ${expectedPeople.join(", ")}`);
  }

  step("5d edit a contact from the list and come back to the same list");
  await hopper.getByRole("link", { name: "Edit Grace Hopper" }).click();
  const jobTitle = page.getByLabel("Job title");
  await waitUntil("the contact form to load", async () => (await jobTitle.inputValue()) === people[0].title);
  await jobTitle.fill("Rear admiral, US Navy");
  await jobTitle.press("Enter");
  await page.waitForURL(url => url.pathname === contactsAddress.pathname && url.search === contactsAddress.search);
  await hopper.getByRole("cell", { name: "Rear admiral, US Navy", exact: true }).waitFor();
  await waitForColumn(contactsTable, "Family name", ["Turing", "Hopper", "Dijkstra"]);

  step("5e open a contact's account from the list");
  await hopper.getByRole("link", { name: customerName, exact: true }).click();
  await page.waitForURL(customerUrl);
  await page.getByRole("heading", { name: customerName, exact: true }).waitFor();
  await shot(page, "5e-contact-account");

  step("5f list only this customer's contacts, then every account's again");
  await page.getByRole("link", { name: "Open in the contacts list" }).click();
  await page.getByText(`Only the contacts of ${customerName}.`).waitFor();
  await waitForColumn(contactsTable, "Family name", ["Hopper", "Turing", "Dijkstra"]);
  await shot(page, "5f-one-customers-contacts");
  await page.getByRole("button", { name: "Show every account's contacts" }).click();
  await waitUntil("the imported contacts back in the list", async () =>
    (await columnTexts(contactsTable, "Family name")).some(name => name === `Lovelace, ${run}`));

  step("6 see the duplicate warning on a near-duplicate");
  await areas.getByRole("link", { name: "Customers", exact: true }).click();
  await page.getByRole("link", { name: "New customer" }).click();
  await page.getByLabel("Name", { exact: true }).fill(`${customerName} Ltd`);
  await page.getByLabel("Email", { exact: true }).fill(fixedEmail.toUpperCase());
  await page.getByRole("button", { name: "Create customer" }).click();
  const warning = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "Possible duplicate" }) });
  await warning.getByRole("link", { name: customerName, exact: true }).waitFor();
  await warning.getByRole("button", { name: "Create anyway" }).waitFor();
  await shot(page, "6-duplicate-warning");

  step("7 sign out");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("heading", { name: "Sign in to CrmPlatform" }).waitFor();
  await page.goto(customerUrl);
  await page.getByRole("heading", { name: "Sign in to CrmPlatform" }).waitFor();
  await shot(page, "7-signed-out");
  console.log("web app walk-through passed");
} catch (error) {
  const pages = context.pages();
  if (pages.length) await pages[0].screenshot({ path: join(SCREENSHOTS, "failure.png"), fullPage: true }).catch(() => {});
  console.error(error);
  process.exitCode = 1;
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
