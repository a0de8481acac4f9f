// Accessibility of the workspace's screens, checked with axe-core in Debian's Chromium.
//
// Run by tests/web/test_browser.py against a live sandbox (DESK_URL). Each screen is checked
// against WCAG 2.1 A and AA (labels, names, roles, contrast, landmarks); a serious or
// critical violation fails with the rule, the element and axe's explanation.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { describe, test } from "node:test";

import { BASE, LEAD, launchBrowser, newPage, signIn } from "./support.mjs";

const AXE_SOURCE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const SETTINGS = ["teams", "agents", "routing", "categories", "intake", "calendars", "sla", "macros"];

const browser = launchBrowser();

async function signedIn(locale) {
  // bypassCSP: the page's policy allows only its own scripts; axe is injected for the check.
  const { context, page } = await newPage(browser(), { locale, bypassCSP: true });
  await page.goto(`${BASE}/app/`);
  await page.locator("input[name=username]").waitFor();
  const signInProblems = await violations(page);
  await signIn(page, LEAD, { open: false });
  await page.locator(".desk-table tbody tr, .desk-empty").first().waitFor();
  return { context, page, signIn: signInProblems };
}

/** The serious and critical WCAG 2.1 A/AA violations on the page as it is now. */
async function violations(page) {
  await page.addScriptTag({ path: AXE_SOURCE });
  const results = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const found = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      resultTypes: ["violations"],
    });
    return found.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => `${node.target.join(" ")}: ${node.failureSummary}`),
    }));
  });
  return results.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
}

function report(screen, found) {
  return `${screen}:\n${found.map((v) => `- ${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.join("\n  ")}`).join("\n")}`;
}

describe("accessibility", () => {
  for (const locale of ["en-GB", "fa-IR"]) {
    test(`sign-in, inbox, a ticket and every settings screen pass WCAG 2.1 AA checks (${locale})`, async () => {
      const { context, page, signIn } = await signedIn(locale);
      try {
        const problems = signIn.length ? [report("sign-in", signIn)] : [];
        const check = async (screen) => {
          const found = await violations(page);
          if (found.length) problems.push(report(screen, found));
        };
        await check("inbox");

        await page.locator(".desk-table tbody tr a").first().click();
        await page.locator(".desk-conversation").waitFor();
        await page.locator("form textarea").first().waitFor();
        await check("ticket");

        for (const section of SETTINGS) {
          await page.goto(`${BASE}/app/settings/${section}`);
          await page.locator(".desk-settings-body h2").waitFor();
          await page.waitForLoadState("networkidle");
          await check(`settings/${section}`);
        }
        assert.deepEqual(problems, [], problems.join("\n\n"));
      } finally {
        await context.close();
      }
    });
  }
});
