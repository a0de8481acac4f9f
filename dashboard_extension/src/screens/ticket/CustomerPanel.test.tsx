import { act, fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import type { CustomerSatisfaction, SurveyAnswer } from "../../api/types";
import { detail } from "../../test/fixtures";
import { fakeRequest, renderWith } from "../../test/render";
import { CustomerPanel } from "./CustomerPanel";

const noOthers = { supportTickets: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } };

function answer(overrides: Partial<SurveyAnswer> = {}): SurveyAnswer {
  return {
    question: "CSAT_AGENT",
    score: 4,
    scaleMax: 5,
    comment: null,
    ticketId: "ticket-1002",
    ticketNumber: 1002,
    createdAt: "2026-11-18T10:00:00Z",
    ...overrides,
  };
}

const satisfaction: CustomerSatisfaction = {
  responses: 3,
  csatAgent: 66.7,
  csatResolution: 50,
  nps: { latestScore: 8, latestAnsweredAt: "2026-11-17T10:00:00Z", count: 2 },
  recent: [
    answer({ comment: "<p>Mulțumesc &lt;3</p>" }),
    answer({ question: "CSAT_RESOLUTION", score: 5 }),
    answer({ question: "NPS", score: 8, scaleMax: 10, ticketId: "ticket-1000", ticketNumber: 1000 }),
  ],
};

function renderPanel(overrides: Parameters<typeof detail>[0], locale: "en" | "fa" = "en") {
  const { request } = fakeRequest({ TicketList: noOthers });
  return renderWith(<CustomerPanel ticket={detail(overrides)} />, { request, locale, path: "/app/tickets/ticket-1001" });
}

function section(heading: string): HTMLElement {
  const title = screen.getByRole("heading", { name: heading });
  const items = title.nextElementSibling;
  if (!(items instanceof HTMLElement)) throw new Error(`nothing after ${heading}`);
  return items;
}

describe("CustomerPanel satisfaction", () => {
  it("shows the CSAT shares, the latest NPS and the latest answers with links to their tickets", async () => {
    renderPanel({ customerSatisfaction: satisfaction, surveyAnswers: [] });
    await screen.findByText("No other tickets.");

    const facts = screen.getByText("CSAT agent").closest("dl");
    if (!facts) throw new Error("no facts");
    const pairs = Array.from(facts.querySelectorAll("dt")).map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]);
    expect(pairs).toEqual([
      ["CSAT agent", "66.7%"],
      ["CSAT resolution", "50%"],
      ["Latest NPS", "8/10 NPS answers: 2"],
      ["Surveys answered", "3"],
    ]);
    const recent = section("Latest answers");
    expect(Array.from(recent.querySelectorAll("li")).map((li) => li.textContent)).toEqual([
      "Help from the agent 4/5 · #1002 Nov 18, 2026Mulțumesc <3",
      "Outcome (product, delivery) 5/5 · #1002 Nov 18, 2026",
      "Would recommend the shop 8/10 · #1000 Nov 18, 2026",
    ]);
    expect(screen.queryByRole("heading", { name: "This ticket's survey" })).toBeNull();

    const links = within(recent).getAllByRole("link", { name: "Open ticket #1000" });
    expect(links[0]?.getAttribute("href")).toBe("/app/tickets/ticket-1000");
    await act(async () => fireEvent.click(links[0] as HTMLElement));
    expect(window.location.pathname).toBe("/app/tickets/ticket-1000");
  });

  it("lists this ticket's own answers without links", async () => {
    renderPanel({
      customerSatisfaction: { ...satisfaction, recent: [] },
      surveyAnswers: [answer({ ticketId: "ticket-1001", ticketNumber: 1001, score: 2, comment: "<p>Prea lent</p>" })],
    });
    await screen.findByText("No other tickets.");

    const own = section("This ticket's survey");
    expect(own.textContent).toBe("Help from the agent 2/5 Nov 18, 2026Prea lent");
    expect(within(own).queryByRole("link")).toBeNull();
  });

  it("says when the customer never answered a survey", async () => {
    renderPanel({
      customerSatisfaction: { responses: 0, csatAgent: null, csatResolution: null, nps: null, recent: [] },
      surveyAnswers: [],
    });

    expect(await screen.findByText("No survey answers yet.")).toBeTruthy();
    expect(screen.queryByText("CSAT agent")).toBeNull();
  });

  it("shows questions nobody answered as such", async () => {
    renderPanel({
      customerSatisfaction: { ...satisfaction, csatResolution: null, nps: null },
      surveyAnswers: [],
    });
    await screen.findByText("No other tickets.");

    expect(screen.getByText("CSAT resolution").nextElementSibling?.textContent).toBe("not answered");
    expect(screen.getByText("Latest NPS").nextElementSibling?.textContent).toBe("not answered");
  });

  it("shows nothing of satisfaction for a customer who cannot be told", async () => {
    renderPanel({ customerSatisfaction: null, surveyAnswers: [], isAnonymised: true });
    await screen.findByText("No other tickets.");

    expect(screen.queryByRole("heading", { name: "Previous satisfaction" })).toBeNull();
  });

  it("speaks Persian with Persian digits, comments in their own direction", async () => {
    renderPanel({ customerSatisfaction: satisfaction, surveyAnswers: [] }, "fa");
    await screen.findByRole("heading", { name: "رضایت پیشین" });

    expect(screen.getByText("CSAT کارشناس").nextElementSibling?.textContent).toBe("۶۶٫۷٪");
    expect(screen.getByText("آخرین NPS").nextElementSibling?.textContent).toBe("۸/۱۰ پاسخ‌های NPS: ۲");
    const comment = section("آخرین پاسخ‌ها").querySelector("[dir=auto]");
    expect(comment?.textContent).toBe("Mulțumesc <3");
    expect(screen.getAllByRole("link", { name: "باز کردن تیکت #1002" })).toHaveLength(2);
  });
});
