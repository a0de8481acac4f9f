"""What the bulk ticket mutations share: the ids argument, per-ticket results and errors."""

from collections.abc import Sequence
from typing import Any

import graphene

from ....tickets.bulk import MAX_BULK_TICKETS, BulkOutcome
from ....tickets.error_codes import TicketError
from ...core.ids import pk_from_global_id
from ...core.mutations import BaseMutation
from ...core.types import Error
from ..enums import SupportTicketErrorCode
from ..types import TICKET_TYPE_NAME, StaffTicket


class SupportTicketBulkError(Error):
    code = graphene.Field(SupportTicketErrorCode, required=True, description="The error code.")
    index = graphene.Int(
        description=(
            "Position in `ids` of the ticket the error is about; null when it is about the"
            " whole request."
        )
    )

    class Meta:
        description = "An error of a bulk ticket mutation."


class SupportTicketBulkResult(graphene.ObjectType):
    ticket = graphene.Field(
        StaffTicket,
        description=(
            "The ticket after the change (unchanged when it already was as asked); null when"
            " it was refused."
        ),
    )
    errors = graphene.Field(
        graphene.NonNull(graphene.List(graphene.NonNull(SupportTicketBulkError))),
        description="Why this ticket was left as it was; empty when it succeeded.",
    )

    class Meta:
        description = "What became of one ticket of a bulk mutation."


def ids_argument() -> Any:
    return graphene.List(
        graphene.NonNull(graphene.ID),
        required=True,
        description=(
            f"Global ids of the tickets (`SupportTicket`), at most {MAX_BULK_TICKETS}; more"
            " refuses the whole request (INVALID on `ids`) and changes nothing."
        ),
    )


def ticket_pks(global_ids: Sequence[str]) -> list[int | None]:
    """Return the pk behind each global id, ``None`` for ids that name no ticket."""
    return [pk_from_global_id(global_id, TICKET_TYPE_NAME) for global_id in global_ids]


class TicketBulkMutation(BaseMutation):
    """A change to many tickets; each ticket succeeds or fails on its own.

    Per-ticket refusals are in ``results[i].errors``; ``errors`` holds only what refused the
    whole request, in which case nothing changed.
    """

    count = graphene.Int(
        required=True,
        description=(
            "How many tickets changed; tickets already as asked and refused ones are not counted."
        ),
    )
    results = graphene.Field(
        graphene.NonNull(graphene.List(graphene.NonNull(SupportTicketBulkResult))),
        description="One result per entry of `ids`, in the same order.",
    )

    class Meta:
        abstract = True

    @classmethod
    def payload(cls, outcome: BulkOutcome) -> Any:
        results = [
            SupportTicketBulkResult(
                ticket=item.ticket,
                errors=[] if item.error is None else [_item_error(item.error, index)],
            )
            for index, item in enumerate(outcome.items)
        ]
        return cls(count=outcome.changed, results=results, errors=[])

    @staticmethod
    def resolve_count(root: Any, info: Any) -> int:
        return root.count or 0

    @staticmethod
    def resolve_results(root: Any, info: Any) -> list[Any]:
        return root.results or []


def _item_error(error: TicketError, index: int) -> SupportTicketBulkError:
    return SupportTicketBulkError(
        field=error.field, message=error.message, code=error.code.value, index=index
    )
