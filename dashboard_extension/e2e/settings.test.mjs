// A team lead's settings in Chromium: teams, routing rules, categories and intake rules.
//
// Run by tests/web/test_browser.py with the other e2e files, against the sandbox it seeds
// (agent1, Irina Vasile, is a team lead there); see support.mjs for the environment.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { LEAD, launchBrowser, newPage, openSettings, shot, signIn } from "./support.mjs";

const browser = launchBrowser();

describe("teams, routing, categories and intake for a team lead", () => {
  test("a lead creates a team, routes tagged tickets to it, renames a category and stops an event opening tickets", async () => {
    const { context, page, errors } = await newPage(browser());
    await signIn(page, LEAD);
    await openSettings(page);

    // Teams: a wholesale team at L1 with Irina in it.
    await page.getByRole("link", { name: "Teams", exact: true }).click();
    await page.locator('tr[data-team="L1 General questions"]').waitFor();
    await page.getByRole("button", { name: "Add team" }).click();
    await page.getByLabel("Name").fill("Wholesale desk");
    assert.equal(await page.getByLabel("Identifier").inputValue(), "wholesale-desk");
    await page.getByLabel("Assignment strategy").selectOption("LEAST_LOADED");
    await page.getByLabel(/Irina Vasile/).check();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Team “Wholesale desk” saved.").waitFor();
    const teamCells = page.locator('tr[data-team="Wholesale desk"] td');
    assert.equal(await teamCells.nth(1).innerText(), "L1");
    assert.equal(await teamCells.nth(3).innerText(), "1");
    await shot(page, "settings-teams", { fullPage: true });

    // Routing: tickets tagged "wholesale" go to it.
    await page.getByRole("link", { name: "Routing rules" }).click();
    await page.getByRole("button", { name: "Add rule" }).click();
    await page.getByLabel("Name").fill("Wholesale orders");
    await page.getByLabel("Team", { exact: true }).selectOption({ label: "Wholesale desk (L1)" });
    await page.getByLabel("Tags").fill("wholesale");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Rule “Wholesale orders” saved.").waitFor();
    const ruleCells = page.locator('tr[data-rule="Wholesale orders"] td');
    assert.equal(await ruleCells.nth(2).innerText(), "Tags: wholesale");
    assert.match(await ruleCells.nth(3).innerText(), /^Wholesale desk/);

    // Categories: "Account" becomes "Account and sign-in".
    await page.getByRole("link", { name: "Categories" }).click();
    await page.getByRole("button", { name: "Rename Account" }).click();
    await page.getByLabel("New name for Account").fill("Account and sign-in");
    await page.getByLabel("New name for Account").press("Enter");
    await page.getByText("Category renamed to “Account and sign-in”.").waitFor();
    assert.equal(await page.locator('tr[data-category="account"] td').nth(1).innerText(), "Account and sign-in");

    // Intake: orders placed with a customer note no longer open tickets.
    await page.getByRole("link", { name: "Intake rules" }).click();
    const noteSwitch = page.getByRole("switch", { name: "Open a ticket for Order placed with a customer note" });
    assert.equal(await noteSwitch.isChecked(), true);
    await noteSwitch.uncheck();
    await page.getByText("Unsaved changes").waitFor();
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Intake rules saved.").waitFor();
    await shot(page, "settings-intake", { fullPage: true });

    // Both changes are stored: the screens show them after going elsewhere and back.
    await page.getByRole("link", { name: "Teams", exact: true }).click();
    await page.locator('tr[data-team="Wholesale desk"]').waitFor();
    await page.getByRole("link", { name: "Intake rules" }).click();
    assert.equal(
      await page.getByRole("switch", { name: "Open a ticket for Order placed with a customer note" }).isChecked(),
      false,
    );

    assert.deepEqual(errors, []);
    await context.close();
  });
});
