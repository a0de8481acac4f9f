"""Inside Saleor the manifest's addresses follow ``PUBLIC_URL``, and Saleor takes the logo.

Saleor fetches the manifest itself with a Host header that leaves out the port (a Saleor on
``127.0.0.1:8000`` is asked with ``Host: 127.0.0.1``); the manifest still names the port.
"""

from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any, Self
from urllib.parse import urlsplit

import pytest
from django.test import Client
from saleor import schema_version
from saleor.app import installation_utils
from saleor.app.manifest_validations import clean_manifest_data

from saleor_support_plugin import PLUGIN_ID

PLUGIN_ROOT = f"/plugins/global/{PLUGIN_ID}"


class _Response:
    """What ``fetch_icon_image`` reads of a ``requests`` response."""

    def __init__(self, status_code: int, headers: dict[str, str], body: bytes) -> None:
        self.status_code = status_code
        self.headers = {name.lower(): value for name, value in headers.items()}
        self.body = body

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        return None

    def raise_for_status(self) -> None:
        assert self.status_code == 200, self.status_code

    def iter_content(self, chunk_size: int) -> Iterator[bytes]:
        for start in range(0, len(self.body), chunk_size):
            yield self.body[start : start + chunk_size]


def _manifest(host: str) -> dict[str, Any]:
    response = Client().get(
        f"{PLUGIN_ROOT}/manifest/",
        headers={"Host": host, "Saleor-Schema-Version": schema_version},
    )
    assert response.status_code == 200, response.content
    result: dict[str, Any] = response.json()
    return result


def test_a_manifest_asked_without_the_port_names_saleors_public_port(
    support_plugin: Any, settings: Any, db: Any
) -> None:
    # given
    settings.PUBLIC_URL = "http://127.0.0.1:8000/"
    settings.ALLOWED_HOSTS = ["127.0.0.1"]

    # when
    manifest = _manifest(host="127.0.0.1")

    # then
    root = f"http://127.0.0.1:8000{PLUGIN_ROOT}"
    assert manifest["appUrl"] == f"{root}/app"
    assert manifest["tokenTargetUrl"] == f"{root}/register/"
    assert manifest["brand"] == {"logo": {"default": f"{root}/logo.png"}}
    clean_manifest_data(manifest, raise_for_saleor_version=True)


def test_saleor_fetches_and_accepts_the_logo(
    support_plugin: Any, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # given: Saleor's HTTP client answered by the plugin through Saleor's URL routing
    settings.PUBLIC_URL = "http://127.0.0.1:8000/"
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    logo_url = _manifest(host="127.0.0.1")["brand"]["logo"]["default"]
    fetched: list[tuple[str, str]] = []

    def send_request(method: str, url: str, **_: Any) -> "_Response":
        fetched.append((method, url))
        answer = Client().get(urlsplit(url).path, headers={"Host": "127.0.0.1"})
        return _Response(answer.status_code, dict(answer.headers), answer.getvalue())

    monkeypatch.setattr(
        installation_utils, "HTTPClient", SimpleNamespace(send_request=send_request)
    )

    # when
    logo = installation_utils.fetch_icon_image(logo_url)

    # then
    assert fetched == [("GET", f"http://127.0.0.1:8000{PLUGIN_ROOT}/logo.png")]
    assert logo.name.startswith("logo_")
    assert logo.name.endswith(".png")
