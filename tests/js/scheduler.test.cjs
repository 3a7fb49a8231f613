// Unit tests of the FSRS scheduler (scheduler.js over the vendored ts-fsrs), run through `node --test`.
// Reference values are ts-fsrs' own (packages/fsrs/__tests__/FSRS-6.test.ts at v5.4.x): the stored
// JSON card the site keeps must schedule exactly as the library's own Card objects do.
const test = require("node:test");
const assert = require("node:assert/strict");
const fsrs = require("../../plugins/glossdeck/assets/learning/scheduler.js");
const lib = require("../../plugins/glossdeck/assets/vendor/ts-fsrs.js");

const START = new Date(2022, 11, 29, 12, 30, 0, 0); // the reference tests' first review

test("the vendored library is FSRS-6 with its published default parameters", () => {
  assert.match(fsrs.version, /FSRS-6/);
  assert.deepEqual(Array.from(lib.default_w), [
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614,
    0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542]);
});

test("a new card's first review matches ts-fsrs' reference (stability, difficulty, intervals)", () => {
  const p = fsrs.preview(null, START);
  assert.deepEqual(fsrs.GRADES.map((g) => p[g].card.stability), [0.212, 1.2931, 2.3065, 8.2956]);
  assert.deepEqual(fsrs.GRADES.map((g) => p[g].card.difficulty), [6.4133, 5.11217071, 2.11810397, 1]);
  assert.deepEqual(fsrs.GRADES.map((g) => p[g].card.scheduled), [0, 0, 0, 8]);
  assert.deepEqual(fsrs.GRADES.map((g) => p[g].card.state), [1, 1, 1, 2]);
});

test("the four grades of a new card give four different intervals", () => {
  const p = fsrs.preview(null, START);
  assert.deepEqual(fsrs.GRADES.map((g) => p[g].ms / 60000), [1, 6, 10, 8 * 24 * 60]);
  const labels = fsrs.GRADES.map((g) => fsrs.describe(p[g].ms, p[g].days));
  assert.deepEqual(labels, ["in 1 minute", "in 6 minutes", "in 10 minutes", "in 8 days"]);
  assert.equal(new Set(labels).size, 4);
});

test("intervals are written in the site's language (Intl.RelativeTimeFormat)", () => {
  const p = fsrs.preview(null, START);
  const say = (language) => fsrs.GRADES.map((g) => fsrs.describe(p[g].ms, p[g].days, language));
  assert.deepEqual(say("en"), ["in 1 minute", "in 6 minutes", "in 10 minutes", "in 8 days"]);
  assert.deepEqual(say("zh"), ["1分钟后", "6分钟后", "10分钟后", "8天后"]);
  assert.deepEqual(say("de"), ["in 1 Minute", "in 6 Minuten", "in 10 Minuten", "in 8 Tagen"]);
  assert.equal(fsrs.describe(0, 1, "de"), "morgen");
  assert.equal(fsrs.describe(3 * 3600000, 0, "ur"), "3 گھنٹے میں");
  assert.ok(/دقيقة/.test(fsrs.describe(60000, 0, "ar")), fsrs.describe(60000, 0, "ar"));
});

test("a card stored as JSON between reviews follows ts-fsrs' reference interval history", () => {
  const ratings = ["good", "good", "good", "good", "good", "good", "again", "again", "good", "good", "good", "good", "good"];
  let card = null;
  let now = START;
  const history = [];
  for (const g of ratings) {
    card = JSON.parse(JSON.stringify(fsrs.review(card, g, now))); // as localStorage keeps it
    history.push(card.scheduled);
    now = new Date(card.due);
  }
  assert.deepEqual(history, [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21]);
});

test("memory state after Again then five Goods matches ts-fsrs' (and fsrs-rs') reference", () => {
  const intervals = [0, 0, 1, 3, 8, 21];
  const ratings = ["again", "good", "good", "good", "good", "good"];
  let card = null;
  let now = START;
  ratings.forEach((g, i) => {
    now = new Date(+now + intervals[i] * 86400000);
    card = fsrs.review(card, g, now);
  });
  assert.ok(Math.abs(card.stability - 53.62691) < 1e-4, String(card.stability));
  assert.ok(Math.abs(card.difficulty - 6.3574867) < 1e-4, String(card.difficulty));
});

test("retrievability follows the forgetting curve (ts-fsrs reference: 0.9024733 at an Easy card's due time)", () => {
  const easy = fsrs.review(null, "easy", new Date("2023-12-01T04:05:00"));
  assert.equal(fsrs.retrievability(easy, new Date(easy.due)), 0.9024733);
  assert.equal(fsrs.retrievability(null, START), 0);
});

test("a higher desired retention gives shorter intervals", () => {
  const card = fsrs.review(fsrs.review(null, "good", START), "good", new Date(+START + 600000));
  const at = new Date(card.due);
  const days = (r) => fsrs.preview(card, at, r).good.days;
  assert.ok(days(0.95) < days(0.9) && days(0.9) < days(0.8), `${days(0.95)} ${days(0.9)} ${days(0.8)}`);
  assert.equal(fsrs.clampRetention(2), 0.97);
  assert.equal(fsrs.clampRetention("x"), 0.9);
});

test("review does not change its input; unknown grades are refused", () => {
  const c = fsrs.review(null, "good", START);
  const before = JSON.stringify(c);
  fsrs.review(c, "easy", new Date(c.due));
  assert.equal(JSON.stringify(c), before);
  assert.throws(() => fsrs.review(c, "perfect", START), /unknown grade/);
});

test("cards scheduled days ahead are due from the start of their day; learning steps to the minute", () => {
  const easy = fsrs.review(null, "easy", START);
  const dueDay = fsrs.dayString(easy.due);
  assert.equal(fsrs.isDue(easy, fsrs.parseDay(dueDay)), true, "due at midnight of its day");
  assert.equal(fsrs.isDue(easy, new Date(fsrs.parseDay(dueDay).getTime() - 1)), false);
  const again = fsrs.review(null, "again", START);
  assert.equal(fsrs.isDue(again, new Date(+START + 30000)), false);
  assert.equal(fsrs.isDue(again, new Date(+START + 60000)), true);
});

test("SM-2 records convert by FSRS's published formula: same due day, every SM-2 field kept", () => {
  // at SM-2's assumed 90 % retention the stability is the interval itself
  assert.equal(fsrs.memoryFromSM2(2.5, 6).stability, 6);
  // a higher ease means an easier card
  assert.ok(fsrs.memoryFromSM2(2.8, 20).difficulty < fsrs.memoryFromSM2(1.6, 20).difficulty);
  const old = { reps: 3, interval: 15, ease: 2.36, lapses: 1, due: "2026-03-20", last: "2026-03-05T09:00:00.000Z", grade: "good" };
  const card = fsrs.fromSM2(old);
  assert.equal(fsrs.dayString(card.due), "2026-03-20");
  assert.equal(card.stability, 15);
  assert.ok(card.difficulty >= 1 && card.difficulty <= 10);
  assert.equal(card.state, 2);
  assert.equal(card.lapses, 1);
  assert.deepEqual(card.sm2, { reps: 3, interval: 15, ease: 2.36, lapses: 1, due: "2026-03-20" });
  assert.equal(fsrs.isDue(card, new Date(2026, 2, 19, 23)), false);
  assert.equal(fsrs.isDue(card, new Date(2026, 2, 20, 0, 1)), true);
  // the converted card is scheduled on by FSRS, and keeps its SM-2 record
  const next = fsrs.review(card, "good", new Date(2026, 2, 20, 9));
  assert.ok(next.scheduled > 15, String(next.scheduled));
  assert.deepEqual(next.sm2, card.sm2);
});

test("calendar days and streaks", () => {
  assert.equal(fsrs.addDays("2028-02-28", 1), "2028-02-29");
  assert.equal(fsrs.daysBetween("2026-03-01", "2026-04-01"), 31);
  assert.equal(fsrs.parseDay("2026-02-30"), null);
  const days = { "2026-03-01": 3, "2026-03-02": 1, "2026-03-03": 5 };
  assert.equal(fsrs.streak(days, "2026-03-03"), 3);
  assert.equal(fsrs.streak(days, "2026-03-04"), 3, "today not reviewed yet: the streak still stands");
  assert.equal(fsrs.streak(days, "2026-03-05"), 0);
});
