// Walks the ops dashboard like an ops user: Resources, Console logs, Traces, the waterfall of a customer created through
// the gateway (gateway → customers → PostgreSQL), its structured logs, Metrics.
// Input (environment): DASHBOARD_URL (login URL), TRACE_ID, ACCOUNT (the created account's name), SCREENSHOTS (a directory).
import { chromium } from "playwright-core";
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const { DASHBOARD_URL, TRACE_ID, ACCOUNT, SCREENSHOTS } = process.env;
for (const [name, value] of Object.entries({ DASHBOARD_URL, TRACE_ID, ACCOUNT, SCREENSHOTS })) {
  if (!value) throw new Error(`${name} is not set`);
}
mkdirSync(SCREENSHOTS, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), "crm-dashboard-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  viewport: { width: 1400, height: 900 },
});
const step = name => console.log(`step: ${name}`);
const shot = (page, name) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
try {
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(30_000);

  step("open the login URL and see the resources");
  await page.goto(DASHBOARD_URL);
  await page.locator('#resources-table tr[data-resource="customers"]').waitFor();
  await shot(page, "1-resources");

  step("open the customers console, tailed live");
  await page.locator('#resources-table tr[data-resource="customers"] a').first().click();
  await page.locator("#console span", { hasText: "Now listening" }).first().waitFor();
  await shot(page, "2-console");

  step("open Traces and find the trace");
  await page.getByRole("link", { name: "Traces", exact: true }).click();
  const row = page.locator(`#traces-table tr[data-trace-id="${TRACE_ID}"]`);
  await row.waitFor();
  await shot(page, "3-traces");

  step("open the trace and see spans from the gateway, the customers service and PostgreSQL");
  await row.click();
  await page.locator("#waterfall").waitFor();
  for (const service of ["gateway", "customers"]) {
    await page.locator(`#waterfall tr[data-service="${service}"]`).first().waitFor();
  }
  const details = page.locator("#span-details");
  const customersSpans = page.locator('#waterfall tr[data-service="customers"]');
  let postgres = false;
  for (let i = 0; i < await customersSpans.count() && !postgres; i++) {
    await customersSpans.nth(i).click();
    await details.locator("h3").waitFor();
    postgres = await details.locator("tr", { hasText: "db.system.name" }).filter({ hasText: "postgresql" }).count() > 0;
  }
  if (!postgres) throw new Error("no span of the customers service shows db.system.name = postgresql");
  await shot(page, "4-trace");

  step("open the structured logs of the trace and see the customers service's log of the account");
  await page.getByRole("link", { name: "Structured logs for this trace" }).click();
  await page.locator("#logs-table tr", { hasText: `Created ${ACCOUNT}` }).filter({ hasText: "customers" }).waitFor();
  const traceFilter = await page.getByLabel("Trace id").inputValue();
  if (traceFilter !== TRACE_ID) throw new Error(`logs are filtered by '${traceFilter}', not the trace`);
  const otherTrace = await page.locator("#logs-table a").evaluateAll((links, id) => links.some(a => !a.href.endsWith(id)), TRACE_ID);
  if (otherTrace) throw new Error("the logs list shows entries of another trace");
  await shot(page, "5-logs");

  step("open Metrics and see the customers service's request rate");
  await page.getByRole("link", { name: "Metrics", exact: true }).click();
  await page.locator("#metrics-resource").selectOption("customers");
  const card = page.locator('.chart[data-instrument="http.server.request.duration"]');
  await card.locator(".rate").waitFor();
  await card.locator("polyline, circle").first().waitFor({ state: "attached" });
  await card.scrollIntoViewIfNeeded();
  await shot(page, "6-metrics");
  console.log("dashboard walk-through passed");
} catch (error) {
  const pages = context.pages();
  if (pages.length) await shot(pages[0], "failure").catch(() => {});
  console.error(error);
  process.exitCode = 1;
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
