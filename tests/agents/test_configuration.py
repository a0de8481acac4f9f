import pytest

from saleor_support_plugin.agents import AgentRole, AssignmentStrategy, Availability
from saleor_support_plugin.agents.access import can_lead
from saleor_support_plugin.agents.configuration import (
    ProfileValues,
    RuleValues,
    TeamValues,
    create_routing_rule,
    create_team,
    delete_team,
    reorder_routing_rules,
    save_agent_profile,
    update_routing_rule,
    update_team,
)
from saleor_support_plugin.agents.error_codes import AgentError, AgentErrorCode
from saleor_support_plugin.agents.models import AgentProfile, RoutingRule, Team
from saleor_support_plugin.agents.routing import route_new_ticket
from saleor_support_plugin.host.requestor import DeskPermission, Requestor, RequestorKind
from saleor_support_plugin.tickets.models import Ticket
from tests.fixtures.agents import profile_of

from .helpers import new_ticket

pytestmark = pytest.mark.django_db


def _staff(user, *permissions):
    return Requestor(
        kind=RequestorKind.STAFF,
        user_id=user.pk,
        permissions=frozenset(p.value for p in permissions),
    )


@pytest.mark.parametrize(
    ("role", "permissions", "expected"),
    [
        (AgentRole.TEAM_LEAD, (DeskPermission.MANAGE_ORDERS,), True),
        (AgentRole.MANAGER, (DeskPermission.MANAGE_ORDERS,), True),
        (AgentRole.AGENT, (DeskPermission.MANAGE_ORDERS,), False),
        (AgentRole.DISPATCHER, (DeskPermission.MANAGE_ORDERS,), False),
        (AgentRole.AGENT, (DeskPermission.MANAGE_SETTINGS,), True),
        (AgentRole.TEAM_LEAD, (), False),
        (None, (DeskPermission.MANAGE_ORDERS,), False),
        (None, (DeskPermission.MANAGE_SETTINGS,), True),
    ],
)
def test_can_lead(agent, role, permissions, expected):
    # given
    if role is not None:
        save_agent_profile(agent.pk, ProfileValues(role=role))

    # when
    result = can_lead(_staff(agent, *permissions))

    # then
    assert result is expected


def test_can_lead_refuses_customers_and_guests(customer_user):
    assert can_lead(Requestor(kind=RequestorKind.CUSTOMER, user_id=customer_user.pk)) is False
    assert can_lead(Requestor.guest(1)) is False
    assert can_lead(Requestor.anonymous()) is False


def test_a_profile_is_created_with_defaults_then_changed(agent, team_generator):
    # given
    team = team_generator()

    # when
    created = save_agent_profile(agent.pk, ProfileValues())
    changed = save_agent_profile(
        agent.pk,
        ProfileValues(
            role=AgentRole.DISPATCHER,
            tier=2,
            language_codes=["ro", "pt-BR", "RO"],
            capacity=7,
            availability=Availability.AWAY,
            team_ids=[team.pk, team.pk],
        ),
    )

    # then
    assert created.pk == changed.pk
    profile = profile_of(agent)
    assert (profile.role, profile.tier, profile.language_codes) == (
        AgentRole.DISPATCHER,
        2,
        ["ro", "pt-BR"],
    )
    assert (profile.capacity, profile.availability) == (7, Availability.AWAY)
    assert list(profile.teams.values_list("pk", flat=True)) == [team.pk]


@pytest.mark.parametrize(
    ("values", "code", "field"),
    [
        (ProfileValues(role="boss"), AgentErrorCode.INVALID, "role"),
        (ProfileValues(tier=4), AgentErrorCode.INVALID, "tier"),
        (ProfileValues(capacity=5000), AgentErrorCode.INVALID, "capacity"),
        (ProfileValues(availability="asleep"), AgentErrorCode.INVALID, "availability"),
        (ProfileValues(language_codes=["not a language"]), AgentErrorCode.INVALID, "languageCodes"),
        (ProfileValues(team_ids=[999_999]), AgentErrorCode.NOT_FOUND, "teamIds"),
    ],
)
def test_profile_values_are_checked(agent, values, code, field):
    with pytest.raises(AgentError) as error:
        save_agent_profile(agent.pk, values)

    assert (error.value.code, error.value.field) == (code, field)
    assert not AgentProfile.objects.exists()


def test_teams_are_created_updated_and_one_is_default(agent, staff_generator):
    second_agent = staff_generator()
    # given
    first = create_team(TeamValues(name=" First  line ", slug="First", is_default=True))

    # when
    second = create_team(
        TeamValues(
            name="Payments",
            slug="payments",
            tier=2,
            strategy=AssignmentStrategy.LEAST_LOADED,
            is_default=True,
            member_user_ids=[agent.pk, second_agent.pk],
        )
    )
    update_team(second, TeamValues(member_user_ids=[second_agent.pk], auto_assign=False))

    # then
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.name, first.slug, first.is_default) == ("First line", "first", False)
    assert (second.tier, second.strategy, second.is_default, second.auto_assign) == (
        2,
        AssignmentStrategy.LEAST_LOADED,
        True,
        False,
    )
    assert list(second.members.values_list("user_id", flat=True)) == [second_agent.pk]
    assert AgentProfile.objects.count() == 2  # the agent's was created for the team


@pytest.mark.parametrize(
    ("values", "code", "field"),
    [
        (TeamValues(slug="x"), AgentErrorCode.REQUIRED, "name"),
        (TeamValues(name="X"), AgentErrorCode.REQUIRED, "slug"),
        (TeamValues(name="X", slug="bad slug!"), AgentErrorCode.INVALID, "slug"),
        (TeamValues(name="X", slug="taken"), AgentErrorCode.UNIQUE, "slug"),
        (TeamValues(name="X" * 129, slug="x"), AgentErrorCode.TOO_LONG, "name"),
        (TeamValues(name="X", slug="x", tier=9), AgentErrorCode.INVALID, "tier"),
        (TeamValues(name="X", slug="x", strategy="random"), AgentErrorCode.INVALID, "strategy"),
    ],
)
def test_team_values_are_checked(values, code, field):
    # given
    create_team(TeamValues(name="Taken", slug="taken"))

    # when
    with pytest.raises(AgentError) as error:
        create_team(values)

    # then
    assert (error.value.code, error.value.field) == (code, field)
    assert Team.objects.count() == 1


def test_deleting_a_team_keeps_its_tickets_without_team(team_generator, routing_rule_generator):
    # given
    team = team_generator(is_default=True)
    routing_rule_generator(team)
    ticket = route_new_ticket(new_ticket())

    # when
    delete_team(team)

    # then
    assert Ticket.objects.get(pk=ticket.pk).team_id is None
    assert not RoutingRule.objects.exists()


def test_rules_go_last_unless_placed_and_can_be_reordered(team_generator):
    # given
    team = team_generator()
    first = create_routing_rule(RuleValues(name="a", team_id=team.pk))
    second = create_routing_rule(RuleValues(name="b", team_id=team.pk))
    third = create_routing_rule(RuleValues(name="c", team_id=team.pk))

    # when
    ordered = reorder_routing_rules([third.pk, first.pk])

    # then
    assert [(r.pk, r.position) for r in ordered] == [(third.pk, 0), (first.pk, 1), (second.pk, 2)]
    assert list(RoutingRule.objects.values_list("pk", flat=True)) == [third.pk, first.pk, second.pk]


def test_rule_conditions_are_normalised_and_checked(team_generator):
    # given
    team = team_generator()
    rule = create_routing_rule(
        RuleValues(
            name="VIP",
            team_id=team.pk,
            category_slugs=["refund", "refund"],
            channels=["email"],
            language_codes=["pt-BR"],
            order_channels=[" eu "],
            tags=["Big Spender"],
        )
    )

    # when
    with pytest.raises(AgentError) as category:
        update_routing_rule(rule, RuleValues(category_slugs=["nope"]))
    with pytest.raises(AgentError) as channel:
        update_routing_rule(rule, RuleValues(channels=["fax"]))
    with pytest.raises(AgentError) as missing_team:
        update_routing_rule(rule, RuleValues(team_id=999_999))
    updated = update_routing_rule(rule, RuleValues(tags=[]))

    # then
    assert (category.value.code, category.value.field) == (AgentErrorCode.INVALID, "categories")
    assert (channel.value.code, channel.value.field) == (AgentErrorCode.INVALID, "channels")
    assert (missing_team.value.code, missing_team.value.field) == (
        AgentErrorCode.NOT_FOUND,
        "teamId",
    )
    assert (updated.category_slugs, updated.channels, updated.order_channels, updated.tags) == (
        ["refund"],
        ["email"],
        ["eu"],
        [],
    )
