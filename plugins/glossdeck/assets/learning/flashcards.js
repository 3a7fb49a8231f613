/* Flashcards scheduled by FSRS-6 (scheduler.js over ts-fsrs). A session holds the deck's due cards
 * and up to NEW_PER_SESSION new ones; a card in its short learning steps (minutes away) comes back
 * later in the same session, as in Anki. Each grade button shows the interval it gives. Front: the
 * term (or, reversed, its TL;DR with the term's names hidden); back: TL;DR and misconception (or
 * the term). Above the cards: the review summary (due today, reviewed today, estimated retention,
 * streak) and the reader's desired retention. Below: the deck to take into Anki. Keys: Space/Enter
 * turn the card, 1-4 grade it. */
(function () {
  "use strict";
  const GD = window.glossdeck;
  const { h } = GD;
  const NEW_PER_SESSION = 10;
  const GRADE_LABEL = { again: "Again", hard: "Hard", good: "Good", easy: "Easy" };

  function mask(text, term) {
    let out = text;
    const names = [term.title, ...term.aliases].sort((a, b) => b.length - a.length);
    for (const name of names) {
      const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?:e?s)?(?![\\p{L}\\p{N}])`, "giu"), "_____");
    }
    return out;
  }

  GD.register("flashcards", async (el, ctx) => {
    const data = await ctx.terms();
    const store = await ctx.store();
    const fsrs = GD.scheduler;
    const PS = GD.progressStore;
    const deckId = GD.uid("gd-deck");
    const revId = GD.uid("gd-rev");
    const retId = GD.uid("gd-retention");
    const deck = GD.deckSelect(data, deckId, GD.urlParam("deck"));
    const reverse = h("input", { type: "checkbox", id: revId });
    const start = h("button", { type: "button", class: "md-button md-button--primary" }, "Start reviewing");
    const retention = h("input", { type: "number", id: retId, class: "gd-retention", inputmode: "numeric",
      min: String(Math.round(fsrs.RETENTION.min * 100)), max: String(Math.round(fsrs.RETENTION.max * 100)), step: "1",
      value: String(Math.round(PS.retention(store.get()) * 100)), "aria-describedby": retId + "-hint" });
    const retentionHint = h("span", { class: "gd-hint", id: retId + "-hint" },
      "Higher: more reviews, fewer cards forgotten. 90 % suits most readers.");
    const summary = h("ul", { class: "gd-stats gd-cards__summary", "aria-label": "Review summary" });
    const status = h("p", { class: "gd-cards__status", role: "status" });
    const lastResult = h("p", { class: "gd-cards__result", "aria-live": "polite" });
    const stage = h("div", { class: "gd-cards__stage" });
    el.append(summary, h("div", { class: "gd-controls" },
      h("label", { for: deckId }, "Deck"), deck,
      h("span", { class: "gd-check" }, reverse, h("label", { for: revId }, "Reversed: TL;DR first")), start),
      h("div", { class: "gd-controls gd-cards__settings" },
        h("label", { for: retId }, "Desired retention"), retention, h("span", { "aria-hidden": "true" }, "%"), retentionHint),
      status, stage, lastResult);
    el.hidden = false;

    let session = null;

    function cardId(slug) { return reverse.checked ? `${slug}:reverse` : slug; }
    function want() { return PS.retention(store.get()); }

    /** Due today, reviewed today, estimated retention, streak: over the chosen deck and side. */
    function renderSummary() {
      const progress = store.get();
      const now = new Date();
      const today = fsrs.dayString(now);
      const endOfDay = fsrs.parseDay(fsrs.addDays(today, 1));
      let dueToday = 0, sum = 0, counted = 0;
      for (const slug of GD.deckTerms(data, progress, deck.value)) {
        const card = progress.cards[cardId(slug)];
        if (!card) continue;
        if (fsrs.isDue(card, new Date(endOfDay.getTime() - 1))) dueToday += 1;
        sum += fsrs.retrievability(card, now, want());
        counted += 1;
      }
      const reviewed = (progress.reviews || {})[today] || 0;
      const streak = fsrs.streak(progress.reviews, today);
      GD.fill(summary,
        h("li", null, h("strong", { "data-gd-summary": "due" }, String(dueToday)), " due today"),
        h("li", null, h("strong", { "data-gd-summary": "reviewed" }, String(reviewed)), " reviewed today"),
        h("li", null, h("strong", { "data-gd-summary": "retention" }, counted ? `${Math.round((sum / counted) * 100)} %` : "–"),
          " estimated retention", counted ? ` of ${GD.plural(counted, "card")} in review` : " (no card reviewed yet)"),
        h("li", null, h("strong", { "data-gd-summary": "streak" }, GD.plural(streak, "day")), " streak"));
    }

    function buildSession() {
      const now = new Date();
      const progress = store.get();
      const slugs = GD.deckTerms(data, progress, deck.value);
      const due = [], fresh = [];
      for (const slug of slugs) {
        const card = progress.cards[cardId(slug)];
        if (!card) fresh.push(slug);
        else if (fsrs.isDue(card, now)) due.push(slug);
      }
      due.sort((a, b) => fsrs.dueTime(progress.cards[cardId(a)]) - fsrs.dueTime(progress.cards[cardId(b)]));
      const newOnes = fresh.slice(0, NEW_PER_SESSION);
      return { queue: [...due, ...newOnes], done: 0, moreNew: fresh.length - newOnes.length };
    }

    function run() {
      session = buildSession();
      lastResult.textContent = "";
      show();
    }

    function show() {
      const s = session;
      renderSummary();
      if (!s.queue.length) {
        GD.fill(stage);
        const parts = [s.done ? `Session done: ${GD.plural(s.done, "review")}.` : "Nothing is due in this deck."];
        const progress = store.get();
        const upcoming = GD.deckTerms(data, progress, deck.value)
          .map((slug) => progress.cards[cardId(slug)]).filter((c) => c && !fsrs.isDue(c, new Date()))
          .sort((a, b) => fsrs.dueTime(a) - fsrs.dueTime(b))[0];
        if (upcoming) {
          const when = upcoming.scheduled >= 1
            ? `${GD.inDays(fsrs.daysBetween(fsrs.dayString(), fsrs.dayString(upcoming.due)))}, on ${GD.formatDay(fsrs.dayString(upcoming.due))}`
            : fsrs.describe(Date.parse(upcoming.due) - Date.now(), 0);
          parts.push(`The next card is due ${when}.`);
        }
        if (s.moreNew > 0) parts.push(`${GD.plural(s.moreNew, "new card")} left for another session.`);
        status.textContent = parts.join(" ");
        const again = h("button", { type: "button", class: "md-button" }, "Start another session");
        again.addEventListener("click", run);
        stage.append(again);
        return;
      }
      const slug = s.queue[0];
      const term = data.bySlug.get(slug);
      const card = store.get().cards[cardId(slug)];
      status.textContent = `${GD.plural(s.queue.length, "card")} left in this session` +
        (!card ? " · a new card" : card.scheduled >= 1 ? ` · this card was due ${GD.formatDay(fsrs.dayString(card.due))}`
          : " · still learning this card");
      const frontId = GD.uid("gd-front");
      const front = reverse.checked
        ? h("div", { class: "gd-card__front", id: frontId }, h("p", { class: "gd-card__label" }, "Which term is this?"),
            h("p", { class: "gd-card__text" }, mask(term.tldr, term)))
        : h("div", { class: "gd-card__front", id: frontId }, h("p", { class: "gd-card__label" }, "What is it? Recall, then turn the card."),
            h("p", { class: "gd-card__title" }, term.title));
      const back = h("div", { class: "gd-card__back", hidden: true });
      if (reverse.checked) {
        back.append(h("p", { class: "gd-card__title" }, term.title));
      } else {
        back.append(h("p", { class: "gd-card__text" }, h("strong", null, "TL;DR: "), term.tldr));
        if (term.misconception) {
          back.append(h("p", { class: "gd-card__text" }, h("strong", null, "Common misconception: "), term.misconception.belief),
            h("p", { class: "gd-card__text" }, h("strong", null, "In fact: "), term.misconception.correction));
        }
      }
      back.append(h("p", null, h("a", { href: ctx.url(term.url) }, `Open ${term.title}`)));
      const turn = h("button", { type: "button", class: "md-button md-button--primary gd-card__turn" },
        "Show the answer ", h("kbd", null, "Space"));
      const preview = fsrs.preview(card, new Date(), want());
      const grades = h("div", { class: "gd-card__grades", role: "group", "aria-label": "How well did you recall it?", hidden: true },
        fsrs.GRADES.map((g, i) => {
          const when = fsrs.describe(preview[g].ms, preview[g].days);
          const b = h("button", { type: "button", class: `gd-grade gd-grade--${g}`, "data-gd-grade": g, "data-gd-when": when },
            h("span", { class: "gd-grade__name" }, GRADE_LABEL[g]),
            h("span", { class: "gd-grade__when" }, when), h("kbd", { "aria-hidden": "true" }, String(i + 1)));
          b.addEventListener("click", () => grade(slug, g));
          return b;
        }));
      turn.addEventListener("click", () => flip());
      function flip() {
        if (!back.hidden) return;
        back.hidden = false;
        turn.hidden = true;
        grades.hidden = false;
        grades.querySelector(".gd-grade--good").focus();
      }
      GD.fill(stage, h("section", { class: "gd-card", "aria-labelledby": frontId }, front, back), turn, grades);
      stage.gdFlip = flip;
      turn.focus({ preventScroll: true });
    }

    function grade(slug, g) {
      const s = session;
      if (s.queue[0] !== slug) return;
      const id = cardId(slug);
      const term = data.bySlug.get(slug);
      const now = new Date();
      const next = fsrs.review(store.get().cards[id], g, now, want());
      try {
        store.update((p) => PS.recordReview(p, id, next, fsrs.dayString(now)));
      } catch (err) {
        lastResult.textContent = "This review could not be saved: the browser's storage is full or blocked.";
        return;
      }
      s.queue.shift();
      // still in its learning steps (minutes away): it comes back in this session, after the others
      const learning = next.scheduled < 1;
      if (learning) s.queue.push(slug); else s.done += 1;
      const whenText = learning ? fsrs.describe(Date.parse(next.due) - now.getTime(), 0)
        : `${GD.inDays(next.scheduled)}, on ${GD.formatDay(fsrs.dayString(next.due))}`;
      GD.fill(lastResult, h("span", { class: "gd-cards__graded" }, `${term.title}: ${GRADE_LABEL[g]}. `),
        "Next review ", h("strong", { "data-gd-next-due": fsrs.dayString(next.due) }, whenText),
        learning ? ". It comes back later in this session." : ".");
      show();
    }

    retention.addEventListener("change", () => {
      const value = fsrs.clampRetention(Number(retention.value) / 100);
      retention.value = String(Math.round(value * 100));
      try {
        store.update((p) => Object.assign({}, p, { settings: Object.assign({}, p.settings, { retention: value }) }));
      } catch (err) {
        lastResult.textContent = "The setting could not be saved: the browser's storage is full or blocked.";
      }
      if (session && session.queue.length && stage.gdFlip) show(); // the buttons' intervals follow
      else renderSummary();
    });
    deck.addEventListener("change", renderSummary);
    reverse.addEventListener("change", renderSummary);
    GD.onProgress(el, () => { if (!session || !session.queue.length) renderSummary(); });

    GD.onKey(el, (ev) => {
      if (!session || !session.queue.length || !stage.gdFlip) return;
      const back = stage.querySelector(".gd-card__back");
      if ((ev.key === " " || ev.key === "Enter") && back && back.hidden) {
        if (ev.target && ev.target.closest && ev.target.closest("button, a, summary")) return; // its own click turns it
        ev.preventDefault();
        stage.gdFlip();
      } else if (/^[1-4]$/.test(ev.key) && back && !back.hidden) {
        ev.preventDefault();
        grade(session.queue[0], fsrs.GRADES[Number(ev.key) - 1]);
      }
    });
    start.addEventListener("click", run);
    renderSummary();
    if (GD.urlParam("deck")) run();
  });
})();
