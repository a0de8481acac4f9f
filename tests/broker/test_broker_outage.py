"""Intake on a real broker: a Celery worker on Redis, with the broker cut mid-run.

RELIABILITY.md section 5: every committed store event ends processed or skipped, and no
order gets two tickets or a fact twice, whether its kick reached the worker or not.
"""

import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from saleor_support_plugin.host import get_host, signals
from saleor_support_plugin.intake import InboundEventStatus, IntakeKind, kick
from saleor_support_plugin.intake.models import InboundEvent
from saleor_support_plugin.intake.recorder import Counters
from saleor_support_plugin.tickets import MessageAuthorType, TicketEventType
from saleor_support_plugin.tickets.models import Ticket, TicketEvent, TicketMessage
from sandbox.store import actions
from sandbox.store.models import Order, Product
from tests.query_counts import assert_statements

from .conftest import PUBLISHED, BrokerStand, KickLog

pytestmark = pytest.mark.broker

EVENTS = 1000
EVENTS_PER_SECOND = 20.0
"""The store's pace: a worker with two processes keeps up, so kicked events wait for nobody."""
CUT_AFTER_EVENTS = 200
OUTAGE_SECONDS = 10.0
"""Cut at about 10 s, back at about 20 s; the breaker keeps kicks off until about 40 s, and
the last 150-odd events are kicked again."""
SWEEP_INTERVAL_SECONDS = 2.0
SWEEP_MIN_AGE_SECONDS = 3
DRAIN_TIMEOUT_SECONDS = 180.0
BACKLOG_DRAINED_WITHIN_SECONDS = 120.0
"""RELIABILITY.md section 5, "Broker down": drained within 120 s of recovery. On an idle
machine it takes about 5 s; 112 s was seen with the two cores loaded 7 deep."""
KICK_BOUND_SECONDS = 3.5
"""A kick's longest run: a 1 s connect and two retries 0.5 s apart, with slack."""
KICKED_WITHIN_SECONDS = 10.0


def _pending() -> int:
    return InboundEvent.objects.filter(status=InboundEventStatus.PENDING).count()


def _wait_until(condition: Callable[[], bool], timeout: float, interval: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout
    while True:
        if condition():
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval)


def _duplicates(queryset: Any, field: str) -> list[Any]:
    return list(
        queryset.exclude(**{f"{field}__isnull": True})
        .values(field)
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .values_list(field, "n")
    )


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


class StoreLoad:
    """Run store actions at ``EVENTS_PER_SECOND``, cutting the broker once on the way.

    The broker goes down once ``CUT_AFTER_EVENTS`` are recorded and comes back
    ``OUTAGE_SECONDS`` later; every action is timed, hooks and kicks included.
    """

    def __init__(self, stand: BrokerStand) -> None:
        self.stand = stand
        self.recorded_before = Counters.recorded
        self.started = time.monotonic()
        self.finished = self.started
        self.seconds: list[float] = []
        self.cut_at: datetime | None = None
        self.restored_at: datetime | None = None

    @property
    def recorded(self) -> int:
        return Counters.recorded - self.recorded_before

    def __call__(self, action: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        time.sleep(max(0.0, self.started + self.recorded / EVENTS_PER_SECOND - time.monotonic()))
        self._outage()
        started = time.monotonic()
        result = action(*args, at=timezone.now(), **kwargs)
        self.seconds.append(time.monotonic() - started)
        return result

    def _outage(self) -> None:
        if self.stand.cut_at is None and self.recorded >= CUT_AFTER_EVENTS:
            self.cut_at = timezone.now()
            self.stand.cut()
        elif self.stand.cut_at is not None and self.stand.restored_at is None:
            if time.monotonic() - self.stand.cut_at >= OUTAGE_SECONDS:
                self.restore()

    def finish(self) -> None:
        self.finished = time.monotonic()
        if self.stand.cut_at is not None and self.stand.restored_at is None:
            time.sleep(max(0.0, self.stand.cut_at + OUTAGE_SECONDS - time.monotonic()))
            self.restore()

    def restore(self) -> None:
        self.stand.restore()
        self.restored_at = timezone.now()


def test_broker_outage_loses_and_duplicates_nothing(
    broker_stand: BrokerStand,
    kick_to_broker: KickLog,
    broker_report: dict[str, Any],
    products: list[Product],
    buyer: actions.Buyer,
) -> None:
    broker_stand.start_worker(
        sweep_interval_seconds=SWEEP_INTERVAL_SECONDS,
        sweep_min_age_seconds=SWEEP_MIN_AGE_SECONDS,
    )
    failures_before = Counters.failures
    duplicates_before = Counters.duplicates
    items = [(products[0], 2), (products[1], 1)]
    noted: list[Order] = []
    cancelled: list[Order] = []
    returned: list[Order] = []
    # Per 20 orders, 25 events: 5 orders placed with a note and cancelled at the end of the
    # block (2 events each), 10 cancelled at once and 5 returned in full (1 event each).
    store = StoreLoad(broker_stand)
    for n in range(EVENTS * 4 // 5):
        kind = n % 4
        note = f"Please leave the parcel with the neighbour ({n})." if kind == 0 else ""
        order = store(actions.place_order, buyer, items, note=note)
        if kind == 0:
            noted.append(order)
        elif kind in (1, 2):
            cancelled.append(store(actions.cancel_order, order))
        else:
            store(actions.fulfill_order, order)
            lines = [(line, line.quantity) for line in order.lines.all()]
            store(actions.return_products, order, returned=lines)
            returned.append(order)
        if (n + 1) % 20 == 0:
            for order in noted[-5:]:
                cancelled.append(store(actions.cancel_order, order))
    store.finish()
    assert broker_stand.cut_at is not None
    assert store.cut_at is not None
    assert broker_stand.restored_at is not None
    assert store.restored_at is not None

    drained = _wait_until(lambda: _pending() == 0, DRAIN_TIMEOUT_SECONDS, interval=0.25)
    drained_at = time.monotonic()
    # A warm shutdown lets tasks in flight finish, so every effect is in before counting.
    broker_stand.stop_worker()
    context = broker_stand.log_tail()

    orders = {o.pk for o in [*cancelled, *returned]}
    statuses = dict(
        InboundEvent.objects.values("status").annotate(n=Count("id")).values_list("status", "n")
    )
    latencies = [
        (processed - created).total_seconds()
        for created, processed in InboundEvent.objects.values_list("created_at", "processed_at")
        if processed is not None
    ]
    outage_events = InboundEvent.objects.filter(
        created_at__gte=store.cut_at, created_at__lt=store.restored_at
    )
    backlog_done_at = max(
        (e for e in outage_events.values_list("processed_at", flat=True) if e is not None),
        default=None,
    )
    unkicked = kick_to_broker.unkicked
    unkicked_done = InboundEvent.objects.filter(
        pk__in=unkicked,
        status__in=(InboundEventStatus.PROCESSED, InboundEventStatus.SKIPPED),
    ).count()
    facts = dict(
        TicketEvent.objects.filter(type=TicketEventType.STORE_EVENT)
        .values("parameters__kind")
        .annotate(n=Count("id"))
        .values_list("parameters__kind", "n")
    )
    duplicate_tickets = _duplicates(Ticket.objects.all(), "order_id")
    duplicate_facts = _duplicates(TicketEvent.objects.all(), "dedupe_key")
    recovered = broker_stand.restored_at
    broker_report.update(
        events=store.recorded,
        orders=len(orders),
        tickets=Ticket.objects.count(),
        statuses=statuses,
        facts=facts,
        duplicate_tickets=len(duplicate_tickets),
        duplicate_facts=len(duplicate_facts),
        generation_seconds=round(store.finished - store.started, 2),
        outage_seconds=round(broker_stand.restored_at - broker_stand.cut_at, 2),
        events_during_outage=outage_events.count(),
        outage_backlog_drained_after_recovery_seconds=(
            round((backlog_done_at - store.restored_at).total_seconds(), 2)
            if backlog_done_at
            else None
        ),
        all_drained_after_recovery_seconds=round(drained_at - recovered, 2),
        all_drained_after_last_event_seconds=round(drained_at - store.finished, 2),
        kicks_published=kick_to_broker.published,
        kicks_published_after_recovery=kick_to_broker.count(PUBLISHED, after=recovered),
        kicks_failed=kick_to_broker.failed,
        kicks_skipped_by_breaker=kick_to_broker.skipped,
        kick_max_seconds=round(kick_to_broker.max_seconds, 3),
        events_without_kick=len(unkicked),
        events_without_kick_done=unkicked_done,
        store_actions=len(store.seconds),
        store_action_p50_seconds=round(_percentile(store.seconds, 0.5), 4),
        store_action_p99_seconds=round(_percentile(store.seconds, 0.99), 4),
        store_action_max_seconds=round(max(store.seconds), 3),
        latency_p50_seconds=round(_percentile(latencies, 0.5), 3),
        latency_max_seconds=round(max(latencies, default=0.0), 3),
        processed_over_10_s=sum(1 for s in latencies if s > 10),
    )

    assert drained, f"{_pending()} events still pending after {DRAIN_TIMEOUT_SECONDS} s\n{context}"
    # Every hook call recorded its event once, and no store action failed.
    assert store.recorded == EVENTS
    assert Counters.failures == failures_before
    assert Counters.duplicates == duplicates_before
    assert InboundEvent.objects.count() == EVENTS
    # The outage happened: a publish failed, the breaker skipped kicks, the sweep delivered
    # those events, the backlog was gone within a minute and kicks came back.
    assert kick_to_broker.failed >= 1
    assert kick_to_broker.skipped > 0
    assert unkicked_done == len(unkicked)
    assert outage_events.exists()
    assert backlog_done_at is not None
    assert (backlog_done_at - store.restored_at).total_seconds() < BACKLOG_DRAINED_WITHIN_SECONDS
    assert kick_to_broker.count(PUBLISHED, after=recovered) > 0
    assert kick_to_broker.max_seconds < KICK_BOUND_SECONDS
    # (a) nothing lost: every event processed, or skipped because its fact was already in.
    assert set(statuses) <= {InboundEventStatus.PROCESSED, InboundEventStatus.SKIPPED}, statuses
    skipped_reasons = set(
        InboundEvent.objects.filter(status=InboundEventStatus.SKIPPED).values_list(
            "outcome", flat=True
        )
    )
    assert skipped_reasons <= {"already on a ticket"}
    # (b) one ticket per problem order, and no other.
    assert duplicate_tickets == []
    assert set(Ticket.objects.values_list("order_id", flat=True)) == orders
    assert Ticket.objects.count() == len(orders) == EVENTS * 4 // 5
    assert _duplicates(Ticket.objects.all(), "thread_key") == []
    # (c) each fact once: one cancellation per cancelled order, one note, one return.
    assert duplicate_facts == []
    assert facts == {
        IntakeKind.CANCELLATION: len(cancelled),
        IntakeKind.CUSTOMER_NOTE: len(noted),
        IntakeKind.RETURN: len(returned),
    }
    cancellation_keys = set(
        TicketEvent.objects.filter(
            dedupe_key__startswith=f"{IntakeKind.CANCELLATION}:"
        ).values_list("dedupe_key", flat=True)
    )
    assert cancellation_keys == {f"{IntakeKind.CANCELLATION}:{o.pk}" for o in cancelled}
    assert TicketMessage.objects.filter(author_type=MessageAuthorType.CUSTOMER).count() == len(
        noted
    )
    assert TicketMessage.objects.filter(
        author_type=MessageAuthorType.SYSTEM, is_internal=True
    ).count() == sum(facts.values())


def test_kick_reaches_the_worker_after_commit_without_the_sweep(
    broker_stand: BrokerStand,
    kick_to_broker: KickLog,
    broker_report: dict[str, Any],
    products: list[Product],
    buyer: actions.Buyer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The sweep only takes events older than a minute: whatever gets processed was kicked.
    broker_stand.start_worker(
        sweep_interval_seconds=SWEEP_INTERVAL_SECONDS, sweep_min_age_seconds=60
    )
    items = [(products[0], 1)]
    first = actions.place_order(buyer, items, at=timezone.now())
    second = actions.place_order(buyer, items, at=timezone.now())
    # Cancel in the store without its hooks, then call the desk's hook as Saleor would.
    monkeypatch.setattr(actions, "call_hook", lambda name, obj: None)
    actions.cancel_order(first, at=timezone.now())
    actions.cancel_order(second, at=timezone.now())
    call = signals.HookCall(signals.enabled_kinds(get_host().plugin_configuration()))
    publisher = broker_stand.publisher_proxy
    connections = publisher.accepted

    # Saleor calling the hook inside its transaction: one INSERT, no broker before commit.
    with transaction.atomic():
        with assert_statements(1):
            signals.order_cancelled(first, call)
            signals.order_updated(first, call)
        kick.Publisher.wait_until_idle()
        assert publisher.accepted == connections
        assert kick_to_broker.seconds == []
    # After commit the id goes to the publisher thread, never to the broker in the request.
    kick.Publisher.wait_until_idle()
    assert publisher.accepted > connections
    assert kick_to_broker.published == 1
    assert kick_to_broker.threads == {"support-kick"}
    connections_per_kick = publisher.accepted - connections

    # The usual case, right after the store's commit: one INSERT, then the kick, which
    # reuses the publisher thread's broker connection.
    connections = publisher.accepted
    with assert_statements(1):
        signals.order_cancelled(second, call)
        signals.order_updated(second, call)
    kick.Publisher.wait_until_idle()
    assert publisher.accepted == connections
    assert kick_to_broker.published == 2
    assert kick_to_broker.failed == kick_to_broker.skipped == 0

    events = InboundEvent.objects.filter(order_id__in=[first.pk, second.pk])
    processed = _wait_until(
        lambda: not events.filter(status=InboundEventStatus.PENDING).exists(),
        KICKED_WITHIN_SECONDS,
        interval=0.05,
    )
    latencies = [
        (event.processed_at - event.created_at).total_seconds()
        for event in events
        if event.processed_at is not None
    ]
    broker_report.update(
        kick_seconds=[round(s, 4) for s in kick_to_broker.seconds],
        broker_connections_per_kick=connections_per_kick,
        processed_after_seconds=[round(s, 3) for s in latencies],
    )
    assert processed, f"not processed in {KICKED_WITHIN_SECONDS} s\n{broker_stand.log_tail()}"
    assert {e.status for e in events} == {InboundEventStatus.PROCESSED}
    assert max(latencies) < KICKED_WITHIN_SECONDS
    assert set(Ticket.objects.values_list("order_id", flat=True)) == {first.pk, second.pk}
    assert kick_to_broker.max_seconds < KICK_BOUND_SECONDS
