"""``checkoutComplete``: an order placed with a note opens a ticket, a plain one costs nothing."""

import re
from typing import Any

import graphene
from django.db import connection
from django.test.utils import CaptureQueriesContext
from saleor.checkout import calculations
from saleor.checkout.fetch import fetch_checkout_info, fetch_checkout_lines
from saleor.graphql.tests.utils import get_graphql_content
from saleor.order.models import Order
from saleor.plugins.manager import get_plugins_manager

from saleor_support_plugin.intake import InboundEventStatus
from saleor_support_plugin.intake.models import InboundEvent
from saleor_support_plugin.tickets import MessageAuthorType, TicketEventType
from saleor_support_plugin.tickets.models import Ticket, TicketEvent, TicketMessage

DESK_TABLE = re.compile(r'"?support_(inbound_event|order_scan_cursor|intake_watermark|ticket)')
"""Any of the desk's tables (tickets, messages, events, categories, the intake tables)."""
NOTE = "Please leave the parcel with the neighbour at no. 12."

CUSTOMER_NOTE_UPDATE = """
mutation Note($id: ID!, $note: String!) {
  checkoutCustomerNoteUpdate(id: $id, customerNote: $note) {
    errors { field code message }
  }
}
"""
CHECKOUT_COMPLETE = """
mutation Complete($id: ID) {
  checkoutComplete(id: $id) {
    order { id customerNote }
    errors { field code message }
  }
}
"""


def add_note(api_client: Any, checkout: Any, note: str) -> None:
    response = api_client.post_graphql(
        CUSTOMER_NOTE_UPDATE,
        {"id": graphene.Node.to_global_id("Checkout", checkout.pk), "note": note},
    )
    assert get_graphql_content(response)["data"]["checkoutCustomerNoteUpdate"]["errors"] == []


def pay(checkout: Any, payment: Any) -> None:
    """Move the fixture's dummy payment onto the checkout, for its full total."""
    manager = get_plugins_manager(allow_replica=False)
    lines, _ = fetch_checkout_lines(checkout)
    info = fetch_checkout_info(checkout, lines, manager)
    total = calculations.calculate_checkout_total_with_gift_cards(manager, info, lines)
    payment.order = None
    payment.checkout = checkout
    payment.total = total.gross.amount
    payment.currency = total.gross.currency
    payment.save()


def complete(api_client: Any, checkout: Any) -> Order:
    response = api_client.post_graphql(
        CHECKOUT_COMPLETE, {"id": graphene.Node.to_global_id("Checkout", checkout.pk)}
    )
    data = get_graphql_content(response)["data"]["checkoutComplete"]
    assert data["errors"] == []
    _, order_pk = graphene.Node.from_global_id(data["order"]["id"])
    return Order.objects.get(pk=order_pk)


def test_checkout_with_a_note_records_order_created(
    user_api_client, checkout_ready_to_complete, payment_dummy, support_plugin, hook_calls
):
    # given
    checkout = checkout_ready_to_complete
    add_note(user_api_client, checkout, NOTE)
    pay(checkout, payment_dummy)

    # when
    order = complete(user_api_client, checkout)

    # then
    assert order.customer_note == NOTE
    assert hook_calls == [("order_created", "unfulfilled"), ("order_updated", "unfulfilled")]
    assert list(
        InboundEvent.objects.values_list("source_event_type", "source_object_id", "order_id")
    ) == [("order_created", str(order.pk), order.pk)]


def test_checkout_with_a_note_opens_a_customer_note_ticket(
    user_api_client, checkout_ready_to_complete, payment_dummy, support_plugin, process_pending
):
    # given
    checkout = checkout_ready_to_complete
    add_note(user_api_client, checkout, NOTE)
    pay(checkout, payment_dummy)
    order = complete(user_api_client, checkout)

    # when
    processed = process_pending()

    # then
    assert processed == [("order_created", InboundEventStatus.PROCESSED)]
    ticket = Ticket.objects.get()
    assert ticket.subject == f"Note with order #{order.number}"
    assert ticket.category.slug == "order"
    assert ticket.order_id == order.pk
    assert ticket.customer_email == order.user_email
    assert (ticket.order_snapshot or {})["customer_note"] == NOTE
    store_events = TicketEvent.objects.filter(ticket=ticket, type=TicketEventType.STORE_EVENT)
    assert [(e.parameters["kind"], e.dedupe_key) for e in store_events] == [
        ("customer_note", f"customer_note:{order.pk}")
    ]
    customer_message = TicketMessage.objects.get(
        ticket=ticket, author_type=MessageAuthorType.CUSTOMER
    )
    assert customer_message.body_raw == NOTE
    assert customer_message.is_internal is False
    assert customer_message.author_user_id == order.user_id


def test_checkout_without_a_note_costs_no_query(
    user_api_client, checkout_ready_to_complete, payment_dummy, support_plugin, hook_calls
):
    # given
    checkout = checkout_ready_to_complete
    pay(checkout, payment_dummy)

    # when
    with CaptureQueriesContext(connection) as queries:
        order = complete(user_api_client, checkout)

    # then
    assert order.customer_note == ""
    assert hook_calls == [("order_created", "unfulfilled"), ("order_updated", "unfulfilled")]
    assert [q["sql"] for q in queries.captured_queries if DESK_TABLE.search(q["sql"])] == []
    assert InboundEvent.objects.count() == 0
