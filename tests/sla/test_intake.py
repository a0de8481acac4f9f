"""Tickets opened from store events get their clocks once the processing commits."""

from datetime import timedelta

from django.utils import timezone

from saleor_support_plugin.sla import ClockKind, ClockStatus
from saleor_support_plugin.sla.models import SlaPolicy, TicketSla, TicketSlaClock
from saleor_support_plugin.tickets import TicketEventType
from saleor_support_plugin.tickets.models import Ticket, TicketEvent


def test_a_ticket_from_a_store_event_starts_the_seeded_standard_clocks(
    order_generator, store, drain, django_capture_on_commit_callbacks
):
    # given
    order = order_generator(at=timezone.now() - timedelta(hours=2))
    store.cancel_order(order, at=order.created_at + timedelta(minutes=1))

    # when
    with django_capture_on_commit_callbacks(execute=True):
        drain()

    # then
    ticket = Ticket.objects.get()
    standard = SlaPolicy.objects.get(name="Standard")
    assert TicketSla.objects.get(ticket=ticket).policy_id == standard.pk
    clocks = {c.kind: c for c in TicketSlaClock.objects.filter(ticket=ticket)}
    assert {kind: (c.status, c.target_minutes) for kind, c in clocks.items()} == {
        ClockKind.FIRST_RESPONSE: (ClockStatus.RUNNING, 2880),
        ClockKind.RESOLUTION: (ClockStatus.RUNNING, 7200),
    }
    assert clocks[ClockKind.FIRST_RESPONSE].started_at == ticket.created_at
    assert TicketEvent.objects.filter(
        ticket=ticket, type=TicketEventType.SLA_POLICY_APPLIED
    ).exists()
