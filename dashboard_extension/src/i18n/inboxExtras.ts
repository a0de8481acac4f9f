/** Live view counts and highlighted search matches in the inbox. */

import type { FeatureMessages } from "./feature";

const en = {
  "inbox.viewCountCapped": "{count}+",
  "inbox.match.message": "Message:",
  "inbox.match.internalNote": "Internal note:",
  "inbox.match.customer": "Customer:",
  "inbox.match.order": "Order:",
} as const;

export const inboxExtrasMessages: FeatureMessages<typeof en> = {
  en,
  ro: {
    "inbox.viewCountCapped": "{count}+",
    "inbox.match.message": "Mesaj:",
    "inbox.match.internalNote": "Notă internă:",
    "inbox.match.customer": "Client:",
    "inbox.match.order": "Comandă:",
  },
  pl: {
    "inbox.viewCountCapped": "{count}+",
    "inbox.match.message": "Wiadomość:",
    "inbox.match.internalNote": "Notatka wewnętrzna:",
    "inbox.match.customer": "Klient:",
    "inbox.match.order": "Zamówienie:",
  },
  fa: {
    "inbox.viewCountCapped": "{count}+",
    "inbox.match.message": "پیام:",
    "inbox.match.internalNote": "یادداشت داخلی:",
    "inbox.match.customer": "مشتری:",
    "inbox.match.order": "سفارش:",
  },
};
