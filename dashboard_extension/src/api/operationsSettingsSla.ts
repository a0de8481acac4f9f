/** Operations of the settings for business calendars, SLA policies and templates (macros). */

const CALENDAR_FIELDS = /* GraphQL */ `
  fragment SettingsCalendarFields on SupportBusinessCalendar {
    id
    name
    timeZone
    intervals {
      weekday
      start
      end
    }
    holidays {
      date
      name
    }
  }
`;

const POLICY_FIELDS = /* GraphQL */ `
  fragment SettingsSlaPolicyFields on SupportSlaPolicy {
    id
    name
    position
    isActive
    priorities
    channels
    categories {
      slug
      name
    }
    orderChannels
    calendar {
      id
      name
    }
    firstResponseMinutes
    nextResponseMinutes
    resolutionMinutes
    warningPercent
    breachActions
    notifyUser {
      id
      email
    }
  }
`;

const MACRO_ROW_FIELDS = /* GraphQL */ `
  fragment SettingsMacroRowFields on SupportMacro {
    id
    name
    group
    visibility
    isActive
    usageCount
    lastUsedAt
  }
`;

const MACRO_FIELDS = /* GraphQL */ `
  fragment SettingsMacroFields on SupportMacro {
    ...SettingsMacroRowFields
    position
    translations {
      language
      body
    }
    actions {
      status
      priority
      category {
        slug
        name
      }
      addTags
      removeTags
      assignment
      assignee {
        id
        email
      }
    }
  }
  ${MACRO_ROW_FIELDS}
`;

/** What the forms offer to pick from: categories (inactive ones too) and the agents. */
const CHOICES = /* GraphQL */ `
  fragment SettingsChoiceFields on Query {
    supportCategories(includeInactive: true) {
      slug
      name
      isActive
    }
    supportAgents {
      user {
        id
        email
        firstName
        lastName
      }
    }
  }
`;

const REPORTING_TARGET_FIELDS = /* GraphQL */ `
  fragment SettingsReportingTargetFields on SupportSlaReportingTarget {
    channel
    answerWithinSeconds
    sharePercent
  }
`;

const SLA_ERRORS = /* GraphQL */ `
  fragment SettingsSlaErrorFields on SupportSlaError {
    field
    code
    message
  }
`;

const MACRO_ERRORS = /* GraphQL */ `
  fragment SettingsMacroErrorFields on SupportMacroError {
    field
    code
    message
    variable
    language
    line
    column
  }
`;

export const SLA_CALENDARS = /* GraphQL */ `
  query SlaCalendars {
    supportBusinessCalendars {
      ...SettingsCalendarFields
    }
  }
  ${CALENDAR_FIELDS}
`;

export const SLA_CALENDAR_CREATE = /* GraphQL */ `
  mutation SlaCalendarCreate($input: SupportBusinessCalendarInput!) {
    supportBusinessCalendarCreate(input: $input) {
      calendar {
        ...SettingsCalendarFields
      }
      errors {
        ...SettingsSlaErrorFields
      }
    }
  }
  ${CALENDAR_FIELDS}
  ${SLA_ERRORS}
`;

export const SLA_CALENDAR_UPDATE = /* GraphQL */ `
  mutation SlaCalendarUpdate($id: ID!, $input: SupportBusinessCalendarInput!) {
    supportBusinessCalendarUpdate(id: $id, input: $input) {
      calendar {
        ...SettingsCalendarFields
      }
      errors {
        ...SettingsSlaErrorFields
      }
    }
  }
  ${CALENDAR_FIELDS}
  ${SLA_ERRORS}
`;

export const SLA_CALENDAR_DELETE = /* GraphQL */ `
  mutation SlaCalendarDelete($id: ID!) {
    supportBusinessCalendarDelete(id: $id) {
      id
      errors {
        ...SettingsSlaErrorFields
      }
    }
  }
  ${SLA_ERRORS}
`;

/** Everything the SLA policies screen shows and offers in its form. */
export const SLA_POLICY_SETTINGS = /* GraphQL */ `
  query SlaPolicySettings {
    supportSlaPolicies {
      ...SettingsSlaPolicyFields
    }
    supportBusinessCalendars {
      id
      name
    }
    supportSlaReportingTargets {
      ...SettingsReportingTargetFields
    }
    ...SettingsChoiceFields
  }
  ${POLICY_FIELDS}
  ${REPORTING_TARGET_FIELDS}
  ${CHOICES}
`;

export const SLA_POLICY_CREATE = /* GraphQL */ `
  mutation SlaPolicyCreate($input: SupportSlaPolicyInput!) {
    supportSlaPolicyCreate(input: $input) {
      policy {
        ...SettingsSlaPolicyFields
      }
      errors {
        ...SettingsSlaErrorFields
      }
    }
  }
  ${POLICY_FIELDS}
  ${SLA_ERRORS}
`;

export const SLA_POLICY_UPDATE = /* GraphQL */ `
  mutation SlaPolicyUpdate($id: ID!, $input: SupportSlaPolicyInput!) {
    supportSlaPolicyUpdate(id: $id, input: $input) {
      policy {
        ...SettingsSlaPolicyFields
      }
      errors {
        ...SettingsSlaErrorFields
      }
    }
  }
  ${POLICY_FIELDS}
  ${SLA_ERRORS}
`;

export const SLA_POLICY_DELETE = /* GraphQL */ `
  mutation SlaPolicyDelete($id: ID!) {
    supportSlaPolicyDelete(id: $id) {
      id
      errors {
        ...SettingsSlaErrorFields
      }
    }
  }
  ${SLA_ERRORS}
`;

export const SLA_POLICY_REORDER = /* GraphQL */ `
  mutation SlaPolicyReorder($ids: [ID!]!) {
    supportSlaPolicyReorder(ids: $ids) {
      policies {
        ...SettingsSlaPolicyFields
      }
      errors {
        ...SettingsSlaErrorFields
      }
    }
  }
  ${POLICY_FIELDS}
  ${SLA_ERRORS}
`;

export const SLA_REPORTING_TARGET_UPDATE = /* GraphQL */ `
  mutation SlaReportingTargetUpdate(
    $channel: SupportTicketChannelEnum!
    $answerWithinSeconds: Int!
    $sharePercent: Int!
  ) {
    supportSlaReportingTargetUpdate(
      channel: $channel
      answerWithinSeconds: $answerWithinSeconds
      sharePercent: $sharePercent
    ) {
      reportingTarget {
        ...SettingsReportingTargetFields
      }
      errors {
        ...SettingsSlaErrorFields
      }
    }
  }
  ${REPORTING_TARGET_FIELDS}
  ${SLA_ERRORS}
`;

export const MACRO_LIST = /* GraphQL */ `
  query MacroList($after: String) {
    supportMacros(first: 100, after: $after) {
      edges {
        node {
          ...SettingsMacroRowFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${MACRO_ROW_FIELDS}
`;

/** What the template editor offers: variables, categories to set, agents to assign to. */
export const MACRO_EDITOR_OPTIONS = /* GraphQL */ `
  query MacroEditorOptions {
    supportMacroVariables {
      name
      description
      example
    }
    ...SettingsChoiceFields
  }
  ${CHOICES}
`;

export const MACRO_DETAIL = /* GraphQL */ `
  query MacroDetail($id: ID!) {
    supportMacro(id: $id) {
      ...SettingsMacroFields
    }
  }
  ${MACRO_FIELDS}
`;

export const MACRO_CREATE = /* GraphQL */ `
  mutation MacroCreate($input: SupportMacroCreateInput!) {
    supportMacroCreate(input: $input) {
      macro {
        ...SettingsMacroFields
      }
      errors {
        ...SettingsMacroErrorFields
      }
    }
  }
  ${MACRO_FIELDS}
  ${MACRO_ERRORS}
`;

export const MACRO_UPDATE = /* GraphQL */ `
  mutation MacroUpdate($id: ID!, $input: SupportMacroUpdateInput!) {
    supportMacroUpdate(id: $id, input: $input) {
      macro {
        ...SettingsMacroFields
      }
      errors {
        ...SettingsMacroErrorFields
      }
    }
  }
  ${MACRO_FIELDS}
  ${MACRO_ERRORS}
`;

export const MACRO_DELETE = /* GraphQL */ `
  mutation MacroDelete($id: ID!) {
    supportMacroDelete(id: $id) {
      deletedId
      errors {
        ...SettingsMacroErrorFields
      }
    }
  }
  ${MACRO_ERRORS}
`;
