import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { ApiError } from "../api/client";
import type { SearchHighlight } from "../api/types";
import { fakeRequest, renderWith } from "../test/render";
import { row } from "../test/fixtures";
import { Inbox } from "./Inbox";

function page(rows: ReturnType<typeof row>[], hasNextPage = false, highlights: (SearchHighlight | null)[] = []) {
  return {
    supportTickets: {
      edges: rows.map((node, index) => ({ node, searchHighlight: highlights[index] ?? null })),
      pageInfo: { hasNextPage, endCursor: hasNextPage ? "cursor-1" : null },
    },
  };
}

const params = (search: string) => new URLSearchParams(search);

function counts(values: Partial<Record<"mine" | "unassigned" | "breaching" | "open" | "pending" | "solved", number>>) {
  const all = { mine: 0, unassigned: 0, breaching: 0, open: 0, pending: 0, solved: 0, ...values };
  return Object.fromEntries(Object.entries(all).map(([view, totalCount]) => [view, { totalCount }]));
}

function shownCount(name: RegExp) {
  return screen.getByRole("link", { name }).querySelector(".desk-view-count")?.textContent;
}

function setVisibility(state: "visible" | "hidden") {
  Object.defineProperty(document, "visibilityState", { configurable: true, get: () => state });
  document.dispatchEvent(new Event("visibilitychange"));
}

const ACTIVE = ["NEW", "OPEN", "PENDING", "ON_HOLD"];

describe("Inbox", () => {
  it("lists the agent's open tickets, most urgent first", async () => {
    const { request, calls } = fakeRequest({ TicketList: page([row(1001), row(1002)]) });

    renderWith(<Inbox params={params("")} />, { request });

    expect(await screen.findByText("Subject 1001")).toBeTruthy();
    expect(calls[0]?.variables).toMatchObject({
      first: 50,
      filter: { status: ["NEW", "OPEN", "PENDING", "ON_HOLD"], assignee: "me" },
      sortBy: { field: "PRIORITY", direction: "DESC" },
    });
    expect(screen.getByRole("link", { name: "My open tickets" }).getAttribute("aria-current")).toBe("page");
  });

  it("searches with the search argument and sorts by relevance", async () => {
    const { request, calls } = fakeRequest({ TicketList: page([row(1003)]) });

    renderWith(<Inbox params={params("?view=open&q=1503")} />, { request });

    await screen.findByText("Subject 1003");
    expect(calls[0]?.variables).toMatchObject({ search: "1503", filter: { status: ["NEW", "OPEN", "PENDING", "ON_HOLD"] } });
    expect(calls[0]?.variables).not.toHaveProperty("sortBy");
    expect((screen.getByLabelText("Sort by") as HTMLSelectElement).value).toBe("relevance");
  });

  it("moves with j and k and opens the selected ticket with Enter", async () => {
    const { request } = fakeRequest({ TicketList: page([row(1001), row(1002), row(1003)]) });
    renderWith(<Inbox params={params("")} />, { request });
    await screen.findByText("Subject 1001");
    const rows = () => screen.getAllByRole("row").slice(1);

    fireEvent.keyDown(document.body, { key: "j" });
    fireEvent.keyDown(document.body, { key: "j" });
    fireEvent.keyDown(document.body, { key: "k" });

    expect(rows()[1]?.getAttribute("aria-current")).toBe("true");
    expect(document.activeElement?.textContent).toBe("Subject 1002");
    fireEvent.keyDown(document.body, { key: "Enter" });
    expect(window.location.pathname).toBe("/app/tickets/ticket-1002");
  });

  it("loads the next page after the last cursor and appends it", async () => {
    const { request, calls } = fakeRequest({
      TicketList: (variables) =>
        variables.after ? page([row(1003)]) : page([row(1001), row(1002)], true),
    });
    renderWith(<Inbox params={params("")} />, { request });
    await screen.findByText("Subject 1002");

    fireEvent.click(screen.getByRole("button", { name: "Load more" }));

    expect(await screen.findByText("Subject 1003")).toBeTruthy();
    expect(calls.filter((call) => call.operation === "TicketList")[1]?.variables).toMatchObject({ after: "cursor-1" });
    expect(screen.getAllByRole("row")).toHaveLength(4);
  });

  it("shows a lost connection with a retry that loads again", async () => {
    let fail = true;
    const { request } = fakeRequest({
      TicketList: () => (fail ? new ApiError("network", "down") : page([row(1001)])),
    });
    renderWith(<Inbox params={params("")} />, { request });

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("cannot be reached");
    fail = false;
    await act(async () => fireEvent.click(within(alert).getByRole("button", { name: "Retry" })));

    await waitFor(() => expect(screen.getByText("Subject 1001")).toBeTruthy());
  });

  it("says so when a search finds nothing", async () => {
    const { request } = fakeRequest({ TicketList: page([]) });

    renderWith(<Inbox params={params("?q=nothing")} />, { request });

    expect(await screen.findByText("No tickets match “nothing”.")).toBeTruthy();
  });

  it("takes the next ticket of the queue and opens it, or says the queue is empty", async () => {
    let next: { id: string; number: number } | null = null;
    const { request } = fakeRequest({
      TicketList: page([row(1001)]),
      TicketTakeNext: () => ({ supportTicketTakeNext: { ticket: next, errors: [] } }),
    });
    renderWith(<Inbox params={params("")} />, { request });
    await screen.findByText("Subject 1001");

    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Take next ticket" })));
    expect(await screen.findByText("Nothing is waiting in the queue.")).toBeTruthy();

    next = { id: "ticket-1009", number: 1009 };
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Take next ticket" })));
    expect(window.location.pathname).toBe("/app/tickets/ticket-1009");
  });

  it("changes the selected tickets together and reports the ones that could not change", async () => {
    const { request, calls } = fakeRequest({
      TicketList: page([row(1001), row(1002), row(1003)]),
      TicketBulkStatus: {
        supportTicketBulkStatus: {
          count: 1,
          results: [
            { ticket: { id: "ticket-1001" }, errors: [] },
            { ticket: null, errors: [{ field: "status", code: "INVALID_TRANSITION", message: "No." }] },
          ],
          errors: [],
        },
      },
    });
    renderWith(<Inbox params={params("")} />, { request });
    await screen.findByText("Subject 1001");

    fireEvent.click(screen.getByLabelText("Select ticket #1001"));
    fireEvent.keyDown(document.body, { key: "j" });
    fireEvent.keyDown(document.body, { key: "x" });
    expect(screen.getByText("2 selected")).toBeTruthy();
    await act(async () => fireEvent.change(screen.getByLabelText("Set status"), { target: { value: "SOLVED" } }));

    expect(calls.find((call) => call.operation === "TicketBulkStatus")?.variables).toEqual({
      ids: ["ticket-1001", "ticket-1002"],
      status: "SOLVED",
    });
    expect(await screen.findByText("1 changed.")).toBeTruthy();
    expect(screen.getByText("#1002: The ticket cannot move to this status from its current one.")).toBeTruthy();
  });

  describe("view counts", () => {
    afterEach(() => {
      vi.useRealTimers();
      setVisibility("visible");
    });

    it("counts every view in one request once the list is there, and shows the numbers", async () => {
      vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-10T12:00:00Z") });
      const { request, calls } = fakeRequest({
        TicketList: page([row(1001)]),
        TicketCounts: counts({ mine: 12, unassigned: 3, breaching: 1, open: 40, pending: 0, solved: 7 }),
      });

      renderWith(<Inbox params={params("")} />, { request });

      await waitFor(() => expect(shownCount(/^My open tickets/)).toBe("12"));
      expect(calls.map((call) => call.operation)).toEqual(["TicketList", "TicketCounts", "InboxCategories"]);
      expect(calls[1]?.variables).toEqual({
        mine: { status: ACTIVE, assignee: "me" },
        unassigned: { status: ["NEW", "OPEN"], assignee: "unassigned" },
        breaching: { status: ACTIVE, slaDueWithinMinutes: 120 },
        open: { status: ACTIVE },
        pending: { status: ["PENDING"] },
        solved: { status: ["SOLVED"], updated: { gte: "2026-03-03T12:00:00.000Z" } },
      });
      expect(
        ["Unassigned", "Breaching soon", "All open", "Pending on customer", "Recently solved"].map((name) =>
          shownCount(new RegExp(`^${name}`)),
        ),
      ).toEqual(["3", "1", "40", "0", "7"]);
      expect(screen.getByRole("link", { name: "My open tickets 12" }).getAttribute("aria-current")).toBe("page");
    });

    it("shows 999+ for a view the API counted to its limit", async () => {
      const { request } = fakeRequest({
        TicketList: page([row(1001)]),
        TicketCounts: counts({ open: 1000, solved: 999 }),
      });

      renderWith(<Inbox params={params("?view=open")} />, { request });

      await waitFor(() => expect(shownCount(/^All open/)).toBe("999+"));
      expect(shownCount(/^Recently solved/)).toBe("999");
      expect(screen.getByRole("link", { name: "All open 999+" })).toBeTruthy();
    });

    it("writes the counts with the locale's digits", async () => {
      const { request } = fakeRequest({
        TicketList: page([row(1001)]),
        TicketCounts: counts({ mine: 12, open: 1000 }),
      });

      renderWith(<Inbox params={params("")} />, { request, locale: "fa" });

      await waitFor(() => expect(document.querySelector('[data-count="12"]')?.textContent).toBe("۱۲"));
      expect(document.querySelector('[data-count="1000"]')?.textContent).toBe("۹۹۹+");
    });

    it("counts again every 30 seconds while the tab is visible, and not while it is hidden", async () => {
      vi.useFakeTimers({ shouldAdvanceTime: true });
      let open = 40;
      const { request, calls } = fakeRequest({
        TicketList: page([row(1001)]),
        TicketCounts: () => counts({ open }),
      });
      const countRequests = () => calls.filter((call) => call.operation === "TicketCounts").length;
      renderWith(<Inbox params={params("?view=open")} />, { request });
      await waitFor(() => expect(shownCount(/^All open/)).toBe("40"));

      open = 41;
      await act(async () => vi.advanceTimersByTime(30_000));
      await waitFor(() => expect(shownCount(/^All open/)).toBe("41"));
      expect(countRequests()).toBe(2);

      setVisibility("hidden");
      await act(async () => vi.advanceTimersByTime(90_000));
      expect(countRequests()).toBe(2);

      open = 42;
      await act(async () => setVisibility("visible"));
      await waitFor(() => expect(shownCount(/^All open/)).toBe("42"));
      expect(countRequests()).toBe(3);
    });

    it("counts again right after a bulk change", async () => {
      let mine = 2;
      const { request, calls } = fakeRequest({
        TicketList: page([row(1001), row(1002)]),
        TicketCounts: () => counts({ mine }),
        TicketBulkStatus: () => {
          mine = 0;
          return {
            supportTicketBulkStatus: {
              count: 2,
              results: [
                { ticket: { id: "ticket-1001" }, errors: [] },
                { ticket: { id: "ticket-1002" }, errors: [] },
              ],
              errors: [],
            },
          };
        },
      });
      renderWith(<Inbox params={params("")} />, { request });
      await waitFor(() => expect(shownCount(/^My open tickets/)).toBe("2"));

      fireEvent.click(screen.getByLabelText("Select all shown tickets"));
      await act(async () => fireEvent.change(screen.getByLabelText("Set status"), { target: { value: "SOLVED" } }));

      await waitFor(() => expect(shownCount(/^My open tickets/)).toBe("0"));
      expect(calls.map((call) => call.operation).slice(0, 4)).toEqual([
        "TicketList",
        "TicketCounts",
        "InboxCategories",
        "TicketBulkStatus",
      ]);
      expect(calls.map((call) => call.operation).slice(4).sort()).toEqual(["TicketCounts", "TicketList"]);
    });

    it("counts again when the queue had nothing to take", async () => {
      const { request, calls } = fakeRequest({
        TicketList: page([row(1001)]),
        TicketCounts: counts({ unassigned: 0 }),
        TicketTakeNext: { supportTicketTakeNext: { ticket: null, errors: [] } },
      });
      renderWith(<Inbox params={params("")} />, { request });
      await waitFor(() => expect(shownCount(/^Unassigned/)).toBe("0"));

      await act(async () => fireEvent.click(screen.getByRole("button", { name: "Take next ticket" })));

      await waitFor(() => expect(calls.filter((call) => call.operation === "TicketCounts")).toHaveLength(2));
    });
  });

  describe("search highlights", () => {
    const marks = (element: Element | null | undefined) =>
      Array.from(element?.querySelectorAll("mark") ?? []).map((mark) => mark.textContent);
    const rowOf = (number: number) => document.querySelector(`[data-ticket-number="${number}"]`);

    it("marks the matched words of the subject and shows the matching message under it", async () => {
      const { request } = fakeRequest({
        TicketList: page(
          [row(1001, { subject: "Colet întârziat, factură greşită" })],
          false,
          [
            {
              field: "MESSAGE",
              text: "… coletul a întârziat, iar factura este greşită …",
              ranges: [
                { start: 12, end: 21 },
                { start: 40, end: 47 },
              ],
              subjectRanges: [
                { start: 6, end: 15 },
                { start: 25, end: 32 },
              ],
            },
          ],
        ),
      });

      renderWith(<Inbox params={params("?q=intarziat%20gresita")} />, { request });

      await screen.findByText("Message:");
      const subject = rowOf(1001)?.querySelector("a.desk-subject");
      expect(subject?.textContent).toBe("Colet întârziat, factură greşită");
      expect(marks(subject)).toEqual(["întârziat", "greşită"]);
      const snippet = rowOf(1001)?.querySelector(".desk-snippet-text");
      expect(snippet?.textContent).toBe("… coletul a întârziat, iar factura este greşită …");
      expect(marks(snippet)).toEqual(["întârziat", "greşită"]);
      expect(snippet?.getAttribute("dir")).toBe("auto");
    });

    it("counts offsets in code points, so characters beyond the BMP do not shift the marks", async () => {
      const { request } = fakeRequest({
        TicketList: page([row(1001, { subject: "📦 Kettle 📦 kettle" })], false, [
          { field: "SUBJECT", text: "📦 Kettle 📦 kettle", ranges: [], subjectRanges: [{ start: 2, end: 8 }, { start: 11, end: 17 }] },
        ]),
      });

      renderWith(<Inbox params={params("?q=kettle")} />, { request });

      await waitFor(() => expect(marks(rowOf(1001))).toEqual(["Kettle", "kettle"]));
      expect(rowOf(1001)?.querySelector(".desk-snippet")).toBeNull();
    });

    it("shows an internal note's match as a note, and text as text, never as markup", async () => {
      const { request } = fakeRequest({
        TicketList: page([row(1002)], false, [
          {
            field: "INTERNAL_NOTE",
            text: "<b>carrier</b> says damaged",
            ranges: [{ start: 20, end: 27 }],
            subjectRanges: [],
          },
        ]),
      });

      renderWith(<Inbox params={params("?q=damaged")} />, { request });

      await screen.findByText("Internal note:");
      const snippet = rowOf(1002)?.querySelector(".desk-snippet");
      expect(snippet?.classList.contains("desk-snippet-note")).toBe(true);
      expect(snippet?.querySelector("b")).toBeNull();
      expect(snippet?.querySelector(".desk-snippet-text")?.textContent).toBe("<b>carrier</b> says damaged");
      expect(marks(snippet)).toEqual(["damaged"]);
    });

    it("marks the number of the ticket a number search found", async () => {
      const { request } = fakeRequest({
        TicketList: page([row(1073)], false, [
          { field: "NUMBER", text: "#1073", ranges: [{ start: 1, end: 5 }], subjectRanges: [] },
        ]),
      });

      renderWith(<Inbox params={params("?q=%231073")} />, { request });

      await waitFor(() => expect(marks(rowOf(1073)?.querySelector(".desk-num"))).toEqual(["1073"]));
      expect(rowOf(1073)?.querySelector(".desk-num")?.textContent).toBe("#1073");
    });

    it("keeps Persian matches right to left inside a Persian workspace", async () => {
      const { request } = fakeRequest({
        TicketList: page([row(1004, { subject: "پیگیری سفارش" })], false, [
          {
            field: "MESSAGE",
            text: "سلام، سفارش من كجاست؟",
            ranges: [{ start: 15, end: 20 }],
            subjectRanges: [{ start: 7, end: 12 }],
          },
        ]),
      });

      renderWith(<Inbox params={params("?q=کجاست")} />, { request, locale: "fa" });

      await screen.findByText("پیام:");
      const snippet = rowOf(1004)?.querySelector(".desk-snippet-text");
      expect(marks(snippet)).toEqual(["كجاست"]);
      expect(snippet?.getAttribute("dir")).toBe("auto");
      expect(marks(rowOf(1004)?.querySelector("a.desk-subject"))).toEqual(["سفارش"]);
    });

    it("ignores ranges that do not fit the text", async () => {
      const { request } = fakeRequest({
        TicketList: page([row(1005, { subject: "Short" })], false, [
          { field: "SUBJECT", text: "Short", ranges: [], subjectRanges: [{ start: 3, end: 1 }, { start: 2, end: 40 }] },
        ]),
      });

      renderWith(<Inbox params={params("?q=short")} />, { request });

      await waitFor(() => expect(rowOf(1005)?.querySelector("a.desk-subject")?.textContent).toBe("Short"));
      expect(marks(rowOf(1005))).toEqual([]);
    });
  });
});
