"""supportMacroCreate, supportMacroUpdate and supportMacroDelete."""

import pytest

from saleor_support_plugin.graphql.core.ids import to_global_id
from saleor_support_plugin.macros import MacroVisibility
from saleor_support_plugin.macros.models import Macro, MacroTranslation

CREATE = """
mutation Create($input: SupportMacroCreateInput!) {
  supportMacroCreate(input: $input) {
    macro {
      name visibility group position isActive owner { email }
      translations { language body }
      actions { status priority category { slug } addTags removeTags assignment assignee { email } }
    }
    errors { field message code variable language line column }
  }
}
"""

UPDATE = """
mutation Update($id: ID!, $input: SupportMacroUpdateInput!) {
  supportMacroUpdate(id: $id, input: $input) {
    macro { name visibility isActive owner { email } translations { language body } }
    errors { field message code }
  }
}
"""

DELETE = """
mutation Delete($id: ID!) {
  supportMacroDelete(id: $id) { deletedId errors { field message code } }
}
"""

TEXTS = [
    {"language": "", "body": "<p>Hello {{ customer.first_name }}</p>"},
    {"language": "ro", "body": "<p>Bună ziua, {{ customer.first_name }}</p>"},
]


def _gid(macro):
    return to_global_id("SupportMacro", macro.pk)


def _stored():
    return sorted(
        (m.name, m.visibility, m.owner_id, m.is_active, m.updated_at) for m in Macro.objects.all()
    )


def _permission_denied(field, message):
    return {
        "data": {field: None},
        "errors": [
            {
                "message": message,
                "locations": [{"line": 3, "column": 3}],
                "path": [field],
                "extensions": {"exception": {"code": "PERMISSION_DENIED"}},
            }
        ],
    }


LEAD_ONLY = "Only team leads, managers and holders of MANAGE_SETTINGS can manage shared macros."


def test_a_team_lead_creates_a_shared_macro(api_client_for, lead, agent):
    # when
    result = api_client_for(lead).execute(
        CREATE,
        {
            "input": {
                "name": "Order on its way",
                "visibility": "SHARED",
                "translations": TEXTS,
                "group": "Delivery",
                "position": 4,
                "actions": {
                    "status": "SOLVED",
                    "priority": "LOW",
                    "category": "delivery",
                    "addTags": ["Tracking sent"],
                    "removeTags": ["waiting"],
                    "assignment": "USER",
                    "assigneeId": to_global_id("User", agent.pk),
                },
            }
        },
    )

    # then
    assert result == {
        "data": {
            "supportMacroCreate": {
                "macro": {
                    "name": "Order on its way",
                    "visibility": "SHARED",
                    "group": "Delivery",
                    "position": 4,
                    "isActive": True,
                    "owner": None,
                    "translations": TEXTS,
                    "actions": {
                        "status": "SOLVED",
                        "priority": "LOW",
                        "category": {"slug": "delivery"},
                        "addTags": ["tracking-sent"],
                        "removeTags": ["waiting"],
                        "assignment": "USER",
                        "assignee": {"email": "agent@example.com"},
                    },
                },
                "errors": [],
            }
        }
    }


def test_an_agent_creates_a_personal_macro_with_nothing_to_change(staff_api_client):
    result = staff_api_client.execute(
        CREATE, {"input": {"name": "Mine", "visibility": "PERSONAL", "translations": TEXTS[:1]}}
    )

    macro = result["data"]["supportMacroCreate"]["macro"]
    assert macro["owner"] == {"email": "agent@example.com"}
    assert macro["actions"] == {
        "status": None,
        "priority": None,
        "category": None,
        "addTags": [],
        "removeTags": [],
        "assignment": "KEEP",
        "assignee": None,
    }


def test_an_agent_cannot_create_a_shared_macro(staff_api_client):
    result = staff_api_client.execute(
        CREATE, {"input": {"name": "Shared", "visibility": "SHARED", "translations": TEXTS}}
    )

    assert result == _permission_denied("supportMacroCreate", LEAD_ONLY)
    assert Macro.objects.count() == 0
    assert MacroTranslation.objects.count() == 0


def test_customers_cannot_create_macros(customer_api_client):
    result = customer_api_client.execute(
        CREATE, {"input": {"name": "Mine", "visibility": "PERSONAL", "translations": TEXTS}}
    )

    assert result == _permission_denied(
        "supportMacroCreate", "You need the following permissions to do this: MANAGE_ORDERS."
    )
    assert Macro.objects.count() == 0


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        (
            {
                "translations": [
                    *TEXTS,
                    {"language": "pl", "body": "<p>Dzień dobry,</p>\n<p>{{ order.totl }}</p>"},
                ]
            },
            {
                "field": "translations",
                "message": "Unknown variable {{ order.totl }} at line 2, column 4 of the pl text.",
                "code": "UNKNOWN_VARIABLE",
                "variable": "order.totl",
                "language": "pl",
                "line": 2,
                "column": 4,
            },
        ),
        (
            {"translations": [*TEXTS, {"language": "RO", "body": "x"}]},
            {
                "field": "translations",
                "message": "The ro text is given twice.",
                "code": "INVALID",
            },
        ),
        (
            {"translations": TEXTS[1:]},
            {
                "field": "translations",
                "message": (
                    'A macro needs a default text (language ""), used for every other language.'
                ),
                "code": "REQUIRED",
            },
        ),
        (
            {"name": "Existing"},
            {
                "field": "name",
                "message": "Another shared macro is already called 'Existing'.",
                "code": "DUPLICATE",
            },
        ),
        (
            {"actions": {"assignment": "USER", "assigneeId": "bm9wZQ=="}},
            {
                "field": "assigneeId",
                "message": "The assignee is not a `User` id.",
                "code": "INVALID",
            },
        ),
        (
            {"actions": {"category": "nope"}},
            {"field": "category", "message": "Unknown category 'nope'.", "code": "INVALID"},
        ),
    ],
    ids=["unknown-variable", "twice", "no-default", "duplicate", "assignee", "category"],
)
def test_refused_creations_store_nothing(api_client_for, lead, macro_generator, changes, error):
    # given
    macro_generator(name="Existing")
    before = _stored()
    values = {"name": "New", "visibility": "SHARED", "translations": TEXTS, **changes}

    # when
    result = api_client_for(lead).execute(CREATE, {"input": values})

    # then
    expected = {"variable": None, "language": None, "line": None, "column": None, **error}
    assert result == {"data": {"supportMacroCreate": {"macro": None, "errors": [expected]}}}
    assert _stored() == before
    assert MacroTranslation.objects.count() == 1


def test_a_team_lead_updates_a_shared_macro(api_client_for, lead, macro_generator):
    # given
    macro = macro_generator(name="Old")

    # when
    result = api_client_for(lead).execute(
        UPDATE,
        {
            "id": _gid(macro),
            "input": {"name": "New", "isActive": False, "translations": TEXTS},
        },
    )

    # then
    assert result == {
        "data": {
            "supportMacroUpdate": {
                "macro": {
                    "name": "New",
                    "visibility": "SHARED",
                    "isActive": False,
                    "owner": None,
                    "translations": TEXTS,
                },
                "errors": [],
            }
        }
    }


def test_an_agent_cannot_update_or_delete_a_shared_macro(staff_api_client, macro_generator):
    # given
    macro = macro_generator(name="Shared")
    before = _stored()

    # when
    updated = staff_api_client.execute(UPDATE, {"id": _gid(macro), "input": {"name": "Mine"}})
    deleted = staff_api_client.execute(DELETE, {"id": _gid(macro)})

    # then
    assert updated == _permission_denied("supportMacroUpdate", LEAD_ONLY)
    assert deleted == _permission_denied("supportMacroDelete", LEAD_ONLY)
    assert _stored() == before


def test_an_agent_cannot_share_their_macro(staff_api_client, macro_generator, agent):
    macro = macro_generator(name="Mine", visibility=MacroVisibility.PERSONAL, owner=agent)
    before = _stored()

    result = staff_api_client.execute(
        UPDATE, {"id": _gid(macro), "input": {"visibility": "SHARED"}}
    )

    assert result == _permission_denied("supportMacroUpdate", LEAD_ONLY)
    assert _stored() == before


def test_another_agents_personal_macro_is_not_found(staff_api_client, macro_generator, lead):
    # given
    macro = macro_generator(name="Lead's", visibility=MacroVisibility.PERSONAL, owner=lead)
    before = _stored()
    not_found = {"field": "id", "message": "Macro not found.", "code": "NOT_FOUND"}

    # when
    updated = staff_api_client.execute(UPDATE, {"id": _gid(macro), "input": {"name": "x"}})
    deleted = staff_api_client.execute(DELETE, {"id": _gid(macro)})

    # then
    assert updated == {"data": {"supportMacroUpdate": {"macro": None, "errors": [not_found]}}}
    assert deleted == {"data": {"supportMacroDelete": {"deletedId": None, "errors": [not_found]}}}
    assert _stored() == before


def test_a_refused_update_changes_nothing(staff_api_client, macro_generator, agent):
    # given
    macro = macro_generator(name="Mine", visibility=MacroVisibility.PERSONAL, owner=agent)
    before = _stored()

    # when
    result = staff_api_client.execute(
        UPDATE,
        {
            "id": _gid(macro),
            "input": {
                "name": "Renamed",
                "translations": [{"language": "", "body": "{{ customer.first_name"}],
            },
        },
    )

    # then
    assert result["data"]["supportMacroUpdate"]["errors"] == [
        {
            "field": "translations",
            "message": (
                "'{{ customer.first_name' at line 1, column 1 of the default text is not a"
                " placeholder: write a variable name between {{ and }}, such as"
                " {{ customer.first_name }}."
            ),
            "code": "INVALID_PLACEHOLDER",
        }
    ]
    assert _stored() == before


def test_an_agent_deletes_their_own_macro(staff_api_client, macro_generator, agent):
    macro = macro_generator(name="Mine", visibility=MacroVisibility.PERSONAL, owner=agent)

    result = staff_api_client.execute(DELETE, {"id": _gid(macro)})

    assert result == {"data": {"supportMacroDelete": {"deletedId": _gid(macro), "errors": []}}}
    assert Macro.objects.count() == 0
