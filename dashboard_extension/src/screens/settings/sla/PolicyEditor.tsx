/** One SLA policy: conditions, targets in business time, warning share, breach actions. */
import { Button, Text } from "@saleor/macaw-ui";
import { useId, useState, type ReactNode } from "react";

import { SLA_POLICY_CREATE, SLA_POLICY_DELETE, SLA_POLICY_UPDATE } from "../../../api/operationsSettingsSla";
import { CHANNELS, PRIORITIES, type User } from "../../../api/types";
import {
  BREACH_ACTIONS,
  type SettingsCategory,
  type SlaError,
  type SlaPolicy,
} from "../../../api/typesSettingsSla";
import { SelectField } from "../../../components/common";
import { useI18n, type MessageKey, type Translate } from "../../../i18n";
import { EditorForm, useEditor } from "../shared/editor";
import { CheckField, ChoiceList, ErrorText, FormErrors, TextField, codeText, fieldErrors, settingsErrorText } from "../shared/fields";
import { categoryOptions, personName } from "../shared/format";
import { moved } from "../shared/list";
import { TARGETS, emptyDraft, toDraft, toInput, type PolicyDraft, type TargetField } from "./policyModel";

const TARGET_FIELDS: readonly string[] = TARGETS.map((target) => target.field);

const FIELDS: ReadonlySet<string> = new Set([
  "name",
  "calendar",
  "isActive",
  "priorities",
  "channels",
  "categories",
  "orderChannels",
  "warningPercent",
  "breachActions",
  "notifyUser",
  ...TARGET_FIELDS,
]);

function policyErrorText(t: Translate, error: SlaError): string {
  return TARGET_FIELDS.includes(error.field ?? "")
    ? codeText(t, [`settings.sla.error.target.${error.code}`], error)
    : settingsErrorText(t, "sla", error);
}

/** Hours and minutes of business time for one target; both empty for none. */
function DurationField({
  legend,
  hours,
  minutes,
  onChange,
  error,
}: {
  legend: string;
  hours: string;
  minutes: string;
  onChange: (value: { hours: string; minutes: string }) => void;
  error?: string | null;
}) {
  const { t } = useI18n();
  const id = useId();
  const describedBy = `${id}-unit${error ? ` ${id}-error` : ""}`;
  return (
    <fieldset className="desk-cfg-duration" aria-describedby={describedBy}>
      <legend className="desk-label">{legend}</legend>
      <div className="desk-cfg-duration-inputs">
        <label className="desk-cfg-inline-field">
          <input
            className="desk-input"
            type="number"
            min={0}
            step={1}
            inputMode="numeric"
            value={hours}
            aria-label={t("settings.sla.hoursOf", { target: legend })}
            aria-invalid={error ? true : undefined}
            onChange={(event) => onChange({ hours: event.target.value, minutes })}
          />
          <span aria-hidden="true">{t("settings.sla.hours")}</span>
        </label>
        <label className="desk-cfg-inline-field">
          <input
            className="desk-input"
            type="number"
            min={0}
            max={59}
            step={1}
            inputMode="numeric"
            value={minutes}
            aria-label={t("settings.sla.minutesOf", { target: legend })}
            aria-invalid={error ? true : undefined}
            onChange={(event) => onChange({ hours, minutes: event.target.value })}
          />
          <span aria-hidden="true">{t("settings.sla.minutes")}</span>
        </label>
        <span id={`${id}-unit`} className="desk-muted">
          {t("settings.sla.businessHours")}
        </span>
      </div>
      {error ? (
        <Text as="p" id={`${id}-error`} className="desk-field-error" role="alert">
          {error}
        </Text>
      ) : null}
    </fieldset>
  );
}

export function PolicyEditor({
  policy,
  calendars,
  categories,
  agents,
  onSaved,
  onDeleted,
  onCancel,
}: {
  policy: SlaPolicy | null;
  calendars: { id: string; name: string }[];
  categories: SettingsCategory[];
  agents: User[];
  onSaved: (policy: SlaPolicy) => void;
  onDeleted: (id: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<PolicyDraft>(() => (policy ? toDraft(policy) : emptyDraft(calendars[0]?.id ?? "")));
  const [invalid, setInvalid] = useState<string[]>([]);
  const editor = useEditor<SlaPolicy, SlaError>({
    id: policy?.id ?? null,
    create: SLA_POLICY_CREATE,
    update: SLA_POLICY_UPDATE,
    remove: SLA_POLICY_DELETE,
    field: "policy",
    onSaved,
    onDeleted,
  });
  // The first refusal is shown, at its field when it names one.
  const error = editor.errors[0] ?? null;
  const [adding, setAdding] = useState("");

  const update = (change: Partial<PolicyDraft>) => setDraft((current) => ({ ...current, ...change }));
  const errorText = (found: SlaError) => policyErrorText(t, found);
  const serverError = fieldErrors(error ? [error] : [], errorText);
  const fieldError = (field: string): string | null => {
    if (invalid.includes(field)) {
      return t(field === "warningPercent" ? "settings.sla.error.warningPercent.INVALID" : "settings.sla.error.targetFormat");
    }
    return serverError(field);
  };

  const save = () => {
    const { input, invalid: wrong } = toInput(draft);
    setInvalid(wrong);
    editor.setErrors([]);
    if (wrong.length === 0) void editor.save(input);
  };

  const remaining = BREACH_ACTIONS.filter((action) => !draft.breachActions.includes(action));
  const actionLabel = (action: string) => t(`settings.sla.action.${action}` as MessageKey);

  let notify: ReactNode = null;
  if (draft.breachActions.includes("NOTIFY_LEAD")) {
    notify = (
      <SelectField
        label={t("settings.sla.notifyUser")}
        value={draft.notifyUser}
        options={[
          { value: "", label: t("settings.sla.notifyDefault") },
          ...agents.map((user) => ({ value: user.id, label: personName(user) })),
        ]}
        onChange={(notifyUser) => update({ notifyUser })}
        error={fieldError("notifyUser")}
      />
    );
  }

  return (
    <EditorForm
      editor={editor}
      title={policy ? policy.name : t("settings.sla.newTitle")}
      onSave={save}
      onCancel={onCancel}
      errors={<FormErrors errors={error ? [error] : []} shown={FIELDS} text={errorText} />}
      deletion={
        policy && {
          label: t("settings.sla.delete"),
          question: t("settings.sla.deleteQuestion", { name: policy.name }),
        }
      }
    >
      <div className="desk-cfg-row">
        <TextField
          label={t("settings.sla.name")}
          value={draft.name}
          onChange={(name) => update({ name })}
          error={fieldError("name")}
          maxLength={128}
          required
        />
        <SelectField
          label={t("settings.sla.calendar")}
          value={draft.calendar}
          options={calendars.map((calendar) => ({ value: calendar.id, label: calendar.name }))}
          onChange={(calendar) => update({ calendar })}
          error={fieldError("calendar")}
        />
        <CheckField
          className="desk-cfg-row-check"
          label={t("settings.common.active")}
          checked={draft.isActive}
          onChange={(isActive) => update({ isActive })}
        />
      </div>

      <fieldset className="desk-cfg-fieldset">
        <legend>{t("settings.sla.conditions")}</legend>
        <Text as="p" size={2} className="desk-muted">
          {t("settings.sla.conditionsHint")}
        </Text>
        <div className="desk-cfg-conditions">
          <ChoiceList
            legend={t("filter.priority")}
            values={draft.priorities}
            options={PRIORITIES.map((value) => ({ value, label: t(`priority.${value}`) }))}
            onChange={(priorities) => update({ priorities })}
            error={fieldError("priorities")}
          />
          <ChoiceList
            legend={t("filter.channel")}
            values={draft.channels}
            options={CHANNELS.map((value) => ({ value, label: t(`channel.${value}`) }))}
            onChange={(channels) => update({ channels })}
            error={fieldError("channels")}
          />
          <ChoiceList
            legend={t("filter.category")}
            values={draft.categories}
            options={categoryOptions(t, categories, (slug) => draft.categories.includes(slug))}
            onChange={(slugs) => update({ categories: slugs })}
            error={fieldError("categories")}
          />
        </div>
        <TextField
          label={t("settings.sla.orderChannels")}
          value={draft.orderChannels}
          onChange={(orderChannels) => update({ orderChannels })}
          error={fieldError("orderChannels")}
          hint={t("settings.sla.orderChannelsHint")}
          placeholder="default-channel"
        />
      </fieldset>

      <fieldset className="desk-cfg-fieldset">
        <legend>{t("settings.sla.targets")}</legend>
        <Text as="p" size={2} className="desk-muted">
          {t("settings.sla.targetsHint")}
        </Text>
        {TARGETS.map((target) => (
          <DurationField
            key={target.field}
            legend={t(`sla.kind.${target.kind}`)}
            hours={draft.targets[target.field].hours}
            minutes={draft.targets[target.field].minutes}
            onChange={(value) => update({ targets: { ...draft.targets, [target.field as TargetField]: value } })}
            error={fieldError(target.field)}
          />
        ))}
        <TextField
          className="desk-cfg-narrow"
          label={t("settings.sla.warningPercent")}
          type="number"
          min={1}
          max={99}
          inputMode="numeric"
          value={draft.warningPercent}
          onChange={(warningPercent) => update({ warningPercent })}
          error={fieldError("warningPercent")}
          hint={t("settings.sla.warningHint")}
        />
      </fieldset>

      <fieldset className="desk-cfg-fieldset">
        <legend>{t("settings.sla.breachActions")}</legend>
        <Text as="p" size={2} className="desk-muted">
          {t("settings.sla.breachHint")}
        </Text>
        {draft.breachActions.length === 0 ? <Text as="p">{t("settings.sla.noActions")}</Text> : null}
        <ol className="desk-cfg-ordered">
          {draft.breachActions.map((action, index) => (
            <li key={action}>
              <span>{actionLabel(action)}</span>
              <Button
                type="button"
                variant="tertiary"
                size="small"
                disabled={index === 0}
                aria-label={t("settings.common.moveUpNamed", { name: actionLabel(action) })}
                onClick={() => update({ breachActions: moved(draft.breachActions, index, -1) })}
              >
                ↑
              </Button>
              <Button
                type="button"
                variant="tertiary"
                size="small"
                aria-label={t("settings.common.removeNamed", { name: actionLabel(action) })}
                onClick={() => update({ breachActions: draft.breachActions.filter((item) => item !== action) })}
              >
                {t("settings.common.remove")}
              </Button>
            </li>
          ))}
        </ol>
        <ErrorText>{fieldError("breachActions")}</ErrorText>
        {remaining.length > 0 ? (
          <div className="desk-cfg-inline">
            <SelectField
              label={t("settings.sla.addAction")}
              value={adding}
              options={[
                { value: "", label: t("bulk.choose") },
                ...remaining.map((action) => ({ value: action, label: actionLabel(action) })),
              ]}
              onChange={setAdding}
            />
            <Button
              type="button"
              variant="secondary"
              size="small"
              disabled={!adding}
              onClick={() => {
                const action = remaining.find((item) => item === adding);
                if (action) update({ breachActions: [...draft.breachActions, action] });
                setAdding("");
              }}
            >
              {t("settings.common.add")}
            </Button>
          </div>
        ) : null}
        {notify}
      </fieldset>
    </EditorForm>
  );
}
