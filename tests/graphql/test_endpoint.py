"""The view at /graphql/: one JSON request per POST, with limits, errors as GraphQL errors."""

import json

import pytest
from django.test import Client

from saleor_support_plugin.graphql.core.ids import to_global_id
from saleor_support_plugin.graphql.tickets.dataloaders import CategoryByIdLoader
from saleor_support_plugin.tickets.models import TicketEvent

VIEWER = "{ supportViewer { kind permissions user { email } } }"


def _error(code, message):
    return {"errors": [{"message": message, "extensions": {"exception": {"code": code}}}]}


def test_anonymous_requests_are_answered(api_client):
    result = api_client.execute(VIEWER)

    assert result == {
        "data": {"supportViewer": {"kind": "ANONYMOUS", "permissions": [], "user": None}}
    }


def test_a_bearer_token_identifies_the_agent(staff_api_client):
    result = staff_api_client.execute(VIEWER)

    assert result == {
        "data": {
            "supportViewer": {
                "kind": "STAFF",
                "permissions": ["MANAGE_ORDERS"],
                "user": {"email": "agent@example.com"},
            }
        }
    }


def test_the_sandbox_session_identifies_the_agent(agent):
    # given
    client = Client(enforce_csrf_checks=True)
    client.force_login(agent)

    # when
    response = client.post("/graphql/", data={"query": VIEWER}, content_type="application/json")

    # then
    assert response.status_code == 200
    assert response.json()["data"]["supportViewer"]["kind"] == "STAFF"


@pytest.mark.parametrize("token", ["forged", "eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl"])
def test_a_forged_token_gets_an_authentication_error_and_no_data(db, token):
    response = Client().post(
        "/graphql/",
        data={"query": VIEWER},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert response.json() == _error("UNAUTHENTICATED", "The token is not valid.")


def test_get_is_not_allowed(db):
    response = Client().get("/graphql/", {"query": VIEWER})

    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert response.json() == _error("METHOD_NOT_ALLOWED", "Send GraphQL requests with POST.")


def test_a_form_post_is_refused(db):
    response = Client().post("/graphql/", data={"query": VIEWER})

    assert response.status_code == 415
    assert response.json() == _error(
        "UNSUPPORTED_MEDIA_TYPE", "Send the request as JSON (Content-Type: application/json)."
    )


def test_an_oversized_body_is_refused_before_parsing(db):
    query = "{ supportViewer { kind } }" + " " * 100 * 1024

    response = Client().post("/graphql/", data={"query": query}, content_type="application/json")

    assert response.status_code == 413
    assert response.json() == _error(
        "PAYLOAD_TOO_LARGE", "The request body can have at most 100 KB."
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            json.dumps([{"query": VIEWER}, {"query": VIEWER}]),
            "Batched requests are not supported: send one operation per request.",
        ),
        ("{not json", "The request body is not valid JSON."),
        ('"a string"', "The request body must be a JSON object."),
        (json.dumps({"query": "  "}), "`query` must be a non-empty string."),
        (json.dumps({"query": VIEWER, "variables": "{}"}), "`variables` must be a JSON object."),
        (json.dumps({"query": VIEWER, "operationName": 1}), "`operationName` must be a string."),
    ],
    ids=["batch", "not-json", "not-an-object", "no-query", "variables", "operation-name"],
)
def test_malformed_requests_are_bad_requests(db, body, message):
    response = Client().post("/graphql/", data=body, content_type="application/json")

    assert response.status_code == 400
    assert response.json() == _error("BAD_REQUEST", message)


def test_a_syntax_error_is_reported_with_its_code(api_client):
    response = api_client.post("{ supportViewer { kind }")

    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["extensions"] == {"exception": {"code": "GRAPHQL_PARSE_FAILED"}}
    assert error["message"].startswith("Syntax Error GraphQL (1:25) Expected Name, found EOF")


def test_an_unknown_field_is_a_validation_error(api_client):
    response = api_client.post("{ supportViewer { password } }")

    assert response.status_code == 400
    assert response.json() == {
        "errors": [
            {
                "message": 'Cannot query field "password" on type "SupportViewer".',
                "locations": [{"line": 1, "column": 19}],
                "extensions": {"exception": {"code": "GRAPHQL_VALIDATION_FAILED"}},
            }
        ]
    }


def test_a_wrong_variable_type_is_a_validation_error(staff_api_client):
    response = staff_api_client.post(
        "query($first: Int) { supportTickets(first: $first) { edges { cursor } } }",
        {"first": "many"},
    )

    assert response.status_code == 400
    assert response.json() == _error(
        "GRAPHQL_VALIDATION_FAILED",
        "A variable does not match its declared type.",
    )


def _assign_many(count, ticket_id):
    fields = " ".join(
        f'a{i}: supportTicketAssign(id: "{ticket_id}") {{ errors {{ code }} }}'
        for i in range(count)
    )
    return f"mutation {{ {fields} }}"


def test_five_mutations_in_one_request_are_refused_and_none_runs(staff_api_client, ticket):
    # given
    ticket_id = to_global_id("SupportTicket", ticket.pk)
    events_before = TicketEvent.objects.count()

    # when
    response = staff_api_client.post(_assign_many(5, ticket_id))

    # then
    assert response.status_code == 400
    assert response.json() == _error(
        "TOO_MANY_MUTATIONS", "A request can run at most 4 mutations; this one has 5."
    )
    assert TicketEvent.objects.count() == events_before


def test_mutations_hidden_in_fragments_are_counted(staff_api_client, ticket):
    ticket_id = to_global_id("SupportTicket", ticket.pk)
    query = (
        "mutation { ...Three a: supportTicketAssign(id: $id) { errors { code } } "
        "b: supportTicketAssign(id: $id) { errors { code } } }"
        " fragment Three on Mutation { "
        + " ".join(f"f{i}: supportTicketAssign(id: $id) {{ errors {{ code }} }}" for i in range(3))
        + " }"
    ).replace("mutation {", "mutation($id: ID!) {")

    response = staff_api_client.post(query, {"id": ticket_id})

    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["exception"]["code"] == "TOO_MANY_MUTATIONS"


def test_four_mutations_in_one_request_run(staff_api_client, ticket):
    result = staff_api_client.execute(_assign_many(4, to_global_id("SupportTicket", ticket.pk)))

    assert result == {"data": {f"a{i}": {"errors": []} for i in range(4)}}


def test_an_unexpected_failure_is_reported_without_its_details(
    staff_api_client, ticket, monkeypatch
):
    # given
    def broken(self, keys):
        raise RuntimeError("password=hunter2 in a stack trace")

    monkeypatch.setattr(CategoryByIdLoader, "batch_load", broken)
    ticket_id = to_global_id("SupportTicket", ticket.pk)
    query = f'{{ supportTicket(id: "{ticket_id}") {{ number category {{ slug }} }} }}'
    category_column = query.index("category") + 1

    # when
    result = staff_api_client.execute(query)

    # then
    assert result == {
        "data": {"supportTicket": None},
        "errors": [
            {
                "message": "Internal server error.",
                "locations": [{"line": 1, "column": category_column}],
                "path": ["supportTicket", "category"],
                "extensions": {"exception": {"code": "INTERNAL_ERROR"}},
            }
        ],
    }


def test_get_opens_the_stores_playground_when_it_is_enabled(db, settings, tmp_path):
    # given a store whose playground is on, with its page template
    (tmp_path / "graphql").mkdir()
    (tmp_path / "graphql" / "playground.html").write_text(
        '<div id="root" data-endpoint="{{ api_url }}"></div>'
    )
    settings.PLAYGROUND_ENABLED = True
    settings.TEMPLATES = [
        {"BACKEND": "django.template.backends.django.DjangoTemplates", "DIRS": [tmp_path]}
    ]

    # when
    response = Client().get("/graphql/")

    # then
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response.content == b'<div id="root" data-endpoint="http://testserver/graphql/"></div>'


def test_get_is_refused_when_the_playground_is_on_but_has_no_page(db, settings):
    settings.PLAYGROUND_ENABLED = True

    response = Client().get("/graphql/")

    assert response.status_code == 405


SETTINGS_VIEWER = "{ supportViewer { canManageSettings } }"


def test_only_leads_managers_and_administrators_may_manage_settings(
    api_client, staff_api_client, customer_api_client, api_client_for, team_lead
):
    def can_manage(client):
        return client.execute(SETTINGS_VIEWER)["data"]["supportViewer"]["canManageSettings"]

    assert can_manage(api_client) is False
    assert can_manage(customer_api_client) is False
    assert can_manage(staff_api_client) is False
    assert can_manage(api_client_for(team_lead)) is True
