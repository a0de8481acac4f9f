import { act, fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import type { RoutingRule } from "../../api/typesSettingsTeams";
import { LEAD, fakeRequest, renderWith } from "../../test/render";
import { ViewerContext } from "../../viewer";
import { RoutingRulesSettings, type RoutingData } from "./RoutingRules";

const GENERAL = { id: "t1", name: "General", tier: "L1" as const, isActive: true };
const TECHNICAL = { id: "t2", name: "Technical", tier: "L2" as const, isActive: true };
const ARCHIVE = { id: "t3", name: "Archive", tier: "L3" as const, isActive: false };

function rule(id: string, overrides: Partial<RoutingRule> = {}): RoutingRule {
  return {
    id,
    name: id,
    position: 0,
    isActive: true,
    categories: [],
    channels: [],
    languageCodes: [],
    orderChannels: [],
    tags: [],
    team: GENERAL,
    ...overrides,
  };
}

const PAYMENTS = rule("Payment problems", { categories: ["payment"], team: TECHNICAL });
const POLISH = rule("Polish e-mail", { position: 1, channels: ["EMAIL"], languageCodes: ["pl"], isActive: false });
const VIP = rule("VIP", { position: 2, tags: ["vip"], orderChannels: ["wholesale"], team: ARCHIVE });

const DATA: RoutingData = {
  supportRoutingRules: [PAYMENTS, POLISH, VIP],
  supportTeams: [GENERAL, TECHNICAL, ARCHIVE],
  supportCategories: [
    { slug: "payment", name: "Payment", isActive: true },
    { slug: "refund", name: "Refund", isActive: true },
    { slug: "legacy", name: "Legacy", isActive: false },
  ],
};

type Answers = Parameters<typeof fakeRequest>[0];

function renderRules(answers: Answers = {}) {
  const fake = fakeRequest({ SettingsRoutingRules: DATA, ...answers });
  renderWith(
    <ViewerContext.Provider value={LEAD}>
      <RoutingRulesSettings />
    </ViewerContext.Provider>,
    { request: fake.request },
  );
  return fake;
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const names = () => Array.from(document.querySelectorAll("tr[data-rule]")).map((node) => node.getAttribute("data-rule"));
const cells = (name: string) =>
  Array.from((document.querySelector(`tr[data-rule="${name}"]`) as HTMLElement).querySelectorAll("td")).map(
    (cell) => cell.textContent,
  );

describe("Routing rules settings", () => {
  it("lists the rules in order with their conditions and team", async () => {
    renderRules();

    await screen.findByText("Payment problems");
    expect(names()).toEqual(["Payment problems", "Polish e-mail", "VIP"]);
    expect(cells("Payment problems").slice(0, 5)).toEqual(["1", "Payment problems", "Category: Payment", "Technical · L2", "Yes"]);
    expect(cells("Polish e-mail").slice(2, 5)).toEqual(["Channel: E-mail; Languages: pl", "General · L1", "No"]);
    expect(cells("VIP").slice(2, 4)).toEqual(["Sales channels: wholesale; Tags: vip", "Archive (inactive) · L3"]);
  });

  it("adds a rule with its conditions and team", async () => {
    const created = rule("Refunds in Romanian", { position: 3, categories: ["refund"], languageCodes: ["ro"], tags: ["vip", "urgent"] });
    const { calls } = renderRules({
      SettingsRoutingRuleCreate: { supportRoutingRuleCreate: { routingRule: created, errors: [] } },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Add rule" }));
    expect(within(screen.getByRole("group", { name: "Category" })).queryByLabelText("Legacy (inactive)")).toBeNull();
    expect(Array.from((screen.getByLabelText("Team") as HTMLSelectElement).options).map((option) => option.text)).toEqual([
      "General (L1)",
      "Technical (L2)",
    ]);

    type("Name", "Refunds in Romanian");
    type("Team", "t2");
    fireEvent.click(screen.getByLabelText("Refund"));
    fireEvent.click(screen.getByLabelText("Chat"));
    fireEvent.click(screen.getByLabelText("Web"));
    type("Languages", "ro");
    type("Tags", "vip, urgent, vip");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));

    expect(calls.find((call) => call.operation === "SettingsRoutingRuleCreate")?.variables).toEqual({
      input: {
        name: "Refunds in Romanian",
        teamId: "t2",
        isActive: true,
        categories: ["refund"],
        channels: ["WEB", "CHAT"],
        languageCodes: ["ro"],
        orderChannels: [],
        tags: ["vip", "urgent"],
      },
    });
    expect(await screen.findByText("Rule “Refunds in Romanian” saved.")).toBeTruthy();
    expect(names()).toEqual(["Payment problems", "Polish e-mail", "VIP", "Refunds in Romanian"]);
  });

  it("shows a missing name at its field", async () => {
    const { calls } = renderRules({
      SettingsRoutingRuleUpdate: {
        supportRoutingRuleUpdate: { routingRule: null, errors: [{ field: "name", code: "REQUIRED", message: "A name is required." }] },
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Edit VIP" }));
    type("Name", " ");
    fireEvent.click(screen.getByRole("switch", { name: "Active" }));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));

    expect(calls.find((call) => call.operation === "SettingsRoutingRuleUpdate")?.variables).toEqual({
      id: "VIP",
      input: {
        name: "",
        teamId: "t3",
        isActive: false,
        categories: [],
        channels: [],
        languageCodes: [],
        orderChannels: ["wholesale"],
        tags: ["vip"],
      },
    });
    const name = screen.getByLabelText("Name");
    expect(name.getAttribute("aria-invalid")).toBe("true");
    expect(name.closest(".desk-field")?.querySelector(".desk-field-error")?.textContent).toBe("Write a name.");
  });

  it("moves a rule down by sending the whole new order", async () => {
    const { calls } = renderRules({
      SettingsRoutingRuleReorder: {
        supportRoutingRuleReorder: { routingRules: [POLISH, PAYMENTS, VIP], errors: [] },
      },
    });
    const down = await screen.findByRole("button", { name: "Move Payment problems down" });
    await act(async () => fireEvent.click(down));

    expect(calls.find((call) => call.operation === "SettingsRoutingRuleReorder")?.variables).toEqual({
      ids: ["Polish e-mail", "Payment problems", "VIP"],
    });
    expect(names()).toEqual(["Polish e-mail", "Payment problems", "VIP"]);
    expect(screen.getByRole("button", { name: "Move Polish e-mail up" })).toHaveProperty("disabled", true);
  });

  it("deletes a rule after asking", async () => {
    const { calls } = renderRules({ SettingsRoutingRuleDelete: { supportRoutingRuleDelete: { id: "VIP", errors: [] } } });
    fireEvent.click(await screen.findByRole("button", { name: "Edit VIP" }));
    fireEvent.click(screen.getByRole("button", { name: "Delete rule" }));
    expect(screen.getByText("Delete the rule “VIP”? Tickets it already routed stay where they are.")).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Yes, delete" })));

    expect(calls.find((call) => call.operation === "SettingsRoutingRuleDelete")?.variables).toEqual({ id: "VIP" });
    expect(names()).toEqual(["Payment problems", "Polish e-mail"]);
  });
});
