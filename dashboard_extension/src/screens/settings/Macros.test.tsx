import { act, fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { ApiError } from "../../api/client";
import type { Viewer } from "../../api/types";
import type { MacroDetail } from "../../api/typesSettingsSla";
import { AGENT, LEAD, fakeRequest, renderWith } from "../../test/render";
import { ViewerContext } from "../../viewer";
import { textToHtml } from "../ticketModel";
import { MacrosSettings } from "./Macros";

const ON_ITS_WAY: MacroDetail = {
  id: "macro-1",
  name: "Order on its way",
  group: "Delivery",
  visibility: "SHARED",
  isActive: true,
  usageCount: 12,
  lastUsedAt: "2026-11-20T10:00:00Z",
  position: 0,
  translations: [
    { language: "", body: "<p>Hello {{ customer.first_name }},</p><p>order #{{ order.number }} is <strong>on its way</strong>.</p>" },
    { language: "ro", body: "<p>Bună ziua, {{ customer.first_name }},</p>" },
    { language: "pt-br", body: "<p>Olá {{ customer.first_name }}</p>" },
  ],
  actions: {
    status: "PENDING",
    priority: null,
    category: null,
    addTags: ["shipping"],
    removeTags: [],
    assignment: "KEEP",
    assignee: null,
  },
};

const LIST = {
  supportMacros: {
    edges: [
      { node: { id: "macro-1", name: "Order on its way", group: "Delivery", visibility: "SHARED", isActive: true, usageCount: 12, lastUsedAt: null } },
      { node: { id: "macro-2", name: "My thanks", group: "", visibility: "PERSONAL", isActive: false, usageCount: 0, lastUsedAt: null } },
    ],
    pageInfo: { hasNextPage: false, endCursor: null },
  },
};

const OPTIONS = {
  supportMacroVariables: [
    { name: "customer.first_name", description: "The customer's first name", example: "Ana" },
    { name: "order.number", description: "The order's number", example: "1042" },
  ],
  supportCategories: [
    { slug: "refund", name: "Refund", isActive: true },
    { slug: "legacy", name: "Legacy", isActive: false },
  ],
  supportAgents: [{ user: { id: "VXNlcjo5", email: "lia@example.com", firstName: "Lia", lastName: "Lead" } }],
};

type Answers = Parameters<typeof fakeRequest>[0];

function renderMacros(answers: Answers = {}, viewer: Viewer = LEAD) {
  const fake = fakeRequest({
    MacroList: LIST,
    MacroEditorOptions: OPTIONS,
    MacroDetail: { supportMacro: ON_ITS_WAY },
    ...answers,
  });
  renderWith(
    <ViewerContext.Provider value={viewer}>
      <MacrosSettings />
    </ViewerContext.Provider>,
    { request: fake.request },
  );
  return fake;
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const saved = (input: object) => ({ ...ON_ITS_WAY, id: "macro-3", usageCount: 0, ...input });

describe("Templates", () => {
  it("lists templates with title, shared or personal, active and usage", async () => {
    renderMacros();

    const row = (await screen.findByText("Order on its way")).closest("tr") as HTMLElement;
    expect(Array.from(row.querySelectorAll("td")).map((cell) => cell.textContent)).toEqual([
      "Order on its wayDelivery",
      "Shared",
      "Yes",
      "12",
      "Edit",
    ]);
    const mine = screen.getByText("My thanks").closest("tr") as HTMLElement;
    expect(within(mine).getByText("Personal")).toBeTruthy();
    expect(within(mine).getByText("No")).toBeTruthy();
  });

  it("creates a shared template with a variable inserted at the cursor, texts per language and field changes", async () => {
    const { calls } = renderMacros({
      MacroCreate: (variables) => ({ supportMacroCreate: { macro: saved({ name: (variables.input as { name: string }).name }), errors: [] } }),
    });
    fireEvent.click(await screen.findByRole("button", { name: "New template" }));
    await screen.findByLabelText("Title");

    type("Title", "Refund sent");
    expect((screen.getByLabelText("Shared with every agent") as HTMLInputElement).checked).toBe(true);
    const text = (await screen.findByLabelText("Text: English (default)")) as HTMLTextAreaElement;
    fireEvent.change(text, { target: { value: "Hello ,\n\nyour refund is on its way." } });
    text.setSelectionRange(6, 6);
    fireEvent.change(screen.getByLabelText("Variable"), { target: { value: "customer.first_name" } });
    fireEvent.click(screen.getByRole("button", { name: "Insert at cursor" }));
    expect(text.value).toBe("Hello {{ customer.first_name }},\n\nyour refund is on its way.");

    fireEvent.click(screen.getByRole("tab", { name: /Română/ }));
    type("Text: Română", "Bună ziua,\nrambursarea este pe drum.");
    fireEvent.change(screen.getByLabelText("Status"), { target: { value: "SOLVED" } });
    fireEvent.change(screen.getByLabelText("Category"), { target: { value: "refund" } });
    fireEvent.change(screen.getByLabelText("Assignee"), { target: { value: "ME" } });
    type("Tags to add", "Refund Sent, vip, vip");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));

    expect(calls.find((call) => call.operation === "MacroCreate")?.variables).toEqual({
      input: {
        name: "Refund sent",
        group: "",
        visibility: "SHARED",
        isActive: true,
        translations: [
          { language: "", body: "<p>Hello {{ customer.first_name }},</p><p>your refund is on its way.</p>" },
          { language: "ro", body: "<p>Bună ziua,<br>rambursarea este pe drum.</p>" },
        ],
        actions: {
          status: "SOLVED",
          priority: null,
          category: "refund",
          addTags: ["refund-sent", "vip"],
          removeTags: [],
          assignment: "ME",
          assigneeId: null,
        },
      },
    });
    expect(await screen.findByText("Template saved.")).toBeTruthy();
    expect(screen.getByText("Refund sent")).toBeTruthy();
  });

  it("sends untouched texts back exactly as stored, other languages included", async () => {
    const { calls } = renderMacros({
      MacroUpdate: { supportMacroUpdate: { macro: { ...ON_ITS_WAY, name: "On its way" }, errors: [] } },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Edit Order on its way" }));
    const text = (await screen.findByLabelText("Text: English (default)")) as HTMLTextAreaElement;
    expect(text.value).toBe("Hello {{ customer.first_name }},\n\norder #{{ order.number }} is on its way.");

    type("Title", "On its way");
    fireEvent.change(screen.getByLabelText("Assignee"), { target: { value: "USER:VXNlcjo5" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));

    expect(calls.find((call) => call.operation === "MacroUpdate")?.variables).toEqual({
      id: "macro-1",
      input: {
        name: "On its way",
        group: "Delivery",
        visibility: "SHARED",
        isActive: true,
        translations: ON_ITS_WAY.translations,
        actions: {
          status: "PENDING",
          priority: null,
          category: null,
          addTags: ["shipping"],
          removeTags: [],
          assignment: "USER",
          assigneeId: "VXNlcjo5",
        },
      },
    });
    expect(await screen.findByText("Template saved.")).toBeTruthy();
  });

  it("shows a placeholder error under its language's text, at the line and column the agent wrote", async () => {
    const written = "Bună ziua, {{ customer.first_name }},\n\nMulțumim, {{ customer.frist_name }}!";
    const html = textToHtml(written);
    renderMacros({
      MacroUpdate: {
        supportMacroUpdate: {
          macro: null,
          errors: [
            {
              field: "translations",
              code: "UNKNOWN_VARIABLE",
              message: "Unknown variable {{ customer.frist_name }}.",
              variable: "customer.frist_name",
              language: "ro",
              line: 1,
              column: html.indexOf("{{ customer.frist") + 1,
            },
          ],
        },
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Edit Order on its way" }));
    fireEvent.click(await screen.findByRole("tab", { name: /Română/ }));
    type("Text: Română", written);
    fireEvent.click(screen.getByRole("tab", { name: /English/ }));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));

    expect(screen.getByRole("tab", { name: /Română/ }).getAttribute("aria-selected")).toBe("true");
    const text = screen.getByLabelText("Text: Română");
    expect(text.getAttribute("aria-invalid")).toBe("true");
    expect(document.getElementById(text.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
      "customer.frist_name is not a known variable (line 3, column 11).",
    );
  });

  it("shows a taken title at the title field", async () => {
    renderMacros({
      MacroCreate: {
        supportMacroCreate: {
          macro: null,
          errors: [{ field: "name", code: "DUPLICATE", message: "Another macro has that name.", variable: null, language: null, line: null, column: null }],
        },
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: "New template" }));
    await screen.findByLabelText("Title");
    type("Title", "Order on its way");
    fireEvent.change(await screen.findByLabelText("Text: English (default)"), { target: { value: "Hi" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));

    const title = screen.getByLabelText("Title");
    expect(document.getElementById(title.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
      "Another template of the same kind (shared, or yours) has this title.",
    );
  });

  it("says when sharing a template is refused", async () => {
    renderMacros({ MacroCreate: new ApiError("forbidden", "Only team leads...", "PERMISSION_DENIED") });
    fireEvent.click(await screen.findByRole("button", { name: "New template" }));
    await screen.findByLabelText("Title");
    type("Title", "Refund sent");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));

    expect((await screen.findByRole("alert")).textContent).toBe(
      "Only team leads, managers and support administrators can change this.",
    );
  });

  it("keeps an agent's new templates personal", async () => {
    const { calls } = renderMacros(
      { MacroCreate: { supportMacroCreate: { macro: saved({ visibility: "PERSONAL" }), errors: [] } } },
      AGENT,
    );
    fireEvent.click(await screen.findByRole("button", { name: "New template" }));
    await screen.findByLabelText("Title");
    const shared = screen.getByLabelText("Shared with every agent") as HTMLInputElement;
    expect(shared.checked).toBe(false);
    expect(shared.disabled).toBe(true);
    type("Title", "Mine");
    type("Text: English (default)", "Thanks!");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));

    const input = calls.find((call) => call.operation === "MacroCreate")?.variables.input as { visibility: string };
    expect(input.visibility).toBe("PERSONAL");
  });

  it("deletes a template after asking", async () => {
    const { calls } = renderMacros({ MacroDelete: { supportMacroDelete: { deletedId: "macro-1", errors: [] } } });
    fireEvent.click(await screen.findByRole("button", { name: "Edit Order on its way" }));
    fireEvent.click(await screen.findByRole("button", { name: "Delete template" }));
    expect(calls.some((call) => call.operation === "MacroDelete")).toBe(false);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Yes, delete" })));

    expect(calls.at(-1)).toEqual({ operation: "MacroDelete", variables: { id: "macro-1" } });
    expect(await screen.findByText("Template deleted.")).toBeTruthy();
    expect(screen.queryByText("Order on its way")).toBeNull();
  });

  it("offers a retry when the templates cannot be loaded", async () => {
    let attempts = 0;
    renderMacros({
      MacroList: () => {
        attempts += 1;
        return attempts === 1 ? new ApiError("network", "down") : LIST;
      },
    });

    fireEvent.click(await screen.findByRole("button", { name: "Retry" }));
    expect(await screen.findByText("Order on its way")).toBeTruthy();
  });
});
