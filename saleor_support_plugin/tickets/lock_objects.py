"""Row locks on tickets, always taken here and in pk order."""

from django.db.models import QuerySet

from .models import Ticket


def ticket_qs_select_for_update() -> QuerySet[Ticket]:
    return Ticket.objects.order_by("pk").select_for_update(of=("self",))


def tickets_select_for_update(queryset: QuerySet[Ticket]) -> QuerySet[Ticket]:
    """Lock the tickets of ``queryset`` in pk order, so two bulk changes never deadlock."""
    return queryset.order_by("pk").select_for_update(of=("self",))


def queue_head_select_for_update(queryset: QuerySet[Ticket]) -> QuerySet[Ticket]:
    """Lock the first ticket of ``queryset`` in queue order that nobody else holds.

    Most urgent first, then oldest, then lowest id. Rows locked by others are skipped
    (``SKIP LOCKED``) instead of waited for, so agents taking work at the same time each get
    a different ticket.
    """
    return queryset.order_by("-priority_rank", "created_at", "pk").select_for_update(
        skip_locked=True, of=("self",)
    )[:1]
