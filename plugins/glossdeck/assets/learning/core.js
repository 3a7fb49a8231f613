/* glossdeck learning tools: the shared core, and the loader of the rest.
 *
 * Pages carry placeholders (`data-gd-widget="quiz-runner"` ...) written by the site build; each
 * widget module registers an init function here. This is the one learning script every page loads:
 * a placeholder names the scripts its widget needs (`data-gd-needs`, paths under assets/glossdeck/,
 * from learning/scripts.py), which are loaded here, once, in that order, when a page shows it. Material's instant navigation swaps the page
 * without reloading scripts and announces each new page on `document$`, so we initialise there
 * (and on DOMContentLoaded for other themes). Every element is initialised once; data files are
 * fetched once per page load and shared. All text from the glossary goes through textContent. */
(function () {
  "use strict";
  const GD = (window.glossdeck = window.glossdeck || {});
  const widgets = new Map();
  const fetches = new Map();
  const SVG_NS = "http://www.w3.org/2000/svg";
  // assets/glossdeck/, where the scripts a widget needs live (this file is learning/core.js there)
  const ASSETS = new URL("../", (document.currentScript && document.currentScript.src) || location.href);
  const scripts = new Map();

  /** Load scripts (paths under assets/glossdeck/) not loaded yet. They download in parallel and run
   * in the order asked (async = false), so a widget's dependencies run before it registers. */
  function loadScripts(paths) {
    return Promise.all(paths.map((path) => {
      const src = new URL(path, ASSETS).href;
      if (!scripts.has(src)) {
        scripts.set(src, new Promise((resolve, reject) => {
          const tag = document.createElement("script");
          tag.src = src;
          tag.async = false;
          tag.onload = resolve;
          tag.onerror = () => reject(new Error(`cannot load ${src}`));
          document.head.append(tag);
        }));
      }
      return scripts.get(src);
    }));
  }

  /** Progress stored by glossdeck's SM-2 version (format version 1) is turned into FSRS cards when
   * first read, which needs ts-fsrs; pages load the library only for flashcards otherwise. */
  function withScheduling(needs) {
    const at = needs.indexOf("learning/progress-store.js");
    if (at < 0 || needs.includes(SCHEDULER)) return needs;
    try {
      for (let i = 0; i < window.localStorage.length; i++) {
        const key = window.localStorage.key(i) || "";
        if (key.startsWith("glossdeck:progress:") && !key.includes(":", 19) &&
            /"version"\s*:\s*1\b/.test(window.localStorage.getItem(key) || "")) {
          return [FSRS_LIBRARY, ...needs.slice(0, at), SCHEDULER, ...needs.slice(at)];  // after days.js
        }
      }
    } catch (err) { /* no storage: nothing stored to migrate */ }
    return needs;
  }
  const FSRS_LIBRARY = "vendor/ts-fsrs.js";
  const SCHEDULER = "learning/scheduler.js";

  /** Interface strings in the site's language (assets/glossdeck/strings.js, written by the build):
   * GD.t("right") -> "Right." / "答对了。"; GD.n("shown", 3) picks the language's plural form. */
  const strings = () => window.glossdeckStrings;
  GD.t = (key, values) => (strings() ? strings().t(key, values) : key);
  GD.n = (key, count, values) =>
    (strings() ? strings().count(key, count, Object.assign({ count: GD.num(count) }, values)) : `${count}`);
  /** The site's language ("en" without strings.js), for Intl's number, date and time formats. */
  GD.language = () => (strings() && strings().language) || "en";
  /** A number written the language's way (Arabic-Indic digits in Arabic, 1.234 in German). */
  GD.num = (n) => {
    try { return new Intl.NumberFormat(GD.language()).format(n); } catch (err) { return String(n); }
  };
  /** A percentage (0.9 -> "90 %", "90%", "٩٠٪") in the language's way. */
  GD.percent = (x) => {
    try { return new Intl.NumberFormat(GD.language(), { style: "percent", maximumFractionDigits: 0 }).format(x); }
    catch (err) { return `${Math.round(x * 100)} %`; }
  };
  /** A message whose placeholders are elements: GD.tn(GD.t("summary_due", {due: "{due}"}), {due: strong})
   * gives text and the element in the message's own order, whatever the language puts first. */
  GD.tn = (text, nodes) => String(text).split(/(\{\w+\})/).map((part) => {
    const m = /^\{(\w+)\}$/.exec(part);
    return m && nodes[m[1]] !== undefined ? nodes[m[1]] : part;
  }).filter((part) => part !== "");
  /** Compare names in the site's language (ICU: Chinese by pinyin, accents with their letter). */
  GD.collate = (a, b) => String(a).localeCompare(String(b), strings() ? strings().language : undefined);

  /** Build an element: h("p", {class: "x", onclick: fn}, "text", child). Strings become text nodes. */
  function build(el, attrs, children) {
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
      else if (k === "text") el.textContent = v;
      else el.setAttribute(k, v === true ? "" : String(v));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
  }
  GD.h = (tag, attrs, ...children) => build(document.createElement(tag), attrs, children);
  GD.s = (tag, attrs, ...children) => build(document.createElementNS(SVG_NS, tag), attrs, children);

  /** Replace an element's children; nested arrays are flattened and null/false skipped (the DOM's
   * own replaceChildren would print them as "null" or "[object HTMLElement]"). */
  GD.fill = (el, ...children) => {
    el.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
    return el;
  };

  let ids = 0;
  GD.uid = (prefix) => `${prefix || "gd"}-${++ids}`;

  GD.register = function (name, init) {
    widgets.set(name, init);
    if (document.readyState !== "loading") GD.init(); // registered after the page was initialised
  };

  function fetchJSON(url) {
    if (!fetches.has(url)) {
      fetches.set(url, fetch(url, { credentials: "same-origin" }).then((r) => {
        if (!r.ok) throw new Error(`${r.status} ${r.statusText} for ${url}`);
        return r.json();
      }));
    }
    return fetches.get(url);
  }

  /** What a widget needs: the site root (from the page's data-gd-root), data, progress, URLs. */
  function context(el) {
    const root = new URL(el.getAttribute("data-gd-root") || "./", location.href);
    const url = (siteRelative) => new URL(siteRelative, root).href;
    const ctx = {
      root,
      url,
      terms: () => fetchJSON(url("learn/data/terms.json")).then(indexTerms),
      // each term's TL;DR and misconception (learn/data/cards.json), put into its record: only the
      // flashcards read them, so terms.json, which every term page loads, leaves them out
      withCards: () => Promise.all([ctx.terms(), fetchJSON(url("learn/data/cards.json"))]).then(([data, cards]) => {
        for (const [slug, texts] of Object.entries(cards.terms || {})) {
          const term = data.bySlug.get(slug);
          if (term) Object.assign(term, texts);
        }
        return data;
      }),
      quiz: () => fetchJSON(url("learn/data/quiz.json")),
      // one term's questions (learn/data/quiz/<slug>.json): a term page never loads the whole bank
      termQuiz: (slug) => fetchJSON(url(`learn/data/quiz/${encodeURIComponent(slug)}.json`)),
      store: () => ctx.terms().then((data) => GD.store(data, root)),
      termUrl: (data, slug, section) => {
        const term = data.bySlug.get(slug);
        const anchor = section && data.anchors[section] ? `#${data.anchors[section]}` : "";
        return term ? url(term.url) + anchor : url("");
      },
    };
    return ctx;
  }

  function indexTerms(data) {
    if (!data.bySlug) {
      data.bySlug = new Map(data.terms.map((t) => [t.slug, t]));
      data.categoryTitle = new Map(data.categories.map((c) => [c.id, c.title]));
      data.pathById = new Map(data.paths.map((p) => [p.id, p]));
    }
    return data;
  }

  const stores = new Map();
  /** The progress store of this site (one localStorage key per site root path). */
  GD.store = function (data, root) {
    const key = "glossdeck:progress:" + root.pathname;
    if (!stores.has(key)) {
      let storage;
      try { storage = window.localStorage; storage.getItem(key); } catch (err) { storage = memoryStorage(); }
      stores.set(key, GD.progressStore.openStore(storage, key, data.site));
    }
    return stores.get(key);
  };

  // Another tab changed the progress: take it over here too, and let the widgets redraw.
  window.addEventListener("storage", (ev) => {
    const store = stores.get(ev.key);
    if (!store) return;
    document.dispatchEvent(new CustomEvent("glossdeck:progress", { detail: store.reload() }));
  });

  // Private windows or blocked storage: progress lasts for the visit only.
  function memoryStorage() {
    const m = new Map();
    return { getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: (k, v) => m.set(k, String(v)),
             removeItem: (k) => m.delete(k), memory: true };
  }

  /** Decks: "all", "category:<id>", "path:<id>", "mistakes" -> term slugs. */
  GD.deckTerms = function (data, progress, deck) {
    const [kind, id] = String(deck || "all").split(/:(.*)/s);
    if (kind === "category") {
      // the category's own path: new cards come beginner first, prerequisites before what needs them
      const path = data.paths.find((p) => p.kind === "category" && p.id === id);
      return path ? path.terms.slice() : data.terms.filter((t) => t.category === id).map((t) => t.slug);
    }
    if (kind === "path") return (data.pathById.get(id) || { terms: [] }).terms.slice();
    if (kind === "mistakes") return GD.mistakeTerms(data, progress);
    return data.terms.map((t) => t.slug);
  };

  /** Terms with a question whose last answer was wrong, or a card last graded "again". */
  GD.mistakeTerms = function (data, progress) {
    const slugs = new Set();
    for (const rec of Object.values(progress.quiz)) if (!rec.lastRight) slugs.add(rec.term);
    for (const [id, card] of Object.entries(progress.cards)) if (card.grade === "again") slugs.add(id.split(":")[0]);
    return data.terms.map((t) => t.slug).filter((s) => slugs.has(s));
  };

  /** A <select> of decks; the value of `preferred` is chosen when it exists. */
  GD.deckSelect = function (data, id, preferred) {
    const select = GD.h("select", { id });
    const add = (parent, value, label) => parent.append(GD.h("option", { value }, label));
    add(select, "all", GD.t("all_terms", { count: data.terms.length }));
    add(select, "mistakes", GD.t("my_mistakes"));
    const cats = GD.h("optgroup", { label: GD.t("categories") });
    for (const c of data.categories) add(cats, `category:${c.id}`, `${c.title} (${c.count})`);
    select.append(cats);
    if (data.paths.length) {
      const paths = GD.h("optgroup", { label: GD.t("learning_paths") });
      for (const p of data.paths) add(paths, `path:${p.id}`, `${p.title} (${p.terms.length})`);
      select.append(paths);
    }
    if (preferred && [...select.options].some((o) => o.value === preferred)) select.value = preferred;
    return select;
  };

  /** "?deck=path:x" in the page URL, if any (a query, not a #fragment: fragments name ids). */
  GD.urlParam = function (name) {
    return new URLSearchParams(location.search).get(name);
  };

  GD.shuffle = function (items) {
    const a = items.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  };

  GD.formatDay = function (day) {
    const d = GD.days.parseDay(day);
    return d ? d.toLocaleDateString(GD.language(), { weekday: "short", day: "numeric", month: "short", year: "numeric" }) : day;
  };

  GD.inDays = function (n) {
    return n <= 0 ? GD.t("today") : n === 1 ? GD.t("tomorrow") : GD.n("in_days", n);
  };

  function instantNavigation() {
    try {
      const config = JSON.parse(document.getElementById("__config").textContent);
      return (config.features || []).includes("navigation.instant") && location.protocol !== "file:";
    } catch (err) {
      return false;
    }
  }

  /** Go to a page of this site: through Material's instant navigation when it is on (it only sees
   * clicks on HTML links, not SVG ones or scripted moves), else as a normal page load. */
  GD.navigate = function (url) {
    const target = new URL(url, location.href);
    if (target.origin === location.origin && window.location$ && typeof window.location$.next === "function" &&
        instantNavigation()) {
      history.pushState(null, "", target.href);
      window.location$.next(target);
    } else {
      location.assign(target.href);
    }
  };

  /** Let SVG links inside `svg` navigate like HTML links do (plain left clicks only). With
   * `preview(a)`, a touch (which cannot hover to see a point's name) first shows the name; a
   * second tap on the same point follows it. */
  GD.svgLinks = function (svg, preview) {
    let touch = false, armed = null;
    svg.addEventListener("pointerdown", (ev) => { touch = ev.pointerType === "touch" || ev.pointerType === "pen"; });
    svg.addEventListener("click", (ev) => {
      const a = ev.target.closest && ev.target.closest("a");
      if (!a || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
      ev.preventDefault();
      if (preview && touch && armed !== a) {
        armed = a;
        preview(a);
        return;
      }
      GD.navigate(a.getAttribute("href"));
    });
  };

  /** Re-render on progress changes for as long as `el` is on the page. */
  GD.onProgress = function (el, fn) {
    const handler = (ev) => {
      if (!el.isConnected) { document.removeEventListener("glossdeck:progress", handler); return; }
      fn(ev.detail);
    };
    document.addEventListener("glossdeck:progress", handler);
  };

  /** Keyboard shortcuts for as long as `el` is on the page; typing in fields is left alone. */
  GD.onKey = function (el, fn) {
    const handler = (ev) => {
      if (!el.isConnected) { document.removeEventListener("keydown", handler); return; }
      if (ev.altKey || ev.ctrlKey || ev.metaKey || ev.defaultPrevented) return;
      const t = ev.target;
      if (t && t.closest && t.closest("input, textarea, select, [contenteditable]")) return;
      fn(ev);
    };
    document.addEventListener("keydown", handler);
  };

  function showError(el, err) {
    el.hidden = false;
    el.append(GD.h("p", { class: "gd-error", role: "alert" },
      GD.t("retry")));
    if (window.console) console.warn("glossdeck:", err);
  }

  GD.init = function () {
    for (const el of document.querySelectorAll("[data-gd-widget]")) {
      if (el.hasAttribute("data-gd-ready")) continue;
      const init = widgets.get(el.getAttribute("data-gd-widget"));
      if (!init) {
        // its module registers it (and calls init again) once loaded
        const needs = withScheduling((el.getAttribute("data-gd-needs") || "").split(/\s+/).filter(Boolean));
        if (needs.length) {
          loadScripts(needs).catch((err) => {
            if (el.hasAttribute("data-gd-ready")) return;
            el.setAttribute("data-gd-ready", "");
            showError(el, err);
          });
        }
        continue;
      }
      el.setAttribute("data-gd-ready", "");
      Promise.resolve().then(() => init(el, context(el))).catch((err) => showError(el, err));
    }
  };

  function start() {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(() => GD.init()); // replays the current page, then each new one
    } else {
      GD.init();
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
  else start();
})();
