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
    const exportButton = h("button", { type: "button", class: "md-button md-button--primary" }, "Export progress");
    const resetButton = h("button", { type: "button", class: "md-button gd-danger" }, "Reset progress");

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
        h("li", null, h("strong", null, `${read.length} of ${data.terms.length}`), " terms read"),
        h("li", null, h("strong", null, String(answers.length)), ` questions answered, ${rightNow} right the last time`),
        h("li", null, h("strong", null, String(cards.length)), ` flashcards in review, ${due} due today`)),
        store.migrated
          ? h("p", { class: "gd-hint" }, "Your flashcards were scheduled with SM-2 before; they now follow FSRS, each on the day SM-2 had set. The old record stays inside each card.")
          : null,
        store.problem === "unreadable"
          ? h("p", { class: "gd-error" }, "The progress stored in this browser could not be read, so it starts afresh; the old copy is kept aside.")
          : null);

      GD.fill(paths, h("h2", { id: "gd-my-paths" }, "Learning paths"), h("ul", { class: "gd-path-list" }, data.paths.map((path) => {
        const st = GD.pathStats(path, p);
        const next = st.next && data.bySlug.get(st.next);
        return h("li", null, h("a", { href: ctx.url(path.url) }, path.title), " ", GD.progressBar(st.read, st.total, `Progress on ${path.title}`),
          next ? [" · next: ", h("a", { href: ctx.url(next.url) }, next.title)] : " · done");
      })));

      const wrong = Object.entries(p.quiz).filter(([, r]) => !r.lastRight && known(r.term))
        .sort((a, b) => b[1].last.localeCompare(a[1].last));
      const mistakeTerms = [...new Set(wrong.map(([, r]) => r.term))];
      GD.fill(mistakes, h("h2", { id: "gd-my-mistakes" }, "To revisit"), mistakeTerms.length
        ? [h("p", null, "Terms with a question you got wrong the last time:"),
           h("ul", null, mistakeTerms.map((slug) => h("li", null, h("a", { href: ctx.url(data.bySlug.get(slug).url) }, data.bySlug.get(slug).title)))),
           h("p", null, h("a", { href: ctx.url(data.pages.quiz) + "?deck=mistakes" }, "Quiz on my mistakes"), " · ",
             h("a", { href: ctx.url(data.pages.flashcards) + "?deck=mistakes" }, "Flashcards for my mistakes"))]
        : h("p", null, "Nothing: no question was answered wrong the last time."));

      const upcoming = cards.map(([id, c]) => ({ id, c })).sort((a, b) => fsrs.dueTime(a.c) - fsrs.dueTime(b.c)).slice(0, 10);
      GD.fill(schedule, h("h2", { id: "gd-my-cards" }, "Next flashcards"), upcoming.length
        ? h("ul", null, upcoming.map(({ id, c }) => {
            const [slug, side] = id.split(":");
            const t = data.bySlug.get(slug);
            return h("li", null, h("a", { href: ctx.url(t.url) }, t.title), side ? " (reversed)" : "", ": due ",
              h("span", { "data-gd-due": fsrs.dayString(c.due) }, c.scheduled >= 1 || fsrs.isDue(c, now)
                ? `${GD.inDays(fsrs.daysBetween(today, fsrs.dayString(c.due)))} (${GD.formatDay(fsrs.dayString(c.due))})`
                : fsrs.describe(Date.parse(c.due) - now.getTime(), 0)));
          }))
        : h("p", null, "No flashcards reviewed yet. ", h("a", { href: ctx.url(data.pages.flashcards) }, "Start with the flashcards")));
    }

    exportButton.addEventListener("click", () => {
      const blob = new Blob([store.exportText()], { type: "application/json" });
      const url = URL.createObjectURL(blob);
      const a = h("a", { href: url, download: fileName(data.site), hidden: true });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      GD.fill(message, h("p", null, "Progress exported. Keep the file: importing it restores this progress."));
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
          h("p", null, h("strong", null, `“${file.name}” was not imported; your progress is unchanged.`)),
          h("ul", null, result.errors.map((e) => h("li", null, e)))));
        return;
      }
      GD.fill(message, h("p", { class: "gd-ok" },
        `Imported “${file.name}”: ${GD.plural(result.added, "new record")}, ${GD.plural(result.updated, "newer record")} taken from the file.`));
    });

    resetButton.addEventListener("click", () => {
      if (!window.confirm("Delete all your progress on this site from this browser? Export it first if you may want it back.")) return;
      store.clear();
      document.dispatchEvent(new CustomEvent("glossdeck:progress", { detail: store.get() }));
      GD.fill(message, h("p", null, "Progress reset."));
    });

    el.append(overview, paths, mistakes, schedule,
      h("h2", { id: "gd-my-data" }, "Keep or move your progress"),
      h("p", null, "Export writes everything to a JSON file. Import reads such a file back and merges it: "
        + "for each question and card the newer record wins, and read terms stay read."),
      h("div", { class: "gd-controls" }, exportButton,
        h("span", { class: "gd-file-field" }, input, h("label", { for: fileId, class: "md-button" }, "Import progress…")),
        resetButton),
      message);
    render(store.get());
    el.hidden = false;
    GD.onProgress(el, render);
  });
})();
