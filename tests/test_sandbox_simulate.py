"""The sandbox's simulated traffic: every event lands on the desk once, the demo comes up."""

from collections import Counter
from collections.abc import Callable
from io import StringIO
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Count

from saleor_support_plugin.intake import InboundEventStatus, IntakeKind, SourceEventType
from saleor_support_plugin.intake.models import InboundEvent
from saleor_support_plugin.tickets import TicketEventType, TicketStatus
from saleor_support_plugin.tickets.models import Ticket, TicketEvent
from sandbox.store import OrderEvents, OrderStatus, actions
from sandbox.store.management.commands.demo import ADMIN_PASSWORD, ADMIN_USERNAME
from sandbox.store.management.commands.simulate_store import AGENT_USERNAMES
from sandbox.store.models import Order, OrderEvent

STORE_ACTIONS = (
    "place_order",
    "fail_payment",
    "cancel_order",
    "expire_order",
    "fulfill_order",
    "refund_order",
    "return_products",
    "delete_customer",
)


@pytest.fixture
def committing_store(
    db: Any, monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    """Let each store action's on-commit hooks run inside the test's transaction."""

    def committing(action: Callable[..., Any]) -> Callable[..., Any]:
        def run(*args: Any, **kwargs: Any) -> Any:
            with django_capture_on_commit_callbacks(execute=True):
                return action(*args, **kwargs)

        return run

    for name in STORE_ACTIONS:
        monkeypatch.setattr(actions, name, committing(getattr(actions, name)))


@pytest.fixture
def simulated(committing_store: None) -> None:
    call_command("simulate_store", days=2, orders_per_day=10, seed=7, quiet=True)


def _store_facts(kind: str) -> Counter[Any]:
    rows = TicketEvent.objects.filter(
        type=TicketEventType.STORE_EVENT, parameters__kind=kind
    ).values_list("ticket__order_id", flat=True)
    return Counter(rows)


def test_the_simulation_is_repeatable(simulated):
    orders = Counter(Order.objects.values_list("status", flat=True))
    tickets = Counter(Ticket.objects.values_list("status", flat=True))
    inbound = Counter(InboundEvent.objects.values_list("status", flat=True))

    assert orders == {
        OrderStatus.FULFILLED: 11,
        OrderStatus.UNFULFILLED: 6,
        OrderStatus.CANCELED: 2,
        OrderStatus.EXPIRED: 1,
    }
    assert tickets == {
        TicketStatus.OPEN: 2,
        TicketStatus.PENDING: 3,
        TicketStatus.ON_HOLD: 1,
        TicketStatus.SOLVED: 5,
    }
    assert inbound == {InboundEventStatus.PROCESSED: 11}


def test_every_inbound_event_is_processed_or_skipped(simulated):
    statuses = Counter(InboundEvent.objects.values_list("status", flat=True))

    assert statuses[InboundEventStatus.PROCESSED] > 0
    assert set(statuses) <= {InboundEventStatus.PROCESSED, InboundEventStatus.SKIPPED}


def test_no_order_has_two_active_store_event_threads(simulated):
    threads = Ticket.objects.filter(thread_key__isnull=False)
    per_order = threads.values("order_id").annotate(n=Count("pk")).filter(n__gt=1)

    assert threads.exists()
    assert list(per_order) == []
    assert not threads.exclude(status__in=TicketStatus.ACTIVE).exists()
    assert all(t.thread_key == f"order:{t.order_id}" for t in threads)


def test_each_cancelled_order_has_one_cancellation_fact(simulated):
    cancelled = set(Order.objects.filter(status=OrderStatus.CANCELED).values_list("pk", flat=True))
    facts = _store_facts(IntakeKind.CANCELLATION)

    assert cancelled
    assert set(facts) == cancelled
    assert set(facts.values()) == {1}


def test_agents_and_customers_work_on_the_tickets(simulated):
    agents = get_user_model().objects.filter(username__in=AGENT_USERNAMES, is_staff=True)

    assert agents.count() == len(AGENT_USERNAMES)
    assert Ticket.objects.filter(assignee__in=agents).exists()
    assert Ticket.objects.filter(messages__author_type="agent").exists()
    assert Ticket.objects.exclude(status__in=TicketStatus.ACTIVE).exists()


def test_payment_failures_reach_the_desk_through_reconciliation(committing_store):
    call_command("simulate_store", days=4, orders_per_day=10, seed=7, quiet=True)
    failed = Counter(
        OrderEvent.objects.filter(type=OrderEvents.PAYMENT_FAILED).values_list(
            "order_id", flat=True
        )
    )
    facts = _store_facts(IntakeKind.PAYMENT_PROBLEM)
    statuses = set(InboundEvent.objects.values_list("status", flat=True))

    assert len(failed) == 1
    assert facts == failed
    assert InboundEvent.objects.filter(source_event_type=SourceEventType.RECONCILIATION).exists()
    assert statuses <= {InboundEventStatus.PROCESSED, InboundEventStatus.SKIPPED}


def test_demo_without_serving_creates_the_login_and_data(committing_store):
    out = StringIO()

    call_command("demo", no_serve=True, days=2, orders_per_day=10, seed=7, stdout=out)

    admin = get_user_model().objects.get(username=ADMIN_USERNAME)
    assert admin.is_superuser
    assert admin.check_password(ADMIN_PASSWORD)
    assert Order.objects.exists()
    assert Ticket.objects.exists()
    assert f"{ADMIN_USERNAME} / {ADMIN_PASSWORD}" in out.getvalue()


def test_demo_does_not_simulate_again_when_the_store_has_orders(committing_store):
    call_command("demo", no_serve=True, days=1, orders_per_day=5, seed=1, stdout=StringIO())
    orders = Order.objects.count()
    out = StringIO()

    call_command("demo", no_serve=True, days=1, orders_per_day=5, seed=1, stdout=out)

    assert Order.objects.count() == orders
    assert "already has orders" in out.getvalue()
