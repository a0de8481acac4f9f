/** Pieces the team, agent, routing, category and intake settings share: switches, choices, lists, saving. */
import { Text } from "@saleor/macaw-ui";
import { useCallback, useId, useState, type ReactNode } from "react";

import type { SettingsError, StaffUser } from "../../../api/typesSettingsTeams";
import type { Translate } from "../../../i18n";
import { codeText } from "../sla/parts";

/** A labelled on/off switch (a checkbox with the switch role), with a hint or an error below it. */
export function SwitchField({
  label,
  checked,
  onChange,
  hint,
  error,
  disabled,
  labelHidden,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  hint?: ReactNode;
  error?: string | null;
  disabled?: boolean;
  labelHidden?: boolean;
}) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return (
    <div className="desk-st-switch-field">
      <label htmlFor={id} className="desk-st-switch-label">
        <input
          id={id}
          type="checkbox"
          role="switch"
          className="desk-st-switch"
          checked={checked}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span className={labelHidden ? "desk-visually-hidden" : undefined}>{label}</span>
      </label>
      {hint ? (
        <Text as="p" id={`${id}-hint`} size={2} className="desk-muted">
          {hint}
        </Text>
      ) : null}
      {error ? (
        <Text as="p" id={`${id}-error`} className="desk-field-error" role="alert">
          {error}
        </Text>
      ) : null}
    </div>
  );
}

/** Checkboxes for a set of values, in the options' order; none ticked means what `hint` says. */
export function ChoiceList<T extends string>({
  legend,
  values,
  options,
  onChange,
  hint,
  error,
  empty,
}: {
  legend: string;
  values: readonly T[];
  options: readonly { value: T; label: ReactNode }[];
  onChange: (values: T[]) => void;
  hint?: ReactNode;
  error?: string | null;
  empty?: ReactNode;
}) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ");
  return (
    <fieldset className="desk-cfg-choices desk-st-choices" aria-describedby={describedBy || undefined}>
      <legend className="desk-label">{legend}</legend>
      {hint ? (
        <Text as="p" id={`${id}-hint`} size={2} className="desk-muted">
          {hint}
        </Text>
      ) : null}
      <div className="desk-cfg-choice-list">
        {options.length === 0 && empty ? <span className="desk-muted">{empty}</span> : null}
        {options.map((option) => (
          <label key={option.value} className="desk-cfg-check-label">
            <input
              type="checkbox"
              checked={values.includes(option.value)}
              aria-invalid={error ? true : undefined}
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

/** The values of a comma-separated list as written: trimmed, without empty ones or repeats. */
export function splitList(text: string): string[] {
  return [...new Set(text.split(",").map((value) => value.trim()).filter(Boolean))];
}

export function joinList(values: readonly string[]): string {
  return values.join(", ");
}

/** A slug proposed from a name: lower-case ASCII letters and digits joined by single dashes. */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 64)
    .replace(/-+$/, "");
}

/** "First Last" of a staff member, or their e-mail address when they have no name. */
export function staffName(user: StaffUser | null, gone: string): string {
  if (!user) return gone;
  return `${user.firstName} ${user.lastName}`.trim() || user.email;
}

/** The text of a field error: the area's message for its field and code, its message for the code, the generic one, or the server's. */
export function settingsErrorText(t: Translate, area: string, error: SettingsError): string {
  const field = (error.field ?? "").replace(/^.*\./, "").replace(/\[\d+\]$/, "");
  return codeText(t, [`settings.${area}.error.${field}.${error.code}`, `settings.${area}.error.${error.code}`], error);
}

/** Errors keyed by the input field they name (`events[2].category` stays whole); `null` fields under "". */
export function errorsByField(errors: readonly SettingsError[]): Map<string, SettingsError> {
  const byField = new Map<string, SettingsError>();
  for (const error of errors) {
    const key = error.field ?? "";
    if (!byField.has(key)) byField.set(key, error);
  }
  return byField;
}

/** Runs one request at a time: busy while it runs, and a failure (network, refusal) with a retry. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ error: unknown; retry: () => void } | null>(null);
  const run = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (caught) {
      setFailure({ error: caught, retry: () => void run(action) });
    } finally {
      setBusy(false);
    }
  }, []);
  const clearFailure = useCallback(() => setFailure(null), []);
  return { busy, failure, run, clearFailure };
}

/** A native select whose label may be read only by screen readers (in a table row), with its error below. */
export function SelectInput<T extends string>({
  label,
  value,
  options,
  onChange,
  error,
  disabled,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  error?: string | null;
  disabled?: boolean;
}) {
  const id = useId();
  return (
    <div className="desk-field desk-st-cell-field">
      <label htmlFor={id} className="desk-visually-hidden">
        {label}
      </label>
      <select
        id={id}
        className="desk-select"
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value as T)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error ? (
        <Text as="p" id={`${id}-error`} className="desk-field-error" role="alert">
          {error}
        </Text>
      ) : null}
    </div>
  );
}
