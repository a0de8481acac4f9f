from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils import timezone

from ..search.vectors import message_vector, ticket_vector
from . import (
    MessageAuthorType,
    TicketChannel,
    TicketEventType,
    TicketPriority,
    TicketStatus,
    TicketTier,
)

TICKET_NUMBER_SEQUENCE = "support_ticket_number_seq"

GIN_PENDING_LIST_LIMIT_KB = 4096
"""Pending-list size of each GIN index (4 MB): small enough that no writer stalls long
merging it, large enough to batch inserts between vacuums."""


class TicketCategory(models.Model):
    slug = models.SlugField(max_length=64, unique=True)
    name = models.CharField(max_length=128)
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "support_ticket_category"
        ordering = ("position", "slug")

    def __str__(self) -> str:
        return self.name


class Ticket(models.Model):
    number = models.BigIntegerField(
        unique=True,
        db_default=models.Func(
            models.Value(TICKET_NUMBER_SEQUENCE),
            function="nextval",
            output_field=models.BigIntegerField(),
        ),
        editable=False,
    )
    subject = models.CharField(max_length=255)
    status = models.CharField(max_length=16, choices=TicketStatus.CHOICES, default=TicketStatus.NEW)
    priority = models.CharField(
        max_length=16, choices=TicketPriority.CHOICES, default=TicketPriority.NORMAL
    )
    priority_rank = models.GeneratedField(
        expression=models.Case(
            *(
                models.When(priority=priority, then=models.Value(rank))
                for priority, rank in TicketPriority.RANK.items()
            ),
            default=models.Value(TicketPriority.RANK[TicketPriority.LOW]),
            output_field=models.SmallIntegerField(),
        ),
        output_field=models.SmallIntegerField(),
        db_persist=True,
    )
    """``TicketPriority.RANK`` of the priority, computed by the database, so queues and lists
    sort by urgency with an index. Read it from a query: ``save()`` does not refresh it."""
    category = models.ForeignKey(TicketCategory, on_delete=models.PROTECT, related_name="tickets")
    channel = models.CharField(max_length=16, choices=TicketChannel.CHOICES)
    tier = models.PositiveSmallIntegerField(choices=TicketTier.CHOICES, default=TicketTier.L1)
    tags = ArrayField(models.CharField(max_length=64), default=list, blank=True)

    customer_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    customer_account_id = models.BigIntegerField(null=True, blank=True)
    """The customer's account id when the ticket was opened; kept when the account is deleted
    (which clears ``customer_user``), so erasure still finds the ticket."""
    customer_email = models.CharField(max_length=254, blank=True, default="")
    customer_name = models.CharField(max_length=255, blank=True, default="")
    language_code = models.CharField(max_length=35, blank=True, default="")
    anonymised_at = models.DateTimeField(null=True, blank=True)

    order_id = models.UUIDField(null=True, blank=True)
    order_number = models.CharField(max_length=64, blank=True, default="")
    order_channel = models.CharField(max_length=255, blank=True, default="")
    order_snapshot = models.JSONField(null=True, blank=True)
    thread_key = models.CharField(max_length=255, null=True, blank=True, unique=True)
    """Set while the ticket is the open store-event thread of an order."""

    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    version = models.PositiveIntegerField(default=1)
    team = models.ForeignKey(
        "saleor_support_plugin.Team",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="tickets",
    )
    """The team (queue) the ticket is routed to; ``None`` until routed (see ``agents``)."""
    merged_into = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="merged_sources"
    )
    """The ticket this one was merged into; its messages and timeline moved there."""

    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)
    first_response_at = models.DateTimeField(null=True, blank=True)
    solved_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    search_text = models.TextField(blank=True, default="")
    """Normalised text the search vector is built from (``search.documents``)."""
    search_vector = models.GeneratedField(
        expression=ticket_vector(), output_field=SearchVectorField(), db_persist=True
    )

    class Meta:
        db_table = "support_ticket"
        indexes = [
            models.Index(fields=["status", "priority"], name="support_ticket_status_idx"),
            models.Index(fields=["order_id"], name="support_ticket_order_idx"),
            models.Index(fields=["customer_user"], name="support_ticket_customer_idx"),
            models.Index(fields=["customer_account_id"], name="support_ticket_account_idx"),
            models.Index(fields=["customer_email"], name="support_ticket_email_idx"),
            models.Index(fields=["-updated_at", "-id"], name="support_ticket_updated_idx"),
            models.Index(fields=["-created_at", "-id"], name="support_ticket_created_idx"),
            models.Index(
                fields=["-priority_rank", "created_at", "id"],
                name="support_ticket_queue_idx",
                condition=models.Q(
                    assignee__isnull=True, status__in=[TicketStatus.NEW, TicketStatus.OPEN]
                ),
            ),
            models.Index(
                fields=["team", "-priority_rank", "created_at", "id"],
                name="support_ticket_team_queue_idx",
                condition=models.Q(
                    assignee__isnull=True, status__in=[TicketStatus.NEW, TicketStatus.OPEN]
                ),
            ),
            GinIndex(
                fields=["tags"],
                name="support_ticket_tags_idx",
                gin_pending_list_limit=GIN_PENDING_LIST_LIMIT_KB,
            ),
            GinIndex(
                fields=["search_vector"],
                name="support_ticket_search_idx",
                gin_pending_list_limit=GIN_PENDING_LIST_LIMIT_KB,
            ),
            GinIndex(
                fields=["order_number"],
                opclasses=["gin_trgm_ops"],
                name="support_ticket_order_trgm_idx",
                gin_pending_list_limit=GIN_PENDING_LIST_LIMIT_KB,
            ),
            GinIndex(
                fields=["customer_email"],
                opclasses=["gin_trgm_ops"],
                name="support_ticket_email_trgm_idx",
                gin_pending_list_limit=GIN_PENDING_LIST_LIMIT_KB,
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.number} {self.subject}"


class TicketMessage(models.Model):
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="messages")
    author_type = models.CharField(max_length=16, choices=MessageAuthorType.CHOICES)
    author_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_internal = models.BooleanField(default=False)
    body_raw = models.TextField()
    """What the author wrote, kept for audits; never rendered."""
    body = models.TextField()
    """The sanitised HTML that is shown."""
    created_at = models.DateTimeField(default=timezone.now)
    redacted_at = models.DateTimeField(null=True, blank=True)
    search_text = models.TextField(blank=True, default="")
    """The body as normalised plain text (``search.documents``)."""
    search_vector = models.GeneratedField(
        expression=message_vector(), output_field=SearchVectorField(), db_persist=True
    )

    class Meta:
        db_table = "support_ticket_message"
        ordering = ("created_at", "id")
        indexes = [
            models.Index(fields=["ticket", "created_at", "id"], name="support_message_ticket_idx"),
            GinIndex(
                fields=["search_vector"],
                name="support_message_search_idx",
                gin_pending_list_limit=GIN_PENDING_LIST_LIMIT_KB,
            ),
        ]

    def __str__(self) -> str:
        return f"{self.author_type} message on ticket {self.ticket_id}"


class TicketEvent(models.Model):
    """One line of a ticket's append-only timeline; parameters hold ids, no personal data."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="events")
    type = models.CharField(max_length=32, choices=TicketEventType.CHOICES)
    parameters = models.JSONField(default=dict, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    dedupe_key = models.CharField(max_length=255, null=True, blank=True, unique=True)
    """Set for store events, so a fact lands on a ticket once whatever path reports it."""
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "support_ticket_event"
        ordering = ("created_at", "id")
        indexes = [
            models.Index(fields=["ticket", "created_at", "id"], name="support_event_ticket_idx")
        ]

    def __str__(self) -> str:
        return f"{self.type} on ticket {self.ticket_id}"


class ErasedCustomer(models.Model):
    """A customer whose data was erased, by e-mail hash, so it is not stored again later."""

    email_hash = models.CharField(max_length=64, unique=True)
    erased_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "support_erased_customer"

    def __str__(self) -> str:
        return f"erased {self.email_hash[:12]}"


class TicketAccessToken(models.Model):
    """A guest's key to one ticket; only a hash of the token is stored, it is shown once."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="access_tokens")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "support_ticket_access_token"

    def __str__(self) -> str:
        return f"access token {self.pk} of ticket {self.ticket_id}"
