from ...tickets import (
    MessageAuthorType,
    TicketChannel,
    TicketEventType,
    TicketPriority,
    TicketStatus,
    TicketTier,
)
from ...tickets.error_codes import TicketErrorCode
from ..core.enums import enum_from_choices, enum_from_python

SupportTicketStatusEnum = enum_from_choices(
    "SupportTicketStatusEnum",
    TicketStatus.CHOICES,
    description=(
        "Where a ticket is in its lifecycle: NEW moves to OPEN, PENDING, ON_HOLD or SOLVED;"
        " OPEN, PENDING and ON_HOLD move among themselves and to SOLVED; SOLVED reopens"
        " (OPEN) or closes; CLOSED is final."
    ),
)
SupportTicketPriorityEnum = enum_from_choices(
    "SupportTicketPriorityEnum",
    TicketPriority.CHOICES,
    description="How urgent a ticket is, from LOW to URGENT.",
)
SupportTicketChannelEnum = enum_from_choices(
    "SupportTicketChannelEnum",
    TicketChannel.CHOICES,
    description="Where a ticket came from; SYSTEM for tickets the desk opened from store events.",
)
SupportTicketTierEnum = enum_from_choices(
    "SupportTicketTierEnum",
    TicketTier.CHOICES,
    description="Support level handling a ticket: L1 general, L2 technical, L3 specialists.",
)
SupportMessageAuthorTypeEnum = enum_from_choices(
    "SupportMessageAuthorTypeEnum",
    MessageAuthorType.CHOICES,
    description="Who wrote a message: the customer, an agent or the desk itself.",
)
SupportTicketEventTypeEnum = enum_from_choices(
    "SupportTicketEventTypeEnum",
    TicketEventType.CHOICES,
    description="Kind of entry on a ticket's timeline.",
)
SupportTicketErrorCode = enum_from_python(
    TicketErrorCode,
    name="SupportTicketErrorCode",
    description=(
        "Why a ticket mutation was refused. NOT_FOUND also covers tickets the requestor may"
        " not see; CONFLICT means `expectedVersion` is no longer the ticket's version."
    ),
    value_descriptions={
        TicketErrorCode.NOT_FOUND: "No such ticket, or not one the requestor may see.",
        TicketErrorCode.INVALID: "A value is not accepted (unknown category, bad tag...).",
        TicketErrorCode.REQUIRED: "A value is missing or empty.",
        TicketErrorCode.INVALID_TRANSITION: "The ticket's status cannot move that way.",
        TicketErrorCode.CONFLICT: "Someone changed the ticket since `expectedVersion`.",
        TicketErrorCode.TOO_LONG: "A text is over its length limit.",
        TicketErrorCode.REOPEN_WINDOW_PASSED: (
            "The ticket ended longer ago than the store lets customers reopen tickets."
        ),
        TicketErrorCode.TOO_MANY_REQUESTS: (
            "Too many tickets opened from this address or e-mail; try again later."
        ),
        TicketErrorCode.QUANTITY_UNAVAILABLE: (
            "More items asked for than were delivered and not yet returned or requested."
        ),
        TicketErrorCode.TIER_LIMIT: (
            "The ticket is already at the highest tier (escalation) or the lowest (de-escalation)."
        ),
        TicketErrorCode.NOT_MERGEABLE: (
            "These tickets cannot be merged: the same ticket, a ticket already merged or"
            " closed, or tickets of different customers."
        ),
    },
)
