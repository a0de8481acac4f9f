import { Button, Text, Textarea } from "@saleor/macaw-ui";
import { useId, useState, type FormEvent } from "react";

import { TICKET_DE_ESCALATE, TICKET_ESCALATE } from "../../api/operationsTicketActions";
import type { TicketDetail } from "../../api/types";
import { tierStep, type Team, type TicketChangeResult } from "../../api/typesTicketActions";
import { Dialog } from "../../components/Dialog";
import { ErrorState } from "../../components/common";
import { useI18n } from "../../i18n";
import { useSession } from "../../session";
import { ActionConflictNote, useActionErrorText } from "./ActionConflictNote";
import { useTicketAction } from "./useTicketAction";

const MAX_REASON = 10_000;

/**
 * Move the ticket one tier up (`step` 1) or down (-1) with a required reason, which the desk
 * keeps as an internal note. Says which team the ticket lands in, as the desk picks it: the
 * first active team of the new tier.
 */
export function EscalateDialog({
  ticket,
  step,
  teams,
  reload,
  onClose,
  onDone,
  fallbackFocus,
}: {
  ticket: TicketDetail;
  step: 1 | -1;
  teams: Team[] | null;
  reload: () => Promise<TicketDetail | null>;
  onClose: () => void;
  /** After the change, with what it did and the ticket's version it left. */
  onDone: (notice: string, version: number | null) => void;
  fallbackFocus?: () => HTMLElement | null;
}) {
  const { t } = useI18n();
  const { request } = useSession();
  const errorText = useActionErrorText();
  const action = useTicketAction(reload);
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const reasonErrorId = useId();
  const up = step === 1;
  const target = tierStep(ticket.tier, step);
  const landing = teams
    ?.filter((team) => team.isActive && team.tier === target)
    .sort((a, b) => a.position - b.position)[0];

  const send = (base: TicketDetail) => {
    const text = reason.trim();
    if (!text) {
      setMissing(true);
      return;
    }
    setMissing(false);
    void action.run(
      base,
      async (current) => {
        const variables = { id: current.id, reason: text, expectedVersion: current.version };
        if (up) {
          const data = await request<{ supportTicketEscalate: TicketChangeResult | null }>(TICKET_ESCALATE, variables);
          return { errors: data.supportTicketEscalate?.errors ?? [], value: data.supportTicketEscalate?.ticket };
        }
        const data = await request<{ supportTicketDeEscalate: TicketChangeResult | null }>(
          TICKET_DE_ESCALATE,
          variables,
        );
        return { errors: data.supportTicketDeEscalate?.errors ?? [], value: data.supportTicketDeEscalate?.ticket };
      },
      (changed) => {
        const tier = changed?.tier ?? target ?? "";
        onDone(up ? t("actions.escalated", { tier }) : t("actions.deEscalated", { tier }), changed?.version ?? null);
      },
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    send(ticket);
  };

  const reasonError = missing
    ? t("actions.reason.required")
    : action.errors.reason
      ? errorText(action.errors.reason)
      : null;
  const general = Object.entries(action.errors)
    .filter(([field]) => field !== "reason")
    .map(([, error]) => error);
  const title = up
    ? t("actions.escalate.title", { number: String(ticket.number), tier: target ?? "" })
    : t("actions.deEscalate.title", { number: String(ticket.number), tier: target ?? "" });
  const submitLabel = up ? t("actions.escalate.submit") : t("actions.deEscalate.submit");

  return (
    <Dialog
      title={title}
      onClose={onClose}
      fallbackFocus={fallbackFocus}
      className="desk-escalate-dialog"
      description={
        <Text as="p">
          {landing
            ? t("actions.escalate.landing", { team: landing.name, tier: target ?? "" })
            : teams
              ? t("actions.escalate.noTeam", { tier: target ?? "" })
              : t("actions.escalate.landingUnknown", { tier: target ?? "" })}
        </Text>
      }
    >
      <form className="desk-dialog-form" onSubmit={submit} noValidate>
        <Textarea
          label={t("actions.reason")}
          helperText={t("actions.reason.hint")}
          value={reason}
          rows={4}
          maxLength={MAX_REASON}
          required
          error={reasonError !== null}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? reasonErrorId : undefined}
          onChange={(event) => {
            setReason(event.target.value);
            if (missing && event.target.value.trim()) setMissing(false);
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              event.currentTarget.form?.requestSubmit();
            }
          }}
        />
        {reasonError ? (
          <Text as="p" id={reasonErrorId} className="desk-field-error" role="alert">
            {reasonError}
          </Text>
        ) : null}
        {general.map((error) => (
          <Text as="p" key={error.code} className="desk-field-error" role="alert">
            {errorText(error)}
          </Text>
        ))}
        {action.failure ? <ErrorState error={action.failure} onRetry={() => send(ticket)} /> : null}
        {action.conflict ? (
          <ActionConflictNote
            conflict={action.conflict}
            change={title}
            busy={action.busy}
            onReapply={() => action.conflict && send(action.conflict.after)}
            onDiscard={onClose}
          />
        ) : null}
        <div className="desk-dialog-actions">
          <Button type="button" variant="secondary" onClick={onClose}>
            {t("actions.cancel")}
          </Button>
          <Button type="submit" variant="primary" disabled={action.busy || target === null || action.conflict !== null}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
