/** How one staff member works on the desk: role, tier, languages, capacity, availability, teams. */
import { Button, Text } from "@saleor/macaw-ui";
import { useId, useState, type FormEvent } from "react";

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
import { useSession } from "../../../session";
import { Failure, TextField } from "../sla/parts";
import { ChoiceList, errorsByField, joinList, settingsErrorText, splitList, staffName, useAction } from "./fields";

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

const FIELDS = new Set(["userId", "role", "tier", "languageCodes", "capacity", "availability", "teamIds"]);

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
  const { request } = useSession();
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
  const byField = errorsByField(errors);
  const fieldError = (field: string) => {
    if (invalid.includes(field)) return t(field === "userId" ? "settings.agents.error.userId.REQUIRED" : "settings.agents.error.capacity.INVALID");
    const error = byField.get(field);
    return error ? settingsErrorText(t, "agents", error) : null;
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
      const data = await request<{ supportAgentProfileUpdate: Result }>(SETTINGS_AGENT_PROFILE_UPDATE, { userId, input });
      const result = data.supportAgentProfileUpdate;
      if (result?.errors.length) setErrors(result.errors);
      else if (result?.agentProfile) onSaved(result.agentProfile);
    });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  const teamOptions = teams
    .filter((team) => team.isActive || draft.teamIds.includes(team.id))
    .map((team) => ({
      value: team.id,
      label: `${team.isActive ? team.name : t("settings.common.inactiveNamed", { name: team.name })} · ${team.tier}`,
    }));
  const wholeErrors = errors.filter((error) => !FIELDS.has(error.field ?? ""));

  return (
    <form className="desk-cfg-form desk-st-agent-form" onSubmit={onSubmit} aria-labelledby={headingId} noValidate>
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
          className="desk-st-number-field"
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
      {wholeErrors.map((error) => (
        <Text as="p" role="alert" className="desk-cfg-alert" key={`${error.field ?? ""}-${error.code}`}>
          {settingsErrorText(t, "agents", error)}
        </Text>
      ))}
      {failure ? <Failure error={failure.error} onRetry={failure.retry} /> : null}
      <div className="desk-cfg-actions">
        <Button type="submit" variant="primary" size="small" disabled={busy}>
          {busy ? t("settings.common.saving") : t("settings.common.save")}
        </Button>
        <Button type="button" variant="secondary" size="small" onClick={onCancel}>
          {t("settings.common.cancel")}
        </Button>
      </div>
    </form>
  );
}
