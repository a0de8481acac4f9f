/** Pieces the calendar, SLA policy and template settings share: fields, loading, failures, confirmation. */
import { Button, Text } from "@saleor/macaw-ui";
import { useCallback, useEffect, useId, useRef, useState, type InputHTMLAttributes, type ReactNode } from "react";

import { ApiError } from "../../../api/client";
import { ErrorState, Loading } from "../../../components/common";
import { useI18n, type MessageKey, type Translate } from "../../../i18n";
import { useSession } from "../../../session";

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
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ");
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
        aria-describedby={describedBy || undefined}
        onChange={(event) => onChange(event.target.value)}
        {...rest}
      />
      {hint ? (
        <Text as="p" id={hintId} size={2} className="desk-muted">
          {hint}
        </Text>
      ) : null}
      {error ? (
        <Text as="p" id={errorId} className="desk-field-error" role="alert">
          {error}
        </Text>
      ) : null}
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
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  error?: string | null;
}) {
  const id = useId();
  return (
    <div className="desk-cfg-check">
      <label htmlFor={id} className="desk-cfg-check-label">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          disabled={disabled}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => onChange(event.target.checked)}
        />
        {label}
      </label>
      {error ? (
        <Text as="p" id={`${id}-error`} className="desk-field-error" role="alert">
          {error}
        </Text>
      ) : null}
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

/** A failed load or save: a refusal is said as such; anything else can be tried again. */
export function Failure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  if (error instanceof ApiError && error.kind === "forbidden") {
    return (
      <Text as="p" role="alert" className="desk-cfg-alert">
        {t("settings.common.permissionDenied")}
      </Text>
    );
  }
  return <ErrorState error={error} onRetry={onRetry} />;
}

/** Loads `query` once (and again on `reload`): data, a failure, or neither while loading. */
export function useQuery<T>(query: string, variables?: Record<string, unknown>, { skip = false } = {}) {
  const { request } = useSession();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(variables ?? {});
  useEffect(() => {
    if (skip) return undefined;
    let live = true;
    setError(null);
    request<T>(query, JSON.parse(key) as Record<string, unknown>).then(
      (value) => live && setData(value),
      (caught: unknown) => live && setError(caught),
    );
    return () => {
      live = false;
    };
  }, [request, query, key, attempt, skip]);
  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  return { data, setData, error, reload };
}

/** What a screen shows until its data is there: a spinner or the failure with a retry. */
export function Pending({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return error ? <Failure error={error} onRetry={onRetry} /> : <Loading />;
}

/** A delete button that asks once more, in place, before deleting. */
export function ConfirmDelete({
  label,
  question,
  onConfirm,
  busy,
}: {
  label: string;
  question: string;
  onConfirm: () => void;
  busy?: boolean;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    // Keyboard focus follows the question: to "Yes, delete" when asked, back to Delete after Cancel.
    if (asking) confirmRef.current?.focus();
    else if (asked.current) deleteRef.current?.focus();
    asked.current = asking;
  }, [asking]);
  return (
    <div className="desk-cfg-delete">
      {asking ? (
        <div className="desk-cfg-confirm" role="group" aria-label={question}>
          <Text as="p">{question}</Text>
          <Button
            ref={confirmRef}
            type="button"
            variant="error"
            size="small"
            disabled={busy}
            onClick={() => {
              setAsking(false);
              onConfirm();
            }}
          >
            {t("settings.common.confirmDelete")}
          </Button>
          <Button type="button" variant="tertiary" size="small" onClick={() => setAsking(false)}>
            {t("settings.common.cancel")}
          </Button>
        </div>
      ) : (
        <Button ref={deleteRef} type="button" variant="error" size="small" onClick={() => setAsking(true)} disabled={busy}>
          {label}
        </Button>
      )}
    </div>
  );
}

/** Hours and minutes of a length of business time ("4 h", "1 h 30 min"), never in days. */
export function useBusinessTime(): (minutes: number) => string {
  const { locale } = useI18n();
  return (minutes) => {
    const unit = (name: "hour" | "minute", value: number) =>
      new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "short" }).format(value);
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    if (!hours) return unit("minute", rest);
    return rest ? `${unit("hour", hours)} ${unit("minute", rest)}` : unit("hour", hours);
  };
}

/** Weekday names in the agent's language, Monday first. */
export function useWeekdayNames(style: "long" | "short" = "long"): string[] {
  const { locale } = useI18n();
  const format = new Intl.DateTimeFormat(locale, { weekday: style, timeZone: "UTC" });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, day) => format.format(new Date(Date.UTC(2024, 0, 1 + day))));
}
