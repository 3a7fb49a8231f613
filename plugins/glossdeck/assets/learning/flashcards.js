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
  const gradeLabel = (g) => GD.t(`grade_${g}`); // grade_again, grade_hard, grade_good, grade_easy
  /** How far ahead, in the site's language ("in 10 minutes", "10分钟后"). */
  const describe = (ms, days) => GD.scheduler.describe(ms, days, GD.language());
  /** A message with one element in a placeholder's place: GD.t's text, the element where {name} is. */
  const tEl = (key, name, node, values) => GD.tn(GD.t(key, Object.assign({}, values, { [name]: `{${name}}` })), { [name]: node });
  const nEl = (key, count, name, node) => GD.tn(GD.n(key, count, { [name]: `{${name}}` }), { [name]: node });

  // Scripts that write no spaces between words (Han, kana, Thai, Lao, Khmer, Myanmar): there a name
  // is hidden inside a longer run of characters too (容器 in 容器化), as learning/quiz.py does.
  const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
  const WORD = /[\p{L}\p{M}\p{N}_]/u;
  const spaced = (ch) => !UNSPACED.test(ch);
  // the character next to a name makes it part of a longer word (both of scripts with spaces)
  const joins = (ch, edge) => ch !== undefined && WORD.test(ch) && spaced(ch) && spaced(edge);

  /** The TL;DR with the term's own names hidden (whole words, any case, simple plurals). */
  function mask(text, term) {
    let out = text;
    const names = [term.title, ...term.aliases].filter(Boolean).sort((a, b) => b.length - a.length);
    for (const name of names) {
      const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      out = out.replace(new RegExp(`${escaped}(?:e?s)?`, "giu"), (match, at, whole) => {
        const chars = [...match];
        const before = [...whole.slice(0, at)].pop(), after = [...whole.slice(at + match.length)][0];
        return joins(before, chars[0]) || joins(after, chars[chars.length - 1]) ? match : "_____";
      });
    }
    return out;
  }

  GD.register("flashcards", async (el, ctx) => {
    const data = await ctx.withCards();
    const store = await ctx.store();
    const fsrs = GD.scheduler;
    const PS = GD.progressStore;
    const deckId = GD.uid("gd-deck");
    const revId = GD.uid("gd-rev");
    const retId = GD.uid("gd-retention");
    const deck = GD.deckSelect(data, deckId, GD.urlParam("deck"));
    const reverse = h("input", { type: "checkbox", id: revId });
    const start = h("button", { type: "button", class: "md-button md-button--primary" }, GD.t("start_reviewing"));
    const retention = h("input", { type: "number", id: retId, class: "gd-retention", inputmode: "numeric",
      min: String(Math.round(fsrs.RETENTION.min * 100)), max: String(Math.round(fsrs.RETENTION.max * 100)), step: "1",
      value: String(Math.round(PS.retention(store.get()) * 100)), "aria-describedby": retId + "-hint" });
    const retentionHint = h("span", { class: "gd-hint", id: retId + "-hint" },
      GD.t("retention_hint"));
    const summary = h("ul", { class: "gd-stats gd-cards__summary", "aria-label": GD.t("review_summary") });
    const status = h("p", { class: "gd-cards__status", role: "status" });
    const lastResult = h("p", { class: "gd-cards__result", "aria-live": "polite" });
    const stage = h("div", { class: "gd-cards__stage" });
    el.append(summary, h("div", { class: "gd-controls" },
      h("label", { for: deckId }, GD.t("deck")), deck,
      h("span", { class: "gd-check" }, reverse, h("label", { for: revId }, GD.t("reversed_first"))), start),
      h("div", { class: "gd-controls gd-cards__settings" },
        h("label", { for: retId }, GD.t("desired_retention")), retention, h("span", { "aria-hidden": "true" }, "%"), retentionHint),
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
      const retained = h("strong", { "data-gd-summary": "retention" }, counted ? GD.percent(sum / counted) : "–");
      GD.fill(summary,
        h("li", null, tEl("summary_due", "due", h("strong", { "data-gd-summary": "due" }, GD.num(dueToday)))),
        h("li", null, tEl("summary_reviewed", "reviewed", h("strong", { "data-gd-summary": "reviewed" }, GD.num(reviewed)))),
        h("li", null, counted ? nEl("summary_retention", counted, "retention", retained)
          : tEl("summary_retention_none", "retention", retained)),
        h("li", null, tEl("summary_streak", "streak", h("strong", { "data-gd-summary": "streak" }, GD.n("days", streak)))));
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
        const parts = [s.done ? GD.n("session_done", s.done) : GD.t("nothing_due")];
        const progress = store.get();
        const upcoming = GD.deckTerms(data, progress, deck.value)
          .map((slug) => progress.cards[cardId(slug)]).filter((c) => c && !fsrs.isDue(c, new Date()))
          .sort((a, b) => fsrs.dueTime(a) - fsrs.dueTime(b))[0];
        if (upcoming) {
          const when = upcoming.scheduled >= 1
            ? GD.t("when_on_day", { when: GD.inDays(fsrs.daysBetween(fsrs.dayString(), fsrs.dayString(upcoming.due))),
                                    day: GD.formatDay(fsrs.dayString(upcoming.due)) })
            : describe(Date.parse(upcoming.due) - Date.now(), 0);
          parts.push(GD.t("next_card_due", { when }));
        }
        if (s.moreNew > 0) parts.push(GD.n("new_cards_left", s.moreNew));
        status.textContent = parts.join(" ");
        const again = h("button", { type: "button", class: "md-button" }, GD.t("another_session"));
        again.addEventListener("click", run);
        stage.append(again);
        return;
      }
      const slug = s.queue[0];
      const term = data.bySlug.get(slug);
      const card = store.get().cards[cardId(slug)];
      status.textContent = GD.n("cards_left", s.queue.length) +
        (!card ? GD.t("card_new") : card.scheduled >= 1 ? GD.t("card_was_due", { day: GD.formatDay(fsrs.dayString(card.due)) })
          : GD.t("card_learning"));
      const frontId = GD.uid("gd-front");
      const front = reverse.checked
        ? h("div", { class: "gd-card__front", id: frontId }, h("p", { class: "gd-card__label" }, GD.t("which_term")),
            h("p", { class: "gd-card__text" }, mask(term.tldr, term)))
        : h("div", { class: "gd-card__front", id: frontId }, h("p", { class: "gd-card__label" }, GD.t("what_is_it")),
            h("p", { class: "gd-card__title" }, term.title));
      const back = h("div", { class: "gd-card__back", hidden: true });
      if (reverse.checked) {
        back.append(h("p", { class: "gd-card__title" }, term.title));
      } else {
        back.append(h("p", { class: "gd-card__text" }, h("strong", null, GD.t("tldr_label")), term.tldr));
        if (term.misconception) {
          back.append(h("p", { class: "gd-card__text" }, h("strong", null, GD.t("misconception_label")), term.misconception.belief),
            h("p", { class: "gd-card__text" }, h("strong", null, GD.t("in_fact")), term.misconception.correction));
        }
      }
      back.append(h("p", null, h("a", { href: ctx.url(term.url) }, GD.t("open_term", { term: term.title }))));
      const turn = h("button", { type: "button", class: "md-button md-button--primary gd-card__turn" },
        GD.t("show_answer"), h("kbd", null, GD.t("key_space")));
      const preview = fsrs.preview(card, new Date(), want());
      const grades = h("div", { class: "gd-card__grades", role: "group", "aria-label": GD.t("how_well"), hidden: true },
        fsrs.GRADES.map((g, i) => {
          const when = describe(preview[g].ms, preview[g].days);
          const b = h("button", { type: "button", class: `gd-grade gd-grade--${g}`, "data-gd-grade": g, "data-gd-when": when },
            h("span", { class: "gd-grade__name" }, gradeLabel(g)),
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
        lastResult.textContent = GD.t("review_not_saved");
        return;
      }
      s.queue.shift();
      // still in its learning steps (minutes away): it comes back in this session, after the others
      const learning = next.scheduled < 1;
      if (learning) s.queue.push(slug); else s.done += 1;
      const whenText = learning ? describe(Date.parse(next.due) - now.getTime(), 0)
        : GD.t("when_on_day", { when: GD.inDays(next.scheduled), day: GD.formatDay(fsrs.dayString(next.due)) });
      GD.fill(lastResult, h("span", { class: "gd-cards__graded" }, GD.t("graded", { term: term.title, grade: gradeLabel(g) })),
        tEl(learning ? "next_review_learning" : "next_review", "when",
          h("strong", { "data-gd-next-due": fsrs.dayString(next.due) }, whenText)));
      show();
    }

    retention.addEventListener("change", () => {
      const value = fsrs.clampRetention(Number(retention.value) / 100);
      retention.value = String(Math.round(value * 100));
      try {
        store.update((p) => Object.assign({}, p, { settings: Object.assign({}, p.settings, { retention: value }) }));
      } catch (err) {
        lastResult.textContent = GD.t("setting_not_saved");
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
