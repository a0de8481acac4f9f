"""The hook side of intake: one guarded INSERT, then a best-effort kick after commit.

Nothing here may raise into the store's request, read other rows, render, serialise
personal data beyond the one field a deletion needs, or talk to the network.
"""

import json
import logging
from datetime import datetime
from functools import partial
from typing import Any
from uuid import UUID

from django.db import connection, transaction
from django.utils import timezone

from ..conf import desk_settings
from . import kick

logger = logging.getLogger(__name__)

INSERT_SQL = (
    "INSERT INTO support_inbound_event"
    " (source_event_type, source_object_id, order_id, payload, occurred_at)"
    " VALUES (%s, %s, %s, %s::jsonb, %s)"
    " ON CONFLICT (source_event_type, source_object_id) DO NOTHING"
    " RETURNING id"
)


class Counters:
    """Per-process counts of hook outcomes, for logs and benchmarks."""

    recorded = 0
    duplicates = 0
    failures = 0


def record_inbound_event(
    source_event_type: str,
    source_object_id: str,
    *,
    order_id: UUID | str | None = None,
    payload: dict[str, Any] | None = None,
    occurred_at: datetime | None = None,
) -> int | None:
    """Record a store event; return the new row's id, or ``None`` (duplicate or failure).

    Never raises: a failure is logged and counted, and reconciliation recovers the event.
    """
    try:
        return _insert(
            source_event_type,
            source_object_id,
            order_id=order_id,
            payload=payload,
            occurred_at=occurred_at or timezone.now(),
        )
    except Exception:
        Counters.failures += 1
        logger.exception(
            "Support desk could not record %s %s; reconciliation will recover it.",
            source_event_type,
            source_object_id,
        )
        return None


def _insert(
    source_event_type: str,
    source_object_id: str,
    *,
    order_id: UUID | str | None,
    payload: dict[str, Any] | None,
    occurred_at: datetime,
) -> int | None:
    timeout_ms = desk_settings().hook_lock_timeout_ms
    nested = connection.in_atomic_block
    params = [
        source_event_type,
        source_object_id,
        str(order_id) if order_id else None,
        json.dumps(payload or {}),
        occurred_at,
    ]
    with transaction.atomic():
        with connection.cursor() as cursor:
            settings_sql = f"SET LOCAL lock_timeout = '{int(timeout_ms)}ms'"
            if not nested:
                # Our own transaction need not wait for its disk flush: a row lost in a
                # database crash is recorded again by reconciliation.
                settings_sql += "; SET LOCAL synchronous_commit = off"
            cursor.execute(settings_sql)
            cursor.execute(INSERT_SQL, params)
            row = cursor.fetchone()
            if nested:
                # Releasing our savepoint would keep the timeout for the caller's transaction.
                cursor.execute("SET LOCAL lock_timeout TO DEFAULT")
        if row is None:
            Counters.duplicates += 1
            return None
        event_id = int(row[0])
        transaction.on_commit(partial(kick.kick, event_id), robust=True)
    Counters.recorded += 1
    return event_id
