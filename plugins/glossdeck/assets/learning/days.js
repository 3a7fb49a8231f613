/* What every progress-keeping widget needs of scheduling, without the scheduler: calendar days
 * ("YYYY-MM-DD", the reader's local days), the four grades and the retention a reader may choose.
 * Term pages load this and progress-store.js only; scheduler.js (FSRS-6 over ts-fsrs) builds on it
 * where cards are scheduled (flashcards, the progress page) or SM-2 progress is migrated.
 * Works as a browser script (glossdeck.days) and as a CommonJS module (node's test runner). */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else (root.glossdeck = root.glossdeck || {}).days = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  const GRADES = ["again", "hard", "good", "easy"];
  const RETENTION = { min: 0.7, max: 0.97, default: 0.9 };
  const DAY_MS = 86400000;

  function clampRetention(value) {
    const r = Number(value);
    if (!Number.isFinite(r)) return RETENTION.default;
    return Math.min(RETENTION.max, Math.max(RETENTION.min, Math.round(r * 100) / 100));
  }

  function pad(n) { return String(n).padStart(2, "0"); }

  /** The local calendar day of `date` (default now) as "YYYY-MM-DD". */
  function dayString(date) {
    const d = date ? new Date(date) : new Date();
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
                       Date.UTC(a.getFullYear(), a.getMonth(), a.getDate())) / DAY_MS);
  }

  return { GRADES, RETENTION, DAY_MS, clampRetention, dayString, parseDay, addDays, daysBetween };
});
