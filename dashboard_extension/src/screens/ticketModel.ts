import type { Priority, Status, TicketDetail } from "../api/types";

/** One change an agent makes from the side panel. */
export type Change =
  | { kind: "update"; input: { status?: Status; priority?: Priority; category?: string; tags?: string[] } }
  | { kind: "assign"; assigneeId: string | null };

export type DiffField = "status" | "priority" | "category" | "tags" | "assignee";

export interface Difference {
  field: DiffField;
  before: string;
  after: string;
}

function summary(ticket: TicketDetail, field: DiffField): string {
  switch (field) {
    case "status":
      return ticket.status;
    case "priority":
      return ticket.priority;
    case "category":
      return ticket.category.slug;
    case "tags":
      return ticket.tags.join(", ");
    case "assignee":
      return ticket.assignee?.email ?? "";
  }
}

/** What changed between the ticket the agent saw and the ticket now. */
export function differences(before: TicketDetail, after: TicketDetail): Difference[] {
  const fields: DiffField[] = ["status", "priority", "category", "tags", "assignee"];
  return fields.flatMap((field) => {
    const a = summary(before, field);
    const b = summary(after, field);
    return a === b ? [] : [{ field, before: a, after: b }];
  });
}

/** Who changed the ticket since the agent's copy: users of timeline entries that are new. */
export function changedBy(before: TicketDetail, after: TicketDetail): string[] {
  const seen = before.events.edges.length;
  const emails = after.events.edges
    .slice(seen)
    .flatMap((edge) => (edge.node?.user?.email ? [edge.node.user.email] : []));
  return [...new Set(emails)];
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Plain text as the HTML the API keeps: paragraphs on blank lines, <br> on single breaks. */
export function textToHtml(text: string): string {
  const escaped = text.trim().replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c);
  return escaped
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.replace(/\n/g, "<br>")}</p>`)
    .join("");
}

/** Tags as the API writes them: lower-case, spaces become dashes. */
export function normaliseTag(tag: string): string {
  return tag.trim().toLowerCase().replace(/\s+/g, "-");
}
