"""Layering rules, checked on the source: the domain stays free of Saleor and of its hosts."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "saleor_support_plugin"
DOMAIN_PACKAGES = ["intake", "tickets", "agents", "macros", "sla"]
SEAM = {"plugin.py", "host/saleor.py"}
FORBIDDEN_IN_DOMAIN = (
    "saleor",
    "sandbox",
    "saleor_support_plugin.plugin",
    "saleor_support_plugin.host.saleor",
    "saleor_support_plugin.host.standalone",
    "saleor_support_plugin.host.signals",
    "saleor_support_plugin.graphql",
    "saleor_support_plugin.web",
)


def _imports(path: Path) -> list[str]:
    module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    names = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")[: -node.level]
                prefix = ".".join([*base, node.module] if node.module else base)
            else:
                prefix = node.module or ""
            names += [prefix] + [f"{prefix}.{alias.name}" for alias in node.names]
    return names


def _sources(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.py") if "migrations" not in p.parts)


@pytest.mark.parametrize("package", DOMAIN_PACKAGES)
def test_domain_packages_use_only_the_host_interface(package):
    offences = [
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in _sources(PACKAGE / package)
        for name in _imports(path)
        if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN_IN_DOMAIN)
    ]

    assert offences == []


def test_tickets_do_not_depend_on_teams():
    offences = [
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in _sources(PACKAGE / "tickets")
        for name in _imports(path)
        if name.startswith("saleor_support_plugin.agents")
    ]

    assert offences == []


def test_tickets_do_not_depend_on_the_sla_engine():
    offences = [
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in _sources(PACKAGE / "tickets")
        for name in _imports(path)
        if name == "saleor_support_plugin.sla" or name.startswith("saleor_support_plugin.sla.")
    ]

    assert offences == []


def test_only_the_seam_imports_saleor():
    offences = [
        str(path.relative_to(PACKAGE))
        for path in _sources(PACKAGE)
        if str(path.relative_to(PACKAGE)) not in SEAM
        and any(name == "saleor" or name.startswith("saleor.") for name in _imports(path))
    ]

    assert offences == []


def test_the_top_level_graphql_folder_is_not_a_package():
    assert not (PACKAGE.parent / "graphql" / "__init__.py").exists()
