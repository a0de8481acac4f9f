"""A small stand-in build of the agent workspace, so these tests never need Node."""

from pathlib import Path

import pytest

from saleor_support_plugin.web import workspace

INDEX_HTML = """<!doctype html>
<html lang="en" dir="ltr">
  <head>
    <meta charset="utf-8" />
    <title>Support desk</title>
    <script type="module" crossorigin src="./assets/index-Ab12Cd34.js"></script>
    <link rel="stylesheet" crossorigin href="./assets/index-Ef56Gh78.css">
  </head>
  <body><div id="root"></div></body>
</html>
"""


@pytest.fixture
def built_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    build = tmp_path / "dashboard"
    (build / "assets").mkdir(parents=True)
    (build / "index.html").write_text(INDEX_HTML, encoding="utf-8")
    (build / "assets" / "index-Ab12Cd34.js").write_text("console.log('desk');\n")
    (build / "assets" / "index-Ef56Gh78.css").write_text("body{margin:0}\n")
    (build / "assets" / "Inter-Regular-CKDp9E3C.woff2").write_bytes(b"wOF2fake")
    monkeypatch.setattr(workspace, "BUILD_DIR", build)
    return build


@pytest.fixture
def unbuilt_workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(workspace, "BUILD_DIR", tmp_path / "missing")
    return tmp_path / "missing"
