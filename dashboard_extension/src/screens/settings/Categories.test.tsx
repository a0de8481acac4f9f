import { act, fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import type { TicketCategory } from "../../api/typesSettingsTeams";
import { LEAD, fakeRequest, renderWith } from "../../test/render";
import { ViewerContext } from "../../viewer";
import { CategoriesSettings } from "./Categories";

function category(slug: string, name: string, position: number, isActive = true): TicketCategory {
  return { id: `c-${slug}`, slug, name, position, isActive };
}

const ORDER = category("order", "Order", 0);
const RETURN = category("return", "Return", 1);
const ACCOUNT = category("account", "Account", 2);
const LEGACY = category("legacy", "Legacy", 3, false);

type Answers = Parameters<typeof fakeRequest>[0];

function renderCategories(answers: Answers = {}) {
  const fake = fakeRequest({ SettingsCategories: { supportCategories: [ORDER, RETURN, ACCOUNT, LEGACY] }, ...answers });
  renderWith(
    <ViewerContext.Provider value={LEAD}>
      <CategoriesSettings />
    </ViewerContext.Provider>,
    { request: fake.request },
  );
  return fake;
}

const row = (slug: string) => document.querySelector(`tr[data-category="${slug}"]`) as HTMLElement;
const slugs = () => Array.from(document.querySelectorAll("tr[data-category]")).map((node) => node.getAttribute("data-category"));

describe("Categories settings", () => {
  it("lists every category in order, the desk's own without deactivate or delete", async () => {
    renderCategories();

    await screen.findByText("Account");
    expect(slugs()).toEqual(["order", "return", "account", "legacy"]);
    expect(within(row("legacy")).getByText("Deactivated")).toBeTruthy();
    expect(within(row("legacy")).getByRole("button", { name: "Activate Legacy" })).toBeTruthy();
    expect(within(row("return")).getByText("Used by the desk itself")).toBeTruthy();
    expect(within(row("return")).queryByRole("button", { name: "Deactivate Return" })).toBeNull();
    expect(within(row("return")).queryByRole("button", { name: "Delete Return" })).toBeNull();
  });

  it("adds a category, its identifier proposed from the name, and shows a taken identifier at its field", async () => {
    let attempt = 0;
    const { calls } = renderCategories({
      SettingsCategoryCreate: () => {
        attempt += 1;
        return attempt === 1
          ? { supportCategoryCreate: { category: null, errors: [{ field: "slug", code: "DUPLICATE", message: "exists" }] } }
          : { supportCategoryCreate: { category: category("gift-cards-2", "Gift cards", 4), errors: [] } };
      },
    });
    await screen.findByText("Account");
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "Gift cards" } });
    expect((screen.getByLabelText("Identifier") as HTMLInputElement).value).toBe("gift-cards");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Add category" })));

    const identifier = screen.getByLabelText("Identifier");
    expect(identifier.getAttribute("aria-invalid")).toBe("true");
    expect(identifier.closest(".desk-field")?.querySelector(".desk-field-error")?.textContent).toBe(
      "Another category has this identifier.",
    );

    fireEvent.change(identifier, { target: { value: "gift-cards-2" } });
    fireEvent.change(screen.getByLabelText("Name"), { target: { value: "Gift cards " } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Add category" })));

    expect(calls.filter((call) => call.operation === "SettingsCategoryCreate").map((call) => call.variables)).toEqual([
      { input: { slug: "gift-cards", name: "Gift cards" } },
      { input: { slug: "gift-cards-2", name: "Gift cards" } },
    ]);
    expect(slugs()).toEqual(["order", "return", "account", "legacy", "gift-cards-2"]);
    expect(screen.getByText("Category “Gift cards” added.")).toBeTruthy();
    expect((screen.getByLabelText("Name") as HTMLInputElement).value).toBe("");
  });

  it("renames a category in place, a refused name shown at the field", async () => {
    let attempt = 0;
    const { calls } = renderCategories({
      SettingsCategoryUpdate: () => {
        attempt += 1;
        return attempt === 1
          ? { supportCategoryUpdate: { category: null, errors: [{ field: "name", code: "TOO_LONG", message: "long" }] } }
          : { supportCategoryUpdate: { category: { ...ACCOUNT, name: "Account and sign-in" }, errors: [] } };
      },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Rename Account" }));
    const field = screen.getByLabelText("New name for Account");
    fireEvent.change(field, { target: { value: "x".repeat(129) } });
    await act(async () => fireEvent.click(within(row("account")).getByRole("button", { name: "Save" })));
    expect(field.closest(".desk-field")?.querySelector(".desk-field-error")?.textContent).toBe(
      "A name can have at most 128 characters.",
    );

    fireEvent.change(field, { target: { value: "Account and sign-in" } });
    await act(async () => fireEvent.click(within(row("account")).getByRole("button", { name: "Save" })));

    expect(calls.filter((call) => call.operation === "SettingsCategoryUpdate").at(-1)?.variables).toEqual({
      id: "c-account",
      input: { name: "Account and sign-in" },
    });
    expect(within(row("account")).getByText("Account and sign-in")).toBeTruthy();
    expect(screen.getByText("Category renamed to “Account and sign-in”.")).toBeTruthy();
  });

  it("offers to deactivate a category in use instead of deleting it", async () => {
    const { calls } = renderCategories({
      SettingsCategoryDelete: {
        supportCategoryDelete: {
          category: null,
          errors: [{ field: "id", code: "IN_USE", message: "The category is in use; deactivate it instead." }],
        },
      },
      SettingsCategoryUpdate: { supportCategoryUpdate: { category: { ...ACCOUNT, isActive: false }, errors: [] } },
    });
    await screen.findByText("Account");
    fireEvent.click(within(row("account")).getByRole("button", { name: "Delete Account" }));
    const question = screen.getByRole("group", { name: "Delete “Account”? Routing and intake rules naming it stop matching it." });
    expect(document.activeElement).toBe(within(question).getByRole("button", { name: "Yes, delete" }));
    await act(async () => fireEvent.click(within(question).getByRole("button", { name: "Yes, delete" })));

    expect(calls.find((call) => call.operation === "SettingsCategoryDelete")?.variables).toEqual({ id: "c-account" });
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain(
      "Tickets, templates or SLA policies use “Account”, so it cannot be deleted. Deactivate it instead: its tickets keep it, and new tickets cannot use it.",
    );
    await act(async () => fireEvent.click(within(alert).getByRole("button", { name: "Deactivate it" })));

    expect(calls.find((call) => call.operation === "SettingsCategoryUpdate")?.variables).toEqual({
      id: "c-account",
      input: { isActive: false },
    });
    expect(within(row("account")).getByText("Deactivated")).toBeTruthy();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("activates a category and moves one up", async () => {
    const { calls } = renderCategories({
      SettingsCategoryUpdate: { supportCategoryUpdate: { category: { ...LEGACY, isActive: true }, errors: [] } },
      SettingsCategoryReorder: { supportCategoryReorder: { categories: [ORDER, ACCOUNT, RETURN, LEGACY], errors: [] } },
    });
    const activate = await screen.findByRole("button", { name: "Activate Legacy" });
    await act(async () => fireEvent.click(activate));
    expect(calls.find((call) => call.operation === "SettingsCategoryUpdate")?.variables).toEqual({
      id: "c-legacy",
      input: { isActive: true },
    });
    expect(screen.getByText("“Legacy” activated.")).toBeTruthy();

    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Move Account up" })));
    expect(calls.find((call) => call.operation === "SettingsCategoryReorder")?.variables).toEqual({
      ids: ["c-order", "c-account", "c-return", "c-legacy"],
    });
    expect(slugs()).toEqual(["order", "account", "return", "legacy"]);
  });
});
