/* "My progress": what the reader has read, answered and scheduled, path by path; export to a JSON
 * file, import one back (checked before anything changes, then merged), and reset. */
(function () {
  "use strict";
  const GD = window.glossdeck;
  const { h } = GD;

  function fileName(site) {
    const slug = (site || "glossary").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "glossary";
    return `${slug}-progress-${GD.scheduler.dayString()}.json`;
  }

  GD.register("progress", async (el, ctx) => {
    const data = await ctx.terms();
    const store = await ctx.store();
    const fsrs = GD.scheduler;
    const overview = h("div", { class: "gd-progress__overview" });
    const paths = h("div", { class: "gd-progress__paths" });
    const mistakes = h("div", { class: "gd-progress__mistakes" });
    const schedule = h("div", { class: "gd-progress__schedule" });
    const message = h("div", { class: "gd-progress__message", role: "status", "aria-live": "polite" });
    const fileId = GD.uid("gd-import");
    const input = h("input", { type: "file", id: fileId, accept: "application/json,.json", class: "gd-file" });
    const exportButton = h("button", { type: "button", class: "md-button md-button--primary" }, GD.t("export"));
    const resetButton = h("button", { type: "button", class: "md-button gd-danger" }, GD.t("reset"));

    function render(p) {
      const now = new Date();
      const today = fsrs.dayString(now);
      const known = (slug) => data.bySlug.has(slug);
      const read = Object.keys(p.read).filter(known);
      const answers = Object.values(p.quiz).filter((r) => known(r.term));
      const rightNow = answers.filter((r) => r.lastRight).length;
      const cards = Object.entries(p.cards).filter(([id]) => known(id.split(":")[0]));
      const due = cards.filter(([, c]) => fsrs.isDue(c, now)).length;
      GD.fill(overview, h("ul", { class: "gd-stats" },
        h("li", null, GD.t("stat_read", { read: read.length, total: data.terms.length })),
        h("li", null, GD.t("stat_answered", { count: answers.length, right: rightNow })),
        h("li", null, GD.t("stat_cards", { count: cards.length, due }))),
        store.migrated
          ? h("p", { class: "gd-hint" }, GD.t("migrated_sm2"))
          : null,
        store.problem === "unreadable"
          ? h("p", { class: "gd-error" }, GD.t("unreadable"))
          : null);

      GD.fill(paths, h("h2", { id: "gd-my-paths" }, GD.t("learning_paths")), h("ul", { class: "gd-path-list" }, data.paths.map((path) => {
        const st = GD.pathStats(path, p);
        const next = st.next && data.bySlug.get(st.next);
        return h("li", null, h("a", { href: ctx.url(path.url) }, path.title), " ", GD.progressBar(st.read, st.total, GD.t("progress_on", { path: path.title })),
          next ? [" · ", GD.t("next_up"), h("a", { href: ctx.url(next.url) }, next.title)] : " · " + GD.t("path_finished"));
      })));

      const wrong = Object.entries(p.quiz).filter(([, r]) => !r.lastRight && known(r.term))
        .sort((a, b) => b[1].last.localeCompare(a[1].last));
      const mistakeTerms = [...new Set(wrong.map(([, r]) => r.term))];
      GD.fill(mistakes, h("h2", { id: "gd-my-mistakes" }, GD.t("to_revisit")), mistakeTerms.length
        ? [h("p", null, GD.t("wrong_last_time")),
           h("ul", null, mistakeTerms.map((slug) => h("li", null, h("a", { href: ctx.url(data.bySlug.get(slug).url) }, data.bySlug.get(slug).title)))),
           h("p", null, h("a", { href: ctx.url(data.pages.quiz) + "?deck=mistakes" }, GD.t("quiz_for_mistakes")), " · ",
             h("a", { href: ctx.url(data.pages.flashcards) + "?deck=mistakes" }, GD.t("cards_for_mistakes")))]
        : h("p", null, GD.t("nothing_wrong")));

      const upcoming = cards.map(([id, c]) => ({ id, c })).sort((a, b) => fsrs.dueTime(a.c) - fsrs.dueTime(b.c)).slice(0, 10);
      GD.fill(schedule, h("h2", { id: "gd-my-cards" }, GD.t("next_cards")), upcoming.length
        ? h("ul", null, upcoming.map(({ id, c }) => {
            const [slug, side] = id.split(":");
            const t = data.bySlug.get(slug);
            return h("li", null, h("a", { href: ctx.url(t.url) }, t.title), side ? GD.t("reversed") : "", GD.t("due"),
              h("span", { "data-gd-due": fsrs.dayString(c.due) }, c.scheduled >= 1 || fsrs.isDue(c, now)
                ? `${GD.inDays(fsrs.daysBetween(today, fsrs.dayString(c.due)))} (${GD.formatDay(fsrs.dayString(c.due))})`
                : fsrs.describe(Date.parse(c.due) - now.getTime(), 0, GD.language())));
          }))
        : h("p", null, GD.t("no_cards"), h("a", { href: ctx.url(data.pages.flashcards) }, GD.t("start_cards"))));
    }

    exportButton.addEventListener("click", () => {
      const blob = new Blob([store.exportText()], { type: "application/json" });
      const url = URL.createObjectURL(blob);
      const a = h("a", { href: url, download: fileName(data.site), hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      GD.fill(message, h("p", null, GD.t("exported")));
    });

    input.addEventListener("change", async () => {
      const file = input.files && input.files[0];
      if (!file) return;
      let text;
      try {
        text = await file.text();
      } catch (err) {
        text = "";
      }
      const result = store.importText(text);
      input.value = "";
      if (!result.ok) {
        GD.fill(message, h("div", { class: "gd-error", role: "alert" },
          h("p", null, h("strong", null, GD.t("not_imported", { file: file.name }))),
          h("ul", null, result.errors.map((e) => h("li", null, e)))));
        return;
      }
      GD.fill(message, h("p", { class: "gd-ok" },
        GD.t("imported", { file: file.name, added: result.added, updated: result.updated })));
    });

    resetButton.addEventListener("click", () => {
      if (!window.confirm(GD.t("confirm_reset"))) return;
      store.clear();
      document.dispatchEvent(new CustomEvent("glossdeck:progress", { detail: store.get() }));
      GD.fill(message, h("p", null, GD.t("was_reset")));
    });

    el.append(overview, paths, mistakes, schedule,
      h("h2", { id: "gd-my-data" }, GD.t("keep_or_move")),
      h("p", null, GD.t("export_help")),
      h("div", { class: "gd-controls" }, exportButton,
        h("span", { class: "gd-file-field" }, input, h("label", { for: fileId, class: "md-button" }, GD.t("import"))),
        resetButton),
      message);
    render(store.get());
    el.hidden = false;
    GD.onProgress(el, render);
  });
})();
