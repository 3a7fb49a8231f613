// Unit tests of progress validation, merging and the storage glue (run through `node --test`).
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const vm = require("node:vm");

// The English interface strings, as a site's assets/glossdeck/strings.js sets them in a browser
// (written by tests/js/test_node_units.py, which runs these tests).
if (!process.env.GLOSSDECK_STRINGS_JS) throw new Error("run through tests/js/test_node_units.py (GLOSSDECK_STRINGS_JS)");
globalThis.window = {};
vm.runInThisContext(fs.readFileSync(process.env.GLOSSDECK_STRINGS_JS, "utf8"));
const store = require("../../plugins/glossdeck/assets/learning/progress-store.js");
const scheduler = require("../../plugins/glossdeck/assets/learning/scheduler.js");

const T1 = "2026-03-01T10:00:00.000Z";
const T2 = "2026-03-02T10:00:00.000Z";

function sample() {
  const p = store.empty("Test glossary");
  p.read["sql-injection"] = T1;
  p.quiz["sql-injection:tldr"] = { term: "sql-injection", right: 1, wrong: 0, lastRight: true, last: T1 };
  p.cards["sql-injection"] = scheduler.review(null, "easy", T1);
  p.cards["sql-injection:reverse"] = scheduler.review(null, "again", T1);
  p.reviews["2026-03-01"] = 2;
  return p;
}

// A progress file written by glossdeck before FSRS (format version 1, SM-2 cards).
function version1() {
  return {
    format: "glossdeck-progress", version: 1, site: "Test glossary", exported: T2,
    read: { "sql-injection": T1 },
    quiz: { "sql-injection:tldr": { term: "sql-injection", right: 1, wrong: 0, lastRight: true, last: T1 } },
    cards: {
      "sql-injection": { reps: 2, interval: 6, ease: 2.5, lapses: 0, due: "2026-03-08", last: T2, grade: "good" },
      "xss:reverse": { reps: 0, interval: 1, ease: 1.96, lapses: 2, due: "2026-03-03", last: T2, grade: "again" },
    },
  };
}

function memoryStorage() {
  const data = new Map();
  return { getItem: (k) => (data.has(k) ? data.get(k) : null), setItem: (k, v) => data.set(k, String(v)),
           removeItem: (k) => data.delete(k), data };
}

test("a valid file passes and keeps only known fields", () => {
  const doc = sample();
  doc.quiz["sql-injection:tldr"].evil = "<script>";
  const r = store.validate(doc, "Test glossary");
  assert.equal(r.ok, true, JSON.stringify(r.errors));
  assert.equal(r.value.quiz["sql-injection:tldr"].evil, undefined);
});

test("bad files are refused with errors that say where", () => {
  assert.match(store.parse("", "x").errors[0], /empty/);
  assert.match(store.parse("{nope", "x").errors[0], /not valid JSON/);
  assert.match(store.parse("[]", "x").errors[0], /JSON object/);
  assert.match(store.parse('{"format":"other"}', "x").errors[0], /not a glossdeck progress file/);
  assert.match(store.parse(JSON.stringify({ ...sample(), version: 99 }), "Test glossary").errors[0], /newer glossdeck/);
  assert.match(store.parse(JSON.stringify(sample()), "Other site").errors[0], /progress for “Test glossary”/);
  const bad = sample();
  bad.cards["sql-injection"].stability = "high";
  bad.read["sql-injection"] = "yesterday";
  const r = store.validate(bad, "Test glossary");
  assert.equal(r.ok, false);
  assert.ok(r.errors.some((e) => e.startsWith('cards["sql-injection"].stability')), r.errors.join("\n"));
  assert.ok(r.errors.some((e) => e.startsWith('read["sql-injection"]')), r.errors.join("\n"));
});

test("merge keeps the newer record of each question and card, and every read mark", () => {
  const mine = sample();
  const theirs = store.empty("Test glossary");
  theirs.read["xss"] = T2;
  theirs.quiz["sql-injection:tldr"] = { term: "sql-injection", right: 1, wrong: 1, lastRight: false, last: T2 };
  theirs.cards["sql-injection"] = scheduler.review(null, "again", "2026-02-01T00:00:00Z");
  const { value, added, updated } = store.merge(mine, theirs);
  assert.deepEqual(Object.keys(value.read).sort(), ["sql-injection", "xss"]);
  assert.equal(value.quiz["sql-injection:tldr"].wrong, 1, "newer answer wins");
  assert.equal(value.cards["sql-injection"].grade, "easy", "older card loses");
  assert.equal(added, 1);
  assert.equal(updated, 1);
  assert.equal(mine.read.xss, undefined, "inputs unchanged");
});

test("a failed import changes nothing; a good one round-trips", () => {
  const storage = memoryStorage();
  const s = store.openStore(storage, "k", "Test glossary");
  s.save(sample());
  const before = storage.getItem("k");
  assert.equal(s.importText('{"format":"glossdeck-progress","version":2,"site":"Test glossary","read":{"x":"now"}}').ok, false);
  assert.equal(storage.getItem("k"), before);
  const exported = s.exportText();
  s.clear();
  assert.equal(storage.getItem("k"), null);
  const r = s.importText(exported);
  assert.equal(r.ok, true, JSON.stringify(r.errors));
  assert.deepEqual(s.get().cards, sample().cards);
  assert.deepEqual(JSON.parse(storage.getItem("k")).read, sample().read);
});

test("storage that refuses to write leaves progress as it was", () => {
  const storage = memoryStorage();
  const s = store.openStore(storage, "k", "Test glossary");
  s.save(sample());
  storage.setItem = () => { const e = new Error("full"); e.name = "QuotaExceededError"; throw e; };
  const other = store.empty("Test glossary");
  other.read["xss"] = T2;
  const r = s.importText(JSON.stringify(other));
  assert.equal(r.ok, false);
  assert.match(r.errors[0], /nothing was changed/);
  assert.equal(s.get().read.xss, undefined);
});

test("unreadable stored progress is kept aside, not thrown away", () => {
  const storage = memoryStorage();
  storage.setItem("k", "{broken");
  const s = store.openStore(storage, "k", "Test glossary");
  assert.equal(s.problem, "unreadable");
  assert.equal(storage.getItem("k:unreadable"), "{broken");
  assert.deepEqual(s.get().read, {});
});

test("recordAnswer counts right and wrong answers", () => {
  let p = store.empty("s");
  p = store.recordAnswer(p, "a:tldr", "a", true, T1);
  p = store.recordAnswer(p, "a:tldr", "a", false, T2);
  assert.deepEqual(p.quiz["a:tldr"], { term: "a", right: 1, wrong: 1, lastRight: false, last: T2 });
});

test("a version-1 (SM-2) file imports without loss: every card kept, converted to FSRS, SM-2 record inside", () => {
  const storage = memoryStorage();
  const s = store.openStore(storage, "k", "Test glossary");
  const r = s.importText(JSON.stringify(version1()));
  assert.equal(r.ok, true, JSON.stringify(r.errors));
  const p = s.get();
  assert.equal(p.version, 2);
  assert.deepEqual(Object.keys(p.cards).sort(), ["sql-injection", "xss:reverse"]);
  const old = version1().cards;
  for (const [id, card] of Object.entries(p.cards)) {
    const { last, grade, ...sm2 } = old[id];
    assert.deepEqual(card.sm2, sm2, `${id}: the SM-2 record is kept`);
    assert.equal(card.last, last);
    assert.equal(card.grade, grade);
    assert.equal(card.lapses, sm2.lapses);
    assert.equal(scheduler.dayString(card.due), sm2.due, `${id}: due the same day as under SM-2`);
    assert.equal(card.stability, sm2.interval, "SM-2 intervals were set for 90 % retention: S = interval");
  }
  assert.deepEqual(p.read, version1().read);
  assert.deepEqual(p.quiz, version1().quiz);
  // what is saved is a valid version-2 file, and exporting it again changes nothing
  const again = store.parse(s.exportText(), "Test glossary");
  assert.equal(again.ok, true, JSON.stringify(again.errors));
  assert.equal(again.migrated, false);
  assert.deepEqual(again.value.cards, p.cards);
});

test("version-1 progress in the browser's storage is migrated on load, the old text kept aside", () => {
  const storage = memoryStorage();
  const text = JSON.stringify(version1());
  storage.setItem("k", text);
  const s = store.openStore(storage, "k", "Test glossary");
  assert.equal(s.problem, undefined);
  assert.equal(s.migrated, true);
  assert.equal(storage.getItem("k:version-1"), text, "the SM-2 document is kept, byte for byte");
  const saved = JSON.parse(storage.getItem("k"));
  assert.equal(saved.version, 2);
  assert.equal(saved.cards["xss:reverse"].sm2.ease, 1.96);
  // the migrated card is scheduled on by FSRS
  const card = saved.cards["sql-injection"];
  const next = scheduler.review(card, "good", new Date(2026, 2, 8, 10));
  assert.ok(next.scheduled > 6);
  // reopening reads version 2 and migrates nothing again
  const reopened = store.openStore(storage, "k", "Test glossary");
  assert.equal(reopened.migrated, false);
  assert.deepEqual(reopened.get().cards, s.get().cards);
});

test("a version-2 file is checked field by field; settings and review days too", () => {
  const bad = sample();
  bad.cards["sql-injection"].state = 7;
  bad.cards["sql-injection"].due = "2026-03-02";
  bad.settings.retention = 0.2;
  bad.reviews["yesterday"] = 1;
  const r = store.validate(bad, "Test glossary");
  assert.equal(r.ok, false);
  for (const start of ['cards["sql-injection"].due', 'cards["sql-injection"].state', "settings.retention"]) {
    assert.ok(r.errors.some((e) => e.startsWith(start)), `${start}: ${r.errors.join("\n")}`);
  }
  const v1card = sample();
  v1card.cards["x"] = version1().cards["sql-injection"]; // an SM-2 card in a version-2 file
  assert.equal(store.validate(v1card, "Test glossary").ok, false);
});

test("recordReview keeps the card and counts the day's reviews; merge keeps the larger count", () => {
  let p = store.empty("s");
  p = store.recordReview(p, "a", scheduler.review(null, "good", T1), "2026-03-01");
  p = store.recordReview(p, "a:reverse", scheduler.review(null, "good", T1), "2026-03-01");
  assert.equal(p.reviews["2026-03-01"], 2);
  const other = store.empty("s");
  other.reviews = { "2026-03-01": 1, "2026-02-28": 4 };
  assert.deepEqual(store.merge(p, other).value.reviews, { "2026-03-01": 2, "2026-02-28": 4 });
  assert.equal(store.retention(p), 0.9);
  p.settings.retention = 0.85;
  assert.equal(store.retention(p), 0.85);
});

test("terms and questions named in any script (容器, کنٹینر) are kept; punctuation and spaces are not", () => {
  const p = store.empty("术语表");
  p.read["容器"] = T1;
  p.read["کنٹینر"] = T1;
  p.read["übung-2"] = T1;
  p.quiz["容器:tldr"] = { term: "容器", right: 1, wrong: 0, lastRight: true, last: T1 };
  p.cards["容器:reverse"] = scheduler.review(null, "good", T1);
  const r = store.validate(JSON.parse(JSON.stringify(p)), "术语表");
  assert.equal(r.ok, true, JSON.stringify(r.errors));
  assert.deepEqual(Object.keys(r.value.read), ["容器", "کنٹینر", "übung-2"]);
  for (const bad of ["容 器", "-容器", "容器-", "容--器", "a/b", "<b>"]) {
    const doc = store.empty("术语表");
    doc.read[bad] = T1;
    assert.equal(store.validate(doc, "术语表").ok, false, bad);
  }
  // stored progress of such a site reads back as it was written, not as unreadable
  const storage = memoryStorage();
  const opened = store.openStore(storage, "glossdeck:progress:/", "术语表");
  opened.update((q) => store.recordReview(q, "容器", scheduler.review(null, "good", T1), "2026-03-01"));
  const again = store.openStore(storage, "glossdeck:progress:/", "术语表");
  assert.ok(again.get().cards["容器"], JSON.stringify(again.get()));
  assert.equal(again.problem, undefined);
});
