import type { Channel, Direction, Priority, SortField, Status } from "../api/types";
import type { MessageKey } from "../i18n";

export const VIEW_IDS = ["mine", "unassigned", "breaching", "open", "pending", "solved"] as const;
export type ViewId = (typeof VIEW_IDS)[number];

export interface TicketFilter {
  status?: Status[];
  assignee?: string;
  priority?: Priority[];
  category?: string[];
  channel?: Channel[];
  updated?: { gte?: string; lte?: string };
  slaDueWithinMinutes?: number;
}

export interface Sort {
  field: SortField;
  direction: Direction;
}

const ACTIVE: Status[] = ["NEW", "OPEN", "PENDING", "ON_HOLD"];
const RECENT_DAYS = 7;
/** "Breaching soon": a running SLA clock is due within this many minutes. */
export const BREACHING_WITHIN_MINUTES = 120;

/** Whole minutes, so the variables of a view stay the same for a minute (requests match). */
function startOfMinute(time: number): string {
  return new Date(time - (time % 60_000)).toISOString();
}

export interface SavedView {
  id: ViewId;
  label: MessageKey;
  filter: (now: Date) => TicketFilter;
  sort: SortKey;
}

const MINE: SavedView = {
  id: "mine",
  label: "view.mine",
  filter: () => ({ status: ACTIVE, assignee: "me" }),
  sort: "priorityDesc",
};

export const SAVED_VIEWS: readonly SavedView[] = [
  MINE,
  {
    id: "unassigned",
    label: "view.unassigned",
    filter: () => ({ status: ["NEW", "OPEN"], assignee: "unassigned" }),
    sort: "priorityDesc",
  },
  {
    id: "breaching",
    label: "view.breaching",
    filter: () => ({ status: ACTIVE, slaDueWithinMinutes: BREACHING_WITHIN_MINUTES }),
    sort: "slaDue",
  },
  { id: "open", label: "view.open", filter: () => ({ status: ACTIVE }), sort: "updatedDesc" },
  { id: "pending", label: "view.pending", filter: () => ({ status: ["PENDING"] }), sort: "updatedAsc" },
  {
    id: "solved",
    label: "view.solved",
    filter: (now) => ({
      status: ["SOLVED"],
      updated: { gte: startOfMinute(now.getTime() - RECENT_DAYS * 86_400_000) },
    }),
    sort: "updatedDesc",
  },
];

export const SORTS = {
  relevance: null,
  updatedDesc: { field: "UPDATED", direction: "DESC" },
  updatedAsc: { field: "UPDATED", direction: "ASC" },
  priorityDesc: { field: "PRIORITY", direction: "DESC" },
  createdDesc: { field: "CREATED", direction: "DESC" },
  createdAsc: { field: "CREATED", direction: "ASC" },
  numberDesc: { field: "NUMBER", direction: "DESC" },
  slaDue: { field: "SLA_DUE", direction: "ASC" },
} as const satisfies Record<string, Sort | null>;
export type SortKey = keyof typeof SORTS;

export function isViewId(value: string | null): value is ViewId {
  return value !== null && (VIEW_IDS as readonly string[]).includes(value);
}

export function isSortKey(value: string | null): value is SortKey {
  return value !== null && Object.prototype.hasOwnProperty.call(SORTS, value);
}

export interface InboxQuery {
  view: ViewId;
  search: string;
  priority: Priority | "";
  category: string;
  channel: Channel | "";
  sort: SortKey | "";
}

/** The variables of `supportTickets` for a view, its extra filters, search and sort. */
export function listVariables(query: InboxQuery, now: Date = new Date()) {
  const view = SAVED_VIEWS.find((candidate) => candidate.id === query.view) ?? MINE;
  const filter: TicketFilter = { ...view.filter(now) };
  if (query.priority) {
    filter.priority = [query.priority];
  }
  if (query.category) {
    filter.category = [query.category];
  }
  if (query.channel) {
    filter.channel = [query.channel];
  }
  const search = query.search.trim();
  // With a search and no explicit sort, the API orders by relevance.
  const sortKey: SortKey = query.sort || (search ? "relevance" : view.sort);
  const sortBy = SORTS[sortKey];
  return {
    first: 50,
    filter,
    ...(sortBy ? { sortBy } : {}),
    ...(search ? { search } : {}),
  };
}

export function readInboxQuery(params: URLSearchParams): InboxQuery {
  const view = params.get("view");
  const sort = params.get("sort");
  return {
    view: isViewId(view) ? view : "mine",
    search: params.get("q") ?? "",
    priority: (params.get("priority") ?? "") as Priority | "",
    category: params.get("category") ?? "",
    channel: (params.get("channel") ?? "") as Channel | "",
    sort: isSortKey(sort) ? sort : "",
  };
}

export function writeInboxQuery(query: InboxQuery): string {
  const params = new URLSearchParams();
  params.set("view", query.view);
  if (query.search) params.set("q", query.search);
  if (query.priority) params.set("priority", query.priority);
  if (query.category) params.set("category", query.category);
  if (query.channel) params.set("channel", query.channel);
  if (query.sort) params.set("sort", query.sort);
  return `?${params.toString()}`;
}
