"""The dashboard examples of the settings pages run for a team lead."""

from pathlib import Path

from saleor_support_plugin.tickets import DEFAULT_CATEGORIES
from saleor_support_plugin.tickets.models import TicketCategory

DASHBOARD = Path(__file__).resolve().parents[3] / "graphql" / "dashboard"
INTAKE_RULES = (DASHBOARD / "intake_rules.graphql").read_text()
CATEGORIES = (DASHBOARD / "categories.graphql").read_text()


def _run(client, document, operation_name, variables=None):
    response = client.post(document, variables, operation_name=operation_name)
    assert response.status_code == 200, response.content
    result = response.json()
    assert "errors" not in result
    return result["data"]


def test_the_intake_rules_page_reads_and_saves(lead_client, desk_configuration):
    # when
    read = _run(lead_client, INTAKE_RULES, "IntakeRules")
    saved = _run(
        lead_client,
        INTAKE_RULES,
        "IntakeRulesUpdate",
        {"input": {"events": [{"kind": "EXPIRY", "enabled": False}], "customerReopenDays": 14}},
    )

    # then
    assert [e["kind"] for e in read["supportIntakeRules"]["events"]][:2] == [
        "CANCELLATION",
        "EXPIRY",
    ]
    assert len(read["supportCategories"]) == len(DEFAULT_CATEGORIES)
    rules = saved["supportIntakeRulesUpdate"]["intakeRules"]
    assert (rules["events"][1]["enabled"], rules["customerReopenDays"]) == (False, 14)


def test_the_categories_page_runs_every_operation(lead_client):
    # when
    listed = _run(lead_client, CATEGORIES, "Categories")
    created = _run(
        lead_client,
        CATEGORIES,
        "CategoryCreate",
        {"input": {"slug": "gift-cards", "name": "Gift cards"}},
    )
    new_id = created["supportCategoryCreate"]["category"]["id"]
    updated = _run(
        lead_client, CATEGORIES, "CategoryUpdate", {"id": new_id, "input": {"isActive": False}}
    )
    ids = [new_id, *(c["id"] for c in listed["supportCategories"])]
    reordered = _run(lead_client, CATEGORIES, "CategoryReorder", {"ids": ids})
    deleted = _run(lead_client, CATEGORIES, "CategoryDelete", {"id": new_id})

    # then
    assert [c["slug"] for c in listed["supportCategories"]] == [s for s, _ in DEFAULT_CATEGORIES]
    assert updated["supportCategoryUpdate"]["category"]["isActive"] is False
    assert [c["id"] for c in reordered["supportCategoryReorder"]["categories"]] == ids
    assert deleted["supportCategoryDelete"]["category"]["id"] == new_id
    assert not TicketCategory.objects.filter(slug="gift-cards").exists()
