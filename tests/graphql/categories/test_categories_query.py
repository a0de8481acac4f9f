"""supportCategories: the active categories for anyone, inactive ones for agents."""

import pytest
from django.test import Client

from saleor_support_plugin.tickets import DEFAULT_CATEGORIES
from saleor_support_plugin.tickets.access_tokens import issue_access_token
from saleor_support_plugin.tickets.categories import (
    CategoryValues,
    create_category,
    update_category,
)
from saleor_support_plugin.tickets.models import TicketCategory
from tests.graphql.conftest import ApiClient
from tests.query_counts import assert_statements

CATEGORIES = """
query Categories($includeInactive: Boolean) {
  supportCategories(includeInactive: $includeInactive) { id slug name position isActive }
}
"""
SEEDED = [slug for slug, _ in DEFAULT_CATEGORIES]


def _deactivate(slug):
    update_category(TicketCategory.objects.get(slug=slug), CategoryValues(is_active=False))


@pytest.fixture
def guest_client(ticket):
    return ApiClient(Client(), issue_access_token(ticket))


@pytest.mark.parametrize(
    "who", ["api_client", "customer_api_client", "guest_client", "staff_api_client", "lead_client"]
)
def test_everyone_reads_the_active_categories_in_order(request, db, who):
    # given
    client = request.getfixturevalue(who)
    _deactivate("complaint")
    create_category(slug="gift-cards", name="Gift cards")

    # when
    result = client.execute(CATEGORIES)

    # then
    categories = result["data"]["supportCategories"]
    assert [c["slug"] for c in categories] == [
        *(slug for slug in SEEDED if slug != "complaint"),
        "gift-cards",
    ]
    assert categories[0] == {
        "id": categories[0]["id"],
        "slug": "order",
        "name": "Order",
        "position": 0,
        "isActive": True,
    }
    assert categories[-1]["position"] == len(SEEDED)
    assert all(c["isActive"] for c in categories)


def test_ties_in_position_are_ordered_by_slug(api_client, db):
    # given
    TicketCategory.objects.update(position=1)

    # when
    result = api_client.execute(CATEGORIES)

    # then
    assert [c["slug"] for c in result["data"]["supportCategories"]] == sorted(SEEDED)


@pytest.mark.parametrize("who", ["staff_api_client", "lead_client"])
def test_agents_also_read_the_inactive_categories(request, db, who):
    # given
    client = request.getfixturevalue(who)
    _deactivate("complaint")

    # when
    result = client.execute(CATEGORIES, {"includeInactive": True})

    # then
    categories = result["data"]["supportCategories"]
    assert [c["slug"] for c in categories] == SEEDED
    assert [c["slug"] for c in categories if not c["isActive"]] == ["complaint"]


@pytest.mark.parametrize("who", ["api_client", "customer_api_client", "guest_client"])
def test_only_agents_may_ask_for_inactive_categories(request, db, who):
    # given
    client = request.getfixturevalue(who)

    # when
    result = client.execute(CATEGORIES, {"includeInactive": True})

    # then
    assert result["data"] is None
    assert [(e["message"], e["extensions"]) for e in result["errors"]] == [
        (
            "You need the following permissions to do this: MANAGE_ORDERS.",
            {"exception": {"code": "PERMISSION_DENIED"}},
        )
    ]


@pytest.mark.parametrize("extra", [0, 40])
@pytest.mark.parametrize(
    ("who", "include_inactive", "statements"),
    [
        # the categories
        ("api_client", False, 1),
        # the token's user, the categories
        ("customer_api_client", False, 2),
        # the access token's ticket, the categories
        ("guest_client", False, 2),
        # the token's user, the categories
        ("staff_api_client", True, 2),
    ],
)
def test_listing_categories_costs_the_same_statements_however_many(
    request, db, extra, who, include_inactive, statements
):
    # given
    client = request.getfixturevalue(who)
    for index in range(extra):
        create_category(slug=f"extra-{index}", name=f"Extra {index}")

    # when
    with assert_statements(statements):
        result = client.execute(CATEGORIES, {"includeInactive": include_inactive})

    # then
    assert len(result["data"]["supportCategories"]) == len(SEEDED) + extra
