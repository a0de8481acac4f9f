from saleor_support_plugin.intake import InboundEventStatus
from saleor_support_plugin.intake.actions import process_inbound_event
from saleor_support_plugin.intake.models import InboundEvent
from saleor_support_plugin.tickets.models import Ticket
from sandbox.store import actions


def test_cancellation_opens_a_ticket(order_generator, django_capture_on_commit_callbacks):
    order = order_generator()
    with django_capture_on_commit_callbacks(execute=True):
        actions.cancel_order(order, at=order.created_at)
    event = InboundEvent.objects.get()
    assert process_inbound_event(event.pk) == InboundEventStatus.PROCESSED
    ticket = Ticket.objects.get()
    assert ticket.subject == f"Order #{order.number} was cancelled"
