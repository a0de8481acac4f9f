import { useCallback, useRef, useState } from "react";

import type { FieldError, TicketDetail } from "../../api/types";

/** A change the agent based on `before` and another agent's ticket `after` it. */
export interface ActionConflict {
  before: TicketDetail;
  after: TicketDetail;
}

export interface TicketAction {
  busy: boolean;
  /** Refusals by input field (`__all__` for the whole mutation). */
  errors: Record<string, FieldError>;
  /** A request that did not get through (network, server), to retry. */
  failure: unknown;
  conflict: ActionConflict | null;
  /**
   * Send a change based on `base`. CONFLICT reloads the ticket and keeps both copies in
   * `conflict`; other refusals land in `errors`; success reloads the ticket and calls `done`.
   */
  run: <T>(
    base: TicketDetail,
    send: (base: TicketDetail) => Promise<{ errors: FieldError[]; value: T }>,
    done: (value: T) => void,
  ) => Promise<void>;
  reset: () => void;
}

export function byField(errors: FieldError[]): Record<string, FieldError> {
  return Object.fromEntries(errors.map((error) => [error.field ?? "__all__", error]));
}

/** `reload` fetches the ticket again and never throws (null when it failed or is gone). */
export function useTicketAction(reload: () => Promise<TicketDetail | null>): TicketAction {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, FieldError>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [conflict, setConflict] = useState<ActionConflict | null>(null);
  const running = useRef(false);

  const reset = useCallback(() => {
    setErrors({});
    setFailure(null);
    setConflict(null);
  }, []);

  const run = useCallback(
    async <T>(
      base: TicketDetail,
      send: (base: TicketDetail) => Promise<{ errors: FieldError[]; value: T }>,
      done: (value: T) => void,
    ) => {
      if (running.current) return;
      running.current = true;
      setBusy(true);
      setErrors({});
      setFailure(null);
      let outcome: { errors: FieldError[]; value: T } | null = null;
      try {
        outcome = await send(base);
      } catch (error) {
        setFailure(error);
      }
      // The reload's own failures are the screen's to show (`reload` does not throw).
      if (outcome?.errors.some((error) => error.code === "CONFLICT")) {
        const fresh = await reload();
        setConflict(fresh ? { before: base, after: fresh } : null);
      } else if (outcome?.errors.length) {
        setErrors(byField(outcome.errors));
      } else if (outcome) {
        setConflict(null);
        await reload();
        done(outcome.value);
      }
      running.current = false;
      setBusy(false);
    },
    [reload],
  );

  return { busy, errors, failure, conflict, run, reset };
}
