import { Button, Text, Textarea } from "@saleor/macaw-ui";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";

import { MACRO_PICKER, MACRO_PREVIEW, TICKET_APPLY_MACRO, TICKET_REPLY } from "../../api/operations";
import { nodes, type Connection, type FieldError, type TicketDetail } from "../../api/types";
import { isTyping, useErrorText, useFieldErrorText } from "../../components/common";
import { useI18n, type MessageKey, type Translate } from "../../i18n";
import { useSession } from "../../session";
import { textToHtml } from "../ticketModel";

interface Macro {
  id: string;
  name: string;
  group: string;
}

interface MacroError extends FieldError {
  variable?: string | null;
  line?: number | null;
  column?: number | null;
}

interface Rendered {
  body: string;
  changedFields: ("STATUS" | "PRIORITY" | "CATEGORY" | "TAGS" | "ASSIGNEE")[];
  status: string | null;
  priority: string | null;
  category: { slug: string; name: string } | null;
  tags: string[] | null;
  assignee: { email: string } | null;
}

function macroErrorText(t: Translate, fallback: (error: FieldError) => string, error: MacroError): string {
  const key = `template.error.${error.code}` as MessageKey;
  const text = t(key, {
    variable: error.variable ?? "",
    line: String(error.line ?? "?"),
    column: String(error.column ?? "?"),
  });
  return text === key ? fallback(error) : text;
}

function changesText(t: Translate, rendered: Rendered): string {
  return rendered.changedFields
    .map((field) => {
      switch (field) {
        case "STATUS":
          return `${t("field.status")} → ${t(`status.${rendered.status ?? "OPEN"}` as MessageKey)}`;
        case "PRIORITY":
          return `${t("field.priority")} → ${t(`priority.${rendered.priority ?? "NORMAL"}` as MessageKey)}`;
        case "CATEGORY":
          return `${t("field.category")} → ${rendered.category?.name ?? ""}`;
        case "TAGS":
          return `${t("field.tags")} → ${(rendered.tags ?? []).join(", ") || t("tags.none")}`;
        case "ASSIGNEE":
          return `${t("field.assignee")} → ${rendered.assignee?.email ?? t("assignee.none")}`;
      }
    })
    .join("; ");
}

function useMacros(): Macro[] {
  const { request } = useSession();
  const [macros, setMacros] = useState<Macro[]>([]);
  useEffect(() => {
    let live = true;
    request<{ supportMacros: Connection<Macro> }>(MACRO_PICKER).then(
      (data) => live && setMacros(nodes(data.supportMacros)),
      () => live && setMacros([]),
    );
    return () => {
      live = false;
    };
  }, [request]);
  return macros;
}

export function Composer({ ticket, onSent }: { ticket: TicketDetail; onSent: () => void }) {
  const { request } = useSession();
  const { t } = useI18n();
  const errorText = useErrorText();
  const fieldErrorText = useFieldErrorText();
  const macros = useMacros();
  const [internal, setInternal] = useState(false);
  const [body, setBody] = useState("");
  const [macroId, setMacroId] = useState("");
  const [rendered, setRendered] = useState<Rendered | null>(null);
  const [previewErrors, setPreviewErrors] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const groupName = useId();
  const errorId = useId();
  const templateId = useId();
  const formRef = useRef<HTMLFormElement>(null);

  // r: reply to the customer; n: write an internal note.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (event.key !== "r" && event.key !== "n") return;
      event.preventDefault();
      setInternal(event.key === "n");
      formRef.current?.querySelector("textarea")?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const additionalText = () => (body.trim() ? textToHtml(body) : null);

  const preview = async (id: string) => {
    setRendered(null);
    setPreviewErrors([]);
    if (!id) return;
    try {
      const data = await request<{
        supportMacroPreview: { preview: Rendered | null; errors: MacroError[] } | null;
      }>(MACRO_PREVIEW, { ticketId: ticket.id, macroId: id, additionalText: additionalText() });
      const result = data.supportMacroPreview;
      setRendered(result?.preview ?? null);
      setPreviewErrors((result?.errors ?? []).map((e) => macroErrorText(t, fieldErrorText, e)));
    } catch (caught) {
      setPreviewErrors([errorText(caught)]);
    }
  };

  const done = (message: string) => {
    setBody("");
    setMacroId("");
    setRendered(null);
    setPreviewErrors([]);
    setNotice(message);
    onSent();
  };

  const sendTemplate = async () => {
    const data = await request<{
      supportTicketApplyMacro: { errors: MacroError[] } | null;
    }>(TICKET_APPLY_MACRO, {
      ticketId: ticket.id,
      macroId,
      expectedVersion: ticket.version,
      isInternal: internal,
      additionalText: additionalText(),
    });
    const errors = data.supportTicketApplyMacro?.errors ?? [];
    if (errors[0]) {
      setError(macroErrorText(t, fieldErrorText, errors[0]));
      if (errors[0].code === "CONFLICT") {
        onSent();
        void preview(macroId);
      }
      return;
    }
    done(t("template.sent"));
  };

  const sendReply = async () => {
    if (!body.trim()) {
      setError(t("error.code.REQUIRED"));
      return;
    }
    const data = await request<{ supportTicketReply: { errors: FieldError[] } | null }>(TICKET_REPLY, {
      id: ticket.id,
      body: textToHtml(body),
      isInternal: internal,
    });
    const errors = data.supportTicketReply?.errors ?? [];
    if (errors[0]) {
      setError(fieldErrorText(errors[0]));
      return;
    }
    done(internal ? t("composer.noted") : t("composer.sent"));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    setError(null);
    setNotice(null);
    try {
      await (macroId ? sendTemplate() : sendReply());
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setSending(false);
    }
  };

  const groups = new Map<string, Macro[]>();
  for (const macro of macros) {
    groups.set(macro.group, [...(groups.get(macro.group) ?? []), macro]);
  }
  let submitLabel = internal ? t("composer.addNote") : t("composer.send");
  if (macroId) submitLabel = internal ? t("template.addNote") : t("template.send");

  return (
    <form
      ref={formRef}
      className={internal ? "desk-composer desk-composer-internal" : "desk-composer"}
      onSubmit={submit}
    >
      <div className="desk-composer-top">
        <fieldset className="desk-composer-mode">
          <legend className="desk-visually-hidden">{t("composer.mode")}</legend>
          <label className={internal ? "desk-toggle" : "desk-toggle desk-toggle-on"}>
            <input type="radio" name={groupName} checked={!internal} onChange={() => setInternal(false)} />
            {t("composer.public")}
          </label>
          <label className={internal ? "desk-toggle desk-toggle-on desk-toggle-note" : "desk-toggle"}>
            <input type="radio" name={groupName} checked={internal} onChange={() => setInternal(true)} />
            {t("composer.internal")}
          </label>
        </fieldset>
        {macros.length ? (
          <div className="desk-template-pick">
            <label htmlFor={templateId} className="desk-label">
              {t("template.label")}
            </label>
            <select
              id={templateId}
              className="desk-select"
              value={macroId}
              onChange={(event) => {
                setMacroId(event.target.value);
                setError(null);
                void preview(event.target.value);
              }}
            >
              <option value="">{t("template.none")}</option>
              {[...groups].map(([group, items]) =>
                group ? (
                  <optgroup key={group} label={group}>
                    {items.map((macro) => (
                      <option key={macro.id} value={macro.id}>
                        {macro.name}
                      </option>
                    ))}
                  </optgroup>
                ) : (
                  items.map((macro) => (
                    <option key={macro.id} value={macro.id}>
                      {macro.name}
                    </option>
                  ))
                ),
              )}
            </select>
          </div>
        ) : null}
      </div>
      {macroId ? (
        <section className="desk-template-preview" aria-label={t("template.previewTitle")} aria-live="polite">
          <Text as="h3" size={3} fontWeight="bold">
            {t("template.previewTitle")}
          </Text>
          {rendered ? (
            <>
              {/* The desk renders and cleans the template's HTML. */}
              <div className="desk-message-body" dir="auto" dangerouslySetInnerHTML={{ __html: rendered.body }} />
              {rendered.changedFields.length ? (
                <Text as="p" size={2} className="desk-muted">
                  {t("template.changes", { changes: changesText(t, rendered) })}
                </Text>
              ) : null}
            </>
          ) : null}
          {previewErrors.map((text) => (
            <Text as="p" key={text} className="desk-field-error" role="alert">
              {text}
            </Text>
          ))}
          <Button type="button" variant="tertiary" size="small" onClick={() => void preview(macroId)}>
            {t("template.refresh")}
          </Button>
        </section>
      ) : null}
      <Textarea
        label={internal ? t("composer.labelInternal") : t("composer.labelPublic")}
        placeholder={internal ? t("composer.placeholderInternal") : t("composer.placeholderPublic")}
        helperText={macroId ? t("template.extraHint") : undefined}
        value={body}
        rows={4}
        maxLength={10000}
        error={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            event.currentTarget.form?.requestSubmit();
          }
        }}
        name="body"
      />
      {error ? (
        <Text as="p" id={errorId} className="desk-field-error" role="alert">
          {error}
        </Text>
      ) : null}
      <div className="desk-composer-actions">
        {notice ? (
          <Text as="p" role="status" className="desk-notice">
            {notice}
          </Text>
        ) : (
          <span />
        )}
        <Button type="submit" variant="primary" disabled={sending || (macroId !== "" && rendered === null)}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
