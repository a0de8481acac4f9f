"""supportMacros, supportMacro and supportMacroVariables."""

import pytest

from saleor_support_plugin.graphql.core.ids import to_global_id
from saleor_support_plugin.macros import MacroAssignment, MacroVisibility
from saleor_support_plugin.macros.actions import MacroActions
from saleor_support_plugin.macros.variables import VARIABLES
from tests.query_counts import assert_statements

MACROS = """
query Macros($first: Int, $after: String, $filter: SupportMacroFilterInput) {
  supportMacros(first: $first, after: $after, filter: $filter) {
    edges {
      node {
        id name group position visibility isActive usageCount lastUsedAt
        owner { email }
        translations { language body }
        actions {
          status priority category { slug } addTags removeTags assignment
          assignee { email }
        }
      }
    }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}
"""

NAMES = """
query Names($first: Int, $after: String, $filter: SupportMacroFilterInput) {
  supportMacros(first: $first, after: $after, filter: $filter) {
    edges { node { name } }
    pageInfo { hasNextPage endCursor }
  }
}
"""

MACRO = """
query Macro($id: ID!) { supportMacro(id: $id) { name visibility } }
"""

VARIABLES_QUERY = """
query { supportMacroVariables { name description example } }
"""


def _gid(macro):
    return to_global_id("SupportMacro", macro.pk)


def _names(result):
    return [edge["node"]["name"] for edge in result["data"]["supportMacros"]["edges"]]


def test_an_agent_lists_shared_macros_and_their_own(staff_api_client, macro_generator, agent, lead):
    # given
    shared = macro_generator(
        name="Order on its way",
        translations={
            "": "<p>Hi {{ customer.first_name }}</p>",
            "ro": "<p>Bună {{ customer.first_name }}</p>",
        },
        actions=MacroActions(
            status="solved",
            category_slug="delivery",
            add_tags=("tracking-sent",),
            remove_tags=("waiting",),
            assignment=MacroAssignment.USER,
            assignee_id=agent.pk,
        ),
        group="Delivery",
        position=2,
    )
    macro_generator(name="Own", visibility=MacroVisibility.PERSONAL, owner=agent, position=1)
    macro_generator(name="The lead's", visibility=MacroVisibility.PERSONAL, owner=lead)

    # when
    result = staff_api_client.execute(MACROS)

    # then
    edges = result["data"]["supportMacros"]["edges"]
    assert [edge["node"]["name"] for edge in edges] == ["Own", "Order on its way"]
    assert edges[1]["node"] == {
        "id": _gid(shared),
        "name": "Order on its way",
        "group": "Delivery",
        "position": 2,
        "visibility": "SHARED",
        "isActive": True,
        "usageCount": 0,
        "lastUsedAt": None,
        "owner": None,
        "translations": [
            {"language": "", "body": "<p>Hi {{ customer.first_name }}</p>"},
            {"language": "ro", "body": "<p>Bună {{ customer.first_name }}</p>"},
        ],
        "actions": {
            "status": "SOLVED",
            "priority": None,
            "category": {"slug": "delivery"},
            "addTags": ["tracking-sent"],
            "removeTags": ["waiting"],
            "assignment": "USER",
            "assignee": {"email": "agent@example.com"},
        },
    }
    assert edges[0]["node"]["owner"] == {"email": "agent@example.com"}
    assert edges[0]["node"]["visibility"] == "PERSONAL"


def test_filters(staff_api_client, macro_generator, agent):
    # given
    macro_generator(name="Refund issued", group="Refunds")
    macro_generator(name="Old refund", group="Refunds", is_active=False)
    macro_generator(name="Return approved", group="Returns")
    macro_generator(name="My refund", visibility=MacroVisibility.PERSONAL, owner=agent)

    # when
    def names(**filter_):
        return _names(staff_api_client.execute(NAMES, {"filter": filter_}))

    # then
    assert names(search="REFUND") == ["Refund issued", "Old refund", "My refund"]
    assert names(search="refund", isActive=True) == ["Refund issued", "My refund"]
    assert names(group="Refunds") == ["Refund issued", "Old refund"]
    assert names(visibility="PERSONAL") == ["My refund"]
    assert names(visibility="SHARED", isActive=False) == ["Old refund"]


def test_pages_follow_position_then_creation(staff_api_client, macro_generator):
    # given
    for name, position in [("c", 1), ("a", 0), ("d", 1), ("b", 0)]:
        macro_generator(name=name, position=position)

    # when
    first = staff_api_client.execute(NAMES, {"first": 3})
    second = staff_api_client.execute(
        NAMES, {"first": 3, "after": first["data"]["supportMacros"]["pageInfo"]["endCursor"]}
    )

    # then
    assert _names(first) == ["a", "b", "c"]
    assert first["data"]["supportMacros"]["pageInfo"]["hasNextPage"] is True
    assert _names(second) == ["d"]
    assert second["data"]["supportMacros"]["pageInfo"]["hasNextPage"] is False


LIST_STATEMENTS = 5
"""The token's user, one page of macros, their texts, their categories and the people on them
(owners and assignees)."""


@pytest.mark.parametrize("number_of_macros", [1, 50])
def test_the_list_costs_the_same_statements_for_1_and_50_macros(
    staff_api_client, macro_generator, agent, number_of_macros
):
    # given
    for number in range(number_of_macros):
        macro_generator(
            name=f"Macro {number}",
            visibility=MacroVisibility.PERSONAL if number % 2 else MacroVisibility.SHARED,
            owner=agent,
            translations={"": "<p>Hi</p>", "ro": "<p>Bună</p>", "fa": "<p>سلام</p>"},
            actions=MacroActions(
                category_slug="refund",
                assignment=MacroAssignment.USER,
                assignee_id=agent.pk,
            ),
        )

    # when
    with assert_statements(LIST_STATEMENTS):
        result = staff_api_client.execute(MACROS, {"first": 50})

    # then
    edges = result["data"]["supportMacros"]["edges"]
    assert len(edges) == number_of_macros
    assert {len(edge["node"]["translations"]) for edge in edges} == {3}
    assert {edge["node"]["actions"]["category"]["slug"] for edge in edges} == {"refund"}
    assert {edge["node"]["actions"]["assignee"]["email"] for edge in edges} == {"agent@example.com"}


def test_one_macro_by_id(staff_api_client, macro_generator, agent, lead):
    shared = macro_generator(name="Shared")
    theirs = macro_generator(name="Theirs", visibility=MacroVisibility.PERSONAL, owner=lead)

    assert staff_api_client.execute(MACRO, {"id": _gid(shared)}) == {
        "data": {"supportMacro": {"name": "Shared", "visibility": "SHARED"}}
    }
    assert staff_api_client.execute(MACRO, {"id": _gid(theirs)}) == {"data": {"supportMacro": None}}
    assert staff_api_client.execute(MACRO, {"id": "bm9wZQ=="}) == {"data": {"supportMacro": None}}


def test_the_variable_catalogue(staff_api_client):
    result = staff_api_client.execute(VARIABLES_QUERY)

    variables = result["data"]["supportMacroVariables"]
    assert [v["name"] for v in variables] == [v.name for v in VARIABLES]
    assert variables[0] == {
        "name": "customer.first_name",
        "description": (
            "The customer's first name: from the order, else the first word of the ticket's"
            " customer name."
        ),
        "example": "Ana",
    }


@pytest.mark.parametrize(
    ("query", "field"),
    [(NAMES, "supportMacros"), (VARIABLES_QUERY, "supportMacroVariables")],
)
def test_customers_are_refused(customer_api_client, macro_generator, query, field):
    macro_generator()

    result = customer_api_client.execute(query)

    assert result["data"] is None or result["data"].get(field) is None
    assert [error["extensions"]["exception"]["code"] for error in result["errors"]] == [
        "PERMISSION_DENIED"
    ]
    assert result["errors"][0]["message"] == (
        "You need the following permissions to do this: MANAGE_ORDERS."
    )
