"""Row locks of the SLA engine, taken only here.

Every writer of a ticket's SLA rows holds the ticket's row lock first. The sweep, which
starts from SLA rows, takes both with ``SKIP LOCKED`` and so never waits: it cannot
deadlock with a writer that holds the ticket and waits for the SLA row.
"""

from collections.abc import Collection, Sequence
from datetime import datetime

from django.db.models import QuerySet

from ..tickets.models import Ticket
from .models import TicketSla


def due_ticket_slas_select_for_update(
    now: datetime, limit: int, *, exclude: Collection[int] = ()
) -> list[int]:
    """Lock up to ``limit`` SLA rows with a check due by ``now`` that nobody else holds.

    Returns their ticket ids, earliest check first; tickets in ``exclude`` are left out.
    """
    return list(
        TicketSla.objects.filter(next_check_at__lte=now)
        .exclude(ticket_id__in=list(exclude))
        .order_by("next_check_at", "ticket_id")
        .select_for_update(skip_locked=True)
        .values_list("ticket_id", flat=True)[:limit]
    )


def tickets_skip_locked(ticket_ids: Sequence[int]) -> list[Ticket]:
    """Lock those of the tickets that nobody else holds, in pk order, and return them."""
    return list(
        Ticket.objects.filter(pk__in=list(ticket_ids))
        .order_by("pk")
        .select_for_update(skip_locked=True, of=("self",))
    )


def ticket_slas_select_for_update(ticket_ids: Sequence[int]) -> QuerySet[TicketSla]:
    """Lock the SLA rows of tickets the caller has locked (pk order)."""
    return (
        TicketSla.objects.filter(ticket_id__in=list(ticket_ids))
        .order_by("ticket_id")
        .select_for_update()
    )
