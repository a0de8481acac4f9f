/** Live view counts and highlighted search matches in the inbox. */

const en = {
} as const;

type Keys = keyof typeof en;

export const inboxExtrasMessages: {
  en: typeof en;
  ro: Record<Keys, string>;
  pl: Record<Keys, string>;
  fa: Record<Keys, string>;
} = {
  en,
  ro: {},
  pl: {},
  fa: {},
};
