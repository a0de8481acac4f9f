"""What team leads set up: agent profiles, teams and their members, routing rules.

Partial updates take a dataclass whose ``None`` fields stay as they are (no field here is
nullable, and an empty list is a value: "any" for routing conditions, "none" for members).
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from ..tickets import TicketChannel, TicketTier
from ..tickets.actions import normalise_tags
from ..tickets.error_codes import TicketError
from ..tickets.models import TicketCategory
from . import AgentRole, AssignmentStrategy, Availability
from .error_codes import AgentError, AgentErrorCode
from .models import AgentProfile, RoutingRule, Team, TeamMembership

MAX_NAME_LENGTH = 128
MAX_SLUG_LENGTH = 64
MAX_CONDITION_VALUES = 50
MAX_CAPACITY = 1000
MAX_LANGUAGES = 20
LANGUAGE_CODE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class ProfileValues:
    role: str | None = None
    tier: int | None = None
    language_codes: Sequence[str] | None = None
    capacity: int | None = None
    availability: str | None = None
    team_ids: Sequence[int] | None = None
    """The agent's teams from now on (replaces their memberships)."""


@dataclass(frozen=True)
class TeamValues:
    name: str | None = None
    slug: str | None = None
    tier: int | None = None
    strategy: str | None = None
    auto_assign: bool | None = None
    is_default: bool | None = None
    is_active: bool | None = None
    position: int | None = None
    member_user_ids: Sequence[int] | None = None
    """The team's members from now on, by user id; profiles are created as needed."""


@dataclass(frozen=True)
class RuleValues:
    name: str | None = None
    team_id: int | None = None
    is_active: bool | None = None
    position: int | None = None
    category_slugs: Sequence[str] | None = None
    channels: Sequence[str] | None = None
    language_codes: Sequence[str] | None = None
    order_channels: Sequence[str] | None = None
    tags: Sequence[str] | None = None


def _given(values: Any) -> dict[str, Any]:
    return {
        f.name: getattr(values, f.name)
        for f in fields(values)
        if getattr(values, f.name) is not None
    }


def _check_choice(value: Any, choices: list[tuple[Any, str]], field: str) -> Any:
    if value not in {key for key, _ in choices}:
        raise AgentError(AgentErrorCode.INVALID, f"Unknown {field} '{value}'.", field=field)
    return value


def _check_name(name: str, field: str = "name") -> str:
    name = " ".join(name.split())
    if not name:
        raise AgentError(AgentErrorCode.REQUIRED, "A name is required.", field=field)
    if len(name) > MAX_NAME_LENGTH:
        raise AgentError(
            AgentErrorCode.TOO_LONG,
            f"A name can have at most {MAX_NAME_LENGTH} characters.",
            field=field,
        )
    return name


def _check_slug(slug: str) -> str:
    slug = slug.strip().lower()
    if not slug:
        raise AgentError(AgentErrorCode.REQUIRED, "A slug is required.", field="slug")
    if len(slug) > MAX_SLUG_LENGTH or not SLUG.match(slug):
        raise AgentError(
            AgentErrorCode.INVALID,
            f"A slug is up to {MAX_SLUG_LENGTH} lower-case letters, digits and single dashes.",
            field="slug",
        )
    return slug


def _check_languages(codes: Iterable[str], field: str) -> list[str]:
    result: list[str] = []
    for raw in codes:
        code = raw.strip()
        if not LANGUAGE_CODE.match(code):
            raise AgentError(
                AgentErrorCode.INVALID, f"'{raw}' is not a language code.", field=field
            )
        if code.lower() not in (c.lower() for c in result):
            result.append(code)
    if len(result) > MAX_LANGUAGES:
        raise AgentError(AgentErrorCode.INVALID, f"At most {MAX_LANGUAGES} languages.", field=field)
    return result


def _check_values(values: Iterable[str], field: str, *, max_length: int) -> list[str]:
    result = list(dict.fromkeys(v.strip() for v in values if v.strip()))
    if len(result) > MAX_CONDITION_VALUES:
        raise AgentError(
            AgentErrorCode.INVALID, f"At most {MAX_CONDITION_VALUES} values.", field=field
        )
    if any(len(v) > max_length for v in result):
        raise AgentError(
            AgentErrorCode.TOO_LONG, f"A value has at most {max_length} characters.", field=field
        )
    return result


def _check_teams(team_ids: Sequence[int], field: str) -> list[int]:
    unique = list(dict.fromkeys(team_ids))
    found = set(Team.objects.filter(pk__in=unique).values_list("pk", flat=True))
    if len(found) != len(unique):
        raise AgentError(AgentErrorCode.NOT_FOUND, "Team not found.", field=field)
    return unique


def ensure_profiles(user_ids: Iterable[int], *, now: datetime | None = None) -> None:
    """Give each of ``user_ids`` a profile with the defaults when they have none."""
    now = now or timezone.now()
    AgentProfile.objects.bulk_create(
        [AgentProfile(user_id=uid, created_at=now, updated_at=now) for uid in set(user_ids)],
        ignore_conflicts=True,
    )


@transaction.atomic
def save_agent_profile(
    user_id: int, values: ProfileValues, *, now: datetime | None = None
) -> AgentProfile:
    """Create or change the profile of staff member ``user_id`` (the caller checks they are).

    Fields left ``None`` keep their value (the defaults for a new profile).
    """
    now = now or timezone.now()
    changes = _given(values)
    if "role" in changes:
        _check_choice(changes["role"], AgentRole.CHOICES, "role")
    if "tier" in changes:
        _check_choice(changes["tier"], TicketTier.CHOICES, "tier")
    if "availability" in changes:
        _check_choice(changes["availability"], Availability.CHOICES, "availability")
    if "capacity" in changes and not 0 <= changes["capacity"] <= MAX_CAPACITY:
        raise AgentError(
            AgentErrorCode.INVALID,
            f"Capacity is between 0 and {MAX_CAPACITY} tickets.",
            field="capacity",
        )
    if "language_codes" in changes:
        changes["language_codes"] = _check_languages(changes["language_codes"], "languageCodes")
    team_ids = changes.pop("team_ids", None)
    if team_ids is not None:
        team_ids = _check_teams(team_ids, "teamIds")
    ensure_profiles([user_id], now=now)
    profile = AgentProfile.objects.select_for_update(of=("self",)).get(user_id=user_id)
    for name, value in changes.items():
        setattr(profile, name, value)
    profile.updated_at = now
    profile.save()
    if team_ids is not None:
        TeamMembership.objects.filter(agent=profile).exclude(team_id__in=team_ids).delete()
        TeamMembership.objects.bulk_create(
            [TeamMembership(team_id=tid, agent=profile, created_at=now) for tid in team_ids],
            ignore_conflicts=True,
        )
    return profile


def _set_members(team: Team, user_ids: Sequence[int], now: datetime) -> None:
    ensure_profiles(user_ids, now=now)
    profiles = list(AgentProfile.objects.filter(user_id__in=user_ids).values_list("pk", flat=True))
    TeamMembership.objects.filter(team=team).exclude(agent_id__in=profiles).delete()
    TeamMembership.objects.bulk_create(
        [TeamMembership(team=team, agent_id=pk, created_at=now) for pk in profiles],
        ignore_conflicts=True,
    )


def _save_team(team: Team, *, now: datetime, is_new: bool) -> None:
    if team.is_default:
        Team.objects.filter(is_default=True).exclude(pk=team.pk).update(is_default=False)
    if Team.objects.filter(slug=team.slug).exclude(pk=team.pk).exists():
        raise AgentError(AgentErrorCode.UNIQUE, "Another team has this slug.", field="slug")
    team.updated_at = now
    try:
        with transaction.atomic():
            team.save(force_insert=is_new)
    except IntegrityError as exc:  # a concurrent team took the slug or the default
        raise AgentError(
            AgentErrorCode.UNIQUE, "Another team has this slug or is the default.", field="slug"
        ) from exc


def _apply_team_values(team: Team, changes: dict[str, Any]) -> None:
    if "name" in changes:
        team.name = _check_name(changes["name"])
    if "slug" in changes:
        team.slug = _check_slug(changes["slug"])
    if "tier" in changes:
        team.tier = _check_choice(changes["tier"], TicketTier.CHOICES, "tier")
    if "strategy" in changes:
        team.strategy = _check_choice(changes["strategy"], AssignmentStrategy.CHOICES, "strategy")
    for flag in ("auto_assign", "is_default", "is_active", "position"):
        if flag in changes:
            setattr(team, flag, changes[flag])


@transaction.atomic
def create_team(values: TeamValues, *, now: datetime | None = None) -> Team:
    """Create a team; name and slug are required, the rest has defaults."""
    now = now or timezone.now()
    changes = _given(values)
    if "name" not in changes:
        raise AgentError(AgentErrorCode.REQUIRED, "A name is required.", field="name")
    if "slug" not in changes:
        raise AgentError(AgentErrorCode.REQUIRED, "A slug is required.", field="slug")
    team = Team(created_at=now)
    _apply_team_values(team, changes)
    _save_team(team, now=now, is_new=True)
    if values.member_user_ids is not None:
        _set_members(team, values.member_user_ids, now)
    return team


@transaction.atomic
def update_team(team: Team, values: TeamValues, *, now: datetime | None = None) -> Team:
    """Change a team; fields left ``None`` stay, ``member_user_ids`` replaces the members.

    Changing the tier leaves the team's tickets at their tier until they move.
    """
    now = now or timezone.now()
    team = Team.objects.select_for_update(of=("self",)).get(pk=team.pk)
    _apply_team_values(team, _given(values))
    _save_team(team, now=now, is_new=False)
    if values.member_user_ids is not None:
        _set_members(team, values.member_user_ids, now)
    return team


@transaction.atomic
def delete_team(team: Team) -> None:
    """Delete a team with its routing rules; its tickets keep going, without a team."""
    Team.objects.filter(pk=team.pk).delete()


def _apply_rule_values(rule: RoutingRule, changes: dict[str, Any]) -> None:
    if "name" in changes:
        rule.name = _check_name(changes["name"])
    if "team_id" in changes:
        if not Team.objects.filter(pk=changes["team_id"]).exists():
            raise AgentError(AgentErrorCode.NOT_FOUND, "Team not found.", field="teamId")
        rule.team_id = changes["team_id"]
    if "is_active" in changes:
        rule.is_active = changes["is_active"]
    if "position" in changes:
        rule.position = changes["position"]
    if "category_slugs" in changes:
        slugs = _check_values(changes["category_slugs"], "categories", max_length=64)
        known = set(TicketCategory.objects.filter(slug__in=slugs).values_list("slug", flat=True))
        unknown = [s for s in slugs if s not in known]
        if unknown:
            raise AgentError(
                AgentErrorCode.INVALID, f"Unknown category '{unknown[0]}'.", field="categories"
            )
        rule.category_slugs = slugs
    if "channels" in changes:
        rule.channels = [
            _check_choice(c, TicketChannel.CHOICES, "channels") for c in changes["channels"]
        ]
    if "language_codes" in changes:
        rule.language_codes = _check_languages(changes["language_codes"], "languageCodes")
    if "order_channels" in changes:
        rule.order_channels = _check_values(
            changes["order_channels"], "orderChannels", max_length=255
        )
    if "tags" in changes:
        try:
            rule.tags = normalise_tags(changes["tags"])
        except TicketError as exc:
            raise AgentError(AgentErrorCode.INVALID, exc.message, field="tags") from exc


@transaction.atomic
def create_routing_rule(values: RuleValues, *, now: datetime | None = None) -> RoutingRule:
    """Create a routing rule; name and team are required, empty conditions match anything.

    Without a position it goes last.
    """
    now = now or timezone.now()
    changes = _given(values)
    if "name" not in changes:
        raise AgentError(AgentErrorCode.REQUIRED, "A name is required.", field="name")
    if "team_id" not in changes:
        raise AgentError(AgentErrorCode.REQUIRED, "A team is required.", field="teamId")
    if "position" not in changes:
        last = RoutingRule.objects.order_by("-position").values_list("position", flat=True).first()
        changes["position"] = 0 if last is None else last + 1
    rule = RoutingRule(created_at=now, updated_at=now)
    _apply_rule_values(rule, changes)
    rule.save(force_insert=True)
    return rule


@transaction.atomic
def update_routing_rule(
    rule: RoutingRule, values: RuleValues, *, now: datetime | None = None
) -> RoutingRule:
    """Change a rule; fields left ``None`` stay, an empty list makes a condition match any."""
    now = now or timezone.now()
    rule = RoutingRule.objects.select_for_update(of=("self",)).get(pk=rule.pk)
    _apply_rule_values(rule, _given(values))
    rule.updated_at = now
    rule.save()
    return rule


@transaction.atomic
def delete_routing_rule(rule: RoutingRule) -> None:
    RoutingRule.objects.filter(pk=rule.pk).delete()


@transaction.atomic
def reorder_routing_rules(
    rule_ids: Sequence[int], *, now: datetime | None = None
) -> list[RoutingRule]:
    """Put the rules in the order of ``rule_ids`` (positions 0, 1, ...); others follow after.

    Returns every rule in its new order.
    """
    now = now or timezone.now()
    unique = list(dict.fromkeys(rule_ids))
    rules = {r.pk: r for r in RoutingRule.objects.select_for_update(of=("self",)).order_by("pk")}
    if any(pk not in rules for pk in unique):
        raise AgentError(AgentErrorCode.NOT_FOUND, "Routing rule not found.", field="ids")
    rest = sorted(
        (r for pk, r in rules.items() if pk not in unique), key=lambda r: (r.position, r.pk)
    )
    ordered = [rules[pk] for pk in unique] + rest
    for position, rule in enumerate(ordered):
        rule.position = position
        rule.updated_at = now
    RoutingRule.objects.bulk_update(ordered, ["position", "updated_at"])
    return ordered
