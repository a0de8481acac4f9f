"""The manifest's addresses inside Saleor come from Saleor's public URL, and it has a logo.

Saleor fetches an App's manifest itself, through a client that sends the Host header without
the port: for a Saleor served on ``127.0.0.1:8000`` the manifest is asked for with
``Host: 127.0.0.1``. Saleor is not installed here: ``saleor.core.utils.build_absolute_uri``
is replaced by a stand-in that does what Saleor 3.23's does with ``PUBLIC_URL`` set.
"""

import json
import sys
import types
from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client, RequestFactory

from saleor_support_plugin import PLUGIN_ID
from saleor_support_plugin.plugin import SupportPlugin
from saleor_support_plugin.web import workspace

PLUGIN_ROOT = f"/plugins/global/{PLUGIN_ID}"
PUBLIC_URL = "http://127.0.0.1:8000/"


@pytest.fixture
def saleor_host(settings, monkeypatch):
    """The Saleor host, with Saleor's ``build_absolute_uri`` reading ``PUBLIC_URL``."""
    settings.SUPPORT_DESK = {
        **settings.SUPPORT_DESK,
        "HOST": "saleor_support_plugin.host.saleor.SaleorHost",
    }
    settings.ALLOWED_HOSTS = ["127.0.0.1"]

    def build_absolute_uri(location: str, domain: str | None = None) -> str:
        current_uri = settings.PUBLIC_URL or f"http://{domain}"
        return urljoin(current_uri, location)

    module = types.ModuleType("saleor.core.utils")
    module.__dict__["build_absolute_uri"] = build_absolute_uri
    monkeypatch.setitem(sys.modules, "saleor.core.utils", module)
    return settings


def _manifest(host: str = "127.0.0.1") -> dict:
    request = RequestFactory().get(f"{PLUGIN_ROOT}/manifest/", headers={"Host": host})
    response = SupportPlugin(configuration=[], active=True).webhook(
        request, "/manifest/", previous_value=None
    )
    assert response.status_code == 200
    result: dict = json.loads(response.content)
    return result


def test_inside_saleor_the_manifest_keeps_the_port_of_saleors_public_url(saleor_host):
    saleor_host.PUBLIC_URL = PUBLIC_URL

    manifest = _manifest(host="127.0.0.1")

    root = f"http://127.0.0.1:8000{PLUGIN_ROOT}"
    assert manifest["appUrl"] == f"{root}/app"
    assert manifest["tokenTargetUrl"] == f"{root}/register/"
    assert manifest["brand"] == {"logo": {"default": f"{root}/logo.png"}}


def test_a_public_url_on_https_with_a_path_prefix_is_kept(saleor_host):
    saleor_host.PUBLIC_URL = "https://shop.example.com/"

    manifest = _manifest(host="127.0.0.1")

    assert manifest["appUrl"] == f"https://shop.example.com{PLUGIN_ROOT}/app"


def test_without_a_public_url_saleor_gets_the_requests_host(saleor_host):
    saleor_host.PUBLIC_URL = None

    manifest = _manifest(host="127.0.0.1")

    assert manifest["appUrl"] == f"http://127.0.0.1{PLUGIN_ROOT}/app"


def test_the_sandbox_manifest_follows_the_request(client: Client):
    manifest = client.get("/manifest/", headers={"Host": "testserver"}).json()

    assert manifest["tokenTargetUrl"] == "http://testserver/register/"
    assert manifest["brand"] == {"logo": {"default": "http://testserver/logo.png"}}


def test_the_logo_is_a_square_png_saleor_accepts(client: Client):
    # Saleor 3.23 (installation_utils.fetch_icon_image): content type exactly image/png, no
    # redirect, PNG at least 256x256 and square, at most 10 MB; the URL must end in .png.
    response = client.get("/logo.png")

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    body = response.getvalue()
    assert body.startswith(b"\x89PNG\r\n\x1a\n")
    width = int.from_bytes(body[16:20], "big")
    height = int.from_bytes(body[20:24], "big")
    assert (width, height) == (256, 256)
    assert len(body) < 10 * 1024
    assert len(body) == int(response["Content-Length"])
    assert urlsplit(client.get("/manifest/").json()["brand"]["logo"]["default"]).path.endswith(
        ".png"
    )


def test_the_plugin_serves_the_logo_under_its_own_path():
    request = RequestFactory().get(f"{PLUGIN_ROOT}/logo.png")

    response = SupportPlugin(configuration=[], active=True).webhook(
        request, "/logo.png", previous_value=None
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert workspace.handles("/logo.png")
    post = RequestFactory().post(f"{PLUGIN_ROOT}/logo.png")
    assert (
        SupportPlugin(configuration=[], active=True)
        .webhook(post, "/logo.png", previous_value=None)
        .status_code
        == 405
    )
