import { useCallback, useEffect, useRef, useState } from "react";

import { TICKET_COUNTS } from "../api/operations";
import { useSession } from "../session";
import { SAVED_VIEWS, VIEW_IDS, type TicketFilter, type ViewId } from "./inboxViews";

/** The API counts no further than this (`totalCount`): this many means this many or more. */
export const COUNT_LIMIT = 1000;
/** How often the counts are read again while the tab is visible. */
export const COUNT_REFRESH_MS = 30_000;

export type ViewCounts = Record<ViewId, number>;

/** The variables of `TicketCounts`: each saved view's filter, by view id. */
export function countVariables(now: Date = new Date()): Record<ViewId, TicketFilter> {
  return Object.fromEntries(SAVED_VIEWS.map((view) => [view.id, view.filter(now)])) as Record<ViewId, TicketFilter>;
}

function isVisible() {
  return typeof document === "undefined" || document.visibilityState !== "hidden";
}

/**
 * The number of tickets in each saved view: read once `ready` (the screen's own data came
 * first), then every 30 s while the tab is visible, when the tab comes back after 30 s or
 * more, and on `refresh()`. One request at a time: a refresh asked for while one runs is
 * made once, after it.
 */
export function useViewCounts(ready: boolean): { counts: ViewCounts | null; refresh: () => void } {
  const { request } = useSession();
  const [counts, setCounts] = useState<ViewCounts | null>(null);
  const running = useRef(false);
  const queued = useRef(false);
  const live = useRef(true);
  const lastRead = useRef(0);
  // Once started, counting goes on while the list reloads (another view, a retry).
  const [started, setStarted] = useState(ready);
  if (ready && !started) setStarted(true);

  const load = useCallback(() => {
    if (running.current) {
      queued.current = true;
      return;
    }
    running.current = true;
    lastRead.current = Date.now();
    request<Record<ViewId, { totalCount: number | null } | null>>(TICKET_COUNTS, countVariables())
      .then(
        (data) => {
          if (!live.current) return;
          const next = Object.fromEntries(VIEW_IDS.map((id) => [id, data[id]?.totalCount ?? 0])) as ViewCounts;
          setCounts(next);
        },
        // Counts are a hint: a failed read keeps the last ones until the next succeeds.
        () => undefined,
      )
      .finally(() => {
        running.current = false;
        if (queued.current && live.current) {
          queued.current = false;
          load();
        }
      });
  }, [request]);

  useEffect(() => {
    if (!started) return;
    live.current = true;
    load();
    const timer = window.setInterval(() => {
      if (isVisible()) load();
    }, COUNT_REFRESH_MS);
    const onVisibility = () => {
      if (isVisible() && Date.now() - lastRead.current >= COUNT_REFRESH_MS) load();
    };
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      live.current = false;
      queued.current = false;
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [started, load]);

  const refresh = useCallback(() => {
    if (live.current) load();
  }, [load]);
  return { counts, refresh };
}
