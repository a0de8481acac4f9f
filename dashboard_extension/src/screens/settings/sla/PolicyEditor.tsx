/** One SLA policy: conditions, targets in business time, warning share, breach actions. */
import { Button, Text } from "@saleor/macaw-ui";
import { useId, useState, type FormEvent, type ReactNode } from "react";

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
import { useSession } from "../../../session";
import { ConfirmDelete, Failure, TextField, codeText } from "./parts";
import { TARGETS, emptyDraft, moved, toDraft, toInput, type PolicyDraft, type TargetField } from "./policyModel";

type Result = { policy: SlaPolicy | null; errors: SlaError[] } | null;

const TARGET_FIELDS: readonly string[] = TARGETS.map((target) => target.field);

function policyErrorText(t: Translate, error: SlaError): string {
  const field = error.field ?? "";
  const keys = TARGET_FIELDS.includes(field)
    ? [`settings.sla.error.target.${error.code}`]
    : [`settings.sla.error.${field}.${error.code}`, `settings.sla.error.${error.code}`];
  return codeText(t, keys, error);
}

export function personName(user: Pick<User, "email" | "firstName" | "lastName">): string {
  const name = `${user.firstName ?? ""} ${user.lastName ?? ""}`.trim();
  return name ? `${name} (${user.email})` : user.email;
}

/** Checkboxes for a condition; none ticked means any. */
function ChoiceGroup<T extends string>({
  legend,
  values,
  options,
  onChange,
  error,
}: {
  legend: string;
  values: readonly T[];
  options: readonly { value: T; label: string }[];
  onChange: (values: T[]) => void;
  error?: string | null;
}) {
  const id = useId();
  return (
    <fieldset className="desk-cfg-choices" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="desk-label">{legend}</legend>
      <div className="desk-cfg-choice-list">
        {options.map((option) => (
          <label key={option.value} className="desk-cfg-check-label">
            <input
              type="checkbox"
              checked={values.includes(option.value)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? options.map((item) => item.value).filter((value) => value === option.value || values.includes(value))
                    : values.filter((value) => value !== option.value),
                )
              }
            />
            {option.label}
          </label>
        ))}
      </div>
      {error ? (
        <Text as="p" id={`${id}-error`} className="desk-field-error" role="alert">
          {error}
        </Text>
      ) : null}
    </fieldset>
  );
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
  const { request } = useSession();
  const { t } = useI18n();
  const [draft, setDraft] = useState<PolicyDraft>(() => (policy ? toDraft(policy) : emptyDraft(calendars[0]?.id ?? "")));
  const [error, setError] = useState<SlaError | null>(null);
  const [invalid, setInvalid] = useState<string[]>([]);
  const [failure, setFailure] = useState<{ error: unknown; retry: () => void } | null>(null);
  const [busy, setBusy] = useState(false);
  const [adding, setAdding] = useState("");
  const headingId = useId();

  const update = (change: Partial<PolicyDraft>) => setDraft((current) => ({ ...current, ...change }));
  const fieldError = (field: string): string | null => {
    if (invalid.includes(field)) {
      return t(field === "warningPercent" ? "settings.sla.error.warningPercent.INVALID" : "settings.sla.error.targetFormat");
    }
    return error?.field === field ? policyErrorText(t, error) : null;
  };

  const save = async () => {
    const { input, invalid: wrong } = toInput(draft);
    setInvalid(wrong);
    setError(null);
    if (wrong.length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      let result: Result;
      if (policy) {
        const data = await request<{ supportSlaPolicyUpdate: Result }>(SLA_POLICY_UPDATE, { id: policy.id, input });
        result = data.supportSlaPolicyUpdate;
      } else {
        const data = await request<{ supportSlaPolicyCreate: Result }>(SLA_POLICY_CREATE, { input });
        result = data.supportSlaPolicyCreate;
      }
      const first = result?.errors[0];
      if (first) setError(first);
      else if (result?.policy) onSaved(result.policy);
    } catch (caught) {
      setFailure({ error: caught, retry: () => void save() });
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!policy) return;
    setBusy(true);
    setError(null);
    setFailure(null);
    try {
      const data = await request<{ supportSlaPolicyDelete: { id: string | null; errors: SlaError[] } | null }>(
        SLA_POLICY_DELETE,
        { id: policy.id },
      );
      const first = data.supportSlaPolicyDelete?.errors[0];
      if (first) setError(first);
      else onDeleted(policy.id);
    } catch (caught) {
      setFailure({ error: caught, retry: () => void remove() });
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save();
  };

  const known = new Set([
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
  const wholeError = error && !known.has(error.field ?? "") ? error : null;
  const remaining = BREACH_ACTIONS.filter((action) => !draft.breachActions.includes(action));
  const actionLabel = (action: string) => t(`settings.sla.action.${action}` as MessageKey);
  const categoryOptions = categories
    .filter((category) => category.isActive || draft.categories.includes(category.slug))
    .map((category) => ({
      value: category.slug,
      label: category.isActive ? category.name : t("settings.common.inactiveNamed", { name: category.name }),
    }));

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
    <form className="desk-cfg-form" onSubmit={onSubmit} aria-labelledby={headingId} noValidate>
      <div className="desk-cfg-form-head">
        <Button type="button" variant="tertiary" size="small" onClick={onCancel}>
          {t("settings.common.back")}
        </Button>
        <Text as="h3" size={5} fontWeight="bold" id={headingId}>
          {policy ? policy.name : t("settings.sla.newTitle")}
        </Text>
      </div>

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
        <label className="desk-cfg-check-label desk-cfg-row-check">
          <input type="checkbox" checked={draft.isActive} onChange={(event) => update({ isActive: event.target.checked })} />
          {t("settings.common.active")}
        </label>
      </div>

      <fieldset className="desk-cfg-fieldset">
        <legend>{t("settings.sla.conditions")}</legend>
        <Text as="p" size={2} className="desk-muted">
          {t("settings.sla.conditionsHint")}
        </Text>
        <div className="desk-cfg-conditions">
          <ChoiceGroup
            legend={t("filter.priority")}
            values={draft.priorities}
            options={PRIORITIES.map((value) => ({ value, label: t(`priority.${value}`) }))}
            onChange={(priorities) => update({ priorities })}
            error={fieldError("priorities")}
          />
          <ChoiceGroup
            legend={t("filter.channel")}
            values={draft.channels}
            options={CHANNELS.map((value) => ({ value, label: t(`channel.${value}`) }))}
            onChange={(channels) => update({ channels })}
            error={fieldError("channels")}
          />
          <ChoiceGroup
            legend={t("filter.category")}
            values={draft.categories}
            options={categoryOptions}
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
        {error?.field === "breachActions" ? (
          <Text as="p" className="desk-field-error" role="alert">
            {fieldError("breachActions")}
          </Text>
        ) : null}
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

      {wholeError ? (
        <Text as="p" role="alert" className="desk-cfg-alert">
          {policyErrorText(t, wholeError)}
        </Text>
      ) : null}
      {failure ? <Failure error={failure.error} onRetry={failure.retry} /> : null}

      <div className="desk-cfg-actions">
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? t("settings.common.saving") : t("settings.common.save")}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t("settings.common.cancel")}
        </Button>
        {policy ? (
          <ConfirmDelete
            label={t("settings.sla.delete")}
            question={t("settings.sla.deleteQuestion", { name: policy.name })}
            onConfirm={() => void remove()}
            busy={busy}
          />
        ) : null}
      </div>
    </form>
  );
}
