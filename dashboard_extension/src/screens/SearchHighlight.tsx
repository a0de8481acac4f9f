import type { ReactNode } from "react";

import type { SearchHighlight, SearchMatchField, TextRange } from "../api/types";
import { useI18n, type MessageKey } from "../i18n";

/**
 * Plain text with its matched runs in <mark>. The API counts offsets in code points, so the
 * text is cut with `Array.from` (an emoji or other astral character counts once); ranges
 * that overlap, run backwards or fall outside the text are left out.
 */
export function Highlighted({ text, ranges }: { text: string; ranges: readonly TextRange[] }) {
  if (ranges.length === 0) return <>{text}</>;
  const characters = Array.from(text);
  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const { start, end } of [...ranges].sort((a, b) => a.start - b.start)) {
    if (start < cursor || end <= start || end > characters.length) continue;
    if (start > cursor) parts.push(characters.slice(cursor, start).join(""));
    parts.push(
      <mark key={start} className="desk-mark">
        {characters.slice(start, end).join("")}
      </mark>,
    );
    cursor = end;
  }
  if (cursor < characters.length) parts.push(characters.slice(cursor).join(""));
  return <>{parts}</>;
}

const SNIPPET_LABELS: Partial<Record<SearchMatchField, MessageKey>> = {
  MESSAGE: "inbox.match.message",
  INTERNAL_NOTE: "inbox.match.internalNote",
  CUSTOMER: "inbox.match.customer",
  ORDER: "inbox.match.order",
};

/** The matched text under a row's subject, when the match is not the subject or number. */
export function SearchSnippet({ highlight }: { highlight: SearchHighlight }) {
  const { t } = useI18n();
  const label = SNIPPET_LABELS[highlight.field];
  if (!label) return null;
  return (
    <span className={highlight.field === "INTERNAL_NOTE" ? "desk-snippet desk-snippet-note" : "desk-snippet"}>
      <span className="desk-snippet-label">{t(label)}</span>{" "}
      <bdi dir="auto" className="desk-snippet-text">
        <Highlighted text={highlight.text} ranges={highlight.ranges} />
      </bdi>
    </span>
  );
}
