/** How every settings screen talks to the API: loading with a retry, one change at a time, failures. */
import { Text } from "@saleor/macaw-ui";
import { useCallback, useEffect, useState } from "react";

import { ApiError } from "../../../api/client";
import { ErrorState, Loading } from "../../../components/common";
import { useI18n } from "../../../i18n";
import { useSession } from "../../../session";

/** Loads `query` once (and again on `reload`): data, a failure, or neither while loading. */
export function useSettingsResource<T>(query: string, variables?: Record<string, unknown>, { skip = false } = {}) {
  const { request } = useSession();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(variables ?? {});
  useEffect(() => {
    if (skip) return undefined;
    let live = true;
    setError(null);
    request<T>(query, JSON.parse(key) as Record<string, unknown>).then(
      (value) => live && setData(value),
      (caught: unknown) => live && setError(caught),
    );
    return () => {
      live = false;
    };
  }, [request, query, key, attempt, skip]);
  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  return { data, setData, error, reload };
}

/** Sends a mutation and answers with its one payload (`{ supportTeamUpdate: payload }` gives `payload`). */
export function useMutate(): <T>(mutation: string, variables: Record<string, unknown>) => Promise<T> {
  const { request } = useSession();
  return useCallback(
    async <T,>(mutation: string, variables: Record<string, unknown>) => {
      const data = await request<Record<string, T>>(mutation, variables);
      return Object.values(data)[0] as T;
    },
    [request],
  );
}

/** A request that failed, with the way to send it again. */
export type ActionFailure = { error: unknown; retry: () => void };

/** Runs one request at a time: busy while it runs, and a failure (network, refusal) with a retry. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const run = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (caught) {
      setFailure({ error: caught, retry: () => void run(action) });
    } finally {
      setBusy(false);
    }
  }, []);
  const clearFailure = useCallback(() => setFailure(null), []);
  return { busy, failure, run, clearFailure };
}

/** A failed load or save: a refusal is said as such; anything else can be tried again. */
export function Failure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  if (error instanceof ApiError && error.kind === "forbidden") {
    return (
      <Text as="p" role="alert" className="desk-cfg-alert">
        {t("settings.common.permissionDenied")}
      </Text>
    );
  }
  return <ErrorState error={error} onRetry={onRetry} />;
}

/** The failure of the last action, if it failed. */
export function ActionFailed({ failure }: { failure: ActionFailure | null }) {
  return failure ? <Failure error={failure.error} onRetry={failure.retry} /> : null;
}

/** What a screen shows until its data is there: a spinner or the failure with a retry. */
export function Pending({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return error ? <Failure error={error} onRetry={onRetry} /> : <Loading />;
}
