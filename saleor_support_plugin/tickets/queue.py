"""The agents' queue: unassigned active tickets, most urgent and oldest first.

The queue is optionally narrowed by category, channel, tier and language, and by team:
``agents.queues.queue_scope_for`` gives an agent the tickets of their teams (plus tickets
without a team for dispatchers, leads and agents in no team); without teams, one queue for
every agent. Taking the next ticket is one statement that picks, locks and
assigns the head of the queue, so agents asking at the same time never get the same ticket.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import connection, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from ..host.requestor import Requestor
from . import TicketStatus, events
from .access import tickets_visible_to
from .actors import Actor
from .error_codes import TicketError, TicketErrorCode
from .lock_objects import queue_head_select_for_update
from .models import Ticket, TicketCategory

QUEUE_STATUSES = (TicketStatus.NEW, TicketStatus.OPEN)
"""Tickets waiting for an agent; PENDING and ON_HOLD wait for the customer or a third party.
The queue's partial index (``support_ticket_queue_idx``) has the same condition."""


@dataclass(frozen=True)
class QueueScope:
    """Which part of the queue to take from; an empty tuple does not narrow."""

    category_slugs: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    tiers: tuple[int, ...] = ()
    language_codes: tuple[str, ...] = ()
    team_ids: tuple[int, ...] | None = None
    """Only tickets of these teams; ``None`` does not narrow by team."""
    include_without_team: bool = False
    """With ``team_ids``: also tickets that have no team."""


def queued_tickets(base: QuerySet[Ticket], scope: QueueScope) -> QuerySet[Ticket]:
    """Return the tickets of ``base`` that are in the queue and in ``scope``."""
    queryset = base.filter(assignee__isnull=True, status__in=QUEUE_STATUSES)
    if scope.category_slugs:
        categories = TicketCategory.objects.filter(slug__in=scope.category_slugs)
        queryset = queryset.filter(category_id__in=categories.values("pk"))
    if scope.channels:
        queryset = queryset.filter(channel__in=scope.channels)
    if scope.tiers:
        queryset = queryset.filter(tier__in=scope.tiers)
    if scope.language_codes:
        languages = Q()
        for code in scope.language_codes:
            languages |= Q(language_code__iexact=code)
        queryset = queryset.filter(languages)
    if scope.team_ids is not None:
        teams = Q(team_id__in=scope.team_ids)
        if scope.include_without_team:
            teams |= Q(team__isnull=True)
        queryset = queryset.filter(teams)
    return queryset


@transaction.atomic
def take_next_ticket(
    requestor: Requestor, *, scope: QueueScope | None = None, now: datetime | None = None
) -> Ticket | None:
    """Assign the head of the queue to ``requestor``; ``None`` when there is nothing to take.

    One ``UPDATE ... WHERE id = (SELECT ... FOR UPDATE SKIP LOCKED) RETURNING`` picks the
    most urgent, oldest unassigned ticket nobody else is taking, assigns it and bumps its
    version; the timeline entry follows in the same transaction.

    Raises:
        TicketError: ``INVALID`` when the requestor has no user account (an app), since only
            people own tickets.

    """
    if requestor.user_id is None:
        raise TicketError(
            TicketErrorCode.INVALID,
            "Only a staff member's own account can take tickets; apps cannot own them.",
        )
    now = now or timezone.now()
    head = queue_head_select_for_update(
        queued_tickets(tickets_visible_to(requestor), scope or QueueScope())
    )
    if head.query.is_empty():
        return None
    head_sql, head_params = head.values("pk").query.sql_with_params()
    table = connection.ops.quote_name(Ticket._meta.db_table)
    columns = ", ".join(
        connection.ops.quote_name(field.column)
        for field in Ticket._meta.concrete_fields
        if not field.generated
    )
    # Only quoted names from the model and SQL compiled by the ORM are interpolated; values
    # travel as parameters.
    sql = (
        f"UPDATE {table} SET assignee_id = %s, version = version + 1, updated_at = %s"  # noqa: S608
        f" WHERE id = ({head_sql}) AND assignee_id IS NULL RETURNING {columns}"
    )
    taken = list(Ticket.objects.raw(sql, [requestor.user_id, now, *head_params]))
    if not taken:
        return None
    ticket = taken[0]
    events.assigned_event(
        ticket, actor=Actor.user(requestor.user_id), at=now, old=None, new=requestor.user_id
    )
    return ticket
