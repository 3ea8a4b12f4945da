// The scheduling and progress functions of the Node build, checked against
// the CLI's golden files (the same core behind both).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import {
  agenda, loadPlan, nextReview, overdue, planStatus, progress, recordReview, roadmap, toIcs,
  validatePlan,
} from "careerplan";

const exampleText = readFileSync(new URL("../../../examples/data/plan.json", import.meta.url), "utf8");
const example = () => JSON.parse(exampleText);
const golden = (name) =>
  readFileSync(new URL(`../../../crates/careerplan-cli/tests/golden/${name}`, import.meta.url), "utf8");

const TODAY = "2026-11-22";
const END = "2027-03-31";
const REVIEW_KINDS = ["ad_hoc_review", "periodic_review", "at_risk_review", "midpoint_review", "checkin"];

/** Call `fn` and return what it threw, failing if it did not throw. */
function thrown(fn) {
  try {
    fn();
  } catch (err) {
    return err;
  }
  assert.fail("expected an exception");
}

test("agenda matches the CLI's JSON", () => {
  // careerplan schedule --plan examples/data/plan.json --today 2026-11-22
  //   --from 2026-11-22 --to 2027-03-31 --format json
  const expected = JSON.parse(golden("schedule-json.stdout"));
  assert.deepEqual(agenda(example(), TODAY, END), expected);
  assert.deepEqual(agenda(exampleText, TODAY, END, { today: TODAY }), expected);
  assert.deepEqual(agenda(example(), TODAY, END, null), expected);
  const events = agenda(example(), TODAY, END);
  for (const e of events) {
    assert.deepEqual(Object.keys(e).sort(), ["date", "kind", "prompts", "subject_id", "title"]);
    assert.equal(Object.getPrototypeOf(e), Object.prototype);
    assert.ok(Array.isArray(e.prompts));
  }
});

test("agenda options filter kinds and replace prompts", () => {
  const events = agenda(example(), TODAY, END, {
    kinds: ["periodic_review"],
    prompts: { periodic_review: ["What changed?"] },
  });
  assert.ok(events.length > 0);
  for (const e of events) {
    assert.equal(e.kind, "periodic_review");
    assert.deepEqual(e.prompts, ["What changed?"]);
  }
});

test("monthly reviews from Jan 31 clamp to each month's end", () => {
  const plan = { schema_version: 1, id: "p", review_policy: { cadence: "monthly", anchor: "2028-01-31" } };
  assert.deepEqual(
    agenda(plan, "2028-01-01", "2028-05-31").map((e) => e.date),
    ["2028-01-31", "2028-02-29", "2028-03-31", "2028-04-30", "2028-05-31"],
  );
});

test("nextReview is the agenda's first review, or null", () => {
  const first = agenda(example(), TODAY, END).find((e) => REVIEW_KINDS.includes(e.kind));
  assert.deepEqual(nextReview(example(), TODAY), first);
  assert.equal(nextReview({ schema_version: 1, id: "empty" }, TODAY), null);
});

test("overdue lists each missed subject and kind once, oldest first", () => {
  const late = overdue(example(), "2027-08-01");
  assert.ok(late.length > 0);
  const keys = late.map((e) => `${e.subject_id} ${e.kind}`);
  assert.equal(new Set(keys).size, keys.length);
  assert.deepEqual(late.map((e) => e.date), late.map((e) => e.date).sort());
  assert.ok(late.every((e) => e.date < "2027-08-01"));
  assert.ok(late.some((e) => e.kind === "goal_deadline"));
  assert.deepEqual(overdue({ schema_version: 1, id: "empty" }, TODAY), []);
});

test("toIcs matches the CLI's iCalendar file", () => {
  const ics = toIcs(example(), TODAY, END, { agenda: { today: TODAY } });
  assert.equal(ics, golden("schedule-ics.stdout"));
  assert.ok(ics.endsWith("END:VCALENDAR\r\n"));
  assert.ok(!ics.replaceAll("\r\n", "").includes("\n"), "CRLF line ends only");
  for (const line of ics.split("\r\n")) {
    assert.ok(Buffer.byteLength(line) <= 75, line);
  }
  // Every agenda event has its component: a series by UID, others by date.
  const uids = new Set([...ics.matchAll(/^UID:(.*)$/gm)].map((m) => m[1]));
  assert.ok(uids.size > 0);
  for (const e of agenda(example(), TODAY, END)) {
    const series = `plan-jordan-2026/${e.kind}/${e.subject_id}@careerplan`;
    const single = `plan-jordan-2026/${e.kind}/${e.subject_id}/${e.date.replaceAll("-", "")}@careerplan`;
    assert.ok(uids.has(series) || uids.has(single), `${e.date} ${e.kind} ${e.subject_id}`);
  }
});

test("toIcs options", () => {
  const ics = toIcs(example(), TODAY, END, {
    dtstamp: "2026-12-01T08:00:00Z", alarm_days_before: 1, calendar_name: "Reviews",
  });
  assert.match(ics, /^X-WR-CALNAME:Reviews\r$/m);
  assert.ok(ics.includes("DTSTAMP:20261201T080000Z\r\n"));
  assert.ok(!ics.includes("DTSTAMP:20261115T173000Z"));
  assert.ok(ics.includes("BEGIN:VALARM\r\n"));
});

test("recordReview returns the updated plan and leaves the argument alone", () => {
  const plan = example();
  const before = structuredClone(plan);
  const updated = recordReview(plan, {
    id: "",
    date: TODAY,
    answers: [{ prompt: "Am I meeting the deadlines I set for my goals?", answer: "Not for the PMP." }],
    changes: [{ kind: "deadline_moved", goal_id: "g-pmp", to: "2027-04-30" }],
  });
  assert.deepEqual(plan, before);
  const review = updated.reviews.find((r) => r.date === TODAY);
  assert.equal(review.id, `review-${TODAY}`);
  const oldDeadline = before.goals.find((g) => g.id === "g-pmp").deadline;
  assert.deepEqual(review.changes, [
    { kind: "deadline_moved", goal_id: "g-pmp", from: oldDeadline, to: "2027-04-30" },
  ]);
  assert.deepEqual(review.progress.map((p) => p.goal_id), before.goals.map((g) => g.id));
  assert.equal(updated.goals.find((g) => g.id === "g-pmp").deadline, "2027-04-30");
  assert.equal(updated.reviews.length, before.reviews.length + 1);
  assert.deepEqual(validatePlan(updated), []);
  assert.deepEqual(loadPlan(updated), updated);

  const bad = thrown(() => recordReview(plan, {
    id: "", date: TODAY, changes: [{ kind: "goal_abandoned", goal_id: "nope" }],
  }));
  assert.equal(bad.code, "invalid-value");
  assert.equal(bad.path, "review.changes[0].goal_id");
  const missing = thrown(() => recordReview(plan, { date: TODAY }));
  assert.equal(missing.path, "review");
});

test("progress gives every goal's percent and source", () => {
  const goals = progress(example());
  assert.deepEqual(goals.map((g) => g.goal_id), example().goals.map((g) => g.id));
  for (const g of goals) {
    assert.deepEqual(Object.keys(g).sort(), ["goal_id", "percent", "source"]);
    assert.ok(g.percent >= 0 && g.percent <= 100);
  }
  const network = goals.find((g) => g.goal_id === "g-network");
  assert.equal(network.source, "metric");
  assert.ok(Math.abs(network.percent - 100 / 3) < 1e-9);
});

test("planStatus summarises the plan", () => {
  const status = planStatus(example(), TODAY);
  assert.deepEqual(planStatus(exampleText, TODAY, {}), status);
  assert.equal(status.today, TODAY);
  assert.deepEqual(Object.keys(status).sort(), [
    "achievements", "counts", "counts_by_horizon", "goals", "next_deadlines", "overall_percent",
    "overdue_actions", "period_start", "today",
  ]);
  const sum = (o) => Object.values(o).reduce((a, b) => a + b, 0);
  assert.equal(sum(status.counts), example().goals.length);
  assert.equal(Object.values(status.counts_by_horizon).map(sum).reduce((a, b) => a + b, 0), example().goals.length);
  for (const g of status.goals) {
    assert.equal(Object.keys(g).length, 11);
    assert.ok(["ahead", "on_track", "at_risk", "off_track", "overdue", "done", "abandoned", "unscheduled"]
      .includes(g.status));
  }
  for (const d of status.next_deadlines) assert.ok(d.days_left >= 0 && ["goal", "action"].includes(d.kind));
  const lenient = planStatus(example(), TODAY, { at_risk_points: 90, off_track_points: 95 });
  assert.ok(lenient.goals.every((g) => g.status !== "at_risk" && g.status !== "off_track"));
});

test("roadmap matches the CLI in Markdown and Mermaid; SVG honours its options", () => {
  assert.equal(roadmap(example(), TODAY, "markdown"), golden("roadmap-md.stdout"));
  // `md` (the CLI's name) and `markdown` are one format on every face.
  assert.equal(roadmap(example(), TODAY, "md"), golden("roadmap-md.stdout"));
  assert.equal(roadmap(example(), TODAY, "mermaid"), golden("roadmap-mermaid.stdout"));
  const svg = roadmap(example(), TODAY, "svg", { width: 900, title: "Jordan" });
  assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="900"'));
  assert.ok(svg.includes('<title id="roadmap-title">Jordan</title>'));
});

test("bad arguments throw CareerPlanErrors with code and path", () => {
  const cases = [
    [() => agenda(example(), "2027-02-30", END), "invalid-date", "from"],
    [() => agenda(example(), TODAY, "2027-3-31"), "invalid-date", "to"],
    [() => nextReview(example(), ""), "invalid-date", "today"],
    [() => overdue(example(), "tomorrow"), "invalid-date", "today"],
    [() => toIcs(example(), TODAY, "2027-02-29"), "invalid-date", "to"],
    [() => planStatus(example(), "2026-13-01"), "invalid-date", "today"],
    [() => roadmap(example(), "2026-11-31", "svg"), "invalid-date", "today"],
    [() => agenda(example(), END, TODAY), "invalid-argument", "from"],
    [() => agenda(example(), TODAY, END, { kind: ["checkin"] }), "invalid-value", "options.kind"],
    [() => agenda(example(), TODAY, END, { kinds: ["meeting"] }), "invalid-value", "options.kinds[0]"],
    [() => agenda(example(), TODAY, END, { today: "2026-02-30" }), "invalid-date", "options.today"],
    [() => agenda(example(), TODAY, END, { progress: { at_risk_points: -1 } }),
      "invalid-argument", "options.progress.at_risk_points"],
    [() => toIcs(example(), TODAY, END, { agenda: { progress: { off_track_points: 1 } } }),
      "invalid-argument", "options.agenda.progress.off_track_points"],
    [() => toIcs(example(), TODAY, END, { dtstamp: "yesterday" }), "invalid-value", "options.dtstamp"],
    [() => planStatus(example(), TODAY, { ahead_points: "ten" }), "invalid-value", "options.ahead_points"],
    [() => roadmap(example(), TODAY, "pdf"), "invalid-value", "format"],
    [() => roadmap(example(), TODAY, "svg", { width: 300 }), "invalid-argument", "options.width"],
    [() => agenda("{", "not a date", END), "invalid-json", ""],
  ];
  for (const [call, code, path] of cases) {
    const err = thrown(call);
    assert.ok(err instanceof Error, String(err));
    assert.equal(err.name, "CareerPlanError");
    assert.deepEqual([err.code, err.path], [code, path], err.message);
    if (path) assert.ok(err.message.startsWith(`${path}: `), err.message);
  }
});

test("dates are strings: a Date or a number is a TypeError", () => {
  const date = thrown(() => planStatus(example(), new Date(2026, 10, 22)));
  assert.ok(date instanceof TypeError);
  assert.match(date.message, /^today: expected a date as a 'YYYY-MM-DD' string, got a Date object/);
  const number = thrown(() => agenda(example(), 20261122, END));
  assert.ok(number instanceof TypeError);
  assert.match(number.message, /^from: .* got number/);
});

test("a missing argument is a CareerPlanError with code invalid-argument and the argument's name", () => {
  const plan = example();
  for (const [call, path] of [
    [() => agenda(plan), "from"],
    [() => toIcs(plan, TODAY), "to"],
    [() => recordReview(plan), "review"],
    [() => roadmap(plan, TODAY), "format"],
    [() => planStatus(plan), "today"],
    [() => progress(), "plan"],
  ]) {
    let err = null;
    try {
      call();
    } catch (e) {
      err = e;
    }
    assert.ok(err, `no error for ${path}`);
    assert.equal(err.name, "CareerPlanError");
    assert.deepEqual([err.code, err.path], ["invalid-argument", path], err.message);
    assert.match(err.message, /missing argument/);
  }
});
