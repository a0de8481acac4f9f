"""The calendar, policies and reporting targets every store starts with; merchants edit them.

Practice the defaults follow: chat answered within 10 seconds of waiting, phone 80 % of calls
within 20 seconds (kept as reporting targets: tickets do not measure call waits), e-mail and
web within 48 hours, urgent tickets much faster; one calendar of 8 hours a day, Monday to
Friday. Targets are business minutes on that calendar.
"""

from typing import Any

from ..tickets import TicketChannel, TicketPriority
from . import BreachAction, Weekday

DEFAULT_CALENDAR_NAME = "Business hours"
DEFAULT_OPENING = [
    (weekday, 9 * 60, 17 * 60) for weekday in range(Weekday.MONDAY, Weekday.SATURDAY)
]
"""Monday to Friday, 09:00-17:00 (weekday, start minute, end minute)."""

HOUR = 60
DEFAULT_POLICIES: list[dict[str, Any]] = [
    {
        "name": "Urgent",
        "priorities": [TicketPriority.URGENT],
        "first_response_minutes": 1 * HOUR,
        "next_response_minutes": 1 * HOUR,
        "resolution_minutes": 8 * HOUR,
        "breach_actions": [BreachAction.NOTIFY_LEAD],
    },
    {
        "name": "High",
        "priorities": [TicketPriority.HIGH],
        "first_response_minutes": 4 * HOUR,
        "next_response_minutes": 4 * HOUR,
        "resolution_minutes": 24 * HOUR,
        "breach_actions": [BreachAction.NOTIFY_LEAD],
    },
    {
        "name": "Standard",
        "priorities": [],
        "first_response_minutes": 48 * HOUR,
        "next_response_minutes": 48 * HOUR,
        "resolution_minutes": 5 * 24 * HOUR,
        "breach_actions": [BreachAction.RAISE_PRIORITY],
    },
]
"""Tried in this order; the last one takes every ticket the others leave (any channel)."""

DEFAULT_REPORTING_TARGETS = [
    (TicketChannel.CHAT, 10, 100),
    (TicketChannel.PHONE, 20, 80),
]
"""(channel, answered within seconds, share of contacts in percent)."""


def seed_defaults(apps: Any, time_zone: str) -> None:
    """Create the defaults with ``apps``' models (a migration's), unless a calendar exists."""
    calendar_model = apps.get_model("saleor_support_plugin", "BusinessCalendar")
    interval_model = apps.get_model("saleor_support_plugin", "OpeningInterval")
    policy_model = apps.get_model("saleor_support_plugin", "SlaPolicy")
    target_model = apps.get_model("saleor_support_plugin", "SlaReportingTarget")
    for channel, seconds, share in DEFAULT_REPORTING_TARGETS:
        target_model.objects.get_or_create(
            channel=channel, defaults={"answer_within_seconds": seconds, "share_percent": share}
        )
    if calendar_model.objects.exists():
        return
    calendar = calendar_model.objects.create(name=DEFAULT_CALENDAR_NAME, time_zone=time_zone)
    interval_model.objects.bulk_create(
        interval_model(calendar=calendar, weekday=weekday, start_minute=start, end_minute=end)
        for weekday, start, end in DEFAULT_OPENING
    )
    for position, values in enumerate(DEFAULT_POLICIES):
        policy_model.objects.get_or_create(
            name=values["name"], defaults={**values, "position": position, "calendar": calendar}
        )
