"""The term previews feature: a small card (title, TL;DR, DEBT string, link) shown over term links.

Importing the package registers it (features.register); it is one of the built-in features
(`features.BUILTIN_MODULES`), so every site has it unless `disabled_features` lists `previews`."""

from .feature import PREVIEWS

__all__ = ["PREVIEWS"]
