/* Term previews: pointing at, focusing or tapping a link to a term shows a small card with its
 * title, TL;DR, DEBT string and a link to its page.
 *
 * - Links: auto-links (a.gd-autolink), prose term links (a.gd-termlink), and the related,
 *   prerequisite and "referenced by" lists of term pages; at most BUDGET per page, so a long page
 *   sets up and may fetch no more than that.
 * - Data: terms/<slug>.preview.json beside each term page (a few hundred bytes, built by the
 *   previews feature), fetched the first time a reader shows interest in a link to that term.
 * - Opening: each link is an interest invoker (`interestfor`) of one shared popover (`popover`):
 *   the browser shows it on hover after a short delay (CSS interest-delay) and on keyboard focus,
 *   keeps it while the pointer is on it, and closes it on Esc or when interest moves away. On touch
 *   screens a small toggle button after each link opens and closes it (popovertarget), since a tap
 *   on the link itself follows it. Browsers without these APIs get the maintained polyfills
 *   (vendor/popover-polyfill.js, vendor/interestfor.js), loaded only there.
 * - Material's instant navigation: each new page is set up when `document$` announces it.
 * Every text from the data goes in through textContent. */
(function () {
  "use strict";
  const ID = "gd-term-preview";
  // the site's words (strings.js runs before this script on every page)
  const say = (key, values) => (window.glossdeckStrings ? window.glossdeckStrings.t(key, values) : key);
  const BUDGET = 60;
  const SUFFIX = ".preview.json";
  const LINKS = "a.gd-autolink, a.gd-termlink, .gd-related a, .gd-referenced-by a, [data-gd-block=prerequisites] a";
  const script = document.currentScript;
  const vendor = script && script.src ? new URL("../vendor/", script.src) : null;
  const records = new Map(); // preview URL -> Promise of the record, or null when there is none
  let card = null; // the popover and its parts
  let current = null; // the link whose preview the popover shows

  function loadScript(src) {
    return new Promise((resolve) => {
      const s = document.createElement("script");
      s.src = src;
      s.onload = s.onerror = () => resolve();
      document.head.append(s);
    });
  }

  /** The polyfills this browser needs, in order (interestfor shows popovers through the Popover API). */
  async function polyfills() {
    if (!vendor) return;
    if (!Object.prototype.hasOwnProperty.call(HTMLElement.prototype, "popover")) {
      await loadScript(new URL("popover-polyfill.js", vendor).href);
    }
    if (!Object.prototype.hasOwnProperty.call(HTMLButtonElement.prototype, "interestForElement")) {
      await loadScript(new URL("interestfor.js", vendor).href);
    }
  }

  /** Where a term link's preview is: its page URL without "/" or ".html", plus SUFFIX. */
  function previewUrl(a) {
    const href = a.getAttribute("href");
    if (!href || href.startsWith("#")) return null;
    let url;
    try { url = new URL(href, location.href); } catch (err) { return null; }
    if (url.origin !== location.origin || url.pathname === location.pathname) return null;
    let path;
    if (url.pathname.endsWith("/")) path = url.pathname.slice(0, -1);
    else if (url.pathname.endsWith(".html")) path = url.pathname.slice(0, -5);
    else return null; // not a built page (e.g. a .md file)
    if (!path || path.endsWith("/index")) return null;
    return new URL(path + SUFFIX, url.origin).href;
  }

  function record(url) {
    if (!records.has(url)) {
      records.set(url, fetch(url, { credentials: "same-origin" })
        .then((r) => (r.ok ? r.json() : null))
        .then((d) => (d && typeof d.title === "string" && typeof d.tldr === "string" ? d : null))
        .catch(() => null));
    }
    return records.get(url);
  }

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text) e.textContent = text;
    return e;
  }

  function ensureCard() {
    if (card && card.root.isConnected) return card;
    const root = el("div", { id: ID, popover: "auto", class: "gd-preview gd-nolink", role: "dialog",
                             "aria-labelledby": ID + "-title" });
    const title = el("p", { class: "gd-preview__title", id: ID + "-title" });
    const tldr = el("p", { class: "gd-preview__tldr", id: ID + "-tldr" });
    const debtCode = el("code", { dir: "ltr" }); // debt(d7/e9/b9/t5) reads left to right in any page
    const debt = el("p", { class: "gd-preview__debt" });
    debt.append(el("span", { class: "gd-preview__label" }, "DEBT "), debtCode);
    const open = el("a", { class: "gd-preview__open", href: "#" });
    root.append(title, tldr, debt, el("p", { class: "gd-preview__more" }));
    root.lastChild.append(open);
    document.body.append(root);
    root.addEventListener("interest", (ev) => { if (ev.source) show(linkOf(ev.source)); });
    root.addEventListener("toggle", (ev) => {
      const open = ev.newState === "open";
      if (open && current) place(current);
      for (const t of document.querySelectorAll(".gd-preview-toggle")) {
        t.setAttribute("aria-expanded", String(open && t.gdLink === current));
      }
      if (open) addEventListener("scroll", onScroll, { passive: true, capture: true });
      else removeEventListener("scroll", onScroll, { capture: true });
    });
    card = { root, title, tldr, debt, debtCode, open };
    return card;
  }

  function onScroll() { if (current && card) place(current); }

  function linkOf(source) {
    return source.gdLink || source;
  }

  /** Fill the card for `link` (at once with what the link says, then with its record). */
  function show(link) {
    const c = ensureCard();
    current = link;
    const name = link.getAttribute("data-gd-title") || link.textContent.trim();
    c.title.textContent = name;
    c.tldr.textContent = say("preview_loading");
    c.debt.hidden = true;
    c.open.href = link.href;
    c.open.textContent = say("open_term", { term: name });
    const url = link.gdPreview;
    record(url).then((r) => {
      if (current !== link) return;
      if (!r) {
        c.tldr.textContent = say("preview_none");
        return;
      }
      c.title.textContent = r.title;
      c.tldr.textContent = r.tldr;
      c.debt.hidden = !r.debt;
      c.debtCode.textContent = r.debt || "";
      c.open.textContent = say("open_term", { term: r.title });
      if (c.root.matches(":popover-open")) place(link);
    });
    if (c.root.matches(":popover-open")) requestAnimationFrame(() => place(link));
  }

  /** Below the link (above it when there is no room), inside the viewport. */
  function place(link) {
    const c = ensureCard();
    const rect = (link.getClientRects()[0] || link.getBoundingClientRect());
    const box = c.root.getBoundingClientRect();
    const gap = 6, edge = 8;
    const vw = document.documentElement.clientWidth, vh = document.documentElement.clientHeight;
    let top = rect.bottom + gap;
    if (top + box.height > vh - edge && rect.top - gap - box.height >= edge) top = rect.top - gap - box.height;
    // the card's start edge at the link's: its left in left-to-right pages, its right in right-to-left ones
    const start = getComputedStyle(link).direction === "rtl" ? rect.right - box.width : rect.left;
    const left = Math.max(edge, Math.min(start, vw - box.width - edge));
    c.root.style.top = `${Math.round(top)}px`;
    c.root.style.left = `${Math.round(left)}px`;
  }

  function toggleFor(link, name) {
    const b = el("button", { type: "button", class: "gd-preview-toggle", popovertarget: ID,
                             "aria-expanded": "false", "aria-controls": ID, "aria-label": say("preview_of", { term: name }) });
    b.append(el("span", { class: "gd-preview-toggle__icon", "aria-hidden": "true" }, "i"));
    b.gdLink = link;
    b.addEventListener("click", (ev) => {
      const c = ensureCard();
      const isOpen = c.root.matches(":popover-open");
      if (isOpen && current !== link) {
        ev.preventDefault(); // open for another link: show this one's preview instead of closing
        show(link);
        for (const t of document.querySelectorAll(".gd-preview-toggle")) t.setAttribute("aria-expanded", String(t === b));
        return;
      }
      if (!isOpen) show(link);
    });
    return b;
  }

  /** Make this page's term links preview invokers, up to the budget. */
  function setUp() {
    ensureCard();
    if (card.root.matches(":popover-open")) card.root.hidePopover();
    current = null;
    let count = document.querySelectorAll("[data-gd-preview=on]").length;
    for (const a of document.querySelectorAll(LINKS)) {
      if (count >= BUDGET) break;
      if (a.hasAttribute("data-gd-preview") || a.closest(".gd-preview, [data-gd-widget]")) continue;
      // a term not written yet links to the Wanted terms page: nothing to preview
      const url = a.classList.contains("gd-missing-term") ? null : previewUrl(a);
      if (!url) { a.setAttribute("data-gd-preview", "off"); continue; }
      a.gdPreview = url;
      const name = a.textContent.trim();
      if (a.title) { a.setAttribute("data-gd-title", a.title); a.removeAttribute("title"); } // the preview replaces it
      a.setAttribute("interestfor", ID);
      a.setAttribute("data-gd-preview", "on");
      const toggle = toggleFor(a, a.getAttribute("data-gd-title") || name);
      a.after(toggle);
      count += 1;
    }
  }

  function start() {
    polyfills().then(() => {
      if (window.document$ && typeof window.document$.subscribe === "function") {
        window.document$.subscribe(() => setUp()); // replays the current page, then each new one
      } else {
        setUp();
      }
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
  else start();
})();
