import { act, fireEvent, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";

import { row } from "../test/fixtures";
import { fakeRequest, renderWith } from "../test/render";
import { OrderWidget } from "./OrderWidget";

const tickets = {
  supportTickets: {
    edges: [{ node: row(1001, { id: "U3VwcG9ydFRpY2tldDox" }) }],
    pageInfo: { hasNextPage: false, endCursor: null },
  },
};

describe("OrderWidget", () => {
  it("lists the order's tickets and opens one on the App's page in the Dashboard", async () => {
    const { request, calls } = fakeRequest({ TicketList: tickets });
    const dashboardRedirect = vi.fn(() => true);
    const resizeWidget = vi.fn();
    renderWith(<OrderWidget orderId="T3JkZXI6MQ==" />, {
      request,
      session: { mode: "dashboard", appId: "QXBwOjQ=", dashboardRedirect, resizeWidget },
    });

    const button = await screen.findByRole("button", { name: "Open ticket #1001" });
    expect(calls[0]?.variables).toMatchObject({ filter: { order: "T3JkZXI6MQ==" } });
    expect(resizeWidget).toHaveBeenCalled();
    await act(async () => fireEvent.click(button));

    expect(dashboardRedirect).toHaveBeenCalledWith("/apps/QXBwOjQ=/app/tickets/U3VwcG9ydFRpY2tldDox");
  });

  it("says when the order has no tickets", async () => {
    const { request } = fakeRequest({
      TicketList: { supportTickets: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } },
    });

    renderWith(<OrderWidget orderId="T3JkZXI6MQ==" />, { request });

    expect(await screen.findByText("No tickets for this order.")).toBeTruthy();
  });
});
