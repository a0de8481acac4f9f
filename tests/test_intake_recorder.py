import uuid
from datetime import UTC, datetime

import psycopg
import pytest
from django.db import connection, transaction

from saleor_support_plugin.intake import kick
from saleor_support_plugin.intake.models import InboundEvent
from saleor_support_plugin.intake.recorder import Counters, record_inbound_event
from tests.query_counts import assert_statements, capture_statements

WHEN = datetime(2026, 11, 2, 10, 30, tzinfo=UTC)


def _record(object_id="1", **kwargs):
    return record_inbound_event("order_cancelled", object_id, occurred_at=WHEN, **kwargs)


def test_recording_is_one_insert(db):
    # given
    order_id = uuid.uuid4()

    # when
    with assert_statements(1) as captured:
        event_id = _record(str(order_id), order_id=order_id)

    # then
    assert captured.statements[0].startswith("INSERT INTO support_inbound_event")
    event = InboundEvent.objects.get()
    assert event.pk == event_id
    assert (event.source_event_type, event.source_object_id) == ("order_cancelled", str(order_id))
    assert event.order_id == order_id
    assert event.occurred_at == WHEN
    assert (event.status, event.attempts, event.payload, event.last_error) == ("pending", 0, {}, "")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_own_transaction_does_not_wait_for_its_disk_flush():
    # given: no surrounding transaction, as when Saleor calls a hook after its commit
    with capture_statements() as captured:
        _record()

    # then
    sql = [q["sql"] for q in captured._context.captured_queries]
    assert "SET LOCAL lock_timeout = '200ms'; SET LOCAL synchronous_commit = off" in sql
    assert InboundEvent.objects.count() == 1


def test_recording_twice_keeps_one_row(db):
    first = _record()
    with assert_statements(1):
        second = _record()

    assert first is not None
    assert second is None
    assert InboundEvent.objects.count() == 1


def test_the_lock_timeout_is_set_for_the_insert_only(db):
    # given: the caller has a transaction of its own
    with transaction.atomic(), capture_statements() as captured:
        _record()
        with connection.cursor() as cursor:
            cursor.execute("SHOW lock_timeout")
            after = cursor.fetchone()[0]

    # then
    sql = [q["sql"] for q in captured._context.captured_queries]
    assert "SET LOCAL lock_timeout = '200ms'" in sql  # the caller's commit stays durable
    assert "SET LOCAL lock_timeout TO DEFAULT" in sql
    assert after == "0"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_locked_outbox_gives_up_quickly_and_never_raises(caplog):
    # given: something holds the outbox table
    failures = Counters.failures
    params = connection.get_connection_params()
    with psycopg.connect(**params, autocommit=False) as other:
        other.execute("LOCK TABLE support_inbound_event IN ACCESS EXCLUSIVE MODE")

        # when
        started = datetime.now(tz=UTC)
        result = _record()
        waited = (datetime.now(tz=UTC) - started).total_seconds()

    # then
    assert result is None
    assert waited < 1.0
    assert Counters.failures == failures + 1
    assert InboundEvent.objects.count() == 0
    assert "reconciliation will recover it" in caplog.text


def test_a_failed_insert_inside_a_caller_transaction_leaves_it_usable(db, monkeypatch):
    # given
    from saleor_support_plugin.intake import recorder

    monkeypatch.setattr(recorder, "INSERT_SQL", "INSERT INTO no_such_table VALUES (%s)")

    # when
    with transaction.atomic():
        result = _record()
        still_usable = InboundEvent.objects.count()

    # then
    assert result is None
    assert still_usable == 0


def test_the_kick_runs_after_commit_only(db, django_capture_on_commit_callbacks, monkeypatch):
    # given
    kicked: list[int] = []
    monkeypatch.setattr(kick, "kick", kicked.append)

    # when
    with django_capture_on_commit_callbacks() as callbacks:
        event_id = _record()
        assert kicked == []

    # then
    assert len(callbacks) == 1
    callbacks[0]()
    assert kicked == [event_id]


def test_no_kick_for_a_duplicate(db, django_capture_on_commit_callbacks):
    _record()
    with django_capture_on_commit_callbacks() as callbacks:
        _record()

    assert callbacks == []


def test_kick_inline_processes_at_once(order_generator, store, settings):
    # given
    from saleor_support_plugin.tickets.models import Ticket

    settings.SUPPORT_DESK = {**settings.SUPPORT_DESK, "KICK": "inline"}
    order = order_generator()

    # when
    store.cancel_order(order, at=order.created_at)

    # then
    assert InboundEvent.objects.get().status == "processed"
    assert Ticket.objects.count() == 1


def test_kick_auto_skips_when_celery_is_eager(db, settings, monkeypatch):
    # given
    from saleor_support_plugin.tasks import process_inbound_event_task

    settings.SUPPORT_DESK = {**settings.SUPPORT_DESK, "KICK": "auto"}
    published: list[object] = []
    monkeypatch.setattr(process_inbound_event_task, "apply_async", published.append)
    assert process_inbound_event_task.app.conf.task_always_eager is True

    # when
    kick.kick(1)

    # then
    assert published == []


def test_kick_failure_opens_the_breaker(db, settings, monkeypatch):
    # given
    from saleor_support_plugin.tasks import process_inbound_event_task

    settings.SUPPORT_DESK = {**settings.SUPPORT_DESK, "KICK": "auto"}
    calls = []

    def refuse(*args, **kwargs):
        calls.append(args)
        raise ConnectionRefusedError("broker down")

    monkeypatch.setattr(process_inbound_event_task, "apply_async", refuse)
    kick.Breaker.reset()

    # when
    kick.publish(1)
    kick.publish(2)

    # then: the second kick is skipped without trying
    assert len(calls) == 1
    assert kick.Breaker.is_open()
    kick.Breaker.reset()


def test_kicks_reuse_one_connection_and_retry_once_when_it_went_stale(db, settings, monkeypatch):
    # given
    from saleor_support_plugin.tasks import process_inbound_event_task

    settings.SUPPORT_DESK = {**settings.SUPPORT_DESK, "KICK": "auto"}
    connections: list[object] = []
    outcomes = iter(["ok", "ok", "stale", "ok"])

    def publish(args, **options):
        connections.append(options["connection"])
        if next(outcomes) == "stale":
            raise ConnectionResetError("broker restarted")

    monkeypatch.setattr(process_inbound_event_task, "apply_async", publish)
    kick.Breaker.reset()
    kick._discard_connection()

    # when
    for event_id in (1, 2, 3):
        kick.publish(event_id)

    # then: 1 and 2 share a connection, 3 fails on it and succeeds on a fresh one
    assert len(connections) == 4
    assert connections[0] is connections[1] is connections[2]
    assert connections[3] is not connections[2]
    assert not kick.Breaker.is_open()
    kick._discard_connection()


def test_kicks_leave_the_request_thread_at_once_and_publish_on_their_own(db, settings, monkeypatch):
    # given: a slow broker
    import threading
    import time

    settings.SUPPORT_DESK = {**settings.SUPPORT_DESK, "KICK": "auto"}
    monkeypatch.setattr(kick, "runs_eagerly", lambda app: False)
    published: list[tuple[int, str]] = []

    def slow_publish(event_id: int) -> None:
        time.sleep(0.2)
        published.append((event_id, threading.current_thread().name))

    monkeypatch.setattr(kick, "publish", slow_publish)

    # when
    started = time.monotonic()
    kick.kick(7)
    kick.kick(8)
    returned_after = time.monotonic() - started
    kick.Publisher.wait_until_idle()

    # then
    assert returned_after < 0.05
    assert published == [(7, "support-kick"), (8, "support-kick")]
