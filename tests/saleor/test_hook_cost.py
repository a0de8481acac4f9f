"""What a hook costs Saleor's request: one INSERT on the desk's tables, and never a failure."""

import logging
import re
from datetime import timedelta
from decimal import Decimal
from typing import Any
from unittest.mock import patch

import graphene
import psycopg
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from saleor.graphql.tests.utils import get_graphql_content
from saleor.payment import ChargeStatus
from saleor.plugins.manager import get_plugins_manager

from saleor_support_plugin import PLUGIN_ID
from saleor_support_plugin.intake import InboundEventStatus
from saleor_support_plugin.intake.models import InboundEvent
from saleor_support_plugin.intake.reconciliation import reconcile
from saleor_support_plugin.intake.recorder import Counters
from saleor_support_plugin.tickets.models import Ticket

DESK_TABLE = re.compile(r'"?support_(inbound_event|order_scan_cursor|intake_watermark|ticket)')
ORDER_CANCEL = """
mutation Cancel($id: ID!) {
  orderCancel(id: $id) { order { status } errors { field code message } }
}
"""
RETURN_PRODUCTS = """
mutation Return($order: ID!, $input: OrderReturnProductsInput!) {
  orderFulfillmentReturnProducts(order: $order, input: $input) {
    errors { field code message }
  }
}
"""
BROKEN_INSERT = (
    "INSERT INTO support_inbound_event (no_such_column) VALUES (%s, %s, %s, %s::jsonb, %s)"
    " RETURNING id"
)


def desk_statements(queries: CaptureQueriesContext) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if DESK_TABLE.search(q["sql"])]


def cancel(api_client: Any, order: Any) -> dict[str, Any]:
    response = api_client.post_graphql(
        ORDER_CANCEL, {"id": graphene.Node.to_global_id("Order", order.pk)}
    )
    return get_graphql_content(response)["data"]["orderCancel"]


def gateway_refund(payment: Any, manager: Any, amount: Decimal, **kwargs: Any) -> None:
    payment.captured_amount -= amount
    payment.charge_status = ChargeStatus.PARTIALLY_REFUNDED
    payment.save(update_fields=["captured_amount", "charge_status"])


def test_order_cancel_hook_runs_one_insert(
    staff_api_client, permission_group_manage_orders, order_with_lines, support_plugin, hook_calls
):
    # given
    permission_group_manage_orders.user_set.add(staff_api_client.user)

    # when
    with CaptureQueriesContext(connection) as queries:
        data = cancel(staff_api_client, order_with_lines)

    # then
    assert data["errors"] == []
    assert len(hook_calls) == 2
    statements = desk_statements(queries)
    assert len(statements) == 1
    assert statements[0].startswith("INSERT INTO support_inbound_event ")
    assert InboundEvent.objects.count() == 1


@patch("saleor.payment.gateway.refund", side_effect=gateway_refund)
def test_return_hooks_run_one_insert_each(
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
    payment_dummy.captured_amount = payment_dummy.total
    payment_dummy.charge_status = ChargeStatus.FULLY_CHARGED
    payment_dummy.save(update_fields=["captured_amount", "charge_status"])
    returned, replaced = fulfilled_order.fulfillments.get().lines.order_by("pk")
    to_gid = graphene.Node.to_global_id
    variables = {
        "order": to_gid("Order", fulfilled_order.pk),
        "input": {
            "refund": True,
            "fulfillmentLines": [
                {
                    "fulfillmentLineId": to_gid("FulfillmentLine", returned.pk),
                    "quantity": 1,
                    "replace": False,
                },
                {
                    "fulfillmentLineId": to_gid("FulfillmentLine", replaced.pk),
                    "quantity": 1,
                    "replace": True,
                },
            ],
        },
    }

    # when
    with CaptureQueriesContext(connection) as queries:
        response = staff_api_client.post_graphql(RETURN_PRODUCTS, variables)

    # then
    data = get_graphql_content(response)["data"]["orderFulfillmentReturnProducts"]
    assert data["errors"] == []
    assert [name for name, _ in hook_calls] == [
        "order_refunded",
        "order_updated",
        "draft_order_created",
    ]
    statements = desk_statements(queries)
    assert len(statements) == 3
    assert all(s.startswith("INSERT INTO support_inbound_event ") for s in statements)
    assert InboundEvent.objects.count() == 3


def test_failing_insert_lets_the_mutation_succeed(
    staff_api_client,
    permission_group_manage_orders,
    order_with_lines,
    support_plugin,
    hook_calls,
    caplog,
):
    # given
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    order = order_with_lines
    failures = Counters.failures

    # when
    with (
        patch("saleor_support_plugin.intake.recorder.INSERT_SQL", BROKEN_INSERT),
        caplog.at_level(logging.ERROR, logger="saleor_support_plugin"),
    ):
        data = cancel(staff_api_client, order)

    # then
    assert data == {"order": {"status": "CANCELED"}, "errors": []}
    order.refresh_from_db()
    assert order.status == "canceled"
    assert hook_calls == [("order_cancelled", "canceled"), ("order_updated", "canceled")]
    assert Counters.failures == failures + 1
    assert InboundEvent.objects.count() == 0
    assert [r.getMessage() for r in caplog.records if r.name.startswith("saleor_support")] == [
        f"Support desk could not record order_cancelled {order.pk}; reconciliation will recover it."
    ]


def test_failing_signal_lets_the_mutation_and_later_hooks_run(
    staff_api_client, permission_group_manage_orders, order_with_lines, support_plugin, hook_calls
):
    # given
    permission_group_manage_orders.user_set.add(staff_api_client.user)

    # when
    with patch(
        "saleor_support_plugin.host.signals.record_inbound_event",
        side_effect=RuntimeError("boom"),
    ):
        data = cancel(staff_api_client, order_with_lines)

    # then
    assert data == {"order": {"status": "CANCELED"}, "errors": []}
    assert hook_calls == [("order_cancelled", "canceled"), ("order_updated", "canceled")]
    assert InboundEvent.objects.count() == 0


def test_locked_table_lets_the_mutation_succeed_and_reconciliation_recovers(
    staff_api_client,
    permission_group_manage_orders,
    order_with_lines,
    support_plugin,
    process_pending,
    caplog,
):
    # given
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    order = order_with_lines
    db = connection.settings_dict
    other = psycopg.connect(
        host=db["HOST"] or None,
        port=db["PORT"] or None,
        user=db["USER"] or None,
        password=db["PASSWORD"] or None,
        dbname=db["NAME"],
    )
    try:
        other.execute("LOCK TABLE support_inbound_event IN ACCESS EXCLUSIVE MODE")

        # when
        started = timezone.now()
        with caplog.at_level(logging.ERROR, logger="saleor_support_plugin"):
            data = cancel(staff_api_client, order)
        took = timezone.now() - started
    finally:
        other.rollback()
        other.close()

    # then
    assert data == {"order": {"status": "CANCELED"}, "errors": []}
    assert timedelta(milliseconds=200) <= took < timedelta(seconds=2)
    assert InboundEvent.objects.count() == 0
    (record,) = [r for r in caplog.records if r.name.startswith("saleor_support")]
    assert record.exc_info is not None
    assert type(record.exc_info[1].__cause__) is psycopg.errors.LockNotAvailable
    assert reconcile(now=timezone.now() + timedelta(minutes=5)) == 1
    assert process_pending() == [("reconciliation", InboundEventStatus.PROCESSED)]
    assert Ticket.objects.get().subject == f"Order #{order.number} was cancelled"


@pytest.mark.parametrize("active", [True, False])
def test_inactive_plugin_records_nothing(
    active,
    staff_api_client,
    permission_group_manage_orders,
    order_with_lines,
    support_plugin_installed,
):
    # given
    permission_group_manage_orders.user_set.add(staff_api_client.user)
    get_plugins_manager(allow_replica=False).save_plugin_configuration(
        PLUGIN_ID, None, {"active": active}
    )

    # when
    with CaptureQueriesContext(connection) as queries:
        cancel(staff_api_client, order_with_lines)

    # then
    assert len(desk_statements(queries)) == (1 if active else 0)
    assert InboundEvent.objects.count() == (1 if active else 0)
