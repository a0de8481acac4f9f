"""Scripts and styles are sent as the brotli or gzip copy the build made, when accepted."""

import gzip

import pytest
from django.test import Client

SCRIPT = "index-Ab12Cd34.js"


@pytest.fixture
def compressed_build(built_workspace):
    assets = built_workspace / "assets"
    source = (assets / SCRIPT).read_bytes()
    (assets / f"{SCRIPT}.br").write_bytes(b"brotli copy")
    (assets / f"{SCRIPT}.gz").write_bytes(gzip.compress(source))
    return assets


@pytest.mark.parametrize(
    ("accept", "encoding", "copy"),
    [
        ("gzip, deflate, br, zstd", "br", ".br"),
        ("gzip, deflate", "gzip", ".gz"),
        ("br;q=0, gzip;q=0.5", "gzip", ".gz"),
        ("GZIP", "gzip", ".gz"),
        ("identity", None, ""),
        ("", None, ""),
    ],
)
def test_the_best_accepted_copy_is_sent(client: Client, compressed_build, accept, encoding, copy):
    response = client.get(f"/app/assets/{SCRIPT}", headers={"Accept-Encoding": accept})

    assert response.status_code == 200
    assert response.get("Content-Encoding") == encoding
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert "Accept-Encoding" in response["Vary"]
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.getvalue() == (compressed_build / f"{SCRIPT}{copy}").read_bytes()


def test_without_copies_the_file_is_sent_as_it_is(client: Client, built_workspace):
    response = client.get(f"/app/assets/{SCRIPT}", headers={"Accept-Encoding": "br, gzip"})

    assert response.get("Content-Encoding") is None
    assert response.getvalue() == (built_workspace / "assets" / SCRIPT).read_bytes()


def test_fonts_are_never_encoded_again(client: Client, compressed_build):
    response = client.get(
        "/app/assets/Inter-Regular-CKDp9E3C.woff2", headers={"Accept-Encoding": "br, gzip"}
    )

    assert response.get("Content-Encoding") is None
    assert "Accept-Encoding" not in response.get("Vary", "")


@pytest.mark.parametrize("suffix", [".br", ".gz"])
def test_the_copies_have_no_address_of_their_own(client: Client, compressed_build, suffix):
    assert client.get(f"/app/assets/{SCRIPT}{suffix}").status_code == 404
