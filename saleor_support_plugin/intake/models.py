from django.db import models
from django.db.models.functions import Now

from ..tickets.models import Ticket
from . import InboundEventStatus


class InboundEvent(models.Model):
    """The outbox of store events: one row per hook call, written in one INSERT."""

    source_event_type = models.CharField(max_length=64)
    source_object_id = models.CharField(max_length=255)
    order_id = models.UUIDField(null=True, blank=True)
    payload = models.JSONField(db_default=models.Value({}, output_field=models.JSONField()))
    """What cannot be read later (a deleted customer's e-mail); emptied once processed."""
    occurred_at = models.DateTimeField()
    status = models.CharField(
        max_length=16,
        choices=InboundEventStatus.CHOICES,
        db_default=InboundEventStatus.PENDING,
    )
    attempts = models.PositiveSmallIntegerField(db_default=0)
    last_error = models.TextField(db_default="", blank=True)
    outcome = models.CharField(max_length=255, db_default="", blank=True)
    next_attempt_at = models.DateTimeField(db_default=Now())
    claimed_at = models.DateTimeField(null=True, blank=True)
    """When a worker took the event on; cleared when it is done with it."""
    created_at = models.DateTimeField(db_default=Now())
    processed_at = models.DateTimeField(null=True, blank=True)
    ticket = models.ForeignKey(
        Ticket, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        db_table = "support_inbound_event"
        constraints = [
            models.UniqueConstraint(
                fields=["source_event_type", "source_object_id"],
                name="support_inbound_event_source_uniq",
            )
        ]
        indexes = [
            models.Index(
                fields=["next_attempt_at", "id"],
                name="support_inbound_pending_idx",
                condition=models.Q(status=InboundEventStatus.PENDING),
            ),
            models.Index(
                fields=["-created_at"],
                name="support_inbound_dead_idx",
                condition=models.Q(status=InboundEventStatus.DEAD),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source_event_type}:{self.source_object_id} ({self.status})"


class OrderScanCursor(models.Model):
    """The newest order history row already read for an order; serialises work per order."""

    order_id = models.UUIDField(primary_key=True)
    last_event_pk = models.BigIntegerField(default=0)
    updated_at = models.DateTimeField(db_default=Now())

    class Meta:
        db_table = "support_order_scan_cursor"

    def __str__(self) -> str:
        return f"{self.order_id} @ {self.last_event_pk}"


class IntakeWatermark(models.Model):
    """How far a periodic job has read (reconciliation of order history)."""

    name = models.CharField(max_length=64, primary_key=True)
    value = models.DateTimeField()
    position = models.BigIntegerField(default=0)
    """For jobs that walk ids rather than time: the last id done."""

    class Meta:
        db_table = "support_intake_watermark"

    def __str__(self) -> str:
        return f"{self.name} @ {self.value.isoformat()}"
