import { describe, expect, it } from "vitest";

import { en } from "./en";
import { fa } from "./fa";
import { browserLocale, directionOf, makeI18n, resolveLocale } from "./index";
import { pl } from "./pl";
import { ro } from "./ro";

describe("catalogues", () => {
  it.each([
    ["ro", ro],
    ["pl", pl],
    ["fa", fa],
  ])("%s has every English key and no other, none empty", (_name, catalogue) => {
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(catalogue)) {
      expect(value.trim(), key).not.toBe("");
    }
  });

  it("keeps the placeholders of each English message", () => {
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const catalogue of [ro, pl, fa]) {
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        expect(placeholders(catalogue[key]), key).toEqual(placeholders(en[key]));
      }
    }
  });
});

describe("locale", () => {
  it("resolves tags to the supported languages", () => {
    expect(resolveLocale("fa-IR")).toBe("fa");
    expect(resolveLocale("RO")).toBe("ro");
    expect(resolveLocale("pt-BR")).toBeNull();
    expect(browserLocale(["de-DE", "pl-PL", "en"])).toBe("pl");
    expect(browserLocale(["de"])).toBe("en");
  });

  it("writes Persian right to left and the others left to right", () => {
    expect(directionOf("fa")).toBe("rtl");
    expect(directionOf("en")).toBe("ltr");
    expect(directionOf("ro")).toBe("ltr");
  });

  it("formats numbers, money and dates in the locale", () => {
    expect(makeI18n("fa").t("inbox.count", { count: 12 })).toContain("۱۲");
    expect(makeI18n("ro").money("1234.5", "RON")).toMatch(/1\.234,50\sRON/);
    expect(makeI18n("en").money("10", "USD")).toBe("$10.00");
    expect(makeI18n("pl").date("2026-03-05T10:00:00Z")).toMatch(/2026/);
  });
});
