/** The inbox's reads beside its ticket list. */

/** Every category, deactivated ones too (their tickets keep them), for the inbox's filter. */
export const INBOX_CATEGORIES = /* GraphQL */ `
  query InboxCategories {
    supportCategories(includeInactive: true) {
      slug
      name
    }
  }
`;
