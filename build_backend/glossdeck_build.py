"""glossdeck's PEP 517 build backend: setuptools, after checking the vendored front-end files.

The site serves Mermaid and d3 from plugins/glossdeck/assets/vendor/, a git-ignored folder that
`npm ci` fills (scripts/vendor-assets.mjs). A wheel or sdist built without them would install a
glossdeck whose diagrams and graph cannot work, so building one stops with a message saying how
to fill the folder. Editable installs (`pip install -e .`, used by `make`) are not checked: they
read the folder in place, and `make` fills it right after.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from setuptools import build_meta as _setuptools
from setuptools.build_meta import (  # noqa: F401 - re-exported hooks, unchanged
    build_editable,
    get_requires_for_build_editable,
    get_requires_for_build_sdist,
    get_requires_for_build_wheel,
    prepare_metadata_for_build_editable,
    prepare_metadata_for_build_wheel,
)

ROOT = Path(__file__).resolve().parent.parent
VENDOR_SCRIPT = ROOT / "scripts" / "vendor-assets.mjs"
VENDOR_DIR = ROOT / "plugins" / "glossdeck" / "assets" / "vendor"
# One FILES entry of vendor-assets.mjs: ["package", "path/in/node_modules", "served-name"]
_ENTRY = re.compile(r'^\s*\[\s*"([^"]+)"\s*,\s*"([^"]+)"\s*,\s*"([^"]+)"\s*\]\s*,?\s*$', re.MULTILINE)
_NOTICES = re.compile(r'^const NOTICES = "([^"]+)";', re.MULTILINE)


def required_vendor_files() -> list[str]:
    """Every file vendor-assets.mjs puts in the vendor folder (the served files, their licenses, the
    notices); a name ending in "/" is a folder of modules, which must hold at least one."""
    source = VENDOR_SCRIPT.read_text(encoding="utf-8")
    served = [target for _package, _source, target in _ENTRY.findall(source)]
    notices = _NOTICES.search(source)
    if not served or notices is None:  # the script changed shape: refuse rather than check nothing
        raise SystemExit(f"glossdeck build: cannot read the FILES list or NOTICES name in {VENDOR_SCRIPT}")
    files = [name for name in served if not name.endswith("/")]
    folders = [name for name in served if name.endswith("/")]
    return [*files, *folders, *(f"{name}.LICENSE.txt" for name in files), notices.group(1)]


def _present(name: str) -> bool:
    path = VENDOR_DIR / name
    if name.endswith("/"):
        return path.is_dir() and any(child.suffix == ".mjs" and child.stat().st_size for child in path.iterdir())
    return path.is_file() and path.stat().st_size > 0


def missing_vendor_files() -> list[str]:
    return [name for name in required_vendor_files() if not _present(name)]


def _require_vendor_files() -> None:
    missing = missing_vendor_files()
    if missing:
        # A message, not a traceback: SystemExit ends the backend process with this text on stderr.
        print(
            f"glossdeck build: {len(missing)} vendored front-end file(s) missing from {VENDOR_DIR}:\n"
            + "".join(f"  - {name}\n" for name in missing)
            + "A wheel or sdist without them would draw no diagrams and no graph. Fill the folder from\n"
            "the pinned npm packages first: `npm ci` (it runs scripts/vendor-assets.mjs), or `make dist`.",
            file=sys.stderr,
        )
        raise SystemExit(1)


def build_wheel(
    wheel_directory: str, config_settings: dict[str, Any] | None = None, metadata_directory: str | None = None
) -> str:
    _require_vendor_files()
    return _setuptools.build_wheel(wheel_directory, config_settings, metadata_directory)


def build_sdist(sdist_directory: str, config_settings: dict[str, Any] | None = None) -> str:
    _require_vendor_files()
    return _setuptools.build_sdist(sdist_directory, config_settings)
