"""tickets.access: one scope per requestor, built before any ticket is read."""

import uuid

import pytest

from saleor_support_plugin.host.requestor import DeskPermission, Requestor, RequestorKind
from saleor_support_plugin.tickets.access import access_ticket_by_id, tickets_visible_to
from saleor_support_plugin.tickets.error_codes import TicketError, TicketErrorCode
from saleor_support_plugin.tickets.models import Ticket

AGENT = frozenset({DeskPermission.MANAGE_ORDERS.value})


@pytest.fixture
def channel_tickets(ticket_generator, customer_user):
    tickets = {}
    for channel in ("ro-store", "pl-store", ""):
        ticket = ticket_generator(subject=f"About {channel or 'nothing'}", user_id=customer_user.pk)
        if channel:
            Ticket.objects.filter(pk=ticket.pk).update(order_id=uuid.uuid4(), order_channel=channel)
        tickets[channel] = ticket
    return tickets


def _subjects(requestor):
    return sorted(tickets_visible_to(requestor).values_list("subject", flat=True))


def test_an_unrestricted_agent_sees_every_channel(channel_tickets):
    agent = Requestor(kind=RequestorKind.STAFF, user_id=1, permissions=AGENT)

    assert _subjects(agent) == ["About nothing", "About pl-store", "About ro-store"]


def test_a_channel_restricted_agent_sees_their_channels_and_tickets_about_no_order(
    channel_tickets,
):
    agent = Requestor(
        kind=RequestorKind.STAFF, user_id=1, permissions=AGENT, channels=frozenset({"ro-store"})
    )

    assert _subjects(agent) == ["About nothing", "About ro-store"]
    with pytest.raises(TicketError) as error:
        access_ticket_by_id(agent, channel_tickets["pl-store"].pk)
    assert error.value.code == TicketErrorCode.NOT_FOUND


def test_an_agent_restricted_to_no_channel_sees_only_tickets_about_no_order(channel_tickets):
    agent = Requestor(kind=RequestorKind.STAFF, user_id=1, permissions=AGENT, channels=frozenset())

    assert _subjects(agent) == ["About nothing"]


def test_staff_without_manage_orders_see_only_their_own_tickets_as_customers(
    channel_tickets, customer_user, ticket_generator
):
    ticket_generator(subject="Someone else's")
    own = Requestor(kind=RequestorKind.STAFF, user_id=customer_user.pk)
    other = Requestor(kind=RequestorKind.STAFF, user_id=customer_user.pk + 1000)

    assert _subjects(own) == ["About nothing", "About pl-store", "About ro-store"]
    assert _subjects(other) == []


@pytest.mark.parametrize(
    "requestor",
    [
        Requestor.anonymous(),
        Requestor(kind=RequestorKind.APP, app_id=1),
        Requestor.guest(None),
        Requestor(kind=RequestorKind.CUSTOMER, user_id=None),
    ],
    ids=["anonymous", "app-without-permission", "guest-without-ticket", "customer-without-id"],
)
def test_requestors_without_a_scope_see_nothing(channel_tickets, requestor):
    assert _subjects(requestor) == []


def test_a_guest_sees_the_one_ticket_of_their_token(channel_tickets):
    guest = Requestor.guest(channel_tickets["ro-store"].pk)

    assert _subjects(guest) == ["About ro-store"]
