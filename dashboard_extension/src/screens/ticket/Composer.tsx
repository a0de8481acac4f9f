import { Button, Text, Textarea } from "@saleor/macaw-ui";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";

import { TICKET_REPLY } from "../../api/operations";
import type { FieldError, TicketDetail } from "../../api/types";
import { isTyping, useErrorText, useFieldErrorText } from "../../components/common";
import { useI18n } from "../../i18n";
import { useSession } from "../../session";
import { textToHtml } from "../ticketModel";

export function Composer({ ticket, onSent }: { ticket: TicketDetail; onSent: () => void }) {
  const { request } = useSession();
  const { t } = useI18n();
  const errorText = useErrorText();
  const fieldErrorText = useFieldErrorText();
  const [internal, setInternal] = useState(false);
  const [body, setBody] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const groupName = useId();
  const errorId = useId();
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

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) {
      setError(t("error.code.REQUIRED"));
      return;
    }
    setSending(true);
    setError(null);
    setNotice(null);
    try {
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
      setBody("");
      setNotice(internal ? t("composer.noted") : t("composer.sent"));
      onSent();
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setSending(false);
    }
  };

  return (
    <form
      ref={formRef}
      className={internal ? "desk-composer desk-composer-internal" : "desk-composer"}
      onSubmit={submit}
    >
      <fieldset className="desk-composer-mode">
        <legend className="desk-visually-hidden">{t("composer.mode")}</legend>
        <label className={internal ? "desk-toggle" : "desk-toggle desk-toggle-on"}>
          <input
            type="radio"
            name={groupName}
            checked={!internal}
            onChange={() => setInternal(false)}
          />
          {t("composer.public")}
        </label>
        <label className={internal ? "desk-toggle desk-toggle-on desk-toggle-note" : "desk-toggle"}>
          <input type="radio" name={groupName} checked={internal} onChange={() => setInternal(true)} />
          {t("composer.internal")}
        </label>
      </fieldset>
      <Textarea
        label={internal ? t("composer.labelInternal") : t("composer.labelPublic")}
        placeholder={internal ? t("composer.placeholderInternal") : t("composer.placeholderPublic")}
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
        <Button type="submit" variant="primary" disabled={sending}>
          {internal ? t("composer.addNote") : t("composer.send")}
        </Button>
      </div>
    </form>
  );
}
