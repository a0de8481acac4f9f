/** Routing rules in order: conditions and team. */
import { SETTINGS_ROUTING_RULES, SETTINGS_ROUTING_RULE_REORDER } from "../../api/operationsSettingsTeams";
import type { Category } from "../../api/types";
import type { RoutingRule, SettingsError, TeamRef } from "../../api/typesSettingsTeams";
import { useI18n } from "../../i18n";
import { settingsErrorText } from "./shared/fields";
import { activeName, conditionsLine } from "./shared/format";
import {
  Alert,
  Notice,
  RowActions,
  ScreenToolbar,
  SettingsTable,
  upsert,
  useListEditing,
  useReorder,
  without,
} from "./shared/list";
import { ActionFailed, Pending, useSettingsResource } from "./shared/resource";
import { RuleEditor } from "./teams/RuleEditor";

export type RoutingData = {
  supportRoutingRules: RoutingRule[];
  supportTeams: TeamRef[];
  supportCategories: (Category & { isActive: boolean })[];
};

/** A rule's conditions in a line: "Category: Payment; Channel: E-mail", or "Any ticket". */
function useConditions(categories: readonly Category[]): (rule: RoutingRule) => string {
  const { t } = useI18n();
  const names = new Map(categories.map((category) => [category.slug, category.name]));
  return (rule) =>
    conditionsLine(
      [
        [t("filter.category"), rule.categories.map((slug) => names.get(slug) ?? slug)],
        [t("filter.channel"), rule.channels.map((channel) => t(`channel.${channel}`))],
        [t("settings.routing.languages"), rule.languageCodes],
        [t("settings.routing.orderChannelsShort"), rule.orderChannels],
        [t("settings.routing.tags"), rule.tags],
      ],
      t("settings.routing.anyTicket"),
    );
}

export function RoutingRulesSettings() {
  const { t, number } = useI18n();
  const { data, setData, error, reload } = useSettingsResource<RoutingData>(SETTINGS_ROUTING_RULES);
  const conditions = useConditions(data?.supportCategories ?? []);
  const { editing, notice, setNotice, open, close, done } = useListEditing<RoutingRule>();
  const setRules = (next: RoutingRule[]) => setData((current) => current && { ...current, supportRoutingRules: next });
  const reorder = useReorder<RoutingRule, SettingsError>({
    mutation: SETTINGS_ROUTING_RULE_REORDER,
    field: "routingRules",
    onReordered: setRules,
    setNotice,
    reordered: t("settings.routing.reordered"),
  });

  if (!data) {
    return <Pending error={error} onRetry={reload} />;
  }
  const rules = data.supportRoutingRules;

  if (editing) {
    return (
      <RuleEditor
        key={editing === "new" ? "new" : editing.id}
        rule={editing === "new" ? null : editing}
        teams={data.supportTeams}
        categories={data.supportCategories}
        onCancel={close}
        onSaved={(saved) => {
          setRules(upsert(rules, saved));
          done(t("settings.routing.saved", { name: saved.name }));
        }}
        onDeleted={(id) => {
          setRules(without(rules, id));
          done(t("settings.routing.deleted"));
        }}
      />
    );
  }

  const noTeams = data.supportTeams.length === 0;
  return (
    <div className="desk-cfg-screen">
      <ScreenToolbar
        intro={t("settings.routing.intro")}
        addLabel={t("settings.routing.add")}
        addDisabled={noTeams}
        onAdd={() => open("new")}
      />
      <Notice text={notice} />
      <Alert>{reorder.error ? settingsErrorText(t, "routing", reorder.error) : null}</Alert>
      <ActionFailed failure={reorder.failure} />
      <SettingsTable
        label={t("settings.section.routing")}
        columns={[
          t("settings.routing.order"),
          t("settings.routing.name"),
          t("settings.routing.conditions"),
          t("settings.routing.team"),
          t("settings.common.active"),
        ]}
        empty={rules.length > 0 ? null : noTeams ? t("settings.routing.noTeams") : t("settings.routing.empty")}
      >
        {rules.map((rule, index) => (
          <tr key={rule.id} data-rule={rule.name}>
            <td className="desk-num">{number(index + 1)}</td>
            <td>{rule.name}</td>
            <td>{conditions(rule)}</td>
            <td>
              {activeName(t, rule.team)}
              <span className="desk-muted"> · {rule.team.tier}</span>
            </td>
            <td>{rule.isActive ? t("settings.common.yes") : t("settings.common.no")}</td>
            <RowActions
              name={rule.name}
              move={reorder.row(rules, index)}
              onEdit={() => open(rule)}
            />
          </tr>
        ))}
      </SettingsTable>
    </div>
  );
}
