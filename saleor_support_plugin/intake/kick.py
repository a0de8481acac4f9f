"""Best-effort hand-off of a recorded event to a worker, off the store's request path.

The sweep delivers whatever a kick misses, so a kick may be skipped at any time: when
Celery runs eagerly, when the breaker is open after a broker failure, when the publisher's
queue is full or its process dies, or when disabled.
"""

import logging
import os
import queue
import threading
import time
from typing import Any

from ..conf import KICK_INLINE, KICK_OFF, desk_settings

logger = logging.getLogger(__name__)

BREAKER_SECONDS = 30.0
TIMEOUT_SECONDS = 0.5
"""Longest a kick waits for the broker to connect or to answer, per attempt."""


class Breaker:
    """Per-process: after a failed publish, kicks are skipped for ``BREAKER_SECONDS``."""

    _lock = threading.Lock()
    open_until = 0.0

    @classmethod
    def is_open(cls) -> bool:
        return time.monotonic() < cls.open_until

    @classmethod
    def trip(cls) -> None:
        with cls._lock:
            cls.open_until = time.monotonic() + BREAKER_SECONDS

    @classmethod
    def reset(cls) -> None:
        with cls._lock:
            cls.open_until = 0.0


def runs_eagerly(app: Any) -> bool:
    """Whether Celery runs tasks in the caller (no broker configured, Saleor's default)."""
    return bool(app.conf.task_always_eager)


def kick(event_id: int) -> None:
    """Start processing of one inbound event soon, without any network call in the caller.

    Runs after the store's commit, in its request: the event id goes to this process's
    publisher thread (or, in ``inline`` mode, is processed right here).
    """
    mode = desk_settings().kick
    if mode == KICK_OFF:
        return
    from ..tasks import process_inbound_event_task  # noqa: PLC0415  # tasks import the domain

    if mode == KICK_INLINE:
        try:
            process_inbound_event_task.run(event_id)
        except Exception:
            logger.exception("Support desk inline processing of event %s failed.", event_id)
        return
    if runs_eagerly(process_inbound_event_task.app):
        return
    Publisher.submit(event_id)


class Publisher:
    """A per-process thread that publishes kicked event ids to the broker.

    The queue is bounded and lives in memory: what a full queue refuses, or a dying process
    holds, the sweep delivers.
    """

    QUEUE_SIZE = 10_000
    _lock = threading.Lock()
    _queue: "queue.Queue[int] | None" = None
    _pid: int | None = None
    dropped = 0

    @classmethod
    def submit(cls, event_id: int) -> None:
        try:
            cls._ensure_started().put_nowait(event_id)
        except queue.Full:
            cls.dropped += 1

    @classmethod
    def _ensure_started(cls) -> "queue.Queue[int]":
        with cls._lock:
            if cls._queue is None or cls._pid != os.getpid():  # a forked child needs its own
                cls._queue = queue.Queue(maxsize=cls.QUEUE_SIZE)
                cls._pid = os.getpid()
                threading.Thread(
                    target=cls._run, args=(cls._queue,), name="support-kick", daemon=True
                ).start()
            return cls._queue

    @staticmethod
    def _run(events: "queue.Queue[int]") -> None:
        while True:
            event_id = events.get()
            try:
                publish(event_id)
            except Exception:
                logger.exception("Support desk kick of event %s failed.", event_id)
            finally:
                events.task_done()

    @classmethod
    def wait_until_idle(cls) -> None:
        """Block until every submitted id was published or given up (tests, shutdown)."""
        if cls._queue is not None and cls._pid == os.getpid():
            cls._queue.join()


def publish(event_id: int) -> None:
    """Publish one event id to the worker, bounded in time, unless the breaker is open."""
    from ..tasks import process_inbound_event_task  # noqa: PLC0415  # tasks import the domain

    if Breaker.is_open():
        return
    app = process_inbound_event_task.app
    options: dict[str, Any] = {"retry": False}
    queue_name = desk_settings().celery_queue
    if queue_name:
        options["queue"] = queue_name
    for attempt in (1, 2):
        connection, reused = _connection(app)
        options["connection"] = connection
        try:
            process_inbound_event_task.apply_async((event_id,), **options)
        except Exception:
            _discard_connection()
            if reused and attempt == 1:
                continue  # the kept connection went stale (broker restarted): one fresh try
            Breaker.trip()
            logger.warning(
                "Support desk could not publish event %s; the sweep will process it.",
                event_id,
                exc_info=True,
            )
        return


_local = threading.local()


def _connection(app: Any) -> tuple[Any, bool]:
    """Return this thread's broker connection for kicks (bounded timeouts) and if it is reused."""
    connection = getattr(_local, "connection", None)
    if connection is not None and getattr(_local, "app", None) is app:
        return connection, True
    _discard_connection()
    connection = app.connection_for_write(
        connect_timeout=TIMEOUT_SECONDS,
        transport_options={
            "socket_timeout": TIMEOUT_SECONDS,
            "socket_connect_timeout": TIMEOUT_SECONDS,
            "max_retries": 0,
        },
    )
    _local.connection, _local.app = connection, app
    return connection, False


def _discard_connection() -> None:
    connection = getattr(_local, "connection", None)
    _local.connection = None
    if connection is not None:
        try:
            connection.close()
        except Exception:  # noqa: BLE001  # closing a broken connection may fail too
            logger.debug("Closing a broken kick connection failed.", exc_info=True)
