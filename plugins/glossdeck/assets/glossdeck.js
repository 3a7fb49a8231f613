// glossdeck: Mermaid served by this site, loaded only when a diagram is drawn, strict, and drawn
// for both palettes.
//
// Material renders `pre.mermaid` blocks itself, on first load and after each instant navigation,
// with the global `mermaid` when there is one, and otherwise fetches Mermaid from a CDN. So:
// - `window.mermaid` is a small stand-in whose first render imports Mermaid's ES-module build from
//   this site (assets/glossdeck/vendor/mermaid/mermaid.esm.min.mjs), which fetches only the chunks of
//   the diagram types the page uses, and hands over to it. Nothing waits for it: the page's text
//   and widgets start without it (measured by scripts/reader_check.py);
// - mermaid2's tag on pages with hand-written diagrams imports assets/glossdeck/mermaid.mjs, which
//   exports this same stand-in, so those pages share the one lazily loaded library;
// - whenever the real library arrives (imported here, or a site's own mermaid.min.js tag), its
//   `initialize` is wrapped so that securityLevel stays 'strict' and the "classic" look is used,
//   whose classes Material's palette-aware diagram styles target (Mermaid 12's default "neo" look
//   overrides them with light colours that are unreadable in the dark palette), and so that the
//   layout defaults to dagre: Mermaid 12's default, ELK, adds 1.6 MB (500 KB gzip) to every
//   flowchart and state diagram. A site can still choose ELK in mermaid2's arguments.
(function () {
  "use strict";
  var ENFORCED = { securityLevel: "strict", look: "classic" };
  var DEFAULTS = { layout: "dagre" };
  // Subgraph boxes keep per-cluster light colours even in the classic look; give them the palette's.
  var EXTRA_CSS = ".cluster rect,.cluster path{fill:var(--md-default-fg-color--lightest)!important;" +
    "stroke:var(--md-default-fg-color--lighter)!important}" +
    ".cluster-label .nodeLabel,.cluster-label text{color:var(--md-mermaid-label-fg-color)!important;" +
    "fill:var(--md-mermaid-label-fg-color)!important}";
  var script = document.currentScript;
  var libraryUrl = new URL("vendor/mermaid/mermaid.esm.min.mjs", script ? script.src : document.baseURI).href;

  function harden(lib) {
    if (!lib || lib.glossdeckHardened || typeof lib.initialize !== "function") return lib;
    var initialize = lib.initialize.bind(lib);
    lib.initialize = function (options) {
      // mermaid2's configured arguments (window.mermaidConfig, set by mermaid2 or by glossdeck on
      // its own pages), under the theme's options; strict security above everything
      var configured = (window.mermaidConfig && window.mermaidConfig["default"]) || {};
      var merged = Object.assign({}, DEFAULTS, configured, options || {}, ENFORCED);
      merged.themeCSS = (merged.themeCSS || "") + EXTRA_CSS;
      return initialize(merged);
    };
    lib.glossdeckHardened = true;
    return lib;
  }

  var existing = window.mermaid;
  if (existing && existing.glossdeckStandIn) return; // this script ran already
  var current = existing && !(existing instanceof Element) ? harden(existing) : undefined;
  var config = {};
  var loading = null;

  function load() {
    if (!loading) {
      // the ES module's default export is the library; it sets no global, so it is kept here
      loading = import(libraryUrl).then(function (module) {
        if (!current) current = harden(module["default"]);
        return current;
      });
    }
    return loading;
  }

  var standIn = {
    glossdeckStandIn: true,
    initialize: function (options) {
      config = options || {};
      // mermaid2 without the superfences loader calls initialize(arguments) and expects
      // startOnLoad to draw its `div.mermaid` blocks (Material draws only `pre.mermaid`)
      if (config.startOnLoad !== false) whenReady(drawStartOnLoad);
    },
    render: function (id, text) {
      return load().then(function (real) {
        real.initialize(config);
        return real.render(id, text);
      });
    },
  };

  function whenReady(fn) {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fn, { once: true });
    else fn();
  }

  function drawStartOnLoad() {
    if (!document.querySelector("div.mermaid:not([data-processed])")) return;
    load().then(function (real) {
      real.initialize(Object.assign({}, config, { startOnLoad: false }));
      return real.run({ querySelector: "div.mermaid:not([data-processed])" });
    }).catch(function (error) { console.error(error); });
  }

  Object.defineProperty(window, "mermaid", {
    configurable: true,
    enumerable: true,
    get: function () { return current || standIn; },
    set: function (value) { current = harden(value); }, // the library assigns globalThis.mermaid
  });

  // Themes other than Material (and its forks) draw no `pre.mermaid`: glossdeck draws the diagrams
  // it wrote itself (marked data-gd-diagram), never a site's own blocks, which its setup draws.
  function drawOwnDiagrams() {
    if (window.document$) return; // Material's bundle: it draws every pre.mermaid
    var nodes = document.querySelectorAll("pre.mermaid[data-gd-diagram]:not([data-processed])");
    if (!nodes.length) return;
    (current ? Promise.resolve(current) : load()).then(function (real) {
      real.initialize(Object.assign({ startOnLoad: false }, config));
      Array.prototype.forEach.call(nodes, function (node, index) {
        node.setAttribute("data-processed", "true");
        // textContent: the source as written (the HTML-escaped text decoded, <code> left out)
        real.render("gd-diagram-" + index, node.textContent).then(function (result) {
          node.innerHTML = result.svg; // Mermaid's own output, from source sanitised at build time
        }).catch(function (error) { console.error(error); });
      });
    }).catch(function (error) { console.error(error); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", drawOwnDiagrams);
  else drawOwnDiagrams();
})();

// Material's search dialog and its instant-navigation progress bar (navigation.instant.progress)
// have no accessible name (axe: aria-dialog-name, aria-progressbar-name); both live outside the
// content that instant navigation swaps, so naming them once is enough.
(function () {
  "use strict";
  var named = [['.md-search[role="dialog"]', "Search"], ['.md-progress[role="progressbar"]', "Loading page"]];
  named.forEach(function (pair) {
    var node = document.querySelector(pair[0]);
    if (node && !node.hasAttribute("aria-label")) node.setAttribute("aria-label", pair[1]);
  });
})();
