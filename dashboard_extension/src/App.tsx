import type { AppBridge } from "@saleor/app-sdk/app-bridge";
import { Button, Text, ThemeProvider, useTheme } from "@saleor/macaw-ui";
import { Component, lazy, Suspense, useEffect, useState, type ErrorInfo, type ReactNode } from "react";

import { VIEWER } from "./api/operations";
import type { Viewer } from "./api/types";
import { ErrorState, Loading } from "./components/common";
import type { DeskConfig } from "./config";
import { I18nProvider, LOCALES, LOCALE_NAMES, useI18n, type Locale } from "./i18n";
import { Router, useRouter } from "./router";
import { Inbox } from "./screens/Inbox";
import { Login } from "./screens/Login";
import { OrderWidget } from "./screens/OrderWidget";
import { SessionProvider, useSession, type Mode } from "./session";
import { ViewerContext } from "./viewer";

/**
 * The ticket screen is its own chunk: the inbox's first paint compiles less, and the chunk is
 * fetched while the agent looks at the inbox, before the first ticket is opened.
 */
const loadTicket = () => import("./screens/Ticket");
const Ticket = lazy(() => loadTicket().then((module) => ({ default: module.Ticket })));

/** Settings are for leads only: their code loads when first opened, not with the inbox. */
const Settings = lazy(() => import("./screens/settings/Settings").then((module) => ({ default: module.Settings })));

export function App({ config, mode, bridge }: { config: DeskConfig; mode: Mode; bridge?: AppBridge | null }) {
  return (
    <SessionProvider config={config} mode={mode} bridge={bridge ?? null}>
      <Localised>
        <RoutedShell basePath={config.basePath} />
      </Localised>
    </SessionProvider>
  );
}

function RoutedShell({ basePath }: { basePath: string }) {
  const { notifyRoute } = useSession();
  return (
    <Router basePath={basePath} onNavigate={notifyRoute}>
      <CrashGuard>
        <Shell />
      </CrashGuard>
    </Router>
  );
}

function Localised({ children }: { children: ReactNode }) {
  const { locale, theme } = useSession();
  return (
    <I18nProvider locale={locale}>
      <ThemeProvider defaultTheme={theme === "dark" ? "defaultDark" : "defaultLight"}>
        <FollowTheme theme={theme} />
        <Directed>{children}</Directed>
      </ThemeProvider>
    </I18nProvider>
  );
}

/** The Dashboard may switch between light and dark while the app is open. */
function FollowTheme({ theme }: { theme: "light" | "dark" }) {
  const { setTheme } = useTheme();
  useEffect(() => {
    setTheme(theme === "dark" ? "defaultDark" : "defaultLight");
  }, [theme, setTheme]);
  return null;
}

/** Language and direction on the document root, so native controls and scrollbars follow. */
function Directed({ children }: { children: ReactNode }) {
  const { locale, dir, t } = useI18n();
  const { theme } = useSession();
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = dir;
    document.title = t("app.title");
  }, [locale, dir, t]);
  return (
    <div className="desk-root" dir={dir} lang={locale} data-theme={theme}>
      {children}
    </div>
  );
}

function Shell() {
  const session = useSession();
  const { route } = useRouter();
  const { t } = useI18n();
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [viewerError, setViewerError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  const { ready, request } = session;
  useEffect(() => {
    if (!ready) {
      setViewer(null);
      return;
    }
    let live = true;
    setViewerError(null);
    request<{ supportViewer: Viewer }>(VIEWER).then(
      (data) => live && setViewer(data.supportViewer),
      (error: unknown) => live && setViewerError(error),
    );
    return () => {
      live = false;
    };
  }, [ready, request, attempt]);

  useEffect(() => {
    if (!viewer) {
      return;
    }
    const timer = window.setTimeout(() => void loadTicket().catch(() => undefined), 300);
    return () => window.clearTimeout(timer);
  }, [viewer]);

  if (route.name === "orderWidget") {
    return session.ready ? <OrderWidget orderId={route.orderId} /> : <Loading label={t("embedded.connecting")} />;
  }

  let content: ReactNode;
  if (!session.ready) {
    if (session.mode === "dashboard") {
      content = <Loading label={t("embedded.connecting")} />;
    } else if (session.config.loginUrl || session.config.saleorApiUrl) {
      content = <Login />;
    } else {
      content = <Text as="p">{t("embedded.outside")}</Text>;
    }
  } else if (viewerError) {
    content = <ErrorState error={viewerError} onRetry={() => setAttempt((n) => n + 1)} />;
  } else if (viewer && !viewer.permissions.includes("MANAGE_ORDERS")) {
    content = <Text as="p" role="alert">{t("error.forbidden")}</Text>;
  } else if (route.name === "ticket") {
    // The screens load their data beside the viewer's, not after it.
    content = (
      <Suspense fallback={<Loading />}>
        <Ticket id={route.id} />
      </Suspense>
    );
  } else if (route.name === "inbox") {
    content = <Inbox params={route.params} />;
  } else if (route.name === "settings") {
    content = viewer ? (
      <Suspense fallback={<Loading />}>
        <Settings section={route.section} />
      </Suspense>
    ) : (
      <Loading />
    );
  } else {
    content = <Text as="p">{t("error.notFound")}</Text>;
  }

  return (
    <ViewerContext.Provider value={viewer}>
      <div className="desk-app">
        <Header viewer={viewer} />
        <div className="desk-content">{content}</div>
      </div>
    </ViewerContext.Provider>
  );
}

function Header({ viewer }: { viewer: Viewer | null }) {
  const session = useSession();
  const { t } = useI18n();
  const { navigate, href } = useRouter();
  if (session.mode === "dashboard") {
    return <DashboardToolbar viewer={viewer} />;
  }
  return (
    <header className="desk-header">
      <a
        className="desk-brand"
        href={href("")}
        onClick={(event) => {
          event.preventDefault();
          navigate("");
        }}
      >
        {t("app.title")}
      </a>
      <div className="desk-header-tools">
        {viewer?.canManageSettings ? (
          <a
            className="desk-nav-link"
            href={href("settings")}
            onClick={(event) => {
              event.preventDefault();
              navigate("settings");
            }}
          >
            {t("settings.nav")}
          </a>
        ) : null}
        {session.mode === "standalone" ? (
          <label className="desk-locale">
            <span>{t("nav.language")}</span>
            <select
              className="desk-select"
              value={session.locale}
              onChange={(event) => session.setLocale(event.target.value as Locale)}
            >
              {LOCALES.map((locale) => (
                <option key={locale} value={locale} lang={locale}>
                  {LOCALE_NAMES[locale]}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {viewer?.user ? (
          <Text size={2} className="desk-muted">
            {t("nav.signedInAs", { email: viewer.user.email })}
          </Text>
        ) : null}
        {session.mode === "standalone" && session.ready ? (
          <Button variant="tertiary" size="small" onClick={session.signOut}>
            {t("nav.signOut")}
          </Button>
        ) : null}
      </div>
    </header>
  );
}

/**
 * Inside Saleor's Dashboard, under the Dashboard's own header: its name, the signed-in user,
 * the language and signing out come from the Dashboard. What is left is the way between the
 * inbox and the settings, for those who may change them; agents get no toolbar at all.
 */
function DashboardToolbar({ viewer }: { viewer: Viewer | null }) {
  const { t } = useI18n();
  const { navigate, href, route, inbox } = useRouter();
  if (!viewer?.canManageSettings) return null;
  const links = [
    { to: inbox, label: t("nav.inbox"), current: route.name === "inbox" },
    { to: "settings", label: t("settings.nav"), current: route.name === "settings" },
  ];
  return (
    <nav className="desk-header desk-toolbar" aria-label={t("app.title")}>
      {links.map((link) => (
        <a
          key={link.label}
          className="desk-nav-link"
          href={href(link.to)}
          aria-current={link.current ? "page" : undefined}
          onClick={(event) => {
            event.preventDefault();
            navigate(link.to);
          }}
        >
          {link.label}
        </a>
      ))}
    </nav>
  );
}

/** The last line of defence: a rendering error shows a message and a way back, not a blank page. */
class CrashGuard extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error("The workspace failed to render", error, info.componentStack);
  }

  override render() {
    if (this.state.error) {
      return <ErrorState error={this.state.error} onRetry={() => window.location.reload()} />;
    }
    return this.props.children;
  }
}
