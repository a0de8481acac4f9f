"""SaleorHost reads the bearer token as Saleor's own API does (contract §8).

Saleor is not installed here: its token helpers are replaced by fakes with the same names and
behaviour (30-character app tokens, ``load_user_from_request`` raising PyJWT errors).
"""

import sys
import types
from types import SimpleNamespace
from typing import Any

import pytest
from promise import Promise

from saleor_support_plugin.host.requestor import AuthenticationError, Requestor, RequestorKind
from saleor_support_plugin.host.saleor import SaleorHost

APP_TOKEN = "a" * 30
JWT = "eyJhbGciOiJSUzI1NiJ9.payload.signature"


class PyJWTError(Exception):
    pass


class ExpiredSignatureError(PyJWTError):
    pass


class FakeUser(SimpleNamespace):
    def has_perm(self, permission):
        return permission in self.perms


class FakeSaleor:
    def __init__(self):
        self.apps = {}
        self.users = {}
        self.user_error = None

    def get_token_from_request(self, request):
        return request.META.get("HTTP_AUTHORIZATION", "").removeprefix("Bearer ") or None

    def get_app_promise(self, request):
        return Promise.resolve(self.apps.get(self.get_token_from_request(request)))

    def load_user_from_request(self, request):
        if self.user_error is not None:
            raise self.user_error
        return self.users.get(self.get_token_from_request(request))


@pytest.fixture
def saleor(monkeypatch):
    fake = FakeSaleor()
    modules: dict[str, dict[str, Any]] = {
        "jwt": {"PyJWTError": PyJWTError},
        "saleor.core.auth": {"get_token_from_request": fake.get_token_from_request},
        "saleor.core.auth_backend": {"load_user_from_request": fake.load_user_from_request},
        "saleor.graphql.app.dataloaders.utils": {"get_app_promise": fake.get_app_promise},
    }
    for name, attributes in modules.items():
        module = types.ModuleType(name)
        module.__dict__.update(attributes)
        monkeypatch.setitem(sys.modules, name, module)
    return fake


def _request(token=None):
    meta = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return SimpleNamespace(META=meta)


def test_no_token_is_anonymous(saleor):
    assert SaleorHost().requestor_from_request(_request()) == Requestor.anonymous()


def test_an_app_token_is_the_app_with_its_desk_permissions(saleor):
    # given
    saleor.apps[APP_TOKEN] = FakeUser(pk=7, perms={"order.manage_orders", "app.manage_apps"})

    # when
    requestor = SaleorHost().requestor_from_request(_request(APP_TOKEN))

    # then
    assert requestor == Requestor(
        kind=RequestorKind.APP, app_id=7, permissions=frozenset({"order.manage_orders"})
    )


def test_an_unknown_app_token_is_refused(saleor):
    with pytest.raises(AuthenticationError) as error:
        SaleorHost().requestor_from_request(_request(APP_TOKEN))

    assert str(error.value) == "The app token is not valid."


def test_a_staff_jwt_carries_the_staff_members_permissions(saleor):
    # given
    saleor.users[JWT] = FakeUser(
        pk=3,
        email="staff@example.com",
        is_staff=True,
        is_superuser=True,  # every channel; restricted groups are read in tests/saleor
        perms={"site.manage_settings"},
    )

    # when
    requestor = SaleorHost().requestor_from_request(_request(JWT))

    # then
    assert requestor == Requestor(
        kind=RequestorKind.STAFF,
        user_id=3,
        email="staff@example.com",
        permissions=frozenset({"site.manage_settings"}),
    )


def test_a_customer_jwt_is_a_customer_without_permissions(saleor):
    saleor.users[JWT] = FakeUser(
        pk=4, email="ana@example.com", is_staff=False, perms={"order.manage_orders"}
    )

    requestor = SaleorHost().requestor_from_request(_request(JWT))

    assert requestor == Requestor(kind=RequestorKind.CUSTOMER, user_id=4, email="ana@example.com")


def test_an_expired_jwt_is_an_authentication_error(saleor):
    saleor.user_error = ExpiredSignatureError("Signature has expired")

    with pytest.raises(AuthenticationError) as error:
        SaleorHost().requestor_from_request(_request(JWT))

    assert str(error.value) == "Signature has expired"


def test_a_token_saleor_does_not_know_is_refused(saleor):
    with pytest.raises(AuthenticationError) as error:
        SaleorHost().requestor_from_request(_request(JWT))

    assert str(error.value) == "The token is not valid."


def test_agents_are_active_staff_with_manage_orders(monkeypatch):
    # given
    people = [
        FakeUser(pk=1, is_active=True, is_staff=True, perms={"order.manage_orders"}),
        FakeUser(pk=2, is_active=True, is_staff=True, perms=set()),
        FakeUser(pk=3, is_active=True, is_staff=False, perms={"order.manage_orders"}),
    ]

    class Users:
        @staticmethod
        def filter(pk__in, is_active, is_staff):
            return [
                u
                for u in people
                if u.pk in pk__in and u.is_active == is_active and u.is_staff == is_staff
            ]

    module = types.ModuleType("saleor.account.models")
    module.__dict__["User"] = SimpleNamespace(objects=Users)
    monkeypatch.setitem(sys.modules, "saleor.account.models", module)

    # when
    agents = SaleorHost().agents_among([1, 2, 3, 4])

    # then
    assert agents == {1}
