"""When a ticket's survey can be answered: from the solve, for the desk's survey window."""

from datetime import datetime, timedelta

from ..conf import desk_settings
from ..tickets import TicketStatus
from ..tickets.models import Ticket

ANSWERABLE_STATUSES = frozenset({TicketStatus.SOLVED, TicketStatus.CLOSED})


def survey_window_days() -> int:
    """Return the days a survey stays open after the solve (``SURVEY_WINDOW_DAYS``)."""
    return desk_settings().survey_window_days


def survey_closes_at(ticket: Ticket, window_days: int) -> datetime | None:
    """Return when the ticket's survey closes; ``None`` while it cannot be answered at all.

    A survey opens once the ticket is solved or closed (a merged ticket has none) and closes
    ``window_days`` after the last solve; a ticket reopened and solved again opens it anew.
    """
    if ticket.merged_into_id is not None or ticket.status not in ANSWERABLE_STATUSES:
        return None
    if ticket.solved_at is None:
        return None
    return ticket.solved_at + timedelta(days=window_days)
