import { Text } from "@saleor/macaw-ui";
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";

import { TICKET_LIST } from "../api/operations";
import { nodes, type Connection, type TicketRow } from "../api/types";
import { ErrorState, Loading, StatusBadge } from "../components/common";
import { useI18n } from "../i18n";
import { ticketPath, useRouter } from "../router";
import { useSession } from "../session";

/**
 * Where Dashboards since 3.21 show an App's page at `subPath` (the Dashboard's
 * `resolveAppDeepPath`): the App's id is encoded as one path segment.
 */
export function dashboardAppPath(appId: string, subPath: string): string {
  return `/extensions/app/${encodeURIComponent(appId)}/${subPath.replace(/^\/+/, "")}`;
}

/** The widget on Saleor's order page (ORDER_DETAILS_WIDGETS): that order's tickets. */
export function OrderWidget({ orderId }: { orderId: string | null }) {
  const { request, appId, dashboardRedirect, mode, resizeWidget } = useSession();
  const { t } = useI18n();
  const { navigate, href } = useRouter();
  const [rows, setRows] = useState<TicketRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!orderId) return;
    let live = true;
    setError(null);
    request<{ supportTickets: Connection<TicketRow> | null }>(TICKET_LIST, {
      first: 20,
      filter: { order: orderId },
      sortBy: { field: "CREATED", direction: "DESC" },
    }).then(
      (data) => live && setRows(nodes(data.supportTickets)),
      (caught: unknown) => live && setError(caught),
    );
    return () => {
      live = false;
    };
  }, [request, orderId, attempt]);

  const open = (row: TicketRow) => {
    if (mode === "dashboard" && appId) {
      // The App's page in the Dashboard, deep-linked to the ticket.
      dashboardRedirect(dashboardAppPath(appId, ticketPath(row.id)));
    } else {
      navigate(ticketPath(row.id));
    }
  };

  let content: ReactNode;
  if (!orderId) {
    content = <Text as="p">{t("widget.noOrder")}</Text>;
  } else if (error) {
    content = <ErrorState error={error} onRetry={() => setAttempt((n) => n + 1)} />;
  } else if (rows === null) {
    content = <Loading />;
  } else if (rows.length === 0) {
    content = <Text as="p">{t("widget.none")}</Text>;
  } else {
    content = (
      <ul>
        {rows.map((row) => (
          <li key={row.id} className="desk-widget-row">
            <a
              href={href(ticketPath(row.id))}
              aria-label={t("widget.open", { number: String(row.number) })}
              onClick={(event) => {
                event.preventDefault();
                open(row);
              }}
            >
              #{row.number}
            </a>
            <bdi className="desk-widget-subject" dir="auto" title={row.subject}>
              {row.subject}
            </bdi>
            <StatusBadge status={row.status} label={t(`status.${row.status}`)} />
          </li>
        ))}
      </ul>
    );
  }

  return (
    <WidgetFrame label={t("widget.title")} onResize={resizeWidget}>
      {content}
    </WidgetFrame>
  );
}

/**
 * The widget's content, measured: the Dashboard sizes the widget's frame to the height
 * reported here, and keeps it in step as the content grows or shrinks. The document's own
 * height cannot be used: it never gets smaller than the frame.
 *
 * Measured after every render, and by a ResizeObserver for changes no render makes (fonts,
 * a narrower column). Browsers pause observers in a frame that is out of view, as a widget
 * low on the order page is: the measure after each render still sizes it meanwhile.
 */
function WidgetFrame({
  label,
  onResize,
  children,
}: {
  label: string;
  onResize: (height: number) => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLElement>(null);
  const reported = useRef<number | null>(null);
  const onResizeRef = useRef(onResize);
  onResizeRef.current = onResize;

  const report = useCallback((height: number) => {
    const rounded = Math.ceil(height);
    // Zero: not laid out (yet); the Dashboard keeps its default height then.
    if (rounded <= 0 || rounded === reported.current) return;
    reported.current = rounded;
    onResizeRef.current(rounded);
  }, []);

  useLayoutEffect(() => {
    if (ref.current) report(ref.current.getBoundingClientRect().height);
  });

  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (!entry) return;
      report(entry.borderBoxSize?.[0]?.blockSize ?? entry.target.getBoundingClientRect().height);
    });
    observer.observe(element, { box: "border-box" });
    return () => observer.disconnect();
  }, [report]);

  return (
    <section ref={ref} className="desk-widget" aria-label={label}>
      {children}
    </section>
  );
}
