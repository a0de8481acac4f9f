"""Every store starts with an 8-hour Monday-Friday calendar, three policies and call targets."""

from saleor_support_plugin.sla import BreachAction
from saleor_support_plugin.sla.models import (
    BusinessCalendar,
    SlaPolicy,
    SlaReportingTarget,
)
from saleor_support_plugin.tickets import TicketChannel, TicketPriority


def test_the_seeded_calendar_opens_eight_hours_monday_to_friday(db):
    calendar = BusinessCalendar.objects.get()

    assert (calendar.name, calendar.time_zone) == ("Business hours", "UTC")
    assert list(calendar.intervals.values_list("weekday", "start_minute", "end_minute")) == [
        (weekday, 540, 1020) for weekday in range(5)
    ]


def test_the_seeded_policies_are_tried_urgent_first(db):
    policies = list(
        SlaPolicy.objects.values_list(
            "name",
            "priorities",
            "channels",
            "first_response_minutes",
            "next_response_minutes",
            "resolution_minutes",
            "warning_percent",
            "breach_actions",
        )
    )

    assert policies == [
        ("Urgent", [TicketPriority.URGENT], [], 60, 60, 480, 75, [BreachAction.NOTIFY_LEAD]),
        ("High", [TicketPriority.HIGH], [], 240, 240, 1440, 75, [BreachAction.NOTIFY_LEAD]),
        ("Standard", [], [], 2880, 2880, 7200, 75, [BreachAction.RAISE_PRIORITY]),
    ]


def test_chat_and_phone_targets_are_kept_for_reports(db):
    assert list(
        SlaReportingTarget.objects.values_list("channel", "answer_within_seconds", "share_percent")
    ) == [(TicketChannel.CHAT, 10, 100), (TicketChannel.PHONE, 20, 80)]
