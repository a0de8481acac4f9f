/** SLA policies in order: conditions, targets, calendar, breach actions; reporting targets below. */
import { SLA_POLICY_REORDER, SLA_POLICY_SETTINGS } from "../../api/operationsSettingsSla";
import type { User } from "../../api/types";
import type {
  SettingsAgent,
  SettingsCategory,
  SlaError,
  SlaPolicy,
  SlaReportingTarget,
} from "../../api/typesSettingsSla";
import { useI18n } from "../../i18n";
import { codeText } from "./shared/fields";
import { conditionsLine } from "./shared/format";
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
import { useBusinessTime } from "./sla/parts";
import { PolicyEditor } from "./sla/PolicyEditor";
import { TARGETS } from "./sla/policyModel";
import { ReportingTargets } from "./sla/ReportingTargets";

interface SlaSettingsData {
  supportSlaPolicies: SlaPolicy[];
  supportBusinessCalendars: { id: string; name: string }[];
  supportCategories: SettingsCategory[];
  supportSlaReportingTargets: SlaReportingTarget[];
  supportAgents: SettingsAgent[];
}

function useConditions(): (policy: SlaPolicy) => string {
  const { t } = useI18n();
  return (policy) =>
    conditionsLine(
      [
        [t("filter.priority"), policy.priorities.map((value) => t(`priority.${value}`))],
        [t("filter.channel"), policy.channels.map((value) => t(`channel.${value}`))],
        [t("filter.category"), policy.categories.map((category) => category.name)],
        [t("settings.sla.orderChannelsShort"), policy.orderChannels],
      ],
      t("settings.sla.anyTicket"),
    );
}

export function SlaPoliciesSettings() {
  const { t, number } = useI18n();
  const businessTime = useBusinessTime();
  const conditions = useConditions();
  const { data, setData, error, reload } = useSettingsResource<SlaSettingsData>(SLA_POLICY_SETTINGS);
  const { editing, notice, setNotice, open, close, done } = useListEditing<SlaPolicy>();
  const setPolicies = (next: SlaPolicy[]) => setData((current) => current && { ...current, supportSlaPolicies: next });
  const reorder = useReorder<SlaPolicy, SlaError>({
    mutation: SLA_POLICY_REORDER,
    field: "policies",
    onReordered: setPolicies,
    setNotice,
    reordered: t("settings.sla.reordered"),
  });

  if (!data) {
    return <Pending error={error} onRetry={reload} />;
  }
  const policies = data.supportSlaPolicies;
  const agents = data.supportAgents.flatMap((agent): User[] => (agent.user ? [agent.user] : []));

  if (editing) {
    return (
      <PolicyEditor
        key={editing === "new" ? "new" : editing.id}
        policy={editing === "new" ? null : editing}
        calendars={data.supportBusinessCalendars}
        categories={data.supportCategories}
        agents={agents}
        onCancel={close}
        onSaved={(saved) => {
          setPolicies(upsert(policies, saved));
          done(t("settings.sla.saved"));
        }}
        onDeleted={(id) => {
          setPolicies(without(policies, id));
          done(t("settings.sla.deleted"));
        }}
      />
    );
  }

  return (
    <div className="desk-cfg-screen">
      <ScreenToolbar
        intro={t("settings.sla.intro")}
        addLabel={t("settings.sla.add")}
        addDisabled={data.supportBusinessCalendars.length === 0}
        onAdd={() => open("new")}
      />
      <Notice text={notice} />
      <Alert>{reorder.error ? codeText(t, [], reorder.error) : null}</Alert>
      <ActionFailed failure={reorder.failure} />
      <SettingsTable
        label={t("settings.section.sla")}
        columns={[
          t("settings.sla.order"),
          t("settings.sla.name"),
          t("settings.sla.conditions"),
          t("settings.sla.targetsColumn"),
          t("settings.sla.calendar"),
          t("settings.common.active"),
        ]}
        empty={policies.length === 0 ? t("settings.sla.empty") : null}
      >
        {policies.map((policy, index) => (
          <tr key={policy.id} data-policy={policy.name}>
            <td className="desk-num">{number(index + 1)}</td>
            <td>{policy.name}</td>
            <td>{conditions(policy)}</td>
            <td>
              <dl className="desk-cfg-targets">
                {TARGETS.filter((target) => policy[target.field] !== null).map((target) => (
                  <div key={target.field}>
                    <dt>{t(`sla.kind.${target.kind}`)}</dt>
                    <dd>{businessTime(policy[target.field] ?? 0)}</dd>
                  </div>
                ))}
              </dl>
            </td>
            <td>{policy.calendar.name}</td>
            <td>{policy.isActive ? t("settings.common.yes") : t("settings.common.no")}</td>
            <RowActions
              name={policy.name}
              move={reorder.row(policies, index)}
              onEdit={() => open(policy)}
            />
          </tr>
        ))}
      </SettingsTable>
      <ReportingTargets
        targets={data.supportSlaReportingTargets}
        onSaved={(saved) =>
          setData({
            ...data,
            supportSlaReportingTargets: [
              ...data.supportSlaReportingTargets.filter((target) => target.channel !== saved.channel),
              saved,
            ],
          })
        }
      />
    </div>
  );
}
