// A team lead's settings in Chromium: business calendars, SLA policies and templates.
//
// Run by tests/web/test_browser.py with the other e2e files, against the sandbox it seeds
// (agent1 is a team lead there); see support.mjs for the environment.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { LEAD, launchBrowser, newPage, openSettings, shot, signIn } from "./support.mjs";

const browser = launchBrowser();

describe("settings for a team lead", () => {
  test("a lead adds a holiday, changes a first-response target and creates a shared template with a variable", async () => {
    const { context, page, errors } = await newPage(browser());
    await signIn(page, LEAD);
    await openSettings(page);

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
