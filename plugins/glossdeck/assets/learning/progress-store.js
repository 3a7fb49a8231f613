/* A reader's progress: terms read, quiz answers, flashcard schedules. Stored in localStorage as one
 * JSON document, exported to and imported from a file of the same shape:
 *
 *   { "format": "glossdeck-progress", "version": 2, "site": "<site name>",
 *     "read":  { "<slug>": "<ISO time first marked read>" },
 *     "quiz":  { "<question id>": { "term": "<slug>", "right": 2, "wrong": 1,
 *                                   "lastRight": true, "last": "<ISO time>" } },
 *     "cards": { "<slug>" (term -> TL;DR) or "<slug>:reverse" (TL;DR -> term):
 *                  an FSRS card, see scheduler.js },
 *     "reviews":  { "YYYY-MM-DD": <flashcard reviews that day> },
 *     "settings": { "retention": 0.9 } }
 *
 * Cards are keyed by term slug and card kind, never by the card's text, so editing a term keeps its
 * schedule. Version 1 (SM-2 cards: reps, interval, ease, lapses, due day) is still read, from a file
 * or from this browser's storage, and each card becomes an FSRS card with its SM-2 record kept
 * inside it (scheduler.fromSM2); storage keeps the version-1 text aside until the next migration.
 * An import is checked completely before anything is written, then merged (the newer record of each
 * question and card wins; a term stays read), and saved in one write: a bad file changes nothing.
 * Pure functions here; the browser glue is at the end. Works in node for the unit tests. */
(function (root, factory) {
  // days.js (grades, retention) is loaded first; scheduler.js (FSRS over ts-fsrs) only where cards
  // are scheduled, or where stored progress is still SM-2's (core.js loads it then): looked up when
  // a version-1 document is migrated, never before
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./days.js"), () => require("./scheduler.js"));
  } else {
    const ns = (root.glossdeck = root.glossdeck || {});
    ns.progressStore = factory(ns.days, () => ns.scheduler);
  }
})(typeof self !== "undefined" ? self : this, function (days, scheduler) {
  "use strict";
  // the site's words (strings.js; under node, the tests load the English strings.js the same way)
  const say = (key, values) =>
    typeof window !== "undefined" && window.glossdeckStrings ? window.glossdeckStrings.t(key, values) : key;
  // what a field of the file must be: the field as written in the file (read["x"].last), the rest in words
  const must = (key, field, values) => say(key, Object.assign({ field }, values));

  const FORMAT = "glossdeck-progress";
  const VERSION = 2;
  const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
  const MAX_ERRORS = 5;
  const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
  const DAY = /^\d{4}-\d{2}-\d{2}$/;
  // a term slug (letters, marks and digits of any script in hyphen-separated runs, as core/slugs.py:
  // 容器, کنٹینر, sql-injection), optionally ":" and a question or card kind
  const KEY = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:-[\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*(?::[A-Za-z0-9_-]+)?$/u;

  function empty(site) {
    return { format: FORMAT, version: VERSION, site: site || "", read: {}, quiz: {}, cards: {}, reviews: {},
             settings: { retention: days.RETENTION.default } };
  }

  const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const isCount = (v) => Number.isInteger(v) && v >= 0 && v < 1e9;
  const isNumber = (v, min, max) => typeof v === "number" && Number.isFinite(v) && v >= min && v <= max;
  const CARD_FIELDS = ["due", "stability", "difficulty", "state", "reps", "lapses", "step", "scheduled", "last", "grade"];
  const SM2_FIELDS = ["reps", "interval", "ease", "lapses", "due"];

  function checkSM2Card(rec, where, fail) {
    if (!isCount(rec.reps)) fail(must("must_count", `${where}.reps`));
    if (!isCount(rec.lapses)) fail(must("must_count", `${where}.lapses`));
    if (!isCount(rec.interval) || rec.interval > 36500) fail(must("must_days", `${where}.interval`));
    if (typeof rec.ease !== "number" || !(rec.ease >= 1.3 && rec.ease <= 10)) fail(must("must_range", `${where}.ease`, { min: 1.3, max: 10 }));
    if (typeof rec.due !== "string" || !DAY.test(rec.due)) fail(must("must_day", `${where}.due`));
  }

  function checkCard(rec, where, fail) {
    if (typeof rec.due !== "string" || !ISO_TIME.test(rec.due)) fail(must("must_time", `${where}.due`));
    if (!isNumber(rec.stability, 0, 1e6)) fail(must("must_positive", `${where}.stability`));
    if (!isNumber(rec.difficulty, 0, 10)) fail(must("must_range", `${where}.difficulty`, { min: 0, max: 10 }));
    if (![0, 1, 2, 3].includes(rec.state)) fail(must("must_state", `${where}.state`));
    for (const k of ["reps", "lapses", "step", "scheduled"]) {
      if (!isCount(rec[k])) fail(must("must_count", `${where}.${k}`));
    }
    if (rec.grade !== undefined && !days.GRADES.includes(rec.grade)) fail(must("must_grade", `${where}.grade`, { grades: days.GRADES.join(", ") }));
    if (rec.sm2 !== undefined) {
      if (!isObject(rec.sm2)) fail(must("must_object", `${where}.sm2`));
      else checkSM2Card(rec.sm2, `${where}.sm2`, fail);
    }
  }

  /** Check a parsed document. Returns {ok: true, value} or {ok: false, errors: [...]}; every error
   * names where in the file it is. `site` (optional) must match the file's site. */
  function validate(doc, site) {
    const errors = [];
    const fail = (msg) => { if (errors.length < MAX_ERRORS) errors.push(msg); };
    if (!isObject(doc)) return { ok: false, errors: [say("not_object")] };
    if (doc.format !== FORMAT) {
      return { ok: false, errors: [say("not_progress_file", { format: FORMAT })] };
    }
    if (!Number.isInteger(doc.version) || doc.version < 1) {
      return { ok: false, errors: [must("must_version", '"version"')] };
    }
    if (doc.version > VERSION) {
      return { ok: false, errors: [say("newer_version", { version: doc.version, supported: VERSION })] };
    }
    if (typeof doc.site !== "string") fail(must("must_text", '"site"'));
    else if (site && doc.site && doc.site !== site) {
      return { ok: false, errors: [say("other_site", { file_site: doc.site, site })] };
    }
    for (const section of ["read", "quiz", "cards"]) {
      if (doc[section] === undefined) continue;
      if (!isObject(doc[section])) { fail(must("must_object", `"${section}"`)); continue; }
      for (const [key, rec] of Object.entries(doc[section])) {
        const where = `${section}["${key}"]`;
        if (!KEY.test(key)) { fail(must("not_key", where)); continue; }
        if (section === "read") {
          if (typeof rec !== "string" || !ISO_TIME.test(rec)) fail(must("must_time", where));
          continue;
        }
        if (!isObject(rec)) { fail(must("must_object", where)); continue; }
        if (typeof rec.last !== "string" || !ISO_TIME.test(rec.last)) fail(must("must_time", `${where}.last`));
        if (section === "quiz") {
          if (!isCount(rec.right)) fail(must("must_count", `${where}.right`));
          if (!isCount(rec.wrong)) fail(must("must_count", `${where}.wrong`));
          if (typeof rec.lastRight !== "boolean") fail(must("must_boolean", `${where}.lastRight`));
          if (typeof rec.term !== "string" || !KEY.test(rec.term)) fail(must("must_slug", `${where}.term`));
        } else if (doc.version === 1) {
          checkSM2Card(rec, where, fail);
        } else {
          checkCard(rec, where, fail);
        }
      }
    }
    if (doc.reviews !== undefined) {
      if (!isObject(doc.reviews)) fail(must("must_object", '"reviews"'));
      else {
        for (const [day, n] of Object.entries(doc.reviews)) {
          if (!DAY.test(day) || !isCount(n)) fail(must("must_review_day", `reviews["${day}"]`));
        }
      }
    }
    if (doc.settings !== undefined) {
      if (!isObject(doc.settings)) fail(must("must_object", '"settings"'));
      else if (doc.settings.retention !== undefined &&
               !isNumber(doc.settings.retention, days.RETENTION.min, days.RETENTION.max)) {
        fail(must("must_range", "settings.retention",
                  { min: days.RETENTION.min, max: days.RETENTION.max }));
      }
    }
    if (errors.length) return { ok: false, errors };
    const value = empty(doc.site);
    for (const section of ["read", "quiz", "cards"]) {
      for (const [key, rec] of Object.entries(doc[section] || {})) {
        if (section === "read") value.read[key] = rec;
        else if (section === "quiz") value.quiz[key] = pick(rec, ["term", "right", "wrong", "lastRight", "last"]);
        else if (doc.version === 1) value.cards[key] = scheduler().fromSM2(pick(rec, [...SM2_FIELDS, "last", "grade"]));
        else {
          const card = pick(rec, CARD_FIELDS);
          if (rec.sm2) card.sm2 = pick(rec.sm2, SM2_FIELDS);
          value.cards[key] = card;
        }
      }
    }
    for (const [day, n] of Object.entries(doc.reviews || {})) value.reviews[day] = n;
    if (doc.settings && doc.settings.retention !== undefined) value.settings.retention = doc.settings.retention;
    return { ok: true, value, migrated: doc.version === 1 };
  }

  // Only known fields survive: an imported file cannot smuggle anything else into storage.
  function pick(rec, keys) {
    const out = {};
    for (const k of keys) if (rec[k] !== undefined) out[k] = rec[k];
    return out;
  }

  /** Parse and validate the text of an import file. */
  function parse(text, site) {
    if (typeof text !== "string" || !text.trim()) return { ok: false, errors: [say("empty_file")] };
    if (text.length > MAX_IMPORT_BYTES) return { ok: false, errors: [say("too_large")] };
    let doc;
    try {
      doc = JSON.parse(text);
    } catch (err) {
      return { ok: false, errors: [say("invalid_json", { reason: err.message })] };
    }
    return validate(doc, site);
  }

  /** `incoming` merged into `current` (neither changed): the newer record of each question or card
   * wins, read marks are kept from both. Returns {value, added, updated}. */
  function merge(current, incoming) {
    const value = JSON.parse(JSON.stringify(current));
    value.reviews = value.reviews || {};
    let added = 0, updated = 0;
    for (const [slug, when] of Object.entries(incoming.read)) {
      if (!(slug in value.read)) { value.read[slug] = when; added += 1; }
      else if (when < value.read[slug]) value.read[slug] = when;
    }
    for (const section of ["quiz", "cards"]) {
      for (const [key, rec] of Object.entries(incoming[section])) {
        const mine = value[section][key];
        if (!mine) { value[section][key] = rec; added += 1; }
        else if (Date.parse(rec.last) > Date.parse(mine.last)) { value[section][key] = rec; updated += 1; }
      }
    }
    // review counts per day: the larger count of the two (the same reviews, seen twice, are not added)
    for (const [day, n] of Object.entries(incoming.reviews || {})) {
      value.reviews[day] = Math.max(n, value.reviews[day] || 0);
    }
    if (!value.site) value.site = incoming.site;
    return { value, added, updated };
  }

  function summary(progress) {
    return { read: Object.keys(progress.read).length, answers: Object.keys(progress.quiz).length,
             cards: Object.keys(progress.cards).length };
  }

  /** Record one quiz answer (returns the new progress). */
  function recordAnswer(progress, questionId, term, right, now) {
    const value = JSON.parse(JSON.stringify(progress));
    const old = value.quiz[questionId] || { term, right: 0, wrong: 0 };
    value.quiz[questionId] = { term, right: old.right + (right ? 1 : 0), wrong: old.wrong + (right ? 0 : 1),
                               lastRight: !!right, last: now || new Date().toISOString() };
    return value;
  }

  /** Record one flashcard review: the card's new schedule and the day's count (returns the new progress). */
  function recordReview(progress, id, card, day) {
    const value = JSON.parse(JSON.stringify(progress));
    value.cards[id] = card;
    value.reviews = value.reviews || {};
    value.reviews[day] = (value.reviews[day] || 0) + 1;
    return value;
  }

  /** The reader's desired retention. */
  function retention(progress) {
    return days.clampRetention(progress.settings && progress.settings.retention);
  }

  /** A browser store: one localStorage key per site root, change events on `document`. */
  function openStore(storage, key, site) {
    const backupKey = key + ":unreadable";
    const migratedKey = key + ":version-1";
    function load() {
      let text = null;
      try { text = storage.getItem(key); } catch (err) { return { progress: empty(site), problem: "storage" }; }
      if (!text) return { progress: empty(site) };
      const result = parse(text);
      if (result.ok && result.migrated) {
        // SM-2 progress read as FSRS: the version-1 text stays aside, untouched, and the migrated
        // document replaces it, so every later change is saved in the new format
        try {
          if (storage.getItem(migratedKey) === null) storage.setItem(migratedKey, text);
          storage.setItem(key, JSON.stringify(result.value));
        } catch (err) { /* full or blocked storage: migrate again on the next visit */ }
        return { progress: result.value, migrated: true };
      }
      if (result.ok) return { progress: result.value };
      try { storage.setItem(backupKey, text); } catch (err) { /* keep going with empty progress */ }
      return { progress: empty(site), problem: "unreadable" };
    }
    let state = load();
    return {
      key,
      get problem() { return state.problem; },
      get migrated() { return !!state.migrated; },
      get() { return state.progress; },
      reload() { state = load(); return state.progress; },
      /** Save a whole new progress document; throws (and keeps the old one) when storage refuses. */
      save(progress) {
        const value = Object.assign({}, progress, { format: FORMAT, version: VERSION, site: progress.site || site });
        storage.setItem(key, JSON.stringify(value));
        state = { progress: value };
        if (typeof document !== "undefined") {
          document.dispatchEvent(new CustomEvent("glossdeck:progress", { detail: value }));
        }
        return value;
      },
      update(fn) { return this.save(fn(this.get())); },
      clear() { storage.removeItem(key); state = { progress: empty(site) }; },
      exportText() {
        return JSON.stringify(Object.assign({ exported: new Date().toISOString() }, this.get()), null, 2) + "\n";
      },
      /** Check, merge and save an import file's text. Returns {ok, errors} or {ok, added, updated}. */
      importText(text) {
        const parsed = parse(text, site);
        if (!parsed.ok) return parsed;
        const merged = merge(this.get(), parsed.value);
        try {
          this.save(merged.value);
        } catch (err) {
          return { ok: false, errors: [say("storage_refused", { reason: err.name })] };
        }
        return { ok: true, added: merged.added, updated: merged.updated };
      },
    };
  }

  return { FORMAT, VERSION, empty, validate, parse, merge, summary, recordAnswer, recordReview, retention, openStore };
});
