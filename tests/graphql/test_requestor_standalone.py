"""The sandbox host: Django session users and signed bearer tokens."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.core import signing
from django.test import RequestFactory

from saleor_support_plugin.host.requestor import AuthenticationError, Requestor, RequestorKind
from saleor_support_plugin.host.standalone import (
    SANDBOX_TOKEN_MAX_AGE_SECONDS,
    SANDBOX_TOKEN_SALT,
    StandaloneHost,
    issue_sandbox_token,
)

AGENT_PERMISSIONS = frozenset({"order.manage_orders"})
ADMIN_PERMISSIONS = frozenset({"order.manage_orders", "site.manage_settings"})


def _request(user=None, **headers):
    request = RequestFactory().post("/graphql/", **headers)
    request.user = user or AnonymousUser()
    return request


@pytest.fixture
def admin(db):
    return get_user_model().objects.create_superuser(
        username="boss", email="boss@example.com", password="x"
    )


def test_no_credentials_is_anonymous(db):
    assert StandaloneHost().requestor_from_request(_request()) == Requestor.anonymous()


def test_a_staff_session_is_an_agent(agent):
    requestor = StandaloneHost().requestor_from_request(_request(agent))

    assert requestor == Requestor(
        kind=RequestorKind.STAFF,
        user_id=agent.pk,
        email="agent@example.com",
        permissions=AGENT_PERMISSIONS,
    )


def test_a_superuser_also_administers_the_desk(admin):
    requestor = StandaloneHost().requestor_from_request(_request(admin))

    assert requestor.kind == RequestorKind.STAFF
    assert requestor.permissions == ADMIN_PERMISSIONS


def test_a_customer_session_has_no_desk_permissions(customer_user):
    requestor = StandaloneHost().requestor_from_request(_request(customer_user))

    assert requestor == Requestor(
        kind=RequestorKind.CUSTOMER,
        user_id=customer_user.pk,
        email="ana.popescu@example.com",
    )


@pytest.mark.parametrize(
    "header",
    [
        lambda token: {"HTTP_AUTHORIZATION": f"Bearer {token}"},
        lambda token: {"HTTP_AUTHORIZATION": f"JWT {token}"},
        lambda token: {"HTTP_AUTHORIZATION_BEARER": token},
    ],
)
def test_a_bearer_token_names_its_user(agent, customer_user, header):
    # given
    token = issue_sandbox_token(agent)

    # when
    requestor = StandaloneHost().requestor_from_request(_request(customer_user, **header(token)))

    # then
    assert requestor.user_id == agent.pk
    assert requestor.permissions == AGENT_PERMISSIONS


def test_an_expired_token_is_refused(agent, monkeypatch):
    # given
    issued = signing.TimestampSigner.timestamp
    monkeypatch.setattr(
        signing.TimestampSigner,
        "timestamp",
        lambda self: signing.b62_encode(
            signing.b62_decode(issued(self)) - SANDBOX_TOKEN_MAX_AGE_SECONDS - 1
        ),
    )
    token = issue_sandbox_token(agent)
    monkeypatch.undo()

    # when
    with pytest.raises(AuthenticationError) as error:
        StandaloneHost().requestor_from_request(_request(HTTP_AUTHORIZATION=f"Bearer {token}"))

    # then
    assert str(error.value) == "The token has expired."


def _tampered(token):
    payload, rest = token.split(":", 1)
    return f"{payload[:-2]}xx:{rest}"


@pytest.mark.parametrize(
    "forge",
    [
        _tampered,
        lambda token: "not-a-token",
        lambda token: signing.dumps({"u": 1, "h": "x"}),
        lambda token: signing.dumps({"u": "1"}, salt=SANDBOX_TOKEN_SALT),
        lambda token: signing.dumps(["u", 1], salt=SANDBOX_TOKEN_SALT),
    ],
    ids=["tampered", "garbage", "other-salt", "id-as-text", "not-an-object"],
)
def test_a_forged_token_is_refused(agent, forge):
    token = forge(issue_sandbox_token(agent))

    with pytest.raises(AuthenticationError) as error:
        StandaloneHost().requestor_from_request(_request(HTTP_AUTHORIZATION=f"Bearer {token}"))

    assert str(error.value) == "The token is not valid."


def test_a_password_change_revokes_tokens(agent):
    # given
    token = issue_sandbox_token(agent)
    agent.set_password("new password")
    agent.save()

    # when
    with pytest.raises(AuthenticationError) as error:
        StandaloneHost().requestor_from_request(_request(HTTP_AUTHORIZATION=f"Bearer {token}"))

    # then
    assert str(error.value) == "The token is not valid."


def test_a_deactivated_user_token_is_refused(agent):
    token = issue_sandbox_token(agent)
    agent.is_active = False
    agent.save()

    with pytest.raises(AuthenticationError):
        StandaloneHost().requestor_from_request(_request(HTTP_AUTHORIZATION=f"Bearer {token}"))


def test_agents_among_keeps_active_staff_only(agent, second_agent, customer_user):
    # given
    second_agent.is_active = False
    second_agent.save()

    # when
    agents = StandaloneHost().agents_among([agent.pk, second_agent.pk, customer_user.pk, 10**9])

    # then
    assert agents == {agent.pk}
