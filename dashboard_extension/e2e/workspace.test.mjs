// End-to-end tests of the agent workspace in Debian's Chromium, driven by playwright-core.
//
// Run by tests/web/test_browser.py against a live sandbox it seeds, which passes:
//   DESK_URL               the sandbox's address (http://127.0.0.1:<port>)
//   DESK_ORDER_NUMBER      an order whose cancellation opened a ticket still being worked
//   DESK_TICKET_NUMBER     that ticket's number
//   DESK_CONFLICT_TICKET   global id of another open ticket, for two agents at once
//   DESK_WIDGET_ORDER      global id (`Order`) of that ticket's order, for the order widget
//   SCREENSHOT_DIR         where to save screenshots (default test-results/screenshots)
//   CHROMIUM               the browser (default /usr/bin/chromium)
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";

import { chromium } from "playwright-core";

const BASE = required("DESK_URL");
const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? "test-results/screenshots";
const VIEWPORT = { width: 1280, height: 800 };
const AGENT = { username: "agent1", password: "agent" };
const OTHER_AGENT = { username: "agent2", password: "agent" };

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

let browser;

before(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      // The test Dashboard below is served from another local origin.
      "--disable-features=LocalNetworkAccessChecks",
    ],
  });
});

after(async () => {
  await browser?.close();
});

async function newPage(options = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: "en-GB", ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { context, page, errors };
}

async function signIn(page, { username, password }, labels = { user: "Username", password: "Password", submit: "Sign in" }) {
  await page.goto(`${BASE}/app/`);
  await page.getByLabel(labels.user).fill(username);
  await page.getByLabel(labels.password).fill(password);
  await page.getByRole("button", { name: labels.submit }).click();
  await page.locator("nav.desk-views").waitFor();
}

async function shot(page, name) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

async function waitForValue(locator, value) {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    if ((await locator.inputValue()) === value) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.equal(await locator.inputValue(), value);
}

async function waitForText(locator, text) {
  await locator.filter({ hasText: text }).first().waitFor();
}

describe("agent workspace", () => {
  test("an agent finds a cancellation by search, replies, uses a template, notes, escalates and solves it", async () => {
    const { context, page, errors } = await newPage();
    await page.goto(`${BASE}/app/`);
    await page.getByRole("heading", { name: "Sign in to the support desk" }).waitFor();
    await shot(page, "sign-in");
    await signIn(page, AGENT);

    await page.getByRole("link", { name: "All open" }).click();
    await page.locator("table.desk-table tbody tr").first().waitFor();
    await shot(page, "inbox");

    const orderNumber = required("DESK_ORDER_NUMBER");
    const ticketNumber = required("DESK_TICKET_NUMBER");
    await page.getByLabel("Search tickets").fill(orderNumber);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    const row = page.locator(`tr[data-ticket-number="${ticketNumber}"]`);
    await row.waitFor();
    assert.equal(await page.getByLabel("Sort by").inputValue(), "relevance");
    await shot(page, "inbox-search");

    await row.locator("a.desk-subject").click();
    await page.getByRole("heading", { name: new RegExp(`Ticket #${ticketNumber}`) }).waitFor();

    const reply = `We are sorry about order #${orderNumber}; the refund is on its way.`;
    await page.getByLabel("Reply to the customer").fill(reply);
    await page.getByRole("button", { name: "Send reply" }).click();
    await page.getByText("Reply sent.").waitFor();
    await waitForText(page.locator(".desk-message-agent"), "the refund is on its way");

    // A template: previewed for this ticket (variables filled in), then sent.
    await page.getByLabel("Template").selectOption({ label: "Asking for a photo of the damage" });
    const preview = page.locator(".desk-template-preview");
    await waitForText(preview, "Ioana");
    assert.match(await preview.innerText(), /Also changes: Status → Pending/);
    await page.getByRole("button", { name: "Send with template" }).click();
    await page.getByText("Sent with the template.").waitFor();
    await waitForValue(page.getByLabel("Status"), "PENDING");
    await waitForText(page.locator(".desk-message-agent"), "Ioana");

    await page.getByLabel("Internal note", { exact: true }).check();
    await page.getByLabel("Internal note for agents").fill("Refund approved by the warehouse lead.");
    await page.getByRole("button", { name: "Add note" }).click();
    await page.getByText("Note added.").waitFor();
    await waitForText(page.locator(".desk-message-note"), "Refund approved by the warehouse lead.");

    // Merging is offered with candidates found by search; Esc leaves the ticket as it is.
    await page.getByRole("button", { name: "Merge into…" }).click();
    const merge = page.getByRole("dialog", { name: `Merge ticket #${ticketNumber} into another` });
    await merge.getByLabel("Ticket number or search").fill("order");
    await merge.getByRole("button", { name: "Find", exact: true }).click();
    await merge.getByRole("radio").first().check();
    await merge.getByText(new RegExp(`^Ticket #${ticketNumber} will be closed`)).waitFor();
    await shot(page, "merge-dialog");
    await page.keyboard.press("Escape");
    await merge.waitFor({ state: "detached" });

    // Escalation to L2 with a reason, which the desk keeps as an internal note.
    await page.getByRole("button", { name: "Escalate to L2" }).click();
    const escalate = page.getByRole("dialog", { name: `Escalate ticket #${ticketNumber} to L2` });
    await escalate.waitFor();
    assert.match(await escalate.innerText(), /It goes to L2 Payments and technical/);
    await escalate.getByLabel("Reason").fill("Refund above the L1 limit; a payments specialist should confirm it.");
    await shot(page, "escalate-dialog");
    await escalate.getByRole("button", { name: "Escalate", exact: true }).click();
    await page.getByText("Escalated to L2.").waitFor();
    await escalate.waitFor({ state: "detached" });
    await page.locator(".desk-tier", { hasText: "L2" }).waitFor();
    assert.equal(await page.getByLabel("Team").locator("option:checked").innerText(), "L2 Payments and technical");
    await waitForText(page.locator(".desk-message-note"), "a payments specialist should confirm it");

    await page.getByLabel("Status").selectOption("SOLVED");
    await page.getByText("Saved.").waitFor();
    await waitForValue(page.getByLabel("Status"), "SOLVED");
    await page.locator(".desk-ticket-summary .desk-status-solved").waitFor();
    await shot(page, "ticket");

    // j/k and Enter in the inbox open the selected ticket.
    await page.getByRole("link", { name: "Back to inbox" }).click();
    await page.getByRole("button", { name: "Clear search" }).click();
    await page.locator("table.desk-table tbody tr").first().waitFor();
    await page.locator("body").click({ position: { x: 5, y: 300 } });
    await page.keyboard.press("j");
    const selected = page.locator('tr[aria-current="true"]');
    const selectedNumber = await selected.getAttribute("data-ticket-number");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: new RegExp(`Ticket #${selectedNumber}`) }).waitFor();

    assert.deepEqual(errors, []);
    await context.close();
  });

  test("a second agent editing the same ticket sees the other change and reapplies", async () => {
    const ticketId = required("DESK_CONFLICT_TICKET");
    const first = await newPage();
    const second = await newPage();
    await signIn(first.page, AGENT);
    await signIn(second.page, OTHER_AGENT);
    const url = `${BASE}/app/tickets/${encodeURIComponent(ticketId)}`;
    await first.page.goto(url);
    await second.page.goto(url);
    await first.page.getByLabel("Priority").waitFor();
    await second.page.getByLabel("Priority").waitFor();

    const priority = first.page.getByLabel("Priority");
    const target = (await priority.inputValue()) === "URGENT" ? "LOW" : "URGENT";
    await priority.selectOption(target);
    await first.page.getByText("Saved.").waitFor();

    await second.page.getByLabel("Status").selectOption("PENDING");
    const banner = second.page.getByRole("alert").filter({ hasText: "Another agent changed this ticket" });
    await banner.waitFor();
    assert.match(await banner.innerText(), /Priority:/);
    assert.match(await banner.innerText(), /Changed by .*agent1/);
    assert.equal(await second.page.getByLabel("Priority").inputValue(), target);
    await shot(second.page, "conflict");

    await banner.getByRole("button", { name: "Apply my change again" }).click();
    await banner.waitFor({ state: "detached" });
    await waitForValue(second.page.getByLabel("Status"), "PENDING");
    assert.equal(await second.page.getByLabel("Priority").inputValue(), target);

    assert.deepEqual([...first.errors, ...second.errors], []);
    await first.context.close();
    await second.context.close();
  });

  test("Persian renders right to left", async () => {
    const { context, page, errors } = await newPage({ locale: "fa-IR" });
    await page.goto(`${BASE}/app/`);
    await page.getByRole("heading", { name: "ورود به پشتیبانی مشتریان" }).waitFor();
    assert.equal(await page.locator("html").getAttribute("dir"), "rtl");
    assert.equal(await page.locator("html").getAttribute("lang"), "fa");
    await signIn(page, AGENT, { user: "نام کاربری", password: "گذرواژه", submit: "ورود" });
    await page.getByRole("link", { name: "همه تیکت‌های باز" }).click();
    await page.locator("table.desk-table tbody tr").first().waitFor();

    const nav = await page.locator("nav.desk-views").boundingBox();
    const list = await page.locator("section.desk-list").boundingBox();
    assert.ok(nav && list && nav.x > list.x, "the views are on the right of the list");
    const direction = await page.locator("table.desk-table").evaluate((node) => getComputedStyle(node).direction);
    assert.equal(direction, "rtl");
    const firstHeader = await page.locator("table.desk-table th").first().boundingBox();
    const lastHeader = await page.locator("table.desk-table th").last().boundingBox();
    assert.ok(firstHeader && lastHeader && firstHeader.x > lastHeader.x, "columns run right to left");
    await shot(page, "inbox-fa");

    await page.locator("table.desk-table tbody tr a.desk-subject").first().click();
    await page.getByRole("heading", { name: /تیکت/ }).first().waitFor();
    await page.locator(".desk-ticket-side").waitFor();
    await shot(page, "ticket-fa");

    assert.deepEqual(errors, []);
    await context.close();
  });

  test("inside the Dashboard the app takes its token from app-bridge; the order widget lists the order's tickets", async () => {
    const { context, page, errors } = await newPage();
    const login = await context.request.post(`${BASE}/auth/token/`, {
      data: { username: AGENT.username, password: AGENT.password },
    });
    const { token: sandboxToken } = await login.json();
    // Saleor hands the iframe a JWT (app-bridge decodes it). The sandbox is no Saleor: its API
    // takes its own tokens, so requests carrying the Dashboard's token are passed on with the
    // sandbox token, and any other credential fails the test.
    const encode = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const dashboardToken = `${encode({ alg: "RS256", typ: "JWT" })}.${encode({
      token: "x",
      email: "agent1@example.com",
      type: "thirdparty",
      permissions: ["MANAGE_ORDERS"],
      user_permissions: ["MANAGE_ORDERS"],
      exp: Math.floor(Date.now() / 1000) + 300,
    })}.signature`;
    const seen = [];
    await page.route(`${BASE}/graphql/`, (route) => {
      const authorization = route.request().headers().authorization;
      seen.push(authorization);
      if (authorization !== `Bearer ${dashboardToken}`) return route.abort();
      return route.continue({
        headers: { ...route.request().headers(), authorization: `Bearer ${sandboxToken}` },
      });
    });
    const dashboard = "http://localhost:9";
    const params = new URLSearchParams({
      id: "QXBwOjE=",
      domain: "localhost:9",
      saleorApiUrl: `${dashboard}/graphql/`,
      theme: "light",
      locale: "en",
    });
    const orderId = required("DESK_WIDGET_ORDER");
    await page.route(`${dashboard}/**`, (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<!doctype html><html><body style="margin:0;font-family:sans-serif">
          <iframe id="page" title="Support desk" src="${BASE}/app/?${params}"
            style="width:1270px;height:540px;border:1px solid #ddd"></iframe>
          <iframe id="widget" title="Support tickets"
            src="${BASE}/app/widgets/order?${params}&orderId=${encodeURIComponent(orderId)}"
            style="width:480px;height:240px;border:1px solid #ddd"></iframe>
          <script>
            for (const frame of document.querySelectorAll("iframe")) {
              frame.addEventListener("load", () => frame.contentWindow.postMessage(
                { type: "handshake", payload: { token: ${JSON.stringify(dashboardToken)}, version: 1 } }, "*"));
            }
          </script></body></html>`,
      }),
    );
    await page.goto(`${dashboard}/dashboard/apps/support/app`);

    const app = page.frameLocator("#page");
    await app.getByRole("heading", { name: "My open tickets" }).waitFor();
    assert.equal(await app.getByRole("button", { name: "Sign out" }).count(), 0);
    // No second header under the Dashboard's: the Dashboard names the app.
    assert.equal(await app.locator(".desk-brand").count(), 0);
    const widget = page.frameLocator("#widget");
    await widget.getByRole("link", { name: /Open ticket #/ }).first().waitFor();
    assert.ok(seen.length >= 2);
    assert.ok(seen.every((header) => header === `Bearer ${dashboardToken}`));
    await shot(page, "dashboard-embedded");

    assert.deepEqual(errors, []);
    await context.close();
  });
});
