"""Best-effort hand-off of a recorded event to a worker, bounded in time.

The sweep delivers whatever a kick misses, so a kick may be skipped at any time: when
Celery runs eagerly, when the breaker is open after a broker failure, or when disabled.
"""

import logging
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
    """Start processing of one inbound event now, if that can be done cheaply."""
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
    app = process_inbound_event_task.app
    if runs_eagerly(app) or Breaker.is_open():
        return
    options: dict[str, Any] = {"retry": False}
    queue = desk_settings().celery_queue
    if queue:
        options["queue"] = queue
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
