"""Policies and calendars read from the database into plain values, and policy choice."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from ..tickets.models import Ticket
from . import ClockKind
from .calendar import Calendar, Interval
from .clocks import Targets
from .models import BusinessCalendar, Holiday, OpeningInterval, SlaPolicy


@dataclass(frozen=True)
class Policy:
    id: int
    name: str
    priorities: frozenset[str]
    channels: frozenset[str]
    category_ids: frozenset[int]
    order_channels: frozenset[str]
    calendar_id: int
    calendar: Calendar
    targets: Targets
    breach_actions: tuple[str, ...]
    notify_user_id: int | None

    def matches(self, ticket: Ticket) -> bool:
        """Return whether the ticket meets every condition (an empty one is any value)."""
        return (
            (not self.priorities or ticket.priority in self.priorities)
            and (not self.channels or ticket.channel in self.channels)
            and (not self.category_ids or ticket.category_id in self.category_ids)
            and (not self.order_channels or ticket.order_channel in self.order_channels)
        )


def load_calendars(calendar_ids: Iterable[int]) -> dict[int, Calendar]:
    """Return the calendars by id, with their intervals and holidays (three queries)."""
    ids = sorted(set(calendar_ids))
    if not ids:
        return {}
    zones = dict(BusinessCalendar.objects.filter(pk__in=ids).values_list("pk", "time_zone"))
    intervals: dict[int, list[Interval]] = defaultdict(list)
    for calendar_id, weekday, start, end in OpeningInterval.objects.filter(
        calendar_id__in=ids
    ).values_list("calendar_id", "weekday", "start_minute", "end_minute"):
        intervals[calendar_id].append(Interval(weekday, start, end))
    holidays: dict[int, set] = defaultdict(set)
    for calendar_id, day in Holiday.objects.filter(calendar_id__in=ids).values_list(
        "calendar_id", "date"
    ):
        holidays[calendar_id].add(day)
    return {
        pk: Calendar(
            time_zone=zone,
            intervals=tuple(sorted(intervals[pk])),
            holidays=frozenset(holidays[pk]),
        )
        for pk, zone in zones.items()
    }


def policy_targets(policy: SlaPolicy) -> Targets:
    minutes = {
        kind: value for kind in ClockKind.ALL if (value := policy.target_minutes(kind)) is not None
    }
    return Targets(minutes=minutes, warning_percent=policy.warning_percent)


class PolicySet:
    """The active policies in the order they are tried, read once (five queries)."""

    def __init__(self, policies: list[Policy]) -> None:
        self.policies = policies
        self.by_id = {policy.id: policy for policy in policies}

    @classmethod
    def load(cls) -> "PolicySet":
        rows = list(SlaPolicy.objects.filter(is_active=True).order_by("position", "pk"))
        categories: dict[int, set[int]] = defaultdict(set)
        through = SlaPolicy.categories.through
        for policy_id, category_id in through._default_manager.filter(
            slapolicy_id__in=[row.pk for row in rows]
        ).values_list("slapolicy_id", "ticketcategory_id"):
            categories[policy_id].add(category_id)
        calendars = load_calendars(row.calendar_id for row in rows)
        return cls(
            [
                Policy(
                    id=row.pk,
                    name=row.name,
                    priorities=frozenset(row.priorities),
                    channels=frozenset(row.channels),
                    category_ids=frozenset(categories[row.pk]),
                    order_channels=frozenset(row.order_channels),
                    calendar_id=row.calendar_id,
                    calendar=calendars[row.calendar_id],
                    targets=policy_targets(row),
                    breach_actions=tuple(row.breach_actions),
                    notify_user_id=row.notify_user_id,
                )
                for row in rows
            ]
        )

    def choose(self, ticket: Ticket) -> Policy | None:
        """Return the first policy the ticket matches, or ``None``."""
        return next((policy for policy in self.policies if policy.matches(ticket)), None)
