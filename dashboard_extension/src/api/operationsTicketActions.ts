/**
 * Escalation, teams, merge and split on the ticket screen. Candidates for a merge come from
 * the inbox's own list query (`TICKET_LIST` in ./operations).
 */

const ERRORS = /* GraphQL */ `
  errors {
    field
    code
    message
  }
`;

const CHANGED_TICKET = /* GraphQL */ `
  ticket {
    id
    number
    version
    tier
    team {
      id
      name
    }
  }
`;

/** Every team, inactive ones included; the screen offers the active ones of the ticket's tier. */
export const TEAMS = /* GraphQL */ `
  query Teams {
    supportTeams {
      id
      name
      tier
      isActive
      position
    }
  }
`;

export const TICKET_SET_TEAM = /* GraphQL */ `
  mutation TicketSetTeam($id: ID!, $teamId: ID, $expectedVersion: Int) {
    supportTicketSetTeam(id: $id, teamId: $teamId, expectedVersion: $expectedVersion) {
      ${CHANGED_TICKET}
      ${ERRORS}
    }
  }
`;

export const TICKET_ESCALATE = /* GraphQL */ `
  mutation TicketEscalate($id: ID!, $reason: String!, $expectedVersion: Int) {
    supportTicketEscalate(id: $id, reason: $reason, expectedVersion: $expectedVersion) {
      ${CHANGED_TICKET}
      ${ERRORS}
    }
  }
`;

export const TICKET_DE_ESCALATE = /* GraphQL */ `
  mutation TicketDeEscalate($id: ID!, $reason: String!, $expectedVersion: Int) {
    supportTicketDeEscalate(id: $id, reason: $reason, expectedVersion: $expectedVersion) {
      ${CHANGED_TICKET}
      ${ERRORS}
    }
  }
`;

export const TICKET_MERGE = /* GraphQL */ `
  mutation TicketMerge($sourceId: ID!, $targetId: ID!) {
    supportTicketMerge(sourceId: $sourceId, targetId: $targetId) {
      ticket {
        id
        number
      }
      mergedTicket {
        id
        mergedIntoId
      }
      ${ERRORS}
    }
  }
`;

export const TICKET_SPLIT = /* GraphQL */ `
  mutation TicketSplit($messageId: ID!, $subject: String!) {
    supportTicketSplit(messageId: $messageId, subject: $subject) {
      ticket {
        id
        number
        subject
      }
      sourceTicket {
        id
        version
      }
      ${ERRORS}
    }
  }
`;

/** The number and subject of the ticket a merged ticket points to. */
export const MERGED_TARGET = /* GraphQL */ `
  query MergedTarget($id: ID!) {
    supportTicket(id: $id) {
      ... on StaffTicket {
        id
        number
        subject
      }
    }
  }
`;
