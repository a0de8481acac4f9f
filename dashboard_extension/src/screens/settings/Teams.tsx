/** Teams: name, tier, strategy, members, active. */
import { SETTINGS_TEAMS } from "../../api/operationsSettingsTeams";
import type { Tier } from "../../api/types";
import type { StaffUser, Team } from "../../api/typesSettingsTeams";
import { useI18n } from "../../i18n";
import { staffName } from "./shared/format";
import { Notice, RowActions, ScreenToolbar, SettingsTable, useListEditing, without } from "./shared/list";
import { Pending, useSettingsResource } from "./shared/resource";
import { TeamEditor } from "./teams/TeamEditor";

export type TeamsData = {
  supportTeams: Team[];
  supportAgents: { id: string; user: StaffUser | null; tier: Tier }[];
  supportRoutingRules: { id: string; team: { id: string } }[];
};

const byPosition = (a: Team, b: Team) => a.position - b.position;

export function TeamsSettings() {
  const { t, number } = useI18n();
  const { data, setData, error, reload } = useSettingsResource<TeamsData>(SETTINGS_TEAMS);
  const { editing, notice, open, close, done } = useListEditing<Team>();

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
        onCancel={close}
        onSaved={(saved) => {
          const others = without(teams, saved.id);
          setData({
            ...data,
            // A new default team takes over from the previous one.
            supportTeams: [...(saved.isDefault ? others.map((item) => ({ ...item, isDefault: false })) : others), saved].sort(
              byPosition,
            ),
          });
          done(t("settings.teams.saved", { name: saved.name }));
        }}
        onDeleted={(id) => {
          setData({
            ...data,
            supportTeams: without(teams, id),
            supportRoutingRules: data.supportRoutingRules.filter((rule) => rule.team.id !== id),
          });
          done(t("settings.teams.deleted"));
        }}
      />
    );
  }

  return (
    <div className="desk-cfg-screen">
      <ScreenToolbar intro={t("settings.teams.intro")} addLabel={t("settings.teams.add")} onAdd={() => open("new")} />
      <Notice text={notice} />
      <SettingsTable
        label={t("settings.section.teams")}
        columns={[
          t("settings.teams.name"),
          t("settings.teams.tier"),
          t("settings.teams.assignment"),
          { label: t("settings.teams.members"), numeric: true },
          t("settings.common.active"),
        ]}
        empty={teams.length === 0 ? t("settings.teams.empty") : null}
      >
        {teams.map((team) => (
          <tr key={team.id} data-team={team.name}>
            <td>
              <span className="desk-cfg-name">{team.name}</span>{" "}
              {team.isDefault ? <span className="desk-badge">{t("settings.teams.defaultBadge")}</span> : null}
            </td>
            <td>{team.tier}</td>
            <td>
              {t(`settings.teams.strategy.${team.strategy}`)}
              <br />
              <span className="desk-muted desk-cfg-small">
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
            <RowActions name={team.name} onEdit={() => open(team)} />
          </tr>
        ))}
      </SettingsTable>
    </div>
  );
}
