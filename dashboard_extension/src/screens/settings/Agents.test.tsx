import { act, fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import type { AgentProfile } from "../../api/typesSettingsTeams";
import { LEAD, fakeRequest, renderWith } from "../../test/render";
import { ViewerContext } from "../../viewer";
import { AgentsSettings } from "./Agents";
import { staffIdFrom } from "./teams/AgentForm";

const IRINA: AgentProfile = {
  id: "p1",
  user: { id: "VXNlcjox", email: "irina@example.com", firstName: "Irina", lastName: "Vasile" },
  role: "TEAM_LEAD",
  tier: "L3",
  languageCodes: ["ro"],
  capacity: 20,
  availability: "ON_SHIFT",
  teams: [{ id: "t1", name: "General" }],
  activeTicketCount: 4,
};
const SAM: AgentProfile = {
  id: "p3",
  user: { id: "VXNlcjoz", email: "sam@example.com", firstName: "", lastName: "" },
  role: "AGENT",
  tier: "L1",
  languageCodes: [],
  capacity: 10,
  availability: "AWAY",
  teams: [],
  activeTicketCount: 0,
};

const DATA = {
  supportAgents: [IRINA, SAM],
  supportTeams: [
    { id: "t1", name: "General", tier: "L1", isActive: true },
    { id: "t2", name: "Technical", tier: "L2", isActive: true },
    { id: "t3", name: "Archive", tier: "L3", isActive: false },
  ],
};

type Answers = Parameters<typeof fakeRequest>[0];

function renderAgents(answers: Answers = {}) {
  const fake = fakeRequest({ SettingsAgents: DATA, ...answers });
  renderWith(
    <ViewerContext.Provider value={LEAD}>
      <AgentsSettings />
    </ViewerContext.Provider>,
    { request: fake.request },
  );
  return fake;
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const cells = (email: string) =>
  Array.from((document.querySelector(`tr[data-agent="${email}"]`) as HTMLElement).querySelectorAll("td")).map(
    (cell) => cell.textContent,
  );

describe("Agents settings", () => {
  it("lists each profile's role, tier, languages, load and availability", async () => {
    renderAgents();

    await screen.findByText("Irina Vasile");
    expect(cells("irina@example.com").slice(0, 6)).toEqual([
      "Irina Vasileirina@example.comGeneral",
      "Team lead",
      "L3",
      "ro",
      "4 of 20",
      "On shift",
    ]);
    expect(cells("sam@example.com").slice(0, 6)).toEqual(["sam@example.com", "Agent", "L1", "Any", "0 of 10", "Away"]);
  });

  it("edits a profile under its row and sends every setting", async () => {
    const saved = { ...SAM, capacity: 15, availability: "ON_SHIFT" as const, languageCodes: ["fa", "en"] };
    const { calls } = renderAgents({
      SettingsAgentProfileUpdate: { supportAgentProfileUpdate: { agentProfile: saved, errors: [] } },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Edit sam@example.com" }));
    const form = screen.getByRole("form", { name: "Profile of sam@example.com" });
    expect(form.closest("tr")?.previousElementSibling?.getAttribute("data-agent")).toBe("sam@example.com");
    expect(within(form).queryByLabelText(/Archive/)).toBeNull();

    type("Capacity", "15");
    type("Availability", "ON_SHIFT");
    type("Languages", "fa, en, ");
    fireEvent.click(within(form).getByLabelText("Technical · L2"));
    await act(async () => fireEvent.click(within(form).getByRole("button", { name: "Save" })));

    expect(calls.find((call) => call.operation === "SettingsAgentProfileUpdate")?.variables).toEqual({
      userId: "VXNlcjoz",
      input: { role: "AGENT", tier: "L1", languageCodes: ["fa", "en"], capacity: 15, availability: "ON_SHIFT", teamIds: ["t2"] },
    });
    expect(await screen.findByText("Profile of sam@example.com saved.")).toBeTruthy();
    expect(cells("sam@example.com")[4]).toBe("0 of 15");
  });

  it("shows a refused language list at its field", async () => {
    renderAgents({
      SettingsAgentProfileUpdate: {
        supportAgentProfileUpdate: {
          agentProfile: null,
          errors: [{ field: "languageCodes", code: "INVALID", message: "'r o' is not a language code." }],
        },
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Edit Irina Vasile" }));
    type("Languages", "r o");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));

    const languages = screen.getByLabelText("Languages");
    expect(languages.getAttribute("aria-invalid")).toBe("true");
    expect(languages.closest(".desk-field")?.querySelector(".desk-field-error")?.textContent).toBe(
      "Write up to 20 language codes such as ro or pt-BR, separated by commas.",
    );
  });

  it("sets up a staff member from the address of their page in Saleor's Dashboard", async () => {
    const created: AgentProfile = {
      ...SAM,
      id: "p9",
      user: { id: "VXNlcjo5", email: "ana@example.com", firstName: "Ana", lastName: "Pop" },
    };
    const { calls } = renderAgents({
      SettingsAgentProfileUpdate: { supportAgentProfileUpdate: { agentProfile: created, errors: [] } },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Add staff member" }));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));
    expect(screen.getByLabelText("Staff member").closest(".desk-field")?.querySelector(".desk-field-error")?.textContent).toBe(
      "Paste the staff member's ID or the address of their page.",
    );
    expect(calls.filter((call) => call.operation === "SettingsAgentProfileUpdate")).toEqual([]);

    type("Staff member", "https://shop.example.com/dashboard/staff/VXNlcjo5?tab=1");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));

    expect(calls.find((call) => call.operation === "SettingsAgentProfileUpdate")?.variables).toEqual({
      userId: "VXNlcjo5",
      input: { role: "AGENT", tier: "L1", languageCodes: [], capacity: 20, availability: "ON_SHIFT", teamIds: [] },
    });
    expect(await screen.findByText("Ana Pop")).toBeTruthy();
  });

  it("reads a staff id from an id or an address", () => {
    expect(staffIdFrom(" VXNlcjoxMg== ")).toBe("VXNlcjoxMg==");
    expect(staffIdFrom("https://x.example/dashboard/staff/VXNlcjoxMg%3D%3D/")).toBe("VXNlcjoxMg==");
  });
});
