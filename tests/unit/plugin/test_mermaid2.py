"""The mermaid2 integration: the plugin insists on the locally served library and strict security."""

from __future__ import annotations

from glossdeck.plugin.mermaid2 import LEGACY_URL, MERMAID_URL, check_mermaid2


def test_mermaid2_must_use_the_locally_served_library_and_stay_strict() -> None:
    class Mermaid2:
        def __init__(self, **config: object) -> None:
            self.config = config

    assert any("CDN" in p for p in check_mermaid2(Mermaid2(javascript=None, arguments={})))
    assert any("another host" in p for p in check_mermaid2(Mermaid2(javascript="https://cdn.example/m.js")))
    assert any(
        "strict" in p for p in check_mermaid2(Mermaid2(javascript=MERMAID_URL, arguments={"securityLevel": "loose"}))
    )
    local = Mermaid2(javascript=MERMAID_URL, arguments={"securityLevel": "strict"})
    assert check_mermaid2(local) == [] and local._javascript == MERMAID_URL  # type: ignore[attr-defined]

    # the former setting, the whole 5.5 MB library: taken as the lazy module, which is what is served
    legacy = Mermaid2(javascript=LEGACY_URL, arguments={"securityLevel": "strict"})
    assert check_mermaid2(legacy) == [] and legacy._javascript == MERMAID_URL  # type: ignore[attr-defined]
