"""GraphQL of the SLA engine: calendars, policies, reporting targets, ticket clocks."""
