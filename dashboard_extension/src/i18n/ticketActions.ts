/** Escalation, tier, team, merge and split on the ticket screen. */

const en = {
} as const;

type Keys = keyof typeof en;

export const ticketActionsMessages: {
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
