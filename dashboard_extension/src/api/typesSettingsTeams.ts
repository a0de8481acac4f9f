/** Shapes of the settings for teams, agents, routing rules, categories and intake rules, as in graphql/schema.graphql. */

import type { Channel, FieldError, Priority, Tier, User } from "./types";

export const TIERS: readonly Tier[] = ["L1", "L2", "L3"];

export const STRATEGIES = ["ROUND_ROBIN", "LEAST_LOADED"] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const ROLES = ["AGENT", "DISPATCHER", "TEAM_LEAD", "MANAGER"] as const;
export type Role = (typeof ROLES)[number];

export const AVAILABILITIES = ["ON_SHIFT", "AWAY"] as const;
export type Availability = (typeof AVAILABILITIES)[number];

/** Store events that can open a ticket, in the order the API lists them. */
export const INTAKE_KINDS = [
  "CANCELLATION",
  "EXPIRY",
  "REFUND",
  "FULL_REFUND",
  "RETURN",
  "REPLACEMENT",
  "CUSTOMER_NOTE",
  "PAYMENT_PROBLEM",
] as const;
export type IntakeKind = (typeof INTAKE_KINDS)[number];

/** Placeholders an acknowledgement may use, and the languages it may have sections for. */
export const ACKNOWLEDGEMENT_PLACEHOLDERS = ["{customer_name}", "{order_number}", "{ticket_number}"] as const;
export const ACKNOWLEDGEMENT_SECTIONS = ["[ro]", "[pl]", "[fa]"] as const;

/** An error of a team, agent profile, routing rule, category or intake rules mutation. */
export type SettingsError = FieldError;

export type StaffUser = Required<Pick<User, "id" | "email" | "firstName" | "lastName">>;

export interface TeamMember {
  id: string;
  user: StaffUser | null;
}

export interface Team {
  id: string;
  name: string;
  slug: string;
  tier: Tier;
  strategy: Strategy;
  autoAssign: boolean;
  isDefault: boolean;
  isActive: boolean;
  position: number;
  members: TeamMember[];
}

/** `supportTeamCreate` / `Update` input: members by `User` id. */
export interface TeamInput {
  name: string;
  slug: string;
  tier: Tier;
  strategy: Strategy;
  autoAssign: boolean;
  isDefault: boolean;
  isActive: boolean;
  memberIds: string[];
  position?: number;
}

/** A team as other screens name it. */
export interface TeamRef {
  id: string;
  name: string;
  tier: Tier;
  isActive: boolean;
}

export interface AgentProfile {
  id: string;
  user: StaffUser | null;
  role: Role;
  tier: Tier;
  languageCodes: string[];
  capacity: number;
  availability: Availability;
  teams: { id: string; name: string }[];
  activeTicketCount: number;
}

export interface AgentProfileInput {
  role: Role;
  tier: Tier;
  languageCodes: string[];
  capacity: number;
  availability: Availability;
  teamIds: string[];
}

export interface RoutingRule {
  id: string;
  name: string;
  position: number;
  isActive: boolean;
  categories: string[];
  channels: Channel[];
  languageCodes: string[];
  orderChannels: string[];
  tags: string[];
  team: TeamRef;
}

export interface RoutingRuleInput {
  name: string;
  teamId: string;
  isActive: boolean;
  categories: string[];
  channels: Channel[];
  languageCodes: string[];
  orderChannels: string[];
  tags: string[];
}

export interface TicketCategory {
  id: string;
  slug: string;
  name: string;
  position: number;
  isActive: boolean;
}

export interface IntakeEventRule {
  kind: IntakeKind;
  enabled: boolean;
  priority: Priority;
  category: { id: string; slug: string; name: string; isActive: boolean } | null;
  categorySlug: string;
}

export interface IntakeRules {
  events: IntakeEventRule[];
  acknowledgeCustomer: boolean;
  acknowledgementMessage: string;
  customerReopenDays: number;
}

export interface IntakeRulesInput {
  events: { kind: IntakeKind; enabled: boolean; priority: Priority; category: string }[];
  acknowledgeCustomer: boolean;
  acknowledgementMessage: string;
  customerReopenDays: number;
}
