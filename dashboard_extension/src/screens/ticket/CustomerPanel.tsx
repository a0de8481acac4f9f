import { Text } from "@saleor/macaw-ui";
import { useEffect, useState } from "react";

import { TICKET_LIST } from "../../api/operations";
import {
  nodes,
  type Connection,
  type CustomerSatisfaction,
  type SurveyAnswer,
  type TicketRow,
  type TicketDetail,
} from "../../api/types";
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
      {ticket.surveyAnswers?.length ? (
        <>
          <Text as="h3" size={4} fontWeight="bold">
            {t("surveys.thisTicket")}
          </Text>
          <AnswerList answers={ticket.surveyAnswers} linkTickets={false} />
        </>
      ) : null}
      {ticket.customerSatisfaction ? <Satisfaction satisfaction={ticket.customerSatisfaction} /> : null}
    </Panel>
  );
}

/** What the customer answered in earlier surveys: CSAT shares, latest NPS, latest answers. */
function Satisfaction({ satisfaction }: { satisfaction: CustomerSatisfaction }) {
  const { t, number } = useI18n();
  const percent = (value: number | null) =>
    value === null ? t("surveys.notAnswered") : t("surveys.percent", { value });
  return (
    <>
      <Text as="h3" size={4} fontWeight="bold">
        {t("surveys.title")}
      </Text>
      {satisfaction.responses === 0 ? (
        <Text as="p" className="desk-muted">
          {t("surveys.none")}
        </Text>
      ) : (
        <>
          <dl className="desk-facts">
            <dt>{t("surveys.csatAgent")}</dt>
            <dd>{percent(satisfaction.csatAgent)}</dd>
            <dt>{t("surveys.csatResolution")}</dt>
            <dd>{percent(satisfaction.csatResolution)}</dd>
            <dt>{t("surveys.latestNps")}</dt>
            <dd>
              {satisfaction.nps ? (
                <>
                  {t("surveys.score", { score: satisfaction.nps.latestScore, max: 10 })}{" "}
                  <span className="desk-muted">{t("surveys.npsAnswers", { count: satisfaction.nps.count })}</span>
                </>
              ) : (
                t("surveys.notAnswered")
              )}
            </dd>
            <dt>{t("surveys.responses")}</dt>
            <dd>{number(satisfaction.responses)}</dd>
          </dl>
          <Text as="h4" size={3} fontWeight="bold">
            {t("surveys.recent")}
          </Text>
          <AnswerList answers={satisfaction.recent} linkTickets />
        </>
      )}
    </>
  );
}

function AnswerList({ answers, linkTickets }: { answers: SurveyAnswer[]; linkTickets: boolean }) {
  const { t, date } = useI18n();
  const { navigate, href } = useRouter();
  return (
    <ul className="desk-other-tickets">
      {answers.map((answer) => (
        <li key={`${answer.ticketId}-${answer.question}`}>
          <span>
            <strong>{t(`surveys.question.${answer.question}`)}</strong>{" "}
            {t("surveys.score", { score: answer.score, max: answer.scaleMax })}
            {linkTickets ? (
              <>
                {" · "}
                <a
                  href={href(ticketPath(answer.ticketId))}
                  aria-label={t("surveys.openTicket", { number: String(answer.ticketNumber) })}
                  onClick={(event) => {
                    event.preventDefault();
                    navigate(ticketPath(answer.ticketId));
                  }}
                >
                  #{answer.ticketNumber}
                </a>
              </>
            ) : null}{" "}
            <span className="desk-muted">{date(answer.createdAt)}</span>
          </span>
          {answer.comment ? (
            <div className="desk-message-body desk-muted" dir="auto" dangerouslySetInnerHTML={{ __html: answer.comment }} />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
