import { Button, Text } from "@saleor/macaw-ui";
import { useEffect, useId, useState, type FormEvent } from "react";

import { AGENTS } from "../../api/operations";

import {
  DEFAULT_CATEGORIES,
  PRIORITIES,
  TRANSITIONS,
  type FieldError,
  type Priority,
  type Status,
  type TicketDetail,
} from "../../api/types";
import { ErrorState, Panel, SelectField, useFieldErrorText } from "../../components/common";
import { useI18n } from "../../i18n";
import { useSession } from "../../session";
import { useViewer } from "../../viewer";
import { normaliseTag, type Change } from "../ticketModel";
import { TierTeamField } from "./TierTeamField";

export function PropertiesPanel({
  ticket,
  saving,
  errors,
  actionError,
  notice,
  onChange,
  onRetry,
  reload,
}: {
  ticket: TicketDetail;
  saving: boolean;
  errors: Record<string, FieldError>;
  actionError: unknown;
  notice: string | null;
  onChange: (change: Change) => void;
  onRetry: () => void;
  /** Fetches the ticket again after a tier or team change; never throws. */
  reload: () => Promise<TicketDetail | null>;
}) {
  const { t } = useI18n();
  const { viewer } = useViewerId();
  const errorText = useFieldErrorText();
  const [newTag, setNewTag] = useState("");
  const tagInputId = useId();
  const tagErrorId = useId();
  const errorOf = (field: string) => (errors[field] ? errorText(errors[field]) : null);

  const statuses: Status[] = [ticket.status, ...TRANSITIONS[ticket.status]];
  const categories = [...new Set<string>([ticket.category.slug, ...DEFAULT_CATEGORIES])];

  const addTag = (event: FormEvent) => {
    event.preventDefault();
    const tag = normaliseTag(newTag);
    if (!tag || ticket.tags.includes(tag)) {
      setNewTag("");
      return;
    }
    onChange({ kind: "update", input: { tags: [...ticket.tags, tag] } });
    setNewTag("");
  };

  const tagError = errorOf("tags");
  return (
    <Panel title={t("ticket.properties")}>
      <div className="desk-properties" aria-busy={saving}>
        <SelectField<Status>
          label={t("field.status")}
          name="status"
          value={ticket.status}
          disabled={saving || statuses.length === 1}
          options={statuses.map((status) => ({ value: status, label: t(`status.${status}`) }))}
          error={errorOf("status")}
          onChange={(status) => onChange({ kind: "update", input: { status } })}
        />
        <SelectField<Priority>
          label={t("field.priority")}
          name="priority"
          value={ticket.priority}
          disabled={saving}
          options={PRIORITIES.map((priority) => ({ value: priority, label: t(`priority.${priority}`) }))}
          error={errorOf("priority")}
          onChange={(priority) => onChange({ kind: "update", input: { priority } })}
        />
        <SelectField<string>
          label={t("field.category")}
          name="category"
          value={ticket.category.slug}
          disabled={saving}
          options={categories.map((slug) => ({
            value: slug,
            label: slug === ticket.category.slug ? ticket.category.name : slug,
          }))}
          error={errorOf("category")}
          onChange={(category) => onChange({ kind: "update", input: { category } })}
        />
        <div className="desk-field">
          <span className="desk-label">{t("field.tags")}</span>
          <ul className="desk-tags">
            {ticket.tags.length === 0 ? <li className="desk-muted">{t("tags.none")}</li> : null}
            {ticket.tags.map((tag) => (
              <li key={tag} className="desk-tag">
                {tag}
                <button
                  type="button"
                  className="desk-tag-remove"
                  aria-label={t("tags.remove", { tag })}
                  disabled={saving}
                  onClick={() =>
                    onChange({ kind: "update", input: { tags: ticket.tags.filter((other) => other !== tag) } })
                  }
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          <form className="desk-tag-form" onSubmit={addTag}>
            <label htmlFor={tagInputId} className="desk-visually-hidden">
              {t("tags.new")}
            </label>
            <input
              id={tagInputId}
              className="desk-input"
              value={newTag}
              placeholder={t("tags.new")}
              maxLength={50}
              aria-invalid={tagError ? true : undefined}
              aria-describedby={tagError ? tagErrorId : undefined}
              onChange={(event) => setNewTag(event.target.value)}
            />
            <Button type="submit" variant="secondary" size="small" disabled={saving}>
              {t("tags.add")}
            </Button>
          </form>
          {tagError ? (
            <Text as="p" id={tagErrorId} className="desk-field-error" role="alert">
              {tagError}
            </Text>
          ) : null}
        </div>
        <AssigneeField
          ticket={ticket}
          viewer={viewer}
          saving={saving}
          error={errorOf("assigneeId")}
          onChange={onChange}
        />
        <TierTeamField ticket={ticket} saving={saving} reload={reload} />
        {errors.__all__ ? (
          <Text as="p" className="desk-field-error" role="alert">
            {errorText(errors.__all__)}
          </Text>
        ) : null}
        {actionError ? <ErrorState error={actionError} onRetry={onRetry} /> : null}
        {notice ? (
          <Text as="p" role="status" className="desk-notice">
            {notice}
          </Text>
        ) : null}
      </div>
    </Panel>
  );
}

function useViewerId(): { viewer: string | null } {
  const viewer = useViewer();
  return { viewer: viewer?.user?.id ?? null };
}

interface AgentOption {
  user: { id: string; email: string } | null;
  activeTicketCount: number;
}

/** The agents to pick from (`supportAgents`); when none have a profile, only "me" and "nobody". */
function useAgents(): AgentOption[] {
  const { request } = useSession();
  const [agents, setAgents] = useState<AgentOption[]>([]);
  useEffect(() => {
    let live = true;
    request<{ supportAgents: AgentOption[] }>(AGENTS).then(
      (data) => live && setAgents(data.supportAgents.filter((agent) => agent.user)),
      () => live && setAgents([]),
    );
    return () => {
      live = false;
    };
  }, [request]);
  return agents;
}

function AssigneeField({
  ticket,
  viewer,
  saving,
  error,
  onChange,
}: {
  ticket: TicketDetail;
  viewer: string | null;
  saving: boolean;
  error: string | null;
  onChange: (change: Change) => void;
}) {
  const { t, number } = useI18n();
  const agents = useAgents();
  const options = new Map<string, string>([["", t("assignee.none")]]);
  if (ticket.assignee) options.set(ticket.assignee.id, ticket.assignee.email);
  for (const agent of agents) {
    if (agent.user) {
      options.set(agent.user.id, `${agent.user.email} (${number(agent.activeTicketCount)})`);
    }
  }
  return (
    <div className="desk-field">
      {options.size > 2 || (options.size === 2 && !ticket.assignee) ? (
        <SelectField<string>
          label={t("field.assignee")}
          name="assignee"
          value={ticket.assignee?.id ?? ""}
          disabled={saving}
          options={[...options].map(([value, label]) => ({ value, label }))}
          error={error}
          onChange={(id) => onChange({ kind: "assign", assigneeId: id || null })}
        />
      ) : (
        <>
          <span className="desk-label">{t("field.assignee")}</span>
          <Text as="p" className="desk-assignee">
            {ticket.assignee?.email ?? t("assignee.none")}
          </Text>
          {error ? (
            <Text as="p" className="desk-field-error" role="alert">
              {error}
            </Text>
          ) : null}
        </>
      )}
      <div className="desk-assign-actions">
        {viewer && ticket.assignee?.id !== viewer ? (
          <Button
            variant="secondary"
            size="small"
            disabled={saving}
            onClick={() => onChange({ kind: "assign", assigneeId: viewer })}
          >
            {t("assignee.me")}
          </Button>
        ) : null}
        {ticket.assignee ? (
          <Button
            variant="tertiary"
            size="small"
            disabled={saving}
            onClick={() => onChange({ kind: "assign", assigneeId: null })}
          >
            {t("assignee.unassign")}
          </Button>
        ) : null}
      </div>
    </div>
  );
}
