import { act, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { row } from "../test/fixtures";
import { fakeRequest, renderWith } from "../test/render";
import { OrderWidget, dashboardAppPath } from "./OrderWidget";

const tickets = {
  supportTickets: {
    edges: [
      { node: row(1004, { id: "U3VwcG9ydFRpY2tldDo0", subject: "Order #1520 was cancelled by the store", status: "NEW" }) },
      { node: row(1001, { id: "U3VwcG9ydFRpY2tldDox" }) },
    ],
    pageInfo: { hasNextPage: false, endCursor: null },
  },
};

/** A ResizeObserver the test drives: `resize(height)` reports a new border-box height. */
function fakeResizeObserver() {
  const observed: Element[] = [];
  let callback: ResizeObserverCallback | null = null;
  class FakeObserver {
    constructor(cb: ResizeObserverCallback) {
      callback = cb;
    }
    observe(element: Element) {
      observed.push(element);
    }
    unobserve() {}
    disconnect() {}
  }
  vi.stubGlobal("ResizeObserver", FakeObserver);
  const resize = (height: number) =>
    act(() => {
      const target = observed[observed.length - 1];
      if (!target || !callback) throw new Error("nothing observed");
      const entry = { target, borderBoxSize: [{ blockSize: height, inlineSize: 300 }] } as unknown as ResizeObserverEntry;
      callback([entry], {} as ResizeObserver);
    });
  return { observed, resize };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe("OrderWidget", () => {
  it("lists the order's tickets, one compact row each: number link, subject, status", async () => {
    const { request, calls } = fakeRequest({ TicketList: tickets });
    renderWith(<OrderWidget orderId="T3JkZXI6MQ==" />, { request });

    const link = await screen.findByRole("link", { name: "Open ticket #1004" });
    expect(calls[0]?.variables).toMatchObject({ filter: { order: "T3JkZXI6MQ==" } });
    expect(link.textContent).toBe("#1004");
    const rows = screen.getAllByRole("listitem");
    expect(rows).toHaveLength(2);
    const first = rows[0];
    if (!first) throw new Error("no row");
    expect(first.children).toHaveLength(3);
    const subject = first.querySelector(".desk-widget-subject");
    expect(subject?.textContent).toBe("Order #1520 was cancelled by the store");
    expect(subject?.getAttribute("title")).toBe("Order #1520 was cancelled by the store");
    expect(within(first).getByText("New").className).toContain("desk-badge");
    // No button with the number spelled out: nothing to wrap in the side column.
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("opens the ticket on the App's page in the Dashboard (3.21+ deep path)", async () => {
    const { request } = fakeRequest({ TicketList: tickets });
    const dashboardRedirect = vi.fn(() => true);
    renderWith(<OrderWidget orderId="T3JkZXI6MQ==" />, {
      request,
      session: { mode: "dashboard", appId: "QXBwOjQ=", dashboardRedirect },
    });

    const link = await screen.findByRole("link", { name: "Open ticket #1004" });
    await act(async () => fireEvent.click(link));

    expect(dashboardRedirect).toHaveBeenCalledTimes(1);
    expect(dashboardRedirect).toHaveBeenCalledWith("/extensions/app/QXBwOjQ%3D/tickets/U3VwcG9ydFRpY2tldDo0");
  });

  it("opens the ticket in the app itself when standalone", async () => {
    const { request } = fakeRequest({ TicketList: tickets });
    const dashboardRedirect = vi.fn(() => false);
    renderWith(<OrderWidget orderId="T3JkZXI6MQ==" />, { request, session: { dashboardRedirect } });

    const link = await screen.findByRole("link", { name: "Open ticket #1001" });
    expect(link.getAttribute("href")).toBe("/app/tickets/U3VwcG9ydFRpY2tldDox");
    await act(async () => fireEvent.click(link));

    expect(dashboardRedirect).not.toHaveBeenCalled();
    expect(window.location.pathname).toBe("/app/tickets/U3VwcG9ydFRpY2tldDox");
  });

  it("reports the height of its own content, smaller than the frame too, and follows it", async () => {
    const { observed, resize } = fakeResizeObserver();
    const { request } = fakeRequest({ TicketList: tickets });
    const resizeWidget = vi.fn();
    renderWith(<OrderWidget orderId="T3JkZXI6MQ==" />, {
      request,
      session: { mode: "dashboard", appId: "QXBwOjQ=", resizeWidget },
    });
    await screen.findByRole("link", { name: "Open ticket #1004" });

    expect(observed).toHaveLength(1);
    expect(observed[0]).toBe(screen.getByRole("region", { name: "Support tickets" }));
    resize(73.2);
    resize(73.4);
    resize(120);

    expect(resizeWidget.mock.calls).toEqual([[74], [120]]);
  });

  it("sizes its frame after each render too, while the browser pauses the observer (frame out of view)", async () => {
    vi.stubGlobal(
      "ResizeObserver",
      class {
        observe() {}
        unobserve() {}
        disconnect() {}
      },
    );
    const heights = { current: 60 };
    vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockImplementation(function (this: HTMLElement) {
      return { height: this.classList.contains("desk-widget") ? heights.current : 0 } as DOMRect;
    });
    const { request } = fakeRequest({ TicketList: tickets });
    const resizeWidget = vi.fn();
    renderWith(<OrderWidget orderId="T3JkZXI6MQ==" />, {
      request,
      session: { mode: "dashboard", appId: "QXBwOjQ=", resizeWidget },
    });
    expect(resizeWidget.mock.calls).toEqual([[60]]);

    heights.current = 41.5;
    await screen.findByRole("link", { name: "Open ticket #1004" });

    expect(resizeWidget.mock.calls).toEqual([[60], [42]]);
  });

  it("says when the order has no tickets", async () => {
    const { request } = fakeRequest({
      TicketList: { supportTickets: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } },
    });

    renderWith(<OrderWidget orderId="T3JkZXI6MQ==" />, { request });

    expect(await screen.findByText("No tickets for this order.")).toBeTruthy();
    expect(screen.queryByRole("list")).toBeNull();
  });
});

describe("dashboardAppPath", () => {
  it("puts the encoded App id and the app's own path under /extensions/app/", () => {
    expect(dashboardAppPath("QXBwOjE0Mw==", "tickets/abc")).toBe("/extensions/app/QXBwOjE0Mw%3D%3D/tickets/abc");
    expect(dashboardAppPath("QXBwOjQ=", "/")).toBe("/extensions/app/QXBwOjQ%3D/");
  });
});
