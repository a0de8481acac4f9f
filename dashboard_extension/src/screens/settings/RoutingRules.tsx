/** Routing rules in order: conditions and team. */
import { Button, Text } from "@saleor/macaw-ui";
import { useState } from "react";

import { SETTINGS_ROUTING_RULES, SETTINGS_ROUTING_RULE_REORDER } from "../../api/operationsSettingsTeams";
import type { Category } from "../../api/types";
import type { RoutingRule, SettingsError, TeamRef } from "../../api/typesSettingsTeams";
import { useI18n } from "../../i18n";
import { useSession } from "../../session";
import { Failure, Pending, useQuery } from "./sla/parts";
import { settingsErrorText, useAction } from "./teams/fields";
import { RuleEditor } from "./teams/RuleEditor";

export type RoutingData = {
  supportRoutingRules: RoutingRule[];
  supportTeams: TeamRef[];
  supportCategories: (Category & { isActive: boolean })[];
};

type ReorderResult = { routingRules: RoutingRule[] | null; errors: SettingsError[] } | null;

/** A rule's conditions in a line: "Category: Payment; Channel: E-mail", or "Any ticket". */
function useConditions(categories: readonly Category[]): (rule: RoutingRule) => string {
  const { t } = useI18n();
  const names = new Map(categories.map((category) => [category.slug, category.name]));
  return (rule) => {
    const parts: string[] = [];
    if (rule.categories.length) {
      parts.push(`${t("filter.category")}: ${rule.categories.map((slug) => names.get(slug) ?? slug).join(", ")}`);
    }
    if (rule.channels.length) {
      parts.push(`${t("filter.channel")}: ${rule.channels.map((channel) => t(`channel.${channel}`)).join(", ")}`);
    }
    if (rule.languageCodes.length) {
      parts.push(`${t("settings.routing.languages")}: ${rule.languageCodes.join(", ")}`);
    }
    if (rule.orderChannels.length) {
      parts.push(`${t("settings.routing.orderChannelsShort")}: ${rule.orderChannels.join(", ")}`);
    }
    if (rule.tags.length) {
      parts.push(`${t("settings.routing.tags")}: ${rule.tags.join(", ")}`);
    }
    return parts.length ? parts.join("; ") : t("settings.routing.anyTicket");
  };
}

export function RoutingRulesSettings() {
  const { request } = useSession();
  const { t, number } = useI18n();
  const { data, setData, error, reload } = useQuery<RoutingData>(SETTINGS_ROUTING_RULES);
  const conditions = useConditions(data?.supportCategories ?? []);
  const [editing, setEditing] = useState<RoutingRule | "new" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [reorderError, setReorderError] = useState<SettingsError | null>(null);
  const { busy, failure, run } = useAction();

  if (!data) {
    return <Pending error={error} onRetry={reload} />;
  }
  const rules = data.supportRoutingRules;
  const setRules = (next: RoutingRule[]) => setData({ ...data, supportRoutingRules: next });

  const move = (index: number, step: -1 | 1) =>
    run(async () => {
      const next = [...rules];
      const [rule] = next.splice(index, 1);
      if (!rule) return;
      next.splice(index + step, 0, rule);
      setNotice(null);
      setReorderError(null);
      const answer = await request<{ supportRoutingRuleReorder: ReorderResult }>(SETTINGS_ROUTING_RULE_REORDER, {
        ids: next.map((item) => item.id),
      });
      const result = answer.supportRoutingRuleReorder;
      const first = result?.errors[0];
      if (first) setReorderError(first);
      else if (result?.routingRules) {
        setRules(result.routingRules);
        setNotice(t("settings.routing.reordered"));
      }
    });

  if (editing) {
    return (
      <RuleEditor
        key={editing === "new" ? "new" : editing.id}
        rule={editing === "new" ? null : editing}
        teams={data.supportTeams}
        categories={data.supportCategories}
        onCancel={() => setEditing(null)}
        onSaved={(saved) => {
          const known = rules.some((rule) => rule.id === saved.id);
          setRules(known ? rules.map((rule) => (rule.id === saved.id ? saved : rule)) : [...rules, saved]);
          setEditing(null);
          setNotice(t("settings.routing.saved", { name: saved.name }));
        }}
        onDeleted={(id) => {
          setRules(rules.filter((rule) => rule.id !== id));
          setEditing(null);
          setNotice(t("settings.routing.deleted"));
        }}
      />
    );
  }

  return (
    <div className="desk-cfg-screen">
      <div className="desk-cfg-toolbar">
        <Text as="p" className="desk-muted">
          {t("settings.routing.intro")}
        </Text>
        <Button
          variant="primary"
          size="small"
          disabled={data.supportTeams.length === 0}
          onClick={() => {
            setNotice(null);
            setEditing("new");
          }}
        >
          {t("settings.routing.add")}
        </Button>
      </div>
      {notice ? (
        <Text as="p" className="desk-notice" role="status">
          {notice}
        </Text>
      ) : null}
      {reorderError ? (
        <Text as="p" className="desk-cfg-alert" role="alert">
          {settingsErrorText(t, "routing", reorderError)}
        </Text>
      ) : null}
      {failure ? <Failure error={failure.error} onRetry={failure.retry} /> : null}
      {rules.length === 0 ? (
        <Text as="p" className="desk-empty">
          {data.supportTeams.length === 0 ? t("settings.routing.noTeams") : t("settings.routing.empty")}
        </Text>
      ) : (
        <table className="desk-table desk-cfg-table" aria-label={t("settings.section.routing")}>
          <thead>
            <tr>
              <th scope="col">{t("settings.routing.order")}</th>
              <th scope="col">{t("settings.routing.name")}</th>
              <th scope="col">{t("settings.routing.conditions")}</th>
              <th scope="col">{t("settings.routing.team")}</th>
              <th scope="col">{t("settings.common.active")}</th>
              <th scope="col">
                <span className="desk-visually-hidden">{t("settings.common.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule, index) => (
              <tr key={rule.id} data-rule={rule.name}>
                <td className="desk-num">{number(index + 1)}</td>
                <td>{rule.name}</td>
                <td>{conditions(rule)}</td>
                <td>
                  {rule.team.isActive ? rule.team.name : t("settings.common.inactiveNamed", { name: rule.team.name })}
                  <span className="desk-muted"> · {rule.team.tier}</span>
                </td>
                <td>{rule.isActive ? t("settings.common.yes") : t("settings.common.no")}</td>
                <td className="desk-cfg-cell-actions">
                  <div className="desk-cfg-row-actions">
                    <Button
                      variant="tertiary"
                      size="small"
                      disabled={busy || index === 0}
                      aria-label={t("settings.common.moveUpNamed", { name: rule.name })}
                      onClick={() => void move(index, -1)}
                    >
                      ↑
                    </Button>
                    <Button
                      variant="tertiary"
                      size="small"
                      disabled={busy || index === rules.length - 1}
                      aria-label={t("settings.common.moveDownNamed", { name: rule.name })}
                      onClick={() => void move(index, 1)}
                    >
                      ↓
                    </Button>
                    <Button
                      variant="secondary"
                      size="small"
                      aria-label={t("settings.common.editNamed", { name: rule.name })}
                      onClick={() => {
                        setNotice(null);
                        setEditing(rule);
                      }}
                    >
                      {t("settings.common.edit")}
                    </Button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
