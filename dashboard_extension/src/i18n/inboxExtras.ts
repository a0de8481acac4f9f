/** Live view counts and highlighted search matches in the inbox. */

const en = {
  "inbox.viewCountCapped": "{count}+",
  "inbox.viewCountLabel": "{view} (tickets: {count})",
  "inbox.viewCountCappedLabel": "{view} (tickets: more than {count})",
} as const;

type Keys = keyof typeof en;

export const inboxExtrasMessages: {
  en: typeof en;
  ro: Record<Keys, string>;
  pl: Record<Keys, string>;
  fa: Record<Keys, string>;
} = {
  en,
  ro: {
    "inbox.viewCountCapped": "{count}+",
    "inbox.viewCountLabel": "{view} (tichete: {count})",
    "inbox.viewCountCappedLabel": "{view} (tichete: peste {count})",
  },
  pl: {
    "inbox.viewCountCapped": "{count}+",
    "inbox.viewCountLabel": "{view} (zgłoszenia: {count})",
    "inbox.viewCountCappedLabel": "{view} (zgłoszenia: ponad {count})",
  },
  fa: {
    "inbox.viewCountCapped": "{count}+",
    "inbox.viewCountLabel": "{view} (تیکت‌ها: {count})",
    "inbox.viewCountCappedLabel": "{view} (تیکت‌ها: بیش از {count})",
  },
};
