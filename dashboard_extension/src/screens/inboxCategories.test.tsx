import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { row } from "../test/fixtures";
import { fakeRequest, renderWith } from "../test/render";
import { useRouter } from "../router";
import { Inbox } from "./Inbox";
import { categoryOptions } from "./inboxCategories";

const page = (rows: ReturnType<typeof row>[]) => ({
  supportTickets: {
    edges: rows.map((node) => ({ node, cursor: node.id, highlights: [] })),
    pageInfo: { hasNextPage: false, endCursor: null },
    totalCount: rows.length,
  },
});

const categories = {
  supportCategories: [
    { slug: "order", name: "Comenzi" },
    { slug: "refund", name: "Rambursări" },
    { slug: "old-promo", name: "Promoția de vară" },
    { slug: "cancellation", name: "Anulări" },
  ],
};

/** The inbox at the router's address, as the app shows it. */
function RoutedInbox() {
  const { route } = useRouter();
  return route.name === "inbox" ? <Inbox params={route.params} /> : null;
}

const optionsOf = (label: string) =>
  Array.from((screen.getByLabelText(label) as HTMLSelectElement).options).map((option) => [option.value, option.text]);

describe("the inbox's Category filter", () => {
  it("lists the desk's categories by name, in the desk's order, asked once after the list", async () => {
    const { request, calls } = fakeRequest({
      TicketList: page([row(1001)]),
      TicketCounts: {},
      InboxCategories: categories,
    });

    renderWith(<RoutedInbox />, { request, locale: "ro" });

    await waitFor(() => expect(optionsOf("Categorie")).toHaveLength(5));
    expect(optionsOf("Categorie")).toEqual([
      ["", "Oricare"],
      ["order", "Comenzi"],
      ["refund", "Rambursări"],
      ["old-promo", "Promoția de vară"],
      ["cancellation", "Anulări"],
    ]);
    expect(calls.map((call) => call.operation).indexOf("InboxCategories")).toBeGreaterThan(
      calls.map((call) => call.operation).indexOf("TicketList"),
    );

    await act(async () => fireEvent.change(screen.getByLabelText("Categorie"), { target: { value: "refund" } }));

    expect(window.location.search).toContain("category=refund");
    await waitFor(() => expect(calls.filter((call) => call.operation === "TicketList")).toHaveLength(2));
    expect(calls.filter((call) => call.operation === "TicketList")[1]?.variables).toMatchObject({
      filter: { category: ["refund"] },
    });
    expect(calls.filter((call) => call.operation === "InboxCategories")).toHaveLength(1);
  });

  it("falls back to the slugs, with the names the shown tickets carry, when the desk does not answer", async () => {
    const { request } = fakeRequest({
      TicketList: page([row(1001, { category: { slug: "refund", name: "Refunds" } })]),
      TicketCounts: {},
      InboxCategories: new Error("offline"),
    });

    renderWith(<RoutedInbox />, { request });

    await screen.findByText("Subject 1001");
    const options = optionsOf("Category");
    expect(options).toContainEqual(["refund", "Refunds"]);
    expect(options).toContainEqual(["delivery", "delivery"]);
  });
});

describe("categoryOptions", () => {
  it("keeps a chosen category the desk no longer lists, and names unnamed ones by slug", () => {
    expect(
      categoryOptions(
        [
          { slug: "order", name: "Order" },
          { slug: "blank", name: " " },
        ],
        [row(1, { category: { slug: "legacy", name: "Legacy" } })],
        "gone",
      ),
    ).toEqual([
      { slug: "order", name: "Order" },
      { slug: "blank", name: "blank" },
      { slug: "legacy", name: "Legacy" },
      { slug: "gone", name: "gone" },
    ]);
  });
});
