/** Business calendars: time zone, opening hours per weekday, holidays. */
import { Text } from "@saleor/macaw-ui";

import { useI18n } from "../../i18n";

export function CalendarsSettings() {
  const { t } = useI18n();
  return <Text as="p">{t("loading")}</Text>;
}
