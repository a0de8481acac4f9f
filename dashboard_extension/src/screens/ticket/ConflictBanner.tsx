import { Button, Text } from "@saleor/macaw-ui";

import type { TicketDetail } from "../../api/types";
import { useI18n, type Translate } from "../../i18n";
import { changedBy, differences, type Change, type Difference } from "../ticketModel";

export interface Conflict {
  change: Change;
  before: TicketDetail;
  after: TicketDetail;
}

function valueLabel(t: Translate, field: Difference["field"], value: string): string {
  if (!value) return field === "assignee" ? t("assignee.none") : t("tags.none");
  if (field === "status") return t(`status.${value as "NEW"}`);
  if (field === "priority") return t(`priority.${value as "LOW"}`);
  return value;
}

function fieldLabel(t: Translate, field: Difference["field"]): string {
  return t(`field.${field}`);
}

export function describeChange(t: Translate, change: Change): string {
  if (change.kind === "assign") {
    return `${t("field.assignee")}: ${change.assigneeId ? t("assignee.me") : t("assignee.unassign")}`;
  }
  const { status, priority, category, tags } = change.input;
  const parts: string[] = [];
  if (status) parts.push(`${t("field.status")}: ${t(`status.${status}`)}`);
  if (priority) parts.push(`${t("field.priority")}: ${t(`priority.${priority}`)}`);
  if (category) parts.push(`${t("field.category")}: ${category}`);
  if (tags) parts.push(`${t("field.tags")}: ${tags.join(", ") || t("tags.none")}`);
  return parts.join("; ");
}

export function ConflictBanner({
  conflict,
  busy,
  onReapply,
  onDiscard,
}: {
  conflict: Conflict;
  busy: boolean;
  onReapply: () => void;
  onDiscard: () => void;
}) {
  const { t } = useI18n();
  const diffs = differences(conflict.before, conflict.after);
  const who = changedBy(conflict.before, conflict.after);
  return (
    <section className="desk-conflict" role="alert" aria-labelledby="desk-conflict-title">
      <Text as="h2" size={5} fontWeight="bold" id="desk-conflict-title">
        {t("conflict.title")}
      </Text>
      <Text as="p">{t("conflict.body")}</Text>
      <ul className="desk-conflict-diff">
        {diffs.map((diff) => (
          <li key={diff.field}>
            <strong>{fieldLabel(t, diff.field)}:</strong>{" "}
            <del>{valueLabel(t, diff.field, diff.before)}</del> →{" "}
            <ins>{valueLabel(t, diff.field, diff.after)}</ins>
          </li>
        ))}
      </ul>
      {who.length ? <Text as="p">{t("conflict.by", { who: who.join(", ") })}</Text> : null}
      <Text as="p">{t("conflict.mine", { change: describeChange(t, conflict.change) })}</Text>
      <div className="desk-conflict-actions">
        <Button variant="primary" onClick={onReapply} disabled={busy}>
          {t("conflict.reapply")}
        </Button>
        <Button variant="secondary" onClick={onDiscard} disabled={busy}>
          {t("conflict.discard")}
        </Button>
      </div>
    </section>
  );
}
