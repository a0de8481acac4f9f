/** One template: title, texts per language with variables, field changes, sharing; saved or deleted. */
import { Button, Text } from "@saleor/macaw-ui";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

import {
  MACRO_CREATE,
  MACRO_DELETE,
  MACRO_DETAIL,
  MACRO_EDITOR_OPTIONS,
  MACRO_UPDATE,
} from "../../../api/operationsSettingsSla";
import { PRIORITIES, STATUSES, type User } from "../../../api/types";
import type {
  MacroDetail,
  MacroFieldError,
  MacroInput,
  MacroVariable,
  SettingsAgent,
  SettingsCategory,
} from "../../../api/typesSettingsSla";
import { SelectField } from "../../../components/common";
import { LOCALE_NAMES, useI18n, type MessageKey } from "../../../i18n";
import { useViewer } from "../../../viewer";
import { EditorForm, useEditor } from "../shared/editor";
import { CheckField, ErrorText, FormErrors, TextField, codeText, fieldErrors, settingsErrorText } from "../shared/fields";
import { personName } from "../shared/format";
import { Pending, useSettingsResource } from "../shared/resource";
import {
  TEXT_LANGUAGES,
  bodyOf,
  emptyDraft,
  hasFormatting,
  insertAt,
  placeInText,
  toDraft,
  toInput,
  type MacroDraft,
  type TextLanguage,
} from "./macroModel";

interface EditorOptions {
  supportMacroVariables: MacroVariable[];
  supportCategories: SettingsCategory[];
  supportAgents: SettingsAgent[];
}

const TEXT_FIELDS = ["translations"];
const FIELDS: ReadonlySet<string> = new Set([
  "name",
  "group",
  "visibility",
  "status",
  "priority",
  "category",
  "addTags",
  "removeTags",
  "assignment",
  "assigneeId",
  ...TEXT_FIELDS,
]);

/** Loads what the editor needs (the macro, when editing one) and shows the form once it is there. */
export function MacroEditor({
  macroId,
  onSaved,
  onDeleted,
  onCancel,
}: {
  macroId: string | null;
  onSaved: (macro: MacroDetail) => void;
  onDeleted: (id: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const options = useSettingsResource<EditorOptions>(MACRO_EDITOR_OPTIONS);
  const detail = useSettingsResource<{ supportMacro: MacroDetail | null }>(MACRO_DETAIL, { id: macroId }, { skip: !macroId });
  if (!options.data) return <Pending error={options.error} onRetry={options.reload} />;
  if (macroId && !detail.data) return <Pending error={detail.error} onRetry={detail.reload} />;
  if (macroId && !detail.data?.supportMacro) {
    return (
      <div className="desk-cfg-form">
        <Text as="p" role="alert">
          {t("settings.macros.gone")}
        </Text>
        <Button variant="secondary" onClick={onCancel}>
          {t("settings.common.back")}
        </Button>
      </div>
    );
  }
  return (
    <MacroForm
      macro={detail.data?.supportMacro ?? null}
      options={options.data}
      onSaved={onSaved}
      onDeleted={onDeleted}
      onCancel={onCancel}
    />
  );
}

function MacroForm({
  macro,
  options,
  onSaved,
  onDeleted,
  onCancel,
}: {
  macro: MacroDetail | null;
  options: EditorOptions;
  onSaved: (macro: MacroDetail) => void;
  onDeleted: (id: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const viewer = useViewer();
  const canShare = viewer?.canManageSettings ?? false;
  const [draft, setDraft] = useState<MacroDraft>(() => (macro ? toDraft(macro) : emptyDraft(canShare)));
  const [tab, setTab] = useState<TextLanguage>("");
  const [variable, setVariable] = useState("");
  // The text sent in the language of the refusal, to find the place it names in the text as it is now.
  const [sent, setSent] = useState("");
  const editor = useEditor<MacroDetail, MacroFieldError, MacroInput>({
    id: macro?.id ?? null,
    create: MACRO_CREATE,
    update: MACRO_UPDATE,
    remove: MACRO_DELETE,
    field: "macro",
    onSaved,
    onDeleted,
    onRefused: ([first], input) => {
      const language = (first?.language ?? "") as TextLanguage;
      setSent(input?.translations.find((item) => item.language === language)?.body ?? "");
      if (input && TEXT_FIELDS.includes(first?.field ?? "") && (TEXT_LANGUAGES as readonly string[]).includes(language)) {
        setTab(language);
      }
    },
  });
  // The first refusal is shown, at its field or text when it names one.
  const error = editor.errors[0] ? { error: editor.errors[0], sent } : null;
  const textRef = useRef<HTMLTextAreaElement>(null);
  const caret = useRef<number | null>(null);
  const baseId = useId();
  const textErrorId = `${baseId}-text-error`;

  useEffect(() => {
    if (caret.current !== null && textRef.current) {
      textRef.current.focus();
      textRef.current.setSelectionRange(caret.current, caret.current);
      caret.current = null;
    }
  });

  const update = (change: Partial<MacroDraft>) => setDraft((current) => ({ ...current, ...change }));
  const setText = (language: TextLanguage, text: string) =>
    setDraft((current) => ({ ...current, texts: { ...current.texts, [language]: { ...current.texts[language], text } } }));

  const fieldError = fieldErrors(error ? [error.error] : [], (found) => settingsErrorText(t, "macros", found));

  const textError = (language: TextLanguage): string | null => {
    if (!error || !TEXT_FIELDS.includes(error.error.field ?? "")) return null;
    if ((error.error.language ?? "") !== language) return null;
    const place = placeInText(error.error, error.sent, draft.texts[language].text);
    const key = `template.error.${error.error.code}` as MessageKey;
    if (place && t(key) !== key) {
      return t(key, { variable: error.error.variable ?? "", line: String(place.line), column: String(place.column) });
    }
    return codeText(t, [`settings.macros.error.translations.${error.error.code}`], error.error);
  };

  const insertVariable = () => {
    if (!variable) return;
    const area = textRef.current;
    const current = draft.texts[tab].text;
    const start = area?.selectionStart ?? current.length;
    const end = area?.selectionEnd ?? current.length;
    const next = insertAt(current, start, end, `{{ ${variable} }}`);
    caret.current = next.caret;
    setText(tab, next.text);
  };

  const tabName = (language: TextLanguage) =>
    language === "" ? t("settings.macros.defaultText", { language: LOCALE_NAMES.en }) : LOCALE_NAMES[language];
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    let step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    event.preventDefault();
    if (getComputedStyle(event.currentTarget).direction === "rtl") step = -step;
    const next = TEXT_LANGUAGES[(index + step + TEXT_LANGUAGES.length) % TEXT_LANGUAGES.length] ?? "";
    setTab(next);
    document.getElementById(`${baseId}-tab-${next || "default"}`)?.focus();
  };

  const agents = options.supportAgents.flatMap((agent): User[] => (agent.user ? [agent.user] : []));
  const categories = options.supportCategories.filter((category) => category.isActive || category.slug === draft.category);
  const assigneeMissing = draft.assignment.startsWith("USER:") && !agents.some((user) => `USER:${user.id}` === draft.assignment);
  const currentText = draft.texts[tab];
  const currentError = textError(tab);

  return (
    <EditorForm
      editor={editor}
      title={macro ? macro.name : t("settings.macros.newTitle")}
      onSave={() => editor.save(toInput(draft))}
      onCancel={onCancel}
      errors={
        <FormErrors
          errors={error ? [error.error] : []}
          shown={FIELDS}
          text={(found) => codeText(t, [`settings.macros.error.${found.code}`], found)}
        />
      }
      deletion={
        macro && {
          label: t("settings.macros.delete"),
          question: t("settings.macros.deleteQuestion", { name: macro.name }),
        }
      }
    >
      <div className="desk-cfg-row">
        <TextField
          label={t("settings.macros.title")}
          value={draft.name}
          onChange={(name) => update({ name })}
          error={fieldError("name")}
          maxLength={128}
          required
        />
        <TextField
          label={t("settings.macros.group")}
          value={draft.group}
          onChange={(group) => update({ group })}
          error={fieldError("group")}
          maxLength={64}
          hint={t("settings.macros.groupHint")}
        />
      </div>
      <div className="desk-cfg-row">
        <CheckField
          label={t("settings.macros.shared")}
          checked={draft.shared}
          disabled={!canShare}
          onChange={(shared) => update({ shared })}
          error={fieldError("visibility")}
        />
        <CheckField label={t("settings.macros.active")} checked={draft.isActive} onChange={(isActive) => update({ isActive })} />
      </div>
      {!canShare ? (
        <Text as="p" size={2} className="desk-muted">
          {t("settings.macros.sharedLeadsOnly")}
        </Text>
      ) : null}

      <fieldset className="desk-cfg-fieldset">
        <legend>{t("settings.macros.texts")}</legend>
        <Text as="p" size={2} className="desk-muted">
          {t("settings.macros.textsHint")}
        </Text>
        <div role="tablist" aria-label={t("settings.macros.texts")} className="desk-cfg-tabs">
          {TEXT_LANGUAGES.map((language, index) => {
            const hasError = textError(language) !== null;
            return (
              <button
                key={language || "default"}
                id={`${baseId}-tab-${language || "default"}`}
                type="button"
                role="tab"
                className="desk-cfg-tab"
                aria-selected={tab === language}
                aria-controls={`${baseId}-panel`}
                tabIndex={tab === language ? 0 : -1}
                data-invalid={hasError ? "true" : undefined}
                lang={language || "en"}
                onClick={() => setTab(language)}
                onKeyDown={(event) => onTabKey(event, index)}
              >
                {tabName(language)}
                {draft.texts[language].text.trim() ? "" : ` · ${t("settings.macros.noText")}`}
              </button>
            );
          })}
        </div>
        <div
          role="tabpanel"
          id={`${baseId}-panel`}
          aria-labelledby={`${baseId}-tab-${tab || "default"}`}
          className="desk-cfg-tabpanel"
        >
          <div className="desk-cfg-inline">
            <SelectField
              label={t("settings.macros.variable")}
              value={variable}
              options={[
                { value: "", label: t("bulk.choose") },
                ...options.supportMacroVariables.map((item) => ({
                  value: item.name,
                  label: `${item.name} — ${item.description}`,
                })),
              ]}
              onChange={setVariable}
            />
            <Button type="button" variant="secondary" size="small" disabled={!variable} onClick={insertVariable}>
              {t("settings.macros.insertVariable")}
            </Button>
          </div>
          <div className="desk-field">
            <label htmlFor={`${baseId}-text`} className="desk-label">
              {t("settings.macros.textIn", { language: tabName(tab) })}
            </label>
            <textarea
              id={`${baseId}-text`}
              ref={textRef}
              className="desk-input desk-cfg-textarea"
              rows={8}
              dir={tab === "fa" ? "rtl" : "auto"}
              lang={tab || "en"}
              value={currentText.text}
              aria-invalid={currentError ? true : undefined}
              aria-describedby={currentError ? textErrorId : undefined}
              onChange={(event) => setText(tab, event.target.value)}
            />
            <ErrorText id={textErrorId}>{currentError}</ErrorText>
            {currentText.stored && hasFormatting(currentText.stored.html) && bodyOf(currentText) !== currentText.stored.html ? (
              <Text as="p" size={2} className="desk-muted">
                {t("settings.macros.formattingLost")}
              </Text>
            ) : null}
          </div>
        </div>
      </fieldset>

      <fieldset className="desk-cfg-fieldset">
        <legend>{t("settings.macros.changes")}</legend>
        <Text as="p" size={2} className="desk-muted">
          {t("settings.macros.changesHint")}
        </Text>
        <div className="desk-cfg-row">
          <SelectField
            label={t("field.status")}
            value={draft.status}
            options={[
              { value: "", label: t("settings.macros.noChange") },
              ...STATUSES.map((value) => ({ value, label: t(`status.${value}`) })),
            ]}
            onChange={(status) => update({ status })}
            error={fieldError("status")}
          />
          <SelectField
            label={t("field.priority")}
            value={draft.priority}
            options={[
              { value: "", label: t("settings.macros.noChange") },
              ...PRIORITIES.map((value) => ({ value, label: t(`priority.${value}`) })),
            ]}
            onChange={(priority) => update({ priority })}
            error={fieldError("priority")}
          />
          <SelectField
            label={t("field.category")}
            value={draft.category}
            options={[
              { value: "", label: t("settings.macros.noChange") },
              ...categories.map((category) => ({ value: category.slug, label: category.name })),
            ]}
            onChange={(category) => update({ category })}
            error={fieldError("category")}
          />
          <SelectField
            label={t("field.assignee")}
            value={draft.assignment}
            options={[
              { value: "KEEP", label: t("settings.macros.assignment.KEEP") },
              { value: "ME", label: t("settings.macros.assignment.ME") },
              { value: "UNASSIGN", label: t("settings.macros.assignment.UNASSIGN") },
              ...(assigneeMissing ? [{ value: draft.assignment, label: t("settings.macros.assignment.gone") }] : []),
              ...agents.map((user) => ({ value: `USER:${user.id}`, label: personName(user) })),
            ]}
            onChange={(assignment) => update({ assignment })}
            error={fieldError("assignment") ?? fieldError("assigneeId")}
          />
        </div>
        <div className="desk-cfg-row">
          <TextField
            label={t("settings.macros.addTags")}
            value={draft.addTags}
            onChange={(addTags) => update({ addTags })}
            error={fieldError("addTags")}
            hint={t("settings.macros.tagsHint")}
          />
          <TextField
            label={t("settings.macros.removeTags")}
            value={draft.removeTags}
            onChange={(removeTags) => update({ removeTags })}
            error={fieldError("removeTags")}
          />
        </div>
      </fieldset>
    </EditorForm>
  );
}
