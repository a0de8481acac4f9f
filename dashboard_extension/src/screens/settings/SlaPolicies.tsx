/** SLA policies in order: conditions, targets, calendar, breach actions; reporting targets below. */
import { Button, Text } from "@saleor/macaw-ui";
import { useState } from "react";

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
import { useSession } from "../../session";
import { Failure, Pending, codeText, useBusinessTime, useQuery } from "./sla/parts";
import { PolicyEditor } from "./sla/PolicyEditor";
import { TARGETS, moved } from "./sla/policyModel";
import { ReportingTargets } from "./sla/ReportingTargets";

interface SlaSettingsData {
  supportSlaPolicies: SlaPolicy[];
  supportBusinessCalendars: { id: string; name: string }[];
  supportCategories: SettingsCategory[];
  supportSlaReportingTargets: SlaReportingTarget[];
  supportAgents: SettingsAgent[];
}

type ReorderResult = { policies: SlaPolicy[] | null; errors: SlaError[] } | null;

function useConditions(): (policy: SlaPolicy) => string {
  const { t } = useI18n();
  return (policy) => {
    const parts: string[] = [];
    if (policy.priorities.length) {
      parts.push(`${t("filter.priority")}: ${policy.priorities.map((value) => t(`priority.${value}`)).join(", ")}`);
    }
    if (policy.channels.length) {
      parts.push(`${t("filter.channel")}: ${policy.channels.map((value) => t(`channel.${value}`)).join(", ")}`);
    }
    if (policy.categories.length) {
      parts.push(`${t("filter.category")}: ${policy.categories.map((category) => category.name).join(", ")}`);
    }
    if (policy.orderChannels.length) {
      parts.push(`${t("settings.sla.orderChannelsShort")}: ${policy.orderChannels.join(", ")}`);
    }
    return parts.length ? parts.join("; ") : t("settings.sla.anyTicket");
  };
}

export function SlaPoliciesSettings() {
  const { request } = useSession();
  const { t, number } = useI18n();
  const businessTime = useBusinessTime();
  const conditions = useConditions();
  const { data, setData, error, reload } = useQuery<SlaSettingsData>(SLA_POLICY_SETTINGS);
  const [editing, setEditing] = useState<SlaPolicy | "new" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [reorderError, setReorderError] = useState<SlaError | null>(null);
  const [failure, setFailure] = useState<{ error: unknown; retry: () => void } | null>(null);
  const [busy, setBusy] = useState(false);

  if (!data) {
    return <Pending error={error} onRetry={reload} />;
  }
  const policies = data.supportSlaPolicies;
  const agents = data.supportAgents.flatMap((agent): User[] => (agent.user ? [agent.user] : []));
  const setPolicies = (next: SlaPolicy[]) => setData({ ...data, supportSlaPolicies: next });

  const reorder = async (index: number, step: -1 | 1) => {
    const next = moved(policies, index, step);
    setBusy(true);
    setNotice(null);
    setReorderError(null);
    setFailure(null);
    try {
      const answer = await request<{ supportSlaPolicyReorder: ReorderResult }>(SLA_POLICY_REORDER, {
        ids: next.map((policy) => policy.id),
      });
      const result = answer.supportSlaPolicyReorder;
      const first = result?.errors[0];
      if (first) setReorderError(first);
      else if (result?.policies) {
        setPolicies(result.policies);
        setNotice(t("settings.sla.reordered"));
      }
    } catch (caught) {
      setFailure({ error: caught, retry: () => void reorder(index, step) });
    } finally {
      setBusy(false);
    }
  };

  if (editing) {
    return (
      <PolicyEditor
        key={editing === "new" ? "new" : editing.id}
        policy={editing === "new" ? null : editing}
        calendars={data.supportBusinessCalendars}
        categories={data.supportCategories}
        agents={agents}
        onCancel={() => setEditing(null)}
        onSaved={(saved) => {
          const known = policies.some((policy) => policy.id === saved.id);
          setPolicies(known ? policies.map((policy) => (policy.id === saved.id ? saved : policy)) : [...policies, saved]);
          setEditing(null);
          setNotice(t("settings.sla.saved"));
        }}
        onDeleted={(id) => {
          setPolicies(policies.filter((policy) => policy.id !== id));
          setEditing(null);
          setNotice(t("settings.sla.deleted"));
        }}
      />
    );
  }

  return (
    <div className="desk-cfg-screen">
      <div className="desk-cfg-toolbar">
        <Text as="p" className="desk-muted">
          {t("settings.sla.intro")}
        </Text>
        <Button
          variant="primary"
          size="small"
          disabled={data.supportBusinessCalendars.length === 0}
          onClick={() => {
            setNotice(null);
            setEditing("new");
          }}
        >
          {t("settings.sla.add")}
        </Button>
      </div>
      {notice ? (
        <Text as="p" className="desk-notice" role="status">
          {notice}
        </Text>
      ) : null}
      {reorderError ? (
        <Text as="p" className="desk-cfg-alert" role="alert">
          {codeText(t, [], reorderError)}
        </Text>
      ) : null}
      {failure ? <Failure error={failure.error} onRetry={failure.retry} /> : null}
      {policies.length === 0 ? (
        <Text as="p" className="desk-empty">
          {t("settings.sla.empty")}
        </Text>
      ) : (
        <table className="desk-table desk-cfg-table" aria-label={t("settings.section.sla")}>
          <thead>
            <tr>
              <th scope="col">{t("settings.sla.order")}</th>
              <th scope="col">{t("settings.sla.name")}</th>
              <th scope="col">{t("settings.sla.conditions")}</th>
              <th scope="col">{t("settings.sla.targetsColumn")}</th>
              <th scope="col">{t("settings.sla.calendar")}</th>
              <th scope="col">{t("settings.common.active")}</th>
              <th scope="col">
                <span className="desk-visually-hidden">{t("settings.common.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
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
                <td className="desk-cfg-cell-actions">
                  <div className="desk-cfg-row-actions">
                    <Button
                      variant="tertiary"
                      size="small"
                      disabled={busy || index === 0}
                      aria-label={t("settings.common.moveUpNamed", { name: policy.name })}
                      onClick={() => void reorder(index, -1)}
                    >
                      ↑
                    </Button>
                    <Button
                      variant="tertiary"
                      size="small"
                      disabled={busy || index === policies.length - 1}
                      aria-label={t("settings.common.moveDownNamed", { name: policy.name })}
                      onClick={() => void reorder(index, 1)}
                    >
                      ↓
                    </Button>
                    <Button
                      variant="secondary"
                      size="small"
                      aria-label={t("settings.common.editNamed", { name: policy.name })}
                      onClick={() => {
                        setNotice(null);
                        setEditing(policy);
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
