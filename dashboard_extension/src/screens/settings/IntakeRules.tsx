/** Intake rules: which store events open tickets, with what priority and category. */
import { Text } from "@saleor/macaw-ui";

import { useI18n } from "../../i18n";

export function IntakeRulesSettings() {
  const { t } = useI18n();
  return <Text as="p">{t("loading")}</Text>;
}
