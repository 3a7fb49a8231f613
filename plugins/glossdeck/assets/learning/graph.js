/* Graph views: the whole glossary (graph page) and each term's neighbourhood (term pages).
 *
 * Layout by d3-force (vendored from npm), run to rest synchronously before drawing, so the picture
 * is static and the same on every load; d3-force starts from a deterministic phyllotaxis and uses
 * its own seeded random source. Drawing is plain SVG: every term is one <a> (a link, focusable,
 * with its name), colours come from CSS variables that follow Material's light and dark palettes,
 * and a list below gives the same connections as text. */
(function () {
  "use strict";
  const GD = window.glossdeck;
  const { h, s } = GD;
  const MANY = 80; // above this many nodes, names show on hover and focus only
  const R = 9;

  function categoryIndex(data) {
    return new Map(data.categories.map((c, i) => [c.id, i % 8]));
  }

  function layout(nodes, links, pinned) {
    const d3 = window.d3;
    if (!d3 || !d3.forceSimulation) throw new Error("the graph layout library (d3-force) did not load");
    const sim = d3.forceSimulation(nodes)
      .force("link", d3.forceLink(links).id((d) => d.id).distance(120).strength(0.5))
      .force("charge", d3.forceManyBody().strength(-420))
      .force("x", d3.forceX(0).strength(0.06))
      .force("y", d3.forceY(0).strength(0.06))
      .force("collide", d3.forceCollide(44))
      .stop();
    if (pinned) { pinned.fx = 0; pinned.fy = 0; }
    const ticks = Math.ceil(Math.log(sim.alphaMin()) / Math.log(1 - sim.alphaDecay()));
    for (let i = 0; i < ticks; i++) sim.tick();
  }

  /** Draw nodes and edges into `el`. `graph` = {slugs, edges, current}. */
  function drawGraph(el, data, ctx, graph, label) {
    const cat = categoryIndex(data);
    const nodes = graph.slugs.slice().sort().map((slug) => ({ id: slug }));
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const links = graph.edges.filter((e) => byId.has(e.source) && byId.has(e.target))
      .map((e) => ({ source: e.source, target: e.target, kind: e.kind }));
    layout(nodes, links, graph.current ? byId.get(graph.current) : null);

    const pad = 90;
    const xs = nodes.map((n) => n.x), ys = nodes.map((n) => n.y);
    const box = { x: Math.min(...xs) - pad, y: Math.min(...ys) - 40,
                  w: Math.max(...xs) - Math.min(...xs) + 2 * pad, h: Math.max(...ys) - Math.min(...ys) + 80 };
    box.w = Math.max(box.w, 320);
    box.h = Math.max(box.h, 200);
    const view = Object.assign({}, box);
    const arrow = GD.uid("gd-arrow");
    const svg = s("svg", { class: "gd-graph__svg" + (nodes.length > MANY ? " gd-graph__svg--many" : ""),
                           viewBox: `${box.x} ${box.y} ${box.w} ${box.h}`, "aria-label": label,
                           width: Math.round(box.w), height: Math.round(box.h), // 1:1 at most: small graphs stay small
                           preserveAspectRatio: "xMidYMid meet" });
    svg.append(s("defs", null, s("marker", { id: arrow, viewBox: "0 0 10 10", refX: 10, refY: 5,
      markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, s("path", { d: "M0,0L10,5L0,10z", class: "gd-graph__arrow" }))));
    const edgeLayer = s("g", { class: "gd-graph__edges", "aria-hidden": "true" });
    for (const l of links) {
      const dx = l.target.x - l.source.x, dy = l.target.y - l.source.y;
      const len = Math.hypot(dx, dy) || 1;
      const cut = (R + 3) / len; // stop at the circle's edge so the arrow head shows
      edgeLayer.append(s("line", {
        class: `gd-edge gd-edge--${l.kind}`, x1: l.source.x + dx * cut, y1: l.source.y + dy * cut,
        x2: l.target.x - dx * cut, y2: l.target.y - dy * cut,
        "marker-end": l.kind === "prerequisite" ? `url(#${arrow})` : null }));
    }
    const nodeLayer = s("g", { class: "gd-graph__nodes" });
    const degree = new Map(nodes.map((n) => [n.id, 0]));
    for (const l of links) { degree.set(l.source.id, degree.get(l.source.id) + 1); degree.set(l.target.id, degree.get(l.target.id) + 1); }
    for (const n of nodes) {
      const term = data.bySlug.get(n.id);
      const current = n.id === graph.current;
      const a = s("a", { href: ctx.url(term.url), class: "gd-node" + (current ? " gd-node--current" : ""),
                         "data-gd-slug": n.id, "aria-label": `${term.title} (${data.categoryTitle.get(term.category) || term.category})`,
                         "aria-current": current ? "page" : null });
      n.hit = s("circle", { cx: n.x, cy: n.y, r: R + 4, class: "gd-node__hit" });
      n.dot = s("circle", { cx: n.x, cy: n.y, r: current ? R + 4 : R, class: `gd-node__dot gd-cat-${cat.get(term.category)}` });
      n.label = s("text", { x: n.x, y: n.y + R + 14, "text-anchor": "middle", class: "gd-node__label", "aria-hidden": "true" }, term.title);
      n.current = current;
      a.append(n.hit, n.dot, n.label);
      nodeLayer.append(a);
    }
    svg.append(edgeLayer, nodeLayer);
    GD.svgLinks(svg, (a) => {
      for (const other of nodeLayer.querySelectorAll(".gd-node--tapped")) other.classList.remove("gd-node--tapped");
      a.classList.add("gd-node--tapped"); // its name shows; a second tap follows the link
    });

    // Labels keep their size on screen (LABEL_PX) whatever the zoom, and are placed so they never
    // overlap each other or a dot: the current term and the best-connected terms first, each
    // below, above, right or left of its dot; a label with no free place is left out until the
    // reader zooms in (it shows on hover, focus and a first tap, and the list below has them all).
    // Dots and their tap areas keep a least size on screen too (TAP_PX across).
    const LABEL_PX = 12, DOT_PX = 10, TAP_PX = 28;
    const byPriority = nodes.slice().sort((p, q) => (q.current - p.current) || (degree.get(q.id) - degree.get(p.id)) || p.id.localeCompare(q.id));
    function relabel() {
      const shown = svg.getBoundingClientRect().width;
      if (!shown || nodes.length > MANY) return; // a big graph names a term on hover, focus or tap only
      const unit = view.w / shown; // SVG units per screen pixel
      const font = LABEL_PX * unit;
      const dotR = Math.max(R, (DOT_PX / 2) * unit);
      const hitR = Math.max(dotR + 4 * unit, (TAP_PX / 2) * unit);
      const taken = nodes.map((n) => ({ x: n.x - dotR, y: n.y - dotR, w: 2 * dotR, h: 2 * dotR }));
      const clash = (b) => taken.some((t) => b.x < t.x + t.w && t.x < b.x + b.w && b.y < t.y + t.h && t.y < b.y + b.h);
      for (const n of nodes) {
        n.dot.setAttribute("r", n.current ? dotR + 4 * unit : dotR);
        n.hit.setAttribute("r", hitR);
        n.label.style.fontSize = `${font}px`;
        n.label.style.strokeWidth = `${3 * unit}px`;
      }
      for (const n of byPriority) {
        const label = n.label;
        label.classList.remove("gd-node__label--off");
        label.setAttribute("text-anchor", "middle");
        label.setAttribute("x", n.x); label.setAttribute("y", n.y);
        const box = label.getBBox();
        const w = box.width + 4 * unit, hgt = box.height;
        const gap = dotR + 3 * unit;
        const places = [
          { x: n.x - w / 2, y: n.y + gap, anchor: "middle", tx: n.x },
          { x: n.x - w / 2, y: n.y - gap - hgt, anchor: "middle", tx: n.x },
          { x: n.x + gap, y: n.y - hgt / 2, anchor: "start", tx: n.x + gap + 2 * unit },
          { x: n.x - gap - w, y: n.y - hgt / 2, anchor: "end", tx: n.x - gap - 2 * unit },
        ];
        const inside = (p) => p.x >= view.x && p.x + w <= view.x + view.w && p.y >= view.y && p.y + hgt <= view.y + view.h;
        const free = places.find((p) => inside(p) && !clash({ x: p.x, y: p.y, w, h: hgt }));
        const place = free || places[0];
        label.setAttribute("text-anchor", place.anchor);
        label.setAttribute("x", place.tx);
        label.setAttribute("y", place.y + hgt * 0.78); // the baseline, about 0.78 of the line down
        if (free) taken.push({ x: place.x, y: place.y, w, h: hgt });
        else label.classList.add("gd-node__label--off");
      }
    }

    // Zoom with buttons, pan by dragging: both change the viewBox.
    const setView = () => { svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`); relabel(); };
    const zoom = (f) => {
      const cx = view.x + view.w / 2, cy = view.y + view.h / 2;
      view.w *= f; view.h *= f; view.x = cx - view.w / 2; view.y = cy - view.h / 2; setView();
    };
    const tools = h("div", { class: "gd-graph__tools" },
      h("button", { type: "button", class: "gd-icon-button", "aria-label": GD.t("zoom_in"), onclick: () => zoom(1 / 1.4) }, "+"),
      h("button", { type: "button", class: "gd-icon-button", "aria-label": GD.t("zoom_out"), onclick: () => zoom(1.4) }, "−"),
      h("button", { type: "button", class: "gd-icon-button", onclick: () => { Object.assign(view, box); setView(); } }, GD.t("reset_view")));
    let drag = null;
    svg.addEventListener("pointerdown", (ev) => {
      if (ev.target.closest("a")) return;
      drag = { x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y, scale: view.w / svg.getBoundingClientRect().width };
      svg.setPointerCapture(ev.pointerId);
    });
    svg.addEventListener("pointermove", (ev) => {
      if (!drag) return;
      view.x = drag.vx - (ev.clientX - drag.x) * drag.scale;
      view.y = drag.vy - (ev.clientY - drag.y) * drag.scale;
      svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`); // panning moves, never resizes
    });
    svg.addEventListener("pointerup", () => { if (drag) relabel(); drag = null; });

    const used = [...new Set(nodes.map((n) => data.bySlug.get(n.id).category))];
    const legend = h("ul", { class: "gd-graph__legend" },
      used.map((c) => h("li", null, h("span", { class: `gd-swatch gd-cat-${cat.get(c)}`, "aria-hidden": "true" }), data.categoryTitle.get(c) || c)),
      h("li", null, h("span", { class: "gd-swatch gd-swatch--arrow", "aria-hidden": "true" }, "→"), GD.t("prerequisite_of")),
      h("li", null, h("span", { class: "gd-swatch gd-swatch--line", "aria-hidden": "true" }), GD.t("related")));

    const adjacency = new Map(nodes.map((n) => [n.id, { needs: [], related: [] }]));
    for (const l of links) {
      if (l.kind === "prerequisite") adjacency.get(l.target.id).needs.push(l.source.id);
      else { adjacency.get(l.source.id).related.push(l.target.id); adjacency.get(l.target.id).related.push(l.source.id); }
    }
    const termLink = (slug) => h("a", { href: ctx.url(data.bySlug.get(slug).url) }, data.bySlug.get(slug).title);
    const join = (slugs) => slugs.flatMap((sl, i) => (i ? [", ", termLink(sl)] : [termLink(sl)]));
    const items = nodes.map((n) => {
      const adj = adjacency.get(n.id);
      return h("li", null, termLink(n.id),
        adj.needs.length ? [GD.t("list_needs"), join(adj.needs)] : null,
        adj.related.length ? [GD.t(adj.needs.length ? "list_also_related" : "list_related"), join(adj.related)] : null);
    });
    const list = h("details", { class: "gd-graph__list" }, h("summary", null, GD.t("as_list")), h("ul", null, items));
    GD.fill(el, tools, h("div", { class: "gd-graph__frame" }, svg), legend, list);
    relabel();
    if (window.ResizeObserver) {
      let last = 0;
      new ResizeObserver(() => {
        const w = svg.getBoundingClientRect().width;
        if (Math.abs(w - last) > 1) { last = w; relabel(); }
      }).observe(svg);
    }
  }
  GD.drawGraph = drawGraph;

  /** Slugs within `depth` steps of `slug`, following links either way. */
  function neighbourhood(data, slug, depth) {
    const adj = new Map();
    const link = (a, b) => { if (!adj.has(a)) adj.set(a, new Set()); adj.get(a).add(b); };
    for (const e of data.edges) { link(e.source, e.target); link(e.target, e.source); }
    const seen = new Set([slug]);
    let frontier = [slug];
    for (let d = 0; d < depth; d++) {
      const next = [];
      for (const s1 of frontier) for (const s2 of adj.get(s1) || []) if (!seen.has(s2)) { seen.add(s2); next.push(s2); }
      frontier = next;
    }
    return [...seen];
  }
  GD.neighbourhood = neighbourhood;

  GD.register("graph", async (el, ctx) => {
    const data = await ctx.terms();
    const target = h("div", { class: "gd-graph" });
    el.append(target);
    el.hidden = false;
    drawGraph(target, data, ctx, { slugs: data.terms.map((t) => t.slug), edges: data.edges },
      GD.n("graph_all", data.terms.length));
  });

  GD.register("local-graph", async (el, ctx) => {
    const data = await ctx.terms();
    const slug = el.getAttribute("data-gd-term");
    const term = data.bySlug.get(slug);
    if (!term) return;
    const name = GD.uid("gd-depth");
    const target = h("div", { class: "gd-graph gd-graph--local" });
    const radio = (value, text) => {
      const id = GD.uid("gd-depth-opt");
      const input = h("input", { type: "radio", name, id, value, checked: value === "1" });
      input.addEventListener("change", () => draw(Number(value)));
      return h("span", { class: "gd-radio" }, input, h("label", { for: id }, text));
    };
    const draw = (depth) => {
      const slugs = neighbourhood(data, slug, depth);
      drawGraph(target, data, ctx, { slugs, edges: data.edges, current: slug },
        GD.t(depth === 1 ? "within_one" : "within_two", { term: term.title }));
    };
    el.append(h("fieldset", { class: "gd-depth" }, h("legend", null, GD.t("show_terms")),
      radio("1", GD.t("one_step")), radio("2", GD.t("two_steps"))), target);
    el.hidden = false;
    draw(1);
  });
})();
