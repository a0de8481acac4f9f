/** Ticket categories in their order: add, rename, deactivate or activate, move, delete. */
import { Button, Text } from "@saleor/macaw-ui";
import { useState } from "react";

import {
  SETTINGS_CATEGORIES,
  SETTINGS_CATEGORY_CREATE,
  SETTINGS_CATEGORY_REORDER,
} from "../../api/operationsSettingsTeams";
import type { SettingsError, TicketCategory } from "../../api/typesSettingsTeams";
import { useI18n } from "../../i18n";
import { submitWith } from "./shared/editor";
import { FormErrors, TextField, fieldErrors, settingsErrorText } from "./shared/fields";
import { slugify } from "./shared/format";
import { Alert, Notice, SettingsTable, useReorder } from "./shared/list";
import { ActionFailed, Pending, useAction, useMutate, useSettingsResource } from "./shared/resource";
import { CategoryRow } from "./teams/CategoryRow";

type CreateResult = { category: TicketCategory | null; errors: SettingsError[] } | null;

const COLUMNS = 5;
const ADD_FIELDS: ReadonlySet<string> = new Set(["slug", "name"]);

export function CategoriesSettings() {
  const mutate = useMutate();
  const { t } = useI18n();
  const { data, setData, error, reload } = useSettingsResource<{ supportCategories: TicketCategory[] }>(SETTINGS_CATEGORIES);
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const [addErrors, setAddErrors] = useState<SettingsError[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const adding = useAction();
  // Rows answer on their own time: each change applies to the list as it is then.
  const setCategories = (change: (current: TicketCategory[]) => TicketCategory[]) =>
    setData((current) => current && { supportCategories: change(current.supportCategories) });
  const moving = useReorder<TicketCategory, SettingsError>({
    mutation: SETTINGS_CATEGORY_REORDER,
    field: "categories",
    onReordered: (reordered) => setCategories(() => reordered),
    setNotice,
    reordered: t("settings.categories.reordered"),
  });

  if (!data) {
    return <Pending error={error} onRetry={reload} />;
  }
  const categories = data.supportCategories;
  const errorText = (item: SettingsError) => settingsErrorText(t, "categories", item);
  const addError = fieldErrors(addErrors, errorText);

  const add = () =>
    adding.run(async () => {
      setAddErrors([]);
      setNotice(null);
      const result = await mutate<CreateResult>(SETTINGS_CATEGORY_CREATE, {
        input: { slug: slug.trim(), name: name.trim() },
      });
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

  return (
    <div className="desk-cfg-screen">
      <Text as="p" className="desk-muted">
        {t("settings.categories.intro")}
      </Text>
      <form className="desk-cfg-fieldset desk-cfg-add" onSubmit={submitWith(add)} noValidate aria-label={t("settings.categories.addTitle")}>
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
          <div className="desk-cfg-add-button">
            <Button type="submit" variant="primary" size="small" disabled={adding.busy}>
              {t("settings.categories.add")}
            </Button>
          </div>
        </div>
        <FormErrors errors={addErrors} shown={ADD_FIELDS} text={errorText} />
        <ActionFailed failure={adding.failure} />
      </form>
      <Notice text={notice} />
      <Alert>{moving.error ? errorText(moving.error) : null}</Alert>
      <ActionFailed failure={moving.failure} />
      <SettingsTable
        label={t("settings.section.categories")}
        columns={[
          t("settings.categories.order"),
          t("settings.categories.name"),
          t("settings.categories.slug"),
          t("settings.categories.status"),
        ]}
        empty={categories.length === 0 ? t("settings.categories.empty") : null}
      >
        {categories.map((category, index) => (
          <CategoryRow
            key={category.id}
            category={category}
            columns={COLUMNS}
            move={moving.row(categories, index)}
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
      </SettingsTable>
    </div>
  );
}
