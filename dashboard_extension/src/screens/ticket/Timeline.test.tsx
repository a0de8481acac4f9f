import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { detail } from "../../test/fixtures";
import { fakeRequest, renderWith } from "../../test/render";
import { Timeline } from "./Timeline";

function event(type: string, parameters: Record<string, unknown>) {
  return { node: { type, parameters: JSON.stringify(parameters), user: null, createdAt: "2026-11-21T10:00:00Z" } };
}

const ticket = detail({
  events: {
    edges: [
      event("ESCALATED", { old_tier: 1, new_tier: 2, old_team_id: 1, new_team_id: 4, note_id: 9 }),
      event("DE_ESCALATED", { old_tier: 3, new_tier: 2 }),
      event("MERGED_INTO", { target_ticket_id: 7, target_number: 1042 }),
      event("SPLIT", { message_id: 3, new_ticket_id: 8, new_number: 1043 }),
      event("SLA_BREACHED", { kind: "first_response", cycle: 0 }),
      event("SURVEY_ANSWERED", {
        answers: [
          { id: 1, question: "csat_agent", score: 4 },
          { id: 2, question: "nps", score: 9 },
        ],
      }),
      event("SOMETHING_NEW", {}),
    ],
    pageInfo: { hasNextPage: false, endCursor: null },
  },
});

describe("Timeline", () => {
  it("names escalations, merges, splits, SLA and survey entries with their details", () => {
    renderWith(<Timeline ticket={ticket} />, { request: fakeRequest({}).request });

    const items = within(screen.getByRole("list")).getAllByRole("listitem").map((item) => item.textContent);
    expect(items.map((text) => text?.replace(/^.*?(?=Escalated|De-escalated|Merged|Message|SLA|Survey|Change)/, ""))).toEqual([
      "Escalated · L1 → L2 by the desk",
      "De-escalated · L3 → L2 by the desk",
      "Merged into another ticket · #1042 by the desk",
      "Message split into a new ticket · #1043 by the desk",
      "SLA breached · First response by the desk",
      "Survey answered · Help from the agent 4/5, Would recommend the shop 9/10 by the desk",
      "Change by the desk",
    ]);
  });

  it("labels them in Persian too", () => {
    renderWith(<Timeline ticket={ticket} />, { request: fakeRequest({}).request, locale: "fa" });

    expect(screen.getByText("ارجاع به سطح بالاتر")).toBeTruthy();
    expect(screen.getByText("در تیکت دیگری ادغام شد")).toBeTruthy();
  });
});
