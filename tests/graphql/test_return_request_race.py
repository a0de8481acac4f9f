"""Customers asking at once for the last returnable items: one request gets them.

Real PostgreSQL, committed data; every thread has its own connection, waits at a barrier so
the requests start together, and closes its connection at the end.
"""

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.db import connection
from django.db.models import Sum
from django.utils import timezone

from saleor_support_plugin.host import get_host
from saleor_support_plugin.returns import ReturnReason, ReturnRequestStatus
from saleor_support_plugin.returns.actions import ReturnLine, request_return
from saleor_support_plugin.returns.models import ReturnRequest, ReturnRequestLine
from saleor_support_plugin.tickets.actions import CustomerInfo
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.error_codes import TicketError
from saleor_support_plugin.tickets.models import Ticket
from sandbox.store import actions as store

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

DELIVERED_SHOES = 2


def _race(calls: list[Callable[[], Any]]) -> list[Any]:
    """Run every call in its own thread, all released at once; return their results in order."""
    barrier = threading.Barrier(len(calls))

    def run(call: Callable[[], Any]) -> Any:
        try:
            barrier.wait(timeout=30)
            return call()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))


def _asker(order: Any, line: Any, quantity: int) -> Callable[[], str]:
    """A customer's request for ``quantity`` items of ``line``, as the API makes it."""

    def ask() -> str:
        snapshot = get_host().read_order(order.pk)
        assert snapshot is not None
        try:
            request_return(
                customer=CustomerInfo(
                    user_id=order.user_id, email=order.user_email, name="Ana Popescu"
                ),
                snapshot=snapshot,
                lines=[ReturnLine(order_line_id=str(line.pk), quantity=quantity)],
                reason=ReturnReason.DAMAGED,
                comment="",
                actor=Actor.user(order.user_id),
            )
        except TicketError as exc:
            return exc.code.name
        return "OK"

    return ask


def _held(line: Any) -> int:
    total = ReturnRequestLine.objects.filter(
        order_line_id=str(line.pk), return_request__status__in=ReturnRequestStatus.HOLDING
    ).aggregate(total=Sum("quantity"))["total"]
    return int(total or 0)


@pytest.mark.parametrize("racers", [2, 5])
def test_one_request_gets_the_last_items_the_others_are_told_none_are_left(order_generator, racers):
    # given: shoes delivered (2), one of them already asked for
    order = order_generator()
    store.fulfill_order(order, at=timezone.now())
    shoes = order.lines.get(product_sku="SHOE-1")
    assert shoes.quantity == DELIVERED_SHOES
    assert _asker(order, shoes, 1)() == "OK"

    # when: every racer asks for the last one at once
    results = _race([_asker(order, shoes, 1) for _ in range(racers)])

    # then
    assert sorted(results) == ["OK"] + ["QUANTITY_UNAVAILABLE"] * (racers - 1)
    assert _held(shoes) == DELIVERED_SHOES
    assert ReturnRequest.objects.count() == 2
    assert Ticket.objects.filter(category__slug="return").count() == 2


def test_racers_asking_for_everything_never_exceed_what_was_delivered(order_generator):
    # given
    order = order_generator()
    store.fulfill_order(order, at=timezone.now())
    shoes = order.lines.get(product_sku="SHOE-1")

    # when: 5 ask for both shoes, 5 for one
    results = _race(
        [_asker(order, shoes, DELIVERED_SHOES) for _ in range(5)]
        + [_asker(order, shoes, 1) for _ in range(5)]
    )

    # then
    assert set(results) <= {"OK", "QUANTITY_UNAVAILABLE"}
    assert 1 <= results.count("OK") <= DELIVERED_SHOES
    assert _held(shoes) == DELIVERED_SHOES
