import { Text } from "@saleor/macaw-ui";

import { nodes, type Message, type TicketDetail } from "../../api/types";
import { useI18n } from "../../i18n";
import { useSplit } from "./SplitAction";

function kindOf(message: Message): "customer" | "agent" | "system" | "note" {
  if (message.isInternal) return "note";
  if (message.authorType === "CUSTOMER") return "customer";
  if (message.authorType === "SYSTEM") return "system";
  return "agent";
}

export function Conversation({
  ticket,
  reload,
}: {
  ticket: TicketDetail;
  /** Given, messages can be split into new tickets; fetches the ticket again, never throws. */
  reload?: () => Promise<TicketDetail | null>;
}) {
  const { t, dateTime } = useI18n();
  const messages = nodes(ticket.messages);
  const split = useSplit(ticket, reload);
  return (
    <section className="desk-conversation" aria-labelledby="desk-conversation-title">
      <Text as="h2" size={6} fontWeight="bold" id="desk-conversation-title">
        {t("ticket.conversation")}
      </Text>
      {messages.length === 0 ? <Text as="p">{t("ticket.noMessages")}</Text> : null}
      {split.notice}
      <ol className="desk-messages">
        {messages.map((message) => {
          const kind = kindOf(message);
          const author =
            kind === "customer"
              ? ticket.customerName || ticket.customerEmail || t("author.CUSTOMER")
              : message.author?.email ?? t(`author.${message.authorType}`);
          return (
            <li key={message.id} className={`desk-message desk-message-${kind}`} data-kind={kind}>
              <div className="desk-message-head">
                <span className="desk-message-author">
                  {kind === "note" ? (
                    <span className="desk-note-label">{t("ticket.internalNote")} · </span>
                  ) : (
                    <span className="desk-visually-hidden">{t(`author.${message.authorType}`)}: </span>
                  )}
                  <bdi>{author}</bdi>
                </span>
                <time dateTime={message.createdAt}>{dateTime(message.createdAt)}</time>
                {split.actionFor(message)}
              </div>
              {/* Bodies are HTML the desk already cleaned (p, br, strong, em, lists, links, code). */}
              <div className="desk-message-body" dir="auto" dangerouslySetInnerHTML={{ __html: message.body }} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
