import { Button, Text } from "@saleor/macaw-ui";
import { useId, useState, type FormEvent } from "react";

import { TICKET_BULK_ASSIGN, TICKET_BULK_STATUS, TICKET_BULK_TAG } from "../api/operations";
import { STATUSES, type FieldError, type Status, type TicketRow } from "../api/types";
import { useErrorText, useFieldErrorText } from "../components/common";
import { useI18n } from "../i18n";
import { useSession } from "../session";
import { useViewer } from "../viewer";
import { normaliseTag } from "./ticketModel";

interface BulkResult {
  count: number;
  results: { ticket: { id: string } | null; errors: FieldError[] }[];
  errors: FieldError[];
}

/** Actions on the selected tickets; each ticket succeeds or fails on its own. */
export function BulkBar({
  selected,
  onDone,
  onClear,
}: {
  selected: TicketRow[];
  onDone: () => void;
  onClear: () => void;
}) {
  const { request } = useSession();
  const { t } = useI18n();
  const viewer = useViewer();
  const errorText = useErrorText();
  const fieldErrorText = useFieldErrorText();
  const [busy, setBusy] = useState(false);
  const [tag, setTag] = useState("");
  const [report, setReport] = useState<{ done: string; failures: string[] } | null>(null);
  const statusId = useId();
  const tagId = useId();

  const run = async (operation: string, field: string, variables: Record<string, unknown>) => {
    setBusy(true);
    setReport(null);
    const ids = selected.map((row) => row.id);
    try {
      const data = await request<Record<string, BulkResult | null>>(operation, { ids, ...variables });
      const result = data[field];
      if (!result) return;
      if (result.errors[0]) {
        setReport({ done: "", failures: [fieldErrorText(result.errors[0])] });
        return;
      }
      const failures = result.results.flatMap((entry, index) =>
        entry.errors[0]
          ? [t("bulk.failed", { number: String(selected[index]?.number ?? "?"), message: fieldErrorText(entry.errors[0]) })]
          : [],
      );
      setReport({ done: t("bulk.done", { count: result.count }), failures });
      onDone();
    } catch (error) {
      setReport({ done: "", failures: [errorText(error)] });
    } finally {
      setBusy(false);
    }
  };

  const addTag = (event: FormEvent) => {
    event.preventDefault();
    const value = normaliseTag(tag);
    if (!value) return;
    setTag("");
    void run(TICKET_BULK_TAG, "supportTicketBulkTag", { add: [value] });
  };

  return (
    <section className="desk-bulk" aria-label={t("bulk.label")}>
      <Text size={3} fontWeight="bold" aria-live="polite">
        {t("bulk.selected", { count: selected.length })}
      </Text>
      <label htmlFor={statusId} className="desk-label">
        {t("bulk.status")}
      </label>
      <select
        id={statusId}
        className="desk-select"
        value=""
        disabled={busy}
        onChange={(event) =>
          void run(TICKET_BULK_STATUS, "supportTicketBulkStatus", { status: event.target.value as Status })
        }
      >
        <option value="">{t("bulk.choose")}</option>
        {STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`status.${status}`)}
          </option>
        ))}
      </select>
      {viewer?.user ? (
        <Button
          variant="secondary"
          size="small"
          disabled={busy}
          onClick={() => void run(TICKET_BULK_ASSIGN, "supportTicketBulkAssign", { assigneeId: viewer.user?.id })}
        >
          {t("bulk.assignMe")}
        </Button>
      ) : null}
      <Button
        variant="tertiary"
        size="small"
        disabled={busy}
        onClick={() => void run(TICKET_BULK_ASSIGN, "supportTicketBulkAssign", { assigneeId: null })}
      >
        {t("bulk.unassign")}
      </Button>
      <form className="desk-bulk-tag" onSubmit={addTag}>
        <label htmlFor={tagId} className="desk-visually-hidden">
          {t("bulk.tag")}
        </label>
        <input
          id={tagId}
          className="desk-input"
          value={tag}
          maxLength={50}
          placeholder={t("bulk.tag")}
          onChange={(event) => setTag(event.target.value)}
        />
        <Button type="submit" variant="secondary" size="small" disabled={busy}>
          {t("bulk.addTag")}
        </Button>
      </form>
      <Button variant="tertiary" size="small" onClick={onClear}>
        {t("bulk.clear")}
      </Button>
      {report ? (
        <div className="desk-bulk-report" role="status">
          {report.done ? <Text size={2}>{report.done}</Text> : null}
          {report.failures.map((failure) => (
            <Text as="p" size={2} key={failure} className="desk-field-error">
              {failure}
            </Text>
          ))}
        </div>
      ) : null}
    </section>
  );
}
