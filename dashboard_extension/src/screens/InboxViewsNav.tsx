import { useI18n } from "../i18n";
import { useRouter } from "../router";
import { COUNT_LIMIT, type ViewCounts } from "./inboxCounts";
import { SAVED_VIEWS, writeInboxQuery, type InboxQuery, type ViewId } from "./inboxViews";

/** The saved views, each with the number of tickets in it once counted. */
export function InboxViewsNav({
  query,
  counts,
  onPick,
}: {
  query: InboxQuery;
  counts: ViewCounts | null;
  onPick: (view: ViewId) => void;
}) {
  const { t } = useI18n();
  const { href } = useRouter();
  return (
    <nav className="desk-views" aria-label={t("views.label")}>
      <ul>
        {SAVED_VIEWS.map((view) => (
          <li key={view.id}>
            <a
              href={href(writeInboxQuery({ ...query, view: view.id, sort: "" }))}
              className="desk-view-link"
              aria-current={view.id === query.view ? "page" : undefined}
              onClick={(event) => {
                event.preventDefault();
                onPick(view.id);
              }}
            >
              <span className="desk-view-name">{t(view.label)}</span>
              {/* The count is part of the link's name ("Unassigned 4"), as it is shown. */}
              {counts ? " " : null}
              {counts ? <ViewCount count={counts[view.id]} /> : null}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function ViewCount({ count }: { count: number }) {
  const { t, number } = useI18n();
  const shown = count >= COUNT_LIMIT ? t("inbox.viewCountCapped", { count: COUNT_LIMIT - 1 }) : number(count);
  return (
    <span className="desk-view-count" data-count={count}>
      {shown}
    </span>
  );
}
