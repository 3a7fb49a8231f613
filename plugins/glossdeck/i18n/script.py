"""The browser's copy of the interface strings: `window.glossdeckStrings`, one small script per site.

Loaded before glossdeck's other scripts (all deferred, so they run in order); each looks strings up
with `glossdeckStrings.t(key, values)` and `.count(key, n, values)`, the same keys ("js." left
off) and placeholders as the Python side, and the plural form `Intl.PluralRules` gives.

Every page loads strings.js, so it holds only the strings of scripts any page may run. A feature
names scripts that only some pages load (`Feature.lazy_strings`: the learning pages' flashcards,
explorer and progress code); the strings only those scripts name go to a file of their own, which
those pages load first (`browser_strings`). Which strings a script names is read from its source:
every quoted word that is a key (a key chosen at run time is spelled out in the file, as
`q.answer ? "true" : "false"`); a key no script spells out stays in strings.js.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Mapping
from pathlib import Path

from .messages import Messages

_RUNTIME = """
(function (data) {
  "use strict";
  var rules = null;
  try { rules = new Intl.PluralRules(data.language); } catch (e) { rules = null; }
  function fill(text, values) {
    return String(text).replace(/\\{(\\w+)\\}/g, function (all, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  }
  function pick(found, n) {
    if (found === undefined || found === null) return undefined;
    if (typeof found === "string") return found;
    var form = rules && n !== undefined ? rules.select(n) : "other";
    return found[form] !== undefined ? found[form] : found.other;
  }
  data.t = function (key, values) {
    var found = pick(data.strings[key]);
    return found === undefined ? key : fill(found, values);
  };
  data.count = function (key, n, values) {
    var found = pick(data.strings[key], n);
    return found === undefined ? key : fill(found, Object.assign({ count: n }, values || {}));
  };
  window.glossdeckStrings = data;
})
"""


_QUOTED_WORD = re.compile(r"""["'`]([A-Za-z0-9_]+)(?=["'`])""")

# a file of more strings for the scripts of some pages: run after strings.js (deferred, on every page)
_MORE_RUNTIME = """
(function (more) {
  "use strict";
  if (window.glossdeckStrings) Object.assign(window.glossdeckStrings.strings, more);
})
"""


def _json(data: object) -> str:
    """JSON safe inside a <script> element (no "<", non-ASCII escaped)."""
    return json.dumps(data, ensure_ascii=True, sort_keys=True).replace("<", "\\u003c")


def strings_data_json(messages: Messages, keys: Collection[str] | None = None) -> str:
    """The browser's strings as JSON (all of them, or those of `keys`), safe inside a <script>."""
    data = messages.for_browser()
    if keys is not None:
        data["strings"] = {k: v for k, v in data["strings"].items() if k in keys}
    return _json(data)


def strings_script(messages: Messages, keys: Collection[str] | None = None) -> str:
    data = strings_data_json(messages, keys)
    return f"// glossdeck: interface strings ({messages.language})\n{_RUNTIME.strip()}({data});\n"


def asset_scripts(assets: Path) -> list[Path]:
    """The scripts whose strings are looked up: every `.js` file under the assets folder but the
    vendored libraries, which use none."""
    return sorted(p for p in assets.rglob("*.js") if "vendor" not in p.relative_to(assets).parts)


def script_sources(assets: Path) -> dict[str, str]:
    """Each of those scripts' text by its path under the assets folder (`browser_strings`' input)."""
    return {p.relative_to(assets).as_posix(): p.read_text(encoding="utf-8") for p in asset_scripts(assets)}


def keys_named(source: str, keys: Collection[str]) -> set[str]:
    """The browser keys a script's source spells out as a quoted word."""
    return {word for word in _QUOTED_WORD.findall(source) if word in keys}


def browser_strings(
    messages: Messages, sources: Mapping[str, str], groups: Mapping[str, Collection[str]]
) -> dict[str, str]:
    """{"strings.js": ..., and one file per group}: `sources` maps each asset script's path to its
    text; `groups` maps a strings file (e.g. "strings-pages.js") to the scripts whose strings it
    holds, those that only pages loading that file run. A key any other script names stays in
    strings.js, as does a key no script names."""
    every = messages.for_browser()["strings"]
    grouped = {path for paths in groups.values() for path in paths}
    shared = set().union(*(keys_named(text, every) for path, text in sources.items() if path not in grouped))
    out: dict[str, str] = {}
    moved: set[str] = set()
    for name, paths in groups.items():
        own = set().union(*(keys_named(sources.get(path, ""), every) for path in paths)) - shared - moved
        moved |= own
        more = _json({k: v for k, v in every.items() if k in own})
        out[name] = f"// glossdeck: more interface strings ({messages.language})\n{_MORE_RUNTIME.strip()}({more});\n"
    out["strings.js"] = strings_script(messages, set(every) - moved)
    return out
