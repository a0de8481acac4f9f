"""One change applied to many tickets, each on its own, so one refusal does not stop the rest."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.db import transaction

from ..host.requestor import Requestor
from . import actions
from .access import tickets_visible_to
from .actors import Actor
from .error_codes import TicketError, TicketErrorCode
from .lock_objects import tickets_select_for_update
from .models import Ticket

MAX_BULK_TICKETS = 100
"""Tickets one bulk change may name."""


@dataclass(frozen=True)
class BulkItem:
    """What became of one ticket: the ticket after the change, or why it was refused."""

    ticket: Ticket | None
    error: TicketError | None = None
    changed: bool = False


@dataclass(frozen=True)
class BulkOutcome:
    items: list[BulkItem]
    """One per requested id, in the order given."""

    @property
    def changed(self) -> int:
        """How many tickets changed (a ticket named twice counts once)."""
        return len({item.ticket.pk for item in self.items if item.changed and item.ticket})


@transaction.atomic
def apply_to_tickets(
    requestor: Requestor,
    ticket_ids: Sequence[int | None],
    change: Callable[[Ticket], Ticket],
) -> BulkOutcome:
    """Run ``change`` on each ticket ``requestor`` may see, each in its own savepoint.

    Every named ticket is locked first, in pk order, so two bulk changes (or a bulk change
    and a single one) over the same tickets queue up instead of deadlocking. A refused item
    (``TicketError``) is rolled back alone and reported; the others go on.

    Args:
        ticket_ids: one entry per requested ticket; ``None`` for an id that names no
            ticket, reported as ``NOT_FOUND``.

    """
    if len(ticket_ids) > MAX_BULK_TICKETS:
        raise TicketError(
            TicketErrorCode.INVALID,
            f"At most {MAX_BULK_TICKETS} tickets can be changed at once;"
            f" {len(ticket_ids)} were given.",
            field="ids",
        )
    wanted = {pk for pk in ticket_ids if pk is not None}
    visible = tickets_visible_to(requestor).filter(pk__in=wanted) if wanted else None
    locked = {} if visible is None else {t.pk: t for t in tickets_select_for_update(visible)}
    items = []
    for pk in ticket_ids:
        ticket = locked.get(pk) if pk is not None else None
        if ticket is None:
            error = TicketError(TicketErrorCode.NOT_FOUND, "Ticket not found.", field="ids")
            items.append(BulkItem(ticket=None, error=error))
            continue
        try:
            with transaction.atomic():
                changed = change(ticket)
        except TicketError as exc:
            items.append(BulkItem(ticket=None, error=exc))
            continue
        locked[changed.pk] = changed
        items.append(BulkItem(ticket=changed, changed=changed.version != ticket.version))
    return BulkOutcome(items=items)


def bulk_change_status(
    requestor: Requestor, ticket_ids: Sequence[int | None], status: str, *, actor: Actor
) -> BulkOutcome:
    """Move each ticket to ``status``; tickets that cannot move that way are refused alone."""
    return apply_to_tickets(
        requestor, ticket_ids, lambda ticket: actions.change_status(ticket, status, actor=actor)
    )


def bulk_assign(
    requestor: Requestor, ticket_ids: Sequence[int | None], assignee_id: int | None, *, actor: Actor
) -> BulkOutcome:
    """Give each ticket to ``assignee_id``, or unassign them all (``None``)."""
    return apply_to_tickets(
        requestor,
        ticket_ids,
        lambda ticket: actions.assign_ticket(ticket, assignee_id, actor=actor),
    )


def bulk_retag(
    requestor: Requestor,
    ticket_ids: Sequence[int | None],
    *,
    add: Sequence[str],
    remove: Sequence[str],
    actor: Actor,
) -> BulkOutcome:
    """Add and remove tags on each ticket, keeping its other tags.

    Tags are normalised as ``actions.normalise_tags`` does; naming one tag in both lists is
    refused, and a ticket that would end up with too many tags is refused alone.
    """
    added = _tags(add, "add")
    removed = _tags(remove, "remove")
    both = [tag for tag in added if tag in removed]
    if both:
        raise TicketError(
            TicketErrorCode.INVALID,
            f"A tag cannot be both added and removed: {', '.join(both)}.",
            field="remove",
        )

    def retag(ticket: Ticket) -> Ticket:
        kept = [tag for tag in ticket.tags if tag not in removed]
        new = kept + [tag for tag in added if tag not in kept]
        return actions.set_tags(ticket, new, actor=actor)

    return apply_to_tickets(requestor, ticket_ids, retag)


def _tags(tags: Sequence[str], field: str) -> list[str]:
    """Normalise each tag on its own (the per-ticket limit applies to the result, not here)."""
    result: list[str] = []
    for tag in tags:
        try:
            normalised = actions.normalise_tags([tag])
        except TicketError as exc:
            raise TicketError(exc.code, exc.message, field=field) from exc
        result += [t for t in normalised if t not in result]
    return result
