/** A settings list: intro and Add, what just happened, the table with each row's actions, the order. */
import { Button, Text } from "@saleor/macaw-ui";
import { useState, type ReactNode } from "react";

import type { FieldError } from "../../../api/types";
import { useI18n } from "../../../i18n";
import { useAction, useMutate } from "./resource";

/** The screen's introduction with its Add button beside it. */
export function ScreenToolbar({
  intro,
  addLabel,
  onAdd,
  addDisabled,
}: {
  intro: string;
  addLabel: string;
  onAdd: () => void;
  addDisabled?: boolean;
}) {
  return (
    <div className="desk-cfg-toolbar">
      <Text as="p" className="desk-muted">
        {intro}
      </Text>
      <Button variant="primary" size="small" disabled={addDisabled} onClick={onAdd}>
        {addLabel}
      </Button>
    </div>
  );
}

/** What the last change did ("Team saved."), read out politely. */
export function Notice({ text }: { text: string | null }) {
  return text ? (
    <Text as="p" className="desk-notice" role="status">
      {text}
    </Text>
  ) : null;
}

/** A refusal about the whole screen or form, read out at once. */
export function Alert({ children }: { children: ReactNode }) {
  return children ? (
    <Text as="p" className="desk-cfg-alert" role="alert">
      {children}
    </Text>
  ) : null;
}

/** A column heading: its text, and whether it holds numbers (aligned to the end). */
export type Column = string | { label: string; numeric: true };

/** The list's table with a last column for each row's actions; `empty` says so instead when there are no rows. */
export function SettingsTable({
  label,
  columns,
  empty,
  className,
  children,
}: {
  label?: string;
  columns: readonly Column[];
  empty?: string | null;
  className?: string;
  children: ReactNode;
}) {
  const { t } = useI18n();
  if (empty) {
    return (
      <Text as="p" className="desk-empty">
        {empty}
      </Text>
    );
  }
  return (
    <table className={`desk-table desk-cfg-table ${className ?? ""}`.trim()} aria-label={label}>
      <thead>
        <tr>
          {columns.map((column) =>
            typeof column === "string" ? (
              <th scope="col" key={column}>
                {column}
              </th>
            ) : (
              <th scope="col" key={column.label} className="desk-cfg-number">
                {column.label}
              </th>
            ),
          )}
          <th scope="col">
            <span className="desk-visually-hidden">{t("settings.common.actions")}</span>
          </th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** A row's place in an ordered list and how to move it. */
export interface RowMove {
  index: number;
  count: number;
  busy: boolean;
  onMove: (step: -1 | 1) => void;
}

/** The actions cell of a row named `name`: ↑ and ↓ for ordered lists, Edit, and any others after them. */
export function RowActions({
  name,
  move,
  onEdit,
  editDisabled,
  editExpanded,
  className,
  children,
}: {
  name: string;
  move?: RowMove;
  onEdit?: () => void;
  editDisabled?: boolean;
  /** Whether the row's form is open under it, for an Edit that opens it in place. */
  editExpanded?: boolean;
  className?: string;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const edit = onEdit ? (
    <Button
      variant="secondary"
      size="small"
      disabled={editDisabled}
      aria-expanded={editExpanded}
      aria-label={t("settings.common.editNamed", { name })}
      onClick={onEdit}
    >
      {t("settings.common.edit")}
    </Button>
  ) : null;
  return (
    <td className={`desk-cfg-cell-actions ${className ?? ""}`.trim()}>
      {move || children ? (
        <div className="desk-cfg-row-actions">
          {move ? (
            <>
              <Button
                variant="tertiary"
                size="small"
                disabled={move.busy || move.index === 0}
                aria-label={t("settings.common.moveUpNamed", { name })}
                onClick={() => move.onMove(-1)}
              >
                ↑
              </Button>
              <Button
                variant="tertiary"
                size="small"
                disabled={move.busy || move.index === move.count - 1}
                aria-label={t("settings.common.moveDownNamed", { name })}
                onClick={() => move.onMove(1)}
              >
                ↓
              </Button>
            </>
          ) : null}
          {edit}
          {children}
        </div>
      ) : (
        edit
      )}
    </td>
  );
}

/** Which item a list screen edits (or "new"), and the notice of the last change; opening clears it. */
export function useListEditing<T>() {
  const [editing, setEditing] = useState<T | "new" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return {
    editing,
    notice,
    setNotice,
    open: (item: T | "new") => {
      setNotice(null);
      setEditing(item);
    },
    close: () => setEditing(null),
    /** The editor is done: back to the list, saying what happened. */
    done: (text: string) => {
      setEditing(null);
      setNotice(text);
    },
  };
}

/** `list` with `item` in place of the one with its id, or added at the end. */
export function upsert<T extends { id: string }>(list: readonly T[], item: T): T[] {
  return list.some((other) => other.id === item.id)
    ? list.map((other) => (other.id === item.id ? item : other))
    : [...list, item];
}

/** `list` without the item with `id`. */
export function without<T extends { id: string }>(list: readonly T[], id: string): T[] {
  return list.filter((item) => item.id !== id);
}

/** `list` with the item at `index` swapped with its neighbour (`-1` up, `+1` down). */
export function moved<T>(list: readonly T[], index: number, step: -1 | 1): T[] {
  const target = index + step;
  const copy = [...list];
  const item = copy[index];
  const other = copy[target];
  if (item === undefined || other === undefined) return copy;
  copy[index] = other;
  copy[target] = item;
  return copy;
}

/**
 * Moving the rows of an ordered list with `mutation`, which takes the ids in their new order and
 * answers with the list under `field`: busy while it runs, the refusal, or the failure with a retry.
 */
export function useReorder<T extends { id: string }, E extends FieldError>({
  mutation,
  field,
  onReordered,
  setNotice,
  reordered: reorderedText,
}: {
  mutation: string;
  field: string;
  onReordered: (items: T[]) => void;
  /** The screen's notice: cleared when a row moves, `reordered` once it has. */
  setNotice: (text: string | null) => void;
  reordered: string;
}) {
  const mutate = useMutate();
  const { busy, failure, run } = useAction();
  const [error, setError] = useState<E | null>(null);
  const move = (items: readonly T[], index: number, step: -1 | 1) =>
    run(async () => {
      setNotice(null);
      setError(null);
      const result = await mutate<({ errors: E[] } & Record<string, unknown>) | null>(mutation, {
        ids: moved(items, index, step).map((item) => item.id),
      });
      const first = result?.errors[0];
      const reordered = result?.[field] as T[] | null | undefined;
      if (first) setError(first);
      else if (reordered) {
        onReordered(reordered);
        setNotice(reorderedText);
      }
    });
  return {
    busy,
    failure,
    error,
    /** How the row at `index` of `items` moves, for its `RowActions`. */
    row: (items: readonly T[], index: number): RowMove => ({
      index,
      count: items.length,
      busy,
      onMove: (step) => void move(items, index, step),
    }),
  };
}
