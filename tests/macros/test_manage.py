"""Creating, changing and deleting macros, and who sees and edits which."""

import pytest

from saleor_support_plugin.host.requestor import DeskPermission, Requestor, RequestorKind
from saleor_support_plugin.macros import MacroAssignment, MacroVisibility
from saleor_support_plugin.macros.access import (
    access_macro_by_id,
    can_edit_macro,
    can_edit_macros,
    macros_visible_to,
)
from saleor_support_plugin.macros.actions import (
    MacroActions,
    apply_macro,
    create_macro,
    delete_macro,
    update_macro,
)
from saleor_support_plugin.macros.error_codes import MacroError, MacroErrorCode
from saleor_support_plugin.macros.models import Macro, MacroTranslation, MacroUsage
from saleor_support_plugin.tickets.actors import Actor
from saleor_support_plugin.tickets.models import TicketCategory, TicketMessage

DEFAULT = {"": "<p>Hello {{ customer.first_name }}</p>"}


def _texts(macro):
    return dict(MacroTranslation.objects.filter(macro=macro).values_list("language_code", "body"))


def _agent_requestor(user, *extra):
    permissions = {DeskPermission.MANAGE_ORDERS.value, *(p.value for p in extra)}
    return Requestor(kind=RequestorKind.STAFF, user_id=user.pk, permissions=frozenset(permissions))


def test_a_macro_is_stored_cleaned(lead):
    # when
    macro = create_macro(
        actor=Actor.user(lead.pk),
        name="  Refund   issued ",
        visibility=MacroVisibility.SHARED,
        translations={
            "": "<p>Refunded {{ order.refunded }}</p><script>alert(1)</script>",
            "pt_BR": "<p>Reembolsado {{order.refunded}}</p>",
            "RO": '<p onclick="x()">Am rambursat {{ order.refunded }}</p>',
        },
        actions=MacroActions(
            status="solved",
            category_slug="refund",
            add_tags=("Refunded", "refunded", " money back "),
            remove_tags=("Waiting",),
        ),
        group=" Refunds ",
        position=3,
    )

    # then
    macro.refresh_from_db()
    assert (macro.name, macro.group, macro.position) == ("Refund issued", "Refunds", 3)
    assert (macro.visibility, macro.owner_id, macro.created_by_id) == ("shared", None, lead.pk)
    assert (macro.set_status, macro.set_priority) == ("solved", None)
    assert macro.set_category == TicketCategory.objects.get(slug="refund")
    assert macro.add_tags == ["refunded", "money-back"]
    assert macro.remove_tags == ["waiting"]
    assert (macro.assignment, macro.assignee_id) == (MacroAssignment.KEEP, None)
    assert (macro.usage_count, macro.last_used_at) == (0, None)
    assert _texts(macro) == {
        "": "<p>Refunded {{ order.refunded }}</p>",
        "pt-br": "<p>Reembolsado {{order.refunded}}</p>",
        "ro": "<p>Am rambursat {{ order.refunded }}</p>",
    }


@pytest.mark.parametrize(
    ("translations", "code", "message", "where"),
    [
        (
            {"ro": "<p>Bună</p>"},
            MacroErrorCode.REQUIRED,
            'A macro needs a default text (language ""), used for every other language.',
            None,
        ),
        (
            {**DEFAULT, "ro": "<p>Bună ziua,</p>\n<p>totalul: {{ order.totl }}</p>"},
            MacroErrorCode.UNKNOWN_VARIABLE,
            "Unknown variable {{ order.totl }} at line 2, column 13 of the ro text.",
            ("order.totl", "ro", 2, 13),
        ),
        (
            {"": "<p>Hi {{ customer.first_name </p>"},
            MacroErrorCode.INVALID_PLACEHOLDER,
            "'{{ customer.first_name </p>' at line 1, column 7 of the default text is not a"
            " placeholder: write a variable name between {{ and }}, such as"
            " {{ customer.first_name }}.",
            (None, "", 1, 7),
        ),
        ({**DEFAULT, "pl": "  "}, MacroErrorCode.REQUIRED, "Write the pl text.", None),
        (
            {"": "x" * 10_001},
            MacroErrorCode.TOO_LONG,
            "The default text can have at most 10000 characters.",
            None,
        ),
        (
            {**DEFAULT, "not a language": "x"},
            MacroErrorCode.INVALID,
            "'not a language' is not a language code (such as ro, pl, fa or pt-BR).",
            None,
        ),
        (
            {**DEFAULT, "ro": "a", "RO": "b"},
            MacroErrorCode.INVALID,
            "The ro text is given twice.",
            None,
        ),
    ],
    ids=["no-default", "unknown", "malformed", "empty", "too-long", "bad-code", "twice"],
)
def test_bad_texts_are_refused_and_nothing_is_stored(lead, translations, code, message, where):
    # when
    with pytest.raises(MacroError) as error:
        create_macro(
            actor=Actor.user(lead.pk),
            name="Broken",
            visibility=MacroVisibility.SHARED,
            translations=translations,
        )

    # then
    assert (error.value.code, error.value.field, error.value.message) == (
        code,
        "translations",
        message,
    )
    if where:
        found = (error.value.variable, error.value.language, error.value.line, error.value.column)
        assert found == where
    assert Macro.objects.count() == 0
    assert MacroTranslation.objects.count() == 0


@pytest.mark.parametrize(
    ("changes", "code", "field", "message"),
    [
        ({"name": "  "}, MacroErrorCode.REQUIRED, "name", "A macro needs a name."),
        (
            {"name": "x" * 129},
            MacroErrorCode.TOO_LONG,
            "name",
            "A macro's name can have at most 128 characters.",
        ),
        (
            {"group": "g" * 65},
            MacroErrorCode.TOO_LONG,
            "group",
            "A group name can have at most 64 characters.",
        ),
        (
            {"position": 40_000},
            MacroErrorCode.INVALID,
            "position",
            "The position must be from 0 to 32767.",
        ),
        (
            {"visibility": "team"},
            MacroErrorCode.INVALID,
            "visibility",
            "Unknown visibility 'team'.",
        ),
        (
            {"actions": MacroActions(category_slug="nope")},
            MacroErrorCode.INVALID,
            "category",
            "Unknown category 'nope'.",
        ),
        (
            {"actions": MacroActions(status="gone")},
            MacroErrorCode.INVALID,
            "status",
            "Unknown status 'gone'.",
        ),
        (
            {"actions": MacroActions(priority="asap")},
            MacroErrorCode.INVALID,
            "priority",
            "Unknown priority 'asap'.",
        ),
        (
            {"actions": MacroActions(add_tags=("VIP",), remove_tags=("vip",))},
            MacroErrorCode.INVALID,
            "removeTags",
            "A tag cannot be both added and removed: vip.",
        ),
        (
            {"actions": MacroActions(add_tags=("t" * 65,))},
            MacroErrorCode.TOO_LONG,
            "addTags",
            "A tag can have at most 64 characters.",
        ),
        (
            {"actions": MacroActions(assignment=MacroAssignment.USER)},
            MacroErrorCode.REQUIRED,
            "assigneeId",
            "Choose the agent the macro assigns to.",
        ),
        (
            {"actions": MacroActions(assignment="somebody")},
            MacroErrorCode.INVALID,
            "assignment",
            "Unknown assignment 'somebody'.",
        ),
    ],
)
def test_bad_fields_are_refused(lead, changes, code, field, message):
    values = {"name": "Fine", "visibility": MacroVisibility.SHARED, **changes}

    with pytest.raises(MacroError) as error:
        create_macro(actor=Actor.user(lead.pk), translations=DEFAULT, **values)

    assert (error.value.code, error.value.field, error.value.message) == (code, field, message)
    assert Macro.objects.count() == 0


def test_the_assignee_must_be_an_agent_and_only_with_assignment_user(lead, customer_user, agent):
    for actions, message in [
        (
            MacroActions(assignment=MacroAssignment.USER, assignee_id=customer_user.pk),
            "The assignee must be an active staff member who works on tickets.",
        ),
        (
            MacroActions(assignment=MacroAssignment.ME, assignee_id=agent.pk),
            "An assignee is only chosen with the assignment USER.",
        ),
    ]:
        with pytest.raises(MacroError) as error:
            create_macro(
                actor=Actor.user(lead.pk),
                name="Assign",
                visibility=MacroVisibility.SHARED,
                translations=DEFAULT,
                actions=actions,
            )
        assert (error.value.code, error.value.field, error.value.message) == (
            MacroErrorCode.INVALID,
            "assigneeId",
            message,
        )


def test_apps_cannot_own_personal_macros(db):
    with pytest.raises(MacroError) as error:
        create_macro(
            actor=Actor(), name="Mine", visibility=MacroVisibility.PERSONAL, translations=DEFAULT
        )

    assert (error.value.code, error.value.field) == (MacroErrorCode.INVALID, "visibility")


def test_names_are_unique_per_scope(macro_generator, agent, lead):
    # given
    macro_generator(name="Refund issued")
    macro_generator(name="My refund", visibility=MacroVisibility.PERSONAL, owner=agent)

    # when: the same names elsewhere are fine
    macro_generator(name="refund issued", visibility=MacroVisibility.PERSONAL, owner=agent)
    macro_generator(name="My refund", visibility=MacroVisibility.PERSONAL, owner=lead)
    macro_generator(name="My refund")

    # then: in the same scope, whatever the case, they are not
    for name, visibility, owner, where in [
        ("REFUND ISSUED", MacroVisibility.SHARED, lead, "shared macro"),
        ("my Refund", MacroVisibility.PERSONAL, agent, "of your macros"),
    ]:
        with pytest.raises(MacroError) as error:
            macro_generator(name=name, visibility=visibility, owner=owner)
        assert (error.value.code, error.value.field, error.value.message) == (
            MacroErrorCode.DUPLICATE,
            "name",
            f"Another {where} is already called '{name}'.",
        )
    assert Macro.objects.count() == 5


def test_update_changes_only_what_is_given_and_replaces_texts_and_actions(macro_generator, lead):
    # given
    macro = macro_generator(
        translations={**DEFAULT, "ro": "<p>Bună</p>"},
        actions=MacroActions(priority="high", add_tags=("a",)),
        group="Delivery",
    )

    # when
    update_macro(
        macro,
        actor=Actor.user(lead.pk),
        name="Renamed",
        translations={"": "<p>New</p>", "pl": "<p>Nowy</p>"},
        actions=MacroActions(status="pending"),
        is_active=False,
    )

    # then
    macro.refresh_from_db()
    assert (macro.name, macro.group, macro.is_active) == ("Renamed", "Delivery", False)
    assert (macro.set_status, macro.set_priority, macro.add_tags) == ("pending", None, [])
    assert _texts(macro) == {"": "<p>New</p>", "pl": "<p>Nowy</p>"}


def test_a_refused_update_changes_nothing(macro_generator, lead):
    # given
    macro_generator(name="Taken")
    macro = macro_generator(name="Mine", translations={**DEFAULT, "ro": "<p>Bună</p>"})

    # when
    with pytest.raises(MacroError) as error:
        update_macro(macro, actor=Actor.user(lead.pk), name="taken", translations={"": "<p>x</p>"})

    # then
    assert error.value.code == MacroErrorCode.DUPLICATE
    macro = Macro.objects.get(pk=macro.pk)
    assert macro.name == "Mine"
    assert _texts(macro) == {**DEFAULT, "ro": "<p>Bună</p>"}


def test_sharing_a_personal_macro_and_taking_a_shared_one(macro_generator, lead, agent):
    # given
    personal = macro_generator(visibility=MacroVisibility.PERSONAL, owner=lead)

    # when
    update_macro(personal, actor=Actor.user(lead.pk), visibility=MacroVisibility.SHARED)
    shared_owner = Macro.objects.get().owner_id
    update_macro(personal, actor=Actor.user(agent.pk), visibility=MacroVisibility.PERSONAL)

    # then
    assert shared_owner is None
    personal.refresh_from_db()
    assert (personal.visibility, personal.owner_id) == ("personal", agent.pk)


def test_deleting_keeps_the_messages_it_posted(macro_generator, order_ticket, lead):
    # given
    macro = macro_generator()
    applied = apply_macro(order_ticket, macro, actor=Actor.user(lead.pk), language="")

    # when
    delete_macro(macro)

    # then
    assert Macro.objects.count() == 0
    assert MacroTranslation.objects.count() == 0
    assert MacroUsage.objects.count() == 0
    assert TicketMessage.objects.get().pk == applied.message.pk


def test_agents_see_shared_macros_and_their_own(macro_generator, lead, agent, customer_user):
    # given
    shared = macro_generator(name="Shared")
    own = macro_generator(name="Own", visibility=MacroVisibility.PERSONAL, owner=agent)
    theirs = macro_generator(name="Theirs", visibility=MacroVisibility.PERSONAL, owner=lead)
    app = Requestor(
        kind=RequestorKind.APP,
        app_id=1,
        permissions=frozenset({DeskPermission.MANAGE_ORDERS.value}),
    )
    customer = Requestor(kind=RequestorKind.CUSTOMER, user_id=customer_user.pk)

    # then
    assert set(macros_visible_to(_agent_requestor(agent))) == {shared, own}
    assert set(macros_visible_to(_agent_requestor(lead))) == {shared, theirs}
    assert set(macros_visible_to(app)) == {shared}
    assert list(macros_visible_to(customer)) == []
    assert list(macros_visible_to(Requestor.anonymous())) == []
    with pytest.raises(MacroError) as error:
        access_macro_by_id(_agent_requestor(agent), theirs.pk)
    assert (error.value.code, error.value.field) == (MacroErrorCode.NOT_FOUND, "id")
    assert access_macro_by_id(_agent_requestor(agent), own.pk) == own


def test_team_leads_edit_shared_macros_and_everyone_their_own(macro_generator, lead, agent):
    shared = macro_generator()
    own = macro_generator(name="Own", visibility=MacroVisibility.PERSONAL, owner=agent)
    admin = Requestor(
        kind=RequestorKind.APP,
        app_id=2,
        permissions=frozenset(
            {DeskPermission.MANAGE_ORDERS.value, DeskPermission.MANAGE_SETTINGS.value}
        ),
    )

    assert can_edit_macro(_agent_requestor(lead), shared) is True
    assert can_edit_macro(_agent_requestor(agent), shared) is False
    assert can_edit_macro(_agent_requestor(agent), own) is True
    assert can_edit_macro(_agent_requestor(lead), own) is False
    assert can_edit_macro(admin, shared) is True
    assert can_edit_macros(admin, MacroVisibility.PERSONAL) is False
    assert can_edit_macros(_agent_requestor(agent), MacroVisibility.PERSONAL) is True
