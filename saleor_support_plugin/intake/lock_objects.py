"""Row locks for intake, taken only here."""

from uuid import UUID

from django.db.models import QuerySet

from . import InboundEventStatus
from .models import InboundEvent, OrderScanCursor


def pending_inbound_event_qs_select_for_update() -> QuerySet[InboundEvent]:
    """Pending rows, skipping those another worker holds."""
    return InboundEvent.objects.filter(status=InboundEventStatus.PENDING).select_for_update(
        skip_locked=True
    )


def order_scan_cursor_select_for_update(order_id: UUID) -> OrderScanCursor:
    """Lock (creating it first if needed) the cursor row that serialises work on one order."""
    OrderScanCursor.objects.bulk_create([OrderScanCursor(order_id=order_id)], ignore_conflicts=True)
    return OrderScanCursor.objects.select_for_update().get(order_id=order_id)
