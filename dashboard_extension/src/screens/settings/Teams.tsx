/** Teams: name, tier, strategy, members, active. */
import { Button, Text } from "@saleor/macaw-ui";
import { useState } from "react";

import { SETTINGS_TEAMS } from "../../api/operationsSettingsTeams";
import type { Tier } from "../../api/types";
import type { StaffUser, Team } from "../../api/typesSettingsTeams";
import { useI18n } from "../../i18n";
import { Pending, useQuery } from "./sla/parts";
import { staffName } from "./teams/fields";
import { TeamEditor } from "./teams/TeamEditor";

export type TeamsData = {
  supportTeams: Team[];
  supportAgents: { id: string; user: StaffUser | null; tier: Tier }[];
  supportRoutingRules: { id: string; team: { id: string } }[];
};

const byPosition = (a: Team, b: Team) => a.position - b.position;

export function TeamsSettings() {
  const { t, number } = useI18n();
  const { data, setData, error, reload } = useQuery<TeamsData>(SETTINGS_TEAMS);
  const [editing, setEditing] = useState<Team | "new" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (!data) {
    return <Pending error={error} onRetry={reload} />;
  }
  const teams = data.supportTeams;

  if (editing) {
    const team = editing === "new" ? null : editing;
    return (
      <TeamEditor
        key={team?.id ?? "new"}
        team={team}
        agents={data.supportAgents}
        ruleCount={team ? data.supportRoutingRules.filter((rule) => rule.team.id === team.id).length : 0}
        nextPosition={teams.reduce((last, item) => Math.max(last, item.position + 1), 0)}
        onCancel={() => setEditing(null)}
        onSaved={(saved) => {
          const others = teams.filter((item) => item.id !== saved.id);
          setData({
            ...data,
            // A new default team takes over from the previous one.
            supportTeams: [...(saved.isDefault ? others.map((item) => ({ ...item, isDefault: false })) : others), saved].sort(
              byPosition,
            ),
          });
          setEditing(null);
          setNotice(t("settings.teams.saved", { name: saved.name }));
        }}
        onDeleted={(id) => {
          setData({
            ...data,
            supportTeams: teams.filter((item) => item.id !== id),
            supportRoutingRules: data.supportRoutingRules.filter((rule) => rule.team.id !== id),
          });
          setEditing(null);
          setNotice(t("settings.teams.deleted"));
        }}
      />
    );
  }

  return (
    <div className="desk-cfg-screen">
      <div className="desk-cfg-toolbar">
        <Text as="p" className="desk-muted">
          {t("settings.teams.intro")}
        </Text>
        <Button
          variant="primary"
          size="small"
          onClick={() => {
            setNotice(null);
            setEditing("new");
          }}
        >
          {t("settings.teams.add")}
        </Button>
      </div>
      {notice ? (
        <Text as="p" className="desk-notice" role="status">
          {notice}
        </Text>
      ) : null}
      {teams.length === 0 ? (
        <Text as="p" className="desk-empty">
          {t("settings.teams.empty")}
        </Text>
      ) : (
        <table className="desk-table desk-cfg-table" aria-label={t("settings.section.teams")}>
          <thead>
            <tr>
              <th scope="col">{t("settings.teams.name")}</th>
              <th scope="col">{t("settings.teams.tier")}</th>
              <th scope="col">{t("settings.teams.assignment")}</th>
              <th scope="col" className="desk-cfg-number">
                {t("settings.teams.members")}
              </th>
              <th scope="col">{t("settings.common.active")}</th>
              <th scope="col">
                <span className="desk-visually-hidden">{t("settings.common.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {teams.map((team) => (
              <tr key={team.id} data-team={team.name}>
                <td>
                  <span className="desk-st-name">{team.name}</span>{" "}
                  {team.isDefault ? <span className="desk-badge">{t("settings.teams.defaultBadge")}</span> : null}
                </td>
                <td>{team.tier}</td>
                <td>
                  {t(`settings.teams.strategy.${team.strategy}`)}
                  <br />
                  <span className="desk-muted desk-st-small">
                    {t(team.autoAssign ? "settings.teams.autoAssignShort" : "settings.teams.manualShort")}
                  </span>
                </td>
                <td
                  className="desk-cfg-number"
                  title={team.members.map((member) => staffName(member.user, t("settings.agents.gone"))).join(", ")}
                >
                  {number(team.members.length)}
                </td>
                <td>{team.isActive ? t("settings.common.yes") : t("settings.common.no")}</td>
                <td className="desk-cfg-cell-actions">
                  <Button
                    variant="secondary"
                    size="small"
                    aria-label={t("settings.common.editNamed", { name: team.name })}
                    onClick={() => {
                      setNotice(null);
                      setEditing(team);
                    }}
                  >
                    {t("settings.common.edit")}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
