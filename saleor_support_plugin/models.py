"""Django discovers the app's models here; each domain package owns its own."""

from .agents.models import AgentProfile, RoutingRule, Team, TeamMembership
from .intake.models import InboundEvent, IntakeWatermark, OrderScanCursor
from .macros.models import Macro, MacroTranslation, MacroUsage
from .returns.models import ReturnRequest, ReturnRequestLine
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
    "ErasedCustomer",
    "InboundEvent",
    "IntakeWatermark",
    "Macro",
    "MacroTranslation",
    "MacroUsage",
    "OrderScanCursor",
    "ReturnRequest",
    "ReturnRequestLine",
    "RoutingRule",
    "Team",
    "TeamMembership",
    "Ticket",
    "TicketAccessToken",
    "TicketCategory",
    "TicketEvent",
    "TicketMessage",
]
