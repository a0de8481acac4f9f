import { Box, Button, Spinner, Text } from "@saleor/macaw-ui";
import { useId, type ReactNode } from "react";

import { ApiError } from "../api/client";
import { useI18n, type MessageKey } from "../i18n";

/** True while the agent types (keyboard shortcuts stay out of the way). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) {
    return false;
  }
  if (target instanceof HTMLInputElement) {
    return !["checkbox", "radio", "button", "submit", "reset"].includes(target.type);
  }
  return target.isContentEditable || ["TEXTAREA", "SELECT"].includes(target.tagName);
}

/** Text for an error, in the agent's language. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useI18n();
  return (error: unknown) => {
    if (error instanceof ApiError) {
      switch (error.kind) {
        case "network":
          return t("error.network");
        case "server":
          return t("error.server");
        case "forbidden":
          return t("error.forbidden");
        case "unauthenticated":
          return t("error.unauthenticated");
        default:
          return t("error.generic", { message: error.message });
      }
    }
    return t("error.generic", { message: error instanceof Error ? error.message : String(error) });
  };
}

/** A failed load: what happened and a way to try again (never a blank page). */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const text = useErrorText()(error);
  return (
    <div className="desk-error" role="alert">
      <Text as="p">{text}</Text>
      {onRetry ? (
        <Button variant="secondary" onClick={onRetry}>
          {t("error.retry")}
        </Button>
      ) : null}
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <div className="desk-loading" role="status" aria-live="polite">
      <Spinner />
      <Text>{label ?? t("loading")}</Text>
    </div>
  );
}

/** The localised text of a mutation error code, or the server's message. */
export function useFieldErrorText(): (error: { code: string; message: string }) => string {
  const { t } = useI18n();
  return (error) => {
    const key = `error.code.${error.code}` as MessageKey;
    const text = t(key);
    return text === key ? error.message : text;
  };
}

/** A native select with its label, and its error below it (linked for screen readers). */
export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  error,
  disabled,
  name,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  error?: string | null;
  disabled?: boolean;
  name?: string;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="desk-field">
      <label htmlFor={id} className="desk-label">
        {label}
      </label>
      <select
        id={id}
        name={name}
        className="desk-select"
        value={value}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onChange(event.target.value as T)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error ? (
        <Text as="p" id={errorId} className="desk-field-error" role="alert">
          {error}
        </Text>
      ) : null}
    </div>
  );
}

export function Panel({ title, children, id }: { title: ReactNode; children: ReactNode; id?: string }) {
  const headingId = useId();
  return (
    <Box as="section" className="desk-panel" aria-labelledby={headingId} id={id}>
      <Text as="h2" size={5} fontWeight="bold" id={headingId} className="desk-panel-title">
        {title}
      </Text>
      {children}
    </Box>
  );
}

export function StatusBadge({ status, label }: { status: string; label: string }) {
  return <span className={`desk-badge desk-status-${status.toLowerCase()}`}>{label}</span>;
}

export function PriorityBadge({ priority, label }: { priority: string; label: string }) {
  return <span className={`desk-badge desk-priority-${priority.toLowerCase()}`}>{label}</span>;
}
