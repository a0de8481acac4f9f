/** The settings screens (teams, agents, routing, categories, intake, calendars, SLA policies, macros). */

const en = {
  "settings.title": "Settings",
  "settings.nav": "Settings",
  "settings.forbidden": "Only team leads, managers and support administrators can change the desk's settings.",
  "settings.section.teams": "Teams",
  "settings.section.agents": "Agents",
  "settings.section.routing": "Routing rules",
  "settings.section.categories": "Categories",
  "settings.section.intake": "Intake rules",
  "settings.section.calendars": "Business calendars",
  "settings.section.sla": "SLA policies",
  "settings.section.macros": "Templates",
} as const;

type Keys = keyof typeof en;

export const settingsMessages: {
  en: typeof en;
  ro: Record<Keys, string>;
  pl: Record<Keys, string>;
  fa: Record<Keys, string>;
} = {
  en,
  ro: {
    "settings.title": "Setări",
    "settings.nav": "Setări",
    "settings.forbidden": "Doar șefii de echipă, managerii și administratorii asistenței pot schimba setările.",
    "settings.section.teams": "Echipe",
    "settings.section.agents": "Agenți",
    "settings.section.routing": "Reguli de rutare",
    "settings.section.categories": "Categorii",
    "settings.section.intake": "Reguli de preluare",
    "settings.section.calendars": "Calendare de lucru",
    "settings.section.sla": "Politici SLA",
    "settings.section.macros": "Șabloane",
  },
  pl: {
    "settings.title": "Ustawienia",
    "settings.nav": "Ustawienia",
    "settings.forbidden": "Ustawienia mogą zmieniać tylko liderzy zespołów, kierownicy i administratorzy obsługi.",
    "settings.section.teams": "Zespoły",
    "settings.section.agents": "Agenci",
    "settings.section.routing": "Reguły kierowania",
    "settings.section.categories": "Kategorie",
    "settings.section.intake": "Reguły przyjmowania",
    "settings.section.calendars": "Kalendarze pracy",
    "settings.section.sla": "Zasady SLA",
    "settings.section.macros": "Szablony",
  },
  fa: {
    "settings.title": "تنظیمات",
    "settings.nav": "تنظیمات",
    "settings.forbidden": "فقط سرپرستان تیم، مدیران و مدیران پشتیبانی می‌توانند تنظیمات را تغییر دهند.",
    "settings.section.teams": "تیم‌ها",
    "settings.section.agents": "کارشناسان",
    "settings.section.routing": "قوانین مسیریابی",
    "settings.section.categories": "دسته‌ها",
    "settings.section.intake": "قوانین دریافت",
    "settings.section.calendars": "تقویم‌های کاری",
    "settings.section.sla": "سیاست‌های SLA",
    "settings.section.macros": "الگوها",
  },
};
