"""Finding the features a build uses: entry points, modules named in the config, and FEATURES."""

from __future__ import annotations

import importlib
from importlib.metadata import entry_points
from typing import Iterable

from .features import FEATURES, Feature

ENTRY_POINT_GROUP = "glossdeck.features"
# Features shipped with glossdeck: imported on every build (importing registers them); a site
# turns one off with `disabled_features`, e.g. [embeds].
BUILTIN_MODULES: tuple[str, ...] = ("glossdeck.embeds",)


def load_features(modules: Iterable[str] = (), disabled: Iterable[str] = ()) -> list[Feature]:
    """Import feature modules (they append to FEATURES when imported) and return the enabled features.

    An entry point may name a module or a Feature subclass / instance; a class is instantiated.
    """
    for point in entry_points(group=ENTRY_POINT_GROUP):
        loaded = point.load()
        if isinstance(loaded, type) and issubclass(loaded, Feature):
            loaded = loaded()
        if isinstance(loaded, Feature) and loaded not in FEATURES:
            FEATURES.append(loaded)
    for name in (*BUILTIN_MODULES, *modules):
        importlib.import_module(name)
    off = set(disabled)
    unique: dict[int, Feature] = {}
    for feature in FEATURES:
        if feature.name not in off:
            unique.setdefault(id(feature), feature)
    return list(unique.values())
