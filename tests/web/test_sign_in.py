"""The sandbox's sign-in for the standalone workspace: staff exchange a password for a token."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

VIEWER = "{ supportViewer { kind user { email } } }"


def _sign_in(client: Client, username: str, password: str):
    return client.post(
        "/auth/token/",
        data=json.dumps({"username": username, "password": password}),
        content_type="application/json",
    )


def test_an_agent_gets_a_token_the_api_accepts(client: Client, agent):
    response = _sign_in(client, "agent", "x")

    assert response.status_code == 200
    token = response.json()["token"]
    assert response.json()["expiresIn"] == 12 * 3600
    answer = Client().post(
        "/graphql/",
        data=json.dumps({"query": VIEWER}),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert answer.json() == {
        "data": {"supportViewer": {"kind": "STAFF", "user": {"email": "agent@example.com"}}}
    }


@pytest.mark.parametrize(("username", "password"), [("agent", "wrong"), ("nobody", "x")])
def test_wrong_credentials_are_refused(client: Client, agent, username, password):
    response = _sign_in(client, username, password)

    assert response.status_code == 401
    assert "token" not in response.json()


def test_customers_cannot_sign_in_to_the_workspace(client: Client, customer_user):
    assert _sign_in(client, "ana", "x").status_code == 401


def test_inactive_staff_cannot_sign_in(client: Client, agent):
    get_user_model().objects.filter(pk=agent.pk).update(is_active=False)

    assert _sign_in(client, "agent", "x").status_code == 401


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        ("username=agent&password=x", "application/x-www-form-urlencoded", 415),
        ("{not json", "application/json", 400),
        ('["agent", "x"]', "application/json", 400),
        ('{"username": "agent"}', "application/json", 400),
    ],
)
def test_malformed_sign_ins_are_refused(client: Client, agent, body, content_type, status):
    response = client.post("/auth/token/", data=body, content_type=content_type)

    assert response.status_code == status


def test_sign_in_takes_post_only(client: Client):
    response = client.get("/auth/token/")

    assert response.status_code == 405
    assert response["Allow"] == "POST"
