"""Django discovers the app's models here; each domain package owns its own."""

from .agents.models import AgentProfile, RoutingRule, Team, TeamMembership
from .intake.models import InboundEvent, IntakeWatermark, OrderScanCursor
from .macros.models import Macro, MacroTranslation, MacroUsage
from .returns.models import ReturnRequest, ReturnRequestLine
from .sla.models import (
    BusinessCalendar,
    Holiday,
    OpeningInterval,
    SlaPolicy,
    SlaReportingTarget,
    TicketSla,
    TicketSlaClock,
)
from .surveys.models import SurveyAnswer
from .tickets.models import (
    ErasedCustomer,
    Ticket,
    TicketAccessToken,
    TicketCategory,
    TicketEvent,
    TicketMessage,
)

__all__ = [
    "AgentProfile",
    "BusinessCalendar",
    "ErasedCustomer",
    "Holiday",
    "InboundEvent",
    "IntakeWatermark",
    "Macro",
    "MacroTranslation",
    "MacroUsage",
    "OpeningInterval",
    "OrderScanCursor",
    "ReturnRequest",
    "ReturnRequestLine",
    "RoutingRule",
    "SlaPolicy",
    "SlaReportingTarget",
    "SurveyAnswer",
    "Team",
    "TeamMembership",
    "Ticket",
    "TicketAccessToken",
    "TicketCategory",
    "TicketEvent",
    "TicketMessage",
    "TicketSla",
    "TicketSlaClock",
]
