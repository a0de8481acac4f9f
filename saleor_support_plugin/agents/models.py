from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone

from ..tickets import TicketTier
from . import AgentRole, AssignmentStrategy, Availability

DEFAULT_CAPACITY = 20
"""Active tickets an agent holds at most before automatic assignment passes them over."""


class AgentProfile(models.Model):
    """How a staff member works on the desk.

    The profile is part of the staff account (deleted with it); the tickets they worked on
    keep their history, since tickets reference people with ``SET_NULL``.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField(max_length=16, choices=AgentRole.CHOICES, default=AgentRole.AGENT)
    tier = models.PositiveSmallIntegerField(choices=TicketTier.CHOICES, default=TicketTier.L1)
    language_codes = ArrayField(models.CharField(max_length=35), default=list, blank=True)
    """Languages the agent answers in (``en``, ``pt-BR``); empty means any."""
    capacity = models.PositiveSmallIntegerField(default=DEFAULT_CAPACITY)
    """Most active tickets automatic assignment gives the agent; 0 means none."""
    availability = models.CharField(
        max_length=16, choices=Availability.CHOICES, default=Availability.ON_SHIFT
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "support_agent_profile"

    def __str__(self) -> str:
        return f"agent profile of user {self.user_id}"


class Team(models.Model):
    """A queue of tickets worked by its members at one tier."""

    name = models.CharField(max_length=128)
    slug = models.SlugField(max_length=64, unique=True)
    tier = models.PositiveSmallIntegerField(choices=TicketTier.CHOICES, default=TicketTier.L1)
    strategy = models.CharField(
        max_length=16, choices=AssignmentStrategy.CHOICES, default=AssignmentStrategy.ROUND_ROBIN
    )
    auto_assign = models.BooleanField(default=True)
    """Give each ticket that lands in the team to a member right away."""
    is_default = models.BooleanField(default=False)
    """Receives the tickets no routing rule matches (at most one team)."""
    is_active = models.BooleanField(default=True)
    position = models.PositiveSmallIntegerField(default=0)
    last_assigned_user_id = models.BigIntegerField(null=True, blank=True)
    """Round robin: the member who got the team's last ticket; the next one follows them."""
    members: "models.ManyToManyField[AgentProfile, TeamMembership]" = models.ManyToManyField(
        AgentProfile, through="TeamMembership", related_name="teams"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "support_team"
        ordering = ("position", "pk")
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"],
                condition=models.Q(is_default=True),
                name="support_team_one_default",
            )
        ]

    def __str__(self) -> str:
        return self.name


class TeamMembership(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="memberships")
    agent = models.ForeignKey(AgentProfile, on_delete=models.CASCADE, related_name="memberships")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "support_team_membership"
        constraints = [
            models.UniqueConstraint(fields=["team", "agent"], name="support_team_member_unique")
        ]

    def __str__(self) -> str:
        return f"agent {self.agent_id} in team {self.team_id}"


class RoutingRule(models.Model):
    """Send new tickets that meet every condition to ``team``; an empty condition is any value.

    Rules are tried by ``position`` (then id); the first active one that matches wins.
    """

    name = models.CharField(max_length=128)
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)
    category_slugs = ArrayField(models.CharField(max_length=64), default=list, blank=True)
    channels = ArrayField(models.CharField(max_length=16), default=list, blank=True)
    language_codes = ArrayField(models.CharField(max_length=35), default=list, blank=True)
    """Matched by language (``pt`` matches ``pt-BR``), in any letter case."""
    order_channels = ArrayField(models.CharField(max_length=255), default=list, blank=True)
    """Slugs of the store's sales channels the ticket's order was placed in."""
    tags = ArrayField(models.CharField(max_length=64), default=list, blank=True)
    """Matches a ticket that carries any of these tags when it is routed."""
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="routing_rules")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        db_table = "support_routing_rule"
        ordering = ("position", "pk")

    def __str__(self) -> str:
        return self.name
