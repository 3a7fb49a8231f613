/* SM-2 spaced repetition, as published by P. A. Wozniak: "Optimization of learning", 1990,
 * https://super-memory.com/english/ol/sm2.htm (algorithm SM-2, steps 1-7).
 *
 * Four grade buttons map onto SM-2's 0-5 quality scale: Again 1, Hard 3, Good 4, Easy 5.
 * - quality >= 3: I(1) = 1 day, I(2) = 6 days, I(n) = I(n-1) * EF, rounded;
 * - EF' = EF + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)), never below 1.3 (step 5);
 * - quality < 3: repetitions start again from I(1), "without changing the E-Factor" (step 6);
 * - a card graded below 4 is asked again in the same session (step 7); that re-drill does not
 *   change its schedule (see flashcards.js).
 * Dates are local calendar days ("YYYY-MM-DD"): a card is due on a day, not at an hour.
 * Works as a browser script (glossdeck.sm2) and as a CommonJS module (for node's test runner). */
(function (root, factory) {
  const api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else (root.glossdeck = root.glossdeck || {}).sm2 = api;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  const QUALITY = { again: 1, hard: 3, good: 4, easy: 5 };
  const GRADES = ["again", "hard", "good", "easy"];
  const INITIAL_EASE = 2.5;
  const MIN_EASE = 1.3;

  function newCard() {
    return { reps: 0, interval: 0, ease: INITIAL_EASE, lapses: 0, due: null, last: null };
  }

  function pad(n) { return String(n).padStart(2, "0"); }

  /** Today (or `date`) as a local "YYYY-MM-DD". */
  function dayString(date) {
    const d = date || new Date();
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }

  function parseDay(day) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day || "");
    if (!m) return null;
    const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    return d.getMonth() === Number(m[2]) - 1 ? d : null;
  }

  function addDays(day, days) {
    const d = parseDay(day);
    d.setDate(d.getDate() + days); // calendar arithmetic: daylight-saving days stay whole days
    return dayString(d);
  }

  function daysBetween(fromDay, toDay) {
    const a = parseDay(fromDay), b = parseDay(toDay);
    return Math.round((Date.UTC(b.getFullYear(), b.getMonth(), b.getDate()) -
                       Date.UTC(a.getFullYear(), a.getMonth(), a.getDate())) / 86400000);
  }

  /** The card after one review graded `grade` on day `today`; the input is not changed. */
  function review(card, grade, today, now) {
    const q = QUALITY[grade];
    if (q === undefined) throw new Error(`unknown grade ${grade}; use one of ${GRADES.join(", ")}`);
    const c = Object.assign(newCard(), card || {});
    let { reps, interval, ease, lapses } = c;
    if (q < 3) {
      if (reps > 0) lapses += 1;
      reps = 0;
      interval = 1;
    } else {
      interval = reps === 0 ? 1 : reps === 1 ? 6 : Math.round(interval * ease);
      reps += 1;
      ease = Math.max(MIN_EASE, ease + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)));
      ease = Math.round(ease * 1000) / 1000; // keep stored values short and stable
    }
    return { reps, interval, ease, lapses, due: addDays(today, interval),
             last: now || new Date().toISOString(), grade };
  }

  /** Intervals each grade would give, for the labels under the grade buttons. */
  function preview(card, today) {
    const out = {};
    for (const g of GRADES) out[g] = review(card, g, today, "preview").interval;
    return out;
  }

  function isDue(card, today) {
    return !!card && !!card.due && card.due <= today;
  }

  /** Whether the card should be drilled again in this session (SM-2 step 7). */
  function needsRedrill(grade) {
    return QUALITY[grade] < 4;
  }

  return { QUALITY, GRADES, INITIAL_EASE, MIN_EASE, newCard, review, preview, isDue, needsRedrill,
           dayString, parseDay, addDays, daysBetween };
});
