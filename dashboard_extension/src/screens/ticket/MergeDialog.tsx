import { Button, Input, Text } from "@saleor/macaw-ui";
import { useId, useRef, useState, type FormEvent } from "react";

import { TICKET_LIST } from "../../api/operations";
import { TICKET_MERGE } from "../../api/operationsTicketActions";
import { nodes, type Connection, type FieldError, type TicketDetail, type TicketRow } from "../../api/types";
import type { TicketMergeResult } from "../../api/typesTicketActions";
import { Dialog } from "../../components/Dialog";
import { ErrorState, StatusBadge } from "../../components/common";
import { useI18n, type MessageKey } from "../../i18n";
import { ticketPath, useRouter } from "../../router";
import { useSession } from "../../session";
import { useActionErrorText } from "./ActionConflictNote";
import { byField } from "./useTicketAction";

const RESULTS = 10;

/** The list query's variables for what the agent typed: a ticket number, else a search. */
export function candidateQuery(text: string): Record<string, unknown> {
  const number = /^#?\s*(\d{1,9})$/.exec(text.trim());
  return number ? { first: RESULTS, filter: { number: [Number(number[1])] } } : { first: RESULTS, search: text.trim() };
}

/**
 * Which of NOT_MERGEABLE's cases refused the merge, from the field the desk names and what
 * the screen knows of both tickets (checked in the desk's order).
 */
export function notMergeableReason(error: FieldError, source: TicketDetail, target: TicketRow | undefined): MessageKey {
  if (error.field === "sourceId") return "actions.merge.refused.sourceMerged";
  if (!target) return "actions.merge.refused.other";
  if (target.id === source.id) return "actions.merge.refused.self";
  if (target.status === "CLOSED") return "actions.merge.refused.targetClosed";
  const mine = source.customerEmail.trim().toLowerCase();
  const theirs = target.customerEmail.trim().toLowerCase();
  if (mine && theirs) return mine === theirs ? "actions.merge.refused.returns" : "actions.merge.refused.customers";
  return "actions.merge.refused.other";
}

function MergeDialog({ ticket, onClose }: { ticket: TicketDetail; onClose: () => void }) {
  const { t } = useI18n();
  const { request } = useSession();
  const { navigate } = useRouter();
  const errorText = useActionErrorText();
  const [query, setQuery] = useState("");
  const [searched, setSearched] = useState<Record<string, unknown> | null>(null);
  const [rows, setRows] = useState<TicketRow[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [searchError, setSearchError] = useState<unknown>(null);
  const [queryMissing, setQueryMissing] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const sequence = useRef(0);
  const queryErrorId = useId();
  const resultsId = useId();

  const find = (variables: Record<string, unknown>) => {
    const current = ++sequence.current;
    setSearched(variables);
    setSearching(true);
    setSearchError(null);
    request<{ supportTickets: Connection<TicketRow> | null }>(TICKET_LIST, variables).then(
      (data) => {
        if (current !== sequence.current) return;
        const found = nodes(data.supportTickets).filter((row) => row.id !== ticket.id);
        setRows(found);
        setSelected(found.length === 1 && found[0] ? found[0].id : null);
        setErrors({});
        setSearching(false);
      },
      (error: unknown) => {
        if (current !== sequence.current) return;
        setSearchError(error);
        setSearching(false);
      },
    );
  };

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    if (!query.trim()) {
      setQueryMissing(true);
      return;
    }
    setQueryMissing(false);
    find(candidateQuery(query));
  };

  const target = rows?.find((row) => row.id === selected);

  const merge = async () => {
    if (!target || busy) return;
    setBusy(true);
    setErrors({});
    setFailure(null);
    try {
      const data = await request<{ supportTicketMerge: TicketMergeResult | null }>(TICKET_MERGE, {
        sourceId: ticket.id,
        targetId: target.id,
      });
      const result = data.supportTicketMerge;
      if (result?.errors.length) {
        setErrors(byField(result.errors));
      } else if (result?.ticket) {
        navigate(ticketPath(result.ticket.id));
        return;
      }
    } catch (error) {
      setFailure(error);
    }
    setBusy(false);
  };

  const refusals = Object.values(errors).map((error) =>
    error.code === "NOT_MERGEABLE"
      ? t(notMergeableReason(error, ticket, target), { number: String(target?.number ?? "") })
      : errorText(error),
  );
  const targetClosed = target?.status === "CLOSED";

  return (
    <Dialog
      title={t("actions.merge.title", { number: String(ticket.number) })}
      onClose={onClose}
      className="desk-merge-dialog"
      description={<Text as="p">{t("actions.merge.intro")}</Text>}
    >
      <form className="desk-merge-find" onSubmit={submitSearch} noValidate role="search">
        <Input
          role="searchbox"
          label={t("actions.merge.find")}
          helperText={t("actions.merge.findHint")}
          value={query}
          size="small"
          maxLength={200}
          error={queryMissing}
          aria-invalid={queryMissing ? true : undefined}
          aria-describedby={queryMissing ? queryErrorId : undefined}
          onChange={(event) => setQuery(event.target.value)}
        />
        <Button type="submit" variant="secondary" disabled={searching}>
          {t("actions.merge.search")}
        </Button>
      </form>
      {queryMissing ? (
        <Text as="p" id={queryErrorId} className="desk-field-error" role="alert">
          {t("actions.merge.queryRequired")}
        </Text>
      ) : null}
      {searchError ? <ErrorState error={searchError} onRetry={() => searched && find(searched)} /> : null}
      <div aria-live="polite" aria-busy={searching}>
        {searching ? <Text as="p">{t("loading")}</Text> : null}
        {rows && !searching && rows.length === 0 ? <Text as="p">{t("actions.merge.none")}</Text> : null}
      </div>
      {rows && rows.length > 0 ? (
        <fieldset className="desk-merge-results" aria-describedby={resultsId}>
          <legend>{t("actions.merge.results")}</legend>
          <Text as="p" size={2} id={resultsId} className="desk-visually-hidden">
            {t("actions.merge.pick")}
          </Text>
          <ul>
            {rows.map((row) => (
              <li key={row.id}>
                <label className="desk-merge-result">
                  <input
                    type="radio"
                    name="merge-target"
                    value={row.id}
                    checked={selected === row.id}
                    onChange={() => {
                      setSelected(row.id);
                      setErrors({});
                      setFailure(null);
                    }}
                  />
                  <span className="desk-num">#{row.number}</span>{" "}
                  <bdi dir="auto" className="desk-merge-subject">
                    {row.subject}
                  </bdi>{" "}
                  <bdi dir="auto" className="desk-muted">
                    {row.customerName || row.customerEmail || t("author.CUSTOMER")}
                  </bdi>{" "}
                  <StatusBadge status={row.status} label={t(`status.${row.status}`)} />
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      {target ? (
        <div className="desk-merge-confirm">
          {targetClosed ? (
            <Text as="p" className="desk-field-error" role="alert">
              {t("actions.merge.refused.targetClosed", { number: String(target.number) })}
            </Text>
          ) : (
            <Text as="p" className="desk-merge-sentence">
              {t("actions.merge.confirm", { source: String(ticket.number), target: String(target.number) })}
            </Text>
          )}
        </div>
      ) : null}
      {refusals.map((text) => (
        <Text as="p" key={text} className="desk-field-error" role="alert">
          {text}
        </Text>
      ))}
      {failure ? <ErrorState error={failure} onRetry={() => void merge()} /> : null}
      <div className="desk-dialog-actions">
        <Button type="button" variant="secondary" onClick={onClose}>
          {t("actions.cancel")}
        </Button>
        <Button
          type="button"
          variant="primary"
          disabled={!target || targetClosed || busy}
          onClick={() => void merge()}
        >
          {target ? t("actions.merge.submit", { number: String(target.number) }) : t("actions.merge.submitNone")}
        </Button>
      </div>
    </Dialog>
  );
}

/** "Merge into…" on the ticket screen: off for a ticket merged already. */
export function MergeAction({ ticket }: { ticket: TicketDetail }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const hintId = useId();
  const merged = ticket.mergedIntoId !== null;
  return (
    <div className="desk-merge-action">
      <Button
        variant="secondary"
        size="small"
        disabled={merged}
        aria-describedby={merged ? hintId : undefined}
        onClick={() => setOpen(true)}
      >
        {t("actions.merge")}
      </Button>
      {merged ? (
        <Text as="span" size={2} id={hintId} className="desk-muted">
          {t("actions.merge.locked")}
        </Text>
      ) : null}
      {open ? <MergeDialog ticket={ticket} onClose={() => setOpen(false)} /> : null}
    </div>
  );
}
