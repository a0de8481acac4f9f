/** A tiny path router below the app's base path (`/app/` or `/plugins/global/<id>/app/`). */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";

export type Route =
  | { name: "inbox"; params: URLSearchParams }
  | { name: "ticket"; id: string }
  | { name: "orderWidget"; orderId: string | null }
  | { name: "settings"; section: string | null }
  | { name: "notFound" };

export function parseRoute(basePath: string, pathname: string, search: string): Route {
  const base = basePath.endsWith("/") ? basePath : `${basePath}/`;
  let rest: string;
  if (pathname === base.slice(0, -1) || pathname === base) {
    rest = "";
  } else if (pathname.startsWith(base)) {
    rest = pathname.slice(base.length).replace(/\/+$/, "");
  } else {
    return { name: "notFound" };
  }
  const params = new URLSearchParams(search);
  if (rest === "") {
    return { name: "inbox", params };
  }
  const ticket = /^tickets\/([^/]+)$/.exec(rest);
  if (ticket?.[1]) {
    return { name: "ticket", id: decodeURIComponent(ticket[1]) };
  }
  if (rest === "settings") {
    return { name: "settings", section: null };
  }
  const settings = /^settings\/([a-z-]+)$/.exec(rest);
  if (settings?.[1]) {
    return { name: "settings", section: settings[1] };
  }
  if (rest === "widgets/order") {
    return { name: "orderWidget", orderId: params.get("orderId") };
  }
  return { name: "notFound" };
}

export function ticketPath(id: string): string {
  return `tickets/${encodeURIComponent(id)}`;
}

const INBOX_KEY = "saleor-support-desk.inbox";

/**
 * The inbox as the agent last left it (view, filters, search), kept for the browser tab: a
 * ticket opened from the order page's widget loads the app afresh in the Dashboard, and its
 * "Back to inbox" still returns to that view. Storage may be refused (sandboxed frame): then
 * the router keeps it for as long as the page lives.
 */
function readLastInbox(): string {
  try {
    const stored = window.sessionStorage.getItem(INBOX_KEY);
    return stored?.startsWith("?") ? stored : "";
  } catch {
    return "";
  }
}

function writeLastInbox(search: string): void {
  try {
    window.sessionStorage.setItem(INBOX_KEY, search);
  } catch {
    // Kept in the router's state only.
  }
}

interface RouterValue {
  route: Route;
  /** Go to a path relative to the base (`""`, `tickets/<id>`, `?view=mine`). */
  navigate: (relative: string, options?: { replace?: boolean }) => void;
  href: (relative: string) => string;
  /** The inbox as the agent last left it, relative to the base (`""` or `?view=…&q=…`). */
  inbox: string;
}

const RouterContext = createContext<RouterValue | null>(null);

export function useRouter(): RouterValue {
  const value = useContext(RouterContext);
  if (!value) {
    throw new Error("useRouter outside Router");
  }
  return value;
}

export function Router({
  basePath,
  onNavigate,
  children,
}: {
  basePath: string;
  /** Called with the new path below the base (e.g. `/tickets/<id>`) after each navigation. */
  onNavigate?: (path: string) => void;
  children: ReactNode;
}) {
  const [location, setLocation] = useState(() => ({
    pathname: window.location.pathname,
    search: window.location.search,
  }));
  const [inbox, setInbox] = useState(() => {
    // An inbox address of the app's own (it always names the view) opened directly, as on
    // reload; the Dashboard's first address carries only its own parameters.
    const { pathname, search } = window.location;
    const route = parseRoute(basePath, pathname, search);
    return route.name === "inbox" && route.params.has("view") ? search : readLastInbox();
  });

  useEffect(() => writeLastInbox(inbox), [inbox]);

  useEffect(() => {
    const onPop = () =>
      setLocation({ pathname: window.location.pathname, search: window.location.search });
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  const href = useCallback(
    (relative: string) => `${basePath.endsWith("/") ? basePath : `${basePath}/`}${relative}`,
    [basePath],
  );

  const navigate = useCallback(
    (relative: string, options?: { replace?: boolean }) => {
      const url = new URL(href(relative), window.location.origin);
      if (options?.replace) {
        window.history.replaceState(null, "", url);
      } else {
        window.history.pushState(null, "", url);
        if (typeof window.scrollTo === "function" && !navigator.userAgent.includes("jsdom")) window.scrollTo(0, 0);
      }
      setLocation({ pathname: url.pathname, search: url.search });
      if (parseRoute(basePath, url.pathname, url.search).name === "inbox") setInbox(url.search);
      onNavigate?.(`/${relative.split("?")[0] ?? ""}`);
    },
    [basePath, href, onNavigate],
  );

  const value = useMemo<RouterValue>(
    () => ({ route: parseRoute(basePath, location.pathname, location.search), navigate, href, inbox }),
    [basePath, location, navigate, href, inbox],
  );
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}
