// Unit tests of the SM-2 scheduler (run by tests/test_learning_js.py through `node --test`).
const test = require("node:test");
const assert = require("node:assert/strict");
const sm2 = require("../../plugins/glossdeck/assets/learning/sm2.js");

const T = "2026-03-01";

test("first good reviews follow SM-2's 1 day, 6 days, then interval x EF", () => {
  let c = sm2.review(sm2.newCard(), "good", T, "t1");
  assert.equal(c.interval, 1);
  assert.equal(c.due, "2026-03-02");
  c = sm2.review(c, "good", c.due, "t2");
  assert.equal(c.interval, 6);
  assert.equal(c.due, "2026-03-08");
  const ease = c.ease;
  c = sm2.review(c, "good", c.due, "t3");
  assert.equal(c.interval, Math.round(6 * ease));
  assert.equal(c.reps, 3);
});

test("the E-Factor follows the published formula and never drops below 1.3", () => {
  // q = 4 leaves EF unchanged; q = 5 adds 0.1; q = 3 subtracts 0.14
  assert.equal(sm2.review(sm2.newCard(), "good", T).ease, 2.5);
  assert.equal(sm2.review(sm2.newCard(), "easy", T).ease, 2.6);
  assert.equal(sm2.review(sm2.newCard(), "hard", T).ease, 2.36);
  let c = sm2.newCard();
  for (let i = 0; i < 20; i++) c = sm2.review(c, "hard", T);
  assert.equal(c.ease, 1.3);
});

test("again restarts repetitions without changing the E-Factor, and counts a lapse", () => {
  let c = sm2.review(sm2.newCard(), "easy", T);
  c = sm2.review(c, "good", c.due);
  const ease = c.ease;
  c = sm2.review(c, "again", c.due);
  assert.equal(c.reps, 0);
  assert.equal(c.interval, 1);
  assert.equal(c.ease, ease);
  assert.equal(c.lapses, 1);
  assert.equal(sm2.review(c, "good", c.due).interval, 1, "I(1) again after a lapse");
});

test("review does not change its input; unknown grades are refused", () => {
  const c = sm2.newCard();
  const before = JSON.stringify(c);
  sm2.review(c, "good", T);
  assert.equal(JSON.stringify(c), before);
  assert.throws(() => sm2.review(c, "perfect", T), /unknown grade/);
});

test("due dates are calendar days, also across month ends and leap days", () => {
  assert.equal(sm2.addDays("2028-02-28", 1), "2028-02-29");
  assert.equal(sm2.addDays("2026-12-31", 1), "2027-01-01");
  assert.equal(sm2.daysBetween("2026-03-01", "2026-04-01"), 31);
  assert.equal(sm2.isDue({ due: "2026-03-01" }, "2026-03-01"), true);
  assert.equal(sm2.isDue({ due: "2026-03-02" }, "2026-03-01"), false);
  assert.equal(sm2.parseDay("2026-02-30"), null);
});

test("grades below good are drilled again in the session (SM-2 step 7)", () => {
  assert.deepEqual(sm2.GRADES.map(sm2.needsRedrill), [true, true, false, false]);
  assert.deepEqual(sm2.preview(sm2.newCard(), T), { again: 1, hard: 1, good: 1, easy: 1 });
});
