from django.conf import settings
from django.db import models
from django.utils import timezone

from ..tickets.models import Ticket
from . import ReturnReason, ReturnRequestStatus


class ReturnRequest(models.Model):
    """A customer's request to return items of one order; its ticket carries the talk."""

    ticket = models.OneToOneField(Ticket, on_delete=models.CASCADE, related_name="return_request")
    order_id = models.UUIDField()
    status = models.CharField(
        max_length=16, choices=ReturnRequestStatus.CHOICES, default=ReturnRequestStatus.REQUESTED
    )
    reason = models.CharField(max_length=32, choices=ReturnReason.CHOICES)
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        db_table = "support_return_request"
        indexes = [models.Index(fields=["order_id"], name="support_return_order_idx")]

    def __str__(self) -> str:
        return f"return request {self.pk} for order {self.order_id}"


class ReturnRequestLine(models.Model):
    """One order line to return, with what the order said of it when asked."""

    return_request = models.ForeignKey(
        ReturnRequest, on_delete=models.CASCADE, related_name="lines"
    )
    order_line_id = models.CharField(max_length=64)
    product_name = models.CharField(max_length=386)
    variant_name = models.CharField(max_length=255, blank=True, default="")
    sku = models.CharField(max_length=255, blank=True, default="")
    quantity = models.PositiveIntegerField()

    class Meta:
        db_table = "support_return_request_line"
        ordering = ("pk",)

    def __str__(self) -> str:
        return f"{self.quantity} x {self.product_name}"
