"""Row locks on tickets, always taken here and in pk order."""

from django.db.models import QuerySet

from .models import Ticket


def ticket_qs_select_for_update() -> QuerySet[Ticket]:
    return Ticket.objects.order_by("pk").select_for_update(of=("self",))
