"""Django discovers the app's models here; each domain package owns its own."""

from .intake.models import InboundEvent, IntakeWatermark, OrderScanCursor
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
    "ErasedCustomer",
    "InboundEvent",
    "IntakeWatermark",
    "OrderScanCursor",
    "ReturnRequest",
    "ReturnRequestLine",
    "Ticket",
    "TicketAccessToken",
    "TicketCategory",
    "TicketEvent",
    "TicketMessage",
]
