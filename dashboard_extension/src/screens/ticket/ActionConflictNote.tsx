import { Button, Text } from "@saleor/macaw-ui";

import type { TicketDetail } from "../../api/types";
import { useI18n, type MessageKey, type Translate } from "../../i18n";
import { changedBy, differences } from "../ticketModel";
import type { ActionConflict } from "./useTicketAction";

interface Line {
  field: string;
  label: string;
  before: string;
  after: string;
}

function lines(t: Translate, before: TicketDetail, after: TicketDetail): Line[] {
  const label = (field: string, value: string): string => {
    if (!value) return field === "assignee" ? t("assignee.none") : t("tags.none");
    if (field === "status") return t(`status.${value as "NEW"}`);
    if (field === "priority") return t(`priority.${value as "LOW"}`);
    return value;
  };
  const fields: Line[] = differences(before, after).map((diff) => ({
    field: diff.field,
    label: t(`field.${diff.field}`),
    before: label(diff.field, diff.before),
    after: label(diff.field, diff.after),
  }));
  if (before.tier !== after.tier) {
    fields.push({ field: "tier", label: t("field.tier"), before: before.tier, after: after.tier });
  }
  if (before.team?.id !== after.team?.id) {
    fields.push({
      field: "team",
      label: t("actions.team"),
      before: before.team?.name ?? t("actions.team.none"),
      after: after.team?.name ?? t("actions.team.none"),
    });
  }
  return fields;
}

/**
 * Another agent changed the ticket before the agent's action went through: what changed, who
 * did it, and the choice to send the action again on the new version or to leave it.
 */
export function ActionConflictNote({
  conflict,
  change,
  busy,
  onReapply,
  onDiscard,
}: {
  conflict: ActionConflict;
  /** The agent's action, in words. */
  change: string;
  busy: boolean;
  onReapply: () => void;
  onDiscard: () => void;
}) {
  const { t } = useI18n();
  const diffs = lines(t, conflict.before, conflict.after);
  const who = changedBy(conflict.before, conflict.after);
  return (
    <div className="desk-conflict desk-action-conflict" role="alert">
      <Text as="p" fontWeight="bold">
        {t("conflict.title")}
      </Text>
      <Text as="p">{t("conflict.body")}</Text>
      {diffs.length ? (
        <ul className="desk-conflict-diff">
          {diffs.map((diff) => (
            <li key={diff.field}>
              <strong>{diff.label}:</strong> <del>{diff.before}</del> → <ins>{diff.after}</ins>
            </li>
          ))}
        </ul>
      ) : null}
      {who.length ? <Text as="p">{t("conflict.by", { who: who.join(", ") })}</Text> : null}
      <Text as="p">{t("conflict.mine", { change })}</Text>
      <div className="desk-conflict-actions">
        <Button variant="primary" size="small" onClick={onReapply} disabled={busy}>
          {t("conflict.reapply")}
        </Button>
        <Button variant="secondary" size="small" onClick={onDiscard} disabled={busy}>
          {t("conflict.discard")}
        </Button>
      </div>
    </div>
  );
}

/** The localised text of an action's refusal: `actions.error.<CODE>`, then the desk's usual one. */
export function useActionErrorText(): (error: { code: string; message: string }) => string {
  const { t } = useI18n();
  return (error) => {
    for (const key of [`actions.error.${error.code}`, `error.code.${error.code}`]) {
      const text = t(key as MessageKey);
      if (text !== key) return text;
    }
    return error.message;
  };
}
