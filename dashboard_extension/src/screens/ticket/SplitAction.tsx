import { Button, Input, Text } from "@saleor/macaw-ui";
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";

import { TICKET_SPLIT } from "../../api/operationsTicketActions";
import { nodes, type Message, type TicketDetail } from "../../api/types";
import { isWorkable, type TicketSplitResult } from "../../api/typesTicketActions";
import { Dialog } from "../../components/Dialog";
import { ErrorState } from "../../components/common";
import { useI18n } from "../../i18n";
import { ticketPath, useRouter } from "../../router";
import { useSession } from "../../session";
import { useActionErrorText } from "./ActionConflictNote";
import { useTicketAction } from "./useTicketAction";

interface NewTicket {
  id: string;
  number: number;
}

const NOTICE_ID = "desk-split-notice";
const MAX_SUBJECT = 255;

function excerpt(html: string): string {
  const text = new DOMParser().parseFromString(html, "text/html").body.textContent ?? "";
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 160 ? `${flat.slice(0, 159)}…` : flat;
}

function SplitDialog({
  ticket,
  message,
  reload,
  onClose,
  onDone,
}: {
  ticket: TicketDetail;
  message: Message;
  reload: () => Promise<TicketDetail | null>;
  onClose: () => void;
  onDone: (created: NewTicket) => void;
}) {
  const { t } = useI18n();
  const { request } = useSession();
  const errorText = useActionErrorText();
  const action = useTicketAction(reload);
  const [subject, setSubject] = useState(ticket.subject);
  const [missing, setMissing] = useState(false);
  const subjectErrorId = useId();

  const send = () => {
    const text = subject.trim();
    if (!text) {
      setMissing(true);
      return;
    }
    setMissing(false);
    void action.run(
      ticket,
      async () => {
        const data = await request<{ supportTicketSplit: TicketSplitResult | null }>(TICKET_SPLIT, {
          messageId: message.id,
          subject: text,
        });
        return { errors: data.supportTicketSplit?.errors ?? [], value: data.supportTicketSplit?.ticket ?? null };
      },
      (created) => created && onDone(created),
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };

  const subjectError = missing
    ? t("actions.split.subjectRequired")
    : action.errors.subject
      ? errorText(action.errors.subject)
      : null;
  const general = Object.entries(action.errors)
    .filter(([field]) => field !== "subject")
    .map(([field, error]) =>
      field === "messageId" && error.code === "INVALID" ? t("actions.split.onlyMessage") : errorText(error),
    );

  return (
    <Dialog
      title={t("actions.split.title")}
      onClose={onClose}
      fallbackFocus={() => document.getElementById(NOTICE_ID) ?? document.getElementById("desk-conversation-title")}
      description={<Text as="p">{t("actions.split.explain")}</Text>}
    >
      <blockquote className="desk-split-quote" dir="auto">
        {excerpt(message.body)}
      </blockquote>
      <form className="desk-dialog-form" onSubmit={submit} noValidate>
        <Input
          role="textbox"
          label={t("actions.split.subject")}
          value={subject}
          maxLength={MAX_SUBJECT}
          required
          error={subjectError !== null}
          aria-invalid={subjectError ? true : undefined}
          aria-describedby={subjectError ? subjectErrorId : undefined}
          onChange={(event) => setSubject(event.target.value)}
        />
        {subjectError ? (
          <Text as="p" id={subjectErrorId} className="desk-field-error" role="alert">
            {subjectError}
          </Text>
        ) : null}
        {general.map((text) => (
          <Text as="p" key={text} className="desk-field-error" role="alert">
            {text}
          </Text>
        ))}
        {action.failure ? <ErrorState error={action.failure} onRetry={send} /> : null}
        <div className="desk-dialog-actions">
          <Button type="button" variant="secondary" onClick={onClose}>
            {t("actions.cancel")}
          </Button>
          <Button type="submit" variant="primary" disabled={action.busy}>
            {t("actions.split.submit")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** A message's menu (one item: split it out), opened with its button, closed by Esc or leaving it. */
function SplitMenu({ onSplit }: { onSplit: () => void }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const item = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (open) item.current?.focus();
  }, [open]);

  return (
    <div
      className="desk-message-menu"
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="desk-message-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={t("actions.message.menu")}
        onClick={() => setOpen((value) => !value)}
      >
        ⋯
      </button>
      {open ? (
        <div role="menu" id={menuId} className="desk-message-menu-list" aria-label={t("actions.message.menu")}>
          <button
            ref={item}
            type="button"
            role="menuitem"
            onClick={() => {
              setOpen(false);
              onSplit();
            }}
          >
            {t("actions.split")}
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** Where the new ticket is, after a split. */
function SplitNotice({ created, onDismiss }: { created: NewTicket; onDismiss: () => void }) {
  const { t } = useI18n();
  const { href, navigate } = useRouter();
  const path = ticketPath(created.id);
  return (
    <div id={NOTICE_ID} className="desk-split-notice" role="status" tabIndex={-1}>
      <Text as="p">{t("actions.split.done", { number: String(created.number) })}</Text>
      <a
        href={href(path)}
        onClick={(event) => {
          event.preventDefault();
          navigate(path);
        }}
      >
        {t("actions.split.open", { number: String(created.number) })}
      </a>
      <Button variant="tertiary" size="small" onClick={onDismiss}>
        {t("actions.split.dismiss")}
      </Button>
    </div>
  );
}

/**
 * Splitting messages out of the conversation: `actionFor(message)` is the message's menu
 * (customer and agent messages and internal notes of an active ticket that keeps another
 * message), `notice` the link to the last new ticket.
 */
export function useSplit(
  ticket: TicketDetail,
  reload: (() => Promise<TicketDetail | null>) | undefined,
): { notice: ReactNode; actionFor: (message: Message) => ReactNode } {
  const [splitting, setSplitting] = useState<Message | null>(null);
  const [created, setCreated] = useState<NewTicket | null>(null);
  const splittable = reload !== undefined && isWorkable(ticket) && nodes(ticket.messages).length > 1;
  const dialog =
    splitting && reload ? (
      <SplitDialog
        ticket={ticket}
        message={splitting}
        reload={reload}
        onClose={() => setSplitting(null)}
        onDone={(next) => {
          setCreated(next);
          setSplitting(null);
        }}
      />
    ) : null;
  return {
    notice: (
      <>
        {created ? <SplitNotice created={created} onDismiss={() => setCreated(null)} /> : null}
        {dialog}
      </>
    ),
    actionFor: (message) =>
      splittable && message.authorType !== "SYSTEM" ? <SplitMenu onSplit={() => setSplitting(message)} /> : null,
  };
}
