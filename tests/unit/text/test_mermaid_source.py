"""Mermaid source from YAML: interactive and config directives removed, HTML made text, fences long enough."""

from __future__ import annotations

import pytest

from glossdeck.text.mermaid_source import fence, sanitize


@pytest.mark.parametrize(
    "line",
    [
        "click A call alert()",
        '  click B href "javascript:x"',
        "call foo()",
        "%%{init: {'securityLevel': 'loose'}}%%",
        "link A: x @ https://e.org",
    ],
)
def test_mermaid_interactive_and_config_directives_are_removed(line: str) -> None:
    safe, removed = sanitize(f"flowchart LR\n  A --> B\n{line}")
    assert removed and "alert" not in safe and "javascript" not in safe and "%%{" not in safe
    assert "A --> B" in safe


def test_mermaid_html_becomes_text_but_line_breaks_stay() -> None:
    safe, _ = sanitize('flowchart LR\n  A["<b>x</b><br/>y<BR>z"] <--> B[</script>]')
    assert safe == 'flowchart LR\n  A["#60;b#62;x#60;/b#62;<br/>y<br/>z"] <--> B[#60;/script#62;]'


def test_fence_is_longer_than_any_backtick_run() -> None:
    assert fence("a\n```\nb", "php").startswith("````php\n") and fence("x").startswith("```mermaid\n")
