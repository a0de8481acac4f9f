"""Applying a macro: the message, the field changes and the usage count, all or nothing."""

import pytest
from django.contrib.auth import get_user_model

from saleor_support_plugin.macros import MacroAssignment
from saleor_support_plugin.macros.actions import MacroActions, apply_macro, update_macro
from saleor_support_plugin.macros.error_codes import MacroError, MacroErrorCode
from saleor_support_plugin.macros.models import Macro, MacroUsage
from saleor_support_plugin.macros.planning import plan_macro
from saleor_support_plugin.tickets import MessageAuthorType, TicketEventType, TicketStatus
from saleor_support_plugin.tickets import actions as ticket_actions
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.models import Ticket, TicketCategory, TicketEvent, TicketMessage

RO_TEXT = (
    "<p>Bună ziua, {{ customer.first_name }}, coletul are numărul {{ order.tracking_numbers }}.</p>"
)


def _state(ticket):
    ticket.refresh_from_db()
    fields = ("status", "priority", "category_id", "tags", "assignee_id", "version", "updated_at")
    return {name: getattr(ticket, name) for name in fields}


def _timeline(ticket):
    return list(
        TicketEvent.objects.filter(ticket=ticket).order_by("id").values_list("type", "user_id")
    )


def _full_macro(macro_generator):
    return macro_generator(
        translations={"": "<p>Hello {{ customer.first_name }}</p>", "ro": RO_TEXT},
        actions=MacroActions(
            status=TicketStatus.SOLVED,
            priority="high",
            category_slug="refund",
            add_tags=("Tracking sent",),
            remove_tags=("waiting",),
            assignment=MacroAssignment.ME,
        ),
    )


def test_applying_posts_the_text_and_makes_every_change_in_order(
    macro_generator, order_ticket, lead
):
    # given
    ticket_actions.set_tags(order_ticket, ["waiting", "vip"], actor=Actor.system())
    macro = _full_macro(macro_generator)
    actor = Actor.user(lead.pk)

    # when
    applied = apply_macro(order_ticket, macro, actor=actor, expected_version=2)

    # then
    ticket = applied.ticket
    assert (ticket.status, ticket.priority, ticket.category.slug) == ("solved", "high", "refund")
    assert ticket.tags == ["vip", "tracking-sent"]
    assert ticket.assignee_id == lead.pk
    assert ticket.version == 8
    assert ticket.first_response_at is not None
    message = applied.message
    assert (message.author_type, message.author_user_id, message.is_internal) == (
        MessageAuthorType.AGENT,
        lead.pk,
        False,
    )
    assert message.body == ("<p>Bună ziua, Ana, coletul are numărul RO123456789, RO987654321.</p>")
    assert _timeline(order_ticket)[2:] == [
        (TicketEventType.MESSAGE_ADDED, lead.pk),
        (TicketEventType.CATEGORY_CHANGED, lead.pk),
        (TicketEventType.PRIORITY_CHANGED, lead.pk),
        (TicketEventType.TAGS_CHANGED, lead.pk),
        (TicketEventType.ASSIGNED, lead.pk),
        (TicketEventType.STATUS_CHANGED, lead.pk),
    ]
    macro.refresh_from_db()
    assert macro.usage_count == 1
    assert macro.last_used_at == message.created_at
    usage = MacroUsage.objects.get()
    assert (usage.macro_id, usage.ticket_id, usage.message_id, usage.user_id) == (
        macro.pk,
        ticket.pk,
        message.pk,
        lead.pk,
    )
    assert usage.language_code == "ro"


def test_the_preview_shows_the_same_without_changing_anything(macro_generator, order_ticket, lead):
    # given
    macro = _full_macro(macro_generator)
    before = _state(order_ticket)

    # when
    plan = plan_macro(order_ticket, macro, actor=Actor.user(lead.pk))

    # then
    assert plan.body == "<p>Bună ziua, Ana, coletul are numărul RO123456789, RO987654321.</p>"
    assert plan.changes.changed_fields == ["status", "priority", "category", "tags", "assignee"]
    assert plan.changes.status == "solved"
    assert plan.changes.category == TicketCategory.objects.get(slug="refund")
    assert plan.changes.tags == ["tracking-sent"]
    assert plan.changes.assignee_id == lead.pk
    assert _state(order_ticket) == before
    assert TicketMessage.objects.count() == 0
    assert MacroUsage.objects.count() == 0
    macro.refresh_from_db()
    assert macro.usage_count == 0


def test_changes_the_ticket_already_has_are_left_out(macro_generator, order_ticket, lead):
    macro = macro_generator(
        actions=MacroActions(priority="normal", category_slug="delivery", remove_tags=("x",))
    )

    plan = plan_macro(order_ticket, macro, actor=Actor.user(lead.pk))

    assert plan.changes.changed_fields == []


def test_a_refused_status_change_undoes_everything(macro_generator, order_ticket, lead):
    # given
    macro = macro_generator(
        actions=MacroActions(status=TicketStatus.CLOSED, priority="urgent", add_tags=("x",))
    )
    before = _state(order_ticket)

    # when
    with pytest.raises(MacroError) as error:
        apply_macro(order_ticket, macro, actor=Actor.user(lead.pk))

    # then
    assert error.value.code == MacroErrorCode.INVALID_TRANSITION
    assert error.value.field == "macroId"
    assert error.value.message == (
        "The macro sets the status to closed, but a ticket cannot move from new to closed."
    )
    assert _state(order_ticket) == before
    assert _timeline(order_ticket) == [(TicketEventType.OPENED, None)]
    assert TicketMessage.objects.count() == 0
    assert MacroUsage.objects.count() == 0
    assert Macro.objects.get().usage_count == 0


def test_a_failure_after_the_message_was_written_undoes_it_too(
    macro_generator, order_ticket, lead, monkeypatch
):
    # given
    macro = macro_generator(actions=MacroActions(priority="urgent", status=TicketStatus.OPEN))
    before = _state(order_ticket)

    def refuse(*args, **kwargs):
        raise ticket_actions.TicketError(
            ticket_actions.TicketErrorCode.INVALID_TRANSITION, "Refused.", field="status"
        )

    monkeypatch.setattr(ticket_actions, "change_status", refuse)

    # when
    with pytest.raises(MacroError) as error:
        apply_macro(order_ticket, macro, actor=Actor.user(lead.pk))

    # then
    assert (error.value.code, error.value.field) == (
        MacroErrorCode.INVALID_TRANSITION,
        "macroId",
    )
    assert _state(order_ticket) == before
    assert _timeline(order_ticket) == [(TicketEventType.OPENED, None)]
    assert TicketMessage.objects.count() == 0
    assert Macro.objects.get().usage_count == 0


def test_a_missing_value_sends_nothing(macro_generator, order_ticket_generator, lead):
    ticket = order_ticket_generator(with_order=False)
    macro = macro_generator(actions=MacroActions(priority="high"))
    before = _state(ticket)

    with pytest.raises(MacroError) as error:
        apply_macro(ticket, macro, actor=Actor.user(lead.pk))

    assert error.value.code == MacroErrorCode.MISSING_VALUE
    assert _state(ticket) == before
    assert TicketMessage.objects.count() == 0


def test_a_stale_version_is_a_conflict(macro_generator, order_ticket, lead):
    macro = macro_generator()
    ticket_actions.change_priority(order_ticket, "high", actor=Actor.system())

    with pytest.raises(MacroError) as error:
        apply_macro(order_ticket, macro, actor=Actor.user(lead.pk), expected_version=1)

    assert (error.value.code, error.value.field) == (MacroErrorCode.CONFLICT, "expectedVersion")
    assert error.value.message == "The ticket was changed by someone else (now at version 2)."
    assert TicketMessage.objects.count() == 0


def test_the_usage_is_counted_once_per_application(macro_generator, order_ticket_generator, lead):
    # given
    macro = macro_generator()
    tickets = [order_ticket_generator(), order_ticket_generator()]

    # when
    for ticket in [*tickets, tickets[0]]:
        apply_macro(ticket, macro, actor=Actor.user(lead.pk))

    # then
    macro.refresh_from_db()
    assert macro.usage_count == 3
    assert MacroUsage.objects.filter(macro=macro).count() == 3


def test_an_internal_note_with_the_agents_own_words(macro_generator, order_ticket, lead):
    # given
    macro = macro_generator()

    # when
    applied = apply_macro(
        order_ticket,
        macro,
        actor=Actor.user(lead.pk),
        is_internal=True,
        language="",
        additional_text="<p>Checked <strong>twice</strong><script>x()</script></p>",
    )

    # then
    assert applied.message.is_internal is True
    assert applied.message.body == (
        "<p>Hello Ana, order #1007.</p><p>Checked <strong>twice</strong></p>"
    )
    assert applied.ticket.first_response_at is None
    assert _timeline(order_ticket)[-1] == (TicketEventType.NOTE_ADDED, lead.pk)


def test_a_turned_off_macro_cannot_be_applied(macro_generator, order_ticket, lead):
    macro = macro_generator(is_active=False)

    with pytest.raises(MacroError) as error:
        apply_macro(order_ticket, macro, actor=Actor.user(lead.pk))

    assert (error.value.code, error.value.field) == (MacroErrorCode.INACTIVE, "macroId")
    assert TicketMessage.objects.count() == 0


@pytest.mark.parametrize(
    ("assignment", "expected"),
    [
        (MacroAssignment.UNASSIGN, None),
        (MacroAssignment.USER, "second"),
        (MacroAssignment.KEEP, "agent"),
    ],
)
def test_assignments(
    macro_generator, order_ticket, lead, agent, staff_generator, assignment, expected
):
    # given
    second_agent = staff_generator()
    ticket_actions.assign_ticket(order_ticket, agent.pk, actor=Actor.system())
    assignee = second_agent.pk if assignment == MacroAssignment.USER else None
    macro = macro_generator(actions=MacroActions(assignment=assignment, assignee_id=assignee))

    # when
    applied = apply_macro(order_ticket, macro, actor=Actor.user(lead.pk))

    # then
    users = {None: None, "second": second_agent.pk, "agent": agent.pk}
    assert applied.ticket.assignee_id == users[expected]


def test_assigning_to_whoever_applies_it_is_refused_for_an_app(macro_generator, order_ticket):
    macro = macro_generator(
        translations={"": "<p>Hi</p>"}, actions=MacroActions(assignment=MacroAssignment.ME)
    )

    with pytest.raises(MacroError) as error:
        apply_macro(order_ticket, macro, actor=Actor())

    assert (error.value.code, error.value.field) == (MacroErrorCode.INVALID, "macroId")


def test_a_macro_whose_agent_left_is_refused(macro_generator, order_ticket, lead, staff_generator):
    # given
    second_agent = staff_generator()
    macro = macro_generator(
        actions=MacroActions(assignment=MacroAssignment.USER, assignee_id=second_agent.pk)
    )
    get_user_model().objects.filter(pk=second_agent.pk).update(is_active=False)

    # when
    with pytest.raises(MacroError) as error:
        apply_macro(order_ticket, macro, actor=Actor.user(lead.pk))

    # then
    assert error.value.code == MacroErrorCode.INVALID
    assert error.value.message == (
        "The assignee must be an active staff member who works on tickets."
    )
    assert Ticket.objects.get().assignee_id is None


def test_a_macro_whose_category_was_turned_off_is_refused(macro_generator, order_ticket, lead):
    macro = macro_generator(actions=MacroActions(category_slug="refund"))
    TicketCategory.objects.filter(slug="refund").update(is_active=False)

    with pytest.raises(MacroError) as error:
        apply_macro(order_ticket, macro, actor=Actor.user(lead.pk))

    assert error.value.message == "The macro's category is no longer in use; edit the macro."


def test_a_text_edited_after_the_preview_is_what_gets_sent(macro_generator, order_ticket, lead):
    macro = macro_generator()
    update_macro(
        macro, actor=Actor.user(lead.pk), translations={"": "<p>New {{ order.number }}</p>"}
    )

    applied = apply_macro(order_ticket, macro, actor=Actor.user(lead.pk), language="")

    assert applied.message.body == "<p>New 1007</p>"
