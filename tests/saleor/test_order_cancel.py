"""``orderCancel`` through Saleor's GraphQL API opens one cancellation ticket."""

from typing import Any

import graphene
from saleor.graphql.tests.utils import get_graphql_content

from saleor_support_plugin.intake import InboundEventStatus
from saleor_support_plugin.intake.actions import process_inbound_event
from saleor_support_plugin.intake.models import InboundEvent
from saleor_support_plugin.tickets import MessageAuthorType, TicketEventType
from saleor_support_plugin.tickets.models import Ticket, TicketEvent, TicketMessage

ORDER_CANCEL = """
mutation Cancel($id: ID!) {
  orderCancel(id: $id) {
    order { status }
    errors { field code message }
  }
}
"""


def cancel(api_client: Any, order: Any) -> dict[str, Any]:
    response = api_client.post_graphql(
        ORDER_CANCEL, {"id": graphene.Node.to_global_id("Order", order.pk)}
    )
    return get_graphql_content(response)["data"]["orderCancel"]


def test_order_cancel_records_one_inbound_event(
    staff_api_client, permission_group_manage_orders, order_with_lines, support_plugin, hook_calls
):
    # given
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    order = order_with_lines

    # when
    data = cancel(staff_api_client, order)

    # then
    assert data == {"order": {"status": "CANCELED"}, "errors": []}
    assert hook_calls == [("order_cancelled", "canceled"), ("order_updated", "canceled")]
    event = InboundEvent.objects.get()
    assert event.source_event_type == "order_cancelled"
    assert event.source_object_id == str(order.pk)
    assert event.order_id == order.pk
    assert event.status == InboundEventStatus.PENDING
    assert event.payload == {}
    assert Ticket.objects.count() == 0


def test_processing_a_cancellation_opens_one_ticket(
    staff_api_client,
    permission_group_manage_orders,
    order_with_lines,
    support_plugin,
    process_pending,
):
    # given
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    order = order_with_lines
    cancel(staff_api_client, order)

    # when
    processed = process_pending()

    # then
    assert processed == [("order_cancelled", InboundEventStatus.PROCESSED)]
    ticket = Ticket.objects.get()
    assert ticket.subject == f"Order #{order.number} was cancelled"
    assert ticket.category.slug == "cancellation"
    assert ticket.priority == "normal"
    assert ticket.channel == "system"
    assert ticket.order_id == order.pk
    assert ticket.order_number == str(order.number)
    assert ticket.order_channel == order.channel.slug
    assert ticket.thread_key == f"order:{order.pk}"
    assert ticket.customer_user_id == order.user_id
    assert ticket.customer_email == order.user_email
    snapshot = ticket.order_snapshot
    assert snapshot is not None
    assert snapshot["id"] == str(order.pk)
    assert snapshot["number"] == str(order.number)
    assert snapshot["status"] == "canceled"
    assert snapshot["currency"] == order.currency
    assert sorted(
        (line["id"], line["product_name"], line["sku"], line["quantity"])
        for line in snapshot["lines"]
    ) == sorted(
        (str(line.pk), line.product_name, line.product_sku, line.quantity)
        for line in order.lines.all()
    )
    assert len(snapshot["lines"]) == 2
    store_events = TicketEvent.objects.filter(ticket=ticket, type=TicketEventType.STORE_EVENT)
    assert [(e.parameters["kind"], e.dedupe_key) for e in store_events] == [
        ("cancellation", f"cancellation:{order.pk}")
    ]
    event = InboundEvent.objects.get()
    assert event.status == InboundEventStatus.PROCESSED
    assert event.ticket_id == ticket.pk
    assert event.outcome == f"opened ticket #{ticket.number}: cancellation"


def test_processing_a_cancellation_again_changes_nothing(
    staff_api_client,
    permission_group_manage_orders,
    order_with_lines,
    support_plugin,
    process_pending,
):
    # given
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    cancel(staff_api_client, order_with_lines)
    process_pending()
    event = InboundEvent.objects.get()
    ticket = Ticket.objects.get()
    timeline = list(TicketEvent.objects.values_list("pk", flat=True))
    messages = list(TicketMessage.objects.values_list("pk", flat=True))

    # when
    again = process_inbound_event(event.pk)
    InboundEvent.objects.filter(pk=event.pk).update(status=InboundEventStatus.PENDING)
    replayed = process_inbound_event(event.pk)

    # then
    assert again is None
    assert replayed == InboundEventStatus.SKIPPED
    event.refresh_from_db()
    assert event.outcome == "already on a ticket"
    assert list(Ticket.objects.values_list("pk", "version")) == [(ticket.pk, ticket.version)]
    assert list(TicketEvent.objects.values_list("pk", flat=True)) == timeline
    assert list(TicketMessage.objects.values_list("pk", flat=True)) == messages
    assert (
        TicketMessage.objects.filter(author_type=MessageAuthorType.SYSTEM, is_internal=True).count()
        == 1
    )
