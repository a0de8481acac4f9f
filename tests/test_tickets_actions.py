import pytest

from saleor_support_plugin.tickets import (
    MessageAuthorType,
    TicketEventType,
    TicketStatus,
    actions,
    erasure,
)
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.error_codes import TicketError, TicketErrorCode
from saleor_support_plugin.tickets.models import Ticket, TicketEvent, TicketMessage


def _events(ticket):
    return list(TicketEvent.objects.filter(ticket=ticket).values_list("type", flat=True))


def test_open_ticket_takes_a_public_number_and_writes_the_timeline(ticket_generator):
    # when
    first = ticket_generator()
    second = ticket_generator()

    # then
    assert first.number >= 1000
    assert second.number == first.number + 1
    assert first.status == TicketStatus.NEW
    assert first.version == 1
    assert first.customer_email == "jan.kowalski@example.com"
    assert _events(first) == [TicketEventType.OPENED]
    assert TicketEvent.objects.get(ticket=first).parameters == {
        "channel": "web",
        "source": "customer",
    }


@pytest.mark.parametrize(
    ("subject", "code"),
    [("   ", TicketErrorCode.REQUIRED), ("x" * 256, TicketErrorCode.TOO_LONG)],
)
def test_open_ticket_refuses_a_bad_subject_and_stores_nothing(ticket_generator, subject, code):
    # when
    with pytest.raises(TicketError) as error:
        ticket_generator(subject=subject)

    # then
    assert error.value.code == code
    assert error.value.field == "subject"
    assert Ticket.objects.count() == 0
    assert TicketEvent.objects.count() == 0


def test_open_ticket_refuses_an_unknown_category(ticket_generator):
    with pytest.raises(TicketError) as error:
        ticket_generator(category="no-such-thing")

    assert error.value.code == TicketErrorCode.INVALID
    assert error.value.field == "category"
    assert error.value.message == "Unknown category 'no-such-thing'."
    assert Ticket.objects.count() == 0


def test_status_walks_the_lifecycle_and_stamps_times(ticket, agent):
    # given
    actor = Actor.user(agent.pk)

    # when
    for status in (
        TicketStatus.OPEN,
        TicketStatus.PENDING,
        TicketStatus.SOLVED,
        TicketStatus.CLOSED,
    ):
        ticket = actions.change_status(ticket, status, actor=actor)

    # then
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.CLOSED
    assert ticket.version == 5
    assert ticket.solved_at is not None
    assert ticket.closed_at is not None
    changes = TicketEvent.objects.filter(ticket=ticket, type=TicketEventType.STATUS_CHANGED)
    assert [(e.parameters["old"], e.parameters["new"], e.user_id) for e in changes] == [
        ("new", "open", agent.pk),
        ("open", "pending", agent.pk),
        ("pending", "solved", agent.pk),
        ("solved", "closed", agent.pk),
    ]


@pytest.mark.parametrize(
    ("path", "forbidden"),
    [
        ([TicketStatus.OPEN, TicketStatus.SOLVED, TicketStatus.CLOSED], TicketStatus.OPEN),
        ([], TicketStatus.CLOSED),
        ([TicketStatus.OPEN], TicketStatus.NEW),
    ],
)
def test_forbidden_status_transition_is_a_typed_error_and_changes_nothing(ticket, path, forbidden):
    # given
    for status in path:
        ticket = actions.change_status(ticket, status, actor=Actor.system())
    ticket.refresh_from_db()
    before = (ticket.status, ticket.version, ticket.updated_at)
    events_before = TicketEvent.objects.count()

    # when
    with pytest.raises(TicketError) as error:
        actions.change_status(ticket, forbidden, actor=Actor.system())

    # then
    assert error.value.code == TicketErrorCode.INVALID_TRANSITION
    assert error.value.field == "status"
    assert error.value.message == f"A ticket cannot move from {ticket.status} to {forbidden}."
    ticket.refresh_from_db()
    assert (ticket.status, ticket.version, ticket.updated_at) == before
    assert TicketEvent.objects.count() == events_before


def test_unknown_status_is_invalid(ticket):
    with pytest.raises(TicketError) as error:
        actions.change_status(ticket, "archived", actor=Actor.system())

    assert error.value.code == TicketErrorCode.INVALID
    assert error.value.message == "Unknown status 'archived'."


def test_same_status_is_a_no_op(ticket):
    result = actions.change_status(ticket, TicketStatus.NEW, actor=Actor.system())

    assert result.version == 1
    assert _events(ticket) == [TicketEventType.OPENED]


def test_stale_expected_version_is_a_conflict_and_changes_nothing(ticket):
    # given: someone else changed the priority first
    actions.change_priority(ticket, "high", actor=Actor.system(), expected_version=1)

    # when
    with pytest.raises(TicketError) as error:
        actions.change_status(ticket, TicketStatus.OPEN, actor=Actor.system(), expected_version=1)

    # then
    assert error.value.code == TicketErrorCode.CONFLICT
    assert error.value.message == "The ticket was changed by someone else (now at version 2)."
    ticket.refresh_from_db()
    assert ticket.status == TicketStatus.NEW
    assert ticket.version == 2


def test_message_body_is_sanitised_on_write(ticket):
    raw = (
        '<p onclick="x()">Hi <script>alert(1)</script><a href="javascript:evil()">x</a>'
        '<a href="https://example.com/track">track</a><img src="http://t/p.gif"></p>'
    )

    message = actions.add_message(
        ticket, author_type=MessageAuthorType.CUSTOMER, actor=Actor(), body=raw
    )

    assert message.body_raw == raw
    assert message.body == (
        '<p>Hi <a rel="noopener noreferrer nofollow">x</a>'
        '<a href="https://example.com/track" rel="noopener noreferrer nofollow">track</a></p>'
    )


def test_plain_text_messages_are_escaped_into_paragraphs(ticket):
    message = actions.add_message(
        ticket,
        author_type=MessageAuthorType.SYSTEM,
        actor=Actor.system(),
        body="Line <1>\nLine 2\n\nSecond & last",
        plain_text=True,
    )

    assert message.body == "<p>Line &lt;1&gt;<br>Line 2</p><p>Second &amp; last</p>"


def test_first_public_agent_reply_is_the_first_response(ticket, agent):
    # given
    agent_actor = Actor.user(agent.pk)
    actions.add_message(ticket, author_type="customer", actor=Actor(), body="Hello?")
    actions.add_message(
        ticket, author_type="agent", actor=agent_actor, body="Checking", is_internal=True
    )
    ticket.refresh_from_db()
    assert ticket.first_response_at is None

    # when
    reply = actions.add_message(ticket, author_type="agent", actor=agent_actor, body="On its way")
    actions.add_message(ticket, author_type="agent", actor=agent_actor, body="Anything else?")

    # then
    ticket.refresh_from_db()
    assert ticket.first_response_at == reply.created_at
    assert ticket.version == 5
    assert _events(ticket) == [
        TicketEventType.OPENED,
        TicketEventType.MESSAGE_ADDED,
        TicketEventType.NOTE_ADDED,
        TicketEventType.MESSAGE_ADDED,
        TicketEventType.MESSAGE_ADDED,
    ]


@pytest.mark.parametrize(
    ("kwargs", "code", "field"),
    [
        ({"body": "  "}, TicketErrorCode.REQUIRED, "body"),
        ({"body": "x" * 10_001}, TicketErrorCode.TOO_LONG, "body"),
        ({"body": "hi", "is_internal": True}, TicketErrorCode.INVALID, "isInternal"),
        ({"body": "hi", "author_type": "robot"}, TicketErrorCode.INVALID, "author_type"),
    ],
)
def test_bad_messages_are_refused_and_nothing_is_stored(ticket, kwargs, code, field):
    arguments = {"author_type": MessageAuthorType.CUSTOMER, **kwargs}

    with pytest.raises(TicketError) as error:
        actions.add_message(ticket, actor=Actor(), **arguments)

    assert error.value.code == code
    assert error.value.field == field
    assert TicketMessage.objects.count() == 0
    ticket.refresh_from_db()
    assert ticket.version == 1


def test_tags_are_normalised_and_diffed_on_the_timeline(ticket):
    ticket = actions.set_tags(ticket, [" VIP ", "late delivery", "vip", ""], actor=Actor.system())
    ticket = actions.set_tags(ticket, ["late-delivery", "fragile"], actor=Actor.system())

    assert ticket.tags == ["late-delivery", "fragile"]
    changes = TicketEvent.objects.filter(ticket=ticket, type=TicketEventType.TAGS_CHANGED)
    assert [e.parameters for e in changes] == [
        {"added": ["vip", "late-delivery"], "removed": []},
        {"added": ["fragile"], "removed": ["vip"]},
    ]


def test_too_many_tags_are_refused(ticket):
    with pytest.raises(TicketError) as error:
        actions.set_tags(ticket, [f"t{i}" for i in range(21)], actor=Actor.system())

    assert error.value.code == TicketErrorCode.INVALID
    assert error.value.message == "A ticket can have at most 20 tags."
    ticket.refresh_from_db()
    assert ticket.tags == []


def test_assign_and_unassign(ticket, agent):
    ticket = actions.assign_ticket(ticket, agent.pk, actor=Actor.user(agent.pk))
    ticket = actions.assign_ticket(ticket, None, actor=Actor.user(agent.pk))

    assert ticket.assignee_id is None
    changes = TicketEvent.objects.filter(ticket=ticket, type=TicketEventType.ASSIGNED)
    assert [e.parameters for e in changes] == [
        {"old_assignee_id": None, "new_assignee_id": agent.pk},
        {"old_assignee_id": agent.pk, "new_assignee_id": None},
    ]


def test_category_change(ticket):
    ticket = actions.change_category(ticket, "complaint", actor=Actor.system())

    assert ticket.category.slug == "complaint"
    assert _events(ticket)[-1] == TicketEventType.CATEGORY_CHANGED


def test_solving_a_store_thread_releases_its_key(ticket):
    # given
    Ticket.objects.filter(pk=ticket.pk).update(thread_key="order:abc")

    # when
    ticket = actions.change_status(ticket, TicketStatus.SOLVED, actor=Actor.system())

    # then
    assert ticket.thread_key is None
    ticket.refresh_from_db()
    assert ticket.thread_key is None


def test_anonymise_customer_erases_personal_data_and_keeps_the_numbers(ticket_generator, agent):
    # given
    mine = ticket_generator(email="Jan.Kowalski@Example.com", user_id=agent.pk)
    guest = ticket_generator(email="jan.kowalski@example.com")
    other = ticket_generator(email="someone@example.com")
    actions.add_message(mine, author_type="customer", actor=Actor(), body="My address is ...")
    actions.add_message(mine, author_type="agent", actor=Actor.user(agent.pk), body="Thanks!")

    # when
    count = erasure.anonymise_customer(
        user_id=agent.pk, email="jan.kowalski@example.com", actor=Actor.system()
    )
    again = erasure.anonymise_customer(
        user_id=agent.pk, email="jan.kowalski@example.com", actor=Actor.system()
    )

    # then
    assert (count, again) == (2, 0)
    for erased in (mine, guest):
        erased.refresh_from_db()
        assert erased.customer_user_id is None
        assert erased.customer_email == erasure.erased_marker("jan.kowalski@example.com")
        assert erased.customer_email.startswith("erased-")
        assert erased.customer_name == erased.customer_email
        assert erased.anonymised_at is not None
        assert erased.category.slug == "delivery"
        assert _events(erased)[-1] == TicketEventType.CUSTOMER_ANONYMISED
    bodies = list(mine.messages.order_by("id").values_list("author_type", "body_raw"))
    assert bodies == [
        ("customer", erasure.REDACTED_BODY),
        ("agent", "Thanks!"),
    ]
    other.refresh_from_db()
    assert other.customer_email == "someone@example.com"
    assert other.anonymised_at is None


def test_reopening_an_order_ticket_reclaims_the_order_thread(ticket):
    # given
    order_id = "0b7a9d4e-1111-4222-8333-444455556666"
    Ticket.objects.filter(pk=ticket.pk).update(order_id=order_id, thread_key=f"order:{order_id}")
    ticket = actions.change_status(ticket, TicketStatus.SOLVED, actor=Actor.system())

    # when
    ticket = actions.change_status(ticket, TicketStatus.OPEN, actor=Actor.system())

    # then
    ticket.refresh_from_db()
    assert ticket.thread_key == f"order:{order_id}"


def test_reopening_leaves_the_thread_to_a_newer_ticket(ticket_generator):
    # given
    order_id = "0b7a9d4e-1111-4222-8333-444455556666"
    old, new = ticket_generator(), ticket_generator()
    Ticket.objects.filter(pk=old.pk).update(order_id=order_id, status=TicketStatus.SOLVED)
    Ticket.objects.filter(pk=new.pk).update(order_id=order_id, thread_key=f"order:{order_id}")

    # when
    old = actions.change_status(old, TicketStatus.OPEN, actor=Actor.system())

    # then
    old.refresh_from_db()
    assert old.thread_key is None
    assert old.status == TicketStatus.OPEN


def test_an_erased_customer_stays_erased_on_later_tickets(ticket_generator):
    # given
    erasure.anonymise_customer(user_id=None, email="jan.kowalski@example.com", actor=Actor.system())

    # when
    later = ticket_generator(email="JAN.KOWALSKI@example.com")

    # then
    marker = erasure.erased_marker("jan.kowalski@example.com")
    assert (later.customer_email, later.customer_name) == (marker, marker)
    assert later.anonymised_at is not None
