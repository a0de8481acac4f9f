import { nodes, type TicketDetail } from "../../api/types";
import { Panel } from "../../components/common";
import { useI18n, type MessageKey, type Translate } from "../../i18n";

const KNOWN = new Set([
  "OPENED",
  "MESSAGE_ADDED",
  "NOTE_ADDED",
  "STATUS_CHANGED",
  "PRIORITY_CHANGED",
  "CATEGORY_CHANGED",
  "TAGS_CHANGED",
  "ASSIGNED",
  "STORE_EVENT",
  "CUSTOMER_ANONYMISED",
  "ACCESS_REVOKED",
  "RETURN_REQUESTED",
  "RETURN_DECIDED",
  "TEAM_CHANGED",
  "ESCALATED",
  "DE_ESCALATED",
  "MERGED",
  "MERGED_INTO",
  "SPLIT",
  "SPLIT_FROM",
  "SLA_POLICY_APPLIED",
  "SLA_WARNING",
  "SLA_BREACHED",
  "SLA_LEAD_NOTIFIED",
  "SLA_ACTION_FAILED",
  "SUBJECT_CHANGED",
  "SURVEY_ANSWERED",
]);

const tierLabel = (value: unknown) => (typeof value === "number" ? `L${value}` : "");
const ticketNumber = (value: unknown) => (typeof value === "number" ? `#${value}` : "");

function detail(t: Translate, type: string, raw: string): string {
  let parameters: Record<string, unknown> = {};
  try {
    const value: unknown = JSON.parse(raw);
    const parsed = typeof value === "string" ? (JSON.parse(value) as unknown) : value;
    if (parsed && typeof parsed === "object") parameters = parsed as Record<string, unknown>;
  } catch {
    return "";
  }
  const from = parameters.old ?? parameters.from;
  const to = parameters.new ?? parameters.to;
  if (type === "STATUS_CHANGED" && typeof to === "string") {
    const label = (value: unknown) => (typeof value === "string" ? t(`status.${value.toUpperCase()}` as MessageKey) : "");
    return `${label(from)} → ${label(to)}`;
  }
  if (type === "PRIORITY_CHANGED" && typeof to === "string") {
    const label = (value: unknown) => (typeof value === "string" ? t(`priority.${value.toUpperCase()}` as MessageKey) : "");
    return `${label(from)} → ${label(to)}`;
  }
  if (type === "TAGS_CHANGED") {
    const list = (value: unknown) => (Array.isArray(value) ? value.filter((v) => typeof v === "string") : []);
    return [...list(parameters.added).map((tag) => `+${tag}`), ...list(parameters.removed).map((tag) => `−${tag}`)].join(" ");
  }
  if ((type === "ESCALATED" || type === "DE_ESCALATED") && typeof parameters.new_tier === "number") {
    return `${tierLabel(parameters.old_tier)} → ${tierLabel(parameters.new_tier)}`;
  }
  if (type === "TEAM_CHANGED" && typeof parameters.new_tier === "number") {
    return `${tierLabel(parameters.old_tier)} → ${tierLabel(parameters.new_tier)}`;
  }
  if (type === "MERGED") return ticketNumber(parameters.source_number);
  if (type === "MERGED_INTO") return ticketNumber(parameters.target_number);
  if (type === "SPLIT") return ticketNumber(parameters.new_number);
  if (type === "SPLIT_FROM") return ticketNumber(parameters.source_number);
  if ((type === "SLA_WARNING" || type === "SLA_BREACHED") && typeof parameters.kind === "string") {
    return t(`sla.kind.${parameters.kind.toUpperCase()}` as MessageKey);
  }
  if (type === "SURVEY_ANSWERED" && Array.isArray(parameters.answers)) {
    return parameters.answers
      .flatMap((answer: unknown) => {
        const { question, score } = (answer ?? {}) as { question?: unknown; score?: unknown };
        if (typeof question !== "string" || typeof score !== "number") return [];
        const max = question === "nps" ? 10 : 5;
        const label = t(`surveys.question.${question.toUpperCase()}` as MessageKey);
        return [`${label} ${t("surveys.score", { score, max })}`];
      })
      .join(", ");
  }
  if (type === "STORE_EVENT" && typeof parameters.kind === "string") {
    return parameters.kind.replace(/_/g, " ");
  }
  if (typeof from === "string" && typeof to === "string") {
    return `${from} → ${to}`;
  }
  return "";
}

export function Timeline({ ticket }: { ticket: TicketDetail }) {
  const { t, dateTime } = useI18n();
  const events = nodes(ticket.events);
  return (
    <Panel title={t("timeline.title")}>
      <details className="desk-timeline">
        <summary>{t("timeline.title")} ({events.length})</summary>
        <ol>
          {events.map((event, index) => {
            const label = KNOWN.has(event.type) ? t(`event.${event.type}` as MessageKey) : t("event.other");
            const extra = detail(t, event.type, event.parameters);
            return (
              <li key={`${event.createdAt}-${index}`}>
                <time dateTime={event.createdAt}>{dateTime(event.createdAt)}</time>{" "}
                <strong>{label}</strong>
                {extra ? ` · ${extra}` : ""}{" "}
                <span className="desk-muted">
                  {event.user ? t("event.by", { who: event.user.email }) : t("event.desk")}
                </span>
              </li>
            );
          })}
        </ol>
        {ticket.events.pageInfo.hasNextPage ? <p className="desk-muted">{t("timeline.more")}</p> : null}
      </details>
    </Panel>
  );
}
