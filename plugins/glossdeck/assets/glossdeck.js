// glossdeck: Mermaid on every page, served by this site, strict, and drawn for both palettes.
//
// Material renders `pre.mermaid` blocks itself, on first load and after each instant navigation,
// with the global `mermaid` when there is one, and otherwise fetches Mermaid from a CDN. mermaid2
// adds the locally served library only to pages that have a diagram, so a visit starting on a page
// without one would send Material to the CDN on the next diagram page. So:
// - until the library is loaded, `window.mermaid` is a small stand-in whose first render loads the
//   copy this site serves (assets/glossdeck/vendor/mermaid.min.js) and hands over to it;
// - whenever the real library arrives (from mermaid2's tag or the stand-in), its `initialize` is
//   wrapped so that securityLevel stays 'strict' and the "classic" look is used, whose classes
//   Material's palette-aware diagram styles target (Mermaid 12's default "neo" look overrides
//   them with light colours that are unreadable in the dark palette).
(function () {
  "use strict";
  var ENFORCED = { securityLevel: "strict", look: "classic" };
  // Subgraph boxes keep per-cluster light colours even in the classic look; give them the palette's.
  var EXTRA_CSS = ".cluster rect,.cluster path{fill:var(--md-default-fg-color--lightest)!important;" +
    "stroke:var(--md-default-fg-color--lighter)!important}" +
    ".cluster-label .nodeLabel,.cluster-label text{color:var(--md-mermaid-label-fg-color)!important;" +
    "fill:var(--md-mermaid-label-fg-color)!important}";
  var script = document.currentScript;
  var libraryUrl = new URL("vendor/mermaid.min.js", script ? script.src : document.baseURI).href;

  function harden(lib) {
    if (!lib || lib.glossdeckHardened || typeof lib.initialize !== "function") return lib;
    var initialize = lib.initialize.bind(lib);
    lib.initialize = function (options) {
      // mermaid2's configured arguments (window.mermaidConfig, set by mermaid2 or by glossdeck on
      // its own pages), under the theme's options; strict security above everything
      var configured = (window.mermaidConfig && window.mermaidConfig["default"]) || {};
      var merged = Object.assign({}, configured, options || {}, ENFORCED);
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
      loading = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = libraryUrl;
        tag.onload = function () { resolve(window.mermaid); };
        tag.onerror = function () { reject(new Error("glossdeck: cannot load " + libraryUrl)); };
        document.head.appendChild(tag);
      });
    }
    return loading;
  }

  var standIn = {
    glossdeckStandIn: true,
    initialize: function (options) { config = options || {}; },
    render: function (id, text) {
      return load().then(function (real) {
        real.initialize(config);
        return real.render(id, text);
      });
    },
  };

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
  var strings = window.glossdeckStrings; // strings.js runs first (deferred scripts run in order)
  var say = function (key, english) { return strings ? strings.t(key) : english; };
  var named = [['.md-search[role="dialog"]', say("search", "Search")], ['.md-progress[role="progressbar"]', say("loading", "Loading page")]];
  named.forEach(function (pair) {
    var node = document.querySelector(pair[0]);
    if (node && !node.hasAttribute("aria-label")) node.setAttribute("aria-label", pair[1]);
  });
})();
