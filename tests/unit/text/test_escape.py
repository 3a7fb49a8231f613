"""Escaping for Markdown and script data."""

from __future__ import annotations

import json

from glossdeck.text.escape import json_for_script, md_inline


def test_escaping_helpers() -> None:
    assert md_inline("a {: onclick=x} <b>") == "a \\{&#58; onclick&#61;x\\} &lt;b&gt;"
    payload = json_for_script({"n": "</script><!-- & \u2028"})
    assert "<" not in payload and ">" not in payload and "&" not in payload and "\u2028" not in payload
    assert json.loads(payload) == {"n": "</script><!-- & \u2028"}
