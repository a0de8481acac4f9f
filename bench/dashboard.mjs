// Budget of the agent workspace (issue 5): JavaScript of the inbox route, gzipped, and the time
// to the first inbox of 50 tickets in headless Chromium against a running sandbox.
//
//   make demo                                   # or any sandbox with tickets, on :8000
//   node bench/dashboard.mjs [--url http://127.0.0.1:8000] [--runs 15] [--user agent1 --password agent]
//                            [--waterfall]     # also print one more run's requests, in order
//                            [--raw]           # also print every run's time (JSON)
//
// Budgets: inbox JavaScript <= 250 KB gzipped; 50 tickets rendered within 1.5 s.
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const BUILD = join(ROOT, "saleor_support_plugin", "web", "dashboard");
const require = createRequire(join(ROOT, "dashboard_extension", "package.json"));
const { chromium } = require("playwright-core");

const { values: options } = parseArgs({
  options: {
    url: { type: "string", default: "http://127.0.0.1:8000" },
    runs: { type: "string", default: "15" },
    user: { type: "string", default: "agent1" },
    password: { type: "string", default: "agent" },
    chromium: { type: "string", default: process.env.CHROMIUM ?? "/usr/bin/chromium" },
    waterfall: { type: "boolean", default: false },
    raw: { type: "boolean", default: false },
  },
});
const JS_BUDGET_KB = 250;
const TIME_BUDGET_MS = 1500;
const ROWS = 50;

function inboxJavaScript() {
  // Everything index.html loads up front: entry scripts and their preloaded chunks.
  const html = readFileSync(join(BUILD, "index.html"), "utf8");
  const files = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]);
  return files.map((file) => {
    const bytes = readFileSync(join(BUILD, file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const scripts = inboxJavaScript();
const gzipKb = scripts.reduce((sum, s) => sum + s.gzip, 0) / 1024;
const rawKb = scripts.reduce((sum, s) => sum + s.raw, 0) / 1024;

const login = await fetch(`${options.url}/auth/token/`, {
  method: "POST",
  headers: { "Content-Type": "application/json" },
  body: JSON.stringify({ username: options.user, password: options.password }),
});
if (!login.ok) throw new Error(`sign-in at ${options.url} failed: ${login.status}`);
const { token } = await login.json();

const browser = await chromium.launch({
  executablePath: options.chromium,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const timings = [];
const loadBefore = loadavg()[0];

/** One cold visit of the inbox; returns the time to 50 rows and the page's request timings. */
async function visit() {
  // A new context each time: empty cache, as an agent's first visit of the day.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-GB" });
  await context.addInitScript((value) => sessionStorage.setItem("saleor-support-desk.token", value), token);
  const page = await context.newPage();
  try {
    await page.goto(`${options.url}/app/?view=open`, { waitUntil: "commit" });
    await page.waitForFunction((rows) => document.querySelectorAll("table.desk-table tbody tr").length >= rows, ROWS, {
      timeout: 30_000,
      polling: "raf",
    });
    const elapsed = await page.evaluate(() => performance.now());
    const entries = await page.evaluate(() => {
      const navigation = performance.getEntriesByType("navigation")[0];
      const resources = performance.getEntriesByType("resource").map((entry) => ({
        name: entry.name.replace(location.origin, ""),
        start: entry.startTime,
        firstByte: entry.responseStart,
        end: entry.responseEnd,
        bytes: entry.transferSize,
      }));
      const paint = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null;
      return { html: navigation.responseEnd, scripts: navigation.domContentLoadedEventStart, paint, resources };
    });
    return { elapsed, entries };
  } finally {
    await context.close();
  }
}

try {
  for (let run = 0; run < Number(options.runs); run += 1) {
    timings.push((await visit()).elapsed);
  }
  if (options.waterfall) {
    const { elapsed, entries } = await visit();
    const ms = (value) => `${value.toFixed(0).padStart(5)} ms`;
    console.log(`one more run: HTML ${ms(entries.html)}, scripts run ${ms(entries.scripts)}, first paint ${entries.paint === null ? "-" : ms(entries.paint)}, ${ROWS} rows ${ms(elapsed)}`);
    for (const entry of entries.resources) {
      const wait = entry.firstByte - entry.start;
      console.log(`  ${ms(entry.start)} -> ${ms(entry.end)}  first byte after ${wait.toFixed(0).padStart(4)} ms  ${String(entry.bytes).padStart(7)} B  ${entry.name}`);
    }
  }
} finally {
  await browser.close();
}
timings.sort((a, b) => a - b);
const median = percentile(timings, 50);

console.log(`inbox JavaScript: ${scripts.length} file(s), ${rawKb.toFixed(1)} KB raw, ${gzipKb.toFixed(1)} KB gzipped (budget ${JS_BUDGET_KB} KB)`);
console.log(
  `first inbox of ${ROWS} tickets, ${timings.length} cold runs: p50 ${median.toFixed(0)} ms, p90 ${percentile(timings, 90).toFixed(0)} ms, max ${timings.at(-1).toFixed(0)} ms (budget ${TIME_BUDGET_MS} ms)`,
);
if (options.raw) console.log(`runs: ${JSON.stringify(timings.map((t) => Math.round(t)))}`);
console.log(`load average (1 min) of the machine: ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after`);
console.log(`within budget: ${gzipKb <= JS_BUDGET_KB && median <= TIME_BUDGET_MS ? "yes" : "no"}`);
