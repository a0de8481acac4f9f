/** SLA policies in order: conditions, targets, calendar, breach actions. */
import { Text } from "@saleor/macaw-ui";

import { useI18n } from "../../i18n";

export function SlaPoliciesSettings() {
  const { t } = useI18n();
  return <Text as="p">{t("loading")}</Text>;
}
