import { Text } from "@saleor/macaw-ui";
import { useCallback, useEffect, useRef, useState } from "react";

import { TICKET_ASSIGN, TICKET_DETAIL, TICKET_UPDATE } from "../api/operations";
import { type FieldError, type TicketDetail } from "../api/types";
import { ErrorState, Loading, PriorityBadge, StatusBadge, isTyping } from "../components/common";
import { useI18n } from "../i18n";
import { useRouter } from "../router";
import { useSession } from "../session";
import { useViewer } from "../viewer";
import { Composer } from "./ticket/Composer";
import { ConflictBanner, type Conflict } from "./ticket/ConflictBanner";
import { Conversation } from "./ticket/Conversation";
import { CustomerPanel } from "./ticket/CustomerPanel";
import { MergeAction } from "./ticket/MergeDialog";
import { MergedBanner } from "./ticket/MergedBanner";
import { OrderPanel } from "./ticket/OrderPanel";
import { PropertiesPanel } from "./ticket/PropertiesPanel";
import { SlaPanel } from "./ticket/SlaPanel";
import { Timeline } from "./ticket/Timeline";
import type { Change } from "./ticketModel";

type MutationResult = { ticket: { id: string; version: number } | null; errors: FieldError[] };

export function Ticket({ id }: { id: string }) {
  const { request } = useSession();
  const { t, dateTime } = useI18n();
  const { navigate, href, inbox } = useRouter();
  const [ticket, setTicket] = useState<TicketDetail | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [notFound, setNotFound] = useState(false);
  const [saving, setSaving] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, FieldError>>({});
  const [actionError, setActionError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const ticketRef = useRef<TicketDetail | null>(null);
  const lastChange = useRef<Change | null>(null);
  ticketRef.current = ticket;

  const load = useCallback(async (): Promise<TicketDetail | null> => {
    const data = await request<{ supportTicket: TicketDetail | null }>(TICKET_DETAIL, { id });
    const fresh = data.supportTicket && "version" in data.supportTicket ? data.supportTicket : null;
    setNotFound(fresh === null);
    setTicket(fresh);
    setLoadError(null);
    return fresh;
  }, [request, id]);

  const reload = useCallback(() => {
    setLoadError(null);
    load().catch((error: unknown) => setLoadError(error));
  }, [load]);

  // After escalation, a team change or a split: a failed reload shows with its retry.
  const refresh = useCallback(
    () =>
      load().catch((error: unknown) => {
        setLoadError(error);
        return null;
      }),
    [load],
  );

  useEffect(() => {
    setTicket(null);
    setConflict(null);
    setFieldErrors({});
    reload();
  }, [reload]);

  const apply = useCallback(
    async (change: Change, base: TicketDetail) => {
      setSaving(true);
      setFieldErrors({});
      setActionError(null);
      setNotice(null);
      try {
        let result: MutationResult | null;
        if (change.kind === "update") {
          const data = await request<{ supportTicketUpdate: MutationResult | null }>(TICKET_UPDATE, {
            id: base.id,
            input: change.input,
            expectedVersion: base.version,
          });
          result = data.supportTicketUpdate;
        } else {
          const data = await request<{ supportTicketAssign: MutationResult | null }>(TICKET_ASSIGN, {
            id: base.id,
            assigneeId: change.assigneeId,
            expectedVersion: base.version,
          });
          result = data.supportTicketAssign;
        }
        const errors = result?.errors ?? [];
        if (errors.some((error) => error.code === "CONFLICT")) {
          const fresh = await load();
          if (fresh) {
            setConflict({ change, before: base, after: fresh });
          }
          return;
        }
        if (errors.length) {
          setFieldErrors(
            Object.fromEntries(errors.map((error) => [error.field ?? "__all__", error])),
          );
          return;
        }
        setConflict(null);
        await load();
        setNotice(t("ticket.saved"));
      } catch (error) {
        setActionError(error);
      } finally {
        setSaving(false);
      }
    },
    [request, load, t],
  );

  const change = useCallback(
    (next: Change) => {
      const current = ticketRef.current;
      lastChange.current = next;
      if (current) void apply(next, current);
    },
    [apply],
  );

  const retryChange = useCallback(() => {
    if (lastChange.current) change(lastChange.current);
  }, [change]);

  // a: assign the ticket to yourself.
  const viewerId = useViewer()?.user?.id ?? null;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "a" || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target) || !viewerId) return;
      if (ticketRef.current?.assignee?.id === viewerId) return;
      event.preventDefault();
      change({ kind: "assign", assigneeId: viewerId });
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [change, viewerId]);

  if (loadError && !ticket) {
    return <ErrorState error={loadError} onRetry={reload} />;
  }
  if (notFound) {
    return (
      <div className="desk-ticket-missing">
        <Text as="p" role="alert">
          {t("error.notFound")}
        </Text>
        <a href={href(inbox)} onClick={(event) => { event.preventDefault(); navigate(inbox); }}>
          {t("ticket.back")}
        </a>
      </div>
    );
  }
  if (!ticket) {
    return <Loading />;
  }

  return (
    <div className="desk-ticket">
      <header className="desk-ticket-header">
        <a
          href={href(inbox)}
          className="desk-back"
          onClick={(event) => {
            // The inbox with the view, filters and search the agent left it with. Going back in
            // history would do nothing in the Dashboard's frame.
            event.preventDefault();
            navigate(inbox);
          }}
        >
          {t("ticket.back")}
        </a>
        <Text as="h1" size={8} fontWeight="bold">
          <span className="desk-num">{t("ticket.title", { number: String(ticket.number) })}</span>{" "}
          <bdi dir="auto">{ticket.subject}</bdi>
        </Text>
        <div className="desk-ticket-summary">
          <StatusBadge status={ticket.status} label={t(`status.${ticket.status}`)} />
          <PriorityBadge priority={ticket.priority} label={t(`priority.${ticket.priority}`)} />
          <span>{t(`channel.${ticket.channel}`)}</span>
          <span>{t("ticket.opened", { date: dateTime(ticket.createdAt) })}</span>
          <MergeAction ticket={ticket} />
        </div>
        <Text as="p" size={2} className="desk-hint">
          {t("ticket.keyboardHint")}
        </Text>
      </header>
      {loadError ? <ErrorState error={loadError} onRetry={reload} /> : null}
      <MergedBanner ticket={ticket} />
      {conflict ? (
        <ConflictBanner
          conflict={conflict}
          busy={saving}
          onReapply={() => void apply(conflict.change, conflict.after)}
          onDiscard={() => setConflict(null)}
        />
      ) : null}
      <div className="desk-ticket-body">
        <main className="desk-ticket-main" aria-label={t("ticket.conversation")}>
          <Conversation ticket={ticket} reload={refresh} />
          <Composer ticket={ticket} onSent={() => void load()} />
        </main>
        <aside className="desk-ticket-side">
          <PropertiesPanel
            ticket={ticket}
            saving={saving}
            errors={fieldErrors}
            actionError={actionError}
            notice={notice}
            onChange={change}
            onRetry={retryChange}
            reload={refresh}
          />
          <SlaPanel ticket={ticket} />
          <OrderPanel ticket={ticket} />
          <CustomerPanel ticket={ticket} />
          <Timeline ticket={ticket} />
        </aside>
      </div>
    </div>
  );
}
