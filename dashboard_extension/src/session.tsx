/**
 * Who is working and how the API is reached. Inside Saleor's Dashboard the token, theme and
 * locale come from app-bridge; standalone, the agent signs in and picks a language.
 */
import { AppBridge, actions, type AppBridgeState } from "@saleor/app-sdk/app-bridge";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";

import { ApiError, createClient, type Request } from "./api/client";
import { saleorRefresh, saleorSignIn } from "./api/saleorAuth";
import type { DeskConfig } from "./config";
import { browserLocale, resolveLocale, type Locale } from "./i18n";

export type Mode = "dashboard" | "standalone";
export type Theme = "light" | "dark";

export interface Session {
  mode: Mode;
  config: DeskConfig;
  token: string | null;
  /** True once a token is known (after the handshake inside Saleor, after sign-in standalone). */
  ready: boolean;
  request: Request;
  locale: Locale;
  setLocale: (locale: Locale) => void;
  theme: Theme;
  /** Standalone only: exchange a username and password for a token. */
  signIn: (username: string, password: string) => Promise<void>;
  signOut: () => void;
  /** Ask the Dashboard to go to one of its paths (e.g. `/orders/<id>`); false when standalone. */
  dashboardRedirect: (to: string) => boolean;
  /** The App's id in Saleor, when embedded. */
  appId: string | null;
  /** Tell the Dashboard the app's own route changed (its URL then deep-links here). */
  notifyRoute: (path: string) => void;
  /** Ask the Dashboard to fit a widget's frame to its content (Dashboards with widgets). */
  resizeWidget: (height: number) => void;
}

const TOKEN_KEY = "saleor-support-desk.token";
const REFRESH_KEY = "saleor-support-desk.refresh";
const LOCALE_KEY = "saleor-support-desk.locale";

/** Inside Saleor's Dashboard iframe: the Dashboard passes the App id and API URL as query params. */
export function detectMode(win: Window = window): Mode {
  const params = new URLSearchParams(win.location.search);
  const framed = win.parent !== win;
  return framed && params.has("id") && (params.has("saleorApiUrl") || params.has("domain"))
    ? "dashboard"
    : "standalone";
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) {
    throw new Error("useSession outside SessionProvider");
  }
  return session;
}

/**
 * The bridge to the Dashboard. Made before React renders: the Dashboard sends its handshake
 * (with the token) as soon as the iframe has loaded.
 */
export function createBridge(mode: Mode): AppBridge | null {
  return mode === "dashboard" ? new AppBridge({ autoNotifyReady: true }) : null;
}

export function SessionProvider({
  config,
  mode,
  bridge = null,
  children,
}: {
  config: DeskConfig;
  mode: Mode;
  bridge?: AppBridge | null;
  children: ReactNode;
}) {
  const dashboardBridge = useMemo(
    () => (mode === "dashboard" ? (bridge ?? new AppBridge({ autoNotifyReady: true })) : null),
    [mode, bridge],
  );
  return dashboardBridge ? (
    <DashboardSession config={config} bridge={dashboardBridge}>
      {children}
    </DashboardSession>
  ) : (
    <StandaloneSession config={config}>{children}</StandaloneSession>
  );
}

function useTokenClient(
  apiUrl: string,
  token: string | null,
  onUnauthenticated: () => void,
  refresh?: () => Promise<string | null>,
): Request {
  const tokenRef = useRef(token);
  tokenRef.current = token;
  const unauthenticatedRef = useRef(onUnauthenticated);
  unauthenticatedRef.current = onUnauthenticated;
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;
  return useMemo(() => {
    const base = createClient(apiUrl, () => tokenRef.current);
    const request: Request = async (query, variables) => {
      try {
        return await base(query, variables);
      } catch (error) {
        if (!(error instanceof ApiError) || error.kind !== "unauthenticated") {
          throw error;
        }
        // An expired short-lived token (Saleor's last 5 minutes): refresh once and retry.
        const fresh = refreshRef.current ? await refreshRef.current() : null;
        if (fresh) {
          tokenRef.current = fresh;
          return base(query, variables);
        }
        unauthenticatedRef.current();
        throw error;
      }
    };
    return request;
  }, [apiUrl]);
}

function readStorage(storage: Storage | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function writeStorage(storage: Storage | undefined, key: string, value: string | null): void {
  try {
    if (value === null) {
      storage?.removeItem(key);
    } else {
      storage?.setItem(key, value);
    }
  } catch {
    // Storage may be disabled (private mode, sandboxed iframe): the session lasts the page.
  }
}

function StandaloneSession({ config, children }: { config: DeskConfig; children: ReactNode }) {
  const [token, setToken] = useState<string | null>(() =>
    readStorage(window.sessionStorage, TOKEN_KEY),
  );
  const [locale, setLocaleState] = useState<Locale>(
    () =>
      resolveLocale(new URLSearchParams(window.location.search).get("locale")) ??
      resolveLocale(readStorage(window.localStorage, LOCALE_KEY)) ??
      browserLocale(),
  );
  const theme: Theme = window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";

  const signOut = useCallback(() => {
    writeStorage(window.sessionStorage, TOKEN_KEY, null);
    writeStorage(window.sessionStorage, REFRESH_KEY, null);
    setToken(null);
  }, []);
  const refresh = useCallback(async () => {
    const refreshToken = readStorage(window.sessionStorage, REFRESH_KEY);
    if (!config.saleorApiUrl || !refreshToken) return null;
    const fresh = await saleorRefresh(config.saleorApiUrl, refreshToken).catch(() => null);
    if (fresh) {
      writeStorage(window.sessionStorage, TOKEN_KEY, fresh);
      setToken(fresh);
    }
    return fresh;
  }, [config.saleorApiUrl]);
  const request = useTokenClient(config.apiUrl, token, signOut, refresh);

  const signIn = useCallback(
    async (username: string, password: string) => {
      if (!config.loginUrl && config.saleorApiUrl) {
        const tokens = await saleorSignIn(config.saleorApiUrl, username, password);
        writeStorage(window.sessionStorage, REFRESH_KEY, tokens.refreshToken);
        writeStorage(window.sessionStorage, TOKEN_KEY, tokens.token);
        setToken(tokens.token);
        return;
      }
      if (!config.loginUrl) {
        throw new ApiError("unauthenticated", "No sign-in here.");
      }
      let response: Response;
      try {
        response = await fetch(config.loginUrl, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ username, password }),
          credentials: "same-origin",
        });
      } catch {
        throw new ApiError("network", "The desk could not be reached.");
      }
      if (response.status >= 500) {
        throw new ApiError("server", `The desk answered ${response.status}.`);
      }
      const body = (await response.json().catch(() => ({}))) as { token?: string; error?: string };
      if (!response.ok || !body.token) {
        throw new ApiError("unauthenticated", body.error ?? "Sign-in refused.");
      }
      writeStorage(window.sessionStorage, TOKEN_KEY, body.token);
      setToken(body.token);
    },
    [config.loginUrl, config.saleorApiUrl],
  );

  const setLocale = useCallback((next: Locale) => {
    writeStorage(window.localStorage, LOCALE_KEY, next);
    setLocaleState(next);
  }, []);

  const value = useMemo<Session>(
    () => ({
      mode: "standalone",
      config,
      token,
      ready: token !== null,
      request,
      locale,
      setLocale,
      theme,
      signIn,
      signOut,
      dashboardRedirect: () => false,
      appId: null,
      notifyRoute: () => undefined,
      resizeWidget: () => undefined,
    }),
    [config, token, request, locale, setLocale, theme, signIn, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

function DashboardSession({
  config,
  bridge,
  children,
}: {
  config: DeskConfig;
  bridge: AppBridge;
  children: ReactNode;
}) {
  const [state, setState] = useState<AppBridgeState>(() => bridge.getState());

  useEffect(() => {
    const update = () => setState({ ...bridge.getState() });
    const unsubscribers = (["handshake", "tokenRefresh", "theme", "localeChanged"] as const).map(
      (event) => bridge.subscribe(event, update),
    );
    update();
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, [bridge]);

  const token = state.token ?? null;
  // A refused token is refreshed by the Dashboard (tokenRefresh); nothing to clear here.
  const request = useTokenClient(config.apiUrl, token, () => undefined);
  const locale = resolveLocale(state.locale) ?? "en";

  const dashboardRedirect = useCallback(
    (to: string) => {
      void bridge.dispatch(actions.Redirect({ to }));
      return true;
    },
    [bridge],
  );

  const notifyRoute = useCallback(
    (path: string) => {
      void bridge.dispatch(actions.UpdateRouting({ newRoute: path }));
    },
    [bridge],
  );

  const resizeWidget = useCallback(
    (height: number) => {
      void bridge.dispatch(actions.WidgetResize({ height }));
    },
    [bridge],
  );

  const value = useMemo<Session>(
    () => ({
      mode: "dashboard",
      config,
      token,
      ready: token !== null,
      request,
      locale,
      setLocale: () => undefined,
      theme: state.theme === "dark" ? "dark" : "light",
      signIn: async () => undefined,
      signOut: () => undefined,
      dashboardRedirect,
      appId: state.id || null,
      notifyRoute,
      resizeWidget,
    }),
    [config, token, request, locale, state.theme, state.id, dashboardRedirect, notifyRoute, resizeWidget],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
