/* Flashcard scheduling with FSRS-6, through the maintained ts-fsrs library (vendor/ts-fsrs.js, the
 * global `FSRS`; under node, the same vendored file). Default parameters: a static site cannot train
 * them per reader, and FSRS-6's defaults already predict recall far better than SM-2 (srs-benchmark:
 * log loss 0.339 against 0.547). The reader chooses the desired retention (0.70-0.97).
 *
 * A stored card (one per term and card kind, see progress-store.js) is plain JSON:
 *   { "due": "<ISO time>", "stability": 3.17, "difficulty": 5.28, "state": 2, "reps": 3, "lapses": 0,
 *     "step": 0, "scheduled": 3, "last": "<ISO time>", "grade": "good" }
 * plus, for a card carried over from SM-2, "sm2": its old record, kept as it was.
 *
 * New cards go through FSRS's short learning steps (1 and 10 minutes, relearning 10 minutes), so the
 * four grades of a new card give four different intervals (1 min, 6 min, 10 min, about 8 days) and
 * a card graded Again comes back in the same session. A card scheduled a day or more ahead is due
 * from the start of its local calendar day, not at the hour it was graded.
 *
 * SM-2 records (progress files of version 1) become FSRS memory states by FSRS's published
 * conversion (fsrs-rs `memory_state_from_sm2`): the stability whose forgetting curve reaches SM-2's
 * assumed 90 % retention at the SM-2 interval, and the difficulty that gives SM-2's ease factor.
 * Works as a browser script (glossdeck.scheduler) and as a CommonJS module (node's test runner). */
(function (root, factory) {
  // ts-fsrs is looked up when first used, not now (the scheduler is built lazily); the day helpers
  // and grades come from days.js, loaded before this file
  if (typeof module === "object" && module.exports) {
    module.exports = factory(() => require("../vendor/ts-fsrs.js"), require("./days.js"));
  } else (root.glossdeck = root.glossdeck || {}).scheduler = factory(() => root.FSRS, root.glossdeck.days);
})(typeof self !== "undefined" ? self : this, function (library, days) {
  "use strict";

  const { GRADES, RETENTION, DAY_MS, clampRetention, dayString, parseDay, addDays, daysBetween } = days;
  const lib = new Proxy({}, { get: (_, name) => library()[name] });
  const RATING = { get again() { return lib.Rating.Again; }, get hard() { return lib.Rating.Hard; },
    get good() { return lib.Rating.Good; }, get easy() { return lib.Rating.Easy; } };
  const STATE_NAMES = ["new", "learning", "review", "relearning"];
  const SM2_RETENTION = 0.9;
  const MIN_STABILITY = 0.001; // FSRS-6's S_MIN
  const schedulers = new Map(); // one ts-fsrs instance per retention: they hold no card state

  /** The ts-fsrs scheduler for a desired retention, default parameters otherwise. No fuzz: the
   * interval under a grade button is the interval that grade gives. */
  function scheduler(retention) {
    const r = clampRetention(retention === undefined ? RETENTION.default : retention);
    if (!schedulers.has(r)) {
      schedulers.set(r, lib.fsrs(lib.generatorParameters({ request_retention: r, enable_fuzz: false })));
    }
    return schedulers.get(r);
  }

  /** A stored card as ts-fsrs' Card (null for a card never reviewed). */
  function toLib(card) {
    if (!card) return null;
    return {
      due: new Date(card.due), stability: card.stability, difficulty: card.difficulty,
      elapsed_days: 0, scheduled_days: card.scheduled || 0, learning_steps: card.step || 0,
      reps: card.reps, lapses: card.lapses, state: card.state,
      last_review: card.last ? new Date(card.last) : undefined,
    };
  }

  function fromLib(c, grade, old) {
    const out = {
      due: c.due.toISOString(), stability: round(c.stability), difficulty: round(c.difficulty),
      state: c.state, reps: c.reps, lapses: c.lapses, step: c.learning_steps, scheduled: c.scheduled_days,
      last: c.last_review ? c.last_review.toISOString() : new Date().toISOString(), grade,
    };
    if (old && old.sm2) out.sm2 = old.sm2; // the migrated SM-2 record stays with the card
    return out;
  }

  // ts-fsrs rounds its own state to 8 decimals; storing that keeps files short and reviews exact.
  function round(x) { return Math.round(x * 1e8) / 1e8; }

  function toDate(now) { return now ? new Date(now) : new Date(); }

  /** The card after one review graded `grade` at `now` (a Date or ISO time); the input is unchanged. */
  function review(card, grade, now, retention) {
    if (!(grade in RATING)) throw new Error(`unknown grade ${grade}; use one of ${GRADES.join(", ")}`);
    const at = toDate(now);
    const f = scheduler(retention);
    const result = f.next(toLib(card) || lib.createEmptyCard(at), at, RATING[grade]);
    return fromLib(result.card, grade, card);
  }

  /** For each grade, the card it would give and how long until it is due (ms), for the buttons. */
  function preview(card, now, retention) {
    const at = toDate(now);
    const f = scheduler(retention);
    const log = f.repeat(toLib(card) || lib.createEmptyCard(at), at);
    const out = {};
    for (const g of GRADES) {
      const next = fromLib(log[RATING[g]].card, g, card);
      out[g] = { card: next, ms: Date.parse(next.due) - at.getTime(), days: next.scheduled };
    }
    return out;
  }

  /** Due now? A card scheduled a day or more ahead is due from the start of its due day. */
  function isDue(card, now) {
    if (!card || !card.due) return false;
    const at = toDate(now);
    if ((card.scheduled || 0) >= 1) return dayString(card.due) <= dayString(at);
    return Date.parse(card.due) <= at.getTime();
  }

  /** When the card is next due, as a time (the start of its day for day-long intervals). */
  function dueTime(card) {
    if ((card.scheduled || 0) >= 1) return parseDay(dayString(card.due)).getTime();
    return Date.parse(card.due);
  }

  /** The probability of recalling the card at `now` by FSRS's forgetting curve (0 for a new card). */
  function retrievability(card, now, retention) {
    if (!card || card.state === 0) return 0;
    return scheduler(retention).get_retrievability(toLib(card), toDate(now), false);
  }

  /** FSRS memory state for an SM-2 ease factor and interval (in days), per fsrs-rs. */
  function memoryFromSM2(ease, interval) {
    const w = lib.default_w;
    const decay = -w[20];
    const factor = Math.pow(0.9, 1 / decay) - 1;
    const stability = Math.max(interval, MIN_STABILITY) * factor / (Math.pow(SM2_RETENTION, 1 / decay) - 1);
    const difficulty = 11 - (ease - 1) /
      (Math.exp(w[8]) * Math.pow(stability, -w[9]) * Math.expm1((1 - SM2_RETENTION) * w[10]));
    return { stability: round(stability), difficulty: round(Math.min(10, Math.max(1, difficulty))) };
  }

  /** A version-1 (SM-2) card as an FSRS card: the same due day, its memory state converted, every
   * SM-2 field kept under "sm2" so nothing of the old record is lost. */
  function fromSM2(old) {
    const interval = Math.max(1, old.interval || 0);
    const { stability, difficulty } = memoryFromSM2(old.ease, interval);
    const due = parseDay(old.due);
    const card = {
      due: (due || new Date(old.last)).toISOString(), stability, difficulty,
      state: lib.State.Review, reps: old.reps + old.lapses, lapses: old.lapses, step: 0, scheduled: interval,
      last: old.last,
      sm2: { reps: old.reps, interval: old.interval, ease: old.ease, lapses: old.lapses, due: old.due },
    };
    if (old.grade) card.grade = old.grade;
    return card;
  }

  /** "in 10 minutes", "tomorrow", "in 8 days" (or "10分钟后", "morgen", ...): how far ahead a due
   * time is, in `language` (default English) by Intl.RelativeTimeFormat, whose English wording is
   * glossdeck's own; without Intl, English. */
  function describe(ms, days, language) {
    let value, unit;
    if (days >= 1) { value = days; unit = "day"; }
    else {
      const minutes = Math.max(1, Math.round(ms / 60000));
      if (minutes < 60) { value = minutes; unit = "minute"; }
      else { value = Math.round(minutes / 60); unit = "hour"; }
    }
    try {
      return new Intl.RelativeTimeFormat(language || "en", { numeric: "auto" }).format(value, unit);
    } catch (err) {
      if (unit === "day" && value === 1) return "tomorrow";
      return `in ${value} ${unit}${value === 1 ? "" : "s"}`;
    }
  }

  /** Days with reviews in a row up to today (or up to yesterday while today has none yet). */
  function streak(reviewDays, today) {
    const days = reviewDays || {};
    let day = days[today] ? today : addDays(today, -1);
    let n = 0;
    while (days[day]) { n += 1; day = addDays(day, -1); }
    return n;
  }

  return { GRADES, STATE_NAMES, RETENTION, clampRetention, scheduler, review, preview, isDue, dueTime,
           retrievability, memoryFromSM2, fromSM2, describe, streak,
           dayString, parseDay, addDays, daysBetween, get version() { return lib.FSRSVersion; } };
});
