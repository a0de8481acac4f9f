/** Templates (macros): texts per language, field changes, shared or personal. */
import { Text } from "@saleor/macaw-ui";

import { useI18n } from "../../i18n";

export function MacrosSettings() {
  const { t } = useI18n();
  return <Text as="p">{t("loading")}</Text>;
}
