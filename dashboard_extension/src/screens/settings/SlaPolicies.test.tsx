import { act, fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import type { SlaPolicy } from "../../api/typesSettingsSla";
import { LEAD, fakeRequest, renderWith } from "../../test/render";
import { ViewerContext } from "../../viewer";
import { SlaPoliciesSettings } from "./SlaPolicies";

const CALENDAR = { id: "cal-1", name: "Business hours" };

function policy(id: string, overrides: Partial<SlaPolicy> = {}): SlaPolicy {
  return {
    id,
    name: id,
    position: 0,
    isActive: true,
    priorities: [],
    channels: [],
    categories: [],
    orderChannels: [],
    calendar: CALENDAR,
    firstResponseMinutes: null,
    nextResponseMinutes: null,
    resolutionMinutes: null,
    warningPercent: 75,
    breachActions: [],
    notifyUser: null,
    ...overrides,
  };
}

const URGENT = policy("Urgent", {
  priorities: ["URGENT"],
  firstResponseMinutes: 60,
  nextResponseMinutes: 60,
  resolutionMinutes: 480,
  breachActions: ["NOTIFY_LEAD"],
});
const HIGH = policy("High", {
  position: 1,
  priorities: ["HIGH"],
  firstResponseMinutes: 240,
  nextResponseMinutes: 240,
  resolutionMinutes: 1440,
  breachActions: ["NOTIFY_LEAD"],
});
const STANDARD = policy("Standard", {
  position: 2,
  channels: ["EMAIL", "WEB"],
  categories: [{ slug: "refund", name: "Refund" }],
  firstResponseMinutes: 2880,
  resolutionMinutes: 7200,
  isActive: false,
});

const SETTINGS = {
  supportSlaPolicies: [URGENT, HIGH, STANDARD],
  supportBusinessCalendars: [CALENDAR],
  supportCategories: [
    { slug: "refund", name: "Refund", isActive: true },
    { slug: "payment", name: "Payment", isActive: true },
    { slug: "legacy", name: "Legacy", isActive: false },
  ],
  supportSlaReportingTargets: [
    { channel: "CHAT", answerWithinSeconds: 10, sharePercent: 100 },
    { channel: "PHONE", answerWithinSeconds: 20, sharePercent: 80 },
  ],
  supportAgents: [{ user: { id: "VXNlcjo5", email: "lia@example.com", firstName: "Lia", lastName: "Lead" } }, { user: null }],
};

type Answers = Parameters<typeof fakeRequest>[0];

function renderPolicies(answers: Answers = {}) {
  const fake = fakeRequest({ SlaPolicySettings: SETTINGS, ...answers });
  renderWith(
    <ViewerContext.Provider value={LEAD}>
      <SlaPoliciesSettings />
    </ViewerContext.Provider>,
    { request: fake.request },
  );
  return fake;
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const names = () => Array.from(document.querySelectorAll("tr[data-policy]")).map((row) => row.getAttribute("data-policy"));

describe("SLA policies", () => {
  it("lists the policies in order with conditions, business-time targets, calendar and state", async () => {
    renderPolicies();

    await screen.findByText("Urgent");
    expect(names()).toEqual(["Urgent", "High", "Standard"]);
    const high = screen.getByText("High").closest("tr") as HTMLElement;
    expect(within(high).getByText("Priority: High")).toBeTruthy();
    expect(Array.from(high.querySelectorAll("dd")).map((node) => node.textContent)).toEqual(["4 hr", "4 hr", "24 hr"]);
    const standard = screen.getByText("Standard").closest("tr") as HTMLElement;
    expect(within(standard).getByText("Channel: E-mail, Web; Category: Refund")).toBeTruthy();
    expect(Array.from(standard.querySelectorAll("dt")).map((node) => node.textContent)).toEqual(["First response", "Resolution"]);
    expect(within(standard).getByText("No")).toBeTruthy();
    expect(within(standard).getByText("Business hours")).toBeTruthy();
  });

  it("sends a 4 h first response as 240 business minutes, with the rest of the policy as it was", async () => {
    const { calls } = renderPolicies({
      SlaPolicyUpdate: { supportSlaPolicyUpdate: { policy: { ...STANDARD, firstResponseMinutes: 240 }, errors: [] } },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Edit Standard" }));
    expect((screen.getByLabelText("First response, hours") as HTMLInputElement).value).toBe("48");

    type("First response, hours", "4");
    type("First response, minutes", "");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));

    expect(calls.find((call) => call.operation === "SlaPolicyUpdate")?.variables).toEqual({
      id: "Standard",
      input: {
        name: "Standard",
        calendar: "cal-1",
        isActive: false,
        priorities: [],
        channels: ["EMAIL", "WEB"],
        categories: ["refund"],
        orderChannels: [],
        firstResponseMinutes: 240,
        nextResponseMinutes: null,
        resolutionMinutes: 7200,
        warningPercent: 75,
        breachActions: [],
        notifyUser: null,
      },
    });
    expect(await screen.findByText("Policy saved.")).toBeTruthy();
    const row = screen.getByText("Standard").closest("tr") as HTMLElement;
    expect(row.querySelector("dd")?.textContent).toBe("4 hr");
  });

  it("creates a policy with conditions, targets, a warning share and breach actions in order", async () => {
    const { calls } = renderPolicies({
      SlaPolicyCreate: { supportSlaPolicyCreate: { policy: policy("VIP chat", { position: 3 }), errors: [] } },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Add policy" }));

    type("Name", "VIP chat");
    const priority = screen.getByRole("group", { name: "Priority" });
    fireEvent.click(within(priority).getByLabelText("Urgent"));
    fireEvent.click(within(priority).getByLabelText("High"));
    fireEvent.click(within(screen.getByRole("group", { name: "Channel" })).getByLabelText("Chat"));
    const category = screen.getByRole("group", { name: "Category" });
    expect(within(category).queryByLabelText("Legacy (inactive)")).toBeNull();
    fireEvent.click(within(category).getByLabelText("Payment"));
    type("Order sales channels", "default-channel, b2b ,");
    type("First response, minutes", "30");
    type("Resolution, hours", "8");
    type("Warn at (% of a target)", "80");
    fireEvent.change(screen.getByLabelText("Add an action"), { target: { value: "NOTIFY_LEAD" } });
    fireEvent.click(screen.getByRole("button", { name: "Add" }));
    fireEvent.change(screen.getByLabelText("Add an action"), { target: { value: "ESCALATE" } });
    fireEvent.click(screen.getByRole("button", { name: "Add" }));
    fireEvent.click(screen.getByRole("button", { name: "Move Escalate to the next tier up" }));
    fireEvent.change(screen.getByLabelText("Whom to notify"), { target: { value: "VXNlcjo5" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));

    expect(calls.find((call) => call.operation === "SlaPolicyCreate")?.variables).toEqual({
      input: {
        name: "VIP chat",
        calendar: "cal-1",
        isActive: true,
        priorities: ["HIGH", "URGENT"],
        channels: ["CHAT"],
        categories: ["payment"],
        orderChannels: ["default-channel", "b2b"],
        firstResponseMinutes: 30,
        nextResponseMinutes: null,
        resolutionMinutes: 480,
        warningPercent: 80,
        breachActions: ["ESCALATE", "NOTIFY_LEAD"],
        notifyUser: "VXNlcjo5",
      },
    });
    expect(await screen.findByText("Policy saved.")).toBeTruthy();
    expect(names()).toEqual(["Urgent", "High", "Standard", "VIP chat"]);
  });

  it("shows the API's target error at its target", async () => {
    renderPolicies({
      SlaPolicyUpdate: {
        supportSlaPolicyUpdate: {
          policy: null,
          errors: [{ field: "resolutionMinutes", code: "INVALID", message: "A target is between 1 and 527,040 business minutes." }],
        },
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Edit High" }));
    type("Resolution, hours", "9000");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));

    const resolution = screen.getByRole("group", { name: "Resolution" });
    expect(within(resolution).getByRole("alert").textContent).toBe("A target is from 1 minute to 8,784 hours of business time.");
    expect(within(screen.getByRole("group", { name: "First response" })).queryByRole("alert")).toBeNull();
    expect(resolution.getAttribute("aria-describedby")).toContain(within(resolution).getByRole("alert").id);
  });

  it("names a target that is not whole hours and minutes and sends nothing", async () => {
    const { calls } = renderPolicies();
    fireEvent.click(await screen.findByRole("button", { name: "Edit High" }));
    type("Next response, minutes", "1.5");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));

    expect(within(screen.getByRole("group", { name: "Next response" })).getByRole("alert").textContent).toBe(
      "Enter whole hours and minutes, more than zero.",
    );
    expect(calls.map((call) => call.operation)).toEqual(["SlaPolicySettings"]);
  });

  it("shows a taken name at the name field", async () => {
    renderPolicies({
      SlaPolicyUpdate: {
        supportSlaPolicyUpdate: { policy: null, errors: [{ field: "name", code: "UNIQUE", message: "Another policy has this name." }] },
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Edit High" }));
    type("Name", "Urgent");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));

    const name = screen.getByLabelText("Name");
    expect(document.getElementById(name.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
      "Another policy has this name.",
    );
  });

  it("moves a policy up and shows the order the desk answers with", async () => {
    const { calls } = renderPolicies({
      SlaPolicyReorder: { supportSlaPolicyReorder: { policies: [HIGH, URGENT, STANDARD], errors: [] } },
    });
    await screen.findByText("Urgent");
    expect((screen.getByRole("button", { name: "Move Urgent up" }) as HTMLButtonElement).disabled).toBe(true);

    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Move High up" })));

    expect(calls.at(-1)).toEqual({ operation: "SlaPolicyReorder", variables: { ids: ["High", "Urgent", "Standard"] } });
    expect(names()).toEqual(["High", "Urgent", "Standard"]);
    expect(screen.getByText("New order saved.")).toBeTruthy();
  });

  it("deletes a policy after asking", async () => {
    const { calls } = renderPolicies({ SlaPolicyDelete: { supportSlaPolicyDelete: { id: "High", errors: [] } } });
    fireEvent.click(await screen.findByRole("button", { name: "Edit High" }));
    fireEvent.click(screen.getByRole("button", { name: "Delete policy" }));
    expect(screen.getByText("Delete the policy “High”? Its tickets take the next policy they match.")).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Yes, delete" })));

    expect(calls.at(-1)).toEqual({ operation: "SlaPolicyDelete", variables: { id: "High" } });
    expect(await screen.findByText("Policy deleted.")).toBeTruthy();
    expect(names()).toEqual(["Urgent", "Standard"]);
  });

  it("edits a reporting target and shows its field error", async () => {
    const { calls } = renderPolicies({
      SlaReportingTargetUpdate: (variables) =>
        variables.sharePercent === 120
          ? {
              supportSlaReportingTargetUpdate: {
                reportingTarget: null,
                errors: [{ field: "sharePercent", code: "INVALID", message: "The share is from 1 to 100 %." }],
              },
            }
          : { supportSlaReportingTargetUpdate: { reportingTarget: { channel: "PHONE", ...variables }, errors: [] } },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Edit Phone" }));
    type("Answer within (seconds)", "30");
    type("Share of contacts (%)", "120");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));

    const share = screen.getByLabelText("Share of contacts (%)");
    expect(document.getElementById(share.getAttribute("aria-describedby") ?? "")?.textContent).toBe("Enter a share from 1 to 100.");

    type("Share of contacts (%)", "90");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));

    expect(calls.at(-1)).toEqual({
      operation: "SlaReportingTargetUpdate",
      variables: { channel: "PHONE", answerWithinSeconds: 30, sharePercent: 90 },
    });
    const phone = screen.getByRole("rowheader", { name: "Phone" }).closest("tr") as HTMLElement;
    expect(within(phone).getByText("30 s")).toBeTruthy();
    expect(within(phone).getByText("90 %")).toBeTruthy();
  });
});
