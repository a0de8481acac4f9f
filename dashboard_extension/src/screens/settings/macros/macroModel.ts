/** A template (macro) as its editor holds it: plain text per language, field changes, sharing. */
import type {
  MacroAssignment,
  MacroDetail,
  MacroFieldError,
  MacroInput,
  MacroTranslation,
  MacroVisibility,
} from "../../../api/typesSettingsSla";
import type { Priority, Status } from "../../../api/types";
import { normaliseTag, textToHtml } from "../../ticketModel";

/** The languages the editor has a tab for; "" is the default text, used for every other language. */
export const TEXT_LANGUAGES = ["", "ro", "pl", "fa"] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

export interface TextDraft {
  text: string;
  /** The stored HTML and its text as first shown: an untouched text is sent back exactly as stored. */
  stored: { html: string; text: string } | null;
}

export interface MacroDraft {
  name: string;
  group: string;
  shared: boolean;
  isActive: boolean;
  texts: Record<TextLanguage, TextDraft>;
  /** Texts in languages without a tab, kept as they are. */
  otherTexts: MacroTranslation[];
  status: Status | "";
  priority: Priority | "";
  category: string;
  addTags: string;
  removeTags: string;
  /** KEEP, ME, UNASSIGN, or `USER:<id>`. */
  assignment: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith("#x") || name.startsWith("#X")) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith("#")) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The text of a template's HTML: paragraphs apart by a blank line, `<br>` as a line break. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/\r\n?/g, "\n")
    .replace(/\n/g, " ")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|li|blockquote|pre|h\d)>\s*/gi, "\n\n")
    .replace(/<[^>]*>/g, "");
  return decode(text)
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/g, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** True when the HTML has formatting the plain text cannot keep (anything but paragraphs and line breaks). */
export function hasFormatting(html: string): boolean {
  return /<(?!\/?p\b|br\b)[a-z]/i.test(html);
}

function textDraft(html: string | undefined): TextDraft {
  if (html === undefined) return { text: "", stored: null };
  const text = htmlToText(html);
  return { text, stored: { html, text } };
}

export function toDraft(macro: MacroDetail): MacroDraft {
  const byLanguage = new Map(macro.translations.map((item) => [item.language, item.body]));
  const actions = macro.actions;
  return {
    name: macro.name,
    group: macro.group,
    shared: macro.visibility === "SHARED",
    isActive: macro.isActive,
    texts: {
      "": textDraft(byLanguage.get("")),
      ro: textDraft(byLanguage.get("ro")),
      pl: textDraft(byLanguage.get("pl")),
      fa: textDraft(byLanguage.get("fa")),
    },
    otherTexts: macro.translations.filter((item) => !(TEXT_LANGUAGES as readonly string[]).includes(item.language)),
    status: actions.status ?? "",
    priority: actions.priority ?? "",
    category: actions.category?.slug ?? "",
    addTags: actions.addTags.join(", "),
    removeTags: actions.removeTags.join(", "),
    assignment: actions.assignment === "USER" ? `USER:${actions.assignee?.id ?? ""}` : actions.assignment,
  };
}

export function emptyDraft(shared: boolean): MacroDraft {
  const empty = { text: "", stored: null };
  return {
    name: "",
    group: "",
    shared,
    isActive: true,
    texts: { "": empty, ro: empty, pl: empty, fa: empty },
    otherTexts: [],
    status: "",
    priority: "",
    category: "",
    addTags: "",
    removeTags: "",
    assignment: "KEEP",
  };
}

/** The HTML sent for a text: as stored when untouched, else the text as paragraphs. */
export function bodyOf(draft: TextDraft): string {
  if (draft.stored && draft.stored.text === draft.text) return draft.stored.html;
  return draft.text.trim() ? textToHtml(draft.text) : "";
}

function tags(text: string): string[] {
  return [...new Set(text.split(",").map(normaliseTag).filter(Boolean))];
}

export function toInput(draft: MacroDraft): MacroInput {
  const [assignment, assigneeId] = draft.assignment.startsWith("USER:")
    ? (["USER", draft.assignment.slice(5) || null] as const)
    : ([draft.assignment as MacroAssignment, null] as const);
  const translations: MacroTranslation[] = TEXT_LANGUAGES.flatMap((language) => {
    const body = bodyOf(draft.texts[language]);
    // The default text is always sent: the API says when it is missing.
    return language === "" || body ? [{ language, body }] : [];
  });
  return {
    name: draft.name.trim(),
    group: draft.group.trim(),
    visibility: (draft.shared ? "SHARED" : "PERSONAL") as MacroVisibility,
    isActive: draft.isActive,
    translations: [...translations, ...draft.otherTexts],
    actions: {
      status: draft.status || null,
      priority: draft.priority || null,
      category: draft.category || null,
      addTags: tags(draft.addTags),
      removeTags: tags(draft.removeTags),
      assignment,
      assigneeId,
    },
  };
}

function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current += 1) {
    const next = text.indexOf("\n", offset);
    if (next === -1) return -1;
    offset = next + 1;
  }
  return offset + column - 1;
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - (before.lastIndexOf("\n") + 1) + 1 };
}

/**
 * Where a placeholder error of the HTML sent is in the text the agent wrote: the same `{{`
 * counted from the start (the conversion to HTML keeps every `{{` in order). The API's own
 * line and column when it cannot be found.
 */
export function placeInText(
  error: MacroFieldError,
  sentHtml: string,
  text: string,
): { line: number; column: number } | null {
  if (!error.line || !error.column) return null;
  const offset = offsetOf(sentHtml, error.line, error.column);
  if (offset < 0) return { line: error.line, column: error.column };
  let count = 0;
  for (let at = sentHtml.indexOf("{{"); at !== -1 && at < offset; at = sentHtml.indexOf("{{", at + 2)) count += 1;
  let found = -1;
  for (let at = text.indexOf("{{"), seen = 0; at !== -1; at = text.indexOf("{{", at + 2), seen += 1) {
    if (seen === count) {
      found = at;
      break;
    }
  }
  return found === -1 ? { line: error.line, column: error.column } : positionOf(text, found);
}

/** `text` with `insert` put in place of the selection, and where the caret goes after it. */
export function insertAt(text: string, start: number, end: number, insert: string): { text: string; caret: number } {
  return { text: text.slice(0, start) + insert + text.slice(end), caret: start + insert.length };
}
