import { Button, Input, Text } from "@saleor/macaw-ui";
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from "react";

import { TICKET_LIST, TICKET_TAKE_NEXT } from "../api/operations";
import {
  CHANNELS,
  PRIORITIES,
  inboxRows,
  type Channel,
  type FieldError,
  type InboxRow,
  type PageInfo,
  type Priority,
  type TicketListConnection,
} from "../api/types";
import {
  ErrorState,
  Loading,
  PriorityBadge,
  SelectField,
  StatusBadge,
  isTyping,
  useErrorText,
  useFieldErrorText,
} from "../components/common";
import { useI18n } from "../i18n";
import { ticketPath, useRouter } from "../router";
import { useSession } from "../session";
import { SlaBadge, mostUrgent, useNow } from "../components/sla";
import { BulkBar } from "./BulkBar";
import { useCategoryOptions } from "./inboxCategories";
import { useViewCounts } from "./inboxCounts";
import { takePrefetched } from "./inboxPrefetch";
import { Highlighted, SearchSnippet } from "./SearchHighlight";
import { InboxViewsNav } from "./InboxViewsNav";
import {
  SAVED_VIEWS,
  SORTS,
  listVariables,
  readInboxQuery,
  writeInboxQuery,
  type InboxQuery,
  type SortKey,
} from "./inboxViews";

interface ListState {
  rows: InboxRow[];
  pageInfo: PageInfo | null;
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
}

const EMPTY: ListState = { rows: [], pageInfo: null, loading: true, loadingMore: false, error: null };

export function Inbox({ params }: { params: URLSearchParams }) {
  const { request } = useSession();
  const { t, dateTime } = useI18n();
  const { navigate, href } = useRouter();
  const errorText = useErrorText();
  const fieldErrorText = useFieldErrorText();
  const query = useMemo(() => readInboxQuery(params), [params]);
  const [searchText, setSearchText] = useState(query.search);
  const [state, setState] = useState<ListState>(EMPTY);
  const [selected, setSelected] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const now = useNow();
  const sequence = useRef(0);
  const searchRef = useRef<HTMLInputElement>(null);
  const rowRefs = useRef<(HTMLTableRowElement | null)[]>([]);
  const moved = useRef(false);
  const variables = useMemo(() => listVariables(query), [query]);

  useEffect(() => setSearchText(query.search), [query.search]);
  useEffect(() => setPicked(new Set()), [variables]);

  const togglePick = useCallback((id: string) => {
    setPicked((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const loadedKey = useRef("");
  useEffect(() => {
    const current = ++sequence.current;
    const key = JSON.stringify(variables);
    // The same list again (retry, after a bulk change) keeps its rows on screen meanwhile.
    const same = key === loadedKey.current;
    loadedKey.current = key;
    setState((previous) => ({ ...previous, loading: !same || previous.rows.length === 0, error: null }));
    type Answer = { supportTickets: TicketListConnection | null };
    // The first page may already be on its way (inboxPrefetch); if that failed, ask again.
    const early = takePrefetched<Answer>(TICKET_LIST, variables);
    const answer = early
      ? early.catch(() => request<Answer>(TICKET_LIST, variables))
      : request<Answer>(TICKET_LIST, variables);
    answer.then(
      (data) => {
        if (current !== sequence.current) return;
        setState({
          rows: inboxRows(data.supportTickets),
          pageInfo: data.supportTickets?.pageInfo ?? null,
          loading: false,
          loadingMore: false,
          error: null,
        });
        if (!same) setSelected(0);
      },
      (error: unknown) => {
        if (current !== sequence.current) return;
        setState({ ...EMPTY, loading: false, error });
      },
    );
  }, [request, variables, attempt]);

  // Counted once the first list arrived, so the counts never delay the tickets.
  const { counts, refresh: refreshCounts } = useViewCounts(!state.loading);

  const loadMore = useCallback(() => {
    const after = state.pageInfo?.endCursor;
    if (!after) return;
    const current = sequence.current;
    setState((previous) => ({ ...previous, loadingMore: true, error: null }));
    request<{ supportTickets: TicketListConnection | null }>(TICKET_LIST, { ...variables, after }).then(
      (data) => {
        if (current !== sequence.current) return;
        setState((previous) => ({
          ...previous,
          rows: [...previous.rows, ...inboxRows(data.supportTickets)],
          pageInfo: data.supportTickets?.pageInfo ?? null,
          loadingMore: false,
        }));
      },
      (error: unknown) => {
        if (current !== sequence.current) return;
        setState((previous) => ({ ...previous, loadingMore: false, error }));
      },
    );
  }, [request, variables, state.pageInfo]);

  const update = (change: Partial<InboxQuery>, replace = true) =>
    navigate(writeInboxQuery({ ...query, ...change }), { replace });

  const openTicket = useCallback((row: InboxRow) => navigate(ticketPath(row.id)), [navigate]);

  const [taking, setTaking] = useState(false);
  const [takeNotice, setTakeNotice] = useState<string | null>(null);
  const takeNext = async () => {
    setTaking(true);
    setTakeNotice(null);
    try {
      const data = await request<{
        supportTicketTakeNext: { ticket: { id: string } | null; errors: FieldError[] } | null;
      }>(TICKET_TAKE_NEXT);
      const result = data.supportTicketTakeNext;
      if (result?.ticket) {
        navigate(ticketPath(result.ticket.id));
        return;
      }
      setTakeNotice(result?.errors[0] ? fieldErrorText(result.errors[0]) : t("inbox.queueEmpty"));
      refreshCounts();
    } catch (error) {
      setTakeNotice(errorText(error));
    } finally {
      setTaking(false);
    }
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTyping(event.target)) {
        if (event.key === "Escape" && event.target === searchRef.current) {
          searchRef.current?.blur();
        }
        return;
      }
      const count = state.rows.length;
      if (event.key === "j" && count) {
        event.preventDefault();
        moved.current = true;
        setSelected((index) => Math.min(index + 1, count - 1));
      } else if (event.key === "k" && count) {
        event.preventDefault();
        moved.current = true;
        setSelected((index) => Math.max(index - 1, 0));
      } else if (event.key === "Enter" && count) {
        const row = state.rows[selected];
        if (row && !(event.target instanceof HTMLAnchorElement || event.target instanceof HTMLButtonElement)) {
          event.preventDefault();
          openTicket(row);
        }
      } else if (event.key === "x" && count) {
        const row = state.rows[selected];
        if (row) {
          event.preventDefault();
          togglePick(row.id);
        }
      } else if (event.key === "/") {
        event.preventDefault();
        searchRef.current?.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [state.rows, selected, openTicket, togglePick]);

  useEffect(() => {
    const row = rowRefs.current[selected];
    row?.scrollIntoView?.({ block: "nearest" });
    // After j/k the selected ticket's link has the focus: screen readers read it, Enter opens it.
    if (moved.current) {
      moved.current = false;
      row?.querySelector<HTMLAnchorElement>("a.desk-subject")?.focus({ preventScroll: true });
    }
  }, [selected]);

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    update({ search: searchText.trim() }, false);
  };

  // Asked after the first list, as the counts are.
  const categories = useCategoryOptions(!state.loading, state.rows, query.category);

  const searching = query.search.trim() !== "";
  const sortValue: SortKey = query.sort || (searching ? "relevance" : (SAVED_VIEWS.find((v) => v.id === query.view)?.sort ?? "updatedDesc"));
  const sortOptions = (Object.keys(SORTS) as SortKey[])
    .filter((key) => key !== "relevance" || searching)
    .map((key) => ({ value: key, label: t(`sort.${key}`) }));

  return (
    <div className="desk-inbox">
      <InboxViewsNav query={query} counts={counts} onPick={(view) => update({ view, sort: "" }, false)} />
      <section className="desk-list" aria-labelledby="desk-list-title">
        <div className="desk-list-head">
          <Text as="h1" size={8} fontWeight="bold" id="desk-list-title">
            {t(SAVED_VIEWS.find((view) => view.id === query.view)?.label ?? "view.mine")}
          </Text>
          <div className="desk-take-next">
            {takeNotice ? (
              <Text as="p" size={2} role="status">
                {takeNotice}
              </Text>
            ) : null}
            <Button variant="primary" onClick={() => void takeNext()} disabled={taking}>
              {t("inbox.takeNext")}
            </Button>
          </div>
        </div>
        <form role="search" className="desk-search" onSubmit={submitSearch}>
          <Input
            ref={searchRef}
            label={t("inbox.search")}
            placeholder={t("inbox.searchPlaceholder")}
            value={searchText}
            maxLength={200}
            onChange={(event) => setSearchText(event.target.value)}
            name="q"
            type="text"
            role="searchbox"
            size="small"
          />
          <Button type="submit" variant="primary">
            {t("inbox.searchSubmit")}
          </Button>
          {searching ? (
            <Button type="button" variant="tertiary" onClick={() => update({ search: "" }, false)}>
              {t("inbox.clearSearch")}
            </Button>
          ) : null}
        </form>
        <div className="desk-filters" role="group" aria-label={t("inbox.filters")}>
          <SelectField<Priority | "">
            label={t("filter.priority")}
            value={query.priority}
            options={[{ value: "", label: t("filter.any") }, ...PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))]}
            onChange={(priority) => update({ priority })}
          />
          <SelectField<string>
            label={t("filter.category")}
            value={query.category}
            options={[{ value: "", label: t("filter.any") }, ...categories.map((c) => ({ value: c.slug, label: c.name }))]}
            onChange={(category) => update({ category })}
          />
          <SelectField<Channel | "">
            label={t("filter.channel")}
            value={query.channel}
            options={[{ value: "", label: t("filter.any") }, ...CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))]}
            onChange={(channel) => update({ channel })}
          />
          <SelectField<SortKey>
            label={t("inbox.sort")}
            value={sortValue}
            options={sortOptions}
            onChange={(sort) => update({ sort })}
          />
        </div>
        <Text as="p" size={2} className="desk-hint">
          {t("inbox.keyboardHint")}
        </Text>
        {state.loading ? (
          <Loading />
        ) : state.error && state.rows.length === 0 ? (
          <ErrorState error={state.error} onRetry={() => setAttempt((n) => n + 1)} />
        ) : state.rows.length === 0 ? (
          <Text as="p" className="desk-empty">
            {searching ? t("inbox.emptySearch", { query: query.search }) : t("inbox.empty")}
          </Text>
        ) : (
          <>
            {picked.size ? (
              <BulkBar
                selected={state.rows.filter((row) => picked.has(row.id))}
                onDone={() => {
                  setAttempt((n) => n + 1);
                  refreshCounts();
                }}
                onClear={() => setPicked(new Set())}
              />
            ) : null}
            <table className="desk-table" aria-label={t("inbox.tableLabel")}>
              <thead>
                <tr>
                  <th scope="col">
                    <input
                      type="checkbox"
                      className="desk-check"
                      aria-label={t("bulk.selectAll")}
                      checked={state.rows.length > 0 && state.rows.every((row) => picked.has(row.id))}
                      onChange={(event) =>
                        setPicked(event.target.checked ? new Set(state.rows.map((row) => row.id)) : new Set())
                      }
                    />
                  </th>
                  <th scope="col">{t("inbox.col.number")}</th>
                  <th scope="col">{t("inbox.col.subject")}</th>
                  <th scope="col">{t("inbox.col.customer")}</th>
                  <th scope="col">{t("inbox.col.status")}</th>
                  <th scope="col">{t("inbox.col.priority")}</th>
                  <th scope="col">{t("inbox.col.sla")}</th>
                  <th scope="col">{t("inbox.col.assignee")}</th>
                  <th scope="col">{t("inbox.col.updated")}</th>
                </tr>
              </thead>
              <tbody>
                {state.rows.map((row, index) => (
                  <tr
                    key={row.id}
                    ref={(node) => {
                      rowRefs.current[index] = node;
                    }}
                    className={index === selected ? "desk-row desk-row-selected" : "desk-row"}
                    aria-current={index === selected ? "true" : undefined}
                    data-ticket-number={row.number}
                    onClick={() => setSelected(index)}
                  >
                    <td onClick={(event) => event.stopPropagation()}>
                      <input
                        type="checkbox"
                        className="desk-check"
                        aria-label={t("bulk.select", { number: String(row.number) })}
                        checked={picked.has(row.id)}
                        onChange={() => togglePick(row.id)}
                      />
                    </td>
                    <td className="desk-num">
                      {row.highlight?.field === "NUMBER" ? (
                        <Highlighted text={row.highlight.text} ranges={row.highlight.ranges} />
                      ) : (
                        `#${row.number}`
                      )}
                    </td>
                    <td>
                      <a
                        href={href(ticketPath(row.id))}
                        className="desk-subject"
                        onClick={(event) => {
                          if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
                          event.preventDefault();
                          openTicket(row);
                        }}
                      >
                        <bdi dir="auto">
                          <Highlighted text={row.subject} ranges={row.highlight?.subjectRanges ?? []} />
                        </bdi>
                      </a>
                      {row.highlight ? <SearchSnippet highlight={row.highlight} /> : null}
                      <span className="desk-meta">
                        {row.category.name}
                        {row.order ? ` · ${t("inbox.order", { number: row.order.number })}` : ""}
                        {row.tags.length ? ` · ${row.tags.join(", ")}` : ""}
                      </span>
                    </td>
                    <td>
                      <bdi className="desk-customer">{row.customerName || row.customerEmail}</bdi>
                    </td>
                    <td>
                      <StatusBadge status={row.status} label={t(`status.${row.status}`)} />
                    </td>
                    <td>
                      <PriorityBadge priority={row.priority} label={t(`priority.${row.priority}`)} />
                    </td>
                    <td>
                      <RowSla clocks={row.slaClocks} now={now} />
                    </td>
                    <td>{row.assignee?.email ?? <span className="desk-muted">{t("inbox.unassigned")}</span>}</td>
                    <td>
                      <time dateTime={row.updatedAt}>{dateTime(row.updatedAt)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div className="desk-list-footer">
              <Text size={2} aria-live="polite">
                {t("inbox.count", { count: state.rows.length })}
              </Text>
              {state.error ? <ErrorState error={state.error} onRetry={loadMore} /> : null}
              {state.pageInfo?.hasNextPage && !state.error ? (
                <Button variant="secondary" onClick={loadMore} disabled={state.loadingMore}>
                  {state.loadingMore ? t("loading") : t("inbox.loadMore")}
                </Button>
              ) : null}
            </div>
          </>
        )}
      </section>
    </div>
  );
}

function RowSla({ clocks, now }: { clocks: InboxRow["slaClocks"]; now: number }) {
  const clock = mostUrgent(clocks);
  return clock ? <SlaBadge clock={clock} now={now} /> : null;
}
