"""Where things are: tests always exercise the checkout they live in, never another install."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
REPO = TESTS.parent
PLUGINS = REPO / "plugins"
SCRIPTS = REPO / "scripts"
VENDOR = PLUGINS / "glossdeck" / "assets" / "vendor"
ASSETS = PLUGINS / "glossdeck" / "assets"
GOLDEN = TESTS / "golden"
# a fixed glossary for renders that must not change when the repository's terms/ grows
FIXED_GLOSSARY = TESTS / "fixtures" / "glossary"
REFERENCE_TERM = FIXED_GLOSSARY / "immutable-infrastructure.yml"
