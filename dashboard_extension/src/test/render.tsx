import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { vi } from "vitest";

import type { Request } from "../api/client";
import type { Viewer } from "../api/types";
import { I18nProvider, type Locale } from "../i18n";
import { Router } from "../router";
import { SessionContext, type Session } from "../session";
import { ViewerContext } from "../viewer";

export const AGENT: Viewer = {
  kind: "STAFF",
  permissions: ["MANAGE_ORDERS"],
  user: { id: "VXNlcjox", email: "agent@example.com", firstName: "Ana", lastName: "" },
  canManageSettings: false,
};

export const LEAD: Viewer = { ...AGENT, canManageSettings: true };

/** A request function answering by operation name from `answers` (a value or a function). */
type Answer = { [key: string]: unknown } | Error | ((variables: Record<string, unknown>) => unknown);

export function fakeRequest(answers: Record<string, Answer>) {
  const calls: { operation: string; variables: Record<string, unknown> }[] = [];
  const request = vi.fn(async (query: string, variables: Record<string, unknown> = {}) => {
    const operation = /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? "?";
    calls.push({ operation, variables });
    const answer = answers[operation];
    if (answer === undefined) {
      throw new Error(`no answer for ${operation}`);
    }
    const value = typeof answer === "function" ? (answer as (v: Record<string, unknown>) => unknown)(variables) : answer;
    if (value instanceof Error) throw value;
    return value;
  });
  return { request: request as unknown as Request, calls };
}

export function renderWith(
  ui: ReactElement,
  {
    request,
    locale = "en",
    path = "/app/",
    session: overrides = {},
  }: { request: Request; locale?: Locale; path?: string; session?: Partial<Session> },
) {
  window.history.replaceState(null, "", path);
  const session: Session = {
    mode: "standalone",
    config: { apiUrl: "/graphql/", basePath: "/app/", loginUrl: "/auth/token/", saleorApiUrl: null, version: "test" },
    token: "token",
    ready: true,
    request,
    locale,
    setLocale: () => undefined,
    theme: "light",
    signIn: async () => undefined,
    signOut: () => undefined,
    dashboardRedirect: () => false,
    appId: null,
    notifyRoute: () => undefined,
    resizeWidget: () => undefined,
    ...overrides,
  };
  return render(
    <SessionContext.Provider value={session}>
      <I18nProvider locale={locale}>
        <Router basePath="/app/">
          <ViewerContext.Provider value={AGENT}>{ui}</ViewerContext.Provider>
        </Router>
      </I18nProvider>
    </SessionContext.Provider>,
  );
}
