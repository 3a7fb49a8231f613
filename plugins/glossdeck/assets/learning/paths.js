/* Learning paths and reading progress: read marks on "read these first" lists and path steps,
 * path progress bars, the "mark as read" button on term pages, and the random-term button. */
(function () {
  "use strict";
  const GD = window.glossdeck;
  const { h } = GD;

  function pathStats(path, progress) {
    const read = path.terms.filter((s) => progress.read[s]).length;
    return { read, total: path.terms.length, next: path.terms.find((s) => !progress.read[s]) };
  }
  GD.pathStats = pathStats;

  GD.progressBar = function (read, total, label) {
    return h("span", { class: "gd-bar" },
      h("progress", { max: total, value: read, "aria-label": `${label}: ${GD.t("read_of", { read, total })}` }),
      h("span", { class: "gd-bar__text" }, GD.t("read_of", { read, total })));
  };

  function markRead(links, progress) {
    for (const a of links) {
      const read = !!progress.read[a.getAttribute("data-gd-slug")];
      a.classList.toggle("gd-is-read", read);
      let mark = a.parentNode.querySelector(":scope > .gd-read-mark");
      if (read && !mark) a.after(h("span", { class: "gd-read-mark", title: GD.t("read_mark") }, " ✓", h("span", { class: "gd-sr" }, GD.t("read_mark_sr"))));
      if (!read && mark) mark.remove();
    }
  }

  // "Read these first": the list is written by the build; add read marks.
  GD.register("read-first", async (el, ctx) => {
    const store = await ctx.store();
    const links = el.querySelectorAll("a[data-gd-slug]");
    const update = (p) => markRead(links, p);
    update(store.get());
    GD.onProgress(el, update);
  });

  GD.register("path-progress", async (el, ctx) => {
    const data = await ctx.terms();
    const store = await ctx.store();
    const path = data.pathById.get(el.getAttribute("data-gd-path"));
    if (!path) return;
    const update = (p) => {
      const st = pathStats(path, p);
      GD.fill(el, GD.progressBar(st.read, st.total, GD.t("progress_on", { path: path.title })));
    };
    update(store.get());
    el.hidden = false;
    GD.onProgress(el, update);
  });

  // On a path's page: mark steps read and point at the next one.
  GD.register("path-steps", async (el, ctx) => {
    const data = await ctx.terms();
    const store = await ctx.store();
    const id = el.getAttribute("data-gd-path");
    const path = data.pathById.get(id);
    const list = [...document.querySelectorAll("ol.gd-path")].find((o) => o.getAttribute("data-gd-path") === id);
    if (!path || !list) return;
    const update = (p) => {
      const st = pathStats(path, p);
      for (const li of list.querySelectorAll("li[data-gd-slug]")) {
        const slug = li.getAttribute("data-gd-slug");
        li.classList.toggle("gd-is-read", !!p.read[slug]);
        li.classList.toggle("gd-is-next", slug === st.next);
      }
      markRead(list.querySelectorAll("li[data-gd-slug] > a"), p);
      const next = st.next && data.bySlug.get(st.next);
      GD.fill(el, next
        ? h("p", null, GD.t("next_up"), h("a", { href: ctx.url(next.url) }, next.title))
        : h("p", null, GD.t("path_done"),
            h("a", { href: ctx.url(data.pages.quiz) + `?deck=path:${encodeURIComponent(id)}` }, GD.t("test_yourself"))));
    };
    for (const li of list.querySelectorAll("li[data-gd-slug]")) {
      const a = li.querySelector("a");
      if (a) a.setAttribute("data-gd-slug", li.getAttribute("data-gd-slug"));
    }
    update(store.get());
    el.hidden = false;
    GD.onProgress(el, update);
  });

  // The end of a term page: mark it read, see quiz results and the paths it belongs to.
  GD.register("term-progress", async (el, ctx) => {
    const data = await ctx.terms();
    const store = await ctx.store();
    const slug = el.getAttribute("data-gd-term");
    const term = data.bySlug.get(slug);
    if (!term) return;
    const button = h("button", { type: "button", class: "md-button gd-read-toggle" });
    const info = h("span", { class: "gd-term-progress__info" });
    const paths = data.paths.filter((p) => p.terms.includes(slug));
    const pathList = h("ul", { class: "gd-term-progress__paths" });
    const update = (p) => {
      const read = !!p.read[slug];
      button.setAttribute("aria-pressed", String(read));
      button.textContent = read ? "✓ " + GD.t("marked_read") : GD.t("mark_read");
      const answers = Object.entries(p.quiz).filter(([, r]) => r.term === slug);
      const right = answers.filter(([, r]) => r.lastRight).length;
      info.textContent = answers.length ? GD.n("quiz_last_time", term.questions, { right }) : "";
      GD.fill(pathList, ...paths.map((path) => {
        const st = pathStats(path, p);
        return h("li", null, h("a", { href: ctx.url(path.url) }, path.title), " ", GD.progressBar(st.read, st.total, GD.t("progress_on", { path: path.title })));
      }));
    };
    button.addEventListener("click", () => {
      try {
        store.update((p) => {
          const v = JSON.parse(JSON.stringify(p));
          if (v.read[slug]) delete v.read[slug]; else v.read[slug] = new Date().toISOString();
          return v;
        });
      } catch (err) {
        info.textContent = GD.t("could_not_save");
      }
    });
    el.append(h("p", { class: "gd-term-progress__row" }, button, " ", info),
      paths.length ? h("div", null, h("p", { class: "gd-term-progress__label" }, GD.t("on_paths")), pathList) : null);
    update(store.get());
    el.hidden = false;
    GD.onProgress(el, update);
  });

  GD.randomTerm = function (ctx, data, slugs) {
    const pool = slugs && slugs.length ? slugs : data.terms.map((t) => t.slug);
    const slug = pool[Math.floor(Math.random() * pool.length)];
    GD.navigate(ctx.url(data.bySlug.get(slug).url));
  };

  GD.register("random-term", async (el, ctx) => {
    const data = await ctx.terms();
    const store = await ctx.store();
    const unread = () => data.terms.map((t) => t.slug).filter((s) => !store.get().read[s]);
    const any = h("button", { type: "button", class: "md-button" }, GD.t("random_term"));
    const fresh = h("button", { type: "button", class: "md-button" }, GD.t("random_unread"));
    any.addEventListener("click", () => GD.randomTerm(ctx, data));
    fresh.addEventListener("click", () => GD.randomTerm(ctx, data, unread()));
    el.append(h("p", { class: "gd-random" }, any, " ", fresh));
    el.hidden = false;
  });
})();
