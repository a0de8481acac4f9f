/** Ticket categories in their order: add, rename, deactivate or activate, move, delete. */
import { Button, Text } from "@saleor/macaw-ui";
import { useState, type FormEvent } from "react";

import {
  SETTINGS_CATEGORIES,
  SETTINGS_CATEGORY_CREATE,
  SETTINGS_CATEGORY_REORDER,
} from "../../api/operationsSettingsTeams";
import type { SettingsError, TicketCategory } from "../../api/typesSettingsTeams";
import { useI18n } from "../../i18n";
import { useSession } from "../../session";
import { Failure, Pending, TextField, useQuery } from "./sla/parts";
import { CategoryRow } from "./teams/CategoryRow";
import { errorsByField, settingsErrorText, slugify, useAction } from "./teams/fields";

type CreateResult = { category: TicketCategory | null; errors: SettingsError[] } | null;
type ReorderResult = { categories: TicketCategory[] | null; errors: SettingsError[] } | null;

const COLUMNS = 5;

export function CategoriesSettings() {
  const { request } = useSession();
  const { t } = useI18n();
  const { data, setData, error, reload } = useQuery<{ supportCategories: TicketCategory[] }>(SETTINGS_CATEGORIES);
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const [addErrors, setAddErrors] = useState<SettingsError[]>([]);
  const [listError, setListError] = useState<SettingsError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const adding = useAction();
  const moving = useAction();

  if (!data) {
    return <Pending error={error} onRetry={reload} />;
  }
  const categories = data.supportCategories;
  // Rows answer on their own time: each change applies to the list as it is then.
  const setCategories = (change: (current: TicketCategory[]) => TicketCategory[]) =>
    setData((current) => current && { supportCategories: change(current.supportCategories) });
  const addError = (field: string) => {
    const found = errorsByField(addErrors).get(field);
    return found ? settingsErrorText(t, "categories", found) : null;
  };

  const add = (event: FormEvent) => {
    event.preventDefault();
    void adding.run(async () => {
      setAddErrors([]);
      setNotice(null);
      const answer = await request<{ supportCategoryCreate: CreateResult }>(SETTINGS_CATEGORY_CREATE, {
        input: { slug: slug.trim(), name: name.trim() },
      });
      const result = answer.supportCategoryCreate;
      const category = result?.category;
      if (result?.errors.length) setAddErrors(result.errors);
      else if (category) {
        setCategories((current) => [...current, category]);
        setName("");
        setSlug("");
        setSlugEdited(false);
        setNotice(t("settings.categories.added", { name: category.name }));
      }
    });
  };

  const move = (index: number, step: -1 | 1) =>
    moving.run(async () => {
      const next = [...categories];
      const [category] = next.splice(index, 1);
      if (!category) return;
      next.splice(index + step, 0, category);
      setNotice(null);
      setListError(null);
      const answer = await request<{ supportCategoryReorder: ReorderResult }>(SETTINGS_CATEGORY_REORDER, {
        ids: next.map((item) => item.id),
      });
      const reordered = answer.supportCategoryReorder?.categories;
      const first = answer.supportCategoryReorder?.errors[0];
      if (first) setListError(first);
      else if (reordered) {
        setCategories(() => reordered);
        setNotice(t("settings.categories.reordered"));
      }
    });

  const wholeAddErrors = addErrors.filter((item) => item.field !== "slug" && item.field !== "name");

  return (
    <div className="desk-cfg-screen">
      <Text as="p" className="desk-muted">
        {t("settings.categories.intro")}
      </Text>
      <form className="desk-cfg-fieldset desk-st-add" onSubmit={add} noValidate aria-label={t("settings.categories.addTitle")}>
        <div className="desk-cfg-row">
          <TextField
            label={t("settings.categories.name")}
            value={name}
            onChange={(value) => {
              setName(value);
              if (!slugEdited) setSlug(slugify(value));
            }}
            error={addError("name")}
            maxLength={128}
            required
          />
          <TextField
            label={t("settings.categories.slug")}
            value={slug}
            onChange={(value) => {
              setSlug(value);
              setSlugEdited(true);
            }}
            error={addError("slug")}
            hint={t("settings.categories.slugHint")}
            maxLength={64}
            spellCheck={false}
            required
          />
          <div className="desk-st-add-button">
            <Button type="submit" variant="primary" size="small" disabled={adding.busy}>
              {t("settings.categories.add")}
            </Button>
          </div>
        </div>
        {wholeAddErrors.map((item) => (
          <Text as="p" role="alert" className="desk-cfg-alert" key={`${item.field ?? ""}-${item.code}`}>
            {settingsErrorText(t, "categories", item)}
          </Text>
        ))}
        {adding.failure ? <Failure error={adding.failure.error} onRetry={adding.failure.retry} /> : null}
      </form>
      {notice ? (
        <Text as="p" className="desk-notice" role="status">
          {notice}
        </Text>
      ) : null}
      {listError ? (
        <Text as="p" className="desk-cfg-alert" role="alert">
          {settingsErrorText(t, "categories", listError)}
        </Text>
      ) : null}
      {moving.failure ? <Failure error={moving.failure.error} onRetry={moving.failure.retry} /> : null}
      {categories.length === 0 ? (
        <Text as="p" className="desk-empty">
          {t("settings.categories.empty")}
        </Text>
      ) : (
        <table className="desk-table desk-cfg-table" aria-label={t("settings.section.categories")}>
          <thead>
            <tr>
              <th scope="col">{t("settings.categories.order")}</th>
              <th scope="col">{t("settings.categories.name")}</th>
              <th scope="col">{t("settings.categories.slug")}</th>
              <th scope="col">{t("settings.categories.status")}</th>
              <th scope="col">
                <span className="desk-visually-hidden">{t("settings.common.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {categories.map((category, index) => (
              <CategoryRow
                key={category.id}
                category={category}
                index={index}
                count={categories.length}
                columns={COLUMNS}
                moving={moving.busy}
                onMove={(step) => void move(index, step)}
                onChanged={(changed, text) => {
                  setCategories((current) => current.map((item) => (item.id === changed.id ? changed : item)));
                  setNotice(text);
                }}
                onDeleted={(deleted) => {
                  setCategories((current) => current.filter((item) => item.id !== deleted.id));
                  setNotice(t("settings.categories.deleted", { name: deleted.name }));
                }}
              />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
