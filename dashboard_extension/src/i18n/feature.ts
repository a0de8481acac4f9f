/** A feature's messages: English, the reference, and the same keys in the other languages. */
export interface FeatureMessages<English extends Record<string, string>> {
  en: English;
  ro: Record<keyof English, string>;
  pl: Record<keyof English, string>;
  fa: Record<keyof English, string>;
}
