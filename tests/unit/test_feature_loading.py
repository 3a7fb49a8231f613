"""Which features a build gets (`features.load_features`): those of the built-in modules, of
installed entry points and of the modules the site names, in that order, whatever else the
process happened to import before."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from glossdeck.features import load_features
from tests.support.feature_modules import feature_module

PROBE = """
from glossdeck.features import Feature, register

class Probe(Feature):
    name = "probe-loading"

register(Probe())
"""


@pytest.fixture
def probe_module(tmp_path: Path) -> Iterator[str]:
    with feature_module(tmp_path, "gd_loading_probe", PROBE) as name:
        yield name


def test_a_feature_imported_for_another_site_is_not_loaded(probe_module: str) -> None:
    named = [f.name for f in load_features([probe_module])]
    assert "probe-loading" in named
    # imported (and registered) now, but this site does not name it
    assert "probe-loading" not in [f.name for f in load_features()]


def test_the_order_does_not_depend_on_what_was_imported_first(probe_module: str) -> None:
    first = [f.name for f in load_features()]
    import glossdeck.learning  # noqa: F401  (already registered by its entry point, or now)

    assert [f.name for f in load_features()] == first
    assert [f.name for f in load_features([probe_module])] == [*first, "probe-loading"]
