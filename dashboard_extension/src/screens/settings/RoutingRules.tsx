/** Routing rules in order: conditions and team. */
import { Text } from "@saleor/macaw-ui";

import { useI18n } from "../../i18n";

export function RoutingRulesSettings() {
  const { t } = useI18n();
  return <Text as="p">{t("loading")}</Text>;
}
