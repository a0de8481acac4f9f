"""The agent workspace: the Saleor App manifest and the built UI, below the plugin's URL.

Inside Saleor everything lives under ``/plugins/global/<PLUGIN_ID>/`` (``SupportPlugin.webhook``
passes the part after it); in the sandbox the same paths sit at the root:

``/manifest/``
    The App manifest. Installing it (Dashboard → Apps → Install from manifest, or
    ``manage.py install_app <url>``) puts the inbox in the Dashboard's navigation and, on Saleor
    3.22+, a widget with the order's tickets on the order page.
``/logo.png``
    The App's logo (``brand.logo.default`` of the manifest): Saleor copies it at installation
    and shows it beside the App's name.
``/register/``
    The manifest's ``tokenTargetUrl``: Saleor posts the App's token there once, at installation.
    The desk runs inside Saleor and reads the staff member's token from each request, so it
    acknowledges the call and keeps nothing.
``/app``, ``/app/``, ``/app/tickets/<id>``, ``/app/widgets/order``
    The single-page app (``index.html``, never cached), with the base URL and the API URL written
    into it.
``/app/assets/<file>``
    The build's hashed files, cached for a year; scripts and styles as the brotli or gzip copy
    the build made beside them when the browser accepts it.

Anything else is not found.
"""

import json
import mimetypes
import re
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from django.http import (
    FileResponse,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    HttpResponseNotAllowed,
    HttpResponseNotFound,
    JsonResponse,
)
from django.utils.cache import patch_vary_headers

from .. import PLUGIN_ID
from ..host import get_host

BUILD_DIR = Path(__file__).resolve().parent / "dashboard"
"""Where ``npm run build`` in ``dashboard_extension/`` writes the app (shipped in the wheel)."""

MANIFEST_PATH = "/manifest/"
REGISTER_PATH = "/register/"
LOGO_PATH = "/logo.png"
LOGO_FILE = Path(__file__).resolve().parent / "brand" / "logo.png"
"""A 256x256 PNG: Saleor takes PNG logos only, square and at least 256 pixels wide."""
APP_PATH = "/app"
ASSETS_PREFIX = "/app/assets/"

SALEOR_API_PATH = "/graphql/"
"""Where Saleor serves its GraphQL API, on the host that serves the plugin."""

APP_NAME = "Support desk"
APP_PERMISSIONS = ["MANAGE_ORDERS"]
"""Saleor's permission set is closed: agents are staff who manage orders."""

WIDGETS_SINCE = (3, 22)
"""First Saleor version with the ``ORDER_DETAILS_WIDGETS`` mount and the ``WIDGET`` target."""

IMMUTABLE = "public, max-age=31536000, immutable"
_CLIENT_ROUTE = re.compile(
    r"^/app(?:/|/tickets/[^/]+/?|/widgets/order/?|/settings(?:/[a-z-]+)?/?)?$"
)
_ASSET_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
_CONTENT_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".woff2": "font/woff2",
    ".woff": "font/woff",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".json": "application/json",
}
_CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        # macaw-ui sets theme variables in style attributes.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "base-uri 'self'",
        "form-action 'self'",
        "object-src 'none'",
    ]
)


@dataclass(frozen=True)
class Mount:
    """Where the workspace is served: the plugin's root URL path, and the host's extras."""

    prefix: str
    """Path of the plugin's root without a trailing slash (``""`` in the sandbox)."""
    login_url: str | None = None
    """The sandbox's username/password sign-in; ``None`` inside Saleor (app-bridge tokens)."""
    saleor_api_path: str | None = None
    """Saleor's own API, for signing in with ``tokenCreate`` when the app has a tab of its own."""

    @classmethod
    def for_plugin(cls, request: HttpRequest, path: str) -> "Mount":
        """Return the mount for a request Saleor passed to ``webhook()`` with ``path``."""
        full = request.path
        prefix = full[: -len(path)] if path and full.endswith(path) else full.rstrip("/")
        return cls(prefix=prefix.rstrip("/"), saleor_api_path=SALEOR_API_PATH)


def serve(request: HttpRequest, path: str, mount: Mount) -> HttpResponseBase:
    """Answer a workspace ``path`` (``/manifest/``, ``/app/...``); 404 for anything else."""
    if path == MANIFEST_PATH:
        return manifest_view(request, mount)
    if path == REGISTER_PATH:
        return register_view(request)
    if path == LOGO_PATH:
        return logo_view(request)
    if path.startswith(ASSETS_PREFIX):
        return asset_view(request, path.removeprefix(ASSETS_PREFIX))
    if _CLIENT_ROUTE.match(path):
        return index_view(request, mount)
    return HttpResponseNotFound()


def handles(path: str) -> bool:
    """Tell whether ``path`` belongs to the workspace (the plugin routes it here)."""
    return (
        path in (MANIFEST_PATH, REGISTER_PATH, LOGO_PATH)
        or path == APP_PATH
        or path.startswith("/app/")
    )


# -- the manifest ---------------------------------------------------------------------------


def manifest_view(request: HttpRequest, mount: Mount) -> HttpResponse:
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    # Where browsers reach the plugin: inside Saleor, Saleor's public URL, since Saleor itself
    # fetches this manifest with a Host header that may leave out the port.
    base_url = get_host().absolute_url(mount.prefix + "/", request).rstrip("/")
    saleor_version = _saleor_version(request.headers.get("Saleor-Schema-Version", ""))
    response = JsonResponse(build_manifest(base_url, saleor_version=saleor_version))
    response["Cache-Control"] = "no-cache"
    return response


def build_manifest(base_url: str, *, saleor_version: tuple[int, int] | None) -> dict[str, Any]:
    """Return the App manifest of a desk whose plugin root is ``base_url`` (absolute).

    Saleor sends its version (``Saleor-Schema-Version``) when it fetches a manifest; versions
    before 3.22 know neither the order widget mount nor the ``WIDGET`` target and would refuse
    the whole manifest, so the widget is left out for them.
    """
    extensions: list[dict[str, Any]] = [
        {
            "identifier": "support-inbox",
            "label": APP_NAME,
            "mount": "NAVIGATION_ORDERS",
            "target": "APP_PAGE",
            "url": "/",
            "permissions": APP_PERMISSIONS,
        }
    ]
    if saleor_version is None or saleor_version >= WIDGETS_SINCE:
        extensions.append(
            {
                "identifier": "order-tickets",
                "label": "Support tickets",
                "mount": "ORDER_DETAILS_WIDGETS",
                "target": "WIDGET",
                # The Dashboard appends this to appUrl and adds ?orderId=<Order id>.
                "url": "/widgets/order",
                "permissions": APP_PERMISSIONS,
                "options": {"widgetTarget": {"method": "GET"}},
            }
        )
    return {
        "id": PLUGIN_ID,
        "name": APP_NAME,
        "version": _version(),
        "about": (
            "The support desk's agent workspace: inbox, tickets with their order, replies and"
            " internal notes."
        ),
        "author": "Saleor support desk",
        "permissions": APP_PERMISSIONS,
        # No trailing slash: the Dashboard joins extension URLs to it by concatenation.
        "appUrl": f"{base_url}{APP_PATH}",
        "tokenTargetUrl": f"{base_url}{REGISTER_PATH}",
        "requiredSaleorVersion": ">=3.20",
        "brand": {"logo": {"default": f"{base_url}{LOGO_PATH}"}},
        "extensions": extensions,
        "webhooks": [],
    }


def _saleor_version(header: str) -> tuple[int, int] | None:
    match = re.match(r"^\s*(\d+)\.(\d+)", header)
    return (int(match[1]), int(match[2])) if match else None


@cache
def _version() -> str:
    try:
        return metadata.version("saleor-support-plugin")
    except metadata.PackageNotFoundError:
        return "0.0.0"


def register_view(request: HttpRequest) -> HttpResponse:
    """Acknowledge Saleor's installation call; the App token it carries is not kept."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return JsonResponse({"success": True})


def logo_view(request: HttpRequest) -> HttpResponseBase:
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    # Saleor accepts the logo only with exactly this content type.
    response = FileResponse(LOGO_FILE.open("rb"), content_type="image/png")
    response["Cache-Control"] = "public, max-age=86400"
    response["X-Content-Type-Options"] = "nosniff"
    return response


# -- the app ----------------------------------------------------------------------------------


def index_view(request: HttpRequest, mount: Mount) -> HttpResponse:
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    index = BUILD_DIR / "index.html"
    try:
        html = index.read_text(encoding="utf-8")
    except FileNotFoundError:
        response = HttpResponse(
            "The agent workspace is not built: run `make ui` (or `npm ci && npm run build` in"
            " dashboard_extension/).",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
        response["Cache-Control"] = "no-store"
        return response
    config = {
        "apiUrl": request.build_absolute_uri(f"{mount.prefix}/graphql/"),
        "basePath": f"{mount.prefix}{APP_PATH}/",
        "loginUrl": mount.login_url,
        "saleorApiUrl": (
            request.build_absolute_uri(mount.saleor_api_path) if mount.saleor_api_path else None
        ),
        "version": _version(),
    }
    # "<" escaped, so no value can close the script element.
    config_json = json.dumps(config).replace("<", "\\u003c")
    head = (
        f'<base href="{mount.prefix}{APP_PATH}/">'
        f'<script type="application/json" id="desk-config">{config_json}</script>'
    )
    html = html.replace("<head>", f"<head>{head}", 1)
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    response["Content-Security-Policy"] = _CSP
    response["X-Content-Type-Options"] = "nosniff"
    response["Referrer-Policy"] = "same-origin"
    return response


ENCODINGS = (("br", ".br"), ("gzip", ".gz"))
"""Precompressed copies the build writes beside scripts and styles, best first."""


def asset_view(request: HttpRequest, name: str) -> HttpResponseBase:
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    if not _ASSET_NAME.match(name) or name.endswith(tuple(s for _, s in ENCODINGS)):
        return HttpResponseNotFound()
    file = BUILD_DIR / "assets" / name
    if not file.is_file():
        return HttpResponseNotFound()
    content_type = _CONTENT_TYPES.get(file.suffix) or (
        mimetypes.guess_type(file.name)[0] or "application/octet-stream"
    )
    encoding, served = _encoded(file, request.headers.get("Accept-Encoding", ""))
    response = FileResponse(served.open("rb"), content_type=content_type)
    if encoding is not None:
        response["Content-Encoding"] = encoding
    if file.suffix in _COMPRESSED_SUFFIXES:
        patch_vary_headers(response, ["Accept-Encoding"])
    # Vite puts a content hash in every file name, so a name never changes its content.
    response["Cache-Control"] = IMMUTABLE
    response["X-Content-Type-Options"] = "nosniff"
    return response


_COMPRESSED_SUFFIXES = (".js", ".css")


def _encoded(file: Path, accept_encoding: str) -> tuple[str | None, Path]:
    """Return the encoding and the file to send: a precompressed copy the client accepts."""
    if file.suffix not in _COMPRESSED_SUFFIXES:
        return None, file
    accepted = _accepted_encodings(accept_encoding)
    for encoding, suffix in ENCODINGS:
        copy = file.with_name(file.name + suffix)
        if encoding in accepted and copy.is_file():
            return encoding, copy
    return None, file


def _accepted_encodings(header: str) -> set[str]:
    """Return the codings of an ``Accept-Encoding`` header that are not refused with ``q=0``."""
    accepted = set()
    for part in header.split(","):
        coding, _, parameters = part.strip().partition(";")
        quality = parameters.strip().removeprefix("q=").strip() if parameters else "1"
        try:
            refused = float(quality) == 0
        except ValueError:
            refused = False
        if coding and not refused:
            accepted.add(coding.strip().lower())
    return accepted
