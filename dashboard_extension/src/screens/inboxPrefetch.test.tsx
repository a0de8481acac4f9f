import { screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { TICKET_LIST } from "../api/operations";
import { row } from "../test/fixtures";
import { fakeRequest, renderWith } from "../test/render";
import { Inbox } from "./Inbox";
import { forgetPrefetched, isInboxPath, setPrefetched, startInboxPrefetch, takePrefetched } from "./inboxPrefetch";
import { listVariables, readInboxQuery } from "./inboxViews";

const CONFIG = { apiUrl: "/graphql/", basePath: "/app/", loginUrl: "/auth/token/", saleorApiUrl: null, version: "t" };

function page(numbers: number[]) {
  return { supportTickets: { edges: numbers.map((n) => ({ node: row(n), searchHighlight: null })), pageInfo: { hasNextPage: false, endCursor: null } } };
}

function prepare(path: string, token: string | null) {
  window.history.replaceState(null, "", path);
  document.getElementById("desk-config")?.remove();
  const node = document.createElement("script");
  node.type = "application/json";
  node.id = "desk-config";
  node.textContent = JSON.stringify(CONFIG);
  document.head.append(node);
  if (token) sessionStorage.setItem("saleor-support-desk.token", token);
  else sessionStorage.removeItem("saleor-support-desk.token");
  const fetchMock = vi.fn(async () => new Response(JSON.stringify({ data: page([1001]) }), { status: 200 }));
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
  forgetPrefetched();
  sessionStorage.clear();
  document.getElementById("desk-config")?.remove();
});

describe("inbox prefetch", () => {
  it("asks for the inbox's first page with the inbox's own variables and the stored token", async () => {
    const fetchMock = prepare("/app/?view=unassigned&priority=HIGH", "secret");

    startInboxPrefetch();

    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/graphql/");
    expect((init.headers as Record<string, string>).Authorization).toBe("Bearer secret");
    const variables = listVariables(readInboxQuery(new URLSearchParams("?view=unassigned&priority=HIGH")));
    expect(JSON.parse(init.body as string)).toEqual({ query: TICKET_LIST, variables });
    await expect(takePrefetched(TICKET_LIST, variables)).resolves.toEqual(page([1001]));
    expect(takePrefetched(TICKET_LIST, variables)).toBeNull();
  });

  it.each([
    ["without a token", "/app/", null],
    ["on a ticket", "/app/tickets/abc", "secret"],
    ["on the settings", "/app/settings", "secret"],
  ])("sends nothing %s", (_case, path, token) => {
    const fetchMock = prepare(path, token);

    startInboxPrefetch();

    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("knows the inbox path with and without its slash", () => {
    expect(isInboxPath("/app/", "/app/")).toBe(true);
    expect(isInboxPath("/plugins/global/x/app/", "/plugins/global/x/app")).toBe(true);
    expect(isInboxPath("/app/", "/app/tickets/1")).toBe(false);
  });

  it("gives the early answer only to the same request", () => {
    setPrefetched(TICKET_LIST, { first: 50 }, Promise.resolve(page([1])));

    expect(takePrefetched(TICKET_LIST, { first: 20 })).toBeNull();
    expect(takePrefetched(TICKET_LIST, { first: 50 })).toBeNull();
  });

  it("lets the inbox show the early answer without asking again", async () => {
    const variables = listVariables(readInboxQuery(new URLSearchParams("")));
    setPrefetched(TICKET_LIST, variables, Promise.resolve(page([1007])));
    const { request, calls } = fakeRequest({ TicketList: page([1001]), TicketCounts: {} });

    renderWith(<Inbox params={new URLSearchParams("")} />, { request });

    expect(await screen.findByText("Subject 1007")).toBeTruthy();
    await waitFor(() => expect(calls.map((call) => call.operation)).toEqual(["TicketCounts", "InboxCategories"]));
  });

  it("asks again when the early request failed", async () => {
    const variables = listVariables(readInboxQuery(new URLSearchParams("")));
    setPrefetched(TICKET_LIST, variables, Promise.reject(new Error("expired")));
    const { request, calls } = fakeRequest({ TicketList: page([1001]), TicketCounts: {} });

    renderWith(<Inbox params={new URLSearchParams("")} />, { request });

    expect(await screen.findByText("Subject 1001")).toBeTruthy();
    expect(calls[0]).toEqual({ operation: "TicketList", variables });
  });
});
