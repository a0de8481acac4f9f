import pytest

from saleor_support_plugin.agents.actions import de_escalate_ticket, escalate_ticket
from saleor_support_plugin.agents.configuration import TeamValues, update_team
from saleor_support_plugin.agents.routing import route_new_ticket
from saleor_support_plugin.tickets import (
    MessageAuthorType,
    TicketEventType,
    TicketStatus,
    TicketTier,
)
from saleor_support_plugin.tickets.actions import change_status
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.error_codes import TicketError, TicketErrorCode
from saleor_support_plugin.tickets.models import Ticket, TicketEvent, TicketMessage

from .helpers import new_ticket


@pytest.fixture
def tiers(staff_generator, team_generator):
    """An L1 default team and L2/L3 teams, one agent each."""
    agents = {tier: staff_generator(tier=tier) for tier in (1, 2, 3)}
    teams = {
        tier: team_generator(tier=tier, members=[agents[tier]], is_default=tier == 1)
        for tier in (1, 2, 3)
    }
    return teams, agents


def test_escalation_moves_the_ticket_to_the_next_tiers_team_with_the_reason_as_a_note(
    tiers, staff_generator
):
    # given
    teams, agents = tiers
    lead = staff_generator()
    ticket = route_new_ticket(new_ticket())
    assert ticket.assignee_id == agents[1].pk

    # when
    escalated = escalate_ticket(
        ticket, actor=Actor.user(lead.pk), reason="  Card charged twice  ", expected_version=3
    )

    # then
    escalated = Ticket.objects.get(pk=ticket.pk)
    assert escalated.tier == TicketTier.L2
    assert escalated.team_id == teams[2].pk
    assert escalated.assignee_id == agents[2].pk
    note = TicketMessage.objects.get(ticket=ticket)
    assert (note.is_internal, note.author_type, note.body_raw, note.author_user_id) == (
        True,
        MessageAuthorType.AGENT,
        "Card charged twice",
        lead.pk,
    )
    events = list(
        ticket.events.filter(id__gt=_last_event_before(ticket, TicketEventType.NOTE_ADDED))
        .order_by("id")
        .values_list("type", "parameters")
    )
    assert events == [
        (TicketEventType.ASSIGNED, {"old_assignee_id": agents[1].pk, "new_assignee_id": None}),
        (
            TicketEventType.ESCALATED,
            {
                "old_tier": 1,
                "new_tier": 2,
                "old_team_id": teams[1].pk,
                "new_team_id": teams[2].pk,
                "note_id": note.pk,
            },
        ),
        (TicketEventType.ASSIGNED, {"old_assignee_id": None, "new_assignee_id": agents[2].pk}),
    ]


def _last_event_before(ticket, type_):
    return ticket.events.filter(type=type_).values_list("id", flat=True).get()


def test_an_assignee_who_is_a_member_of_the_new_team_keeps_the_ticket(tiers):
    # given: the L1 agent also works in the L2 team
    teams, agents = tiers
    update_team(teams[2], TeamValues(member_user_ids=[agents[1].pk, agents[2].pk]))
    ticket = route_new_ticket(new_ticket())

    # when
    escalated = escalate_ticket(ticket, actor=Actor.system(), reason="Needs a refund check")

    # then
    assert escalated.assignee_id == agents[1].pk
    assert escalated.team_id == teams[2].pk
    note = TicketMessage.objects.get(ticket=ticket)
    assert note.author_type == MessageAuthorType.SYSTEM


def test_de_escalation_goes_back_down_a_tier(tiers):
    # given
    teams, agents = tiers
    ticket = escalate_ticket(route_new_ticket(new_ticket()), actor=Actor.system(), reason="x")

    # when
    back = de_escalate_ticket(ticket, actor=Actor.system(), reason="Answered, back to L1")

    # then
    assert (back.tier, back.team_id, back.assignee_id) == (1, teams[1].pk, agents[1].pk)
    assert TicketEvent.objects.filter(ticket=ticket, type=TicketEventType.DE_ESCALATED).count() == 1


def test_escalation_to_a_tier_without_a_team_leaves_it_unassigned_without_team(tiers):
    # given
    teams, _ = tiers
    teams[3].is_active = False
    teams[3].save()
    ticket = escalate_ticket(route_new_ticket(new_ticket()), actor=Actor.system(), reason="a")

    # when
    top = escalate_ticket(ticket, actor=Actor.system(), reason="b")

    # then
    assert (top.tier, top.team_id, top.assignee_id) == (3, None, None)


@pytest.mark.parametrize(
    ("steps", "action", "message"),
    [
        (2, escalate_ticket, "The ticket is already at the highest tier (L3)."),
        (0, de_escalate_ticket, "The ticket is already at the lowest tier (L1)."),
    ],
)
def test_tier_limits(tiers, steps, action, message):
    # given
    ticket = route_new_ticket(new_ticket())
    for _ in range(steps):
        ticket = escalate_ticket(ticket, actor=Actor.system(), reason="up")
    before = (TicketEvent.objects.count(), TicketMessage.objects.count())

    # when
    with pytest.raises(TicketError) as error:
        action(ticket, actor=Actor.system(), reason="once more")

    # then
    assert (error.value.code, error.value.field, error.value.message) == (
        TicketErrorCode.TIER_LIMIT,
        "id",
        message,
    )
    assert (TicketEvent.objects.count(), TicketMessage.objects.count()) == before


def test_a_reason_is_required(tiers):
    # given
    ticket = route_new_ticket(new_ticket())

    # when
    with pytest.raises(TicketError) as error:
        escalate_ticket(ticket, actor=Actor.system(), reason=" \n ")

    # then
    assert (error.value.code, error.value.field) == (TicketErrorCode.REQUIRED, "reason")
    assert Ticket.objects.get(pk=ticket.pk).tier == TicketTier.L1


def test_escalation_checks_the_expected_version_and_the_status(tiers):
    # given
    ticket = route_new_ticket(new_ticket())
    solved = change_status(new_ticket(), TicketStatus.SOLVED, actor=Actor.system())

    # when
    with pytest.raises(TicketError) as conflict:
        escalate_ticket(ticket, actor=Actor.system(), reason="x", expected_version=1)
    with pytest.raises(TicketError) as inactive:
        escalate_ticket(solved, actor=Actor.system(), reason="x")

    # then
    assert conflict.value.code == TicketErrorCode.CONFLICT
    assert inactive.value.code == TicketErrorCode.INVALID_TRANSITION
