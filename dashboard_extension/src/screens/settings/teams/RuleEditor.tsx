/** One routing rule: the conditions a new ticket must meet, and the team it then goes to. */
import { Text } from "@saleor/macaw-ui";
import { useState } from "react";

import {
  SETTINGS_ROUTING_RULE_CREATE,
  SETTINGS_ROUTING_RULE_DELETE,
  SETTINGS_ROUTING_RULE_UPDATE,
} from "../../../api/operationsSettingsTeams";
import { CHANNELS, type Category, type Channel } from "../../../api/types";
import type { RoutingRule, RoutingRuleInput, SettingsError, TeamRef } from "../../../api/typesSettingsTeams";
import { SelectField } from "../../../components/common";
import { useI18n } from "../../../i18n";
import { EditorForm, useEditor } from "../shared/editor";
import { ChoiceList, FormErrors, SwitchField, TextField, fieldErrors, settingsErrorText } from "../shared/fields";
import { activeName, categoryOptions, joinList, splitList } from "../shared/format";

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

const FIELDS: ReadonlySet<string> = new Set(["name", "teamId", "isActive", "categories", "channels", "languageCodes", "orderChannels", "tags"]);

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
  const { t } = useI18n();
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
  const editor = useEditor<RoutingRule, SettingsError>({
    id: rule?.id ?? null,
    create: SETTINGS_ROUTING_RULE_CREATE,
    update: SETTINGS_ROUTING_RULE_UPDATE,
    remove: SETTINGS_ROUTING_RULE_DELETE,
    field: "routingRule",
    onSaved,
    onDeleted,
  });
  const errorText = (error: SettingsError) => settingsErrorText(t, "routing", error);
  const fieldError = fieldErrors(editor.errors, errorText);
  const update = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));

  const save = () => {
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
    return editor.save(input);
  };

  const teamOptions = teams
    .filter((team) => team.isActive || team.id === draft.teamId)
    .map((team) => ({
      value: team.id,
      label: `${activeName(t, team)} (${team.tier})`,
    }));
  const categoryChoices = categoryOptions(t, categories, (slug) => draft.categories.includes(slug));
  // A slug no category has any more stays listed, so it can be unticked.
  for (const slug of draft.categories) {
    if (!categories.some((category) => category.slug === slug)) categoryChoices.push({ value: slug, label: slug });
  }

  return (
    <EditorForm
      editor={editor}
      title={rule ? rule.name : t("settings.routing.newTitle")}
      onSave={save}
      onCancel={onCancel}
      errors={<FormErrors errors={editor.errors} shown={FIELDS} text={errorText} />}
      deletion={
        rule && {
          label: t("settings.routing.delete"),
          question: t("settings.routing.deleteQuestion", { name: rule.name }),
        }
      }
    >
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
            options={categoryChoices}
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
    </EditorForm>
  );
}
