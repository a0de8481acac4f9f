/** One team: name, slug, tier, how tickets reach its members, the members; saved or deleted. */
import { Text } from "@saleor/macaw-ui";
import { useState } from "react";

import { SETTINGS_TEAM_CREATE, SETTINGS_TEAM_DELETE, SETTINGS_TEAM_UPDATE } from "../../../api/operationsSettingsTeams";
import type { Tier } from "../../../api/types";
import {
  STRATEGIES,
  TIERS,
  type SettingsError,
  type StaffUser,
  type Strategy,
  type Team,
  type TeamInput,
} from "../../../api/typesSettingsTeams";
import { SelectField } from "../../../components/common";
import { useI18n } from "../../../i18n";
import { EditorForm, useEditor } from "../shared/editor";
import { ChoiceList, FormErrors, SwitchField, TextField, fieldErrors, settingsErrorText } from "../shared/fields";
import { slugify, staffName } from "../shared/format";

interface Draft {
  name: string;
  slug: string;
  /** Whether the slug was written by hand (a new team's slug follows its name until then). */
  slugEdited: boolean;
  tier: Tier;
  strategy: Strategy;
  autoAssign: boolean;
  isDefault: boolean;
  isActive: boolean;
  memberIds: string[];
}

function toDraft(team: Team | null): Draft {
  if (!team) {
    return {
      name: "",
      slug: "",
      slugEdited: false,
      tier: "L1",
      strategy: "ROUND_ROBIN",
      autoAssign: true,
      isDefault: false,
      isActive: true,
      memberIds: [],
    };
  }
  return {
    name: team.name,
    slug: team.slug,
    slugEdited: true,
    tier: team.tier,
    strategy: team.strategy,
    autoAssign: team.autoAssign,
    isDefault: team.isDefault,
    isActive: team.isActive,
    memberIds: team.members.flatMap((member) => (member.user ? [member.user.id] : [])),
  };
}

const FIELDS: ReadonlySet<string> = new Set(["name", "slug", "tier", "strategy", "autoAssign", "isDefault", "isActive", "memberIds"]);

export function TeamEditor({
  team,
  agents,
  ruleCount,
  nextPosition,
  onSaved,
  onDeleted,
  onCancel,
}: {
  team: Team | null;
  agents: { id: string; user: StaffUser | null; tier: Tier }[];
  ruleCount: number;
  nextPosition: number;
  onSaved: (team: Team) => void;
  onDeleted: (id: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => toDraft(team));
  const editor = useEditor<Team, SettingsError>({
    id: team?.id ?? null,
    create: SETTINGS_TEAM_CREATE,
    update: SETTINGS_TEAM_UPDATE,
    remove: SETTINGS_TEAM_DELETE,
    field: "team",
    onSaved,
    onDeleted,
  });
  const errorText = (error: SettingsError) => settingsErrorText(t, "teams", error);
  const fieldError = fieldErrors(editor.errors, errorText);
  const update = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));

  const save = () => {
    const input: TeamInput = {
      name: draft.name.trim(),
      slug: draft.slug.trim(),
      tier: draft.tier,
      strategy: draft.strategy,
      autoAssign: draft.autoAssign,
      isDefault: draft.isDefault,
      isActive: draft.isActive,
      memberIds: draft.memberIds,
    };
    // New teams go after the others, so escalation keeps picking the team it picked before.
    return editor.save(input, { ...input, position: nextPosition });
  };

  const gone = t("settings.agents.gone");
  const memberOptions = agents
    .flatMap((agent) => (agent.user ? [{ user: agent.user, tier: agent.tier }] : []))
    .sort((a, b) => staffName(a.user, gone).localeCompare(staffName(b.user, gone)))
    .map(({ user, tier }) => ({
      value: user.id,
      label: (
        <span>
          {staffName(user, gone)} <span className="desk-muted">{t("settings.teams.memberDetail", { email: user.email, tier })}</span>
        </span>
      ),
    }));

  return (
    <EditorForm
      editor={editor}
      title={team ? team.name : t("settings.teams.newTitle")}
      onSave={save}
      onCancel={onCancel}
      errors={<FormErrors errors={editor.errors} shown={FIELDS} text={errorText} />}
      deletion={
        team && {
          label: t("settings.teams.delete"),
          question:
            ruleCount > 0
              ? t("settings.teams.deleteQuestionRules", { name: team.name, count: ruleCount })
              : t("settings.teams.deleteQuestion", { name: team.name }),
        }
      }
    >
      <div className="desk-cfg-row">
        <TextField
          label={t("settings.teams.name")}
          value={draft.name}
          onChange={(name) => update(draft.slugEdited ? { name } : { name, slug: slugify(name) })}
          error={fieldError("name")}
          maxLength={128}
          required
        />
        <TextField
          label={t("settings.teams.slug")}
          value={draft.slug}
          onChange={(slug) => update({ slug, slugEdited: true })}
          error={fieldError("slug")}
          hint={t("settings.teams.slugHint")}
          maxLength={64}
          spellCheck={false}
          required
        />
      </div>
      <div className="desk-cfg-row">
        <SelectField
          label={t("settings.teams.tier")}
          value={draft.tier}
          options={TIERS.map((tier) => ({ value: tier, label: tier }))}
          onChange={(tier) => update({ tier })}
          error={fieldError("tier")}
        />
        <SelectField
          label={t("settings.teams.strategy")}
          value={draft.strategy}
          options={STRATEGIES.map((strategy) => ({ value: strategy, label: t(`settings.teams.strategy.${strategy}`) }))}
          onChange={(strategy) => update({ strategy })}
          error={fieldError("strategy")}
        />
      </div>
      <Text as="p" size={2} className="desk-muted">
        {t("settings.teams.tierHint")} {t("settings.teams.strategyHint")}
      </Text>
      <div className="desk-cfg-switches">
        <SwitchField
          label={t("settings.teams.autoAssign")}
          checked={draft.autoAssign}
          onChange={(autoAssign) => update({ autoAssign })}
          hint={t("settings.teams.autoAssignHint")}
          error={fieldError("autoAssign")}
        />
        <SwitchField
          label={t("settings.teams.isDefault")}
          checked={draft.isDefault}
          onChange={(isDefault) => update({ isDefault })}
          hint={t("settings.teams.isDefaultHint")}
          error={fieldError("isDefault")}
        />
        <SwitchField
          label={t("settings.common.active")}
          checked={draft.isActive}
          onChange={(isActive) => update({ isActive })}
          hint={t("settings.teams.activeHint")}
          error={fieldError("isActive")}
        />
      </div>
      <div className="desk-cfg-fieldset">
        <ChoiceList
          legend={t("settings.teams.members")}
          values={draft.memberIds}
          options={memberOptions}
          onChange={(memberIds) => update({ memberIds })}
          hint={t("settings.teams.membersHint")}
          error={fieldError("memberIds")}
          empty={t("settings.teams.noAgents")}
        />
      </div>
    </EditorForm>
  );
}
