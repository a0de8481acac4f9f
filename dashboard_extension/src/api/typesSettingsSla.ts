/** Shapes of the settings for business calendars, SLA policies and templates (macros), as in graphql/schema.graphql. */

import type { Category, Channel, FieldError, Priority, Status, User } from "./types";

export const WEEKDAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface OpeningInterval {
  weekday: Weekday;
  /** Local wall time `HH:MM`. */
  start: string;
  /** Local wall time `HH:MM`; `24:00` is the end of the day. */
  end: string;
}

export interface Holiday {
  /** Local date `YYYY-MM-DD`. */
  date: string;
  name: string;
}

export interface BusinessCalendar {
  id: string;
  name: string;
  timeZone: string;
  intervals: OpeningInterval[];
  holidays: Holiday[];
}

export interface BusinessCalendarInput {
  name: string;
  timeZone: string;
  intervals: OpeningInterval[];
  holidays: Holiday[];
}

export const BREACH_ACTIONS = ["RAISE_PRIORITY", "ESCALATE", "REASSIGN", "NOTIFY_LEAD"] as const;
export type BreachAction = (typeof BREACH_ACTIONS)[number];

export interface SlaPolicy {
  id: string;
  name: string;
  position: number;
  isActive: boolean;
  priorities: Priority[];
  channels: Channel[];
  categories: Category[];
  orderChannels: string[];
  calendar: { id: string; name: string };
  firstResponseMinutes: number | null;
  nextResponseMinutes: number | null;
  resolutionMinutes: number | null;
  warningPercent: number;
  breachActions: BreachAction[];
  notifyUser: Pick<User, "id" | "email"> | null;
}

/** `supportSlaPolicyCreate` / `Update` input: categories by slug, the calendar and user by id. */
export interface SlaPolicyInput {
  name: string;
  calendar: string;
  isActive: boolean;
  priorities: Priority[];
  channels: Channel[];
  categories: string[];
  orderChannels: string[];
  firstResponseMinutes: number | null;
  nextResponseMinutes: number | null;
  resolutionMinutes: number | null;
  warningPercent: number;
  breachActions: BreachAction[];
  notifyUser: string | null;
}

export interface SlaReportingTarget {
  channel: Channel;
  answerWithinSeconds: number;
  sharePercent: number;
}

/** A ticket category as the settings list them (inactive ones included). */
export interface SettingsCategory extends Category {
  isActive: boolean;
}

export interface SettingsAgent {
  user: User | null;
}

export type SlaErrorCode =
  | "NOT_FOUND"
  | "INVALID"
  | "REQUIRED"
  | "UNIQUE"
  | "TOO_LONG"
  | "INVALID_TIME_ZONE"
  | "INVALID_TIME"
  | "OVERLAPPING_INTERVALS"
  | "NEVER_OPEN"
  | "IN_USE";

export interface SlaError extends FieldError {
  code: SlaErrorCode;
}

export type MacroVisibility = "SHARED" | "PERSONAL";
export type MacroAssignment = "KEEP" | "ME" | "USER" | "UNASSIGN";

export interface MacroTranslation {
  /** Lower-case language code; empty for the default text. */
  language: string;
  /** HTML with `{{ variable }}` placeholders. */
  body: string;
}

export interface MacroActions {
  status: Status | null;
  priority: Priority | null;
  category: Category | null;
  addTags: string[];
  removeTags: string[];
  assignment: MacroAssignment;
  assignee: Pick<User, "id" | "email"> | null;
}

export interface MacroRow {
  id: string;
  name: string;
  group: string;
  visibility: MacroVisibility;
  isActive: boolean;
  usageCount: number;
  lastUsedAt: string | null;
}

export interface MacroDetail extends MacroRow {
  position: number;
  translations: MacroTranslation[];
  actions: MacroActions;
}

export interface MacroActionsInput {
  status: Status | null;
  priority: Priority | null;
  category: string | null;
  addTags: string[];
  removeTags: string[];
  assignment: MacroAssignment;
  assigneeId: string | null;
}

export interface MacroInput {
  name: string;
  group: string;
  visibility: MacroVisibility;
  isActive: boolean;
  translations: MacroTranslation[];
  actions: MacroActionsInput;
}

export interface MacroVariable {
  name: string;
  description: string;
  example: string;
}

/** An error of a macro mutation; rendering errors say where in which text. */
export interface MacroFieldError extends FieldError {
  variable?: string | null;
  language?: string | null;
  line?: number | null;
  column?: number | null;
}
