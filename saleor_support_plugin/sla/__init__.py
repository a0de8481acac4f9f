"""Service levels: business calendars, SLA policies and the clocks they put on tickets."""


class ClockKind:
    FIRST_RESPONSE = "first_response"  # from opening to the first public agent reply
    NEXT_RESPONSE = "next_response"  # from a customer's message to the agent's next public reply
    RESOLUTION = "resolution"  # from opening to solved (a reopened ticket resumes it)

    CHOICES = [
        (FIRST_RESPONSE, "First response"),
        (NEXT_RESPONSE, "Next response"),
        (RESOLUTION, "Resolution"),
    ]
    ALL = (FIRST_RESPONSE, NEXT_RESPONSE, RESOLUTION)


class ClockStatus:
    """Where a clock is in its life; stored. Warnings and breaches follow from its times."""

    RUNNING = "running"  # counting business time (ticket NEW or OPEN)
    PAUSED = "paused"  # not counting: the ticket waits on the customer or a third party
    STOPPED = "stopped"  # the ticket was solved or closed before the goal; resumes on reopen
    COMPLETED = "completed"  # the goal was reached (reply sent, ticket solved)

    CHOICES = [
        (RUNNING, "Running"),
        (PAUSED, "Paused"),
        (STOPPED, "Stopped"),
        (COMPLETED, "Completed"),
    ]
    OPEN = frozenset({RUNNING, PAUSED})
    """Statuses in which a clock can still warn and breach."""


class SlaState:
    """How a clock stands against its target at a given moment; computed, never stored."""

    ON_TRACK = "on_track"  # open, below the warning threshold
    WARNING = "warning"  # open, past the warning threshold, not yet due
    BREACHED = "breached"  # open and past its due time
    MET = "met"  # completed within its target
    MISSED = "missed"  # completed after its due time
    CANCELLED = "cancelled"  # stopped before its goal (ticket solved without it)

    CHOICES = [
        (ON_TRACK, "On track"),
        (WARNING, "Warning"),
        (BREACHED, "Breached"),
        (MET, "Met"),
        (MISSED, "Missed"),
        (CANCELLED, "Cancelled"),
    ]


class BreachAction:
    RAISE_PRIORITY = "raise_priority"  # one step up: low, normal, high, urgent
    ESCALATE = "escalate"  # to the next tier's team
    REASSIGN = "reassign"  # to another agent of the ticket's team
    NOTIFY_LEAD = "notify_lead"  # a timeline entry naming the lead to look at it

    CHOICES = [
        (RAISE_PRIORITY, "Raise priority"),
        (ESCALATE, "Escalate to the next tier"),
        (REASSIGN, "Reassign within the team"),
        (NOTIFY_LEAD, "Notify the team lead"),
    ]


class Weekday:
    MONDAY = 0
    TUESDAY = 1
    WEDNESDAY = 2
    THURSDAY = 3
    FRIDAY = 4
    SATURDAY = 5
    SUNDAY = 6

    CHOICES = [
        (MONDAY, "Monday"),
        (TUESDAY, "Tuesday"),
        (WEDNESDAY, "Wednesday"),
        (THURSDAY, "Thursday"),
        (FRIDAY, "Friday"),
        (SATURDAY, "Saturday"),
        (SUNDAY, "Sunday"),
    ]
    """``datetime.weekday()`` numbers."""


MINUTES_PER_DAY = 24 * 60
DEFAULT_WARNING_PERCENT = 75
