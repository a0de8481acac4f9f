from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from saleor_support_plugin.tickets import TicketEventType, TicketTier
from saleor_support_plugin.tickets.models import Ticket


def test_a_store_event_lands_in_the_routed_team_and_agent(
    order_generator, store, drain, staff_generator, team_generator, routing_rule_generator
):
    # given: cancellations of Romanian customers in the default channel go to the L2 team
    general = team_generator(name="General", members=[staff_generator()], is_default=True)
    agent = staff_generator(tier=TicketTier.L2, language_codes=["ro"])
    romanian = team_generator(name="Romania", tier=TicketTier.L2, members=[agent])
    routing_rule_generator(
        romanian,
        category_slugs=["cancellation"],
        language_codes=["ro"],
        order_channels=["default-channel"],
        channels=["system"],
    )
    order = order_generator(at=timezone.now() - timedelta(hours=2))

    # when
    store.cancel_order(order, at=timezone.now() - timedelta(hours=1))
    drain()

    # then
    ticket = Ticket.objects.get()
    assert ticket.team_id == romanian.pk
    assert ticket.team_id != general.pk
    assert ticket.tier == TicketTier.L2
    assert ticket.assignee_id == agent.pk
    types = list(ticket.events.order_by("id").values_list("type", flat=True))
    assert types[:3] == [
        TicketEventType.OPENED,
        TicketEventType.TEAM_CHANGED,
        TicketEventType.ASSIGNED,
    ]


def test_later_store_events_of_the_order_keep_the_ticket_where_it_is(
    order_generator, store, drain, staff_generator, team_generator
):
    # given
    first, second = staff_generator(), staff_generator()
    team = team_generator(members=[first, second], is_default=True)
    order = order_generator(at=timezone.now() - timedelta(hours=2))
    store.cancel_order(order, at=timezone.now() - timedelta(hours=1))
    drain()

    # when
    store.refund_order(order, Decimal("10.00"), at=timezone.now() - timedelta(minutes=30))
    drain()

    # then
    ticket = Ticket.objects.get()
    assert ticket.team_id == team.pk
    assert ticket.assignee_id == first.pk
    assert ticket.events.filter(type=TicketEventType.ASSIGNED).count() == 1
