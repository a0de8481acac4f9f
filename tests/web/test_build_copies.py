"""The built workspace's brotli and gzip copies are the files they stand for, byte for byte.

A copy made before the bundler's last step would keep its placeholders (a lazily loaded
screen's preload list) and break that screen in every browser that accepts the copy.
"""

import gzip
import shutil
import subprocess

from saleor_support_plugin.web import workspace

BROTLI_DECOMPRESS = (
    "process.stdout.write(require('node:zlib')"
    ".brotliDecompressSync(require('node:fs').readFileSync(process.argv[1])))"
)


def test_every_copy_decompresses_to_its_file() -> None:
    assets = workspace.BUILD_DIR / "assets"
    assert (workspace.BUILD_DIR / "index.html").exists(), "Build the workspace first: make ui"
    node = shutil.which("node")
    assert node, "Node.js is needed to read the brotli copies"
    scripts = sorted(assets.glob("*.js"))
    copies = sorted(assets.glob("*.gz")) + sorted(assets.glob("*.br"))
    assert any(path.name.startswith("Ticket-") for path in scripts), "the ticket screen's chunk"
    assert copies

    for copy in copies:
        original = copy.with_suffix("")
        if copy.suffix == ".gz":
            content = gzip.decompress(copy.read_bytes())
        else:
            content = subprocess.run(  # noqa: S603  # fixed arguments, our own build
                [node, "-e", BROTLI_DECOMPRESS, str(copy)], capture_output=True, check=True
            ).stdout
        assert content == original.read_bytes(), copy.name
        assert b"__VITE_PRELOAD__" not in content, copy.name
