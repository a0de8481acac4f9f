"""The arguments escalation and de-escalation share."""

from typing import Any

import graphene

from ...tickets.mutations.ticket_common import expected_version_argument, ticket_id_argument

MAX_REASON_LENGTH = 10_000


def tier_change_arguments() -> dict[str, Any]:
    return {
        "id": ticket_id_argument(),
        "reason": graphene.String(
            required=True,
            description=(
                f"Why the ticket changes tier, up to {MAX_REASON_LENGTH} characters of plain"
                " text; kept as an internal note the timeline entry points to."
            ),
        ),
        "expected_version": expected_version_argument(),
    }
