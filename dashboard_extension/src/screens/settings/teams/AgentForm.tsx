/** How one staff member works on the desk: role, tier, languages, capacity, availability, teams. */
import { Text } from "@saleor/macaw-ui";
import { useId, useState } from "react";

import { SETTINGS_AGENT_PROFILE_UPDATE } from "../../../api/operationsSettingsTeams";
import type { Tier } from "../../../api/types";
import {
  AVAILABILITIES,
  ROLES,
  TIERS,
  type AgentProfile,
  type AgentProfileInput,
  type Availability,
  type Role,
  type SettingsError,
  type TeamRef,
} from "../../../api/typesSettingsTeams";
import { SelectField } from "../../../components/common";
import { useI18n } from "../../../i18n";
import { EditorFooter, submitWith } from "../shared/editor";
import { ChoiceList, FormErrors, TextField, fieldErrors, settingsErrorText } from "../shared/fields";
import { activeName, joinList, splitList, staffName } from "../shared/format";
import { ActionFailed, useAction, useMutate } from "../shared/resource";

type Result = { agentProfile: AgentProfile | null; errors: SettingsError[] } | null;

interface Draft {
  staff: string;
  role: Role;
  tier: Tier;
  languages: string;
  capacity: string;
  availability: Availability;
  teamIds: string[];
}

const FIELDS: ReadonlySet<string> = new Set(["userId", "role", "tier", "languageCodes", "capacity", "availability", "teamIds"]);

/** The `User` id in what a lead pasted: the id itself, or the address of the staff member's page in Saleor's Dashboard. */
export function staffIdFrom(text: string): string {
  const value = text.trim();
  if (!value.includes("/")) return value;
  const path = value.split(/[?#]/)[0] ?? "";
  const last = path.split("/").filter(Boolean).pop() ?? "";
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

export function AgentForm({
  profile,
  teams,
  onSaved,
  onCancel,
}: {
  /** The profile to change; null to set up a staff member without one. */
  profile: AgentProfile | null;
  teams: TeamRef[];
  onSaved: (profile: AgentProfile) => void;
  onCancel: () => void;
}) {
  const mutate = useMutate();
  const { t } = useI18n();
  const headingId = useId();
  const [draft, setDraft] = useState<Draft>(() => ({
    staff: "",
    role: profile?.role ?? "AGENT",
    tier: profile?.tier ?? "L1",
    languages: joinList(profile?.languageCodes ?? []),
    capacity: String(profile?.capacity ?? 20),
    availability: profile?.availability ?? "ON_SHIFT",
    teamIds: profile?.teams.map((team) => team.id) ?? [],
  }));
  const [errors, setErrors] = useState<SettingsError[]>([]);
  const [invalid, setInvalid] = useState<string[]>([]);
  const { busy, failure, run } = useAction();
  const errorText = (error: SettingsError) => settingsErrorText(t, "agents", error);
  const serverError = fieldErrors(errors, errorText);
  const fieldError = (field: string) => {
    if (invalid.includes(field)) return t(field === "userId" ? "settings.agents.error.userId.REQUIRED" : "settings.agents.error.capacity.INVALID");
    return serverError(field);
  };
  const update = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));

  const save = () =>
    run(async () => {
      const userId = profile?.user?.id ?? staffIdFrom(draft.staff);
      const capacity = /^\d+$/.test(draft.capacity.trim()) ? Number(draft.capacity.trim()) : null;
      const wrong = [...(userId ? [] : ["userId"]), ...(capacity === null ? ["capacity"] : [])];
      setInvalid(wrong);
      setErrors([]);
      if (wrong.length > 0 || capacity === null) return;
      const input: AgentProfileInput = {
        role: draft.role,
        tier: draft.tier,
        languageCodes: splitList(draft.languages),
        capacity,
        availability: draft.availability,
        teamIds: draft.teamIds,
      };
      const result = await mutate<Result>(SETTINGS_AGENT_PROFILE_UPDATE, { userId, input });
      if (result?.errors.length) setErrors(result.errors);
      else if (result?.agentProfile) onSaved(result.agentProfile);
    });

  const teamOptions = teams
    .filter((team) => team.isActive || draft.teamIds.includes(team.id))
    .map((team) => ({
      value: team.id,
      label: `${activeName(t, team)} · ${team.tier}`,
    }));

  return (
    <form className="desk-cfg-form desk-cfg-agent-form" onSubmit={submitWith(save)} aria-labelledby={headingId} noValidate>
      <Text as="h3" size={4} fontWeight="bold" id={headingId}>
        {profile
          ? t("settings.agents.editTitle", { name: staffName(profile.user, t("settings.agents.gone")) })
          : t("settings.agents.addTitle")}
      </Text>
      {profile ? null : (
        <TextField
          label={t("settings.agents.staff")}
          value={draft.staff}
          onChange={(staff) => update({ staff })}
          error={fieldError("userId")}
          hint={t("settings.agents.staffHint")}
          spellCheck={false}
          required
        />
      )}
      <div className="desk-cfg-row">
        <SelectField
          label={t("settings.agents.role")}
          value={draft.role}
          options={ROLES.map((role) => ({ value: role, label: t(`settings.agents.role.${role}`) }))}
          onChange={(role) => update({ role })}
          error={fieldError("role")}
        />
        <SelectField
          label={t("settings.agents.tier")}
          value={draft.tier}
          options={TIERS.map((tier) => ({ value: tier, label: tier }))}
          onChange={(tier) => update({ tier })}
          error={fieldError("tier")}
        />
        <SelectField
          label={t("settings.agents.availability")}
          value={draft.availability}
          options={AVAILABILITIES.map((value) => ({ value, label: t(`settings.agents.availability.${value}`) }))}
          onChange={(availability) => update({ availability })}
          error={fieldError("availability")}
        />
      </div>
      <div className="desk-cfg-row">
        <TextField
          label={t("settings.agents.languages")}
          value={draft.languages}
          onChange={(languages) => update({ languages })}
          error={fieldError("languageCodes")}
          hint={t("settings.agents.languagesHint")}
          spellCheck={false}
          placeholder="ro, en"
        />
        <TextField
          label={t("settings.agents.capacity")}
          value={draft.capacity}
          onChange={(capacity) => update({ capacity })}
          error={fieldError("capacity")}
          hint={t("settings.agents.capacityHint")}
          type="number"
          min={0}
          max={1000}
          step={1}
          inputMode="numeric"
          className="desk-cfg-number-field"
        />
      </div>
      <ChoiceList
        legend={t("settings.agents.teams")}
        values={draft.teamIds}
        options={teamOptions}
        onChange={(teamIds) => update({ teamIds })}
        error={fieldError("teamIds")}
        empty={t("settings.agents.noTeams")}
      />
      <FormErrors errors={errors} shown={FIELDS} text={errorText} />
      <ActionFailed failure={failure} />
      <EditorFooter busy={busy} onCancel={onCancel} small />
    </form>
  );
}
