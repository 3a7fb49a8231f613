/*
 * <glossdeck-term slug="immutable-infrastructure" site="https://glossary.example.com/">
 *
 * A glossdeck term card for pages that run scripts. Load this file from the glossary site
 * (<site>/embed/glossdeck-term.js); `site` defaults to that site. The card is drawn in a shadow
 * root from <site>/api/terms/<slug>.json (the site must send Access-Control-Allow-Origin for
 * api/). Text from the JSON is only ever set as textContent; links must be http(s).
 * Attributes: slug (required), site, theme="light|dark" (default: the reader's preference).
 * Styling from outside: ::part(card). After drawing, the element has data-state="ready".
 */
(() => {
  "use strict";
  const TAG = "glossdeck-term";
  if (!("customElements" in window) || customElements.get(TAG)) return;

  const script = document.currentScript;
  const DEFAULT_SITE = script && script.src ? new URL("../", script.src).href : null;
  // a slug in any script (core/slugs.py): letters, marks and digits, single hyphens, lowercase, NFC
  const SLUG = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:-[\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*$/u;
  const isSlug = (value) => SLUG.test(value) && value === value.normalize("NFC") && value === value.toLowerCase();
  const COLOUR = /^#[0-9a-fA-F]{6}$/;
  const requests = new Map(); // one fetch per term JSON, however many cards show it

  // The two card palettes, filled in from embeds/palette.py when the site is built (web_component.py)
  const LIGHT = "/*palette:light*/";
  const DARK = "/*palette:dark*/";
  const CSS = `
:host{display:block;max-width:600px;container-type:inline-size;${LIGHT}font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Helvetica,Arial,sans-serif;color:var(--text)}
:host([hidden]){display:none}
:host([theme=dark]){${DARK}}
@media (prefers-color-scheme:dark){:host(:not([theme=light])){${DARK}}}
li,.tok{--c:var(--cl)}
:host([theme=dark]) :is(li,.tok){--c:var(--cd)}
@media (prefers-color-scheme:dark){:host(:not([theme=light])) :is(li,.tok){--c:var(--cd)}}
.tok{color:var(--c)}
.card{background:var(--bg);border:1px solid var(--border);border-radius:12px;padding:18px 22px;display:flex;flex-direction:column;gap:8px;text-align:start}
.kicker{display:flex;justify-content:space-between;gap:12px;margin:0;font-size:12px;color:var(--muted)}
.kicker>*{overflow:hidden;text-overflow:ellipsis;white-space:nowrap;min-width:0}
.kicker b{letter-spacing:.05em;text-transform:uppercase}.kicker span{flex-shrink:2}
.title{margin:0;font-size:22px;font-weight:700;line-height:1.25;overflow-wrap:anywhere}
.title a{color:inherit;text-decoration:none}.title a:hover{text-decoration:underline}
p{margin:0;overflow-wrap:anywhere}
.clamp{display:-webkit-box;-webkit-box-orient:vertical;overflow:hidden}
.title{-webkit-line-clamp:2;line-clamp:2}.tldr{-webkit-line-clamp:4;line-clamp:4}
.mis{border-inline-start:3px solid var(--border);padding-inline-start:10px;font-size:14px;display:grid;gap:2px}
.mis p{-webkit-line-clamp:2;line-clamp:2}.mis b{color:var(--muted);font-weight:600}
.axes{list-style:none;margin:4px 0 0;padding:0;display:grid;grid-template-columns:repeat(4,1fr);gap:6px 14px}
.axes li{font-size:12px;display:flex;flex-wrap:wrap;justify-content:space-between;min-width:0}
.v{font-weight:700;color:var(--c)}.na{color:var(--muted)}
.bar{flex-basis:100%;height:6px;border-radius:3px;background:var(--track);margin-top:3px}
.bar i{display:block;height:100%;border-radius:3px;background:var(--c)}
footer{display:flex;flex-wrap:wrap;gap:6px 14px;align-items:baseline;font-size:12px;color:var(--muted)}
code{font:700 13px/1 ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;color:var(--text)}
a{color:var(--link)}.more{margin-inline-start:auto;font-weight:600}
.state{color:var(--muted);font-size:14px}
@container (max-width:420px){.axes{grid-template-columns:repeat(2,1fr)}.mis{display:none}}
`;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function httpUrl(value, base) {
    if (typeof value !== "string") return null;
    try {
      const url = new URL(value, base);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (_) {
      return null;
    }
  }

  function text(value) {
    return typeof value === "string" ? value : "";
  }

  function load(url) {
    if (!requests.has(url)) {
      const request = fetch(url, { credentials: "omit", mode: "cors" }).then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.json();
      });
      request.catch(() => requests.delete(url)); // let a later card try again
      requests.set(url, request);
    }
    return requests.get(url);
  }

  class GlossdeckTerm extends HTMLElement {
    static get observedAttributes() {
      return ["slug", "site"];
    }

    constructor() {
      super();
      this.attachShadow({ mode: "open" });
      this._generation = 0;
    }

    connectedCallback() {
      this._update();
    }

    attributeChangedCallback() {
      if (this.isConnected) this._update();
    }

    _frame(...children) {
      const style = el("style");
      style.textContent = CSS;
      const card = el("article", "card");
      card.setAttribute("part", "card");
      card.append(...children);
      this.shadowRoot.replaceChildren(style, card);
      return card;
    }

    _message(message, href) {
      const line = el("p", "state");
      if (href) {
        const link = el("a", null, message);
        link.href = href;
        link.target = "_blank";
        link.rel = "noopener";
        line.append(link);
      } else {
        line.textContent = message;
      }
      this._frame(line);
    }

    async _update() {
      const generation = ++this._generation;
      const slug = this.getAttribute("slug") || "";
      const site = this.getAttribute("site") || DEFAULT_SITE;
      if (!isSlug(slug) || !site) {
        this._message(`glossdeck-term: needs a slug${site ? "" : " and a site"} (got "${slug}")`);
        return;
      }
      let url;
      try {
        // percent-encoded, as the site writes the file's URL (api/terms/%E5%AE%B9%E5%99%A8.json)
        url = new URL(`api/terms/${encodeURIComponent(slug)}.json`, new URL(site, document.baseURI)).href;
      } catch (_) {
        this._message(`glossdeck-term: "${site}" is not a URL`);
        return;
      }
      this._message(`Loading “${slug}”…`);
      let data;
      try {
        data = await load(url);
      } catch (error) {
        if (generation !== this._generation) return;
        console.warn(`glossdeck-term: could not load ${url}: ${error}`);
        this.setAttribute("data-state", "error");
        this._message(`Glossary term “${slug}” (the card could not be loaded)`, httpUrl(`../../`, url));
        return;
      }
      if (generation !== this._generation) return; // attributes changed while loading
      this._draw(data || {}, url);
    }

    _draw(data, base) {
      const links = data.links || {};
      const page = httpUrl(links.page, base);
      const parts = [];
      // the site's language: its words for the labels, and right to left for Arabic, Urdu...
      const site = data.site || {};
      const labels = site.labels || {};
      const say = (key, english) => text(labels[key]) || english;
      if (text(site.language)) this.setAttribute("lang", text(site.language));
      if (site.direction === "rtl" || site.direction === "ltr") this.dir = site.direction;

      const kicker = el("p", "kicker");
      const category = [say("category", text(data.category).replace(/-/g, " ")), say("level", text(data.level))]
        .filter(Boolean).join(" · ");
      kicker.append(el("b", null, category), el("span", null, text((data.site || {}).name)));
      parts.push(kicker);

      const title = el("h2", "title clamp");
      title.dir = "auto";
      const titleLink = el("a", null, text(data.title) || text(data.slug));
      if (page) {
        titleLink.href = page;
        titleLink.target = "_blank";
        titleLink.rel = "noopener";
      }
      title.append(titleLink);
      parts.push(title);

      const tldr = el("p", "tldr clamp", text(data.tldr_text));
      tldr.dir = "auto";
      parts.push(tldr);

      const mis = data.misconception;
      if (mis && typeof mis === "object" && text(mis.belief)) {
        const box = el("div", "mis");
        for (const [label, value] of [[say("misconception", "Misconception: "), mis.belief], [say("in_fact", "In fact: "), mis.correction]]) {
          const line = el("p", "clamp");
          line.dir = "auto";
          line.append(el("b", null, label), document.createTextNode(text(value)));
          box.append(line);
        }
        parts.push(box);
      }

      const debt = data.debt && Array.isArray(data.debt.axes) ? data.debt : null;
      if (debt) {
        const list = el("ul", "axes");
        for (const axis of debt.axes.slice(0, 4)) {
          const score = Number.isInteger(axis.score) && axis.score >= 0 && axis.score <= 9 ? axis.score : 0;
          const item = el("li");
          const colour = COLOUR.test(axis.colour) ? axis.colour : "#59636e";
          const dark = COLOUR.test(axis.colour_dark) ? axis.colour_dark : colour;
          item.style.setProperty("--cl", colour); // CSS picks light or dark, live with the theme
          item.style.setProperty("--cd", dark);
          item.title = `${text(axis.kind)}: ${text(axis.name)} ${score ? `${score} of 9` : "not applicable"}`;
          const value = el("span", score ? "v" : "v na", score ? String(score) : "n/a");
          const bar = el("span", "bar");
          bar.setAttribute("aria-hidden", "true");
          const fill = el("i");
          fill.style.width = `${(score * 100) / 9}%`;
          bar.append(fill);
          item.append(el("span", null, text(axis.name)), value, bar);
          list.append(item);
        }
        parts.push(list);
      }

      const footer = el("footer");
      if (debt) {
        // debt(d7/e9/b9/t5) verbatim, each axis token in its colour (as on the SVG card)
        const code = el("code", null, "debt(");
        debt.axes.slice(0, 4).forEach((axis, i) => {
          if (i) code.append("/");
          const token = el("span", null, `${text(axis.letter)}${Number.isInteger(axis.score) ? axis.score : ""}`);
          token.style.setProperty("--cl", COLOUR.test(axis.colour) ? axis.colour : "inherit");
          token.style.setProperty("--cd", COLOUR.test(axis.colour_dark) ? axis.colour_dark : "inherit");
          token.className = "tok";
          code.append(token);
        });
        code.append(")");
        if (code.textContent !== text(debt.string)) code.textContent = text(debt.string);
        footer.append(code);
      }
      if (text(data.edited)) footer.append(el("span", null, say("edited", `edited ${data.edited}`)));
      if (page) {
        const more = el("a", "more", say("read_more", "Read more →"));
        more.href = page;
        more.target = "_blank";
        more.rel = "noopener";
        footer.append(more);
      }
      parts.push(footer);

      const card = this._frame(...parts);
      card.setAttribute("aria-label", text(data.title));
      this.setAttribute("data-state", "ready");
    }
  }

  customElements.define(TAG, GlossdeckTerm);
})();
