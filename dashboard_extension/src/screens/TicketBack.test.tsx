import { act, cleanup, fireEvent, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { detail } from "../test/fixtures";
import { fakeRequest, renderWith } from "../test/render";
import { useRouter } from "../router";
import { Ticket } from "./Ticket";

const noOthers = { supportTickets: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } };

/** The inbox stands in as two buttons: change the filters, open a ticket. */
function Screens() {
  const { route, navigate } = useRouter();
  if (route.name === "ticket") return <Ticket id={route.id} />;
  return (
    <div>
      <p>Inbox {route.name === "inbox" ? route.params.toString() : ""}</p>
      <button onClick={() => navigate("?view=mine&q=late&category=refund", { replace: true })}>filter</button>
      <button onClick={() => navigate("tickets/ticket-1001")}>open</button>
    </div>
  );
}

function answers() {
  return fakeRequest({ TicketDetail: { supportTicket: detail() }, TicketList: noOthers });
}

beforeEach(() => window.sessionStorage.clear());
afterEach(() => vi.restoreAllMocks());

describe("Back to inbox", () => {
  it.each(["standalone", "dashboard"] as const)(
    "returns to the view, filters and search the agent left (%s)",
    async (mode) => {
      const back = vi.spyOn(window.history, "back");
      const { request } = answers();
      renderWith(<Screens />, { request, path: "/app/", session: { mode } });

      await act(async () => fireEvent.click(screen.getByRole("button", { name: "filter" })));
      await act(async () => fireEvent.click(screen.getByRole("button", { name: "open" })));
      const link = await screen.findByRole("link", { name: "Back to inbox" });
      expect(link.getAttribute("href")).toBe("/app/?view=mine&q=late&category=refund");
      await act(async () => fireEvent.click(link));

      expect(back).not.toHaveBeenCalled();
      expect(window.location.pathname + window.location.search).toBe("/app/?view=mine&q=late&category=refund");
      expect(screen.getByText("Inbox view=mine&q=late&category=refund")).toBeTruthy();
    },
  );

  it("keeps the inbox an address opened directly named (reload of a filtered inbox)", async () => {
    const { request } = answers();
    renderWith(<Screens />, { request, path: "/app/?view=unassigned&priority=HIGH" });

    await act(async () => fireEvent.click(screen.getByRole("button", { name: "open" })));

    const link = await screen.findByRole("link", { name: "Back to inbox" });
    expect(link.getAttribute("href")).toBe("/app/?view=unassigned&priority=HIGH");
  });

  it("still knows the inbox when the ticket opens in a new frame (the order widget's link)", async () => {
    const first = answers();
    renderWith(<Screens />, { request: first.request, path: "/app/" });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "filter" })));
    cleanup();

    // The Dashboard loads the app afresh on the ticket, with its own parameters.
    const { request } = answers();
    renderWith(<Screens />, {
      request,
      path: "/app/tickets/ticket-1001?id=QXBwOjQ%3D&saleorApiUrl=http%3A%2F%2F127.0.0.1%3A8000%2Fgraphql%2F",
      session: { mode: "dashboard" },
    });

    const link = await screen.findByRole("link", { name: "Back to inbox" });
    expect(link.getAttribute("href")).toBe("/app/?view=mine&q=late&category=refund");
  });

  it("goes to the inbox's default view when the agent never had one", async () => {
    const { request } = answers();
    renderWith(<Screens />, {
      request,
      path: "/app/tickets/ticket-1001?id=QXBwOjQ%3D&domain=127.0.0.1%3A8000",
      session: { mode: "dashboard" },
    });

    const link = await screen.findByRole("link", { name: "Back to inbox" });
    expect(link.getAttribute("href")).toBe("/app/");
    await act(async () => fireEvent.click(link));
    expect(window.location.pathname + window.location.search).toBe("/app/");
  });
});
