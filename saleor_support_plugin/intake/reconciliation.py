"""Reconciliation: what no hook reported is recorded from the store's own data.

Hooks can be lost (a crash between the store's commit and the hook, a failed insert, a lock
timeout). Every run reads, from a watermark minus an overlap up to a moment the hooks have
surely had their chance:

- order history rows of the types that reveal problems, not yet on any ticket;
- orders placed with a customer note;
- and, a slice per run, customers whose account is gone but whose tickets are not erased.

Rows are recorded with the same keys hooks use where one exists, so nothing is doubled.
"""

import logging
from datetime import datetime, timedelta
from uuid import UUID

from django.db.models import Q
from django.utils import timezone

from ..conf import desk_settings
from ..host import Host, get_host
from ..host.snapshot import OrderEventRecord
from ..tickets import TicketEventType
from ..tickets.models import Ticket, TicketEvent
from . import SourceEventType, StoreOrderEventType
from .models import InboundEvent, IntakeWatermark

logger = logging.getLogger(__name__)

HISTORY_WATERMARK = "order_history"
ACCOUNTS_WATERMARK = "customer_accounts"
RECONCILED_TYPES = tuple(StoreOrderEventType.KIND)
PAGE = 1_000
ACCOUNTS_PER_RUN = 1_000


def reconcile(*, now: datetime | None = None) -> int:
    """Record every store event no hook reported; return how many were recorded."""
    config = desk_settings()
    now = now or timezone.now()
    end = now - timedelta(seconds=config.reconcile_settle_seconds)
    watermark = IntakeWatermark.objects.filter(name=HISTORY_WATERMARK).first()
    start = (watermark.value if watermark else end) - timedelta(
        seconds=config.reconcile_overlap_seconds
    )
    host = get_host()
    recorded = _history_rows(host, start, end) + _noted_orders(host, start, end)
    IntakeWatermark.objects.update_or_create(
        name=HISTORY_WATERMARK,
        defaults={"value": max(end, watermark.value if watermark else end)},
    )
    return recorded + _deleted_accounts(host)


def _record(events: list[InboundEvent]) -> int:
    """Insert the events that are not there yet; return how many were new."""
    if not events:
        return 0
    keys = Q(pk__in=[])
    for event in events:
        keys |= Q(
            source_event_type=event.source_event_type, source_object_id=event.source_object_id
        )
    known = set(
        InboundEvent.objects.filter(keys).values_list("source_event_type", "source_object_id")
    )
    missing = [e for e in events if (e.source_event_type, e.source_object_id) not in known]
    InboundEvent.objects.bulk_create(missing, ignore_conflicts=True)
    return len(missing)


def _history_rows(host: Host, start: datetime, end: datetime) -> int:
    rows: list[OrderEventRecord] = []
    while True:
        page = host.order_events_between(
            start=start,
            end=end,
            types=RECONCILED_TYPES,
            limit=PAGE,
            after=(rows[-1].date, rows[-1].pk) if rows else None,
        )
        rows += page
        if len(page) < PAGE:
            break
    on_tickets = _rows_on_tickets({UUID(r.order_id) for r in rows})
    unrecorded = [r for r in rows if r.pk not in on_tickets]
    count = _record(
        [
            InboundEvent(
                source_event_type=SourceEventType.RECONCILIATION,
                source_object_id=str(r.pk),
                order_id=UUID(r.order_id),
                occurred_at=r.date,
            )
            for r in unrecorded
        ]
    )
    missed = [r for r in unrecorded if r.type not in StoreOrderEventType.WITHOUT_HOOK]
    if count and missed:
        logger.warning(
            "Support desk reconciliation recovered %s events no hook reported.",
            len(missed),
        )
    return count


def _rows_on_tickets(order_ids: set[UUID]) -> set[int]:
    """History row ids already behind a fact on some ticket of these orders."""
    parameters = TicketEvent.objects.filter(
        type=TicketEventType.STORE_EVENT, ticket__order_id__in=order_ids
    ).values_list("parameters", flat=True)
    return {pk for p in parameters for pk in (p or {}).get("order_event_ids", [])}


def _noted_orders(host: Host, start: datetime, end: datetime) -> int:
    orders: list[tuple[str, datetime]] = []
    while True:
        page = host.noted_orders_between(
            start=start,
            end=end,
            limit=PAGE,
            after=(orders[-1][1], orders[-1][0]) if orders else None,
        )
        orders += page
        if len(page) < PAGE:
            break
    return _record(
        [
            InboundEvent(
                source_event_type=SourceEventType.ORDER_CREATED,
                source_object_id=order_id,
                order_id=UUID(order_id),
                occurred_at=created_at,
            )
            for order_id, created_at in orders
        ]
    )


def _deleted_accounts(host: Host) -> int:
    """Check the next slice of customers with unerased tickets for a deleted account."""
    watermark = IntakeWatermark.objects.filter(name=ACCOUNTS_WATERMARK).first()
    after = watermark.position if watermark else 0
    found = list(
        Ticket.objects.filter(customer_account_id__gt=after, anonymised_at__isnull=True)
        .order_by("customer_account_id")
        .values_list("customer_account_id", flat=True)
        .distinct()[:ACCOUNTS_PER_RUN]
    )
    accounts = [account for account in found if account is not None]
    position = accounts[-1] if len(found) == ACCOUNTS_PER_RUN else 0
    IntakeWatermark.objects.update_or_create(
        name=ACCOUNTS_WATERMARK, defaults={"value": timezone.now(), "position": position}
    )
    gone = sorted(set(accounts) - host.existing_user_ids(accounts))
    emails = dict(
        Ticket.objects.filter(customer_account_id__in=gone)
        .order_by("customer_account_id", "-created_at")
        .distinct("customer_account_id")
        .values_list("customer_account_id", "customer_email")
    )
    return _record(
        [
            InboundEvent(
                source_event_type=SourceEventType.CUSTOMER_DELETED,
                source_object_id=str(user_id),
                payload={"user_id": user_id, "email": emails.get(user_id, "")},
                occurred_at=timezone.now(),
            )
            for user_id in gone
        ]
    )
