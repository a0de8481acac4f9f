"""supportMacroPreview and supportTicketApplyMacro."""

from pathlib import Path

import pytest

from saleor_support_plugin.graphql.core.ids import to_global_id
from saleor_support_plugin.macros import MacroAssignment, MacroVisibility
from saleor_support_plugin.macros.actions import MacroActions
from saleor_support_plugin.macros.models import Macro, MacroUsage
from saleor_support_plugin.tickets import TicketEventType
from saleor_support_plugin.tickets.models import TicketEvent, TicketMessage
from tests.query_counts import assert_statements

PREVIEW = """
mutation Preview($ticketId: ID!, $macroId: ID!, $language: String, $additionalText: String) {
  supportMacroPreview(
    ticketId: $ticketId, macroId: $macroId, language: $language, additionalText: $additionalText
  ) {
    preview {
      body language changedFields status priority category { slug } tags assignee { email }
    }
    errors { field message code variable language line column }
  }
}
"""

APPLY = """
mutation Apply(
  $ticketId: ID!, $macroId: ID!, $expectedVersion: Int, $isInternal: Boolean,
  $additionalText: String, $language: String
) {
  supportTicketApplyMacro(
    ticketId: $ticketId, macroId: $macroId, expectedVersion: $expectedVersion,
    isInternal: $isInternal, additionalText: $additionalText, language: $language
  ) {
    ticket { status priority category { slug } tags assignee { email } version }
    message { body isInternal author { email } }
    macro { usageCount }
    errors { field message code variable language line column }
  }
}
"""

RO_TEXT = (
    "<p>Bună ziua, {{ customer.first_name }},</p>"
    "<p>comanda #{{ order.number }} este pe drum: {{ order.tracking_numbers }}.</p>"
    "<p>{{ agent.first_name }}</p>"
)


def _ids(ticket, macro):
    return {
        "ticketId": to_global_id("SupportTicket", ticket.pk),
        "macroId": to_global_id("SupportMacro", macro.pk),
    }


def _state(ticket):
    ticket.refresh_from_db()
    fields = ("status", "priority", "category_id", "tags", "assignee_id", "version", "updated_at")
    return {name: getattr(ticket, name) for name in fields}


@pytest.fixture
def named_agent(agent):
    agent.first_name, agent.last_name = "Paweł", "Nowicki"
    agent.save(update_fields=["first_name", "last_name"])
    return agent


@pytest.fixture
def on_its_way(macro_generator):
    return macro_generator(
        translations={"": "<p>Hello {{ customer.first_name }}</p>", "ro": RO_TEXT},
        actions=MacroActions(
            status="solved",
            category_slug="delivery",
            add_tags=("tracking-sent",),
            assignment=MacroAssignment.ME,
        ),
    )


def _error(field, message, code, **rendering):
    return {
        "field": field,
        "message": message,
        "code": code,
        "variable": None,
        "language": None,
        "line": None,
        "column": None,
        **rendering,
    }


def test_preview_renders_and_lists_the_changes_without_changing_anything(
    staff_api_client, order_ticket, on_its_way, named_agent
):
    # given
    before = _state(order_ticket)

    # when
    result = staff_api_client.execute(
        PREVIEW, {**_ids(order_ticket, on_its_way), "additionalText": "<p>Mulțumim!</p>"}
    )

    # then
    assert result == {
        "data": {
            "supportMacroPreview": {
                "preview": {
                    "body": (
                        "<p>Bună ziua, Ana,</p><p>comanda #1007 este pe drum: RO123456789,"
                        " RO987654321.</p><p>Paweł</p><p>Mulțumim!</p>"
                    ),
                    "language": "ro",
                    "changedFields": ["STATUS", "TAGS", "ASSIGNEE"],
                    "status": "SOLVED",
                    "priority": None,
                    "category": None,
                    "tags": ["tracking-sent"],
                    "assignee": {"email": "agent@example.com"},
                },
                "errors": [],
            }
        }
    }
    assert _state(order_ticket) == before
    assert TicketMessage.objects.count() == 0
    assert Macro.objects.get().usage_count == 0


def test_preview_names_a_variable_without_a_value(
    staff_api_client, order_ticket_generator, order_snapshot_generator, on_its_way, named_agent
):
    ticket = order_ticket_generator(snapshot=order_snapshot_generator(fulfillments=[]))

    result = staff_api_client.execute(PREVIEW, _ids(ticket, on_its_way))

    assert result == {
        "data": {
            "supportMacroPreview": {
                "preview": None,
                "errors": [
                    _error(
                        "macroId",
                        "{{ order.tracking_numbers }} at line 1, column 90 of the ro text has no"
                        " value for this ticket: no shipment of the order has a tracking number.",
                        "MISSING_VALUE",
                        variable="order.tracking_numbers",
                        language="ro",
                        line=1,
                        column=90,
                    )
                ],
            }
        }
    }


def test_preview_in_a_language_without_a_text(staff_api_client, order_ticket, on_its_way):
    result = staff_api_client.execute(PREVIEW, {**_ids(order_ticket, on_its_way), "language": "fa"})

    assert result["data"]["supportMacroPreview"]["errors"] == [
        _error("language", "The macro has no text in 'fa'.", "NO_TRANSLATION")
    ]


APPLY_STATEMENTS = 24
"""The token's user, the ticket and the macro (access); the ticket's lock, the macro's texts and
the agent's name; the message (lock, insert, ticket update, timeline); three changes (lock,
update, timeline each); the usage row and counter; the payload's macro, category and people."""


def test_apply_posts_the_reply_and_makes_the_changes(
    staff_api_client, order_ticket, on_its_way, named_agent
):
    # when
    with assert_statements(APPLY_STATEMENTS):
        result = staff_api_client.execute(
            APPLY, {**_ids(order_ticket, on_its_way), "expectedVersion": 1}
        )

    # then
    assert result == {
        "data": {
            "supportTicketApplyMacro": {
                "ticket": {
                    "status": "SOLVED",
                    "priority": "NORMAL",
                    "category": {"slug": "delivery"},
                    "tags": ["tracking-sent"],
                    "assignee": {"email": "agent@example.com"},
                    "version": 5,
                },
                "message": {
                    "body": (
                        "<p>Bună ziua, Ana,</p><p>comanda #1007 este pe drum: RO123456789,"
                        " RO987654321.</p><p>Paweł</p>"
                    ),
                    "isInternal": False,
                    "author": {"email": "agent@example.com"},
                },
                "macro": {"usageCount": 1},
                "errors": [],
            }
        }
    }
    assert list(
        TicketEvent.objects.filter(ticket=order_ticket).order_by("id").values_list("type")
    ) == [
        (TicketEventType.OPENED,),
        (TicketEventType.MESSAGE_ADDED,),
        (TicketEventType.TAGS_CHANGED,),
        (TicketEventType.ASSIGNED,),
        (TicketEventType.STATUS_CHANGED,),
    ]


def test_apply_as_an_internal_note_in_another_language(staff_api_client, order_ticket, on_its_way):
    result = staff_api_client.execute(
        APPLY, {**_ids(order_ticket, on_its_way), "isInternal": True, "language": ""}
    )

    message = result["data"]["supportTicketApplyMacro"]["message"]
    assert message == {
        "body": "<p>Hello Ana</p>",
        "isInternal": True,
        "author": {"email": "agent@example.com"},
    }


@pytest.mark.parametrize(
    ("variables", "error"),
    [
        (
            {"expectedVersion": 7},
            _error(
                "expectedVersion",
                "The ticket was changed by someone else (now at version 1).",
                "CONFLICT",
            ),
        ),
        ({"ticketId": "bm9wZQ=="}, _error("ticketId", "Ticket not found.", "NOT_FOUND")),
        ({"macroId": "bm9wZQ=="}, _error("macroId", "Macro not found.", "NOT_FOUND")),
        (
            {"additionalText": "x" * 10_000},
            _error(
                "additionalText",
                "The message would be longer than 10000 characters.",
                "TOO_LONG",
            ),
        ),
    ],
    ids=["conflict", "ticket", "macro", "too-long"],
)
def test_refused_applications_change_nothing(
    staff_api_client, order_ticket, on_its_way, named_agent, variables, error
):
    # given
    before = _state(order_ticket)

    # when
    result = staff_api_client.execute(APPLY, {**_ids(order_ticket, on_its_way), **variables})

    # then
    assert result == {
        "data": {
            "supportTicketApplyMacro": {
                "ticket": None,
                "message": None,
                "macro": None,
                "errors": [error],
            }
        }
    }
    assert _state(order_ticket) == before
    assert TicketMessage.objects.count() == 0
    assert MacroUsage.objects.count() == 0


def test_a_status_the_ticket_cannot_take_undoes_the_reply(
    staff_api_client, order_ticket, macro_generator, named_agent
):
    # given
    macro = macro_generator(actions=MacroActions(status="closed", priority="urgent"))
    before = _state(order_ticket)

    # when
    result = staff_api_client.execute(APPLY, _ids(order_ticket, macro))

    # then
    assert result["data"]["supportTicketApplyMacro"]["errors"] == [
        _error(
            "macroId",
            "The macro sets the status to closed, but a ticket cannot move from new to closed.",
            "INVALID_TRANSITION",
        )
    ]
    assert _state(order_ticket) == before
    assert TicketMessage.objects.count() == 0


def test_another_agents_personal_macro_cannot_be_applied(
    staff_api_client, order_ticket, macro_generator, lead
):
    macro = macro_generator(visibility=MacroVisibility.PERSONAL, owner=lead)

    result = staff_api_client.execute(APPLY, _ids(order_ticket, macro))

    assert result["data"]["supportTicketApplyMacro"]["errors"] == [
        _error("macroId", "Macro not found.", "NOT_FOUND")
    ]
    assert TicketMessage.objects.count() == 0


@pytest.mark.parametrize("mutation", [PREVIEW, APPLY], ids=["preview", "apply"])
def test_customers_are_refused(customer_api_client, order_ticket, on_its_way, mutation):
    before = _state(order_ticket)

    result = customer_api_client.execute(mutation, _ids(order_ticket, on_its_way))

    assert [error["extensions"]["exception"]["code"] for error in result["errors"]] == [
        "PERMISSION_DENIED"
    ]
    assert _state(order_ticket) == before
    assert TicketMessage.objects.count() == 0


def test_the_dashboard_example_picks_previews_and_applies(
    staff_api_client, order_ticket, on_its_way, named_agent
):
    # given
    document = (
        Path(__file__).resolve().parents[2] / "graphql" / "dashboard" / "ticket_apply_macro.graphql"
    ).read_text()
    ids = _ids(order_ticket, on_its_way)

    def run(operation, variables):
        response = staff_api_client.post(document, variables, operation_name=operation)
        assert response.status_code == 200
        return response.json()

    # when
    picked = run("MacroPicker", {"search": "way"})
    preview = run("MacroPreview", ids)
    applied = run("TicketApplyMacro", {**ids, "expectedVersion": 1})

    # then
    assert [e["node"]["id"] for e in picked["data"]["supportMacros"]["edges"]] == [ids["macroId"]]
    assert preview["data"]["supportMacroPreview"]["errors"] == []
    result = applied["data"]["supportTicketApplyMacro"]
    assert result["errors"] == []
    assert result["message"]["body"] == preview["data"]["supportMacroPreview"]["preview"]["body"]
    assert (result["ticket"]["status"], result["ticket"]["version"]) == ("SOLVED", 5)
    assert result["macro"]["usageCount"] == 1


PREVIEW_STATEMENTS = 6
"""The token's user, the ticket and the macro (access), the macro's texts, the agent's name and
the people in the preview (the new assignee)."""


def test_preview_costs_a_fixed_number_of_statements(
    staff_api_client, order_ticket, on_its_way, named_agent
):
    with assert_statements(PREVIEW_STATEMENTS):
        result = staff_api_client.execute(PREVIEW, _ids(order_ticket, on_its_way))

    assert result["data"]["supportMacroPreview"]["errors"] == []


def test_a_turned_off_macro_is_refused(staff_api_client, order_ticket, macro_generator):
    macro = macro_generator(is_active=False)

    result = staff_api_client.execute(APPLY, _ids(order_ticket, macro))

    assert result["data"]["supportTicketApplyMacro"]["errors"] == [
        _error("macroId", "The macro is turned off.", "INACTIVE")
    ]
    assert TicketMessage.objects.count() == 0
