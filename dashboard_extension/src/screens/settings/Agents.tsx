/** Agent profiles: role, tier, languages, capacity, availability. */
import { Text } from "@saleor/macaw-ui";

import { useI18n } from "../../i18n";

export function AgentsSettings() {
  const { t } = useI18n();
  return <Text as="p">{t("loading")}</Text>;
}
