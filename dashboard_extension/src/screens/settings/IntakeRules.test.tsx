import { act, fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { ApiError } from "../../api/client";
import type { IntakeEventRule, IntakeKind, IntakeRules } from "../../api/typesSettingsTeams";
import { LEAD, fakeRequest, renderWith } from "../../test/render";
import { ViewerContext } from "../../viewer";
import { IntakeRulesSettings } from "./IntakeRules";

const CATEGORIES = [
  { slug: "cancellation", name: "Cancellation", isActive: true },
  { slug: "refund", name: "Refund", isActive: true },
  { slug: "return", name: "Return", isActive: true },
  { slug: "payment", name: "Payment", isActive: true },
  { slug: "order", name: "Order", isActive: true },
  { slug: "legacy", name: "Legacy", isActive: false },
];

function event(kind: IntakeKind, categorySlug: string, overrides: Partial<IntakeEventRule> = {}): IntakeEventRule {
  const known = CATEGORIES.find((category) => category.slug === categorySlug);
  return {
    kind,
    enabled: true,
    priority: "NORMAL",
    category: known ? { id: `c-${known.slug}`, ...known } : null,
    categorySlug,
    ...overrides,
  };
}

const RULES: IntakeRules = {
  events: [
    event("CANCELLATION", "cancellation", { priority: "HIGH" }),
    event("EXPIRY", "order", { enabled: false }),
    event("REFUND", "refund"),
    event("FULL_REFUND", "legacy"),
    event("RETURN", "return"),
    event("REPLACEMENT", "return"),
    event("CUSTOMER_NOTE", "order", { priority: "LOW" }),
    event("PAYMENT_PROBLEM", "gone", { priority: "URGENT" }),
  ],
  acknowledgeCustomer: false,
  acknowledgementMessage: "Hello {customer_name}, we opened ticket {ticket_number}.",
  customerReopenDays: 14,
};

type Answers = Parameters<typeof fakeRequest>[0];

function renderIntake(answers: Answers = {}) {
  const fake = fakeRequest({ SettingsIntakeRules: { supportIntakeRules: RULES, supportCategories: CATEGORIES }, ...answers });
  renderWith(
    <ViewerContext.Provider value={LEAD}>
      <IntakeRulesSettings />
    </ViewerContext.Provider>,
    { request: fake.request },
  );
  return fake;
}

const row = (kind: string) => document.querySelector(`tr[data-event="${kind}"]`) as HTMLElement;
const options = (label: string) =>
  Array.from((screen.getByLabelText(label) as HTMLSelectElement).options).map((option) => option.text);

describe("Intake rules settings", () => {
  it("shows a row per store event with its switch, priority and category", async () => {
    renderIntake();

    await screen.findByText("Order cancelled");
    expect(Array.from(document.querySelectorAll("tr[data-event]")).map((node) => node.getAttribute("data-event"))).toEqual(
      RULES.events.map((item) => item.kind),
    );
    expect((screen.getByRole("switch", { name: "Open a ticket for Order expired" }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByLabelText("Priority of tickets for Order cancelled") as HTMLSelectElement).value).toBe("HIGH");
    expect(options("Category of tickets for Refund")).toEqual(["Cancellation", "Refund", "Return", "Payment", "Order"]);
    expect(options("Category of tickets for Full refund")).toContain("Legacy (inactive)");
    expect((screen.getByLabelText("Category of tickets for Payment problem") as HTMLSelectElement).value).toBe("gone");
    expect(options("Category of tickets for Payment problem")).toContain("gone (no such category)");
    expect((screen.getByLabelText("Days a customer may reopen a ticket") as HTMLInputElement).value).toBe("14");
  });

  it("saves every rule at once with the exact values", async () => {
    const saved = { ...RULES, acknowledgeCustomer: true, customerReopenDays: 30 };
    const { calls } = renderIntake({
      SettingsIntakeRulesUpdate: { supportIntakeRulesUpdate: { intakeRules: saved, errors: [] } },
    });
    fireEvent.click(await screen.findByRole("switch", { name: "Open a ticket for Refund" }));
    fireEvent.change(screen.getByLabelText("Priority of tickets for Refund"), { target: { value: "HIGH" } });
    fireEvent.change(screen.getByLabelText("Category of tickets for Payment problem"), { target: { value: "payment" } });
    fireEvent.click(screen.getByRole("switch", { name: /Send the customer a message/ }));
    fireEvent.change(screen.getByLabelText("Days a customer may reopen a ticket"), { target: { value: "30" } });
    expect(screen.getByText("Unsaved changes")).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));

    expect(calls.find((call) => call.operation === "SettingsIntakeRulesUpdate")?.variables).toEqual({
      input: {
        events: [
          { kind: "CANCELLATION", enabled: true, priority: "HIGH", category: "cancellation" },
          { kind: "EXPIRY", enabled: false, priority: "NORMAL", category: "order" },
          { kind: "REFUND", enabled: false, priority: "HIGH", category: "refund" },
          { kind: "FULL_REFUND", enabled: true, priority: "NORMAL", category: "legacy" },
          { kind: "RETURN", enabled: true, priority: "NORMAL", category: "return" },
          { kind: "REPLACEMENT", enabled: true, priority: "NORMAL", category: "return" },
          { kind: "CUSTOMER_NOTE", enabled: true, priority: "LOW", category: "order" },
          { kind: "PAYMENT_PROBLEM", enabled: true, priority: "URGENT", category: "payment" },
        ],
        acknowledgeCustomer: true,
        acknowledgementMessage: "Hello {customer_name}, we opened ticket {ticket_number}.",
        customerReopenDays: 30,
      },
    });
    expect(screen.getByText("Intake rules saved.")).toBeTruthy();
    expect(screen.queryByText("Unsaved changes")).toBeNull();
  });

  it("shows each refused field next to it and keeps the changes", async () => {
    renderIntake({
      SettingsIntakeRulesUpdate: {
        supportIntakeRulesUpdate: {
          intakeRules: null,
          errors: [
            { field: "events[3].category", code: "INACTIVE_CATEGORY", message: "The category is deactivated." },
            { field: "acknowledgementMessage", code: "INVALID", message: "[ro]: unknown placeholder {nume}" },
          ],
        },
      },
    });
    const message = (await screen.findByLabelText("Message")) as HTMLTextAreaElement;
    fireEvent.change(message, { target: { value: "Hello {customer_name}.\n[ro]\nBună {nume}." } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));

    const category = within(row("FULL_REFUND")).getByLabelText("Category of tickets for Full refund");
    expect(category.getAttribute("aria-invalid")).toBe("true");
    expect(within(row("FULL_REFUND")).getByRole("alert").textContent).toBe(
      "This category is deactivated: choose an active one.",
    );
    expect(within(row("REFUND")).queryByRole("alert")).toBeNull();
    expect(message.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById((message.getAttribute("aria-describedby") ?? "").split(" ")[1] ?? "")?.textContent).toBe(
      "In the [ro] section: Only {customer_name}, {order_number} and {ticket_number} can be filled in; write {{ and }} for a brace itself.",
    );
    expect(screen.getByText("Nothing was saved: correct the fields marked above.")).toBeTruthy();
    expect(message.value).toBe("Hello {customer_name}.\n[ro]\nBună {nume}.");
  });

  it("inserts placeholders and language sections at the cursor", async () => {
    renderIntake();
    const message = (await screen.findByLabelText("Message")) as HTMLTextAreaElement;
    fireEvent.change(message, { target: { value: "Order  is noted." } });
    message.setSelectionRange(6, 6);
    fireEvent.click(screen.getByRole("button", { name: "Insert {order_number}" }));
    expect(message.value).toBe("Order {order_number} is noted.");

    message.setSelectionRange(message.value.length, message.value.length);
    fireEvent.click(screen.getByRole("button", { name: "Start a [pl] section" }));
    expect(message.value).toBe("Order {order_number} is noted.\n[pl]\n");
  });

  it("refuses reopen days out of range before sending, and a refusal of the desk as an alert", async () => {
    const { calls } = renderIntake({ SettingsIntakeRulesUpdate: new ApiError("forbidden", "No.", "PERMISSION_DENIED") });
    const days = await screen.findByLabelText("Days a customer may reopen a ticket");
    fireEvent.change(days, { target: { value: "400" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));
    expect(days.closest(".desk-field")?.querySelector(".desk-field-error")?.textContent).toBe(
      "Enter a whole number of days from 0 to 365.",
    );
    expect(calls.filter((call) => call.operation === "SettingsIntakeRulesUpdate")).toEqual([]);

    fireEvent.change(days, { target: { value: "0" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));
    expect(screen.getByRole("alert").textContent).toBe("Only team leads, managers and support administrators can change this.");
  });
});
