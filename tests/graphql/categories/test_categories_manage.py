"""supportCategoryCreate/Update/Reorder/Delete: team leads edit the categories."""

import pytest
from django.test import Client

from saleor_support_plugin.graphql.core.ids import to_global_id
from saleor_support_plugin.host.requestor import DeskPermission, Requestor, RequestorKind
from saleor_support_plugin.macros.cleaning import MacroActions
from saleor_support_plugin.tickets import DEFAULT_CATEGORIES
from saleor_support_plugin.tickets.access_tokens import issue_access_token
from saleor_support_plugin.tickets.categories import CategoryValues, update_category
from saleor_support_plugin.tickets.models import TicketCategory
from tests.graphql.conftest import ApiClient
from tests.graphql.requestors import act_as

CATEGORY = "id slug name position isActive"
CREATE = f"""
mutation Create($input: SupportCategoryCreateInput!) {{
  supportCategoryCreate(input: $input) {{
    category {{ {CATEGORY} }}
    errors {{ field message code }}
  }}
}}
"""
UPDATE = f"""
mutation Update($id: ID!, $input: SupportCategoryUpdateInput!) {{
  supportCategoryUpdate(id: $id, input: $input) {{
    category {{ {CATEGORY} }}
    errors {{ field message code }}
  }}
}}
"""
REORDER = """
mutation Reorder($ids: [ID!]!) {
  supportCategoryReorder(ids: $ids) {
    categories { slug position isActive }
    errors { field message code }
  }
}
"""
DELETE = f"""
mutation Delete($id: ID!) {{
  supportCategoryDelete(id: $id) {{
    category {{ {CATEGORY} }}
    errors {{ field message code }}
  }}
}}
"""
SEEDED = [slug for slug, _ in DEFAULT_CATEGORIES]
LEAD_DENIED = "Only team leads, managers and holders of MANAGE_SETTINGS can do this."
AGENT_DENIED = "You need the following permissions to do this: MANAGE_ORDERS."


def _gid(category):
    return to_global_id("SupportTicketCategory", category.pk)


def _category(slug):
    return TicketCategory.objects.get(slug=slug)


def _state():
    return list(TicketCategory.objects.order_by("pk").values())


def _error(field, message, code):
    return {"field": field, "message": message, "code": code}


# Create


def test_a_lead_adds_a_category_at_the_end(lead_client):
    # when
    result = lead_client.execute(
        CREATE, {"input": {"slug": "  Gift-Cards ", "name": " Gift\tcards\x07\x1b\x7f "}}
    )

    # then
    category = _category("gift-cards")
    assert result == {
        "data": {
            "supportCategoryCreate": {
                "category": {
                    "id": _gid(category),
                    "slug": "gift-cards",
                    "name": "Gift cards",
                    "position": len(SEEDED),
                    "isActive": True,
                },
                "errors": [],
            }
        }
    }
    assert (category.name, category.is_active) == ("Gift cards", True)


def test_a_persian_name_keeps_its_joiners(lead_client):
    # when
    result = lead_client.execute(
        CREATE, {"input": {"slug": "gift-cards", "name": "کارت\u200cهای هدیه"}}
    )

    # then
    assert result["data"]["supportCategoryCreate"]["category"]["name"] == "کارت\u200cهای هدیه"


@pytest.mark.parametrize(
    ("values", "error"),
    [
        ({"slug": "", "name": "X"}, _error("slug", "A slug is required.", "REQUIRED")),
        (
            {"slug": "gift cards", "name": "X"},
            _error(
                "slug",
                "A slug is made of lower-case letters, digits and single dashes"
                " (e.g. `gift-cards`).",
                "INVALID",
            ),
        ),
        (
            {"slug": "gift--cards", "name": "X"},
            _error(
                "slug",
                "A slug is made of lower-case letters, digits and single dashes"
                " (e.g. `gift-cards`).",
                "INVALID",
            ),
        ),
        (
            {"slug": "a" * 65, "name": "X"},
            _error("slug", "A slug can have at most 64 characters.", "TOO_LONG"),
        ),
        (
            {"slug": "refund", "name": "X"},
            _error("slug", "A category 'refund' already exists.", "DUPLICATE"),
        ),
        (
            {"slug": "REFUND", "name": "X"},
            _error("slug", "A category 'refund' already exists.", "DUPLICATE"),
        ),
        (
            {"slug": "gifts", "name": " \n\x07\u0085 "},
            _error("name", "A name is required.", "REQUIRED"),
        ),
        (
            {"slug": "gifts", "name": "n" * 129},
            _error("name", "A name can have at most 128 characters.", "TOO_LONG"),
        ),
    ],
)
def test_bad_new_categories_change_nothing(lead_client, values, error):
    # given
    before = _state()

    # when
    result = lead_client.execute(CREATE, {"input": values})

    # then
    assert result == {"data": {"supportCategoryCreate": {"category": None, "errors": [error]}}}
    assert _state() == before


def test_a_slug_of_64_and_a_name_of_128_characters_are_kept(lead_client):
    # when
    result = lead_client.execute(CREATE, {"input": {"slug": "a" * 64, "name": "n" * 128}})

    # then
    assert result["data"]["supportCategoryCreate"]["errors"] == []
    assert (_category("a" * 64).name) == "n" * 128


# Update


def test_a_lead_renames_deactivates_and_reactivates_a_category(lead_client):
    # given
    category = _category("complaint")

    # when
    renamed = lead_client.execute(
        UPDATE, {"id": _gid(category), "input": {"name": "Complaints", "isActive": False}}
    )
    reactivated = lead_client.execute(UPDATE, {"id": _gid(category), "input": {"isActive": True}})

    # then
    assert renamed["data"]["supportCategoryUpdate"] == {
        "category": {
            "id": _gid(category),
            "slug": "complaint",
            "name": "Complaints",
            "position": category.position,
            "isActive": False,
        },
        "errors": [],
    }
    assert reactivated["data"]["supportCategoryUpdate"]["category"]["isActive"] is True
    category.refresh_from_db()
    assert (category.name, category.is_active) == ("Complaints", True)


def test_an_empty_update_changes_nothing(lead_client):
    # given
    before = _state()

    # when
    result = lead_client.execute(UPDATE, {"id": _gid(_category("order")), "input": {}})

    # then
    assert result["data"]["supportCategoryUpdate"]["errors"] == []
    assert _state() == before


@pytest.mark.parametrize(
    ("slug", "values", "error"),
    [
        ("refund", {"name": "  "}, _error("name", "A name is required.", "REQUIRED")),
        (
            "refund",
            {"name": "n" * 129, "isActive": False},
            _error("name", "A name can have at most 128 characters.", "TOO_LONG"),
        ),
        (
            "other",
            {"name": "Something else", "isActive": False},
            _error(
                "isActive",
                "The desk files tickets in 'other' by itself: it cannot be deactivated.",
                "PROTECTED",
            ),
        ),
        (
            "return",
            {"isActive": False},
            _error(
                "isActive",
                "The desk files tickets in 'return' by itself: it cannot be deactivated.",
                "PROTECTED",
            ),
        ),
    ],
)
def test_bad_changes_change_nothing(lead_client, slug, values, error):
    # given
    before = _state()

    # when
    result = lead_client.execute(UPDATE, {"id": _gid(_category(slug)), "input": values})

    # then
    assert result == {"data": {"supportCategoryUpdate": {"category": None, "errors": [error]}}}
    assert _state() == before


def test_the_desk_categories_can_be_renamed(lead_client):
    # when
    result = lead_client.execute(
        UPDATE, {"id": _gid(_category("other")), "input": {"name": "Anything else"}}
    )

    # then
    assert result["data"]["supportCategoryUpdate"]["category"]["name"] == "Anything else"


# Reorder


def test_a_lead_reorders_every_category(lead_client):
    # given
    update_category(_category("complaint"), CategoryValues(is_active=False))
    order = [*reversed(SEEDED)]

    # when
    result = lead_client.execute(REORDER, {"ids": [_gid(_category(s)) for s in order]})

    # then
    assert result["data"]["supportCategoryReorder"] == {
        "categories": [
            {"slug": slug, "position": position, "isActive": slug != "complaint"}
            for position, slug in enumerate(order)
        ],
        "errors": [],
    }
    assert list(TicketCategory.objects.values_list("slug", flat=True)) == order


@pytest.mark.parametrize(
    "ids",
    [
        lambda gids: gids[:-1],
        lambda gids: [*gids, gids[0]],
        lambda gids: [gids[0], *gids[2:], gids[0]],
        lambda gids: [],
    ],
    ids=["one left out", "one twice", "one twice, one left out", "none"],
)
def test_a_reorder_must_name_every_category_once(lead_client, ids):
    # given
    gids = [_gid(_category(s)) for s in SEEDED]
    before = _state()

    # when
    result = lead_client.execute(REORDER, {"ids": ids(gids)})

    # then
    assert result["data"]["supportCategoryReorder"] == {
        "categories": None,
        "errors": [
            _error("ids", "List every category exactly once, inactive ones included.", "INVALID")
        ],
    }
    assert _state() == before


@pytest.mark.parametrize(
    ("extra", "error"),
    [
        (
            to_global_id("SupportTicketCategory", 10**9),
            _error("ids", "List every category exactly once, inactive ones included.", "INVALID"),
        ),
        (to_global_id("SupportTeam", 1), _error("ids", "Category not found.", "NOT_FOUND")),
        ("nonsense", _error("ids", "Category not found.", "NOT_FOUND")),
    ],
    ids=["missing category", "another type", "not an id"],
)
def test_a_reorder_naming_something_else_changes_nothing(lead_client, extra, error):
    # given
    gids = [_gid(_category(s)) for s in SEEDED]
    before = _state()

    # when
    result = lead_client.execute(REORDER, {"ids": [*gids, extra]})

    # then
    assert result["data"]["supportCategoryReorder"] == {"categories": None, "errors": [error]}
    assert _state() == before


# Delete


def test_a_lead_deletes_an_unused_category(lead_client):
    # given
    category = _category("complaint")

    # when
    result = lead_client.execute(DELETE, {"id": _gid(category)})

    # then
    assert result["data"]["supportCategoryDelete"] == {
        "category": {
            "id": _gid(category),
            "slug": "complaint",
            "name": "Complaint",
            "position": category.position,
            "isActive": True,
        },
        "errors": [],
    }
    assert not TicketCategory.objects.filter(slug="complaint").exists()


def test_a_category_with_tickets_can_only_be_deactivated(lead_client, ticket_generator):
    # given
    ticket = ticket_generator(category="complaint")
    category = _category("complaint")
    before = _state()

    # when
    deleted = lead_client.execute(DELETE, {"id": _gid(category)})
    deactivated = lead_client.execute(UPDATE, {"id": _gid(category), "input": {"isActive": False}})

    # then
    assert deleted["data"]["supportCategoryDelete"] == {
        "category": None,
        "errors": [
            _error("id", "Tickets are filed under this category; deactivate it instead.", "IN_USE")
        ],
    }
    assert deactivated["data"]["supportCategoryUpdate"]["errors"] == []
    assert [row for row in _state() if row["slug"] != "complaint"] == [
        row for row in before if row["slug"] != "complaint"
    ]
    ticket.refresh_from_db()
    assert ticket.category.slug == "complaint"


def test_a_category_a_macro_sets_is_in_use(api_client_for, lead, macro_generator):
    # given: the macros' lead
    lead_client = api_client_for(lead)
    macro_generator(actions=MacroActions(category_slug="complaint"))
    before = _state()

    # when
    result = lead_client.execute(DELETE, {"id": _gid(_category("complaint"))})

    # then
    assert result["data"]["supportCategoryDelete"] == {
        "category": None,
        "errors": [
            _error(
                "id",
                "Macros, SLA policies or survey answers refer to this category; take it out of the"
                " macros and policies, or deactivate it.",
                "IN_USE",
            )
        ],
    }
    assert _state() == before


def test_a_category_an_sla_policy_names_is_in_use(lead_client, sla_policy_generator):
    # given
    policy = sla_policy_generator(category_slugs=["complaint"])
    before = _state()

    # when
    result = lead_client.execute(DELETE, {"id": _gid(_category("complaint"))})

    # then
    assert result["data"]["supportCategoryDelete"]["errors"] == [
        _error(
            "id",
            "Macros, SLA policies or survey answers refer to this category; take it out of the"
            " macros and policies, or deactivate it.",
            "IN_USE",
        )
    ]
    assert _state() == before
    assert [c.slug for c in policy.categories.all()] == ["complaint"]


@pytest.mark.parametrize("slug", ["other", "return"])
def test_the_desk_categories_cannot_be_deleted(lead_client, slug):
    # given
    before = _state()

    # when
    result = lead_client.execute(DELETE, {"id": _gid(_category(slug))})

    # then
    assert result["data"]["supportCategoryDelete"] == {
        "category": None,
        "errors": [
            _error(
                "id",
                f"The desk files tickets in '{slug}' by itself: it cannot be deleted.",
                "PROTECTED",
            )
        ],
    }
    assert _state() == before


@pytest.mark.parametrize(
    "global_id",
    [to_global_id("SupportTicketCategory", 10**9), to_global_id("SupportTeam", 1), "x"],
)
def test_missing_categories_are_not_found(lead_client, global_id):
    # given
    before = _state()
    error = _error("id", "Category not found.", "NOT_FOUND")

    # when
    updated = lead_client.execute(UPDATE, {"id": global_id, "input": {"name": "X"}})
    deleted = lead_client.execute(DELETE, {"id": global_id})

    # then
    assert updated["data"]["supportCategoryUpdate"] == {"category": None, "errors": [error]}
    assert deleted["data"]["supportCategoryDelete"] == {"category": None, "errors": [error]}
    assert _state() == before


# Who may


def _operations():
    def gid(slug):
        return _gid(_category(slug))

    return [
        (CREATE, lambda: {"input": {"slug": "gifts", "name": "Gifts"}}),
        (UPDATE, lambda: {"id": gid("complaint"), "input": {"isActive": False}}),
        (REORDER, lambda: {"ids": [gid(s) for s in reversed(SEEDED)]}),
        (DELETE, lambda: {"id": gid("complaint")}),
    ]


OPERATION_IDS = ["create", "update", "reorder", "delete"]


@pytest.fixture
def guest_client(ticket):
    return ApiClient(Client(), issue_access_token(ticket))


@pytest.mark.parametrize(("operation", "variables"), _operations(), ids=OPERATION_IDS)
@pytest.mark.parametrize(
    ("who", "message"),
    [
        ("staff_api_client", LEAD_DENIED),
        ("customer_api_client", AGENT_DENIED),
        ("guest_client", AGENT_DENIED),
        ("api_client", AGENT_DENIED),
    ],
    ids=["agent", "customer", "guest", "anonymous"],
)
def test_only_leads_change_categories(request, db, operation, variables, who, message):
    # given
    client = request.getfixturevalue(who)
    arguments = variables()
    before = _state()

    # when
    result = client.execute(operation, arguments)

    # then
    assert [(e["message"], e["extensions"]) for e in result["errors"]] == [
        (message, {"exception": {"code": "PERMISSION_DENIED"}})
    ]
    assert _state() == before


@pytest.mark.parametrize(("operation", "variables"), _operations(), ids=OPERATION_IDS)
def test_support_administrators_change_categories(
    api_client, monkeypatch, agent, operation, variables
):
    # given: MANAGE_SETTINGS with MANAGE_ORDERS, no agent profile
    act_as(
        monkeypatch,
        Requestor(
            kind=RequestorKind.STAFF,
            user_id=agent.pk,
            permissions=frozenset(
                {DeskPermission.MANAGE_ORDERS.value, DeskPermission.MANAGE_SETTINGS.value}
            ),
        ),
    )

    # when
    result = api_client.execute(operation, variables())

    # then
    assert "errors" not in result
    assert [payload["errors"] for payload in result["data"].values()] == [[]]
