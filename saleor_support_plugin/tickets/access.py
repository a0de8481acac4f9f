"""Who may see which ticket. Every API read and write of a ticket starts here.

A ticket that is not the requestor's to see and a ticket that does not exist give the same
``NOT_FOUND``, so ids reveal nothing. Scopes are built from the requestor, never by fetching
a ticket first and checking it afterwards:

- agents (``MANAGE_ORDERS``, staff or app): every ticket, or for staff whose groups restrict
  them to some sales channels, the tickets of orders in those channels and tickets about no
  order;
- a signed-in account without it (a customer, or staff without the permission): the tickets
  opened for that account;
- a guest: the one ticket their access token opens;
- anyone else: nothing.
"""

from django.db.models import Q, QuerySet

from ..host.requestor import Requestor, RequestorKind
from .error_codes import TicketError, TicketErrorCode
from .models import Ticket


def tickets_visible_to(requestor: Requestor) -> QuerySet[Ticket]:
    """Return the tickets ``requestor`` may see."""
    if requestor.is_agent:
        if requestor.channels is None:
            return Ticket.objects.all()
        return Ticket.objects.filter(
            Q(order_channel="") | Q(order_channel__in=sorted(requestor.channels))
        )
    if requestor.kind in (RequestorKind.CUSTOMER, RequestorKind.STAFF):
        if requestor.user_id is None:
            return Ticket.objects.none()
        return Ticket.objects.filter(customer_user_id=requestor.user_id)
    if requestor.kind == RequestorKind.GUEST:
        if requestor.ticket_id is None:
            return Ticket.objects.none()
        return Ticket.objects.filter(pk=requestor.ticket_id)
    return Ticket.objects.none()


def access_ticket_by_id(requestor: Requestor, ticket_id: int | None) -> Ticket:
    """Return the ticket ``ticket_id`` if ``requestor`` may see it, else raise ``NOT_FOUND``."""
    ticket = None
    if ticket_id is not None:
        ticket = tickets_visible_to(requestor).filter(pk=ticket_id).first()
    if ticket is None:
        raise TicketError(TicketErrorCode.NOT_FOUND, "Ticket not found.", field="id")
    return ticket
