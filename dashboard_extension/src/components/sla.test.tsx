import { screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import type { SlaClock } from "../api/types";
import { SlaPanel } from "../screens/ticket/SlaPanel";
import { detail } from "../test/fixtures";
import { fakeRequest, renderWith } from "../test/render";
import { listVariables } from "../screens/inboxViews";
import { SlaBadge, mostUrgent } from "./sla";

const NOW = Date.parse("2026-11-20T12:00:00Z");

function clock(overrides: Partial<SlaClock>): SlaClock {
  return {
    kind: "FIRST_RESPONSE",
    state: "ON_TRACK",
    paused: false,
    dueAt: "2026-11-20T12:35:00Z",
    remainingMinutes: 35,
    completedAt: null,
    ...overrides,
  };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

describe("SLA", () => {
  it("lists the tickets breaching soon, due first", () => {
    expect(listVariables({ view: "breaching", search: "", priority: "", category: "", channel: "", sort: "" })).toMatchObject({
      filter: { status: ["NEW", "OPEN", "PENDING", "ON_HOLD"], slaDueWithinMinutes: 120 },
      sortBy: { field: "SLA_DUE", direction: "ASC" },
    });
  });

  it("picks the running clock due first, paused ones last", () => {
    const resolution = clock({ kind: "RESOLUTION", dueAt: "2026-11-21T12:00:00Z" });
    const paused = clock({ kind: "NEXT_RESPONSE", paused: true, dueAt: null });
    const met = clock({ state: "MET", completedAt: "2026-11-20T11:00:00Z" });
    const first = clock({});
    expect(mostUrgent([resolution, paused, met, first])).toBe(first);
    expect(mostUrgent([met])).toBeNull();
  });

  it("counts down to the due time, and past it", () => {
    const { request } = fakeRequest({});
    renderWith(<SlaBadge clock={clock({})} now={NOW} />, { request });
    expect(screen.getByText("On track · in 35 min")).toBeTruthy();
  });

  it("shows each clock of the ticket with its due time in the agent's language", () => {
    const { request } = fakeRequest({});
    const ticket = detail({
      slaClocks: [
        clock({ state: "WARNING", dueAt: "2026-11-20T11:50:00Z" }),
        clock({ kind: "NEXT_RESPONSE", paused: true, dueAt: null, remainingMinutes: 125 }),
        clock({ kind: "RESOLUTION", state: "MET", completedAt: "2026-11-20T11:00:00Z" }),
      ],
    });

    renderWith(<SlaPanel ticket={ticket} />, { request });

    const items = screen.getAllByRole("listitem").map((item) => item.textContent);
    expect(items[0]).toMatch(/^First responseBreachedwas due .*, 10 min ago$/);
    expect(items[1]).toBe("Next responseOn trackpaused, 2 hr 5 min of business time left");
    expect(items[2]).toMatch(/^ResolutionMetdone /);
  });

  it("says so when no SLA applies", () => {
    const { request } = fakeRequest({});
    renderWith(<SlaPanel ticket={detail({ slaClocks: [] })} />, { request });
    expect(screen.getByText("No SLA applies to this ticket.")).toBeTruthy();
  });
});
