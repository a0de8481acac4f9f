/** One category in the list: renamed in place, deactivated or activated, moved, deleted. */
import { Button, Text } from "@saleor/macaw-ui";
import { useEffect, useRef, useState, type FormEvent } from "react";

import { SETTINGS_CATEGORY_DELETE, SETTINGS_CATEGORY_UPDATE } from "../../../api/operationsSettingsTeams";
import type { SettingsError, TicketCategory } from "../../../api/typesSettingsTeams";
import { useI18n } from "../../../i18n";
import { useSession } from "../../../session";
import { Failure, TextField } from "../sla/parts";
import { settingsErrorText, useAction } from "./fields";

/** Categories the desk files tickets in by itself: renamed and moved, never deactivated or deleted. */
export const PROTECTED_CATEGORIES: readonly string[] = ["other", "return"];

type UpdateResult = { category: TicketCategory | null; errors: SettingsError[] } | null;

export function CategoryRow({
  category,
  index,
  count,
  columns,
  moving,
  onMove,
  onChanged,
  onDeleted,
}: {
  category: TicketCategory;
  index: number;
  count: number;
  columns: number;
  moving: boolean;
  onMove: (step: -1 | 1) => void;
  onChanged: (category: TicketCategory, notice: string) => void;
  onDeleted: (category: TicketCategory) => void;
}) {
  const { request } = useSession();
  const { t, number } = useI18n();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(category.name);
  const [error, setError] = useState<SettingsError | null>(null);
  const { busy, failure, run, clearFailure } = useAction();
  const [confirming, setConfirming] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const wasRenaming = useRef(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const isProtected = PROTECTED_CATEGORIES.includes(category.slug);

  useEffect(() => {
    // Keyboard focus goes back to Rename once the name field is gone.
    if (!renaming && wasRenaming.current) renameButton.current?.focus();
    wasRenaming.current = renaming;
  }, [renaming]);

  useEffect(() => {
    // Keyboard focus follows the question: to "Yes, delete" when asked, back to Delete after Cancel.
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) deleteButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const change = (input: { name?: string; isActive?: boolean }) =>
    run(async () => {
      setError(null);
      const data = await request<{ supportCategoryUpdate: UpdateResult }>(SETTINGS_CATEGORY_UPDATE, { id: category.id, input });
      const result = data.supportCategoryUpdate;
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
      const data = await request<{ supportCategoryDelete: UpdateResult }>(SETTINGS_CATEGORY_DELETE, { id: category.id });
      const first = data.supportCategoryDelete?.errors[0];
      if (first) setError(first);
      else onDeleted(category);
    });

  const onRename = (event: FormEvent) => {
    event.preventDefault();
    void change({ name: name.trim() });
  };

  const nameError = error && error.field === "name" ? settingsErrorText(t, "categories", error) : null;
  const rowError = error && error.field !== "name" ? error : null;
  const formId = `category-rename-${category.id}`;
  const question = t("settings.categories.deleteQuestion", { name: category.name });

  return (
    <>
      <tr data-category={category.slug} className={category.isActive ? undefined : "desk-st-inactive"}>
        <td className="desk-num">{number(index + 1)}</td>
        <td>
          {renaming ? (
            <form id={formId} onSubmit={onRename} noValidate>
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
            <span className="desk-st-name">{category.name}</span>
          )}
        </td>
        <td>
          <code className="desk-st-slug">{category.slug}</code>
        </td>
        <td>
          {category.isActive ? t("settings.categories.active") : t("settings.categories.inactive")}
          {isProtected ? (
            <>
              <br />
              <span className="desk-muted desk-st-small">{t("settings.categories.protected")}</span>
            </>
          ) : null}
        </td>
        <td className="desk-cfg-cell-actions desk-st-actions-start">
          <div className="desk-cfg-row-actions">
            <Button
              variant="tertiary"
              size="small"
              disabled={moving || index === 0}
              aria-label={t("settings.common.moveUpNamed", { name: category.name })}
              onClick={() => onMove(-1)}
            >
              ↑
            </Button>
            <Button
              variant="tertiary"
              size="small"
              disabled={moving || index === count - 1}
              aria-label={t("settings.common.moveDownNamed", { name: category.name })}
              onClick={() => onMove(1)}
            >
              ↓
            </Button>
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
          </div>
        </td>
      </tr>
      {confirming || rowError || failure ? (
        <tr className="desk-st-row-message">
          <td colSpan={columns}>
            {confirming ? (
              <div className="desk-st-confirm-row" role="group" aria-label={question}>
                <Text as="p">{question}</Text>
                <Button
                  ref={confirmButton}
                  variant="error"
                  size="small"
                  disabled={busy}
                  onClick={() => {
                    setConfirming(false);
                    void remove();
                  }}
                >
                  {t("settings.common.confirmDelete")}
                </Button>
                <Button variant="tertiary" size="small" onClick={() => setConfirming(false)}>
                  {t("settings.common.cancel")}
                </Button>
              </div>
            ) : null}
            {rowError ? (
              <div className="desk-cfg-alert desk-st-alert-actions" role="alert">
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
            {failure ? <Failure error={failure.error} onRetry={failure.retry} /> : null}
          </td>
        </tr>
      ) : null}
    </>
  );
}
