import { useEffect, useMemo, useRef, useState } from "react";

import { INBOX_CATEGORIES } from "../api/operationsInbox";
import { DEFAULT_CATEGORIES, type Category, type InboxRow } from "../api/types";
import { useSession } from "../session";

/**
 * The inbox's Category filter: every category by the name agents know it by, in the desk's
 * order. Until the desk answers (or if it refuses) the slugs the inbox knows stand in, with
 * the names of the categories the shown tickets carry.
 */
export function categoryOptions(known: readonly Category[] | null, rows: readonly InboxRow[], selected: string): Category[] {
  const options = new Map<string, string>();
  const shown = new Map(rows.map((row) => [row.category.slug, row.category.name]));
  if (known) {
    known.forEach((category) => options.set(category.slug, category.name));
  } else {
    [...DEFAULT_CATEGORIES, ...shown.keys()].sort().forEach((slug) => options.set(slug, slug));
  }
  shown.forEach((name, slug) => {
    if (!options.has(slug) || options.get(slug) === slug) options.set(slug, name);
  });
  if (selected && !options.has(selected)) options.set(selected, selected);
  return [...options].map(([slug, name]) => ({ slug, name: name.trim() || slug }));
}

/** The filter's categories, asked once, when `enabled` (after the first list, never before it). */
export function useCategoryOptions(enabled: boolean, rows: readonly InboxRow[], selected: string): Category[] {
  const { request } = useSession();
  const [known, setKnown] = useState<Category[] | null>(null);
  const asked = useRef(false);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (!enabled || asked.current) return;
    asked.current = true;
    request<{ supportCategories: Category[] }>(INBOX_CATEGORIES).then(
      (data) => {
        // An answer without the list (an older desk) leaves the slugs standing in.
        const list = data?.supportCategories;
        if (mounted.current && Array.isArray(list)) setKnown(list.map(({ slug, name }) => ({ slug, name })));
      },
      // The slugs stand in; the filter works the same.
      () => undefined,
    );
  }, [enabled, request]);

  return useMemo(() => categoryOptions(known, rows, selected), [known, rows, selected]);
}
