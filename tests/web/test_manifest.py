"""The App manifest: the contract's fields and mounts, URLs under the plugin's own path."""

import json

import pytest
from django.test import Client, RequestFactory

from saleor_support_plugin import PLUGIN_ID
from saleor_support_plugin.plugin import SupportPlugin
from saleor_support_plugin.web.workspace import build_manifest

from .manifest_contract import manifest_problems

PLUGIN_ROOT = f"/plugins/global/{PLUGIN_ID}"
PREVIOUS = object()


def _plugin_get(path: str, **headers: str):
    request = RequestFactory().get(f"{PLUGIN_ROOT}{path}", headers=headers)
    return SupportPlugin(configuration=[], active=True).webhook(
        request, path, previous_value=PREVIOUS
    )


@pytest.mark.parametrize("saleor", [(3, 20), (3, 21), (3, 22), (3, 23)])
def test_the_manifest_saleor_fetches_meets_the_contract_of_its_version(saleor):
    major, minor = saleor

    response = _plugin_get("/manifest/", **{"Saleor-Schema-Version": f"{major}.{minor}"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    manifest = json.loads(response.content)
    assert manifest_problems(manifest, saleor) == []


def test_the_inbox_is_a_navigation_page_of_the_app():
    manifest = json.loads(_plugin_get("/manifest/", **{"Saleor-Schema-Version": "3.20"}).content)

    assert manifest["id"] == PLUGIN_ID
    assert manifest["permissions"] == ["MANAGE_ORDERS"]
    assert manifest["extensions"] == [
        {
            "identifier": "support-inbox",
            "label": "Support desk",
            "mount": "NAVIGATION_ORDERS",
            "target": "APP_PAGE",
            "url": "/",
            "permissions": ["MANAGE_ORDERS"],
        }
    ]


@pytest.mark.parametrize("version", ["3.22", "3.23", None])
def test_saleor_3_22_and_later_get_the_order_widget(version):
    headers = {"Saleor-Schema-Version": version} if version else {}

    manifest = json.loads(_plugin_get("/manifest/", **headers).content)

    widget = manifest["extensions"][1]
    assert widget == {
        "identifier": "order-tickets",
        "label": "Support tickets",
        "mount": "ORDER_DETAILS_WIDGETS",
        "target": "WIDGET",
        "url": "/widgets/order",
        "permissions": ["MANAGE_ORDERS"],
        "options": {"widgetTarget": {"method": "GET"}},
    }


def test_urls_are_absolute_and_under_the_plugins_path():
    manifest = json.loads(_plugin_get("/manifest/").content)

    root = f"http://testserver{PLUGIN_ROOT}"
    assert manifest["appUrl"] == f"{root}/app"
    assert manifest["tokenTargetUrl"] == f"{root}/register/"
    # The Dashboard concatenates appUrl and a widget's url.
    assert manifest["appUrl"] + manifest["extensions"][1]["url"] == f"{root}/app/widgets/order"


def test_the_manifest_follows_the_host_and_scheme_of_the_request(settings):
    settings.ALLOWED_HOSTS = ["shop.example.com"]
    request = RequestFactory().get(
        f"{PLUGIN_ROOT}/manifest/", secure=True, headers={"Host": "shop.example.com"}
    )

    response = SupportPlugin(configuration=[], active=True).webhook(
        request, "/manifest/", previous_value=PREVIOUS
    )

    assert json.loads(response.content)["appUrl"] == f"https://shop.example.com{PLUGIN_ROOT}/app"


def test_the_sandbox_serves_the_manifest_at_its_root(client: Client):
    response = client.get("/manifest/")

    assert response.status_code == 200
    manifest = response.json()
    assert manifest["appUrl"] == "http://testserver/app"
    assert manifest_problems(manifest, (3, 23)) == []


def test_saleor_version_header_that_is_not_a_version_keeps_the_widget():
    assert len(build_manifest("https://x.example", saleor_version=None)["extensions"]) == 2


def test_the_manifest_is_read_only():
    request = RequestFactory().post(f"{PLUGIN_ROOT}/manifest/")

    response = SupportPlugin(configuration=[], active=True).webhook(
        request, "/manifest/", previous_value=PREVIOUS
    )

    assert response.status_code == 405


def test_the_installation_call_is_acknowledged_and_nothing_is_kept(client: Client):
    response = client.post(
        "/register/", data=json.dumps({"auth_token": "x" * 30}), content_type="application/json"
    )

    assert response.status_code == 200
    assert response.json() == {"success": True}
    assert client.get("/register/").status_code == 405


def test_an_inactive_plugin_serves_no_manifest():
    request = RequestFactory().get(f"{PLUGIN_ROOT}/manifest/")

    response = SupportPlugin(configuration=[], active=False).webhook(
        request, "/manifest/", previous_value=PREVIOUS
    )

    assert response is PREVIOUS
