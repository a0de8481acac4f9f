import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { ApiError } from "../api/client";
import { fakeRequest, renderWith } from "../test/render";
import { detail } from "../test/fixtures";
import { Ticket } from "./Ticket";

const noOthers = { supportTickets: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } };

describe("Ticket", () => {
  it("shows customer, agent and system messages and internal notes apart", async () => {
    const { request } = fakeRequest({ TicketDetail: { supportTicket: detail() }, TicketList: noOthers });

    renderWith(<Ticket id="ticket-1001" />, { request });

    await screen.findByText("Why was my order cancelled?");
    const kinds = Array.from(document.querySelectorAll(".desk-message")).map((node) => node.getAttribute("data-kind"));
    expect(kinds).toEqual(["system", "customer", "note"]);
    expect(screen.getByText(/Internal note ·/)).toBeTruthy();
    expect(screen.getByText("Rochie de vară — M")).toBeTruthy();
    expect(screen.getByText("€129.90", { selector: "dd" })).toBeTruthy();
  });

  it("sends an internal note when the toggle says so", async () => {
    const { request, calls } = fakeRequest({
      TicketDetail: { supportTicket: detail() },
      TicketList: noOthers,
      TicketReply: { supportTicketReply: { message: { id: "m9" }, errors: [] } },
    });
    renderWith(<Ticket id="ticket-1001" />, { request });
    await screen.findByText("Why was my order cancelled?");

    fireEvent.click(screen.getByLabelText("Internal note"));
    fireEvent.change(screen.getByLabelText("Internal note for agents"), { target: { value: "Call <them>\nsoon" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Add note" })));

    const reply = calls.find((call) => call.operation === "TicketReply");
    expect(reply?.variables).toEqual({ id: "ticket-1001", body: "<p>Call &lt;them&gt;<br>soon</p>", isInternal: true });
    expect(await screen.findByText("Note added.")).toBeTruthy();
  });

  it("shows a field error next to its field", async () => {
    const { request } = fakeRequest({
      TicketDetail: { supportTicket: detail() },
      TicketList: noOthers,
      TicketUpdate: {
        supportTicketUpdate: {
          ticket: null,
          errors: [{ field: "status", code: "INVALID_TRANSITION", message: "No." }],
        },
      },
    });
    renderWith(<Ticket id="ticket-1001" />, { request });
    await screen.findByText("Why was my order cancelled?");

    await act(async () => fireEvent.change(screen.getByLabelText("Status"), { target: { value: "SOLVED" } }));

    const status = screen.getByLabelText("Status");
    const describedBy = status.getAttribute("aria-describedby");
    expect(describedBy && document.getElementById(describedBy)?.textContent).toBe(
      "The ticket cannot move to this status from its current one.",
    );
  });

  it("shows another agent's change on a conflict and reapplies on the new version", async () => {
    const theirs = detail({
      version: 4,
      status: "PENDING",
      events: {
        edges: [
          ...detail().events.edges,
          {
            node: {
              type: "STATUS_CHANGED",
              parameters: JSON.stringify({ old: "open", new: "pending" }),
              user: { email: "agent2@example.com" },
              createdAt: "2026-11-20T11:00:00Z",
            },
          },
        ],
        pageInfo: { hasNextPage: false, endCursor: null },
      },
    });
    let version = 3;
    const { request, calls } = fakeRequest({
      TicketDetail: () => ({ supportTicket: version === 3 ? detail() : theirs }),
      TicketList: noOthers,
      TicketUpdate: (variables) => {
        if (variables.expectedVersion === 3) {
          version = 4;
          return { supportTicketUpdate: { ticket: null, errors: [{ field: null, code: "CONFLICT", message: "x" }] } };
        }
        return { supportTicketUpdate: { ticket: { id: "ticket-1001", version: 5 }, errors: [] } };
      },
    });
    renderWith(<Ticket id="ticket-1001" />, { request });
    await screen.findByText("Why was my order cancelled?");

    await act(async () => fireEvent.change(screen.getByLabelText("Priority"), { target: { value: "HIGH" } }));

    const banner = await screen.findByRole("alert", { name: "Another agent changed this ticket" });
    expect(within(banner).getByText("Open").tagName).toBe("DEL");
    expect(within(banner).getByText("Pending").tagName).toBe("INS");
    expect(within(banner).getByText("Changed by agent2@example.com")).toBeTruthy();
    expect(within(banner).getByText("Your change: Priority: High")).toBeTruthy();
    await act(async () => fireEvent.click(within(banner).getByRole("button", { name: "Apply my change again" })));

    const updates = calls.filter((call) => call.operation === "TicketUpdate");
    expect(updates.map((call) => call.variables.expectedVersion)).toEqual([3, 4]);
    expect(updates[1]?.variables.input).toEqual({ priority: "HIGH" });
    await waitFor(() => expect(screen.queryByRole("alert", { name: "Another agent changed this ticket" })).toBeNull());
  });

  it("keeps the ticket on screen when a change is lost on the way, and retries it", async () => {
    let online = false;
    const { request, calls } = fakeRequest({
      TicketDetail: { supportTicket: detail() },
      TicketList: noOthers,
      TicketUpdate: () =>
        online
          ? { supportTicketUpdate: { ticket: { id: "ticket-1001", version: 4 }, errors: [] } }
          : new ApiError("network", "down"),
    });
    renderWith(<Ticket id="ticket-1001" />, { request });
    await screen.findByText("Why was my order cancelled?");

    await act(async () => fireEvent.change(screen.getByLabelText("Priority"), { target: { value: "URGENT" } }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("cannot be reached");
    expect(screen.getByText("Why was my order cancelled?")).toBeTruthy();
    online = true;
    await act(async () => fireEvent.click(within(alert).getByRole("button", { name: "Retry" })));
    expect(await screen.findByText("Saved.")).toBeTruthy();
    const updates = calls.filter((call) => call.operation === "TicketUpdate");
    expect(updates.map((call) => call.variables.input)).toEqual([{ priority: "URGENT" }, { priority: "URGENT" }]);
  });

  it("takes r, n and a from the keyboard: reply, internal note, assign to me", async () => {
    const { request, calls } = fakeRequest({
      TicketDetail: { supportTicket: detail() },
      TicketList: noOthers,
      TicketAssign: { supportTicketAssign: { ticket: { id: "ticket-1001", version: 4 }, errors: [] } },
    });
    renderWith(<Ticket id="ticket-1001" />, { request });
    await screen.findByText("Why was my order cancelled?");

    fireEvent.keyDown(document.body, { key: "n" });
    expect(document.activeElement).toBe(screen.getByLabelText("Internal note for agents"));
    (document.activeElement as HTMLElement).blur();
    fireEvent.keyDown(document.body, { key: "r" });
    expect(document.activeElement).toBe(screen.getByLabelText("Reply to the customer"));
    (document.activeElement as HTMLElement).blur();
    await act(async () => fireEvent.keyDown(document.body, { key: "a" }));

    const assign = calls.find((call) => call.operation === "TicketAssign");
    expect(assign?.variables).toEqual({ id: "ticket-1001", assigneeId: "VXNlcjox", expectedVersion: 3 });
  });

  it("shows the order in the agent's language, right to left in Persian", async () => {
    const { request } = fakeRequest({ TicketDetail: { supportTicket: detail() }, TicketList: noOthers });

    renderWith(<Ticket id="ticket-1001" />, { request, locale: "fa" });

    expect(await screen.findByText("لغوشده")).toBeTruthy();
    expect(screen.getByText("پرداخت‌نشده")).toBeTruthy();
    expect(screen.getAllByText(/€۱۲۹٫۹۰/, { selector: "dd" })).toHaveLength(1);
  });

  it("gives the ticket to an agent picked from the desk's agents", async () => {
    const { request, calls } = fakeRequest({
      TicketDetail: { supportTicket: detail() },
      TicketList: noOthers,
      Agents: {
        supportAgents: [
          { user: { id: "VXNlcjox", email: "agent@example.com" }, activeTicketCount: 3 },
          { user: { id: "VXNlcjoy", email: "agent2@example.com" }, activeTicketCount: 12 },
        ],
      },
      TicketAssign: { supportTicketAssign: { ticket: { id: "ticket-1001", version: 4 }, errors: [] } },
    });
    renderWith(<Ticket id="ticket-1001" />, { request });
    const select = await screen.findByLabelText("Assignee");

    expect(within(select).getByRole("option", { name: "agent2@example.com (12)" })).toBeTruthy();
    await act(async () => fireEvent.change(select, { target: { value: "VXNlcjoy" } }));

    const assign = calls.find((call) => call.operation === "TicketAssign");
    expect(assign?.variables).toEqual({ id: "ticket-1001", assigneeId: "VXNlcjoy", expectedVersion: 3 });
  });

  it("previews a template for the ticket, then sends it with the agent's text", async () => {
    const macros = {
      supportMacros: {
        edges: [
          { node: { id: "m-track", name: "Order on its way", group: "Delivery" } },
          { node: { id: "m-refund", name: "Refund issued", group: "Refunds" } },
        ],
        pageInfo: { hasNextPage: false, endCursor: null },
      },
    };
    const { request, calls } = fakeRequest({
      TicketDetail: { supportTicket: detail() },
      TicketList: noOthers,
      MacroPicker: macros,
      MacroPreview: (variables) =>
        variables.macroId === "m-track"
          ? {
              supportMacroPreview: {
                preview: null,
                errors: [
                  {
                    field: null,
                    code: "MISSING_VALUE",
                    message: "x",
                    variable: "order.tracking_numbers",
                    language: "",
                    line: 2,
                    column: 71,
                  },
                ],
              },
            }
          : {
              supportMacroPreview: {
                preview: {
                  body: "<p>Hello Ana, your refund for order #1501 is on its way.</p>",
                  language: "",
                  changedFields: ["STATUS", "TAGS"],
                  status: "SOLVED",
                  priority: null,
                  category: null,
                  tags: ["late", "refunded"],
                  assignee: null,
                },
                errors: [],
              },
            },
      TicketApplyMacro: { supportTicketApplyMacro: { ticket: { id: "ticket-1001", version: 4 }, message: { id: "m9" }, errors: [] } },
    });
    renderWith(<Ticket id="ticket-1001" />, { request });
    const picker = await screen.findByLabelText("Template");

    await act(async () => fireEvent.change(picker, { target: { value: "m-track" } }));
    expect(await screen.findByText("order.tracking_numbers has no value for this ticket (line 2, column 71).")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Send with template" }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(screen.getByLabelText("Reply to the customer"), { target: { value: "Sorry again!" } });
    await act(async () => fireEvent.change(picker, { target: { value: "m-refund" } }));
    expect(await screen.findByText("Hello Ana, your refund for order #1501 is on its way.")).toBeTruthy();
    expect(screen.getByText("Also changes: Status → Solved; Tags → late, refunded")).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Send with template" })));

    expect(calls.find((call) => call.operation === "MacroPreview" && call.variables.macroId === "m-refund")?.variables).toEqual({
      ticketId: "ticket-1001",
      macroId: "m-refund",
      additionalText: "<p>Sorry again!</p>",
    });
    expect(calls.find((call) => call.operation === "TicketApplyMacro")?.variables).toEqual({
      ticketId: "ticket-1001",
      macroId: "m-refund",
      expectedVersion: 3,
      isInternal: false,
      additionalText: "<p>Sorry again!</p>",
    });
    expect(await screen.findByText("Sent with the template.")).toBeTruthy();
  });

  it("tells when the ticket is not there", async () => {
    const { request } = fakeRequest({ TicketDetail: { supportTicket: null } });

    renderWith(<Ticket id="nope" />, { request });

    expect(await screen.findByText("This ticket does not exist, or you cannot see it.")).toBeTruthy();
  });
});
