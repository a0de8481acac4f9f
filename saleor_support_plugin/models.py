"""Django discovers the app's models here; each domain package owns its own."""

from .intake.models import InboundEvent, IntakeWatermark, OrderScanCursor
from .tickets.models import ErasedCustomer, Ticket, TicketCategory, TicketEvent, TicketMessage

__all__ = [
    "ErasedCustomer",
    "InboundEvent",
    "IntakeWatermark",
    "OrderScanCursor",
    "Ticket",
    "TicketCategory",
    "TicketEvent",
    "TicketMessage",
]
