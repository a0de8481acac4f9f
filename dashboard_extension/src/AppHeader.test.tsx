import type { AppBridge, AppBridgeState } from "@saleor/app-sdk/app-bridge";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { App } from "./App";

const config = { apiUrl: "/graphql/", basePath: "/app/", loginUrl: null, saleorApiUrl: "/graphql/", version: "test" };

/** The Dashboard's side of app-bridge after its handshake: a token, the App's id, the theme. */
function fakeBridge(): AppBridge {
  const state = {
    ready: true,
    token: "dashboard-token",
    id: "QXBwOjQ=",
    domain: "127.0.0.1:8000",
    saleorApiUrl: "http://127.0.0.1:8000/graphql/",
    path: "/",
    theme: "light",
    locale: "en",
  } as unknown as AppBridgeState;
  return {
    getState: () => state,
    subscribe: () => () => undefined,
    dispatch: vi.fn(async () => undefined),
  } as unknown as AppBridge;
}

function serve(canManageSettings: boolean) {
  const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { query: string };
    if (body.query.includes("supportViewer")) {
      const user = { id: "1", email: "lead@example.com", firstName: "", lastName: "" };
      const supportViewer = { kind: "STAFF", permissions: ["MANAGE_ORDERS"], user, canManageSettings };
      return new Response(JSON.stringify({ data: { supportViewer } }));
    }
    if (body.query.includes("supportTeams")) {
      return new Response(JSON.stringify({ data: { supportTeams: [], supportAgents: [] } }));
    }
    return new Response(JSON.stringify({ data: { supportTickets: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } } }));
  });
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
  window.sessionStorage.clear();
  window.localStorage.clear();
});

describe("the header inside Saleor's Dashboard", () => {
  it("gives agents no second header: no title, user, language or sign-out", async () => {
    window.history.replaceState(null, "", "/app/?id=QXBwOjQ%3D&saleorApiUrl=x");
    serve(false);

    render(<App config={config} mode="dashboard" bridge={fakeBridge()} />);

    expect(await screen.findByText("No tickets here.")).toBeTruthy();
    expect(document.querySelector(".desk-header")).toBeNull();
    expect(screen.queryByRole("link", { name: "Support desk" })).toBeNull();
    expect(screen.queryByText(/Signed in as/)).toBeNull();
    expect(screen.queryByLabelText("Language")).toBeNull();
    expect(screen.queryByRole("button", { name: "Sign out" })).toBeNull();
  });

  it("gives leads a slim toolbar between the inbox and the settings", async () => {
    window.history.replaceState(null, "", "/app/?id=QXBwOjQ%3D&saleorApiUrl=x");
    serve(true);

    render(<App config={config} mode="dashboard" bridge={fakeBridge()} />);

    const toolbar = await screen.findByRole("navigation", { name: "Support desk" });
    const links = Array.from(toolbar.querySelectorAll("a")).map((a) => [a.textContent, a.getAttribute("aria-current")]);
    expect(links).toEqual([
      ["Inbox", "page"],
      ["Settings", null],
    ]);
    expect(screen.queryByText(/Signed in as/)).toBeNull();
    expect(screen.queryByLabelText("Language")).toBeNull();

    await act(async () => fireEvent.click(screen.getByRole("link", { name: "Settings" })));

    expect(window.location.pathname).toBe("/app/settings");
    expect(await screen.findByRole("heading", { name: "Settings" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Settings", current: "page" })).toBeTruthy();
  });
});

describe("the header standalone", () => {
  it("keeps the desk's name, the user, the language and signing out", async () => {
    window.history.replaceState(null, "", "/app/");
    window.sessionStorage.setItem("saleor-support-desk.token", "t0k3n");
    serve(false);

    render(<App config={{ ...config, loginUrl: "/auth/token/", saleorApiUrl: null }} mode="standalone" />);

    expect(await screen.findByText("Signed in as lead@example.com")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Support desk" })).toBeTruthy();
    expect(screen.getByLabelText("Language")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Sign out" })).toBeTruthy();
  });
});
