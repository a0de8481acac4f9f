import { act, fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { ApiError } from "../../api/client";
import type { Team } from "../../api/typesSettingsTeams";
import { AGENT, LEAD, fakeRequest, renderWith } from "../../test/render";
import { ViewerContext } from "../../viewer";
import { Settings } from "./Settings";
import { TeamsSettings, type TeamsData } from "./Teams";

const IRINA = { id: "VXNlcjox", email: "irina@example.com", firstName: "Irina", lastName: "Vasile" };
const PAWEL = { id: "VXNlcjoy", email: "pawel@example.com", firstName: "Paweł", lastName: "Nowicki" };

function team(id: string, overrides: Partial<Team> = {}): Team {
  return {
    id,
    name: id,
    slug: id.toLowerCase(),
    tier: "L1",
    strategy: "ROUND_ROBIN",
    autoAssign: true,
    isDefault: false,
    isActive: true,
    position: 0,
    members: [],
    ...overrides,
  };
}

const GENERAL = team("General", { isDefault: true, members: [{ id: "p1", user: IRINA }, { id: "p2", user: PAWEL }] });
const TECHNICAL = team("Technical", {
  tier: "L2",
  strategy: "LEAST_LOADED",
  autoAssign: false,
  position: 1,
  members: [{ id: "p1", user: IRINA }],
});
const ARCHIVE = team("Archive", { tier: "L3", isActive: false, position: 2 });

const DATA: TeamsData = {
  supportTeams: [GENERAL, TECHNICAL, ARCHIVE],
  supportAgents: [
    { id: "p1", user: IRINA, tier: "L3" },
    { id: "p2", user: PAWEL, tier: "L1" },
  ],
  supportRoutingRules: [
    { id: "r1", team: { id: "Technical" } },
    { id: "r2", team: { id: "Technical" } },
  ],
};

type Answers = Parameters<typeof fakeRequest>[0];

function renderTeams(answers: Answers = {}) {
  const fake = fakeRequest({ SettingsTeams: DATA, ...answers });
  renderWith(
    <ViewerContext.Provider value={LEAD}>
      <TeamsSettings />
    </ViewerContext.Provider>,
    { request: fake.request },
  );
  return fake;
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const row = (name: string) => document.querySelector(`tr[data-team="${name}"]`) as HTMLElement;
const cells = (name: string) => Array.from(row(name).querySelectorAll("td")).map((cell) => cell.textContent);

describe("Teams settings", () => {
  it("lists the teams with tier, assignment, member count and state", async () => {
    renderTeams();

    await screen.findByText("General");
    expect(Array.from(document.querySelectorAll("tr[data-team]")).map((node) => node.getAttribute("data-team"))).toEqual([
      "General",
      "Technical",
      "Archive",
    ]);
    expect(cells("General").slice(0, 5)).toEqual(["General Default", "L1", "Round robinGiven to a member right away", "2", "Yes"]);
    expect(cells("Technical").slice(1, 5)).toEqual(["L2", "Least loadedMembers take them from the queue", "1", "Yes"]);
    expect(cells("Archive")[4]).toBe("No");
  });

  it("creates a team after the others, its identifier proposed from the name", async () => {
    const created = team("Returns desk", { slug: "returns-desk", tier: "L2", strategy: "LEAST_LOADED", position: 3 });
    const { calls } = renderTeams({ SettingsTeamCreate: { supportTeamCreate: { team: created, errors: [] } } });
    fireEvent.click(await screen.findByRole("button", { name: "Add team" }));

    type("Name", "Returns desk");
    expect((screen.getByLabelText("Identifier") as HTMLInputElement).value).toBe("returns-desk");
    type("Tier", "L2");
    type("Assignment strategy", "LEAST_LOADED");
    fireEvent.click(screen.getByLabelText(/Paweł Nowicki/));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));

    expect(calls.find((call) => call.operation === "SettingsTeamCreate")?.variables).toEqual({
      input: {
        name: "Returns desk",
        slug: "returns-desk",
        tier: "L2",
        strategy: "LEAST_LOADED",
        autoAssign: true,
        isDefault: false,
        isActive: true,
        memberIds: ["VXNlcjoy"],
        position: 3,
      },
    });
    expect(await screen.findByText("Team “Returns desk” saved.")).toBeTruthy();
    expect(row("Returns desk")).toBeTruthy();
  });

  it("sends the team's settings on save and shows a refused identifier at its field", async () => {
    const { calls } = renderTeams({
      SettingsTeamUpdate: {
        supportTeamUpdate: { team: null, errors: [{ field: "slug", code: "UNIQUE", message: "Another team has this slug." }] },
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Edit Technical" }));
    fireEvent.click(screen.getByRole("switch", { name: "Assign automatically" }));
    fireEvent.click(screen.getByLabelText(/Paweł Nowicki/));
    type("Identifier", "general");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));

    expect(calls.find((call) => call.operation === "SettingsTeamUpdate")?.variables).toEqual({
      id: "Technical",
      input: {
        name: "Technical",
        slug: "general",
        tier: "L2",
        strategy: "LEAST_LOADED",
        autoAssign: true,
        isDefault: false,
        isActive: true,
        memberIds: ["VXNlcjox", "VXNlcjoy"],
      },
    });
    const slug = screen.getByLabelText("Identifier");
    expect(slug.getAttribute("aria-invalid")).toBe("true");
    const described = (slug.getAttribute("aria-describedby") ?? "").split(" ");
    const error = document.getElementById(described[0] ?? "");
    expect(error?.textContent).toBe("Another team has this identifier.");
    expect(error?.closest(".desk-field")).toBe(slug.closest(".desk-field"));
  });

  it("says what deleting does to tickets and rules before deleting", async () => {
    const { calls } = renderTeams({ SettingsTeamDelete: { supportTeamDelete: { id: "Technical", errors: [] } } });
    fireEvent.click(await screen.findByRole("button", { name: "Edit Technical" }));
    fireEvent.click(screen.getByRole("button", { name: "Delete team" }));

    const question = screen.getByRole("group", { name: /^Delete the team “Technical”/ });
    expect(within(question).getByText(/the routing rules that send tickets to it \(2\)/)).toBeTruthy();
    expect(within(question).getByText(/keep their assignees and continue without a team/)).toBeTruthy();
    await act(async () => fireEvent.click(within(question).getByRole("button", { name: "Yes, delete" })));

    expect(calls.find((call) => call.operation === "SettingsTeamDelete")?.variables).toEqual({ id: "Technical" });
    expect(await screen.findByText("Team deleted.")).toBeTruthy();
    expect(row("Technical")).toBeNull();
  });

  it("shows a refusal (PERMISSION_DENIED) as an alert", async () => {
    renderTeams({ SettingsTeamCreate: new ApiError("forbidden", "No.", "PERMISSION_DENIED") });
    fireEvent.click(await screen.findByRole("button", { name: "Add team" }));
    type("Name", "Night shift");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));
    expect(screen.getByRole("alert").textContent).toBe(
      "Only team leads, managers and support administrators can change this.",
    );
  });

  it("retries a failed load", async () => {
    let attempts = 0;
    renderTeams({
      SettingsTeams: () => {
        attempts += 1;
        return attempts === 1 ? new ApiError("network", "down") : DATA;
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Retry" }));
    expect(await screen.findByText("General")).toBeTruthy();
    expect(attempts).toBe(2);
  });
});

describe("Settings page", () => {
  it("tells an agent who is not a lead that only leads change settings", () => {
    const { request, calls } = fakeRequest({});
    renderWith(
      <ViewerContext.Provider value={AGENT}>
        <Settings section="teams" />
      </ViewerContext.Provider>,
      { request },
    );
    expect(screen.getByRole("alert").textContent).toBe(
      "Only team leads, managers and support administrators can change the desk's settings.",
    );
    expect(screen.queryByRole("link", { name: "Teams" })).toBeNull();
    expect(calls).toEqual([]);
  });
});
