from datetime import timedelta

import pytest
from django.utils import timezone

from saleor_support_plugin.agents.actions import merge_tickets, split_message
from saleor_support_plugin.agents.routing import route_new_ticket
from saleor_support_plugin.host.requestor import Requestor, RequestorKind
from saleor_support_plugin.tickets import MessageAuthorType, TicketEventType, TicketStatus
from saleor_support_plugin.tickets.access import tickets_visible_to
from saleor_support_plugin.tickets.access_tokens import issue_access_token, ticket_id_for_token
from saleor_support_plugin.tickets.actions import add_message, change_status, set_tags
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.error_codes import TicketError, TicketErrorCode
from saleor_support_plugin.tickets.models import Ticket, TicketEvent, TicketMessage

from .helpers import new_ticket

pytestmark = pytest.mark.django_db

START = timezone.now() - timedelta(days=1)


def _say(ticket, body, minutes, author=MessageAuthorType.CUSTOMER):
    return add_message(
        ticket,
        author_type=author,
        actor=Actor.system(),
        body=body,
        plain_text=True,
        now=START + timedelta(minutes=minutes),
    )


def _customer(user):
    return Requestor(kind=RequestorKind.CUSTOMER, user_id=user.pk, email=user.email)


def test_merge_moves_messages_and_timeline_and_closes_the_source(agent):
    # given
    target = new_ticket(now=START)
    source = new_ticket(now=START + timedelta(minutes=1))
    source = set_tags(source, ["vip"], actor=Actor.system())
    _say(target, "first", 2)
    moved = _say(source, "second", 3)
    _say(target, "third", 4)
    source_events = set(source.events.values_list("id", flat=True))

    # when
    survivor = merge_tickets(source, target, actor=Actor.user(agent.pk))

    # then
    assert survivor.pk == target.pk
    assert list(target.messages.order_by("created_at").values_list("body_raw", flat=True)) == [
        "first",
        "second",
        "third",
    ]
    assert TicketMessage.objects.get(pk=moved.pk).created_at == START + timedelta(minutes=3)
    assert source_events <= set(target.events.values_list("id", flat=True))
    source = Ticket.objects.get(pk=source.pk)
    assert source.merged_into_id == target.pk
    assert source.status == TicketStatus.CLOSED
    assert list(source.events.values_list("type", "parameters")) == [
        (TicketEventType.STATUS_CHANGED, {"old": "new", "new": "closed"}),
        (
            TicketEventType.MERGED_INTO,
            {"target_ticket_id": target.pk, "target_number": target.number},
        ),
    ]
    merged = target.events.get(type=TicketEventType.MERGED)
    assert merged.parameters == {
        "source_ticket_id": source.pk,
        "source_number": source.number,
        "message_count": 1,
        "event_count": len(source_events),
    }
    assert merged.user_id == agent.pk
    assert Ticket.objects.get(pk=target.pk).tags == ["vip"]


def test_customers_and_guests_of_the_source_keep_access(customer_user):
    # given: a guest ticket and the same customer's ticket from their account
    target = new_ticket(email=customer_user.email, user_id=customer_user.pk)
    source = new_ticket(email=customer_user.email)
    token = issue_access_token(source)
    other_source = new_ticket(email=customer_user.email, user_id=customer_user.pk)
    guest_target = new_ticket(email="guest@example.com")

    # when
    merge_tickets(source, target, actor=Actor.system())
    merge_tickets(other_source, target, actor=Actor.system())

    # then
    assert ticket_id_for_token(token) == target.pk
    assert tickets_visible_to(_customer(customer_user)).filter(pk=target.pk).exists()
    assert guest_target.pk not in set(
        tickets_visible_to(_customer(customer_user)).values_list("pk", flat=True)
    )


def test_an_account_customer_merged_into_their_guest_ticket_gains_access(customer_user):
    # given
    target = new_ticket(email=customer_user.email)
    source = new_ticket(email=customer_user.email, user_id=customer_user.pk)

    # when
    merge_tickets(source, target, actor=Actor.system())

    # then
    target = Ticket.objects.get(pk=target.pk)
    assert (target.customer_user_id, target.customer_account_id) == (
        customer_user.pk,
        customer_user.pk,
    )
    assert tickets_visible_to(_customer(customer_user)).filter(pk=target.pk).exists()


def test_tickets_merged_earlier_follow_to_the_new_target():
    # given
    first, second, third = new_ticket(), new_ticket(), new_ticket()
    merge_tickets(first, second, actor=Actor.system())

    # when
    merge_tickets(second, third, actor=Actor.system())

    # then
    assert Ticket.objects.get(pk=first.pk).merged_into_id == third.pk


def test_the_order_thread_passes_to_the_target(order_generator, store, drain, customer_user):
    # given: the store-event thread of an order and a customer ticket about the same order
    order = order_generator(at=timezone.now() - timedelta(hours=2))
    store.cancel_order(order, at=timezone.now() - timedelta(hours=1))
    drain()
    thread = Ticket.objects.get()
    target = new_ticket(email=customer_user.email, user_id=customer_user.pk)
    Ticket.objects.filter(pk=target.pk).update(order_id=thread.order_id)

    # when
    merge_tickets(thread, target, actor=Actor.system())

    # then
    assert Ticket.objects.get(pk=target.pk).thread_key == f"order:{order.pk}"
    assert Ticket.objects.get(pk=thread.pk).thread_key is None


@pytest.mark.parametrize(
    ("case", "field", "message"),
    [
        ("itself", "targetId", "A ticket cannot be merged into itself."),
        ("closed target", "targetId", "Tickets cannot be merged into a closed or merged ticket."),
        ("merged target", "targetId", "Tickets cannot be merged into a closed or merged ticket."),
        ("merged source", "sourceId", "This ticket was already merged into another one."),
        (
            "other customer",
            "targetId",
            "The tickets belong to different customers; each would see the other's conversation.",
        ),
    ],
)
def test_merges_that_are_refused(case, field, message):
    # given
    source, target = new_ticket(), new_ticket()
    if case == "itself":
        target = source
    elif case == "closed target":
        target = change_status(target, TicketStatus.SOLVED, actor=Actor.system())
        target = change_status(target, TicketStatus.CLOSED, actor=Actor.system())
    elif case == "merged target":
        merge_tickets(target, new_ticket(), actor=Actor.system())
    elif case == "merged source":
        merge_tickets(source, new_ticket(), actor=Actor.system())
    elif case == "other customer":
        target = new_ticket(email="someone.else@example.com")
    before = (TicketEvent.objects.count(), list(Ticket.objects.values_list("pk", "version")))

    # when
    with pytest.raises(TicketError) as error:
        merge_tickets(source, target, actor=Actor.system())

    # then
    assert (error.value.code, error.value.field, error.value.message) == (
        TicketErrorCode.NOT_MERGEABLE,
        field,
        message,
    )
    assert (
        TicketEvent.objects.count(),
        list(Ticket.objects.values_list("pk", "version")),
    ) == before


def test_split_moves_the_message_into_a_new_ticket_for_the_same_customer(
    customer_user, team_generator, agent
):
    # given
    team = team_generator(is_default=True)
    ticket = route_new_ticket(
        new_ticket(email=customer_user.email, user_id=customer_user.pk, order_channel="eu")
    )
    _say(ticket, "Where is my parcel?", 1)
    other = _say(ticket, "Also, my invoice has the wrong address.", 2)

    # when
    new = split_message(other, actor=Actor.user(agent.pk), subject="Invoice address")

    # then
    new = Ticket.objects.get(pk=new.pk)
    assert (new.subject, new.customer_user_id, new.customer_email, new.team_id) == (
        "Invoice address",
        customer_user.pk,
        customer_user.email,
        team.pk,
    )
    assert (new.order_id, new.order_channel, new.thread_key) == (ticket.order_id, "eu", None)
    assert list(new.messages.values_list("pk", flat=True)) == [other.pk]
    assert list(ticket.messages.values_list("body_raw", flat=True)) == ["Where is my parcel?"]
    assert ticket.events.get(type=TicketEventType.SPLIT).parameters == {
        "message_id": other.pk,
        "new_ticket_id": new.pk,
        "new_number": new.number,
    }
    assert new.events.get(type=TicketEventType.SPLIT_FROM).parameters == {
        "message_id": other.pk,
        "source_ticket_id": ticket.pk,
        "source_number": ticket.number,
    }
    assert tickets_visible_to(_customer(customer_user)).filter(pk=new.pk).exists()


def test_the_only_message_cannot_be_split_out():
    # given
    ticket = new_ticket()
    only = _say(ticket, "Hello", 1)

    # when
    with pytest.raises(TicketError) as error:
        split_message(only, actor=Actor.system(), subject="Hello")

    # then
    assert (error.value.code, error.value.field) == (TicketErrorCode.INVALID, "messageId")
    assert Ticket.objects.count() == 1
