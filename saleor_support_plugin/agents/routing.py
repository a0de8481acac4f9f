"""Routing: which team a new ticket lands in.

The active routing rules of active teams are tried by position (then id); the first whose
every condition holds wins. An empty condition holds for any ticket. Conditions:

- categories: the ticket's category slug is one of them;
- channels: the ticket's channel (web, e-mail, store event...) is one of them;
- languages: the customer's language is one of them (``pt`` holds for ``pt-BR``);
- order channels: the sales channel of the ticket's order is one of them (a ticket about
  no order never meets this condition);
- tags: the ticket carries at least one of them when it is routed. Store customers carry
  no tags of their own in the desk, so a "customer tag" is a tag the ticket has at intake
  (set by the merchant's intake or by whoever opens it).

No rule: the default team, when one is active; else no team (the dispatchers' queue).
After routing, a team with automatic assignment gives the ticket to a member.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from ..tickets.actors import Actor
from ..tickets.models import Ticket
from .assignment import assign_locked, speaks
from .models import RoutingRule, Team
from .placement import move_to_team


def rule_matches(rule: RoutingRule, ticket: Ticket) -> bool:
    """Return whether ``ticket`` meets every condition of ``rule``."""
    if rule.category_slugs and ticket.category.slug not in rule.category_slugs:
        return False
    if rule.channels and ticket.channel not in rule.channels:
        return False
    if rule.language_codes and not (
        ticket.language_code and speaks(rule.language_codes, ticket.language_code)
    ):
        return False
    if rule.order_channels and ticket.order_channel not in rule.order_channels:
        return False
    return not rule.tags or bool(set(rule.tags) & set(ticket.tags))


def route(ticket: Ticket) -> tuple[Team | None, RoutingRule | None]:
    """Return the team ``ticket`` belongs in and the rule that chose it (``None``: default)."""
    rules = (
        RoutingRule.objects.filter(is_active=True, team__is_active=True)
        .select_related("team")
        .order_by("position", "pk")
    )
    for rule in rules:
        if rule_matches(rule, ticket):
            return rule.team, rule
    return Team.objects.filter(is_default=True, is_active=True).first(), None


@transaction.atomic
def route_new_ticket(
    ticket: Ticket, now: datetime | None = None, *, actor: Actor | None = None
) -> Ticket:
    """Put a ticket that has no team yet in its team, then assign it when the team does.

    The ticket takes the team's tier. A ticket that already has a team is left alone.
    Returns the ticket as it is now.
    """
    now = now or timezone.now()
    actor = actor or Actor.system()
    if ticket.team_id is not None:
        return ticket
    team, rule = route(ticket)
    if team is None:
        return ticket
    ticket = move_to_team(
        ticket,
        team,
        actor=actor,
        now=now,
        routing_rule_id=rule.pk if rule is not None else None,
        tier=team.tier,
    )
    if team.auto_assign and ticket.assignee_id is None:
        ticket = assign_locked(ticket, team, actor=actor, now=now)
    return ticket
