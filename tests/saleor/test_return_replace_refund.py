"""``orderFulfillmentReturnProducts`` (return with refund, replacement) lands on one ticket."""

from datetime import timedelta
from decimal import Decimal
from typing import Any
from unittest.mock import patch

import graphene
import pytest
from django.utils import timezone
from saleor.graphql.tests.utils import get_graphql_content
from saleor.order import OrderEvents
from saleor.order.models import Order
from saleor.payment import ChargeStatus

from saleor_support_plugin.intake import InboundEventStatus
from saleor_support_plugin.intake.models import InboundEvent
from saleor_support_plugin.tickets import TicketEventType
from saleor_support_plugin.tickets.models import Ticket, TicketEvent, TicketMessage

RETURN_PRODUCTS = """
mutation Return($order: ID!, $input: OrderReturnProductsInput!) {
  orderFulfillmentReturnProducts(order: $order, input: $input) {
    replaceOrder { id status origin }
    errors { field code message }
  }
}
"""


def to_gid(type_name: str, pk: Any) -> str:
    return graphene.Node.to_global_id(type_name, pk)


def charge(payment: Any) -> None:
    payment.captured_amount = payment.total
    payment.charge_status = ChargeStatus.FULLY_CHARGED
    payment.save(update_fields=["captured_amount", "charge_status"])


def gateway_refund(payment: Any, manager: Any, amount: Decimal, **kwargs: Any) -> None:
    """What a gateway's successful refund leaves on a legacy payment.

    Saleor's dummy gateway refuses refunds of payments the fixtures create (no capture
    transaction), so ``saleor.payment.gateway.refund`` is replaced by this.
    """
    payment.captured_amount -= amount
    payment.charge_status = (
        ChargeStatus.FULLY_REFUNDED
        if payment.captured_amount <= 0
        else ChargeStatus.PARTIALLY_REFUNDED
    )
    payment.save(update_fields=["captured_amount", "charge_status"])


def return_products(
    api_client: Any, order: Any, lines: list[tuple[Any, bool]], *, refund: bool
) -> dict[str, Any]:
    """Return one unit of each fulfillment line; ``True`` beside a line replaces it."""
    variables = {
        "order": to_gid("Order", order.pk),
        "input": {
            "refund": refund,
            "includeShippingCosts": False,
            "fulfillmentLines": [
                {
                    "fulfillmentLineId": to_gid("FulfillmentLine", line.pk),
                    "quantity": 1,
                    "replace": replace,
                }
                for line, replace in lines
            ],
        },
    }
    response = api_client.post_graphql(RETURN_PRODUCTS, variables)
    return get_graphql_content(response)["data"]["orderFulfillmentReturnProducts"]


@patch("saleor.payment.gateway.refund", side_effect=gateway_refund)
def test_return_with_refund_and_replacement_records_events(
    mocked_refund,
    staff_api_client,
    permission_group_manage_orders,
    fulfilled_order,
    payment_dummy,
    support_plugin,
    hook_calls,
):
    # given
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    charge(payment_dummy)
    returned, replaced = fulfilled_order.fulfillments.get().lines.order_by("pk")

    # when
    data = return_products(
        staff_api_client, fulfilled_order, [(returned, False), (replaced, True)], refund=True
    )

    # then
    assert data["errors"] == []
    assert data["replaceOrder"]["status"] == "DRAFT"
    assert data["replaceOrder"]["origin"] == "REISSUE"
    fulfilled_order.refresh_from_db()
    assert fulfilled_order.status == "partially_returned"
    draft = Order.objects.get(original=fulfilled_order)
    assert hook_calls == [
        ("order_refunded", "fulfilled"),
        ("order_updated", "partially_returned"),
        ("draft_order_created", "draft"),
    ]
    events = InboundEvent.objects.order_by("id")
    assert [(e.source_event_type, e.order_id) for e in events] == [
        ("order_refunded", fulfilled_order.pk),
        ("order_updated", fulfilled_order.pk),
        ("draft_order_created", fulfilled_order.pk),
    ]
    assert events[2].source_object_id == str(draft.pk)
    mocked_refund.assert_called_once()
    payment_dummy.refresh_from_db()
    assert payment_dummy.charge_status == ChargeStatus.PARTIALLY_REFUNDED


@patch("saleor.payment.gateway.refund", side_effect=gateway_refund)
def test_return_with_refund_and_replacement_lands_on_one_ticket(
    mocked_refund,
    staff_api_client,
    permission_group_manage_orders,
    fulfilled_order,
    payment_dummy,
    support_plugin,
    process_pending,
):
    # given
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    charge(payment_dummy)
    returned, replaced = fulfilled_order.fulfillments.get().lines.order_by("pk")
    return_products(
        staff_api_client, fulfilled_order, [(returned, False), (replaced, True)], refund=True
    )
    draft = Order.objects.get(original=fulfilled_order)
    history = {
        row.type: row.pk
        for row in fulfilled_order.events.all()
        if row.type != OrderEvents.NOTE_ADDED
    }

    # when
    processed = process_pending()

    # then
    assert processed == [
        ("order_refunded", InboundEventStatus.PROCESSED),
        ("order_updated", InboundEventStatus.SKIPPED),
        ("draft_order_created", InboundEventStatus.SKIPPED),
    ]
    ticket = Ticket.objects.get()
    assert ticket.order_id == fulfilled_order.pk
    # One change revealing several problems is named by the return (facts.HEADLINE_ORDER).
    assert ticket.subject == f"Return of items from order #{fulfilled_order.number}"
    assert ticket.category.slug == "return"
    assert (ticket.order_snapshot or {})["status"] == "partially_returned"
    store_events = TicketEvent.objects.filter(ticket=ticket, type=TicketEventType.STORE_EVENT)
    kinds = sorted(e.parameters["kind"] for e in store_events)
    assert kinds == ["refund", "replacement", "return"]
    by_kind = {e.parameters["kind"]: e for e in store_events}
    assert by_kind["replacement"].dedupe_key == f"replacement:{draft.pk}"
    assert by_kind["replacement"].parameters["related_order_id"] == str(draft.pk)
    assert by_kind["return"].parameters["order_event_ids"] == [
        history[OrderEvents.FULFILLMENT_RETURNED]
    ]
    assert by_kind["refund"].parameters["order_event_ids"] == [
        history[OrderEvents.PAYMENT_REFUNDED],
        history[OrderEvents.FULFILLMENT_REFUNDED],
    ]
    assert [(e.source_event_type, e.outcome) for e in InboundEvent.objects.order_by("id")] == [
        ("order_refunded", f"opened ticket #{ticket.number}: return, replacement, refund"),
        ("order_updated", "nothing new"),
        ("draft_order_created", "already on a ticket"),
    ]


def test_replacement_only_return_records_only_the_draft(
    staff_api_client,
    permission_group_manage_orders,
    fulfilled_order,
    support_plugin,
    hook_calls,
):
    # given
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    replaced = fulfilled_order.fulfillments.get().lines.order_by("pk").first()

    # when
    data = return_products(staff_api_client, fulfilled_order, [(replaced, True)], refund=False)

    # then
    assert data["errors"] == []
    draft = Order.objects.get(original=fulfilled_order)
    fulfilled_order.refresh_from_db()
    assert fulfilled_order.status == "fulfilled"
    assert hook_calls == [("order_updated", "fulfilled"), ("draft_order_created", "draft")]
    assert list(
        InboundEvent.objects.values_list("source_event_type", "source_object_id", "order_id")
    ) == [("draft_order_created", str(draft.pk), fulfilled_order.pk)]


@pytest.fixture
def replaced_line(
    staff_api_client, permission_group_manage_orders, fulfilled_order, support_plugin
):
    """A replacement-only return of the fulfilled order's first line, through Saleor."""
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    replaced = fulfilled_order.fulfillments.get().lines.order_by("pk").first()
    return_products(staff_api_client, fulfilled_order, [(replaced, True)], refund=False)
    return replaced


def test_replacement_only_return_opens_a_replacement_ticket(
    fulfilled_order, replaced_line, process_pending
):
    # given
    draft = Order.objects.get(original=fulfilled_order)

    # when
    processed = process_pending()

    # then
    assert processed == [("draft_order_created", InboundEventStatus.PROCESSED)]
    ticket = Ticket.objects.get()
    assert ticket.subject == f"Replacement of items from order #{fulfilled_order.number}"
    assert ticket.category.slug == "return"
    assert TicketEvent.objects.filter(
        ticket=ticket, type=TicketEventType.STORE_EVENT, dedupe_key=f"replacement:{draft.pk}"
    ).exists()


def test_replacement_only_return_adds_no_return_fact(replaced_line, process_pending):
    # when
    process_pending()

    # then
    store_events = TicketEvent.objects.filter(type=TicketEventType.STORE_EVENT)
    assert [e.parameters["kind"] for e in store_events] == ["replacement"]


def test_replacement_note_names_the_replaced_product(
    fulfilled_order, replaced_line, process_pending
):
    # when
    process_pending()

    # then
    note = TicketMessage.objects.filter(body_raw__contains="being replaced").get()
    draft_line = Order.objects.get(original=fulfilled_order).lines.get()
    assert str(draft_line.pk) not in note.body_raw
    assert f"1 × {replaced_line.order_line.product_name}" in note.body_raw


@patch("saleor.payment.gateway.refund", side_effect=gateway_refund)
def test_every_return_on_an_order_is_recorded(
    mocked_refund,
    staff_api_client,
    permission_group_manage_orders,
    fulfilled_order,
    payment_dummy,
    support_plugin,
    process_pending,
):
    # given
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    charge(payment_dummy)
    line = fulfilled_order.fulfillments.get().lines.order_by("pk").first()
    assert line.quantity == 3
    recorded = []
    processed = []

    # when
    for _ in range(3):
        still_fulfilled = fulfilled_order.fulfillments.get(status="fulfilled").lines.get(
            order_line_id=line.order_line_id
        )
        return_products(staff_api_client, fulfilled_order, [(still_fulfilled, False)], refund=True)
        recorded.append(InboundEvent.objects.filter(status=InboundEventStatus.PENDING).count())
        processed.append(process_pending())

    # then
    assert recorded == [2, 2, 2]
    assert (
        processed
        == [
            [
                ("order_refunded", InboundEventStatus.PROCESSED),
                ("order_updated", InboundEventStatus.SKIPPED),
            ]
        ]
        * 3
    )
    kinds = [
        e.parameters["kind"]
        for e in TicketEvent.objects.filter(type=TicketEventType.STORE_EVENT).order_by("pk")
    ]
    assert kinds == ["return", "refund", "return", "refund", "return", "refund"]
    assert Ticket.objects.count() == 1


@patch("saleor.payment.gateway.refund", side_effect=gateway_refund)
def test_return_ticket_carries_the_time_of_the_return(
    mocked_refund,
    staff_api_client,
    permission_group_manage_orders,
    fulfilled_order,
    payment_dummy,
    support_plugin,
    process_pending,
):
    # given
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    charge(payment_dummy)
    Order.objects.filter(pk=fulfilled_order.pk).update(
        updated_at=timezone.now() - timedelta(days=3)
    )
    returned = fulfilled_order.fulfillments.get().lines.order_by("pk").first()
    started = timezone.now()

    # when
    return_products(staff_api_client, fulfilled_order, [(returned, False)], refund=True)
    process_pending()

    # then
    occurred = sorted(InboundEvent.objects.values_list("occurred_at", flat=True))
    assert len(occurred) == 2
    assert all(at >= started for at in occurred)
    assert Ticket.objects.get().created_at >= started
