from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone

from ..tickets import TicketChannel
from ..tickets.models import Ticket, TicketCategory
from . import (
    DEFAULT_WARNING_PERCENT,
    MINUTES_PER_DAY,
    BreachAction,
    ClockKind,
    ClockStatus,
    Weekday,
)


class BusinessCalendar(models.Model):
    """When the desk works: weekly opening intervals in a time zone, minus holidays."""

    name = models.CharField(max_length=128, unique=True)
    time_zone = models.CharField(max_length=64)
    """IANA name, e.g. ``Europe/Bucharest``; intervals and holidays are in its local time."""
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "support_business_calendar"
        ordering = ("name", "pk")

    def __str__(self) -> str:
        return self.name


class OpeningInterval(models.Model):
    """One opening on a weekday, from ``start_minute`` to ``end_minute`` of local wall time."""

    calendar = models.ForeignKey(
        BusinessCalendar, on_delete=models.CASCADE, related_name="intervals"
    )
    weekday = models.PositiveSmallIntegerField(choices=Weekday.CHOICES)
    start_minute = models.PositiveSmallIntegerField()
    end_minute = models.PositiveSmallIntegerField()
    """Up to 1440 (24:00, the end of the day)."""

    class Meta:
        db_table = "support_business_calendar_interval"
        ordering = ("weekday", "start_minute", "pk")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    weekday__lte=Weekday.SUNDAY,
                    start_minute__lt=models.F("end_minute"),
                    end_minute__lte=MINUTES_PER_DAY,
                ),
                name="support_calendar_interval_valid",
            )
        ]

    def __str__(self) -> str:
        return f"{self.weekday} {self.start_minute}-{self.end_minute}"


class Holiday(models.Model):
    """A local date on which the calendar is closed all day."""

    calendar = models.ForeignKey(
        BusinessCalendar, on_delete=models.CASCADE, related_name="holidays"
    )
    date = models.DateField()
    name = models.CharField(max_length=128, blank=True, default="")

    class Meta:
        db_table = "support_business_calendar_holiday"
        ordering = ("date", "pk")
        constraints = [
            models.UniqueConstraint(fields=["calendar", "date"], name="support_holiday_unique")
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.name}"


class SlaPolicy(models.Model):
    """Targets for tickets meeting every condition (an empty condition is any value).

    Policies are tried by ``position`` (then id); the first active one that matches applies.
    Targets are business minutes on ``calendar``; ``None`` means no target of that kind.
    """

    name = models.CharField(max_length=128, unique=True)
    position = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(default=True)
    priorities = ArrayField(models.CharField(max_length=16), default=list, blank=True)
    channels = ArrayField(models.CharField(max_length=16), default=list, blank=True)
    categories: "models.ManyToManyField[TicketCategory, models.Model]" = models.ManyToManyField(
        TicketCategory, blank=True, related_name="+", db_table="support_sla_policy_category"
    )
    order_channels = ArrayField(models.CharField(max_length=255), default=list, blank=True)
    """Slugs of the store's sales channels the ticket's order was placed in."""
    calendar = models.ForeignKey(BusinessCalendar, on_delete=models.PROTECT, related_name="+")
    first_response_minutes = models.PositiveIntegerField(null=True, blank=True)
    next_response_minutes = models.PositiveIntegerField(null=True, blank=True)
    resolution_minutes = models.PositiveIntegerField(null=True, blank=True)
    warning_percent = models.PositiveSmallIntegerField(default=DEFAULT_WARNING_PERCENT)
    """Share of a target after which the clock warns (1-99)."""
    breach_actions = ArrayField(
        models.CharField(max_length=32, choices=BreachAction.CHOICES), default=list, blank=True
    )
    """What the sweep does, in this order, when a clock of the policy breaches."""
    notify_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    """The lead ``NOTIFY_LEAD`` names; when empty, a lead of the ticket's team."""
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "support_sla_policy"
        ordering = ("position", "pk")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(warning_percent__gte=1, warning_percent__lte=99),
                name="support_sla_policy_warning_percent",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def target_minutes(self, kind: str) -> int | None:
        return {
            ClockKind.FIRST_RESPONSE: self.first_response_minutes,
            ClockKind.NEXT_RESPONSE: self.next_response_minutes,
            ClockKind.RESOLUTION: self.resolution_minutes,
        }[kind]


class SlaReportingTarget(models.Model):
    """A service level for reports only, e.g. phone: 80 % of calls answered within 20 s.

    Tickets do not measure call or chat waits; the numbers are kept for reporting.
    """

    channel = models.CharField(max_length=16, choices=TicketChannel.CHOICES, unique=True)
    answer_within_seconds = models.PositiveIntegerField()
    share_percent = models.PositiveSmallIntegerField()
    """Share of contacts (1-100) that should be answered within the time."""
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "support_sla_reporting_target"
        ordering = ("channel",)
        constraints = [
            models.CheckConstraint(
                condition=models.Q(share_percent__gte=1, share_percent__lte=100),
                name="support_sla_reporting_share",
            )
        ]

    def __str__(self) -> str:
        return f"{self.channel}: {self.share_percent} % within {self.answer_within_seconds} s"


class TicketSla(models.Model):
    """A ticket's SLA bookkeeping: its policy, what was synced, when the sweep must look."""

    ticket = models.OneToOneField(
        Ticket, on_delete=models.CASCADE, primary_key=True, related_name="sla"
    )
    policy = models.ForeignKey(
        SlaPolicy, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    synced_version = models.PositiveIntegerField(default=0)
    """The ticket's ``version`` the clocks were derived from; 0 asks for a new sync."""
    synced_at = models.DateTimeField(default=timezone.now)
    has_open_clocks = models.BooleanField(default=False)
    next_check_at = models.DateTimeField(null=True, blank=True)
    """Earliest warning or breach the sweep has not recorded yet."""
    next_due_at = models.DateTimeField(null=True, blank=True)
    """Earliest due time of the ticket's open clocks (the list sorts by it)."""

    class Meta:
        db_table = "support_ticket_sla"
        indexes = [
            models.Index(
                fields=["next_check_at"],
                name="support_ticket_sla_check_idx",
                condition=models.Q(next_check_at__isnull=False),
            ),
            models.Index(
                fields=["ticket"],
                name="support_ticket_sla_open_idx",
                condition=models.Q(has_open_clocks=True),
            ),
        ]

    def __str__(self) -> str:
        return f"SLA of ticket {self.ticket_id}"


class TicketSlaClock(models.Model):
    """One clock of a ticket (one per kind; ``cycle`` counts next-response rounds).

    While running, the business time consumed is ``consumed`` plus the business time since
    ``running_since``. ``warn_at`` and ``due_at`` are when the thresholds are (or were)
    crossed; ``None`` while paused before crossing. ``warned_at`` and ``breached_at`` are
    when the sweep recorded the crossing on the timeline.
    """

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="sla_clocks")
    kind = models.CharField(max_length=32, choices=ClockKind.CHOICES)
    cycle = models.PositiveIntegerField(default=1)
    status = models.CharField(max_length=16, choices=ClockStatus.CHOICES)
    policy = models.ForeignKey(
        SlaPolicy, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    calendar = models.ForeignKey(
        BusinessCalendar, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    target_minutes = models.PositiveIntegerField()
    warning_percent = models.PositiveSmallIntegerField(default=DEFAULT_WARNING_PERCENT)
    started_at = models.DateTimeField()
    running_since = models.DateTimeField(null=True, blank=True)
    consumed = models.DurationField(default=timedelta)
    warn_at = models.DateTimeField(null=True, blank=True)
    due_at = models.DateTimeField(null=True, blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    warned_at = models.DateTimeField(null=True, blank=True)
    breached_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "support_ticket_sla_clock"
        ordering = ("ticket", "kind")
        constraints = [
            models.UniqueConstraint(fields=["ticket", "kind"], name="support_sla_clock_unique")
        ]
        indexes = [
            models.Index(
                fields=["due_at"],
                name="support_sla_clock_due_idx",
                condition=models.Q(status__in=sorted(ClockStatus.OPEN)),
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} clock of ticket {self.ticket_id}"
