/** Intake rules: which store events open tickets, with what priority and category. */
import { Button, Text } from "@saleor/macaw-ui";
import { useId, useRef, useState } from "react";

import { SETTINGS_INTAKE_RULES, SETTINGS_INTAKE_RULES_UPDATE } from "../../api/operationsSettingsTeams";
import { PRIORITIES, type Category, type Priority } from "../../api/types";
import {
  ACKNOWLEDGEMENT_PLACEHOLDERS,
  ACKNOWLEDGEMENT_SECTIONS,
  type IntakeKind,
  type IntakeRules,
  type IntakeRulesInput,
  type SettingsError,
} from "../../api/typesSettingsTeams";
import { useI18n, type Translate } from "../../i18n";
import { SaveButton, submitWith } from "./shared/editor";
import {
  ErrorText,
  FormErrors,
  SelectInput,
  SwitchField,
  TextField,
  errorsByField,
  fieldErrors,
  settingsErrorText,
} from "./shared/fields";
import { categoryOptions } from "./shared/format";
import { Notice } from "./shared/list";
import { ActionFailed, Pending, useAction, useMutate, useSettingsResource } from "./shared/resource";

interface IntakeData {
  supportIntakeRules: IntakeRules;
  supportCategories: (Category & { isActive: boolean })[];
}

type Result = { intakeRules: IntakeRules | null; errors: SettingsError[] } | null;

interface Draft {
  events: { kind: IntakeKind; enabled: boolean; priority: Priority; category: string }[];
  acknowledgeCustomer: boolean;
  acknowledgementMessage: string;
  reopenDays: string;
}

function toDraft(rules: IntakeRules): Draft {
  return {
    events: rules.events.map((event) => ({
      kind: event.kind,
      enabled: event.enabled,
      priority: event.priority,
      category: event.categorySlug,
    })),
    acknowledgeCustomer: rules.acknowledgeCustomer,
    acknowledgementMessage: rules.acknowledgementMessage,
    reopenDays: String(rules.customerReopenDays),
  };
}

const MAX_REOPEN_DAYS = 365;

/** An error about the acknowledgement, in the agent's language, naming the section it is in. */
function messageErrorText(t: Translate, error: SettingsError): string {
  const text = settingsErrorText(t, "intake", error);
  const section = /^\[([A-Za-z-]+)\]/.exec(error.message)?.[1];
  return section ? t("settings.intake.inSection", { section: `[${section}]`, problem: text }) : text;
}

export function IntakeRulesSettings() {
  const mutate = useMutate();
  const { t } = useI18n();
  const { data, setData, error, reload } = useSettingsResource<IntakeData>(SETTINGS_INTAKE_RULES);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<SettingsError[]>([]);
  const [daysInvalid, setDaysInvalid] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, failure, run } = useAction();
  const messageRef = useRef<HTMLTextAreaElement>(null);
  const messageId = useId();

  if (!data) {
    return <Pending error={error} onRetry={reload} />;
  }
  const loaded = toDraft(data.supportIntakeRules);
  const current = draft ?? loaded;
  const changed = JSON.stringify(current) !== JSON.stringify(loaded);
  const update = (change: Partial<Draft>) => {
    setNotice(null);
    setDraft({ ...current, ...change });
  };
  const setEvent = (index: number, change: Partial<Draft["events"][number]>) =>
    update({ events: current.events.map((event, at) => (at === index ? { ...event, ...change } : event)) });

  const errorText = (item: SettingsError) => settingsErrorText(t, "intake", item);
  const fieldText = fieldErrors(errors, errorText);
  const eventFields = (index: number) => ["kind", "enabled", "priority", "category"].map((part) => `events[${index}].${part}`);
  const shown = new Set([
    "acknowledgeCustomer",
    "acknowledgementMessage",
    "customerReopenDays",
    ...current.events.flatMap((_, index) => eventFields(index)),
  ]);
  const messageError = errorsByField(errors).get("acknowledgementMessage");
  const messageErrorTextValue = messageError ? messageErrorText(t, messageError) : null;

  const save = () =>
    run(async () => {
      const days = current.reopenDays.trim();
      const invalid = !/^\d+$/.test(days) || Number(days) > MAX_REOPEN_DAYS;
      setDaysInvalid(invalid);
      setErrors([]);
      setNotice(null);
      if (invalid) return;
      const input: IntakeRulesInput = {
        events: current.events.map((event) => ({ ...event })),
        acknowledgeCustomer: current.acknowledgeCustomer,
        acknowledgementMessage: current.acknowledgementMessage,
        customerReopenDays: Number(days),
      };
      const result = await mutate<Result>(SETTINGS_INTAKE_RULES_UPDATE, { input });
      const saved = result?.intakeRules;
      if (result?.errors.length) setErrors(result.errors);
      else if (saved) {
        setData({ ...data, supportIntakeRules: saved });
        setDraft(null);
        setNotice(t("settings.intake.saved"));
      }
    });

  const insert = (text: string, ownLine: boolean) => {
    const node = messageRef.current;
    const value = current.acknowledgementMessage;
    const start = node?.selectionStart ?? value.length;
    const end = node?.selectionEnd ?? value.length;
    let piece = text;
    if (ownLine) {
      piece = `${start > 0 && value[start - 1] !== "\n" ? "\n" : ""}${text}\n`;
    }
    update({ acknowledgementMessage: value.slice(0, start) + piece + value.slice(end) });
    window.setTimeout(() => {
      node?.focus();
      node?.setSelectionRange(start + piece.length, start + piece.length);
    }, 0);
  };

  const eventCategories = (slug: string) => {
    const options = categoryOptions(t, data.supportCategories, (other) => other === slug);
    if (!data.supportCategories.some((category) => category.slug === slug)) {
      options.push({ value: slug, label: t("settings.intake.unknownCategory", { slug }) });
    }
    return options;
  };

  return (
    <form className="desk-cfg-form" onSubmit={submitWith(save)} noValidate aria-label={t("settings.section.intake")}>
      <Text as="p" className="desk-muted">
        {t("settings.intake.intro")}
      </Text>
      <table className="desk-table desk-cfg-table desk-cfg-intake" aria-label={t("settings.intake.events")}>
        <thead>
          <tr>
            <th scope="col">{t("settings.intake.event")}</th>
            <th scope="col">{t("settings.intake.opensTicket")}</th>
            <th scope="col">{t("settings.intake.priority")}</th>
            <th scope="col">{t("settings.intake.category")}</th>
          </tr>
        </thead>
        <tbody>
          {current.events.map((event, index) => {
            const name = t(`settings.intake.kind.${event.kind}`);
            const rowErrors = [fieldText(`events[${index}].kind`), fieldText(`events[${index}]`)].filter(Boolean);
            return (
              <tr key={event.kind} data-event={event.kind}>
                <th scope="row">
                  {name}
                  {rowErrors.map((text) => (
                    <ErrorText key={text}>{text}</ErrorText>
                  ))}
                </th>
                <td>
                  <SwitchField
                    label={t("settings.intake.openFor", { event: name })}
                    labelHidden
                    checked={event.enabled}
                    onChange={(enabled) => setEvent(index, { enabled })}
                    error={fieldText(`events[${index}].enabled`)}
                  />
                </td>
                <td>
                  <SelectInput
                    label={t("settings.intake.priorityFor", { event: name })}
                    value={event.priority}
                    options={PRIORITIES.map((priority) => ({ value: priority, label: t(`priority.${priority}`) }))}
                    onChange={(priority) => setEvent(index, { priority })}
                    error={fieldText(`events[${index}].priority`)}
                  />
                </td>
                <td>
                  <SelectInput
                    label={t("settings.intake.categoryFor", { event: name })}
                    value={event.category}
                    options={eventCategories(event.category)}
                    onChange={(category) => setEvent(index, { category })}
                    error={fieldText(`events[${index}].category`)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Text as="p" size={2} className="desk-muted">
        {t("settings.intake.eventsHint")}
      </Text>

      <fieldset className="desk-cfg-fieldset">
        <legend>{t("settings.intake.acknowledgement")}</legend>
        <SwitchField
          label={t("settings.intake.acknowledge")}
          checked={current.acknowledgeCustomer}
          onChange={(acknowledgeCustomer) => update({ acknowledgeCustomer })}
          hint={t("settings.intake.acknowledgeHint")}
          error={fieldText("acknowledgeCustomer")}
        />
        <div className="desk-field">
          <label htmlFor={messageId} className="desk-label">
            {t("settings.intake.message")}
          </label>
          <textarea
            id={messageId}
            ref={messageRef}
            className="desk-input desk-cfg-textarea"
            rows={8}
            dir="auto"
            value={current.acknowledgementMessage}
            aria-invalid={messageError ? true : undefined}
            aria-describedby={`${messageId}-hint${messageError ? ` ${messageId}-error` : ""}`}
            onChange={(event) => update({ acknowledgementMessage: event.target.value })}
          />
          <ErrorText id={`${messageId}-error`}>{messageErrorTextValue}</ErrorText>
          <div id={`${messageId}-hint`} className="desk-cfg-message-hint">
            <Text as="p" size={2} className="desk-muted">
              {t("settings.intake.placeholdersHint")}
            </Text>
            <Text as="p" size={2} className="desk-muted">
              {t("settings.intake.sectionsHint")}
            </Text>
          </div>
          <div className="desk-cfg-insert" role="group" aria-label={t("settings.intake.insertLabel")}>
            {ACKNOWLEDGEMENT_PLACEHOLDERS.map((placeholder) => (
              <Button
                key={placeholder}
                type="button"
                variant="tertiary"
                size="small"
                aria-label={t("settings.intake.insert", { text: placeholder })}
                onClick={() => insert(placeholder, false)}
              >
                <code>{placeholder}</code>
              </Button>
            ))}
            {ACKNOWLEDGEMENT_SECTIONS.map((section) => (
              <Button
                key={section}
                type="button"
                variant="tertiary"
                size="small"
                aria-label={t("settings.intake.insertSection", { text: section })}
                onClick={() => insert(section, true)}
              >
                <code>{section}</code>
              </Button>
            ))}
          </div>
        </div>
      </fieldset>

      <TextField
        label={t("settings.intake.reopenDays")}
        value={current.reopenDays}
        onChange={(reopenDays) => update({ reopenDays })}
        error={daysInvalid ? t("settings.intake.error.customerReopenDays.INVALID") : fieldText("customerReopenDays")}
        hint={t("settings.intake.reopenDaysHint")}
        type="number"
        min={0}
        max={MAX_REOPEN_DAYS}
        step={1}
        inputMode="numeric"
        className="desk-cfg-number-field"
      />

      <FormErrors errors={errors} shown={shown} text={errorText} />
      {errors.length > 0 ? (
        <Text as="p" role="status" className="desk-field-error">
          {t("settings.intake.notSaved")}
        </Text>
      ) : null}
      <ActionFailed failure={failure} />
      <Notice text={notice} />

      <div className="desk-cfg-actions">
        <SaveButton busy={busy} />
        <Button
          type="button"
          variant="secondary"
          disabled={busy || !changed}
          onClick={() => {
            setDraft(null);
            setErrors([]);
            setDaysInvalid(false);
          }}
        >
          {t("settings.intake.discard")}
        </Button>
        {changed ? (
          <Text as="span" size={2} className="desk-muted">
            {t("settings.intake.unsaved")}
          </Text>
        ) : null}
      </div>
    </form>
  );
}
