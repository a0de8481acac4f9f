/** A settings editor: its heading with Back, the form, its errors, and Save, Cancel and Delete below. */
import { Button, Text } from "@saleor/macaw-ui";
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode, type RefObject } from "react";

import type { FieldError } from "../../../api/types";
import { useI18n } from "../../../i18n";
import { ActionFailed, useAction, useMutate } from "./resource";

/**
 * Keyboard focus follows a question or a field that opens in place: to `opened` when `open` turns
 * true, back to `closed` (the button that opened it) when it turns false again.
 */
export function useFocusFollow(
  open: boolean,
  { opened, closed }: { opened?: RefObject<HTMLElement>; closed: RefObject<HTMLElement> },
) {
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) opened?.current?.focus();
    else if (wasOpen.current) closed.current?.focus();
    wasOpen.current = open;
  }, [open, opened, closed]);
}

/** "Delete …?" with "Yes, delete" and Cancel. */
export function DeleteQuestion({
  question,
  className,
  confirmRef,
  busy,
  onConfirm,
  onCancel,
}: {
  question: string;
  className: string;
  confirmRef: RefObject<HTMLButtonElement>;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className={className} role="group" aria-label={question}>
      <Text as="p">{question}</Text>
      <Button ref={confirmRef} type="button" variant="error" size="small" disabled={busy} onClick={onConfirm}>
        {t("settings.common.confirmDelete")}
      </Button>
      <Button type="button" variant="tertiary" size="small" onClick={onCancel}>
        {t("settings.common.cancel")}
      </Button>
    </div>
  );
}

/** A delete button that asks once more, in place, before deleting. */
export function ConfirmDelete({
  label,
  question,
  onConfirm,
  busy,
}: {
  label: string;
  question: string;
  onConfirm: () => void;
  busy?: boolean;
}) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  useFocusFollow(asking, { opened: confirmRef, closed: deleteRef });
  return (
    <div className="desk-cfg-delete">
      {asking ? (
        <DeleteQuestion
          className="desk-cfg-confirm"
          question={question}
          confirmRef={confirmRef}
          busy={busy}
          onConfirm={() => {
            setAsking(false);
            onConfirm();
          }}
          onCancel={() => setAsking(false)}
        />
      ) : (
        <Button ref={deleteRef} type="button" variant="error" size="small" onClick={() => setAsking(true)} disabled={busy}>
          {label}
        </Button>
      )}
    </div>
  );
}

/** Deleting what an editor shows: the button's label and the question it asks. */
export interface Deletion {
  label: string;
  question: string;
}

type Payload<E> = ({ errors: E[] } & Record<string, unknown>) | null;

/**
 * Saving and deleting one thing: `create` (with `{ input }`) or, once it has an `id`, `update` (with
 * `{ id, input }`), and `remove` (with `{ id }`); the saved thing is the payload's `field`. Busy while a
 * request runs, the errors of a refusal (`onRefused` hears of them with the input sent), the failure with a retry.
 */
export function useEditor<T, E extends FieldError, I = unknown>({
  id,
  create,
  update,
  remove,
  field,
  onSaved,
  onDeleted,
  onRefused,
}: {
  id: string | null;
  create: string;
  update: string;
  remove: string;
  field: string;
  onSaved: (saved: T) => void;
  onDeleted: (id: string) => void;
  onRefused?: (errors: E[], input: I | null) => void;
}) {
  const mutate = useMutate();
  const { busy, failure, run } = useAction();
  const [errors, setErrors] = useState<E[]>([]);
  const refused = (result: Payload<E>, input: I | null) => {
    if (!result?.errors.length) return false;
    setErrors(result.errors);
    onRefused?.(result.errors, input);
    return true;
  };
  return {
    busy,
    failure,
    errors,
    setErrors,
    /** Saves `input`; a new thing is created with `createInput` when it needs more (its place). */
    save: (input: I, createInput: unknown = input) =>
      run(async () => {
        setErrors([]);
        const result = id
          ? await mutate<Payload<E>>(update, { id, input })
          : await mutate<Payload<E>>(create, { input: createInput });
        const saved = result?.[field] as T | null | undefined;
        if (!refused(result, input) && saved) onSaved(saved);
      }),
    delete: () =>
      run(async () => {
        if (!id) return;
        setErrors([]);
        if (!refused(await mutate<Payload<E>>(remove, { id }), null)) onDeleted(id);
      }),
  };
}

/** What `useEditor` gives an editor's form. */
export type Editor = Pick<ReturnType<typeof useEditor>, "busy" | "failure" | "delete">;

/** Save (Saving… while it runs), as the form's submit button. */
export function SaveButton({ busy, small }: { busy: boolean; small?: boolean }) {
  const { t } = useI18n();
  return (
    <Button type="submit" variant="primary" size={small ? "small" : undefined} disabled={busy}>
      {busy ? t("settings.common.saving") : t("settings.common.save")}
    </Button>
  );
}

/** Save, Cancel and, for something already saved, Delete with its question. */
export function EditorFooter({
  busy,
  onCancel,
  deletion,
  onDelete,
  small,
}: {
  busy: boolean;
  onCancel: () => void;
  deletion?: Deletion | null;
  onDelete?: () => void;
  small?: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className="desk-cfg-actions">
      <SaveButton busy={busy} small={small} />
      <Button type="button" variant="secondary" size={small ? "small" : undefined} onClick={onCancel}>
        {t("settings.common.cancel")}
      </Button>
      {deletion && onDelete ? (
        <ConfirmDelete label={deletion.label} question={deletion.question} onConfirm={onDelete} busy={busy} />
      ) : null}
    </div>
  );
}

/** Calls `save` on submit instead of sending the form. */
export function submitWith(save: () => unknown) {
  return (event: FormEvent) => {
    event.preventDefault();
    void save();
  };
}

/**
 * The form of one thing on a screen of its own: Back and the heading, the fields (`children`), the
 * errors no field shows (`errors`), the failure of the last request, then Save, Cancel and Delete
 * (`editor` saves and deletes; see `useEditor`).
 */
export function EditorForm({
  editor,
  title,
  onSave,
  onCancel,
  errors,
  deletion,
  children,
}: {
  editor: Editor;
  title: string;
  onSave: () => unknown;
  onCancel: () => void;
  errors?: ReactNode;
  /** Delete, for something already saved. */
  deletion?: Deletion | null;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const headingId = useId();
  return (
    <form className="desk-cfg-form" onSubmit={submitWith(onSave)} aria-labelledby={headingId} noValidate>
      <div className="desk-cfg-form-head">
        <Button type="button" variant="tertiary" size="small" onClick={onCancel}>
          {t("settings.common.back")}
        </Button>
        <Text as="h3" size={5} fontWeight="bold" id={headingId}>
          {title}
        </Text>
      </div>
      {children}
      {errors}
      <ActionFailed failure={editor.failure} />
      <EditorFooter
        busy={editor.busy}
        onCancel={onCancel}
        deletion={deletion}
        onDelete={() => void editor.delete()}
      />
    </form>
  );
}
