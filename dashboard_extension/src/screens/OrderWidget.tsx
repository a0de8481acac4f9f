import { Button, Text } from "@saleor/macaw-ui";
import { useEffect, useState } from "react";

import { TICKET_LIST } from "../api/operations";
import { nodes, type Connection, type TicketRow } from "../api/types";
import { ErrorState, Loading, StatusBadge } from "../components/common";
import { useI18n } from "../i18n";
import { ticketPath, useRouter } from "../router";
import { useSession } from "../session";

/** The widget on Saleor's order page (ORDER_DETAILS_WIDGETS): that order's tickets. */
export function OrderWidget({ orderId }: { orderId: string | null }) {
  const { request, appId, dashboardRedirect, mode, resizeWidget } = useSession();
  const { t, date } = useI18n();
  const { navigate } = useRouter();
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

  // The Dashboard sizes the widget's frame to what it shows.
  useEffect(() => {
    if (rows !== null || error) resizeWidget(document.documentElement.scrollHeight);
  }, [rows, error, resizeWidget]);

  const open = (row: TicketRow) => {
    if (mode === "dashboard" && appId) {
      // The App's page in the Dashboard, deep-linked to the ticket.
      dashboardRedirect(`/apps/${appId}/app/${ticketPath(row.id)}`);
    } else {
      navigate(ticketPath(row.id));
    }
  };

  if (!orderId) return <Text as="p">{t("widget.noOrder")}</Text>;
  if (error) return <ErrorState error={error} onRetry={() => setAttempt((n) => n + 1)} />;
  if (rows === null) return <Loading />;
  return (
    <section className="desk-widget" aria-label={t("widget.title")}>
      {rows.length === 0 ? <Text as="p">{t("widget.none")}</Text> : null}
      <ul>
        {rows.map((row) => (
          <li key={row.id} className="desk-widget-row">
            <span>
              <strong>#{row.number}</strong> {row.subject}
              <br />
              <StatusBadge status={row.status} label={t(`status.${row.status}`)} />{" "}
              <span className="desk-muted">{date(row.updatedAt)}</span>
            </span>
            <Button variant="secondary" size="small" onClick={() => open(row)}>
              {t("widget.open", { number: String(row.number) })}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
