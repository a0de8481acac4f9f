import type { TicketDetail, TicketRow } from "../api/types";

export function row(number: number, overrides: Partial<TicketRow> = {}): TicketRow {
  return {
    id: `ticket-${number}`,
    number,
    subject: `Subject ${number}`,
    status: "OPEN",
    priority: "NORMAL",
    channel: "SYSTEM",
    tags: [],
    updatedAt: "2026-11-20T10:00:00Z",
    category: { slug: "cancellation", name: "Cancellation" },
    customerName: "Ana Popescu",
    customerEmail: "ana@example.com",
    assignee: null,
    order: { number: `${number + 500}` },
    ...overrides,
  };
}

export function detail(overrides: Partial<TicketDetail> = {}): TicketDetail {
  return {
    id: "ticket-1001",
    number: 1001,
    subject: "Order #1501 was cancelled",
    status: "OPEN",
    priority: "NORMAL",
    tier: "L1",
    team: { id: "team-l1", name: "L1 General questions", tier: "L1", isActive: true },
    mergedIntoId: null,
    tags: ["late"],
    version: 3,
    channel: "SYSTEM",
    languageCode: "ro",
    createdAt: "2026-11-20T09:00:00Z",
    updatedAt: "2026-11-20T10:00:00Z",
    firstResponseAt: null,
    category: { slug: "cancellation", name: "Cancellation" },
    customerName: "Ana Popescu",
    customerEmail: "ana@example.com",
    customer: null,
    isAnonymised: false,
    assignee: null,
    order: {
      id: "T3JkZXI6MQ==",
      number: "1501",
      channel: "default",
      dashboardUrl: "/admin/store/order/1/change/",
      snapshot: JSON.stringify({
        number: "1501",
        status: "canceled",
        currency: "EUR",
        total_gross: "129.90",
        total_charged: "0",
        total_refunded: "0",
        charge_status: "none",
        customer_note: "",
        created_at: "2026-11-19T12:00:00Z",
        lines: [
          {
            id: "l1",
            product_name: "Rochie de vară",
            variant_name: "M",
            sku: "DRESS-1",
            quantity: 1,
            quantity_fulfilled: 0,
            unit_price_gross: "129.90",
            total_price_gross: "129.90",
          },
        ],
        fulfillments: [],
      }),
    },
    messages: {
      edges: [
        {
          node: {
            id: "m1",
            authorType: "SYSTEM",
            body: "<p>The order was cancelled.</p>",
            createdAt: "2026-11-20T09:00:00Z",
            author: null,
            isInternal: false,
          },
        },
        {
          node: {
            id: "m2",
            authorType: "CUSTOMER",
            body: "<p>Why was my order cancelled?</p>",
            createdAt: "2026-11-20T09:30:00Z",
            author: null,
            isInternal: false,
          },
        },
        {
          node: {
            id: "m3",
            authorType: "AGENT",
            body: "<p>Checking with the warehouse.</p>",
            createdAt: "2026-11-20T09:40:00Z",
            author: { email: "agent@example.com" },
            isInternal: true,
          },
        },
      ],
      pageInfo: { hasNextPage: false, endCursor: null },
    },
    events: {
      edges: [
        {
          node: {
            type: "OPENED",
            parameters: JSON.stringify({ channel: "system" }),
            user: null,
            createdAt: "2026-11-20T09:00:00Z",
          },
        },
      ],
      pageInfo: { hasNextPage: false, endCursor: null },
    },
    ...overrides,
  };
}
