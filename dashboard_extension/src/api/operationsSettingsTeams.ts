/** Operations of the settings for teams, agents, routing rules, categories and intake rules. */

const ERROR_FIELDS = /* GraphQL */ `
  field
  code
  message
`;

const STAFF_FIELDS = /* GraphQL */ `
  fragment SettingsStaffFields on SupportUser {
    id
    email
    firstName
    lastName
  }
`;

const TEAM_REF_FIELDS = /* GraphQL */ `
  fragment SettingsTeamRefFields on SupportTeam {
    id
    name
    tier
    isActive
  }
`;

const CATEGORY_CHOICE_FIELDS = /* GraphQL */ `
  fragment SettingsCategoryChoiceFields on SupportTicketCategory {
    slug
    name
    isActive
  }
`;

/** A team with its members (their fields from STAFF_FIELDS). */
const TEAM_FIELDS = /* GraphQL */ `
  fragment SettingsTeamFields on SupportTeam {
    id
    name
    slug
    tier
    strategy
    autoAssign
    isDefault
    isActive
    position
    members {
      id
      user {
        ...SettingsStaffFields
      }
    }
  }
`;

/** An agent profile (its user's fields from STAFF_FIELDS). */
const AGENT_FIELDS = /* GraphQL */ `
  fragment SettingsAgentFields on SupportAgentProfile {
    id
    user {
      ...SettingsStaffFields
    }
    role
    tier
    languageCodes
    capacity
    availability
    teams {
      id
      name
    }
    activeTicketCount
  }
`;

/** A routing rule (its team's fields from TEAM_REF_FIELDS). */
const RULE_FIELDS = /* GraphQL */ `
  fragment SettingsRoutingRuleFields on SupportRoutingRule {
    id
    name
    position
    isActive
    categories
    channels
    languageCodes
    orderChannels
    tags
    team {
      ...SettingsTeamRefFields
    }
  }
`;

const CATEGORY_FIELDS = /* GraphQL */ `
  fragment SettingsCategoryFields on SupportTicketCategory {
    id
    slug
    name
    position
    isActive
  }
`;

const INTAKE_FIELDS = /* GraphQL */ `
  fragment SettingsIntakeRulesFields on SupportIntakeRules {
    events {
      kind
      enabled
      priority
      category {
        id
        slug
        name
        isActive
      }
      categorySlug
    }
    acknowledgeCustomer
    acknowledgementMessage
    customerReopenDays
  }
`;

/** Teams with their members, the agents who can join them, and which team each rule sends to. */
export const SETTINGS_TEAMS = /* GraphQL */ `
  query SettingsTeams {
    supportTeams {
      ...SettingsTeamFields
    }
    supportAgents {
      id
      user {
        ...SettingsStaffFields
      }
      tier
    }
    supportRoutingRules {
      id
      team {
        id
      }
    }
  }
  ${TEAM_FIELDS}
  ${STAFF_FIELDS}
`;

export const SETTINGS_TEAM_CREATE = /* GraphQL */ `
  mutation SettingsTeamCreate($input: SupportTeamInput!) {
    supportTeamCreate(input: $input) {
      team {
        ...SettingsTeamFields
      }
      errors {${ERROR_FIELDS}}
    }
  }
  ${TEAM_FIELDS}
  ${STAFF_FIELDS}
`;

export const SETTINGS_TEAM_UPDATE = /* GraphQL */ `
  mutation SettingsTeamUpdate($id: ID!, $input: SupportTeamInput!) {
    supportTeamUpdate(id: $id, input: $input) {
      team {
        ...SettingsTeamFields
      }
      errors {${ERROR_FIELDS}}
    }
  }
  ${TEAM_FIELDS}
  ${STAFF_FIELDS}
`;

export const SETTINGS_TEAM_DELETE = /* GraphQL */ `
  mutation SettingsTeamDelete($id: ID!) {
    supportTeamDelete(id: $id) {
      id
      errors {${ERROR_FIELDS}}
    }
  }
`;

/** Agent profiles with their teams, and the teams they can join. */
export const SETTINGS_AGENTS = /* GraphQL */ `
  query SettingsAgents {
    supportAgents {
      ...SettingsAgentFields
    }
    supportTeams {
      ...SettingsTeamRefFields
    }
  }
  ${AGENT_FIELDS}
  ${STAFF_FIELDS}
  ${TEAM_REF_FIELDS}
`;

export const SETTINGS_AGENT_PROFILE_UPDATE = /* GraphQL */ `
  mutation SettingsAgentProfileUpdate($userId: ID!, $input: SupportAgentProfileInput!) {
    supportAgentProfileUpdate(userId: $userId, input: $input) {
      agentProfile {
        ...SettingsAgentFields
      }
      errors {${ERROR_FIELDS}}
    }
  }
  ${AGENT_FIELDS}
  ${STAFF_FIELDS}
`;

/** Routing rules in order, the teams they can send to and the categories they can name. */
export const SETTINGS_ROUTING_RULES = /* GraphQL */ `
  query SettingsRoutingRules {
    supportRoutingRules {
      ...SettingsRoutingRuleFields
    }
    supportTeams {
      ...SettingsTeamRefFields
    }
    supportCategories(includeInactive: true) {
      ...SettingsCategoryChoiceFields
    }
  }
  ${RULE_FIELDS}
  ${TEAM_REF_FIELDS}
  ${CATEGORY_CHOICE_FIELDS}
`;

export const SETTINGS_ROUTING_RULE_CREATE = /* GraphQL */ `
  mutation SettingsRoutingRuleCreate($input: SupportRoutingRuleInput!) {
    supportRoutingRuleCreate(input: $input) {
      routingRule {
        ...SettingsRoutingRuleFields
      }
      errors {${ERROR_FIELDS}}
    }
  }
  ${RULE_FIELDS}
  ${TEAM_REF_FIELDS}
`;

export const SETTINGS_ROUTING_RULE_UPDATE = /* GraphQL */ `
  mutation SettingsRoutingRuleUpdate($id: ID!, $input: SupportRoutingRuleInput!) {
    supportRoutingRuleUpdate(id: $id, input: $input) {
      routingRule {
        ...SettingsRoutingRuleFields
      }
      errors {${ERROR_FIELDS}}
    }
  }
  ${RULE_FIELDS}
  ${TEAM_REF_FIELDS}
`;

export const SETTINGS_ROUTING_RULE_DELETE = /* GraphQL */ `
  mutation SettingsRoutingRuleDelete($id: ID!) {
    supportRoutingRuleDelete(id: $id) {
      id
      errors {${ERROR_FIELDS}}
    }
  }
`;

export const SETTINGS_ROUTING_RULE_REORDER = /* GraphQL */ `
  mutation SettingsRoutingRuleReorder($ids: [ID!]!) {
    supportRoutingRuleReorder(ids: $ids) {
      routingRules {
        ...SettingsRoutingRuleFields
      }
      errors {${ERROR_FIELDS}}
    }
  }
  ${RULE_FIELDS}
  ${TEAM_REF_FIELDS}
`;

/** Every category, inactive ones included, in their order. */
export const SETTINGS_CATEGORIES = /* GraphQL */ `
  query SettingsCategories {
    supportCategories(includeInactive: true) {
      ...SettingsCategoryFields
    }
  }
  ${CATEGORY_FIELDS}
`;

export const SETTINGS_CATEGORY_CREATE = /* GraphQL */ `
  mutation SettingsCategoryCreate($input: SupportCategoryCreateInput!) {
    supportCategoryCreate(input: $input) {
      category {
        ...SettingsCategoryFields
      }
      errors {${ERROR_FIELDS}}
    }
  }
  ${CATEGORY_FIELDS}
`;

export const SETTINGS_CATEGORY_UPDATE = /* GraphQL */ `
  mutation SettingsCategoryUpdate($id: ID!, $input: SupportCategoryUpdateInput!) {
    supportCategoryUpdate(id: $id, input: $input) {
      category {
        ...SettingsCategoryFields
      }
      errors {${ERROR_FIELDS}}
    }
  }
  ${CATEGORY_FIELDS}
`;

export const SETTINGS_CATEGORY_REORDER = /* GraphQL */ `
  mutation SettingsCategoryReorder($ids: [ID!]!) {
    supportCategoryReorder(ids: $ids) {
      categories {
        ...SettingsCategoryFields
      }
      errors {${ERROR_FIELDS}}
    }
  }
  ${CATEGORY_FIELDS}
`;

export const SETTINGS_CATEGORY_DELETE = /* GraphQL */ `
  mutation SettingsCategoryDelete($id: ID!) {
    supportCategoryDelete(id: $id) {
      category {
        id
      }
      errors {${ERROR_FIELDS}}
    }
  }
`;

/** The intake rules in effect and the categories an event can file tickets in. */
export const SETTINGS_INTAKE_RULES = /* GraphQL */ `
  query SettingsIntakeRules {
    supportIntakeRules {
      ...SettingsIntakeRulesFields
    }
    supportCategories(includeInactive: true) {
      ...SettingsCategoryChoiceFields
    }
  }
  ${INTAKE_FIELDS}
  ${CATEGORY_CHOICE_FIELDS}
`;

export const SETTINGS_INTAKE_RULES_UPDATE = /* GraphQL */ `
  mutation SettingsIntakeRulesUpdate($input: SupportIntakeRulesInput!) {
    supportIntakeRulesUpdate(input: $input) {
      intakeRules {
        ...SettingsIntakeRulesFields
      }
      errors {${ERROR_FIELDS}}
    }
  }
  ${INTAKE_FIELDS}
`;
