/** Agent profiles: role, tier, languages, capacity, availability. */
import { Fragment } from "react";

import { SETTINGS_AGENTS } from "../../api/operationsSettingsTeams";
import type { AgentProfile, TeamRef } from "../../api/typesSettingsTeams";
import { useI18n } from "../../i18n";
import { staffName } from "./shared/format";
import { Notice, RowActions, ScreenToolbar, SettingsTable, upsert, useListEditing } from "./shared/list";
import { Pending, useSettingsResource } from "./shared/resource";
import { AgentForm } from "./teams/AgentForm";

interface AgentsData {
  supportAgents: AgentProfile[];
  supportTeams: TeamRef[];
}

const COLUMNS = 7;

/** A second, smaller line under a name. */
function SubLine({ children }: { children: string }) {
  return (
    <>
      <br />
      <span className="desk-muted desk-cfg-small">{children}</span>
    </>
  );
}

export function AgentsSettings() {
  const { t } = useI18n();
  const { data, setData, error, reload } = useSettingsResource<AgentsData>(SETTINGS_AGENTS);
  const { editing, notice, open, close, done } = useListEditing<string>();

  if (!data) {
    return <Pending error={error} onRetry={reload} />;
  }
  const agents = data.supportAgents;
  const gone = t("settings.agents.gone");
  const onSaved = (saved: AgentProfile) => {
    setData({ ...data, supportAgents: upsert(agents, saved) });
    done(t("settings.agents.saved", { name: staffName(saved.user, gone) }));
  };

  return (
    <div className="desk-cfg-screen desk-cfg-wide">
      <ScreenToolbar
        intro={t("settings.agents.intro")}
        addLabel={t("settings.agents.add")}
        addDisabled={editing === "new"}
        onAdd={() => open("new")}
      />
      <Notice text={notice} />
      {editing === "new" ? (
        <div className="desk-cfg-panel">
          <AgentForm profile={null} teams={data.supportTeams} onSaved={onSaved} onCancel={close} />
        </div>
      ) : null}
      <SettingsTable
        label={t("settings.section.agents")}
        columns={[
          t("settings.agents.agent"),
          t("settings.agents.role"),
          t("settings.agents.tier"),
          t("settings.agents.languages"),
          t("settings.agents.load"),
          t("settings.agents.availability"),
        ]}
        empty={agents.length === 0 ? t("settings.agents.empty") : null}
      >
        {agents.map((agent) => {
          const name = staffName(agent.user, gone);
          return (
            <Fragment key={agent.id}>
              <tr data-agent={agent.user?.email ?? agent.id}>
                <td>
                  <span className="desk-cfg-name">{name}</span>
                  {agent.user && name !== agent.user.email ? <SubLine>{agent.user.email}</SubLine> : null}
                  {agent.teams.length ? <SubLine>{agent.teams.map((team) => team.name).join(", ")}</SubLine> : null}
                </td>
                <td>{t(`settings.agents.role.${agent.role}`)}</td>
                <td>{agent.tier}</td>
                <td>{agent.languageCodes.length ? agent.languageCodes.join(", ") : t("settings.agents.anyLanguage")}</td>
                <td>{t("settings.agents.loadValue", { active: agent.activeTicketCount, capacity: agent.capacity })}</td>
                <td>
                  <span className={`desk-badge desk-cfg-availability-${agent.availability.toLowerCase()}`}>
                    {t(`settings.agents.availability.${agent.availability}`)}
                  </span>
                </td>
                <RowActions
                  name={name}
                  editDisabled={!agent.user}
                  editExpanded={editing === agent.id}
                  onEdit={() => (editing === agent.id ? close() : open(agent.id))}
                />
              </tr>
              {editing === agent.id ? (
                <tr className="desk-cfg-inline-row">
                  <td colSpan={COLUMNS}>
                    <AgentForm profile={agent} teams={data.supportTeams} onSaved={onSaved} onCancel={close} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </SettingsTable>
    </div>
  );
}
