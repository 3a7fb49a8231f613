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
    // Each drawn diagram is made legible (glossdeck-diagrams below): Material calls the result's
    // `fn` with the closed shadow root it puts the SVG in, the one way to reach it; Mermaid's own
    // bindFunctions (interactivity, which strict mode never enables) still runs first.
    var render = lib.render.bind(lib);
    lib.render = function () {
      return render.apply(null, arguments).then(function (result) {
        var bind = result && (result.fn || result.bindFunctions);
        var fn = function (root) {
          if (bind) bind(root);
          if (window.glossdeckDiagrams) window.glossdeckDiagrams.enhance(root);
        };
        return Object.assign({}, result, { fn: fn, bindFunctions: fn });
      });
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
          if (result.fn) result.fn(node);
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

// glossdeck-diagrams: every drawn diagram legible on a phone and in both palettes.
// - Size: Mermaid scales a diagram down to the column's width, so a wide one on a phone has 4–5 px
//   labels. A diagram never shrinks below the width at which its smallest label is MIN_LABEL px;
//   past that its frame scrolls sideways (and can then be focused, to scroll from the keyboard).
// - Full size: a button opens the diagram in a dialog with labels at FULL_LABEL px, scrollable
//   both ways; Esc or Close shuts it and focus goes back to the button.
// - Colours: the authors' `style X fill:...,color:...` are kept, but where a label's colour on its
//   node's fill is under WCAG AA (4.5:1), as when a theme rule overrides the author's colour or the
//   author's own pair is too faint, the label gets the author's colour if that passes, otherwise
//   black or white, whichever reads better. Checked again when the reader switches palette.
// `window.glossdeckDiagrams.enhance(root)` takes the element or shadow root holding a diagram's SVG.
(function () {
  "use strict";
  var MIN_LABEL = 12;
  // the site's words (strings.js, which runs first on every page that loads this one)
  function say(key, values) {
    return window.glossdeckStrings ? window.glossdeckStrings.t(key, values) : key;
  }
  var FULL_LABEL = 16;
  var AA = 4.5;
  var enhanced = [];
  var dialog = null;

  function rgba(value) {
    var m = /rgba?\(([^)]+)\)/.exec(value || "");
    if (!m) return null;
    var p = m[1].split(/[\s,/]+/).filter(Boolean).map(parseFloat);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  }
  function over(top, bottom) { // `top` composited onto the opaque `bottom`
    var a = top.a;
    return { r: top.r * a + bottom.r * (1 - a), g: top.g * a + bottom.g * (1 - a), b: top.b * a + bottom.b * (1 - a), a: 1 };
  }
  function luminance(c) {
    var f = function (v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
  }
  function contrast(a, b) {
    var x = luminance(a), y = luminance(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  }
  function pageBackground() {
    var c = rgba(getComputedStyle(document.body).backgroundColor);
    return c && c.a > 0 ? c : { r: 255, g: 255, b: 255, a: 1 };
  }
  // a colour as the browser resolves it ("#fff" -> rgb(255, 255, 255)), or null
  function resolve(value) {
    var probe = document.createElement("span");
    probe.style.color = value;
    if (!probe.style.color) return null;
    document.body.appendChild(probe);
    var c = rgba(getComputedStyle(probe).color);
    probe.remove();
    return c;
  }

  // The text nodes of a diagram: what a reader has to read.
  function labels(svg) {
    var out = [];
    var walker = document.createTreeWalker(svg, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var el = node.parentElement;
      if (!node.nodeValue.trim() || !el || el.closest("style, title, desc, defs")) continue;
      out.push(el);
    }
    return out;
  }

  // The smallest label's size in the SVG's own units (what it measures at scale 1).
  function smallestLabel(svg) {
    var box = svg.viewBox && svg.viewBox.baseVal;
    var rect = svg.getBoundingClientRect();
    if (!box || !box.width || !rect.width) return 0;
    var scale = rect.width / box.width;
    var smallest = Infinity;
    labels(svg).forEach(function (el) {
      var holder = el instanceof SVGGraphicsElement ? el : el.closest("foreignObject");
      var ctm = holder && holder.getScreenCTM();
      var size = parseFloat(getComputedStyle(el).fontSize);
      if (ctm && size) smallest = Math.min(smallest, (size * Math.hypot(ctm.a, ctm.b)) / scale);
    });
    return smallest === Infinity ? 0 : smallest;
  }

  function fitColours(svg) {
    svg.querySelectorAll("[data-gd-contrast]").forEach(function (el) {
      el.style.removeProperty(el.getAttribute("data-gd-contrast"));
      el.removeAttribute("data-gd-contrast");
    });
    var page = pageBackground();
    svg.querySelectorAll("g.node, g.cluster").forEach(function (node) {
      var shape = node.querySelector(".label-container, :scope > rect, :scope > polygon, :scope > circle, :scope > ellipse, :scope > path");
      var fill = shape && rgba(getComputedStyle(shape).fill);
      if (!fill || fill.a === 0) return; // a transparent shape: the theme's colours on the page hold
      var ground = over(fill, page);
      labels(node).forEach(function (el) {
        var svgText = el instanceof SVGElement;
        var property = svgText ? "fill" : "color";
        var shown = rgba(getComputedStyle(el)[property]);
        // the author's colour (a theme rule may have overridden it) when it reads well enough
        var styled = el.closest("[style*='color']");
        var authored = styled && node.contains(styled) && /(?:^|;)\s*color\s*:\s*([^;!]+)/.exec(styled.getAttribute("style") || "");
        var wanted = authored && resolve(authored[1].trim());
        var pick;
        if (wanted && contrast(over(wanted, ground), ground) >= AA) pick = wanted;
        else if (shown && contrast(over(shown, ground), ground) >= AA) return;
        else pick = contrast({ r: 0, g: 0, b: 0 }, ground) >= contrast({ r: 255, g: 255, b: 255 }, ground)
          ? { r: 0, g: 0, b: 0, a: 1 } : { r: 255, g: 255, b: 255, a: 1 };
        el.style.setProperty(property, "rgb(" + [pick.r, pick.g, pick.b].map(Math.round).join(",") + ")", "important");
        el.setAttribute("data-gd-contrast", property);
      });
    });
  }

  function fitSize(entry) {
    var svg = entry.svg;
    if (!entry.natural) {
      var box = svg.viewBox && svg.viewBox.baseVal;
      entry.natural = box && box.width ? box.width : 0;
      entry.smallest = smallestLabel(svg);
    }
    if (!entry.natural || !entry.smallest) return;
    if (entry.full) {
      // the dialog: the smallest label at FULL_LABEL px, or the dialog's width if that is larger
      var room = entry.scroller.clientWidth - 2;
      var width = Math.max(entry.natural * FULL_LABEL / entry.smallest, Math.min(room, entry.natural * 2));
      svg.style.setProperty("width", Math.ceil(width) + "px", "important");
      svg.style.setProperty("max-width", "none", "important");
      svg.style.removeProperty("min-width");
    } else {
      // in the page: as wide as the column allows, never narrower than legible
      var least = Math.ceil(entry.natural * MIN_LABEL / entry.smallest);
      svg.style.removeProperty("width");
      svg.style.setProperty("min-width", least + "px");
      if (least > entry.natural) svg.style.setProperty("max-width", least + "px");
    }
    var wide = entry.scroller.scrollWidth > entry.scroller.clientWidth + 1;
    if (wide) entry.scroller.setAttribute("tabindex", "0");
    else if (!entry.full) entry.scroller.removeAttribute("tabindex");
    entry.scroller.classList.toggle("gd-diagram__frame--wide", wide);
    entry.scroller.setAttribute("aria-label", wide ? say("diagram_wide") : say("diagram"));
  }

  function title() {
    var h1 = document.querySelector("article h1, .md-content h1, h1");
    var text = h1 ? h1.textContent.replace(/\u00b6/g, "").trim() : "";
    return text ? say("diagram_of", { title: text }) : say("diagram");
  }

  function getDialog() {
    if (dialog && dialog.isConnected) return dialog;
    dialog = document.createElement("dialog");
    dialog.className = "gd-diagram-dialog";
    var head = document.createElement("div");
    head.className = "gd-diagram-dialog__head";
    var heading = document.createElement("h2");
    heading.id = "gd-diagram-dialog-title";
    var close = document.createElement("button");
    close.type = "button";
    close.className = "gd-diagram-dialog__close";
    close.textContent = say("close");
    close.addEventListener("click", function () { dialog.close(); });
    head.append(heading, close);
    var body = document.createElement("div");
    body.className = "gd-diagram-dialog__body";
    body.setAttribute("role", "group");
    body.setAttribute("aria-labelledby", heading.id);
    dialog.setAttribute("aria-labelledby", heading.id);
    dialog.append(head, body);
    // a tap on the backdrop (outside the dialog's box) closes it too
    dialog.addEventListener("click", function (event) {
      var r = dialog.getBoundingClientRect();
      if (event.target === dialog && (event.clientX < r.left || event.clientX > r.right || event.clientY < r.top || event.clientY > r.bottom)) dialog.close();
    });
    document.body.appendChild(dialog);
    return dialog;
  }

  function openFull(entry) {
    var d = getDialog();
    var body = d.querySelector(".gd-diagram-dialog__body");
    d.querySelector("h2").textContent = title();
    // the diagram itself moves into the dialog (a placeholder keeps its room) and back on close
    var placeholder = document.createElement("div");
    placeholder.style.height = entry.scroller.offsetHeight + "px";
    entry.scroller.replaceWith(placeholder);
    body.replaceChildren(entry.scroller);
    entry.full = true;
    entry.scroller.removeAttribute("tabindex");
    d.addEventListener("close", function restore() {
      d.removeEventListener("close", restore);
      entry.full = false;
      placeholder.replaceWith(entry.scroller);
      fitSize(entry);
      entry.button.focus();
    });
    d.showModal();
    body.setAttribute("tabindex", "0"); // scrollable both ways: reachable from the keyboard
    fitSize(entry);
    body.scrollLeft = 0;
    body.scrollTop = 0;
  }

  function enhance(root) {
    if (!root) return;
    var svg = root.querySelector("svg");
    var host = root.host || root; // a shadow root's element, or the element itself
    if (!svg || !host.isConnected || host.closest(".gd-diagram")) return;
    var figure = document.createElement("div");
    figure.className = "gd-diagram";
    var scroller = document.createElement("div");
    scroller.className = "gd-diagram__frame";
    scroller.setAttribute("role", "group");
    scroller.setAttribute("aria-label", say("diagram"));
    var button = document.createElement("button");
    button.type = "button";
    button.className = "gd-diagram__open";
    button.textContent = say("full_size");
    button.setAttribute("aria-label", say("full_size_label"));
    button.setAttribute("aria-haspopup", "dialog");
    host.replaceWith(figure);
    scroller.appendChild(host);
    figure.append(scroller, button);
    var entry = { svg: svg, host: host, scroller: scroller, button: button, full: false };
    button.addEventListener("click", function () { openFull(entry); });
    enhanced.push(entry);
    fitSize(entry);
    fitColours(svg);
  }

  function refresh(what) {
    enhanced = enhanced.filter(function (entry) { return entry.svg.isConnected; });
    enhanced.forEach(function (entry) { if (what === "colours") fitColours(entry.svg); else fitSize(entry); });
  }
  new MutationObserver(function () { refresh("colours"); })
    .observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
  window.addEventListener("resize", function () { refresh("size"); });

  window.glossdeckDiagrams = { enhance: enhance };
})();
