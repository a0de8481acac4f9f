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

interface RouterValue {
  route: Route;
  /** Go to a path relative to the base (`""`, `tickets/<id>`, `?view=mine`). */
  navigate: (relative: string, options?: { replace?: boolean }) => void;
  href: (relative: string) => string;
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
      onNavigate?.(`/${relative.split("?")[0] ?? ""}`);
    },
    [href, onNavigate],
  );

  const value = useMemo<RouterValue>(
    () => ({ route: parseRoute(basePath, location.pathname, location.search), navigate, href }),
    [basePath, location, navigate, href],
  );
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}
