import { Text } from "@saleor/macaw-ui";
import { useEffect, useState } from "react";

import { TICKET_LIST } from "../../api/operations";
import { nodes, type Connection, type TicketRow, type TicketDetail } from "../../api/types";
import { ErrorState, Panel, StatusBadge } from "../../components/common";
import { useI18n } from "../../i18n";
import { ticketPath, useRouter } from "../../router";
import { useSession } from "../../session";

export function CustomerPanel({ ticket }: { ticket: TicketDetail }) {
  const { request } = useSession();
  const { t, date } = useI18n();
  const { navigate, href } = useRouter();
  const [others, setOthers] = useState<TicketRow[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const email = ticket.isAnonymised ? "" : ticket.customerEmail;

  useEffect(() => {
    if (!email) {
      setOthers([]);
      return;
    }
    let live = true;
    setError(null);
    request<{ supportTickets: Connection<TicketRow> | null }>(TICKET_LIST, {
      first: 10,
      filter: { customerEmail: email },
      sortBy: { field: "CREATED", direction: "DESC" },
    }).then(
      (data) => live && setOthers(nodes(data.supportTickets).filter((row) => row.id !== ticket.id)),
      (caught: unknown) => live && setError(caught),
    );
    return () => {
      live = false;
    };
  }, [request, email, ticket.id, attempt]);

  return (
    <Panel title={t("customer.title")}>
      {ticket.isAnonymised ? (
        <Text as="p">{t("customer.anonymised")}</Text>
      ) : (
        <dl className="desk-facts">
          <dt className="desk-visually-hidden">{t("customer.title")}</dt>
          <dd>{ticket.customerName || t("customer.unknown")}</dd>
          {ticket.customerEmail ? (
            <>
              <dt className="desk-visually-hidden">E-mail</dt>
              <dd>
                <a href={`mailto:${ticket.customerEmail}`}>{ticket.customerEmail}</a>
              </dd>
            </>
          ) : null}
        </dl>
      )}
      <Text as="h3" size={4} fontWeight="bold">
        {t("customer.otherTickets")}
      </Text>
      {error ? (
        <ErrorState error={error} onRetry={() => setAttempt((n) => n + 1)} />
      ) : others === null ? null : others.length === 0 ? (
        <Text as="p" className="desk-muted">
          {t("customer.noOther")}
        </Text>
      ) : (
        <ul className="desk-other-tickets">
          {others.map((row) => (
            <li key={row.id}>
              <a
                href={href(ticketPath(row.id))}
                onClick={(event) => {
                  event.preventDefault();
                  navigate(ticketPath(row.id));
                }}
              >
                #{row.number} {row.subject}
              </a>{" "}
              <StatusBadge status={row.status} label={t(`status.${row.status}`)} />{" "}
              <span className="desk-muted">{date(row.updatedAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
