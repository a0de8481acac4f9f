"""What agents see of a ticket's customer beside it: their other tickets and their orders."""

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from django.db.models import F, Window
from django.db.models.functions import RowNumber

from ...host import get_host
from ...tickets.access import tickets_visible_to
from ...tickets.models import Ticket
from ..core.dataloaders import DataLoader

OTHER_TICKETS = 10
"""How many of the customer's other tickets a ticket lists, newest first."""

CustomerKey = tuple[int | None, str]
"""The account id, or for guests ``(None, lower-cased e-mail)``."""


def customer_key(ticket: Ticket) -> CustomerKey | None:
    """Return whom the ticket belongs to, or ``None`` when nobody can be told (erased, unknown)."""
    if ticket.customer_user_id is not None:
        return (ticket.customer_user_id, "")
    if ticket.customer_email and ticket.anonymised_at is None:
        return (None, ticket.customer_email.lower())
    return None


class TicketsByCustomerLoader(DataLoader[CustomerKey, list[Ticket]]):
    """The newest tickets of each customer the requestor may see, in at most two queries."""

    context_key = "support_tickets_by_customer"

    def batch_load(self, keys: Sequence[CustomerKey]) -> list[list[Ticket]]:
        visible = tickets_visible_to(self.context.requestor)
        found: dict[CustomerKey, list[Ticket]] = defaultdict(list)
        user_ids = sorted({user for user, _ in keys if user is not None})
        emails = sorted({email for user, email in keys if user is None})
        if user_ids:
            for ticket in _newest(
                visible.filter(customer_user_id__in=user_ids), "customer_user_id"
            ):
                found[(ticket.customer_user_id, "")].append(ticket)
        if emails:
            guests = visible.filter(customer_user__isnull=True, customer_email__in=emails)
            for ticket in _newest(guests, "customer_email"):
                found[(None, ticket.customer_email)].append(ticket)
        return [found[key] for key in keys]


def _newest(queryset: Any, partition: str) -> list[Ticket]:
    ranked = queryset.annotate(
        customer_rank=Window(
            RowNumber(),
            partition_by=[F(partition)],
            order_by=[F("created_at").desc(), F("id").desc()],
        )
    )
    return list(ranked.filter(customer_rank__lte=OTHER_TICKETS + 1).order_by("-created_at", "-id"))


class OrdersCountByCustomerLoader(DataLoader[CustomerKey, int]):
    """How many orders each customer placed (drafts left out), asked of the host at once."""

    context_key = "support_orders_count_by_customer"

    def batch_load(self, keys: Sequence[CustomerKey]) -> list[int]:
        by_user, by_email = get_host().orders_count_by_customer(
            user_ids=[user for user, _ in keys if user is not None],
            emails=[email for user, email in keys if user is None],
        )
        return [
            by_user.get(user, 0) if user is not None else by_email.get(email, 0)
            for user, email in keys
        ]


def resolve_customer_tickets(root: Ticket, info: Any) -> Any:
    key = customer_key(root)
    if key is None:
        return []
    return (
        TicketsByCustomerLoader(info.context)
        .load(key)
        .then(lambda tickets: [t for t in tickets if t.pk != root.pk][:OTHER_TICKETS])
    )


def resolve_customer_orders_count(root: Ticket, info: Any) -> Any:
    key = customer_key(root)
    if key is None:
        return None
    return OrdersCountByCustomerLoader(info.context).load(key)
