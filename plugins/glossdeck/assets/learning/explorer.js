/* The explorer: filter and sort every term (category, level, tag, a range on each DEBT axis, name),
 * with a live count, a random pick among the matches, and the DEBT map: a scatter plot of the
 * matching terms on two chosen axes. The table is the one the build wrote (so it also works with
 * JavaScript off); filtering hides its rows and sorting reorders them. */
(function () {
  "use strict";
  const GD = window.glossdeck;
  const { h, s } = GD;
  const LEVEL_RANK = { beginner: 0, intermediate: 1, advanced: 2 };
  const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
  const scoreLabel = (n) => (n === 0 ? GD.t("na") : GD.num(n));

  function select(id, options, value) {
    const el = h("select", { id }, options.map(([v, label]) => h("option", { value: v }, label)));
    if (value !== undefined) el.value = value;
    return el;
  }

  function field(labelText, control, cls) {
    return h("div", { class: `gd-field ${cls || ""}`.trim() }, h("label", { for: control.id }, labelText), control);
  }

  GD.register("explorer", async (el, ctx) => {
    const data = await ctx.terms();
    const scope = el.closest("article") || document;
    const table = scope.querySelector(".gd-explorer__static table");
    const tbody = table && table.tBodies[0];
    const rows = new Map(tbody ? [...tbody.rows].map((r) => [r.getAttribute("data-gd-slug"), r]) : []);
    const id = (name) => GD.uid(`gd-ex-${name}`);

    const name = h("input", { type: "search", id: id("name"), placeholder: GD.t("name_part"), autocomplete: "off" });
    const category = select(id("cat"), [["", GD.t("all_categories")], ...data.categories.map((c) => [c.id, c.title])]);
    const level = select(id("level"), [["", GD.t("all_levels")], ...data.levels.map((l) => [l, (data.levelTitles || {})[l] || l]), ["none", GD.t("level_unset")]]);
    const tag = select(id("tag"), [["", GD.t("all_tags")], ...data.tags.map((t) => [t, (data.tagTitles || {})[t] || t])]);
    const ranges = data.axes.map((axis) => ({
      axis,
      min: select(id(`${axis.letter}-min`), SCORES.map((n) => [n, scoreLabel(n)]), "0"),
      max: select(id(`${axis.letter}-max`), SCORES.map((n) => [n, scoreLabel(n)]), "9"),
    }));
    const sortOptions = [["title", GD.t("sort_name")], ["category", GD.t("sort_category")], ["level", GD.t("sort_level")],
      ...data.axes.flatMap((a) => [[`${a.letter}-desc`, GD.t("high_first", { axis: a.name })], [`${a.letter}-asc`, GD.t("low_first", { axis: a.name })]])];
    const sort = select(id("sort"), sortOptions, "title");
    const count = h("p", { class: "gd-explorer__count", role: "status", "aria-live": "polite" });
    const reset = h("button", { type: "button", class: "md-button" }, GD.t("clear_filters"));
    const random = h("button", { type: "button", class: "md-button" }, GD.t("random_from_these"));

    const axisFields = ranges.map((r) => h("fieldset", { class: "gd-range", style: `--gd-axis: var(--gd-axis-${r.axis.letter})` },
      h("legend", null, `${r.axis.name} (${r.axis.letter})`),
      field(GD.t("from"), r.min, "gd-field--inline"), field(GD.t("to"), r.max, "gd-field--inline")));
    const xSel = select(id("x"), data.axes.map((a) => [a.letter, a.name]), "d");
    const ySel = select(id("y"), data.axes.map((a) => [a.letter, a.name]), "t");
    const map = h("div", { class: "gd-debt-map" });
    const noDebt = h("p", { class: "gd-hint" });
    const catIndex = new Map(data.categories.map((c, i) => [c.id, i % 8])); // same colours as the graph

    el.append(
      h("div", { class: "gd-explorer__filters" },
        field(GD.t("name"), name), field(GD.t("category"), category), field(GD.t("level"), level), field(GD.t("tag"), tag), field(GD.t("sort_by"), sort)),
      h("div", { class: "gd-explorer__ranges" }, axisFields),
      h("div", { class: "gd-explorer__summary" }, count, reset, random),
      h("h2", { id: "gd-debt-map" }, GD.t("debt_map")),
      h("div", { class: "gd-controls" }, field(GD.t("across"), xSel), field(GD.t("up"), ySel)),
      map, noDebt);
    el.hidden = false;

    function matches(t) {
      const q = name.value.trim().toLowerCase();
      if (q && !(t.title.toLowerCase().includes(q) || t.aliases.some((a) => a.toLowerCase().includes(q)))) return false;
      if (category.value && t.category !== category.value) return false;
      if (level.value === "none" ? t.level : level.value && t.level !== level.value) return false;
      if (tag.value && !t.tags.includes(tag.value)) return false;
      for (const r of ranges) {
        const lo = Number(r.min.value), hi = Number(r.max.value);
        if (lo === 0 && hi === 9) continue; // the whole scale, and terms with no score
        if (!t.debt) return false;
        const v = t.debt[r.axis.letter];
        if (v < Math.min(lo, hi) || v > Math.max(lo, hi)) return false;
      }
      return true;
    }

    function compare(a, b) {
      const key = sort.value;
      const byTitle = GD.collate(a.title, b.title);
      if (key === "category") return GD.collate(a.category, b.category) || byTitle;
      if (key === "level") return (LEVEL_RANK[a.level] ?? 3) - (LEVEL_RANK[b.level] ?? 3) || byTitle;
      const m = /^([a-z])-(asc|desc)$/.exec(key);
      if (m) {
        const va = a.debt ? a.debt[m[1]] : null, vb = b.debt ? b.debt[m[1]] : null;
        if (va === null || vb === null) return (va === null) - (vb === null) || byTitle; // unscored last
        return (m[2] === "asc" ? va - vb : vb - va) || byTitle;
      }
      return byTitle;
    }

    let current = [];
    function update() {
      current = data.terms.filter(matches).sort(compare);
      const shown = new Set(current.map((t) => t.slug));
      for (const [slug, row] of rows) row.hidden = !shown.has(slug);
      if (tbody) for (const t of current) if (rows.has(t.slug)) tbody.append(rows.get(t.slug));
      count.textContent = GD.n("shown_of", data.terms.length, { shown: current.length });
      random.disabled = !current.length;
      drawMap();
    }

    function drawMap() {
      const x = xSel.value, y = ySel.value;
      const ax = data.axes.find((a) => a.letter === x), ay = data.axes.find((a) => a.letter === y);
      const scored = current.filter((t) => t.debt);
      const missing = current.length - scored.length;
      noDebt.textContent = missing ? GD.n("not_plotted", missing) : "";
      // Cells: n/a apart (column/row 0), then 1-9 after a gap. y grows upwards.
      const cell = 40, gap = 16, left = 56, top = 12;
      const col = (v) => left + (v === 0 ? 0 : gap + v * cell) + cell / 2;
      const row = (v) => top + (9 - v) * cell + (v === 0 ? gap : 0) + cell / 2;
      const width = left + gap + 10 * cell + 8, height = top + 10 * cell + gap + 44;
      const svg = s("svg", { class: "gd-debt-map__svg", viewBox: `0 0 ${width} ${height}`,
                             "aria-label": GD.n("map_label", scored.length, { x: ax.name, y: ay.name }) });
      const grid = s("g", { class: "gd-debt-map__grid", "aria-hidden": "true" });
      for (const v of SCORES) {
        grid.append(s("text", { x: col(v), y: height - 30, "text-anchor": "middle", class: "gd-debt-map__tick" }, scoreLabel(v)),
          s("text", { x: left - 10, y: row(v) + 4, "text-anchor": "end", class: "gd-debt-map__tick" }, scoreLabel(v)));
        if (v > 0) {
          grid.append(s("line", { x1: col(v), x2: col(v), y1: row(9) - cell / 2, y2: row(1) + cell / 2, class: "gd-debt-map__line" }),
            s("line", { x1: col(1) - cell / 2, x2: col(9) + cell / 2, y1: row(v), y2: row(v), class: "gd-debt-map__line" }));
        }
      }
      grid.append(s("rect", { x: col(0) - cell / 2, y: row(9) - cell / 2, width: cell, height: 10 * cell + gap, class: "gd-debt-map__na" }),
        s("rect", { x: col(0) - cell / 2, y: row(0) - cell / 2, width: 10 * cell + gap, height: cell, class: "gd-debt-map__na" }),
        s("text", { x: (col(1) + col(9)) / 2, y: height - 8, "text-anchor": "middle", class: "gd-debt-map__axis", style: `fill: var(--gd-axis-${x})` }, `${ax.name} →`),
        s("text", { x: 14, y: (row(9) + row(1)) / 2, "text-anchor": "middle", class: "gd-debt-map__axis",
                    transform: `rotate(-90 14 ${(row(9) + row(1)) / 2})`, style: `fill: var(--gd-axis-${y})` }, `${ay.name} →`));
      const points = s("g", { class: "gd-debt-map__points" });
      const cells = new Map();
      for (const t of scored) {
        const k = `${t.debt[x]},${t.debt[y]}`;
        if (!cells.has(k)) cells.set(k, []);
        cells.get(k).push(t);
      }
      for (const group of cells.values()) {
        group.forEach((t, i) => {
          // Several terms in one cell sit on a small ring instead of on top of each other.
          const n = group.length, ring = n === 1 ? 0 : Math.min(14, 5 + n);
          const angle = (2 * Math.PI * i) / n;
          const cx = col(t.debt[x]) + ring * Math.cos(angle), cy = row(t.debt[y]) + ring * Math.sin(angle);
          const a = s("a", { href: ctx.url(t.url), class: "gd-point", "data-gd-slug": t.slug, "data-gd-name": t.title,
                             "aria-label": GD.t("point_label", { term: t.title, x: ax.name, x_score: scoreLabel(t.debt[x]), y: ay.name, y_score: scoreLabel(t.debt[y]) }) },
            // a larger transparent disc to tap (the dots are small); as large as the ring allows
            s("circle", { cx, cy, r: n === 1 ? 17 : Math.max(7, Math.min(17, ring * Math.sin(Math.PI / n))), class: "gd-point__hit" }),
            s("circle", { cx, cy, r: n > 4 ? 5 : 7, class: `gd-point__dot gd-cat-${catIndex.get(t.category)}` }));
          a.gdAt = { cx, cy };
          points.append(a);
        });
      }
      // The name of the point under the pointer, focused, or tapped once (touch cannot hover):
      // drawn in the map, so it shows on every device; screen readers have each link's name.
      const tipText = s("text", { class: "gd-debt-map__tip-text", "text-anchor": "middle" });
      const tipBox = s("rect", { class: "gd-debt-map__tip-box", rx: 4 });
      const tip = s("g", { class: "gd-debt-map__tip", "aria-hidden": "true", visibility: "hidden" }, tipBox, tipText);
      const showTip = (a) => {
        const at = a.gdAt;
        tipText.textContent = a.getAttribute("data-gd-name");
        const shownWidth = svg.getBoundingClientRect().width;
        tipText.style.fontSize = `${14 * (shownWidth ? Math.max(1, width / shownWidth) : 1)}px`; // 14 px on screen, also on a phone
        const above = at.cy > top + 30;
        tipText.setAttribute("x", at.cx);
        tipText.setAttribute("y", above ? at.cy - 16 : at.cy + 26);
        tip.setAttribute("visibility", "visible");
        const b = tipText.getBBox();
        const shift = Math.max(2 - b.x, Math.min(0, width - 2 - (b.x + b.width)));
        tipText.setAttribute("x", at.cx + shift);
        tipBox.setAttribute("x", b.x + shift - 5); tipBox.setAttribute("y", b.y - 3);
        tipBox.setAttribute("width", b.width + 10); tipBox.setAttribute("height", b.height + 6);
      };
      const hideTip = () => tip.setAttribute("visibility", "hidden");
      points.addEventListener("pointerover", (ev) => { const a = ev.target.closest("a"); if (a && ev.pointerType === "mouse") showTip(a); });
      points.addEventListener("pointerout", (ev) => { if (ev.pointerType === "mouse") hideTip(); });
      points.addEventListener("focusin", (ev) => { const a = ev.target.closest("a"); if (a) showTip(a); });
      points.addEventListener("focusout", hideTip);
      svg.append(grid, points, tip);
      GD.svgLinks(svg, showTip);
      const used = data.categories.filter((c) => scored.some((t) => t.category === c.id));
      // the same points as a table: every name readable at once, on any screen
      const sorted = scored.slice().sort((a, b) => b.debt[x] - a.debt[x] || b.debt[y] - a.debt[y] || a.title.localeCompare(b.title));
      const list = h("details", { class: "gd-debt-map__list" },
        h("summary", null, GD.t("map_as_list")),
        h("table", null,
          h("thead", null, h("tr", null, h("th", { scope: "col" }, GD.t("term")), h("th", { scope: "col" }, GD.t("axis_across", { axis: ax.name })),
            h("th", { scope: "col" }, GD.t("axis_up", { axis: ay.name })))),
          h("tbody", null, sorted.map((t) => h("tr", { "data-gd-slug": t.slug },
            h("td", null, h("a", { href: ctx.url(t.url) }, t.title)), h("td", null, scoreLabel(t.debt[x])), h("td", null, scoreLabel(t.debt[y])))))));
      if (map.querySelector(".gd-debt-map__list[open]")) list.open = true; // redrawn: stays open
      GD.fill(map, h("div", { class: "gd-debt-map__frame" }, svg),
        h("ul", { class: "gd-graph__legend" }, used.map((c) =>
          h("li", null, h("span", { class: `gd-swatch gd-cat-${catIndex.get(c.id)}`, "aria-hidden": "true" }), c.title))), list);
    }

    // (the name's key is not "q": Material's search opens itself on ?q=)
    // The filters live in the page's address (replaceState: no history entry per keystroke), so
    // Back from a term restores them, and a filtered view can be bookmarked or shared.
    // ?name=...&category=...&level=...&tag=...&sort=...&d=2-7 (one range per axis)&x=d&y=t
    const simple = [["name", name], ["category", category], ["level", level], ["tag", tag], ["sort", sort], ["x", xSel], ["y", ySel]];
    const defaults = new Map(simple.map(([key, control]) => [key, control.value]));
    function saveState() {
      const params = new URLSearchParams(location.search);
      for (const [key, control] of simple) {
        const value = key === "name" ? control.value.trim() : control.value;
        if (value && value !== defaults.get(key)) params.set(key, value); else params.delete(key);
      }
      for (const r of ranges) {
        const whole = r.min.value === "0" && r.max.value === "9";
        if (whole) params.delete(r.axis.letter); else params.set(r.axis.letter, `${r.min.value}-${r.max.value}`);
      }
      const query = params.toString();
      const url = location.pathname + (query ? `?${query}` : "") + location.hash;
      if (url !== location.pathname + location.search + location.hash) history.replaceState(history.state, "", url);
    }
    function loadState() {
      const params = new URLSearchParams(location.search);
      const offered = (control, value) => [...control.options].some((o) => o.value === value);
      for (const [key, control] of simple) {
        const value = params.get(key);
        if (value === null) continue;
        if (key === "name") control.value = value;
        else if (offered(control, value)) control.value = value;
      }
      for (const r of ranges) {
        const m = /^(\d)-(\d)$/.exec(params.get(r.axis.letter) || "");
        if (m) { r.min.value = m[1]; r.max.value = m[2]; }
      }
    }

    for (const control of [name, category, level, tag, sort, ...ranges.flatMap((r) => [r.min, r.max])]) {
      control.addEventListener(control === name ? "input" : "change", () => { update(); saveState(); });
    }
    xSel.addEventListener("change", () => { drawMap(); saveState(); });
    ySel.addEventListener("change", () => { drawMap(); saveState(); });
    reset.addEventListener("click", () => {
      name.value = ""; category.value = ""; level.value = ""; tag.value = "";
      for (const r of ranges) { r.min.value = "0"; r.max.value = "9"; }
      update();
      saveState();
    });
    random.addEventListener("click", () => GD.randomTerm(ctx, data, current.map((t) => t.slug)));
    loadState();
    update();
  });
})();
