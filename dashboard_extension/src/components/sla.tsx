import { useEffect, useState } from "react";

import type { SlaClock } from "../api/types";
import { useI18n } from "../i18n";

const RUNNING: ReadonlySet<SlaClock["state"]> = new Set(["ON_TRACK", "WARNING", "BREACHED"]);

/** The wall clock, ticking every 30 seconds, for countdowns. */
export function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** The clock that matters most now: the running one due first. */
export function mostUrgent(clocks: readonly SlaClock[] | undefined): SlaClock | null {
  const running = (clocks ?? []).filter((clock) => RUNNING.has(clock.state));
  if (!running.length) return null;
  return [...running].sort((a, b) => {
    if (a.paused !== b.paused) return a.paused ? 1 : -1;
    return (a.dueAt ? Date.parse(a.dueAt) : Infinity) - (b.dueAt ? Date.parse(b.dueAt) : Infinity);
  })[0] ?? null;
}

/** Minutes of wall time until the clock is due (negative once overdue); null when paused. */
export function minutesLeft(clock: SlaClock, now: number): number | null {
  if (clock.paused || !clock.dueAt) return null;
  return (Date.parse(clock.dueAt) - now) / 60_000;
}

export function SlaBadge({ clock, now }: { clock: SlaClock; now: number }) {
  const { t, duration } = useI18n();
  const left = minutesLeft(clock, now);
  const state = left !== null && left < 0 && clock.state !== "BREACHED" ? "BREACHED" : clock.state;
  let text: string;
  if (left === null) text = t("sla.short.paused");
  else if (left < 0) text = t("sla.short.over", { left: duration(left) });
  else text = t("sla.short.in", { left: duration(left) });
  return (
    <span className={`desk-badge desk-sla-${state.toLowerCase()}`} title={t(`sla.kind.${clock.kind}`)}>
      {t(`sla.state.${state}`)} · {text}
    </span>
  );
}
