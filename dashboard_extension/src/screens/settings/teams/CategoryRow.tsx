/** One category in the list: renamed in place, deactivated or activated, moved, deleted. */
import { Button, Text } from "@saleor/macaw-ui";
import { useRef, useState } from "react";

import { SETTINGS_CATEGORY_DELETE, SETTINGS_CATEGORY_UPDATE } from "../../../api/operationsSettingsTeams";
import type { SettingsError, TicketCategory } from "../../../api/typesSettingsTeams";
import { useI18n } from "../../../i18n";
import { DeleteQuestion, submitWith, useFocusFollow } from "../shared/editor";
import { TextField, settingsErrorText } from "../shared/fields";
import { RowActions, type RowMove } from "../shared/list";
import { ActionFailed, useAction, useMutate } from "../shared/resource";

/** Categories the desk files tickets in by itself: renamed and moved, never deactivated or deleted. */
export const PROTECTED_CATEGORIES: readonly string[] = ["other", "return"];

type UpdateResult = { category: TicketCategory | null; errors: SettingsError[] } | null;

export function CategoryRow({
  category,
  columns,
  move,
  onChanged,
  onDeleted,
}: {
  category: TicketCategory;
  columns: number;
  move: RowMove;
  onChanged: (category: TicketCategory, notice: string) => void;
  onDeleted: (category: TicketCategory) => void;
}) {
  const mutate = useMutate();
  const { t, number } = useI18n();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(category.name);
  const [error, setError] = useState<SettingsError | null>(null);
  const { busy, failure, run, clearFailure } = useAction();
  const [confirming, setConfirming] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const isProtected = PROTECTED_CATEGORIES.includes(category.slug);
  // The name field takes focus by itself; Rename has it back once the field is gone.
  useFocusFollow(renaming, { closed: renameButton });
  useFocusFollow(confirming, { opened: confirmButton, closed: deleteButton });

  const change = (input: { name?: string; isActive?: boolean }) =>
    run(async () => {
      setError(null);
      const result = await mutate<UpdateResult>(SETTINGS_CATEGORY_UPDATE, { id: category.id, input });
      const first = result?.errors[0];
      if (first) setError(first);
      else if (result?.category) {
        setRenaming(false);
        let notice = t("settings.categories.renamed", { name: result.category.name });
        if (input.isActive === false) notice = t("settings.categories.deactivated", { name: result.category.name });
        if (input.isActive === true) notice = t("settings.categories.activated", { name: result.category.name });
        onChanged(result.category, notice);
      }
    });

  const remove = () =>
    run(async () => {
      setError(null);
      const result = await mutate<UpdateResult>(SETTINGS_CATEGORY_DELETE, { id: category.id });
      const first = result?.errors[0];
      if (first) setError(first);
      else onDeleted(category);
    });

  const nameError = error && error.field === "name" ? settingsErrorText(t, "categories", error) : null;
  const rowError = error && error.field !== "name" ? error : null;
  const formId = `category-rename-${category.id}`;
  const question = t("settings.categories.deleteQuestion", { name: category.name });

  return (
    <>
      <tr data-category={category.slug} className={category.isActive ? undefined : "desk-cfg-inactive"}>
        <td className="desk-num">{number(move.index + 1)}</td>
        <td>
          {renaming ? (
            <form id={formId} onSubmit={submitWith(() => change({ name: name.trim() }))} noValidate>
              <TextField
                label={t("settings.categories.newName", { name: category.name })}
                labelHidden
                value={name}
                onChange={setName}
                error={nameError}
                maxLength={128}
                autoFocus
                onKeyDown={(event) => {
                  if (event.key === "Escape") {
                    setRenaming(false);
                    setError(null);
                  }
                }}
              />
            </form>
          ) : (
            <span className="desk-cfg-name">{category.name}</span>
          )}
        </td>
        <td>
          <code className="desk-cfg-slug">{category.slug}</code>
        </td>
        <td>
          {category.isActive ? t("settings.categories.active") : t("settings.categories.inactive")}
          {isProtected ? (
            <>
              <br />
              <span className="desk-muted desk-cfg-small">{t("settings.categories.protected")}</span>
            </>
          ) : null}
        </td>
        <RowActions name={category.name} move={move} className="desk-cfg-actions-start">
          {renaming ? (
            <>
              <Button type="submit" form={formId} variant="primary" size="small" disabled={busy}>
                {t("settings.common.save")}
              </Button>
              <Button
                variant="tertiary"
                size="small"
                onClick={() => {
                  setRenaming(false);
                  setError(null);
                }}
              >
                {t("settings.common.cancel")}
              </Button>
            </>
          ) : (
            <Button
              ref={renameButton}
              variant="secondary"
              size="small"
              aria-label={t("settings.categories.renameNamed", { name: category.name })}
              onClick={() => {
                setName(category.name);
                setError(null);
                clearFailure();
                setRenaming(true);
              }}
            >
              {t("settings.categories.rename")}
            </Button>
          )}
          {isProtected ? null : (
            <Button
              variant="secondary"
              size="small"
              disabled={busy}
              aria-label={t(category.isActive ? "settings.categories.deactivateNamed" : "settings.categories.activateNamed", {
                name: category.name,
              })}
              onClick={() => void change({ isActive: !category.isActive })}
            >
              {t(category.isActive ? "settings.categories.deactivate" : "settings.categories.activate")}
            </Button>
          )}
          {isProtected ? null : (
            <Button
              ref={deleteButton}
              variant="secondary"
              size="small"
              disabled={busy}
              aria-expanded={confirming}
              aria-label={t("settings.categories.deleteNamed", { name: category.name })}
              onClick={() => {
                setError(null);
                setConfirming(true);
              }}
            >
              {t("settings.categories.delete")}
            </Button>
          )}
        </RowActions>
      </tr>
      {confirming || rowError || failure ? (
        <tr className="desk-cfg-row-message">
          <td colSpan={columns}>
            {confirming ? (
              <DeleteQuestion
                className="desk-cfg-confirm-row"
                question={question}
                confirmRef={confirmButton}
                busy={busy}
                onConfirm={() => {
                  setConfirming(false);
                  void remove();
                }}
                onCancel={() => setConfirming(false)}
              />
            ) : null}
            {rowError ? (
              <div className="desk-cfg-alert desk-cfg-alert-actions" role="alert">
                <Text as="p">
                  {rowError.code === "IN_USE"
                    ? t("settings.categories.inUse", { name: category.name })
                    : settingsErrorText(t, "categories", rowError)}
                </Text>
                {rowError.code === "IN_USE" && category.isActive ? (
                  <Button variant="secondary" size="small" disabled={busy} onClick={() => void change({ isActive: false })}>
                    {t("settings.categories.deactivateInstead")}
                  </Button>
                ) : null}
              </div>
            ) : null}
            <ActionFailed failure={failure} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
