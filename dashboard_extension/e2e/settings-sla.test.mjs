// A team lead's settings in Chromium: business calendars, SLA policies and templates.
//
// Run by tests/web/test_browser.py with the other e2e files, against the sandbox it seeds
// (agent1 is a team lead there). Environment: DESK_URL, SCREENSHOT_DIR, CHROMIUM as in
// workspace.test.mjs.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { chromium } from "playwright-core";

const BASE = process.env.DESK_URL;
if (!BASE) throw new Error("DESK_URL is not set");
const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? "test-results/screenshots";
const LEAD = { username: "agent1", password: "agent" };

let browser;

before(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"],
  });
});

after(async () => {
  await browser?.close();
});

async function shot(page, name) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

describe("settings for a team lead", () => {
  test("a lead adds a holiday, changes a first-response target and creates a shared template with a variable", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-GB" });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));

    await page.goto(`${BASE}/app/`);
    await page.getByLabel("Username").fill(LEAD.username);
    await page.getByLabel("Password").fill(LEAD.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.locator("nav.desk-views").waitFor();
    await page.getByRole("link", { name: "Settings", exact: true }).click();
    await page.getByRole("heading", { name: "Settings" }).waitFor();

    // Business calendars: a holiday on the seeded calendar.
    await page.getByRole("link", { name: "Business calendars" }).click();
    await page.getByRole("button", { name: "Edit Business hours" }).click();
    await page.getByLabel("Monday, opening 1, from").waitFor();
    await page.getByRole("button", { name: "Add holiday" }).click();
    await page.getByLabel("Holiday 1, date").fill("2030-12-25");
    await page.getByLabel("Holiday 1, name").fill("Christmas Day");
    await shot(page, "settings-calendars");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Calendar saved.").waitFor();
    const calendarRow = page.locator("tr", { hasText: "Business hours" });
    assert.equal(await calendarRow.locator("td").nth(3).innerText(), "1");

    // SLA policies: High's first response from 4 to 3 business hours.
    await page.getByRole("link", { name: "SLA policies" }).click();
    await page.getByRole("button", { name: "Edit High" }).click();
    const hours = page.getByLabel("First response, hours");
    assert.equal(await hours.inputValue(), "4");
    await hours.fill("3");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Policy saved.").waitFor();
    const high = page.locator('tr[data-policy="High"]');
    assert.equal(await high.locator("dd").first().innerText(), "3 hr");
    await page.getByRole("rowheader", { name: "Phone" }).waitFor();
    await shot(page, "settings-sla");

    // Templates: a shared one greeting the customer by name.
    await page.getByRole("link", { name: "Templates" }).click();
    await page.getByRole("button", { name: "New template" }).click();
    await page.getByLabel("Title").fill("Refund confirmed");
    assert.equal(await page.getByLabel("Shared with every agent").isChecked(), true);
    const text = page.getByLabel("Text: English (default)");
    await text.fill("Hello ,\n\nyour refund is on its way.");
    await text.evaluate((node) => node.setSelectionRange(6, 6));
    await page.getByLabel("Variable").selectOption("customer.first_name");
    await page.getByRole("button", { name: "Insert at cursor" }).click();
    assert.equal(await text.inputValue(), "Hello {{ customer.first_name }},\n\nyour refund is on its way.");
    await page.getByLabel("Status").selectOption("SOLVED");
    await shot(page, "settings-templates");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Template saved.").waitFor();
    const row = page.locator('tr[data-macro="Refund confirmed"]');
    assert.equal(await row.locator("td").nth(1).innerText(), "Shared");

    // The same screens in Persian, right to left.
    await page.getByLabel("Language").selectOption("fa");
    await page.getByRole("link", { name: "سیاست‌های SLA" }).click();
    await page.locator('tr[data-policy="High"]').waitFor();
    assert.equal(await page.locator("html").getAttribute("dir"), "rtl");
    const nav = await page.locator("nav.desk-settings-nav").boundingBox();
    const table = await page.locator("table.desk-cfg-table").first().boundingBox();
    assert.ok(nav && table && nav.x > table.x, "the sections are on the right of the screen");
    await shot(page, "settings-sla-fa");

    assert.deepEqual(errors, []);
    await context.close();
  });
});
