from typing import Any

from django.db.models import QuerySet

from ...tickets.models import TicketCategory, TicketEvent, TicketMessage
from ..core.dataloaders import ByPkLoader, ChildPageLoader


class CategoryByIdLoader(ByPkLoader):
    context_key = "support_category_by_id"

    def queryset(self) -> QuerySet[Any]:
        return TicketCategory.objects.all()


class MessagesByTicketLoader(ChildPageLoader):
    """Pages of a ticket's messages and internal notes, oldest first."""

    context_key = "support_messages_by_ticket"
    model = TicketMessage
    parent_field = "ticket_id"


class PublicMessagesByTicketLoader(ChildPageLoader):
    """Pages of a ticket's public messages (no internal notes), oldest first."""

    context_key = "support_public_messages_by_ticket"
    model = TicketMessage
    parent_field = "ticket_id"

    def base_queryset(self) -> QuerySet[Any]:
        return TicketMessage.objects.filter(is_internal=False)


class EventsByTicketLoader(ChildPageLoader):
    """Pages of a ticket's timeline, oldest first."""

    context_key = "support_events_by_ticket"
    model = TicketEvent
    parent_field = "ticket_id"
