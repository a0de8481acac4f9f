/** One routing rule: the conditions a new ticket must meet, and the team it then goes to. */
import { Button, Text } from "@saleor/macaw-ui";
import { useId, useState, type FormEvent } from "react";

import {
  SETTINGS_ROUTING_RULE_CREATE,
  SETTINGS_ROUTING_RULE_DELETE,
  SETTINGS_ROUTING_RULE_UPDATE,
} from "../../../api/operationsSettingsTeams";
import { CHANNELS, type Category, type Channel } from "../../../api/types";
import type { RoutingRule, RoutingRuleInput, SettingsError, TeamRef } from "../../../api/typesSettingsTeams";
import { SelectField } from "../../../components/common";
import { useI18n } from "../../../i18n";
import { useSession } from "../../../session";
import { ConfirmDelete, Failure, TextField } from "../sla/parts";
import { ChoiceList, SwitchField, errorsByField, joinList, settingsErrorText, splitList, useAction } from "./fields";

type Result = { routingRule: RoutingRule | null; errors: SettingsError[] } | null;

interface Draft {
  name: string;
  teamId: string;
  isActive: boolean;
  categories: string[];
  channels: Channel[];
  languages: string;
  orderChannels: string;
  tags: string;
}

const FIELDS = new Set(["name", "teamId", "isActive", "categories", "channels", "languageCodes", "orderChannels", "tags"]);

export function RuleEditor({
  rule,
  teams,
  categories,
  onSaved,
  onDeleted,
  onCancel,
}: {
  rule: RoutingRule | null;
  teams: TeamRef[];
  categories: (Category & { isActive: boolean })[];
  onSaved: (rule: RoutingRule) => void;
  onDeleted: (id: string) => void;
  onCancel: () => void;
}) {
  const { request } = useSession();
  const { t } = useI18n();
  const headingId = useId();
  const [draft, setDraft] = useState<Draft>(() => ({
    name: rule?.name ?? "",
    teamId: rule?.team.id ?? teams.find((team) => team.isActive)?.id ?? teams[0]?.id ?? "",
    isActive: rule?.isActive ?? true,
    categories: rule?.categories ?? [],
    channels: rule?.channels ?? [],
    languages: joinList(rule?.languageCodes ?? []),
    orderChannels: joinList(rule?.orderChannels ?? []),
    tags: joinList(rule?.tags ?? []),
  }));
  const [errors, setErrors] = useState<SettingsError[]>([]);
  const { busy, failure, run } = useAction();
  const byField = errorsByField(errors);
  const fieldError = (field: string) => {
    const error = byField.get(field);
    return error ? settingsErrorText(t, "routing", error) : null;
  };
  const update = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));

  const save = () =>
    run(async () => {
      setErrors([]);
      const input: RoutingRuleInput = {
        name: draft.name.trim(),
        teamId: draft.teamId,
        isActive: draft.isActive,
        categories: draft.categories,
        channels: draft.channels,
        languageCodes: splitList(draft.languages),
        orderChannels: splitList(draft.orderChannels),
        tags: splitList(draft.tags),
      };
      let result: Result;
      if (rule) {
        const data = await request<{ supportRoutingRuleUpdate: Result }>(SETTINGS_ROUTING_RULE_UPDATE, { id: rule.id, input });
        result = data.supportRoutingRuleUpdate;
      } else {
        const data = await request<{ supportRoutingRuleCreate: Result }>(SETTINGS_ROUTING_RULE_CREATE, { input });
        result = data.supportRoutingRuleCreate;
      }
      if (result?.errors.length) setErrors(result.errors);
      else if (result?.routingRule) onSaved(result.routingRule);
    });

  const remove = () =>
    run(async () => {
      if (!rule) return;
      setErrors([]);
      const data = await request<{ supportRoutingRuleDelete: { id: string | null; errors: SettingsError[] } | null }>(
        SETTINGS_ROUTING_RULE_DELETE,
        { id: rule.id },
      );
      const result = data.supportRoutingRuleDelete;
      if (result?.errors.length) setErrors(result.errors);
      else onDeleted(rule.id);
    });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  const teamOptions = teams
    .filter((team) => team.isActive || team.id === draft.teamId)
    .map((team) => ({
      value: team.id,
      label: `${team.isActive ? team.name : t("settings.common.inactiveNamed", { name: team.name })} (${team.tier})`,
    }));
  const categoryOptions = categories
    .filter((category) => category.isActive || draft.categories.includes(category.slug))
    .map((category) => ({
      value: category.slug,
      label: category.isActive ? category.name : t("settings.common.inactiveNamed", { name: category.name }),
    }));
  // A slug no category has any more stays listed, so it can be unticked.
  for (const slug of draft.categories) {
    if (!categories.some((category) => category.slug === slug)) categoryOptions.push({ value: slug, label: slug });
  }
  const wholeErrors = errors.filter((error) => !FIELDS.has(error.field ?? ""));

  return (
    <form className="desk-cfg-form" onSubmit={onSubmit} aria-labelledby={headingId} noValidate>
      <div className="desk-cfg-form-head">
        <Button type="button" variant="tertiary" size="small" onClick={onCancel}>
          {t("settings.common.back")}
        </Button>
        <Text as="h3" size={5} fontWeight="bold" id={headingId}>
          {rule ? rule.name : t("settings.routing.newTitle")}
        </Text>
      </div>
      <div className="desk-cfg-row">
        <TextField
          label={t("settings.routing.name")}
          value={draft.name}
          onChange={(name) => update({ name })}
          error={fieldError("name")}
          maxLength={128}
          required
        />
        <SelectField
          label={t("settings.routing.team")}
          value={draft.teamId}
          options={teamOptions}
          onChange={(teamId) => update({ teamId })}
          error={fieldError("teamId")}
        />
      </div>
      <SwitchField
        label={t("settings.common.active")}
        checked={draft.isActive}
        onChange={(isActive) => update({ isActive })}
        hint={t("settings.routing.activeHint")}
        error={fieldError("isActive")}
      />
      <fieldset className="desk-cfg-fieldset">
        <legend>{t("settings.routing.conditions")}</legend>
        <Text as="p" size={2} className="desk-muted">
          {t("settings.routing.conditionsHint")}
        </Text>
        <div className="desk-cfg-conditions">
          <ChoiceList
            legend={t("filter.category")}
            values={draft.categories}
            options={categoryOptions}
            onChange={(values) => update({ categories: values })}
            error={fieldError("categories")}
          />
          <ChoiceList
            legend={t("filter.channel")}
            values={draft.channels}
            options={CHANNELS.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }))}
            onChange={(channels) => update({ channels })}
            error={fieldError("channels")}
          />
        </div>
        <div className="desk-cfg-row">
          <TextField
            label={t("settings.routing.languages")}
            value={draft.languages}
            onChange={(languages) => update({ languages })}
            error={fieldError("languageCodes")}
            hint={t("settings.routing.languagesHint")}
            spellCheck={false}
            placeholder="ro, pl"
          />
          <TextField
            label={t("settings.routing.orderChannels")}
            value={draft.orderChannels}
            onChange={(orderChannels) => update({ orderChannels })}
            error={fieldError("orderChannels")}
            hint={t("settings.routing.orderChannelsHint")}
            spellCheck={false}
          />
          <TextField
            label={t("settings.routing.tags")}
            value={draft.tags}
            onChange={(tags) => update({ tags })}
            error={fieldError("tags")}
            hint={t("settings.routing.tagsHint")}
            spellCheck={false}
          />
        </div>
      </fieldset>

      {wholeErrors.map((error) => (
        <Text as="p" role="alert" className="desk-cfg-alert" key={`${error.field ?? ""}-${error.code}`}>
          {settingsErrorText(t, "routing", error)}
        </Text>
      ))}
      {failure ? <Failure error={failure.error} onRetry={failure.retry} /> : null}

      <div className="desk-cfg-actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? t("settings.common.saving") : t("settings.common.save")}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t("settings.common.cancel")}
        </Button>
        {rule ? (
          <ConfirmDelete
            label={t("settings.routing.delete")}
            question={t("settings.routing.deleteQuestion", { name: rule.name })}
            onConfirm={() => void remove()}
            busy={busy}
          />
        ) : null}
      </div>
    </form>
  );
}
