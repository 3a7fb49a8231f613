/* Flashcards with SM-2 spaced repetition (sm2.js). A session holds the deck's due cards and up to
 * NEW_PER_SESSION new ones; cards graded Again or Hard come back later in the same session without
 * changing their schedule again (SM-2 step 7). Front: the term (or, reversed, its TL;DR with the
 * term's names hidden); back: TL;DR and misconception (or the term). Keys: Space/Enter turn the
 * card, 1-4 grade it. */
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
    const sm2 = GD.sm2;
    const deckId = GD.uid("gd-deck");
    const revId = GD.uid("gd-rev");
    const deck = GD.deckSelect(data, deckId, GD.urlParam("deck"));
    const reverse = h("input", { type: "checkbox", id: revId });
    const start = h("button", { type: "button", class: "md-button md-button--primary" }, "Start reviewing");
    const status = h("p", { class: "gd-cards__status", role: "status" });
    const lastResult = h("p", { class: "gd-cards__result", "aria-live": "polite" });
    const stage = h("div", { class: "gd-cards__stage" });
    el.append(h("div", { class: "gd-controls" },
      h("label", { for: deckId }, "Deck"), deck,
      h("span", { class: "gd-check" }, reverse, h("label", { for: revId }, "Reversed: TL;DR first")), start),
      status, stage, lastResult);
    el.hidden = false;

    let session = null;

    function cardId(slug) { return reverse.checked ? `${slug}:reverse` : slug; }

    function buildSession() {
      const today = sm2.dayString();
      const progress = store.get();
      const slugs = GD.deckTerms(data, progress, deck.value);
      const due = [], fresh = [];
      let nextDue = null;
      for (const slug of slugs) {
        const card = progress.cards[cardId(slug)];
        if (!card) fresh.push(slug);
        else if (sm2.isDue(card, today)) due.push(slug);
        else if (!nextDue || card.due < nextDue) nextDue = card.due;
      }
      due.sort((a, b) => progress.cards[cardId(a)].due.localeCompare(progress.cards[cardId(b)].due));
      const newOnes = fresh.slice(0, NEW_PER_SESSION);
      return { queue: [...due, ...newOnes], done: 0, total: due.length + newOnes.length,
               moreNew: fresh.length - newOnes.length, nextDue, today };
    }

    function run() {
      session = buildSession();
      lastResult.textContent = "";
      show();
    }

    function show() {
      const s = session;
      if (!s.queue.length) {
        GD.fill(stage);
        const parts = [s.done ? `Session done: ${GD.plural(s.done, "review")}.` : "Nothing is due in this deck."];
        const progress = store.get();
        const upcoming = GD.deckTerms(data, progress, deck.value)
          .map((slug) => progress.cards[cardId(slug)]).filter((c) => c && c.due > s.today)
          .map((c) => c.due).sort()[0];
        if (upcoming) parts.push(`The next card is due ${GD.inDays(sm2.daysBetween(s.today, upcoming))}, on ${GD.formatDay(upcoming)}.`);
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
        (card ? ` · this card was due ${GD.formatDay(card.due)}` : " · a new card");
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
      const preview = sm2.preview(card, s.today);
      const grades = h("div", { class: "gd-card__grades", role: "group", "aria-label": "How well did you recall it?", hidden: true },
        sm2.GRADES.map((g, i) => {
          const b = h("button", { type: "button", class: `gd-grade gd-grade--${g}`, "data-gd-grade": g },
            h("span", { class: "gd-grade__name" }, GRADE_LABEL[g]),
            h("span", { class: "gd-grade__when" }, GD.inDays(preview[g])), h("kbd", { "aria-hidden": "true" }, String(i + 1)));
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
      const current = store.get().cards[id];
      // Only the first review of a card in a session reschedules it; re-drills don't (SM-2 step 7).
      s.seen = s.seen || new Set();
      let next = current;
      if (!s.seen.has(id)) {
        next = sm2.review(current, g, s.today);
        try {
          store.update((p) => { const v = JSON.parse(JSON.stringify(p)); v.cards[id] = next; return v; });
        } catch (err) {
          lastResult.textContent = "This review could not be saved: the browser's storage is full or blocked.";
          return;
        }
        s.seen.add(id);
      }
      s.queue.shift();
      if (sm2.needsRedrill(g)) s.queue.push(slug); else s.done += 1;
      const days = sm2.daysBetween(s.today, next.due);
      GD.fill(lastResult, h("span", { class: "gd-cards__graded" }, `${term.title}: ${GRADE_LABEL[g]}. `),
        "Next review ", h("strong", { "data-gd-next-due": next.due }, `${GD.inDays(days)}, on ${GD.formatDay(next.due)}`),
        sm2.needsRedrill(g) ? ". It comes back once more in this session." : ".");
      show();
    }

    GD.onKey(el, (ev) => {
      if (!session || !session.queue.length || !stage.gdFlip) return;
      const back = stage.querySelector(".gd-card__back");
      if ((ev.key === " " || ev.key === "Enter") && back && back.hidden) {
        if (ev.target && ev.target.closest && ev.target.closest("button, a, summary")) return; // its own click turns it
        ev.preventDefault();
        stage.gdFlip();
      } else if (/^[1-4]$/.test(ev.key) && back && !back.hidden) {
        ev.preventDefault();
        grade(session.queue[0], sm2.GRADES[Number(ev.key) - 1]);
      }
    });
    start.addEventListener("click", run);
    if (GD.urlParam("deck")) run();
  });
})();
