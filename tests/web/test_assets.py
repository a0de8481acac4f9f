"""The built app: index.html per client route (never cached), hashed assets (cached for good)."""

import json
import re

import pytest
from django.test import Client, RequestFactory

from saleor_support_plugin import PLUGIN_ID
from saleor_support_plugin.plugin import SupportPlugin

PLUGIN_ROOT = f"/plugins/global/{PLUGIN_ID}"


def _config(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="desk-config">(.*?)</script>', html)
    assert match, html
    return json.loads(match[1])


@pytest.mark.parametrize(
    "path",
    [
        "/app",
        "/app/",
        "/app/tickets/U3VwcG9ydFRpY2tldDox",
        "/app/widgets/order",
        "/app/settings",
        "/app/settings/sla",
        "/app/settings/routing/",
    ],
)
def test_client_routes_get_the_app(client: Client, built_workspace, path):
    response = client.get(path)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["Cache-Control"] == "no-cache"
    assert "script-src 'self'" in response["Content-Security-Policy"]
    html = response.content.decode()
    assert '<base href="/app/">' in html
    assert "./assets/index-Ab12Cd34.js" in html


def test_the_sandbox_app_knows_its_api_and_its_sign_in(client: Client, built_workspace):
    html = client.get("/app/").content.decode()

    config = _config(html)
    assert config["apiUrl"] == "http://testserver/graphql/"
    assert config["basePath"] == "/app/"
    assert config["loginUrl"] == "/auth/token/"
    assert config["saleorApiUrl"] is None


def test_inside_saleor_the_app_lives_under_the_plugin_and_has_no_sign_in(built_workspace):
    request = RequestFactory().get(f"{PLUGIN_ROOT}/app/tickets/abc")

    response = SupportPlugin(configuration=[], active=True).webhook(
        request, "/app/tickets/abc", previous_value=None
    )

    html = response.content.decode()
    assert f'<base href="{PLUGIN_ROOT}/app/">' in html
    config = _config(html)
    assert config["apiUrl"] == f"http://testserver{PLUGIN_ROOT}/graphql/"
    assert config["basePath"] == f"{PLUGIN_ROOT}/app/"
    assert config["loginUrl"] is None
    # Opened in a tab of its own, agents sign in with Saleor's tokenCreate.
    assert config["saleorApiUrl"] == "http://testserver/graphql/"


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("index-Ab12Cd34.js", "text/javascript; charset=utf-8"),
        ("index-Ef56Gh78.css", "text/css; charset=utf-8"),
        ("Inter-Regular-CKDp9E3C.woff2", "font/woff2"),
    ],
)
def test_hashed_assets_are_served_with_their_type_and_cached_for_good(
    client: Client, built_workspace, name, content_type
):
    response = client.get(f"/app/assets/{name}")

    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.getvalue() == (built_workspace / "assets" / name).read_bytes()


def test_the_plugin_serves_assets_too(built_workspace):
    path = "/app/assets/index-Ab12Cd34.js"
    request = RequestFactory().get(f"{PLUGIN_ROOT}{path}")

    response = SupportPlugin(configuration=[], active=True).webhook(
        request, path, previous_value=None
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"


@pytest.mark.parametrize(
    "path",
    [
        "/app/assets/missing-123.js",
        "/app/assets/",
        "/app/assets/../index.html",
        "/app/assets/%2e%2e/index.html",
        "/app/assets/sub/index-Ab12Cd34.js",
        "/app/index.html",
        "/app/unknown",
        "/app/tickets/",
        "/app/tickets/a/b",
        "/app/settings/Teams",
        "/app/settings/sla/x",
        "/apple",
    ],
)
def test_unknown_paths_are_not_found(client: Client, built_workspace, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("path", ["/manifest", "/app/../graphql", "/static/x", "/register"])
def test_the_plugin_finds_nothing_else(built_workspace, path):
    request = RequestFactory().get(f"{PLUGIN_ROOT}{path}")

    response = SupportPlugin(configuration=[], active=True).webhook(
        request, path, previous_value=None
    )

    assert response.status_code == 404


def test_the_app_is_read_only(client: Client, built_workspace):
    assert client.post("/app/").status_code == 405
    assert client.post("/app/assets/index-Ab12Cd34.js").status_code == 405


def test_an_unbuilt_workspace_says_how_to_build_it(client: Client, unbuilt_workspace):
    response = client.get("/app/")

    assert response.status_code == 503
    assert b"make ui" in response.content
    assert client.get("/app/assets/index-Ab12Cd34.js").status_code == 404


def test_the_sandbox_root_opens_the_workspace(client: Client):
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/app/"
