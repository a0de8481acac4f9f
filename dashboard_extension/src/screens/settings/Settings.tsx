/** Settings for team leads and managers: one section per screen, listed beside it. */
import { Text } from "@saleor/macaw-ui";
import type { ComponentType } from "react";

import type { MessageKey } from "../../i18n";
import { useI18n } from "../../i18n";
import { useRouter } from "../../router";
import { useViewer } from "../../viewer";
import { TeamsSettings } from "./Teams";
import { AgentsSettings } from "./Agents";
import { RoutingRulesSettings } from "./RoutingRules";
import { CategoriesSettings } from "./Categories";
import { IntakeRulesSettings } from "./IntakeRules";
import { CalendarsSettings } from "./Calendars";
import { SlaPoliciesSettings } from "./SlaPolicies";
import { MacrosSettings } from "./Macros";

export interface SettingsSection {
  slug: string;
  label: MessageKey;
  Screen: ComponentType;
}

export const SETTINGS_SECTIONS: readonly SettingsSection[] = [
  { slug: "teams", label: "settings.section.teams", Screen: TeamsSettings },
  { slug: "agents", label: "settings.section.agents", Screen: AgentsSettings },
  { slug: "routing", label: "settings.section.routing", Screen: RoutingRulesSettings },
  { slug: "categories", label: "settings.section.categories", Screen: CategoriesSettings },
  { slug: "intake", label: "settings.section.intake", Screen: IntakeRulesSettings },
  { slug: "calendars", label: "settings.section.calendars", Screen: CalendarsSettings },
  { slug: "sla", label: "settings.section.sla", Screen: SlaPoliciesSettings },
  { slug: "macros", label: "settings.section.macros", Screen: MacrosSettings },
];

export function Settings({ section }: { section: string | null }) {
  const { t } = useI18n();
  const { navigate, href } = useRouter();
  const viewer = useViewer();
  if (viewer && !viewer.canManageSettings) {
    return (
      <Text as="p" role="alert">
        {t("settings.forbidden")}
      </Text>
    );
  }
  const current = SETTINGS_SECTIONS.find((item) => item.slug === section) ?? SETTINGS_SECTIONS[0];
  if (!current) {
    return null;
  }
  const Screen = current.Screen;
  return (
    <div className="desk-settings">
      <nav className="desk-settings-nav" aria-label={t("settings.title")}>
        <Text as="h1" size={6} fontWeight="bold">
          {t("settings.title")}
        </Text>
        <ul>
          {SETTINGS_SECTIONS.map((item) => (
            <li key={item.slug}>
              <a
                href={href(`settings/${item.slug}`)}
                aria-current={item.slug === current.slug ? "page" : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  navigate(`settings/${item.slug}`);
                }}
              >
                {t(item.label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <section className="desk-settings-body" aria-labelledby="desk-settings-heading">
        <Text as="h2" size={5} fontWeight="bold" id="desk-settings-heading">
          {t(current.label)}
        </Text>
        <Screen />
      </section>
    </div>
  );
}
