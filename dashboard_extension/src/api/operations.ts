/**
 * The workspace's operations, shaped like the examples in graphql/dashboard/. Tickets are
 * `SupportTicket` interfaces: agents get `StaffTicket`, hence the inline fragments.
 */

export const VIEWER = /* GraphQL */ `
  query Viewer {
    supportViewer {
      kind
      permissions
      canManageSettings
      user {
        id
        email
        firstName
        lastName
      }
    }
  }
`;

const TICKET_ROW = /* GraphQL */ `
  fragment TicketRow on StaffTicket {
    id
    number
    subject
    status
    priority
    channel
    tags
    updatedAt
    category {
      slug
      name
    }
    customerName
    customerEmail
    assignee {
      id
      email
    }
    order {
      number
    }
    slaClocks {
      kind
      state
      paused
      dueAt
      remainingMinutes
      completedAt
    }
  }
`;

export const TICKET_LIST = /* GraphQL */ `
  query TicketList(
    $first: Int
    $after: String
    $filter: SupportTicketFilterInput
    $sortBy: SupportTicketSortingInput
    $search: String
  ) {
    supportTickets(first: $first, after: $after, filter: $filter, sortBy: $sortBy, search: $search) {
      edges {
        node {
          ...TicketRow
        }
        searchHighlight {
          field
          text
          ranges {
            start
            end
          }
          subjectRanges {
            start
            end
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
  ${TICKET_ROW}
`;

/** The number of tickets in each saved view (one alias per view; no ticket rows are read). */
export const TICKET_COUNTS = /* GraphQL */ `
  query TicketCounts(
    $mine: SupportTicketFilterInput
    $unassigned: SupportTicketFilterInput
    $breaching: SupportTicketFilterInput
    $open: SupportTicketFilterInput
    $pending: SupportTicketFilterInput
    $solved: SupportTicketFilterInput
  ) {
    mine: supportTickets(first: 1, filter: $mine) {
      totalCount
    }
    unassigned: supportTickets(first: 1, filter: $unassigned) {
      totalCount
    }
    breaching: supportTickets(first: 1, filter: $breaching) {
      totalCount
    }
    open: supportTickets(first: 1, filter: $open) {
      totalCount
    }
    pending: supportTickets(first: 1, filter: $pending) {
      totalCount
    }
    solved: supportTickets(first: 1, filter: $solved) {
      totalCount
    }
  }
`;

export const TICKET_DETAIL = /* GraphQL */ `
  query TicketDetail($id: ID!) {
    supportTicket(id: $id) {
      ... on StaffTicket {
        id
        number
        subject
        status
        priority
        tier
        team {
          id
          name
          tier
          isActive
        }
        mergedIntoId
        tags
        version
        channel
        languageCode
        createdAt
        updatedAt
        firstResponseAt
        category {
          slug
          name
        }
        customerName
        customerEmail
        customer {
          id
        }
        isAnonymised
        customerSatisfaction {
          responses
          csatAgent
          csatResolution
          nps {
            latestScore
            latestAnsweredAt
            count
          }
          recent {
            question
            score
            scaleMax
            comment
            ticketId
            ticketNumber
            createdAt
          }
        }
        surveyAnswers {
          question
          score
          scaleMax
          comment
          ticketId
          ticketNumber
          createdAt
        }
        assignee {
          id
          email
          firstName
          lastName
        }
        order {
          id
          number
          channel
          dashboardUrl
          snapshot
        }
        slaClocks {
          kind
          state
          paused
          dueAt
          remainingMinutes
          completedAt
        }
        messages(first: 100) {
          edges {
            node {
              id
              authorType
              body
              createdAt
              ... on StaffTicketMessage {
                author {
                  email
                }
                isInternal
              }
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
        events(first: 100) {
          edges {
            node {
              type
              parameters
              user {
                email
              }
              createdAt
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  }
`;

export const TICKET_UPDATE = /* GraphQL */ `
  mutation TicketUpdate($id: ID!, $input: SupportTicketUpdateInput!, $expectedVersion: Int!) {
    supportTicketUpdate(id: $id, input: $input, expectedVersion: $expectedVersion) {
      ticket {
        id
        version
      }
      errors {
        field
        code
        message
      }
    }
  }
`;

export const TICKET_ASSIGN = /* GraphQL */ `
  mutation TicketAssign($id: ID!, $assigneeId: ID, $expectedVersion: Int) {
    supportTicketAssign(id: $id, assigneeId: $assigneeId, expectedVersion: $expectedVersion) {
      ticket {
        id
        version
      }
      errors {
        field
        code
        message
      }
    }
  }
`;

export const TICKET_REPLY = /* GraphQL */ `
  mutation TicketReply($id: ID!, $body: String!, $isInternal: Boolean = false) {
    supportTicketReply(id: $id, input: { body: $body, isInternal: $isInternal }) {
      message {
        id
      }
      errors {
        field
        code
        message
      }
    }
  }
`;

export const AGENTS = /* GraphQL */ `
  query Agents {
    supportAgents {
      user {
        id
        email
        firstName
        lastName
      }
      activeTicketCount
    }
  }
`;

export const MACRO_PICKER = /* GraphQL */ `
  query MacroPicker {
    supportMacros(first: 100, filter: { isActive: true }) {
      edges {
        node {
          id
          name
          group
        }
      }
    }
  }
`;

export const MACRO_PREVIEW = /* GraphQL */ `
  mutation MacroPreview($ticketId: ID!, $macroId: ID!, $additionalText: String) {
    supportMacroPreview(ticketId: $ticketId, macroId: $macroId, additionalText: $additionalText) {
      preview {
        body
        language
        changedFields
        status
        priority
        category {
          slug
          name
        }
        tags
        assignee {
          email
        }
      }
      errors {
        field
        code
        message
        variable
        language
        line
        column
      }
    }
  }
`;

export const TICKET_APPLY_MACRO = /* GraphQL */ `
  mutation TicketApplyMacro(
    $ticketId: ID!
    $macroId: ID!
    $expectedVersion: Int!
    $isInternal: Boolean
    $additionalText: String
  ) {
    supportTicketApplyMacro(
      ticketId: $ticketId
      macroId: $macroId
      expectedVersion: $expectedVersion
      isInternal: $isInternal
      additionalText: $additionalText
    ) {
      ticket {
        id
        version
      }
      message {
        id
      }
      errors {
        field
        code
        message
        variable
        language
        line
        column
      }
    }
  }
`;

export const TICKET_TAKE_NEXT = /* GraphQL */ `
  mutation TicketTakeNext {
    supportTicketTakeNext {
      ticket {
        id
        number
      }
      errors {
        field
        code
        message
      }
    }
  }
`;

const BULK_RESULT = /* GraphQL */ `
  count
  results {
    ticket {
      id
    }
    errors {
      field
      code
      message
    }
  }
  errors {
    field
    code
    message
  }
`;

export const TICKET_BULK_STATUS = /* GraphQL */ `
  mutation TicketBulkStatus($ids: [ID!]!, $status: SupportTicketStatusEnum!) {
    supportTicketBulkStatus(ids: $ids, status: $status) {
      ${BULK_RESULT}
    }
  }
`;

export const TICKET_BULK_ASSIGN = /* GraphQL */ `
  mutation TicketBulkAssign($ids: [ID!]!, $assigneeId: ID) {
    supportTicketBulkAssign(ids: $ids, assigneeId: $assigneeId) {
      ${BULK_RESULT}
    }
  }
`;

export const TICKET_BULK_TAG = /* GraphQL */ `
  mutation TicketBulkTag($ids: [ID!]!, $add: [String!], $remove: [String!]) {
    supportTicketBulkTag(ids: $ids, add: $add, remove: $remove) {
      ${BULK_RESULT}
    }
  }
`;
