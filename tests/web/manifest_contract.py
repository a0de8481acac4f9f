"""The App manifest rules of shared/reference/saleor-contract.md section 11, as a checker.

Fields from ``saleor/app/manifest_schema.py``: ``id``, ``name``, ``version`` required;
``permissions`` (enum names), ``appUrl``, ``tokenTargetUrl``, ``extensions[]``, ``webhooks[]``.
Extensions: ``label``, ``url`` (relative needs ``appUrl``), ``mount``, ``target`` (default popup),
``permissions`` (a subset of the App's), ``options``, ``identifier`` (3.23).
Mounts and targets by Saleor line: 3.20 has upper-case enums with the navigation, order and
customer action mounts and the ``POPUP``/``APP_PAGE`` targets (``APP_PAGE`` takes a relative
URL); 3.22 adds the widget mounts and ``NEW_TAB``/``WIDGET`` (widget mounts only).
"""

from typing import Any
from urllib.parse import urlsplit

MANIFEST_FIELDS = {
    "id",
    "name",
    "version",
    "about",
    "permissions",
    "appUrl",
    "tokenTargetUrl",
    "dataPrivacyUrl",
    "homepageUrl",
    "supportUrl",
    "audience",
    "requiredSaleorVersion",
    "author",
    "brand",
    "extensions",
    "webhooks",
}
EXTENSION_FIELDS = {"label", "url", "mount", "target", "permissions", "options", "identifier"}
PERMISSIONS = {
    "MANAGE_ORDERS",
    "MANAGE_USERS",
    "MANAGE_STAFF",
    "IMPERSONATE_USER",
    "HANDLE_PAYMENTS",
    "MANAGE_CHECKOUTS",
    "MANAGE_PLUGINS",
    "MANAGE_APPS",
    "MANAGE_PRODUCTS",
    "MANAGE_CHANNELS",
}
MOUNTS_3_20 = {
    "ORDER_DETAILS_MORE_ACTIONS",
    "ORDER_OVERVIEW_CREATE",
    "ORDER_OVERVIEW_MORE_ACTIONS",
    "CUSTOMER_DETAILS_MORE_ACTIONS",
    "NAVIGATION_ORDERS",
    "NAVIGATION_CUSTOMERS",
}
WIDGET_MOUNTS = {
    "ORDER_DETAILS_WIDGETS",
    "CUSTOMER_DETAILS_WIDGETS",
    "DRAFT_ORDER_DETAILS_WIDGETS",
}
TARGETS_3_20 = {"POPUP", "APP_PAGE"}
TARGETS_3_22 = TARGETS_3_20 | {"NEW_TAB", "WIDGET"}


def manifest_problems(manifest: dict[str, Any], saleor: tuple[int, int]) -> list[str]:
    """Everything the contract says Saleor ``saleor`` would refuse in ``manifest``."""
    problems = [f"unknown field {name}" for name in set(manifest) - MANIFEST_FIELDS]
    for name in ("id", "name", "version"):
        if not isinstance(manifest.get(name), str) or not manifest[name]:
            problems.append(f"{name} is required")
    app_permissions = manifest.get("permissions", [])
    problems += [f"unknown permission {p}" for p in app_permissions if p not in PERMISSIONS]
    for name in ("appUrl", "tokenTargetUrl"):
        if name in manifest and urlsplit(manifest[name]).scheme not in ("http", "https"):
            problems.append(f"{name} must be an absolute http(s) URL")
    mounts = MOUNTS_3_20 | (WIDGET_MOUNTS if saleor >= (3, 22) else set())
    targets = TARGETS_3_22 if saleor >= (3, 22) else TARGETS_3_20
    identifiers: set[str] = set()
    for extension in manifest.get("extensions", []):
        label = extension.get("label", "?")
        problems += [f"{label}: unknown field {n}" for n in set(extension) - EXTENSION_FIELDS]
        for name in ("label", "url", "mount"):
            if not isinstance(extension.get(name), str) or not extension[name]:
                problems.append(f"{label}: {name} is required")
        mount = extension.get("mount", "")
        target = extension.get("target", "POPUP")
        if mount not in mounts:
            problems.append(f"{label}: mount {mount} unknown to Saleor {saleor}")
        if target not in targets:
            problems.append(f"{label}: target {target} unknown to Saleor {saleor}")
        if target == "WIDGET" and mount not in WIDGET_MOUNTS:
            problems.append(f"{label}: WIDGET only on widget mounts")
        url = extension.get("url", "")
        if url.startswith("/") and not manifest.get("appUrl"):
            problems.append(f"{label}: a relative url needs appUrl")
        if target == "APP_PAGE" and urlsplit(url).scheme:
            problems.append(f"{label}: APP_PAGE takes a relative url")
        if not set(extension.get("permissions", [])) <= set(app_permissions):
            problems.append(f"{label}: permissions beyond the App's")
        identifier = extension.get("identifier")
        if identifier:
            if identifier in identifiers:
                problems.append(f"{label}: duplicate identifier {identifier}")
            identifiers.add(identifier)
    return problems
