// What the browser tests share: the sandbox's address, Chromium for the file's tests, a fresh page,
// signing in, the settings and screenshots.
//
// Environment (set by tests/web/test_browser.py): DESK_URL, the sandbox's address; SCREENSHOT_DIR,
// where screenshots go (default test-results/screenshots); CHROMIUM, the browser (default
// /usr/bin/chromium).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { after, before } from "node:test";

import { chromium } from "playwright-core";

export const BASE = process.env.DESK_URL;
if (!BASE) throw new Error("DESK_URL is not set");
const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? "test-results/screenshots";

/** A team lead in the seeded sandbox (Irina Vasile). */
export const LEAD = { username: "agent1", password: "agent" };

/** Starts Chromium before the file's tests and closes it after them; the function answers the browser. */
export function launchBrowser() {
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
  return () => browser;
}

/** A page of its own at 1280×800 (British English unless `options` say otherwise), with the errors it throws. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-GB", ...options });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  return { context, page, errors };
}

/** Signs in on the sign-in form (opened first unless `open` is false), whatever the page's language. */
export async function signIn(page, { username, password }, { open = true } = {}) {
  if (open) await page.goto(`${BASE}/app/`);
  await page.locator("input[name=username]").fill(username);
  await page.locator("input[name=password]").fill(password);
  await page.locator("form button[type=submit]").click();
  await page.locator("nav.desk-views").waitFor();
}

/** From the inbox to the settings (in English). */
export async function openSettings(page) {
  await page.getByRole("link", { name: "Settings", exact: true }).click();
  await page.getByRole("heading", { name: "Settings" }).waitFor();
}

/** Saves a screenshot of the window (or of the whole page) as `<name>.png`. */
export async function shot(page, name, { fullPage = false } = {}) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}
