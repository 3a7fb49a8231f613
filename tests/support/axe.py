"""axe-core (installed by `npm ci`) run on a Playwright page: the serious and critical violations."""

from __future__ import annotations

from typing import Any

from .paths import REPO
from .policy import require_file

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
IMPACTS = ("serious", "critical")


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """What axe-core finds on the page as it is now, serious and critical only: rule, impact, help
    and the first five elements. Skips (fails in CI) where axe-core is not installed."""
    require_file(AXE, "axe-core is installed by `npm ci`")
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "targets": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
        if v["impact"] in IMPACTS
    ]


def palette_script(scheme: str) -> str:
    """An init script that makes Material open every page in `scheme` ("default" or "slate"), as if
    the reader had picked it with the toggle (the test sites list the two palettes in that order)."""
    index = {"default": 0, "slate": 1}[scheme]
    return f"localStorage.setItem('/.__palette', JSON.stringify({{index: {index}, color: {{scheme: '{scheme}'}}}}))"
