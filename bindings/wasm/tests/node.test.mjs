// The Node build, imported through the package's own `exports` map.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import { agenda, dumpPlan, loadPlan, validatePlan } from "careerplan";

const examplePath = new URL("../../../examples/data/plan.json", import.meta.url);
const exampleText = readFileSync(examplePath, "utf8");
const example = () => JSON.parse(exampleText);

/** Call `fn` and return what it threw, failing if it did not throw. */
function thrown(fn) {
  try {
    fn();
  } catch (err) {
    return err;
  }
  assert.fail("expected an exception");
}

test("the example plan loads from text and from an object alike", () => {
  const fromText = loadPlan(exampleText);
  assert.deepEqual(fromText, loadPlan(example()));
  assert.equal(fromText.schema_version, 1);
  assert.equal(fromText.id, "plan-jordan-2026");
  assert.equal(fromText.goals.length, example().goals.length);
  // Plain objects, not Maps, all the way down.
  assert.equal(Object.getPrototypeOf(fromText), Object.prototype);
  assert.equal(Object.getPrototypeOf(fromText.profile.skills[0]), Object.prototype);
});

test("load/dump round trip keeps unknown fields at every level", () => {
  const plan = example();
  plan["x-tool"] = { synced: true, ids: [1, 2, 3] };
  plan.owner.pronouns = "they/them";
  plan.profile.x_profile_note = null;
  plan.profile.skills[0].x_confidence = 0.8;
  plan.goals[0].color = "#ff8800";
  plan.actions[0].resources[0].vendor = { name: "PMI" };
  plan.actions[2].obstacles[0].likelihood = "high";
  plan.reviews[0].mood = 4;
  const before = structuredClone(plan);

  const loaded = loadPlan(plan);
  assert.deepEqual(plan, before, "loadPlan must not modify its argument");
  const text = dumpPlan(loaded);
  assert.ok(text.startsWith('{\n  "schema_version": 1,') && text.endsWith("}\n"));
  const written = JSON.parse(text);
  assert.deepEqual(written, loaded);
  assert.equal(dumpPlan(text), text, "the canonical form is a fixed point");

  assert.deepEqual(written["x-tool"], { synced: true, ids: [1, 2, 3] });
  assert.equal(written.owner.pronouns, "they/them");
  assert.equal(written.profile.x_profile_note, null);
  assert.equal(written.profile.skills[0].x_confidence, 0.8);
  assert.equal(written.goals[0].color, "#ff8800");
  assert.deepEqual(written.actions[0].resources[0].vendor, { name: "PMI" });
  assert.equal(written.actions[2].obstacles[0].likelihood, "high");
  assert.equal(written.reviews[0].mood, 4);
});

test("a version-0 document is migrated", () => {
  const plan = loadPlan({
    id: "draft",
    owner: "Ada Lovelace",
    skills: { Python: 3 },
    goals: [{ id: "g1", title: "Finish the SQL course", term: "short-term", due: "2027-01-31" }],
  });
  assert.equal(plan.schema_version, 1);
  assert.deepEqual(plan.owner, { name: "Ada Lovelace" });
  assert.deepEqual(plan.profile.skills, [{ skill: "Python", level: 3, scale: "dreyfus-5" }]);
  assert.deepEqual(plan.goals[0], {
    id: "g1", title: "Finish the SQL course", horizon: "short", status: "not_started", deadline: "2027-01-31",
  });
});

test("the example plan is valid", () => {
  assert.deepEqual(validatePlan(example()), []);
});

test("validation reports every problem with code, severity and path", () => {
  const plan = example();
  plan.goals[1].parent_id = "no-such-goal";
  plan.actions[1].id = plan.actions[0].id;
  const problems = validatePlan(JSON.stringify(plan));
  assert.ok(Array.isArray(problems));
  const found = problems.map((p) => `${p.code} ${p.path}`);
  assert.ok(found.includes("dangling-reference goals[1].parent_id"), found.join("; "));
  assert.ok(found.includes("duplicate-id actions[1].id"), found.join("; "));
  for (const p of problems) {
    assert.deepEqual(Object.keys(p).sort(), ["code", "message", "path", "severity"]);
    assert.ok(["error", "warning"].includes(p.severity));
  }
});

test("object arguments cross as JSON.stringify writes them", () => {
  // undefined, functions and symbols are left out; NaN is null; toJSON is used.
  const plan = loadPlan({
    schema_version: 1, id: "p", gone: undefined, fn() {}, [Symbol("s")]: 1,
    note: { toJSON: () => "as text" }, score: NaN,
    goals: [{ id: "g", title: "t", deadline: undefined }],
  });
  assert.deepEqual(Object.keys(plan).filter((k) => ["gone", "fn", "note", "score"].includes(k)), ["note", "score"]);
  assert.equal(plan.note, "as text");
  assert.equal(plan.score, null);
  assert.equal(plan.goals[0].deadline, undefined);

  // A Date is a timestamp in JSON, which a date field refuses with its path.
  const date = thrown(() => loadPlan({ schema_version: 1, id: "p", goals: [{ id: "g", title: "t", deadline: new Date(Date.UTC(2027, 0, 5)) }] }));
  assert.deepEqual([date.code, date.path], ["invalid-date", "goals[0].deadline"]);
  assert.match(date.message, /2027-01-05T00:00:00\.000Z/);

  // What JSON cannot hold is an error at its path, never a hang or a trap.
  const cyclic = { schema_version: 1, id: "p", extra: { list: [1] } };
  cyclic.extra.list.push(cyclic);
  const cycle = thrown(() => loadPlan(cyclic));
  assert.deepEqual([cycle.name, cycle.code, cycle.path], ["CareerPlanError", "invalid-value", "extra.list[1]"]);
  const big = thrown(() => agenda({ schema_version: 1, id: "p" }, "2026-01-01", "2026-12-31", { limits: { max_events: 10n } }));
  assert.deepEqual([big.code, big.path], ["invalid-value", "options.limits.max_events"]);

  // JSON text with a key twice in one object keeps neither silently.
  const twice = thrown(() => loadPlan('{"schema_version": 1, "id": "p", "goals": [{"id": "g", "title": "a", "title": "b"}]}'));
  assert.deepEqual([twice.code, twice.path], ["invalid-value", "goals[0]"]);
  assert.match(twice.message, /duplicate field `title`/);
});

test("errors are real Errors with code and path", () => {
  const bad = thrown(() => loadPlan('{"schema_version": 1,\n "id": }'));
  assert.ok(bad instanceof Error);
  assert.equal(bad.name, "CareerPlanError");
  assert.equal(bad.code, "invalid-json");
  assert.equal(bad.path, "id");
  assert.match(bad.message, /^id: line 2, column/);
  assert.ok(typeof bad.stack === "string");

  const date = thrown(() =>
    loadPlan({ schema_version: 1, id: "p", goals: [{ id: "g", title: "t", deadline: "2027-02-30" }] }));
  assert.ok(date instanceof Error);
  assert.equal(date.code, "invalid-date");
  assert.equal(date.path, "goals[0].deadline");
  assert.match(date.message, /^goals\[0\]\.deadline: .*2027-02-30/);

  const newer = thrown(() => validatePlan({ schema_version: 2, id: "p" }));
  assert.equal(newer.code, "unsupported-schema-version");
  assert.equal(newer.path, "schema_version");

  const migration = thrown(() => dumpPlan({ id: "p", goals: [{ id: "g", title: "t", term: "someday" }] }));
  assert.equal(migration.code, "migration-failed");
  assert.equal(migration.path, "goals[0].term");

  const wrongType = thrown(() => loadPlan({ schema_version: 1, id: "p", goals: [{ id: "g", title: 5n }] }));
  assert.equal(wrongType.code, "invalid-value");
  assert.equal(wrongType.path, "goals[0].title");

  const notAPlan = thrown(() => loadPlan(42));
  assert.ok(notAPlan instanceof TypeError);
});
