import { render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";

import { App } from "./App";

const config = { apiUrl: "/graphql/", basePath: "/app/", loginUrl: "/auth/token/", saleorApiUrl: null, version: "test" };

afterEach(() => {
  vi.unstubAllGlobals();
  window.sessionStorage.clear();
  window.localStorage.clear();
});

describe("App", () => {
  it("asks for a sign-in when standalone without a token", async () => {
    window.history.replaceState(null, "", "/app/");

    render(<App config={config} mode="standalone" />);

    expect(await screen.findByRole("heading", { name: "Sign in to the support desk" })).toBeTruthy();
    expect(screen.getByLabelText("Username")).toBeTruthy();
  });

  it("lays Persian out right to left, on the document root too", async () => {
    window.history.replaceState(null, "", "/app/?locale=fa");

    render(<App config={config} mode="standalone" />);

    await screen.findByRole("heading", { name: "ورود به پشتیبانی مشتریان" });
    expect(document.documentElement.dir).toBe("rtl");
    expect(document.documentElement.lang).toBe("fa");
    expect(document.querySelector(".desk-root")?.getAttribute("dir")).toBe("rtl");
  });

  it("signs in and sends the token as a bearer", async () => {
    window.history.replaceState(null, "", "/app/");
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      if (url === "/auth/token/") {
        return new Response(JSON.stringify({ token: "t0k3n" }), { status: 200 });
      }
      const body = JSON.parse(String(init?.body)) as { query: string };
      if (body.query.includes("supportViewer")) {
        return new Response(
          JSON.stringify({ data: { supportViewer: { kind: "STAFF", permissions: ["MANAGE_ORDERS"], user: { id: "1", email: "a@example.com" } } } }),
        );
      }
      return new Response(JSON.stringify({ data: { supportTickets: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } } }));
    });
    vi.stubGlobal("fetch", fetchMock);
    render(<App config={config} mode="standalone" />);
    const { fireEvent } = await import("@testing-library/react");

    fireEvent.change(await screen.findByLabelText("Username"), { target: { value: "agent1" } });
    fireEvent.change(screen.getByLabelText("Password"), { target: { value: "agent" } });
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));

    expect(await screen.findByText("No tickets here.")).toBeTruthy();
    await waitFor(() => {
      const apiCall = fetchMock.mock.calls.find(([url]) => url === "/graphql/");
      expect((apiCall?.[1]?.headers as Record<string, string>).Authorization).toBe("Bearer t0k3n");
    });
  });

  it("inside Saleor, in a tab of its own, signs in with tokenCreate and refreshes an expired token", async () => {
    window.history.replaceState(null, "", "/plugins/global/x/app/");
    const saleor = { ...config, basePath: "/plugins/global/x/app/", apiUrl: "/plugins/global/x/graphql/", loginUrl: null, saleorApiUrl: "/graphql/" };
    let viewerCalls = 0;
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body)) as { query: string; variables: Record<string, string> };
      const auth = (init?.headers as Record<string, string>).Authorization;
      if (url === "/graphql/" && body.query.includes("tokenCreate")) {
        expect(body.variables).toEqual({ email: "agent@example.com", password: "secret" });
        return new Response(JSON.stringify({ data: { tokenCreate: { token: "access-1", refreshToken: "refresh-1", errors: [] } } }));
      }
      if (url === "/graphql/" && body.query.includes("tokenRefresh")) {
        expect(body.variables).toEqual({ refreshToken: "refresh-1" });
        return new Response(JSON.stringify({ data: { tokenRefresh: { token: "access-2" } } }));
      }
      if (body.query.includes("supportViewer")) {
        viewerCalls += 1;
        if (auth === "Bearer access-1") {
          return new Response(JSON.stringify({ errors: [{ message: "Signature has expired" }] }), { status: 401 });
        }
        return new Response(
          JSON.stringify({ data: { supportViewer: { kind: "STAFF", permissions: ["MANAGE_ORDERS"], user: { id: "1", email: "agent@example.com" } } } }),
        );
      }
      expect(auth).toBe("Bearer access-2");
      return new Response(JSON.stringify({ data: { supportTickets: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } } }));
    });
    vi.stubGlobal("fetch", fetchMock);
    render(<App config={saleor} mode="standalone" />);
    const { fireEvent } = await import("@testing-library/react");

    fireEvent.change(await screen.findByLabelText("E-mail"), { target: { value: "agent@example.com" } });
    fireEvent.change(screen.getByLabelText("Password"), { target: { value: "secret" } });
    fireEvent.click(screen.getByRole("button", { name: "Sign in" }));

    expect(await screen.findByText("No tickets here.")).toBeTruthy();
    expect(viewerCalls).toBe(2);
  });

  it("tells staff without the Manage orders permission why they see no tickets", async () => {
    window.history.replaceState(null, "", "/app/");
    window.sessionStorage.setItem("saleor-support-desk.token", "t");
    vi.stubGlobal(
      "fetch",
      vi.fn(async (_url: string, init?: RequestInit) => {
        const body = JSON.parse(String(init?.body)) as { query: string };
        if (body.query.includes("supportViewer")) {
          return new Response(
            JSON.stringify({ data: { supportViewer: { kind: "STAFF", permissions: [], user: { id: "1", email: "s@example.com" } } } }),
          );
        }
        return new Response(JSON.stringify({ data: { supportTickets: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } } } }));
      }),
    );

    render(<App config={config} mode="standalone" />);

    expect(await screen.findByText("You need the Manage orders permission to work on tickets.")).toBeTruthy();
  });

  it.each([
    [true, "shows"],
    [false, "hides"],
  ])("with canManageSettings %s it %s the settings, loaded on first visit", async (canManage) => {
    window.history.replaceState(null, "", "/app/settings/teams");
    window.sessionStorage.setItem("saleor-support-desk.token", "t0k3n");
    vi.stubGlobal(
      "fetch",
      vi.fn(async (_url: string, init?: RequestInit) => {
        const body = JSON.parse(String(init?.body)) as { query: string };
        if (body.query.includes("supportViewer")) {
          const user = { id: "1", email: "lead@example.com", firstName: "", lastName: "" };
          const supportViewer = { kind: "STAFF", permissions: ["MANAGE_ORDERS"], user, canManageSettings: canManage };
          return new Response(JSON.stringify({ data: { supportViewer } }));
        }
        return new Response(JSON.stringify({ data: { supportTeams: [], supportAgents: [] } }));
      }),
    );

    render(<App config={config} mode="standalone" />);

    if (canManage) {
      expect(await screen.findByRole("heading", { name: "Settings" })).toBeTruthy();
      expect(screen.getByRole("link", { name: "Teams", current: "page" })).toBeTruthy();
      expect(screen.getAllByRole("link", { name: "Settings" })).toHaveLength(1);
    } else {
      expect(await screen.findByRole("alert")).toHaveProperty(
        "textContent",
        "Only team leads, managers and support administrators can change the desk's settings.",
      );
      expect(screen.queryByRole("link", { name: "Settings" })).toBeNull();
    }
  });
});
