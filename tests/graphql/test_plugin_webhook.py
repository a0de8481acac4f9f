"""The API inside Saleor: SupportPlugin.webhook serves /plugins/global/<PLUGIN_ID>/graphql/."""

import json

import pytest
from django.test import RequestFactory

from saleor_support_plugin.host.standalone import issue_sandbox_token
from saleor_support_plugin.plugin import SupportPlugin

PREVIOUS = object()
VIEWER = "{ supportViewer { kind } }"
PLUGIN_URL = "/plugins/global/saleor_support_plugin.support"


def _plugin(active=True):
    return SupportPlugin(configuration=[], active=active)


def _post(path, query, token=None):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return RequestFactory().post(
        f"{PLUGIN_URL}{path}",
        data=json.dumps({"query": query}),
        content_type="application/json",
        headers=headers,
    )


def test_an_active_plugin_serves_graphql(agent):
    # given
    request = _post("/graphql/", VIEWER, issue_sandbox_token(agent))

    # when
    response = _plugin().webhook(request, "/graphql/", previous_value=PREVIOUS)

    # then
    assert response.status_code == 200
    assert json.loads(response.content) == {"data": {"supportViewer": {"kind": "STAFF"}}}


def test_the_endpoint_inside_saleor_refuses_get(db):
    request = RequestFactory().get(f"{PLUGIN_URL}/graphql/")

    response = _plugin().webhook(request, "/graphql/", previous_value=PREVIOUS)

    assert response.status_code == 405


def test_an_inactive_plugin_returns_previous_value(db):
    response = _plugin(active=False).webhook(
        _post("/graphql/", VIEWER), "/graphql/", previous_value=PREVIOUS
    )

    assert response is PREVIOUS


@pytest.mark.parametrize("path", ["/graphql", "/", "/graphql/extra", "/api/tickets"])
def test_other_paths_are_not_found(db, path):
    response = _plugin().webhook(_post(path, VIEWER), path, previous_value=PREVIOUS)

    assert response.status_code == 404
