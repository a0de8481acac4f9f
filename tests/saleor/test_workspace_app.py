"""The agent workspace as a Saleor App: the manifest the plugin serves installs in real Saleor.

Saleor's own installer (``install_app``, as ``manage.py install_app <manifest-url>`` runs it)
reads the manifest from the plugin's URL and posts the App token to its ``tokenTargetUrl``;
here both HTTP calls go through Saleor's URL routing to ``SupportPlugin.webhook`` with the test
client instead of the network.
"""

import json
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.test import Client
from saleor import schema_version
from saleor.app import installation_utils
from saleor.app.manifest_validations import clean_manifest_data
from saleor.app.models import AppInstallation
from saleor.core.utils import build_absolute_uri

from saleor_support_plugin import PLUGIN_ID

MANIFEST_URL = f"http://testserver/plugins/global/{PLUGIN_ID}/manifest/"


def _fetch(url: str, **_: Any) -> dict[str, Any]:
    response = Client().get(urlsplit(url).path, headers={"Saleor-Schema-Version": schema_version})
    assert response.status_code == 200, response.content
    result: dict[str, Any] = response.json()
    return result


def test_saleor_validates_the_manifest_of_its_version(support_plugin: Any, db: Any) -> None:
    manifest = _fetch(MANIFEST_URL)

    clean_manifest_data(manifest, raise_for_saleor_version=True)

    assert [e["mount"] for e in manifest["extensions"]] == [
        "navigation_orders",
        "order_details_widgets",
    ]


@pytest.mark.django_db
def test_install_app_creates_the_inbox_page_and_the_order_widget(
    support_plugin: Any, permission_manage_orders: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    token_calls: list[int] = []

    def send_app_token(target_url: str, token: str) -> None:
        response = Client().post(
            urlsplit(target_url).path,
            data=json.dumps({"auth_token": token}),
            content_type="application/json",
        )
        token_calls.append(response.status_code)

    monkeypatch.setattr(installation_utils, "fetch_manifest", _fetch)
    monkeypatch.setattr(installation_utils, "send_app_token", send_app_token)
    installation = AppInstallation.objects.create(
        app_name="Support desk", manifest_url=MANIFEST_URL
    )
    installation.permissions.set([permission_manage_orders])

    app, _token = installation_utils.install_app(installation, activate=True)

    assert token_calls == [200]
    assert app.identifier == PLUGIN_ID
    # Saleor's public URL (PUBLIC_URL), not the address the manifest was fetched at.
    assert app.app_url == build_absolute_uri(f"/plugins/global/{PLUGIN_ID}/app")
    extensions = {e.identifier: e for e in app.extensions.all()}
    inbox, widget = extensions["support-inbox"], extensions["order-tickets"]
    assert (inbox.mount, inbox.target, inbox.url) == ("navigation_orders", "app_page", "/")
    assert (widget.mount, widget.target, widget.url) == (
        "order_details_widgets",
        "widget",
        "/widgets/order",
    )
    assert list(widget.permissions.values_list("codename", flat=True)) == ["manage_orders"]
    # The page the Dashboard puts in its iframe for the widget is the plugin's app.
    page = Client().get(urlsplit(app.app_url + widget.url).path)
    assert page.status_code in (200, 503)  # 503 while the UI is not built in this checkout
