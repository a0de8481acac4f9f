/** The fields of every settings form, and the texts of the errors the API names them in. */
import { Text } from "@saleor/macaw-ui";
import { useId, type InputHTMLAttributes, type ReactNode } from "react";

import type { FieldError } from "../../../api/types";
import type { MessageKey, Translate } from "../../../i18n";

/** The ids a control is described by: its error and its hint, when it has them. */
function describedBy(id: string, error: unknown, hint: unknown): string | undefined {
  return [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(" ") || undefined;
}

/** A field's error under it, read out when it appears. */
export function ErrorText({ id, children }: { id?: string; children: ReactNode }) {
  return children ? (
    <Text as="p" id={id} className="desk-field-error" role="alert">
      {children}
    </Text>
  ) : null;
}

/** A field's hint, in small secondary text. */
function HintText({ id, children }: { id: string; children: ReactNode }) {
  return children ? (
    <Text as="p" id={id} size={2} className="desk-muted">
      {children}
    </Text>
  ) : null;
}

/** A labelled text input with its error (or hint) below it, linked for screen readers. */
export function TextField({
  label,
  value,
  onChange,
  error,
  hint,
  labelHidden,
  className,
  ...rest
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  hint?: ReactNode;
  labelHidden?: boolean;
  className?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange" | "className">) {
  const id = useId();
  return (
    <div className={`desk-field ${className ?? ""}`.trim()}>
      <label htmlFor={id} className={labelHidden ? "desk-visually-hidden" : "desk-label"}>
        {label}
      </label>
      <input
        id={id}
        className="desk-input"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onChange={(event) => onChange(event.target.value)}
        {...rest}
      />
      <HintText id={`${id}-hint`}>{hint}</HintText>
      <ErrorText id={`${id}-error`}>{error}</ErrorText>
    </div>
  );
}

/** A labelled checkbox. */
export function CheckField({
  label,
  checked,
  onChange,
  disabled,
  error,
  className,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  error?: string | null;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={`desk-cfg-check ${className ?? ""}`.trim()}>
      <label htmlFor={id} className="desk-cfg-check-label">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, error, null)}
          onChange={(event) => onChange(event.target.checked)}
        />
        {label}
      </label>
      <ErrorText id={`${id}-error`}>{error}</ErrorText>
    </div>
  );
}

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
  return (
    <div className="desk-cfg-switch-field">
      <label htmlFor={id} className="desk-cfg-switch-label">
        <input
          id={id}
          type="checkbox"
          role="switch"
          className="desk-cfg-switch"
          checked={checked}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, error, hint)}
          onChange={(event) => onChange(event.target.checked)}
        />
        <span className={labelHidden ? "desk-visually-hidden" : undefined}>{label}</span>
      </label>
      <HintText id={`${id}-hint`}>{hint}</HintText>
      <ErrorText id={`${id}-error`}>{error}</ErrorText>
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
  return (
    <fieldset className="desk-cfg-choices" aria-describedby={describedBy(id, error, hint)}>
      <legend className="desk-label">{legend}</legend>
      <HintText id={`${id}-hint`}>{hint}</HintText>
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
      <ErrorText id={`${id}-error`}>{error}</ErrorText>
    </fieldset>
  );
}

/** A native select whose label is read only by screen readers (in a table row), with its error below. */
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
    <div className="desk-field desk-cfg-cell-field">
      <label htmlFor={id} className="desk-visually-hidden">
        {label}
      </label>
      <select
        id={id}
        className="desk-select"
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, null)}
        onChange={(event) => onChange(event.target.value as T)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <ErrorText id={`${id}-error`}>{error}</ErrorText>
    </div>
  );
}

/** The text of a field error: a message of the feature for its code, the generic one, or the server's. */
export function codeText(t: Translate, keys: string[], error: { code: string; message: string }): string {
  for (const key of [...keys, `error.code.${error.code}`]) {
    const text = t(key as MessageKey);
    if (text !== key) return text;
  }
  return error.message;
}

/** The text of a field error: the area's message for its field and code, its message for the code, the generic one, or the server's. */
export function settingsErrorText(t: Translate, area: string, error: FieldError): string {
  const field = (error.field ?? "").replace(/^.*\./, "").replace(/\[\d+\]$/, "");
  return codeText(t, [`settings.${area}.error.${field}.${error.code}`, `settings.${area}.error.${error.code}`], error);
}

/** Errors keyed by the input field they name (`events[2].category` stays whole); `null` fields under "". */
export function errorsByField<E extends FieldError>(errors: readonly E[]): Map<string, E> {
  const byField = new Map<string, E>();
  for (const error of errors) {
    const key = error.field ?? "";
    if (!byField.has(key)) byField.set(key, error);
  }
  return byField;
}

/** The text of the (first) error about each field, or null; `text` says an error. */
export function fieldErrors<E extends FieldError>(
  errors: readonly E[],
  text: (error: E) => string,
): (field: string) => string | null {
  const byField = errorsByField(errors);
  return (field) => {
    const error = byField.get(field);
    return error ? text(error) : null;
  };
}

/** The errors no field shows, one alert each. */
export function FormErrors<E extends FieldError>({
  errors,
  shown,
  text,
}: {
  errors: readonly E[];
  /** The fields whose errors are shown at the field. */
  shown: ReadonlySet<string>;
  text: (error: E) => string;
}) {
  return (
    <>
      {errors
        .filter((error) => !shown.has(error.field ?? ""))
        .map((error) => (
          <Text as="p" role="alert" className="desk-cfg-alert" key={`${error.field ?? ""}-${error.code}`}>
            {text(error)}
          </Text>
        ))}
    </>
  );
}
