from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

from ..tickets import TicketPriority, TicketStatus
from ..tickets.models import Ticket, TicketCategory, TicketMessage
from . import MacroAssignment, MacroVisibility


class Macro(models.Model):
    """A reply template; its field changes are explicit columns, empty when not changed."""

    name = models.CharField(max_length=128)
    group = models.CharField(max_length=64, blank=True, default="")
    """Free label agents group macros by in the picker (``Delivery``, ``Refunds``)."""
    position = models.PositiveSmallIntegerField(default=0)
    visibility = models.CharField(max_length=16, choices=MacroVisibility.CHOICES)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    """The agent a personal macro belongs to; ``None`` for shared macros."""
    is_active = models.BooleanField(default=True)

    set_status = models.CharField(
        max_length=16, choices=TicketStatus.CHOICES, null=True, blank=True
    )
    set_priority = models.CharField(
        max_length=16, choices=TicketPriority.CHOICES, null=True, blank=True
    )
    set_category = models.ForeignKey(
        TicketCategory, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    add_tags = ArrayField(models.CharField(max_length=64), default=list, blank=True)
    remove_tags = ArrayField(models.CharField(max_length=64), default=list, blank=True)
    assignment = models.CharField(
        max_length=16, choices=MacroAssignment.CHOICES, default=MacroAssignment.KEEP
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    """The agent ``MacroAssignment.USER`` gives tickets to."""

    usage_count = models.PositiveIntegerField(default=0)
    last_used_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "support_macro"
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                condition=models.Q(visibility=MacroVisibility.SHARED),
                name="support_macro_shared_name_uniq",
            ),
            models.UniqueConstraint(
                "owner",
                Lower("name"),
                condition=models.Q(visibility=MacroVisibility.PERSONAL),
                name="support_macro_personal_name_uniq",
            ),
        ]
        indexes = [
            models.Index(fields=["position", "id"], name="support_macro_position_idx"),
            models.Index(
                fields=["owner", "position", "id"],
                name="support_macro_personal_idx",
                condition=models.Q(visibility=MacroVisibility.PERSONAL),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class MacroTranslation(models.Model):
    """A macro's text in one language; ``language_code`` ``""`` is the default text."""

    macro = models.ForeignKey(Macro, on_delete=models.CASCADE, related_name="translations")
    language_code = models.CharField(max_length=35, blank=True, default="")
    body = models.TextField()
    """HTML (the message allowlist) with ``{{ variable }}`` placeholders."""

    class Meta:
        db_table = "support_macro_translation"
        ordering = ("language_code",)
        constraints = [
            models.UniqueConstraint(
                fields=["macro", "language_code"], name="support_macro_translation_uniq"
            )
        ]

    def __str__(self) -> str:
        return f"{self.macro_id} [{self.language_code or 'default'}]"


class MacroUsage(models.Model):
    """One application of a macro to a ticket, for reports: which macro, by whom, when."""

    macro = models.ForeignKey(Macro, on_delete=models.CASCADE, related_name="usages")
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="+")
    message = models.ForeignKey(
        TicketMessage, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    language_code = models.CharField(max_length=35, blank=True, default="")
    """Language of the text that was sent (``""``: the default text)."""
    used_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "support_macro_usage"
        indexes = [
            models.Index(fields=["macro", "used_at"], name="support_macro_usage_idx"),
            models.Index(fields=["ticket"], name="support_macro_usage_ticket_idx"),
        ]

    def __str__(self) -> str:
        return f"macro {self.macro_id} on ticket {self.ticket_id}"
