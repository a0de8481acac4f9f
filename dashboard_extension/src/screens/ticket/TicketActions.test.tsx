import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { ApiError } from "../../api/client";
import type { TicketDetail } from "../../api/types";
import type { Team } from "../../api/typesTicketActions";
import { detail, row } from "../../test/fixtures";
import { fakeRequest, renderWith } from "../../test/render";
import { Ticket } from "../Ticket";

const noOthers = { supportTickets: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } };

const TEAMS: Team[] = [
  { id: "team-l1", name: "L1 General questions", tier: "L1", isActive: true, position: 0 },
  { id: "team-l1-old", name: "L1 Old queue", tier: "L1", isActive: false, position: 1 },
  { id: "team-l1-ro", name: "L1 Romanian", tier: "L1", isActive: true, position: 3 },
  { id: "team-l2", name: "L2 Payments and technical", tier: "L2", isActive: true, position: 2 },
  { id: "team-l3", name: "L3 Specialists", tier: "L3", isActive: true, position: 4 },
];

function escalated(): TicketDetail {
  const base = detail();
  return detail({
    version: 5,
    tier: "L2",
    team: { id: "team-l2", name: "L2 Payments and technical", tier: "L2", isActive: true },
    assignee: { id: "VXNlcjoz", email: "agent3@example.com" },
    messages: {
      ...base.messages,
      edges: [
        ...base.messages.edges,
        {
          node: {
            id: "m4",
            authorType: "AGENT",
            body: "<p>Needs a refund decision.</p>",
            createdAt: "2026-11-20T11:00:00Z",
            author: { email: "agent@example.com" },
            isInternal: true,
          },
        },
      ],
    },
  });
}

/** The ticket screen with answers in order: each TicketDetail call takes the next ticket. */
function screenWith(tickets: TicketDetail[], answers: Parameters<typeof fakeRequest>[0] = {}) {
  let loads = 0;
  const fake = fakeRequest({
    TicketDetail: () => ({ supportTicket: tickets[Math.min(loads++, tickets.length - 1)] }),
    TicketList: noOthers,
    Teams: { supportTeams: TEAMS },
    Agents: { supportAgents: [] },
    ...answers,
  });
  renderWith(<Ticket id="ticket-1001" />, { request: fake.request });
  return fake;
}

const ok = (ticket: TicketDetail) => ({
  ticket: { id: ticket.id, number: ticket.number, version: ticket.version, tier: ticket.tier, team: ticket.team },
  errors: [],
});

describe("escalation", () => {
  it("asks for a reason, sends it with the version, and shows the ticket at its new tier", async () => {
    const after = escalated();
    const { calls } = screenWith([detail(), after], { TicketEscalate: { supportTicketEscalate: ok(after) } });
    const open = await screen.findByRole("button", { name: "Escalate to L2" });
    expect((screen.getByLabelText("Team") as HTMLSelectElement).value).toBe("team-l1");

    fireEvent.click(open);
    const dialog = await screen.findByRole("dialog", { name: "Escalate ticket #1001 to L2" });
    expect(dialog.textContent).toContain("It goes to L2 Payments and technical, the first active team of L2.");
    const reason = within(dialog).getByLabelText("Reason");
    expect(document.activeElement).toBe(reason);

    fireEvent.change(reason, { target: { value: "   " } });
    await act(async () => fireEvent.click(within(dialog).getByRole("button", { name: "Escalate" })));
    expect(within(dialog).getByRole("alert").textContent).toBe("Say why the ticket changes tier.");
    expect(reason.getAttribute("aria-invalid")).toBe("true");
    expect(calls.filter((call) => call.operation === "TicketEscalate")).toHaveLength(0);

    fireEvent.change(reason, { target: { value: "Needs a refund decision." } });
    await act(async () => fireEvent.click(within(dialog).getByRole("button", { name: "Escalate" })));

    expect(calls.filter((call) => call.operation === "TicketEscalate").map((call) => call.variables)).toEqual([
      { id: "ticket-1001", reason: "Needs a refund decision.", expectedVersion: 3 },
    ]);
    expect(await screen.findByText("Escalated to L2.")).toBeTruthy();
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.getByText("L2", { selector: "strong" })).toBeTruthy();
    expect((screen.getByLabelText("Team") as HTMLSelectElement).value).toBe("team-l2");
    expect(screen.getByText("agent3@example.com")).toBeTruthy();
    expect(screen.getByText("Needs a refund decision.").closest("[data-kind]")?.getAttribute("data-kind")).toBe("note");
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("button", { name: "Escalate to L3" })));
  });

  it("is off at L3 and for solved tickets, saying why", async () => {
    screenWith([detail({ tier: "L3", team: null })]);
    const escalate = await screen.findByRole("button", { name: "Escalate" });
    expect((escalate as HTMLButtonElement).disabled).toBe(true);
    const hint = document.getElementById(escalate.getAttribute("aria-describedby") ?? "");
    expect(hint?.textContent).toBe("The ticket is already at the highest tier (L3).");
    expect((screen.getByRole("button", { name: "De-escalate to L2" }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("keeps a solved ticket's tier and team", async () => {
    screenWith([detail({ status: "SOLVED" })]);
    const escalate = await screen.findByRole("button", { name: "Escalate to L2" });
    expect((escalate as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole("button", { name: "De-escalate" }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText(/Solved, closed and merged tickets keep their tier and team/)).toBeTruthy();
    expect((screen.getByLabelText("Team") as HTMLSelectElement).disabled).toBe(true);
  });

  it("closes on Esc and gives focus back to the button", async () => {
    const { calls } = screenWith([detail()]);
    const open = await screen.findByRole("button", { name: "Escalate to L2" });
    open.focus();
    fireEvent.click(open);
    const dialog = await screen.findByRole("dialog");
    fireEvent.keyDown(within(dialog).getByLabelText("Reason"), { key: "Escape" });
    expect(screen.queryByRole("dialog")).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(open));
    expect(calls.some((call) => call.operation === "TicketEscalate")).toBe(false);
  });

  it("shows the desk's refusal in the dialog, and retries a request lost on the way", async () => {
    let answer: unknown = new ApiError("network", "down");
    const l2 = detail({ tier: "L2", team: { id: "team-l2", name: "L2 Payments and technical", tier: "L2", isActive: true } });
    const { calls } = screenWith([l2], { TicketDeEscalate: () => answer });
    fireEvent.click(await screen.findByRole("button", { name: "De-escalate to L1" }));
    const dialog = await screen.findByRole("dialog", { name: "De-escalate ticket #1001 to L1" });
    fireEvent.change(within(dialog).getByLabelText("Reason"), { target: { value: "Answered in the FAQ." } });
    await act(async () => fireEvent.click(within(dialog).getByRole("button", { name: "De-escalate" })));

    const lost = await within(dialog).findByRole("alert");
    expect(lost.textContent).toContain("cannot be reached");
    answer = {
      supportTicketDeEscalate: {
        ticket: null,
        errors: [{ field: "id", code: "TIER_LIMIT", message: "The ticket is already at the lowest tier (L1)." }],
      },
    };
    await act(async () => fireEvent.click(within(lost).getByRole("button", { name: "Retry" })));

    expect(await within(dialog).findByText("The ticket is already at the highest or the lowest tier.")).toBeTruthy();
    const sent = calls.filter((call) => call.operation === "TicketDeEscalate").map((call) => call.variables);
    expect(sent).toEqual([
      { id: "ticket-1001", reason: "Answered in the FAQ.", expectedVersion: 3 },
      { id: "ticket-1001", reason: "Answered in the FAQ.", expectedVersion: 3 },
    ]);
    expect(screen.getByRole("dialog")).toBe(dialog);
  });

  it("shows another agent's change on a conflict and escalates on the new version", async () => {
    const theirs = detail({ version: 4, priority: "URGENT" });
    const after = escalated();
    let first = true;
    const { calls } = screenWith([detail(), theirs, after], {
      TicketEscalate: () => {
        if (!first) return { supportTicketEscalate: ok(after) };
        first = false;
        return { supportTicketEscalate: { ticket: null, errors: [{ field: null, code: "CONFLICT", message: "Changed." }] } };
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Escalate to L2" }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.change(within(dialog).getByLabelText("Reason"), { target: { value: "Needs a refund decision." } });
    await act(async () => fireEvent.click(within(dialog).getByRole("button", { name: "Escalate" })));

    const note = await within(dialog).findByRole("alert");
    expect(within(note).getByText("Normal").tagName).toBe("DEL");
    expect(within(note).getByText("Urgent").tagName).toBe("INS");
    await act(async () => fireEvent.click(within(note).getByRole("button", { name: "Apply my change again" })));

    const sent = calls.filter((call) => call.operation === "TicketEscalate");
    expect(sent.map((call) => call.variables.expectedVersion)).toEqual([3, 4]);
    expect(await screen.findByText("Escalated to L2.")).toBeTruthy();
  });
});

describe("team", () => {
  it("offers the active teams of the ticket's tier and moves the ticket", async () => {
    const moved = detail({ version: 4, team: { id: "team-l1-ro", name: "L1 Romanian", tier: "L1", isActive: true } });
    const { calls } = screenWith([detail(), moved], {
      TicketSetTeam: { supportTicketSetTeam: ok(moved) },
    });
    const select = (await screen.findByLabelText("Team")) as HTMLSelectElement;
    await waitFor(() => expect(select.disabled).toBe(false));
    expect(Array.from(select.options).map((option) => option.textContent)).toEqual([
      "No team",
      "L1 General questions",
      "L1 Romanian",
    ]);

    await act(async () => fireEvent.change(select, { target: { value: "team-l1-ro" } }));

    expect(calls.find((call) => call.operation === "TicketSetTeam")?.variables).toEqual({
      id: "ticket-1001",
      teamId: "team-l1-ro",
      expectedVersion: 3,
    });
    expect(await screen.findByText("The ticket is now in L1 Romanian.")).toBeTruthy();
    expect(select.value).toBe("team-l1-ro");
  });

  it("shows a refusal next to the team", async () => {
    screenWith([detail()], {
      TicketSetTeam: {
        supportTicketSetTeam: { ticket: null, errors: [{ field: "teamId", code: "INVALID", message: "The team is not active." }] },
      },
    });
    const select = (await screen.findByLabelText("Team")) as HTMLSelectElement;
    await waitFor(() => expect(select.disabled).toBe(false));
    await act(async () => fireEvent.change(select, { target: { value: "" } }));
    const describedBy = select.getAttribute("aria-describedby");
    await waitFor(() =>
      expect(describedBy && document.getElementById(describedBy)?.textContent).toBe("This value is not accepted."),
    );
  });
});

describe("merge", () => {
  const target = row(1042, { id: "ticket-1042", subject: "Where is my refund?", status: "OPEN" });

  it("finds the ticket by its number, says what happens, merges and opens the surviving ticket", async () => {
    const { calls } = screenWith([detail()], {
      TicketList: (variables) =>
        "filter" in variables
          ? { supportTickets: { edges: [{ node: target }], pageInfo: { hasNextPage: false, endCursor: null } } }
          : noOthers,
      TicketMerge: {
        supportTicketMerge: {
          ticket: { id: "ticket-1042", number: 1042 },
          mergedTicket: { id: "ticket-1001", mergedIntoId: "ticket-1042" },
          errors: [],
        },
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Merge into…" }));
    const dialog = await screen.findByRole("dialog", { name: "Merge ticket #1001 into another" });
    fireEvent.change(within(dialog).getByLabelText("Ticket number or search"), { target: { value: "#1042" } });
    await act(async () => fireEvent.click(within(dialog).getByRole("button", { name: "Find" })));

    expect(calls.filter((call) => call.operation === "TicketList").at(-1)?.variables).toEqual({
      first: 10,
      filter: { number: [1042] },
    });
    const option = await within(dialog).findByRole("radio", { name: /#1042 Where is my refund\? Ana Popescu Open/ });
    expect((option as HTMLInputElement).checked).toBe(true);
    expect(within(dialog).getByText(/^Ticket #1001 will be closed and point to #1042\./).textContent).toContain(
      "This cannot be undone.",
    );
    await act(async () => fireEvent.click(within(dialog).getByRole("button", { name: "Merge into #1042" })));

    expect(calls.find((call) => call.operation === "TicketMerge")?.variables).toEqual({
      sourceId: "ticket-1001",
      targetId: "ticket-1042",
    });
    expect(window.location.pathname).toBe("/app/tickets/ticket-1042");
  });

  it("explains a refusal by its case", async () => {
    const other = row(1050, { id: "ticket-1050", customerEmail: "radu@example.com", customerName: "Radu" });
    screenWith([detail()], {
      TicketList: (variables) =>
        variables.search === "refund"
          ? {
              supportTickets: {
                edges: [{ node: detail() }, { node: target }, { node: other }],
                pageInfo: { hasNextPage: false, endCursor: null },
              },
            }
          : noOthers,
      TicketMerge: {
        supportTicketMerge: {
          ticket: null,
          mergedTicket: null,
          errors: [{ field: "targetId", code: "NOT_MERGEABLE", message: "The tickets belong to different customers." }],
        },
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Merge into…" }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.change(within(dialog).getByLabelText("Ticket number or search"), { target: { value: "refund" } });
    await act(async () => fireEvent.click(within(dialog).getByRole("button", { name: "Find" })));

    const radios = await within(dialog).findAllByRole("radio");
    expect(radios).toHaveLength(2);
    fireEvent.click(within(dialog).getByRole("radio", { name: /#1050/ }));
    await act(async () => fireEvent.click(within(dialog).getByRole("button", { name: "Merge into #1050" })));

    expect(await within(dialog).findByRole("alert")).toHaveProperty(
      "textContent",
      "Ticket #1050 belongs to another customer; merged, each customer would see the other's conversation.",
    );
    expect(window.location.pathname).toBe("/app/");
  });

  it("will not merge into a closed ticket", async () => {
    screenWith([detail()], {
      TicketList: {
        supportTickets: { edges: [{ node: { ...target, status: "CLOSED" } }], pageInfo: { hasNextPage: false, endCursor: null } },
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Merge into…" }));
    const dialog = await screen.findByRole("dialog");
    fireEvent.change(within(dialog).getByLabelText("Ticket number or search"), { target: { value: "1042" } });
    await act(async () => fireEvent.click(within(dialog).getByRole("button", { name: "Find" })));

    expect((await within(dialog).findByRole("alert")).textContent).toBe(
      "Ticket #1042 is closed or merged; tickets cannot be merged into it.",
    );
    expect((within(dialog).getByRole("button", { name: "Merge into #1042" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("shows where a merged ticket went", async () => {
    screenWith([detail({ status: "CLOSED", mergedIntoId: "ticket-1042" })], {
      MergedTarget: { supportTicket: { id: "ticket-1042", number: 1042, subject: "Where is my refund?" } },
    });
    expect(await screen.findByRole("heading", { name: "Merged into #1042" })).toBeTruthy();
    const link = screen.getByRole("link", { name: /Open ticket #1042/ });
    expect(link.getAttribute("href")).toBe("/app/tickets/ticket-1042");
    expect((screen.getByRole("button", { name: "Merge into…" }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe("split", () => {
  it("moves a message into a new ticket and links to it", async () => {
    const base = detail();
    const after = detail({ version: 4, messages: { ...base.messages, edges: base.messages.edges.filter((edge) => edge.node?.id !== "m2") } });
    const { calls } = screenWith([base, after], {
      TicketSplit: {
        supportTicketSplit: {
          ticket: { id: "ticket-1077", number: 1077, subject: "Second order" },
          sourceTicket: { id: "ticket-1001", version: 4 },
          errors: [],
        },
      },
    });
    const customer = (await screen.findByText("Why was my order cancelled?")).closest("li") as HTMLElement;
    expect(document.querySelector('[data-kind="system"] [aria-haspopup="menu"]')).toBeNull();
    fireEvent.click(within(customer).getByRole("button", { name: "Message actions" }));
    const item = within(customer).getByRole("menuitem", { name: "Split into new ticket" });
    expect(document.activeElement).toBe(item);
    fireEvent.click(item);

    const dialog = await screen.findByRole("dialog", { name: "Split this message into a new ticket" });
    expect(within(dialog).getByText("Why was my order cancelled?")).toBeTruthy();
    const subject = within(dialog).getByLabelText("Subject of the new ticket") as HTMLInputElement;
    expect(subject.value).toBe("Order #1501 was cancelled");
    fireEvent.change(subject, { target: { value: "Second order" } });
    await act(async () => fireEvent.click(within(dialog).getByRole("button", { name: "Split into new ticket" })));

    expect(calls.find((call) => call.operation === "TicketSplit")?.variables).toEqual({
      messageId: "m2",
      subject: "Second order",
    });
    expect(await screen.findByText("The message is now ticket #1077.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Open ticket #1077" }).getAttribute("href")).toBe("/app/tickets/ticket-1077");
    expect(screen.queryByText("Why was my order cancelled?")).toBeNull();
    expect(screen.queryByRole("dialog")).toBeNull();
  });
});
