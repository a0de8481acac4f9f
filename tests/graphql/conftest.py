"""API clients that go through the real view at ``/graphql/``, with sandbox bearer tokens."""

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from saleor_support_plugin.host.standalone import issue_sandbox_token


class ApiClient:
    def __init__(self, client: Client, token: str | None = None) -> None:
        self.client = client
        self.token = token

    def post(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        *,
        operation_name: str | None = None,
    ) -> Any:
        body: dict[str, Any] = {"query": query, "variables": variables}
        if operation_name is not None:
            body["operationName"] = operation_name
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        return self.client.post(
            "/graphql/", data=json.dumps(body), content_type="application/json", headers=headers
        )

    def execute(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """Post and return the JSON answer of a request that was executed."""
        response = self.post(query, variables)
        assert response.status_code == 200, response.content
        result: dict[str, Any] = response.json()
        return result


@pytest.fixture
def api_client_for(db: Any) -> Callable[[Any], ApiClient]:
    def create(user: Any) -> ApiClient:
        return ApiClient(Client(), issue_sandbox_token(user) if user is not None else None)

    return create


@pytest.fixture
def api_client(api_client_for: Callable[[Any], ApiClient]) -> ApiClient:
    return api_client_for(None)


@pytest.fixture
def staff_api_client(api_client_for: Callable[[Any], ApiClient], agent: Any) -> ApiClient:
    return api_client_for(agent)


@pytest.fixture
def customer_api_client(
    api_client_for: Callable[[Any], ApiClient], customer_user: Any
) -> ApiClient:
    return api_client_for(customer_user)


@pytest.fixture
def second_agent(db: Any) -> Any:
    return get_user_model().objects.create_user(
        username="agent2", email="agent2@example.com", password="x", is_staff=True
    )
