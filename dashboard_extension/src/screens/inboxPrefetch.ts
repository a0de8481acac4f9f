/**
 * The inbox's first page, asked for while the rest of the app's code still loads.
 *
 * This module is its own small entry script, run before the app's bundle: in a tab of its
 * own with a token already in the session (a reload, a new visit the same day) on the inbox
 * route, it sends the same `TicketList` request the inbox will send. The inbox takes the
 * answer once, if its request is the same and at most `PREFETCH_TTL_MS` old; otherwise, or
 * when the early request fails, it asks as usual (and a refused token is refreshed then).
 * Inside Saleor's Dashboard the token arrives later, through app-bridge: nothing is sent.
 */
import { createClient } from "../api/client";
import { TICKET_LIST } from "../api/operations";
import { readConfig } from "../config";
import { listVariables, readInboxQuery } from "./inboxViews";

const TOKEN_KEY = "saleor-support-desk.token";
export const PREFETCH_TTL_MS = 10_000;

interface Prefetched {
  query: string;
  key: string;
  at: number;
  result: Promise<unknown>;
}

let prefetched: Prefetched | null = null;

function storedToken(win: Window): string | null {
  try {
    return win.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** Whether `pathname` is the inbox below `basePath` (`/app/`, `/app`). */
export function isInboxPath(basePath: string, pathname: string): boolean {
  const base = basePath.endsWith("/") ? basePath : `${basePath}/`;
  return pathname === base || pathname === base.slice(0, -1);
}

/** Send the inbox's first request now, when the page is the inbox of a signed-in tab. */
export function startInboxPrefetch(win: Window = window): void {
  if (win.parent !== win) return; // inside the Dashboard: app-bridge brings the token later
  const node = win.document.getElementById("desk-config");
  if (!node) return;
  const config = readConfig(win.document);
  const token = storedToken(win);
  if (!token || !isInboxPath(config.basePath, win.location.pathname)) return;
  const variables = listVariables(readInboxQuery(new URLSearchParams(win.location.search)));
  const request = createClient(config.apiUrl, () => token);
  const result = request(TICKET_LIST, variables);
  result.catch(() => undefined); // an unused failure is not an unhandled rejection
  prefetched = { query: TICKET_LIST, key: JSON.stringify(variables), at: Date.now(), result };
}

/** The early answer to `query` with `variables`, once, if there is a fresh one. */
export function takePrefetched<T>(query: string, variables: Record<string, unknown>): Promise<T> | null {
  const entry = prefetched;
  prefetched = null;
  if (!entry || entry.query !== query || entry.key !== JSON.stringify(variables)) return null;
  if (Date.now() - entry.at > PREFETCH_TTL_MS) return null;
  return entry.result as Promise<T>;
}

/** For tests: forget any early request. */
export function forgetPrefetched(): void {
  prefetched = null;
}

/** For tests: pretend an early request was sent. */
export function setPrefetched(query: string, variables: Record<string, unknown>, result: Promise<unknown>): void {
  prefetched = { query, key: JSON.stringify(variables), at: Date.now(), result };
}
