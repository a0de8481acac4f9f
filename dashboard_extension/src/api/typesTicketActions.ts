/** Shapes of the escalation, team, merge and split operations (operationsTicketActions.ts). */
import type { FieldError, Tier } from "./types";

export const TIERS: readonly Tier[] = ["L1", "L2", "L3"];

export interface Team {
  id: string;
  name: string;
  tier: Tier;
  isActive: boolean;
  position: number;
}

/** What a tier or team change returns. */
export interface TicketChangeResult {
  ticket: {
    id: string;
    number: number;
    version: number;
    tier: Tier;
    team: { id: string; name: string } | null;
  } | null;
  errors: FieldError[];
}

export interface TicketMergeResult {
  ticket: { id: string; number: number } | null;
  mergedTicket: { id: string; mergedIntoId: string | null } | null;
  errors: FieldError[];
}

export interface TicketSplitResult {
  ticket: { id: string; number: number; subject: string } | null;
  sourceTicket: { id: string; version: number } | null;
  errors: FieldError[];
}

/** The tier one step up or down from `tier`; null past L3 or below L1. */
export function tierStep(tier: Tier, step: 1 | -1): Tier | null {
  return TIERS[TIERS.indexOf(tier) + step] ?? null;
}

/** Tickets that can still change tier, team or be split: active and not merged. */
export function isWorkable(ticket: { status: string; mergedIntoId: string | null }): boolean {
  return ticket.mergedIntoId === null && ["NEW", "OPEN", "PENDING", "ON_HOLD"].includes(ticket.status);
}
