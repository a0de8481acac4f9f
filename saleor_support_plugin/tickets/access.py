"""Who may see which ticket. Every API read and write of a ticket starts here.

A ticket that is not the requestor's to see and a ticket that does not exist give the same
``NOT_FOUND``, so ids reveal nothing.
"""

from django.db.models import QuerySet

from ..host.requestor import DeskPermission, Requestor
from .error_codes import TicketError, TicketErrorCode
from .models import Ticket


def tickets_visible_to(requestor: Requestor) -> QuerySet[Ticket]:
    """Return the tickets ``requestor`` may see: all of them for agents, none for anyone else."""
    if requestor.has_permission(DeskPermission.MANAGE_ORDERS):
        return Ticket.objects.all()
    return Ticket.objects.none()


def access_ticket_by_id(requestor: Requestor, ticket_id: int | None) -> Ticket:
    """Return the ticket ``ticket_id`` if ``requestor`` may see it, else raise ``NOT_FOUND``."""
    ticket = None
    if ticket_id is not None:
        ticket = tickets_visible_to(requestor).filter(pk=ticket_id).first()
    if ticket is None:
        raise TicketError(TicketErrorCode.NOT_FOUND, "Ticket not found.", field="id")
    return ticket
