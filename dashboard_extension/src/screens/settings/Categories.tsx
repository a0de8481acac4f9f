/** Ticket categories: names per language, archive. */
import { Text } from "@saleor/macaw-ui";

import { useI18n } from "../../i18n";

export function CategoriesSettings() {
  const { t } = useI18n();
  return <Text as="p">{t("loading")}</Text>;
}
