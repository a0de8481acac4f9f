import { describe, expect, it } from "vitest";

import { parseRoute } from "./router";

describe("parseRoute", () => {
  it.each([
    ["/app/", "", { name: "inbox" }],
    ["/app", "?view=mine", { name: "inbox" }],
    ["/app/tickets/U3VwcG9ydFRpY2tldDox", "", { name: "ticket", id: "U3VwcG9ydFRpY2tldDox" }],
    ["/app/widgets/order", "?orderId=T3JkZXI6MQ", { name: "orderWidget", orderId: "T3JkZXI6MQ" }],
    ["/app/settings", "", { name: "settings", section: null }],
    ["/app/settings/sla/", "", { name: "settings", section: "sla" }],
    ["/app/settings/Teams", "", { name: "notFound" }],
    ["/app/tickets/", "", { name: "notFound" }],
    ["/elsewhere/", "", { name: "notFound" }],
  ])("%s%s", (pathname, search, expected) => {
    const route: Record<string, unknown> = { ...parseRoute("/app/", pathname, search) };
    delete route.params;
    expect(route).toEqual(expected);
  });

  it("works below the plugin's address inside Saleor", () => {
    const base = "/plugins/global/saleor_support_plugin.support/app/";
    expect(parseRoute(base, `${base}settings/intake`, "")).toEqual({ name: "settings", section: "intake" });
  });
});
