/** Shapes of the desk's API, as in graphql/schema.graphql (the agent's side: StaffTicket). */

export const STATUSES = ["NEW", "OPEN", "PENDING", "ON_HOLD", "SOLVED", "CLOSED"] as const;
export type Status = (typeof STATUSES)[number];

export const PRIORITIES = ["LOW", "NORMAL", "HIGH", "URGENT"] as const;
export type Priority = (typeof PRIORITIES)[number];

export const CHANNELS = ["WEB", "EMAIL", "CHAT", "PHONE", "SOCIAL", "SYSTEM"] as const;
export type Channel = (typeof CHANNELS)[number];

export type Tier = "L1" | "L2" | "L3";
export type AuthorType = "CUSTOMER" | "AGENT" | "SYSTEM";
export type SortField = "CREATED" | "UPDATED" | "PRIORITY" | "NUMBER" | "SLA_DUE";
export type Direction = "ASC" | "DESC";

/** Status moves the desk allows (README "Ticket lifecycle"). */
export const TRANSITIONS: Record<Status, readonly Status[]> = {
  NEW: ["OPEN", "PENDING", "ON_HOLD", "SOLVED"],
  OPEN: ["PENDING", "ON_HOLD", "SOLVED"],
  PENDING: ["OPEN", "ON_HOLD", "SOLVED"],
  ON_HOLD: ["OPEN", "PENDING", "SOLVED"],
  SOLVED: ["OPEN", "CLOSED"],
  CLOSED: [],
};

/** The categories the desk seeds; the merchant may add others, which show up as tickets use them. */
export const DEFAULT_CATEGORIES = [
  "order",
  "cancellation",
  "return",
  "refund",
  "delivery",
  "payment",
  "product-question",
  "account",
  "complaint",
  "other",
] as const;

export interface User {
  id: string;
  email: string;
  firstName?: string;
  lastName?: string;
}

export interface Category {
  slug: string;
  name: string;
}

export type SlaKind = "FIRST_RESPONSE" | "NEXT_RESPONSE" | "RESOLUTION";
export type SlaState = "ON_TRACK" | "WARNING" | "BREACHED" | "MET" | "MISSED" | "CANCELLED";

export interface SlaClock {
  kind: SlaKind;
  state: SlaState;
  paused: boolean;
  dueAt: string | null;
  remainingMinutes: number;
  completedAt: string | null;
}

export interface TicketRow {
  id: string;
  number: number;
  subject: string;
  status: Status;
  priority: Priority;
  channel: Channel;
  tags: string[];
  updatedAt: string;
  category: Category;
  customerName: string;
  customerEmail: string;
  assignee: Pick<User, "id" | "email"> | null;
  order: { number: string } | null;
  slaClocks?: SlaClock[];
}

export type SearchMatchField = "NUMBER" | "SUBJECT" | "MESSAGE" | "INTERNAL_NOTE" | "CUSTOMER" | "ORDER";

/** A matched run of text, by offsets in Unicode code points (count with `Array.from`). */
export interface TextRange {
  start: number;
  end: number;
}

/** Why a ticket matched the inbox's search: its best match, plain text, matched words marked. */
export interface SearchHighlight {
  field: SearchMatchField;
  text: string;
  ranges: TextRange[];
  subjectRanges: TextRange[];
}

/** A row of the inbox with, when searching, why it matched. */
export type InboxRow = TicketRow & { highlight?: SearchHighlight | null };

/** A page of the ticket list: edges carry the search highlight beside the ticket. */
export interface TicketListConnection {
  edges: { node: TicketRow | null; searchHighlight?: SearchHighlight | null }[];
  pageInfo: PageInfo;
}

export function inboxRows(connection: TicketListConnection | null | undefined): InboxRow[] {
  if (!connection) {
    return [];
  }
  return connection.edges.flatMap((edge) => (edge.node ? [{ ...edge.node, highlight: edge.searchHighlight ?? null }] : []));
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: { node: T | null }[];
  pageInfo: PageInfo;
}

export interface Message {
  id: string;
  authorType: AuthorType;
  body: string;
  createdAt: string;
  author?: { email: string } | null;
  isInternal?: boolean;
}

export interface TimelineEvent {
  type: string;
  parameters: string;
  user: { email: string } | null;
  createdAt: string;
}

export interface TicketOrder {
  id: string;
  number: string;
  channel: string;
  dashboardUrl: string | null;
  snapshot: string | null;
}

export interface TicketDetail {
  id: string;
  number: number;
  subject: string;
  status: Status;
  priority: Priority;
  tier: Tier;
  /** The team (queue) holding the ticket; null when none. */
  team: { id: string; name: string; tier: Tier; isActive: boolean } | null;
  /** Global id of the ticket this one was merged into; null unless merged. */
  mergedIntoId: string | null;
  tags: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
  firstResponseAt: string | null;
  channel: Channel;
  languageCode: string;
  category: Category;
  customerName: string;
  customerEmail: string;
  customer: { id: string } | null;
  isAnonymised: boolean;
  assignee: User | null;
  order: TicketOrder | null;
  messages: Connection<Message>;
  events: Connection<TimelineEvent>;
  slaClocks?: SlaClock[];
  /** The customer's survey answers on the tickets the agent may see; null when unknown. */
  customerSatisfaction?: CustomerSatisfaction | null;
  /** The answers to this ticket's survey, in question order. */
  surveyAnswers?: SurveyAnswer[];
}

export type SurveyQuestion = "CSAT_AGENT" | "CSAT_RESOLUTION" | "NPS";

export interface SurveyAnswer {
  question: SurveyQuestion;
  score: number;
  scaleMax: number;
  /** Sanitised HTML from the server; null without a comment. */
  comment: string | null;
  ticketId: string;
  ticketNumber: number;
  createdAt: string;
}

export interface CustomerSatisfaction {
  /** Tickets whose survey the customer answered. */
  responses: number;
  /** Share of 4-5 answers in percent (one decimal); null without answers. */
  csatAgent: number | null;
  csatResolution: number | null;
  nps: { latestScore: number; latestAnsweredAt: string; count: number } | null;
  /** Latest answers, newest first. */
  recent: SurveyAnswer[];
}

export interface FieldError {
  field: string | null;
  code: string;
  message: string;
}

export interface Viewer {
  kind: "STAFF" | "CUSTOMER" | "APP" | "GUEST" | "ANONYMOUS";
  permissions: string[];
  user: User | null;
  /** Team leads, managers and MANAGE_SETTINGS holders see the settings screens. */
  canManageSettings: boolean;
}

/** The order snapshot the desk stores beside a ticket (host/snapshot.py, as JSON). */
export interface OrderSnapshot {
  number: string;
  status: string;
  currency: string;
  total_gross: string;
  total_charged: string;
  total_refunded: string;
  charge_status: string;
  customer_note: string;
  created_at: string;
  customer?: { email: string; first_name: string; last_name: string };
  lines: {
    id: string;
    product_name: string;
    variant_name: string;
    sku: string;
    quantity: number;
    quantity_fulfilled: number;
    unit_price_gross: string;
    total_price_gross: string;
  }[];
  fulfillments: {
    id: number;
    status: string;
    tracking_number: string;
    lines: { line_id: string; quantity: number }[];
  }[];
}

export function nodes<T>(connection: Connection<T> | null | undefined): T[] {
  if (!connection) {
    return [];
  }
  return connection.edges.flatMap((edge) => (edge.node ? [edge.node] : []));
}
