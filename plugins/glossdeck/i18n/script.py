"""The browser's copy of the interface strings: `window.glossdeckStrings`, one small script per site.

Loaded before glossdeck's other scripts (all deferred, so they run in order); each looks strings up
with `glossdeckStrings.t(key, values)` and `.count(key, n, values)`, the same keys ("js." left
off) and placeholders as the Python side, and the plural form `Intl.PluralRules` gives.
"""

from __future__ import annotations

import json

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


def strings_data_json(messages: Messages) -> str:
    """The browser's strings as JSON, safe inside a <script> element (no "<", non-ASCII escaped)."""
    return json.dumps(messages.for_browser(), ensure_ascii=True, sort_keys=True).replace("<", "\\u003c")


def strings_script(messages: Messages) -> str:
    return (
        f"// glossdeck: interface strings ({messages.language})\n{_RUNTIME.strip()}({strings_data_json(messages)});\n"
    )
