/** Agent profiles: role, tier, languages, capacity, availability. */
import { Button, Text } from "@saleor/macaw-ui";
import { Fragment, useState } from "react";

import { SETTINGS_AGENTS } from "../../api/operationsSettingsTeams";
import type { AgentProfile, TeamRef } from "../../api/typesSettingsTeams";
import { useI18n } from "../../i18n";
import { Pending, useQuery } from "./sla/parts";
import { AgentForm } from "./teams/AgentForm";
import { staffName } from "./teams/fields";

interface AgentsData {
  supportAgents: AgentProfile[];
  supportTeams: TeamRef[];
}

const COLUMNS = 7;

export function AgentsSettings() {
  const { t } = useI18n();
  const { data, setData, error, reload } = useQuery<AgentsData>(SETTINGS_AGENTS);
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (!data) {
    return <Pending error={error} onRetry={reload} />;
  }
  const agents = data.supportAgents;
  const gone = t("settings.agents.gone");
  const onSaved = (saved: AgentProfile) => {
    const known = agents.some((agent) => agent.id === saved.id);
    setData({ ...data, supportAgents: known ? agents.map((agent) => (agent.id === saved.id ? saved : agent)) : [...agents, saved] });
    setEditing(null);
    setNotice(t("settings.agents.saved", { name: staffName(saved.user, gone) }));
  };
  const open = (id: string | "new") => {
    setNotice(null);
    setEditing(id);
  };

  return (
    <div className="desk-cfg-screen desk-st-wide">
      <div className="desk-cfg-toolbar">
        <Text as="p" className="desk-muted">
          {t("settings.agents.intro")}
        </Text>
        <Button variant="primary" size="small" disabled={editing === "new"} onClick={() => open("new")}>
          {t("settings.agents.add")}
        </Button>
      </div>
      {notice ? (
        <Text as="p" className="desk-notice" role="status">
          {notice}
        </Text>
      ) : null}
      {editing === "new" ? (
        <div className="desk-st-panel">
          <AgentForm profile={null} teams={data.supportTeams} onSaved={onSaved} onCancel={() => setEditing(null)} />
        </div>
      ) : null}
      {agents.length === 0 ? (
        <Text as="p" className="desk-empty">
          {t("settings.agents.empty")}
        </Text>
      ) : (
        <table className="desk-table desk-cfg-table" aria-label={t("settings.section.agents")}>
          <thead>
            <tr>
              <th scope="col">{t("settings.agents.agent")}</th>
              <th scope="col">{t("settings.agents.role")}</th>
              <th scope="col">{t("settings.agents.tier")}</th>
              <th scope="col">{t("settings.agents.languages")}</th>
              <th scope="col">{t("settings.agents.load")}</th>
              <th scope="col">{t("settings.agents.availability")}</th>
              <th scope="col">
                <span className="desk-visually-hidden">{t("settings.common.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {agents.map((agent) => {
              const name = staffName(agent.user, gone);
              return (
                <Fragment key={agent.id}>
                  <tr data-agent={agent.user?.email ?? agent.id}>
                    <td>
                      <span className="desk-st-name">{name}</span>
                      {agent.user && name !== agent.user.email ? (
                        <>
                          <br />
                          <span className="desk-muted desk-st-small">{agent.user.email}</span>
                        </>
                      ) : null}
                      {agent.teams.length ? (
                        <>
                          <br />
                          <span className="desk-muted desk-st-small">{agent.teams.map((team) => team.name).join(", ")}</span>
                        </>
                      ) : null}
                    </td>
                    <td>{t(`settings.agents.role.${agent.role}`)}</td>
                    <td>{agent.tier}</td>
                    <td>{agent.languageCodes.length ? agent.languageCodes.join(", ") : t("settings.agents.anyLanguage")}</td>
                    <td>
                      {t("settings.agents.loadValue", { active: agent.activeTicketCount, capacity: agent.capacity })}
                    </td>
                    <td>
                      <span className={`desk-badge desk-st-availability-${agent.availability.toLowerCase()}`}>
                        {t(`settings.agents.availability.${agent.availability}`)}
                      </span>
                    </td>
                    <td className="desk-cfg-cell-actions">
                      <Button
                        variant="secondary"
                        size="small"
                        disabled={!agent.user}
                        aria-expanded={editing === agent.id}
                        aria-label={t("settings.common.editNamed", { name })}
                        onClick={() => (editing === agent.id ? setEditing(null) : open(agent.id))}
                      >
                        {t("settings.common.edit")}
                      </Button>
                    </td>
                  </tr>
                  {editing === agent.id ? (
                    <tr className="desk-st-inline-row">
                      <td colSpan={COLUMNS}>
                        <AgentForm profile={agent} teams={data.supportTeams} onSaved={onSaved} onCancel={() => setEditing(null)} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
