from datetime import timedelta
from unittest import mock

import psycopg
import pytest
from django.db import connection
from django.utils import timezone

from saleor_support_plugin.intake import InboundEventStatus
from saleor_support_plugin.intake.actions import (
    process_inbound_event,
    requeue_dead_events,
    sweep_inbound_events,
)
from saleor_support_plugin.intake.models import InboundEvent
from saleor_support_plugin.tickets.models import Ticket

BROKEN = "saleor_support_plugin.intake.actions.apply_facts"


@pytest.fixture
def cancelled_event(order_generator, store):
    order = order_generator(at=timezone.now() - timedelta(hours=1))
    store.cancel_order(order, at=timezone.now() - timedelta(minutes=30))
    return InboundEvent.objects.get()


def test_a_failure_is_kept_with_its_error_and_retried_later(cancelled_event):
    # when
    with mock.patch(BROKEN, side_effect=RuntimeError("database hiccup")):
        status = process_inbound_event(cancelled_event.pk)

    # then
    cancelled_event.refresh_from_db()
    assert status == InboundEventStatus.PENDING
    assert cancelled_event.attempts == 1
    assert cancelled_event.last_error == "RuntimeError: database hiccup"
    delay = (cancelled_event.next_attempt_at - timezone.now()).total_seconds()
    assert 7 <= delay <= 12
    assert Ticket.objects.count() == 0


def test_the_sweep_waits_for_the_retry_time(cancelled_event, settings):
    # given
    settings.SUPPORT_DESK = {**settings.SUPPORT_DESK, "SWEEP_MIN_AGE_SECONDS": 0}
    with mock.patch(BROKEN, side_effect=RuntimeError("boom")):
        process_inbound_event(cancelled_event.pk)

    # when
    early = sweep_inbound_events()
    InboundEvent.objects.update(next_attempt_at=timezone.now())
    due = sweep_inbound_events()

    # then
    assert (early, due) == (0, 1)
    cancelled_event.refresh_from_db()
    assert cancelled_event.status == InboundEventStatus.PROCESSED
    assert cancelled_event.last_error == ""
    assert Ticket.objects.count() == 1


def test_the_sweep_leaves_fresh_events_to_their_kick(cancelled_event):
    InboundEvent.objects.update(created_at=timezone.now())

    assert sweep_inbound_events() == 0

    InboundEvent.objects.update(created_at=timezone.now() - timedelta(seconds=11))
    assert sweep_inbound_events() == 1


def test_repeated_failure_becomes_a_visible_dead_letter_and_can_be_requeued(
    cancelled_event, caplog
):
    # given
    with mock.patch(BROKEN, side_effect=ValueError("bad data")):
        for _ in range(5):
            InboundEvent.objects.update(next_attempt_at=timezone.now())
            process_inbound_event(cancelled_event.pk)

    # then
    cancelled_event.refresh_from_db()
    assert cancelled_event.status == InboundEventStatus.DEAD
    assert cancelled_event.attempts == 5
    assert cancelled_event.last_error == "ValueError: bad data"
    assert [r.levelname for r in caplog.records if "dead letter" in r.getMessage()] == ["ERROR"]
    assert process_inbound_event(cancelled_event.pk) is None

    # when
    requeued = requeue_dead_events()
    status = process_inbound_event(cancelled_event.pk)

    # then
    assert requeued == 1
    assert status == InboundEventStatus.PROCESSED
    assert Ticket.objects.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_locked_event_is_left_to_its_holder(cancelled_event):
    # given: another worker holds the row
    params = connection.get_connection_params()
    with psycopg.connect(**params, autocommit=False) as other:
        other.execute(
            "SELECT id FROM support_inbound_event WHERE id = %s FOR UPDATE", [cancelled_event.pk]
        )

        # when
        status = process_inbound_event(cancelled_event.pk)

    # then
    assert status is None
    cancelled_event.refresh_from_db()
    assert cancelled_event.status == InboundEventStatus.PENDING


def test_default_categories_survive_transactional_tests(db):
    from saleor_support_plugin.tickets.models import TicketCategory

    assert TicketCategory.objects.count() == 10


def test_deliveries_lost_with_their_worker_end_as_a_dead_letter(cancelled_event, caplog):
    # given: five deliveries were counted, and each worker died before recording anything
    InboundEvent.objects.filter(pk=cancelled_event.pk).update(attempts=5)

    # when
    status = process_inbound_event(cancelled_event.pk)

    # then
    assert status is None
    cancelled_event.refresh_from_db()
    assert cancelled_event.status == InboundEventStatus.DEAD
    assert cancelled_event.attempts == 5
    assert cancelled_event.last_error == "every delivery so far was lost with its worker"
    assert Ticket.objects.count() == 0


def test_a_fresh_claim_of_another_worker_is_left_alone(cancelled_event):
    # given: another worker claimed the event a moment ago and is processing it
    InboundEvent.objects.filter(pk=cancelled_event.pk).update(attempts=1, claimed_at=timezone.now())

    # when
    status = process_inbound_event(cancelled_event.pk)

    # then: no second delivery is counted
    assert status is None
    cancelled_event.refresh_from_db()
    assert (cancelled_event.status, cancelled_event.attempts) == (InboundEventStatus.PENDING, 1)


def test_a_stale_claim_counts_as_a_lost_delivery_and_is_taken_over(cancelled_event):
    # given: a worker claimed the event two minutes ago and never finished
    InboundEvent.objects.filter(pk=cancelled_event.pk).update(
        attempts=1, claimed_at=timezone.now() - timedelta(minutes=2)
    )

    # when
    status = process_inbound_event(cancelled_event.pk)

    # then
    assert status == InboundEventStatus.PROCESSED
    cancelled_event.refresh_from_db()
    assert (cancelled_event.attempts, cancelled_event.claimed_at) == (2, None)
