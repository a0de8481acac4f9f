/** Teams: name, tier, strategy, members, active. */
import { Text } from "@saleor/macaw-ui";

import { useI18n } from "../../i18n";

export function TeamsSettings() {
  const { t } = useI18n();
  return <Text as="p">{t("loading")}</Text>;
}
