import { createContext, useContext, useMemo, type ReactNode } from "react";

import { en, type MessageKey, type Messages } from "./en";
import { fa } from "./fa";
import { pl } from "./pl";
import { ro } from "./ro";

export const LOCALES = ["en", "ro", "pl", "fa"] as const;
export type Locale = (typeof LOCALES)[number];

export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  ro: "Română",
  pl: "Polski",
  fa: "فارسی",
};

const CATALOGUES: Record<Locale, Messages> = { en, ro, pl, fa };
const RTL: ReadonlySet<Locale> = new Set<Locale>(["fa"]);

/** The supported locale for a tag like `fa-IR`, `pt-BR` or `RO`; English otherwise. */
export function resolveLocale(tag: string | null | undefined): Locale | null {
  if (!tag) {
    return null;
  }
  const base = tag.toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base ?? "") ? (base as Locale) : null;
}

/** The first supported locale among the browser's preferences. */
export function browserLocale(languages: readonly string[] = navigator.languages ?? []): Locale {
  for (const tag of languages) {
    const locale = resolveLocale(tag);
    if (locale) {
      return locale;
    }
  }
  return "en";
}

export function directionOf(locale: Locale): "rtl" | "ltr" {
  return RTL.has(locale) ? "rtl" : "ltr";
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export interface I18n {
  locale: Locale;
  dir: "rtl" | "ltr";
  t: Translate;
  dateTime: (iso: string) => string;
  date: (iso: string) => string;
  money: (amount: string | number, currency: string) => string;
  number: (value: number) => string;
  /** A length of time such as "2 hr 5 min", from minutes (the sign is ignored). */
  duration: (minutes: number) => string;
}

export function makeI18n(locale: Locale): I18n {
  const catalogue = CATALOGUES[locale];
  const numberFormat = new Intl.NumberFormat(locale);
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
  const t: Translate = (key, values) => {
    const template = catalogue[key] ?? en[key] ?? key;
    if (!values) {
      return template;
    }
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) {
        return whole;
      }
      return typeof value === "number" ? numberFormat.format(value) : value;
    });
  };
  return {
    locale,
    dir: directionOf(locale),
    t,
    dateTime: (iso) => dateTimeFormat.format(new Date(iso)),
    date: (iso) => dateFormat.format(new Date(iso)),
    money: (amount, currency) => {
      const value = typeof amount === "number" ? amount : Number.parseFloat(amount);
      try {
        return new Intl.NumberFormat(locale, { style: "currency", currency }).format(value);
      } catch {
        return `${numberFormat.format(value)} ${currency}`;
      }
    },
    number: (value) => numberFormat.format(value),
    duration: (minutes) => {
      const unit = (name: "day" | "hour" | "minute", value: number) =>
        new Intl.NumberFormat(locale, { style: "unit", unit: name, unitDisplay: "short" }).format(value);
      const total = Math.max(0, Math.round(Math.abs(minutes)));
      const days = Math.floor(total / 1440);
      const hours = Math.floor((total % 1440) / 60);
      const rest = total % 60;
      if (days) return hours ? `${unit("day", days)} ${unit("hour", hours)}` : unit("day", days);
      if (hours) return rest ? `${unit("hour", hours)} ${unit("minute", rest)}` : unit("hour", hours);
      return unit("minute", rest);
    },
  };
}

const I18nContext = createContext<I18n>(makeI18n("en"));

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo(() => makeI18n(locale), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

export type { MessageKey };
