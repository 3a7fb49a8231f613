/* Quizzes: the questions on a term page ("Check yourself") and the quiz page, which draws a round
 * of questions from a deck. Answering shows at once whether it was right, the explanation, and a
 * link to the part of the term page that answers it; answers are saved to progress. */
(function () {
  "use strict";
  const GD = window.glossdeck;
  const { h } = GD;
  const KIND_LABEL = { "true-false": "true_false", choice: "choose_one", debt: "guess_debt" };

  function debtRight(truth, guess) {
    if (truth === 0 || guess === 0) return truth === guess; // 0 = does not apply: exact only
    return Math.abs(truth - guess) <= 1;
  }

  function choiceContent(choice) {
    if (choice.language) return h("code", { class: "gd-q__code", "data-language": choice.language }, choice.text);
    return choice.text;
  }

  /** One question as an element. `onAnswer(right)` is called once, after the reader answers. */
  function renderQuestion(q, data, ctx, store, options) {
    const opts = options || {};
    const promptId = GD.uid("gd-q");
    const term = data.bySlug.get(q.term);
    const feedback = h("div", { class: "gd-q__feedback", role: "status", "aria-live": "polite" });
    const buttons = [];
    const box = h("div", { class: "gd-q", role: "group", "aria-labelledby": promptId, "data-gd-question": q.id });
    const meta = h("p", { class: "gd-q__meta" }, GD.t(KIND_LABEL[q.kind] || "question"),
      opts.showTerm && q.source !== "tldr" && term ? ` · ${term.title}` : ""); // a TL;DR question must not name it
    const prompt = h("p", { class: "gd-q__prompt", id: promptId }, q.prompt);

    function answer(value, button) {
      if (box.hasAttribute("data-gd-answered")) return;
      box.setAttribute("data-gd-answered", "");
      let right, truthLabel;
      if (q.kind === "true-false") { right = value === q.answer; truthLabel = GD.t(q.answer ? "true" : "false"); }
      else if (q.kind === "debt") { right = debtRight(q.answer, value); truthLabel = q.answer === 0 ? GD.t("na") : String(q.answer); }
      else { right = value === q.answer; }
      box.classList.add(right ? "gd-q--right" : "gd-q--wrong");
      for (const b of buttons) {
        b.disabled = true;
        const v = b.gdValue;
        const isTruth = q.kind === "debt" ? v === q.answer : v === q.answer;
        if (isTruth) { b.classList.add("gd-choice--correct"); b.append(h("span", { class: "gd-sr" }, GD.t("correct_answer"))); }
      }
      button.classList.add("gd-choice--chosen");
      button.setAttribute("aria-pressed", "true");
      button.append(h("span", { class: "gd-sr" }, GD.t("your_answer")));
      let verdict = GD.t(right ? "right" : "not_quite");
      if (q.kind === "debt") verdict += " " + GD.t("it_is_you_said", { truth: truthLabel, guess: value === 0 ? GD.t("na") : value });
      else if (q.kind === "true-false" && !right) verdict += " " + GD.t("it_is", { truth: truthLabel });
      const link = h("a", { href: ctx.termUrl(data, q.term, q.see), class: "gd-q__see" },
        term ? GD.t("read_on_page", { term: term.title }) : GD.t("read_term"));
      feedback.append(h("p", { class: "gd-q__verdict" }, h("strong", null, verdict)),
        h("p", { class: "gd-q__explanation" }, q.explanation), h("p", null, link));
      try {
        store.update((p) => GD.progressStore.recordAnswer(p, q.id, q.term, right));
      } catch (err) {
        feedback.append(h("p", { class: "gd-error" }, GD.t("not_saved")));
      }
      if (opts.onAnswer) opts.onAnswer(right);
    }

    function choiceButton(label, value, extraClass) {
      const b = h("button", { type: "button", class: `gd-choice ${extraClass || ""}`.trim() }, label);
      b.gdValue = value;
      b.addEventListener("click", () => answer(value, b));
      buttons.push(b);
      return b;
    }

    let choices;
    if (q.kind === "true-false") {
      choices = h("div", { class: "gd-q__choices gd-q__choices--row" },
        choiceButton(GD.t("true"), true), choiceButton(GD.t("false"), false));
    } else if (q.kind === "debt") {
      const axis = data.axes.find((a) => a.letter === q.axis);
      choices = h("div", { class: "gd-q__choices gd-q__choices--scale", "data-gd-axis": q.axis,
                           style: axis ? `--gd-axis: var(--gd-axis-${axis.letter})` : null },
        choiceButton(h("span", null, GD.t("na"), h("span", { class: "gd-sr" }, GD.t("does_not_apply"))), 0, "gd-choice--na"),
        [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => choiceButton(String(n), n)));
    } else {
      choices = h("ol", { class: "gd-q__choices", type: "A" },
        q.choices.map((c, i) => h("li", null, choiceButton(choiceContent(c), i, c.language ? "gd-choice--code" : ""))));
    }
    box.append(meta, prompt, choices, feedback);
    return box;
  }
  GD.renderQuestion = renderQuestion;

  function lastAnswerNote(progress, q) {
    const rec = progress.quiz[q.id];
    if (!rec) return null;
    return h("p", { class: "gd-q__history" },
      GD.t("answered_before", { right: rec.right, wrong: rec.wrong, last: GD.t(rec.lastRight ? "last_right" : "last_wrong") }));
  }

  // "Check yourself" on a term page: every question about the term.
  GD.register("term-quiz", async (el, ctx) => {
    const slug = el.getAttribute("data-gd-term");
    const [data, mine] = await Promise.all([ctx.terms(), ctx.termQuiz(slug)]);
    const store = await ctx.store();
    // the build marks what this page asks (learning/quiz.py, term_page_questions): never the TL;DR
    // question under the title it asks for, one question of each group that answers the other
    const questions = (mine.questions || []).filter((q) => q.termPage !== false);
    if (!questions.length) return;
    const list = h("ol", { class: "gd-quiz__list" });
    for (const q of questions) {
      const history = lastAnswerNote(store.get(), q);
      list.append(h("li", null, renderQuestion(q, data, ctx, store), history));
    }
    const quizPage = ctx.url(data.pages.quiz) + `?deck=category:${encodeURIComponent(data.bySlug.get(slug).category)}`;
    el.append(list, h("p", { class: "gd-quiz__more" },
      h("a", { href: quizPage }, GD.t("more_from_category"))));
    el.hidden = false;
  });

  // The quiz page: choose a deck and a length, then one question at a time.
  GD.register("quiz-runner", async (el, ctx) => {
    const [data, bank] = await Promise.all([ctx.terms(), ctx.quiz()]);
    const store = await ctx.store();
    const deckId = GD.uid("gd-deck");
    const lengthId = GD.uid("gd-len");
    const deck = GD.deckSelect(data, deckId, GD.urlParam("deck"));
    const length = h("select", { id: lengthId },
      [5, 10, 20].map((n) => h("option", { value: n }, String(n))), h("option", { value: 0 }, GD.t("all")));
    const start = h("button", { type: "button", class: "md-button md-button--primary" }, GD.t("start_quiz"));
    const status = h("p", { class: "gd-quiz__status", role: "status" });
    const stage = h("div", { class: "gd-quiz__stage" });
    el.append(h("div", { class: "gd-controls" },
      h("label", { for: deckId }, GD.t("deck")), deck, h("label", { for: lengthId }, GD.t("questions")), length, start),
      status, stage);
    el.hidden = false;

    function pickQuestions() {
      const progress = store.get();
      const slugs = GD.deckTerms(data, progress, deck.value);
      let pool = slugs.flatMap((s) => bank.questions[s] || []);
      if (deck.value === "mistakes") pool = pool.filter((q) => progress.quiz[q.id] && !progress.quiz[q.id].lastRight);
      // Unanswered and missed questions first, then the rest, each group shuffled.
      const fresh = GD.shuffle(pool.filter((q) => !progress.quiz[q.id] || !progress.quiz[q.id].lastRight));
      const known = GD.shuffle(pool.filter((q) => progress.quiz[q.id] && progress.quiz[q.id].lastRight));
      const n = Number(length.value) || pool.length;
      // one question of a group per round: the explanation of one answers the other
      const groups = new Set();
      return [...fresh, ...known].filter((q) => {
        if (!q.group) return true;
        const key = `${q.term} ${q.group}`;
        if (groups.has(key)) return false;
        groups.add(key);
        return true;
      }).slice(0, n);
    }

    function run() {
      const questions = pickQuestions();
      GD.fill(stage);
      if (!questions.length) {
        status.textContent = GD.t(deck.value === "mistakes" ? "no_mistakes" : "no_questions");
        return;
      }
      let index = 0, right = 0;
      const missed = [];
      function next() {
        if (index >= questions.length) return finish();
        const q = questions[index];
        status.textContent = GD.t("question_n", { n: index + 1, total: questions.length });
        const nextButton = h("button", { type: "button", class: "md-button gd-quiz__next", hidden: true },
          GD.t(index + 1 < questions.length ? "next_question" : "see_score"));
        nextButton.addEventListener("click", () => { index += 1; next(); });
        const card = renderQuestion(q, data, ctx, store, {
          showTerm: true,
          onAnswer(ok) {
            if (ok) right += 1; else missed.push(q);
            nextButton.hidden = false;
            nextButton.focus();
          },
        });
        GD.fill(stage, card, nextButton);
        const first = card.querySelector("button");
        if (first && index > 0) first.focus();
      }
      function finish() {
        status.textContent = GD.t("done", { right, total: questions.length });
        const again = h("button", { type: "button", class: "md-button md-button--primary" }, GD.t("another_round"));
        again.addEventListener("click", run);
        const items = missed.map((q) => {
          const t = data.bySlug.get(q.term);
          return h("li", null, h("a", { href: ctx.termUrl(data, q.term, q.see) }, t ? t.title : q.term), ": ", q.prompt);
        });
        GD.fill(stage, 
          h("p", { class: "gd-quiz__score" }, h("strong", null, GD.t("score", { right, total: questions.length }))),
          missed.length ? h("div", null, h("p", null, GD.t("read_again")), h("ul", null, items)) : null,
          h("p", null, again, " ", h("a", { href: ctx.url(data.pages.flashcards) + "?deck=mistakes" }, GD.t("cards_for_mistakes"))));
        again.focus();
      }
      next();
    }
    start.addEventListener("click", run);
    if (GD.urlParam("deck")) run();
  });
})();
