// Unit tests of progress validation, merging and the storage glue (run through `node --test`).
const test = require("node:test");
const assert = require("node:assert/strict");
const store = require("../../plugins/glossdeck/assets/learning/progress-store.js");

const T1 = "2026-03-01T10:00:00.000Z";
const T2 = "2026-03-02T10:00:00.000Z";

function sample() {
  const p = store.empty("Test glossary");
  p.read["sql-injection"] = T1;
  p.quiz["sql-injection:tldr"] = { term: "sql-injection", right: 1, wrong: 0, lastRight: true, last: T1 };
  p.cards["sql-injection"] = { reps: 1, interval: 1, ease: 2.5, lapses: 0, due: "2026-03-02", last: T1 };
  return p;
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
  bad.cards["sql-injection"].ease = "high";
  bad.read["sql-injection"] = "yesterday";
  const r = store.validate(bad, "Test glossary");
  assert.equal(r.ok, false);
  assert.ok(r.errors.some((e) => e.startsWith('cards["sql-injection"].ease')), r.errors.join("\n"));
  assert.ok(r.errors.some((e) => e.startsWith('read["sql-injection"]')), r.errors.join("\n"));
});

test("merge keeps the newer record of each question and card, and every read mark", () => {
  const mine = sample();
  const theirs = store.empty("Test glossary");
  theirs.read["xss"] = T2;
  theirs.quiz["sql-injection:tldr"] = { term: "sql-injection", right: 1, wrong: 1, lastRight: false, last: T2 };
  theirs.cards["sql-injection"] = { reps: 0, interval: 1, ease: 2.5, lapses: 1, due: "2026-03-03", last: "2026-02-01T00:00:00Z" };
  const { value, added, updated } = store.merge(mine, theirs);
  assert.deepEqual(Object.keys(value.read).sort(), ["sql-injection", "xss"]);
  assert.equal(value.quiz["sql-injection:tldr"].wrong, 1, "newer answer wins");
  assert.equal(value.cards["sql-injection"].due, "2026-03-02", "older card loses");
  assert.equal(added, 1);
  assert.equal(updated, 1);
  assert.equal(mine.read.xss, undefined, "inputs unchanged");
});

test("a failed import changes nothing; a good one round-trips", () => {
  const storage = memoryStorage();
  const s = store.openStore(storage, "k", "Test glossary");
  s.save(sample());
  const before = storage.getItem("k");
  assert.equal(s.importText('{"format":"glossdeck-progress","version":1,"site":"Test glossary","read":{"x":"now"}}').ok, false);
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
