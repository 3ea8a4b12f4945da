// The SMART linter in the Node build: lintGoal, lintMany, lintPlan, rules.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import { lintGoal, lintMany, lintPlan, rules } from "careerplan";

const TODAY = "2026-11-22";
const VAGUE = "Try to get better at leadership and communication so that I can advance in my career someday.";
const SPECIFIC = "Earn the AWS Solutions Architect Professional certification by March 15, 2027.";
const REPORT_KEYS = ["text", "deadline", "criteria", "diagnostics", "time_expressions"];
const CRITERIA = ["specific", "measurable", "achievable", "relevant", "time_bound"];

const examplePath = new URL("../../../examples/data/plan.json", import.meta.url);
const example = () => JSON.parse(readFileSync(examplePath, "utf8"));

/** Call `fn` and return what it threw, failing if it did not throw. */
function thrown(fn) {
  try {
    fn();
  } catch (err) {
    return err;
  }
  assert.fail("expected an exception");
}

/** The text a byte span covers (the contract's offsets), checking it is on character boundaries. */
function byteSlice(text, span) {
  const bytes = Buffer.from(text, "utf8");
  assert.ok(0 <= span.start && span.start <= span.end && span.end <= bytes.length, JSON.stringify(span));
  const piece = bytes.subarray(span.start, span.end);
  // A span inside a character would decode with U+FFFD and not re-encode to the same bytes.
  assert.deepEqual(Buffer.from(piece.toString("utf8"), "utf8"), piece);
  return piece.toString("utf8");
}

/** Both spans of a diagnostic, fix or time expression cover the same words. */
function checkSpans(text, item) {
  assert.ok(item.span_utf16, `no span_utf16 on ${JSON.stringify(item)}`);
  const viaUtf16 = text.slice(item.span_utf16.start, item.span_utf16.end);
  assert.equal(viaUtf16, byteSlice(text, item.span));
  return viaUtf16;
}

/** Every diagnostic code, merged ones included. */
const codes = (report) => report.diagnostics.flatMap((d) => [d.code, ...(d.also ?? [])]);

function checkShape(report) {
  assert.deepEqual(Object.keys(report), REPORT_KEYS);
  assert.ok(report.deadline === null || /^\d{4}-\d{2}-\d{2}$/.test(report.deadline));
  assert.deepEqual(Object.keys(report.criteria), CRITERIA);
  for (const v of Object.values(report.criteria)) {
    assert.deepEqual(Object.keys(v), ["met", "score"]);
    assert.ok([true, false, null].includes(v.met));
    assert.ok(Number.isInteger(v.score) && v.score >= 0 && v.score <= 100);
  }
  for (const d of report.diagnostics) {
    assert.deepEqual(Object.keys(d).slice(0, 6), ["code", "criterion", "severity", "message", "span", "suggestion"]);
    for (const k of Object.keys(d)) assert.ok(["code", "criterion", "severity", "message", "span", "suggestion", "fix", "also", "span_utf16"].includes(k), k);
    assert.ok(CRITERIA.includes(d.criterion));
    assert.ok(["info", "warning", "error"].includes(d.severity));
    checkSpans(report.text, d);
    if (d.fix) {
      assert.ok(["safe", "unsafe", "display-only"].includes(d.fix.applicability));
      checkSpans(report.text, d.fix);
    }
  }
  for (const e of report.time_expressions) assert.equal(checkSpans(report.text, e), e.text);
}

function generatedGoals(n) {
  // A small LCG so the texts are the same on every run.
  let seed = 7;
  const pick = (items) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return items[(seed >>> 16) % items.length];
  };
  const verbs = ["Earn", "Lead", "Publish", "Try to improve", "Grow", "Mentor", "Complete", "Maybe launch"];
  const objects = ["the PMP certification", "a team of 6 engineers", "two articles on analytics", "my leadership",
    "café operations", "the 日本語 onboarding guide", "🚀 rocket launches", "مشروع التحليل", "more",
    "average resolution time by 20%", "3,000 hours of practice"];
  const deadlines = ["within six months", "by the end of Q3 2027", "by March 15, 2027", "someday", "",
    "in two and a half years", "every month", "by 03/04/2027", "within 6 months of graduation", "by 2020",
    "soon", "within a fortnight", "next quarter"];
  return Array.from({ length: n }, () =>
    [pick(verbs), pick(objects), pick(deadlines), pick(["", "", "", `and ${pick(verbs).toLowerCase()} ${pick(objects)}`])]
      .filter(Boolean).join(" ") + pick([".", "", "!", " 👍"]));
}

test("a report is the contract shape plus UTF-16 spans", () => {
  for (const text of [VAGUE, SPECIFIC, "", "Publish 4 posts every month by EOM."]) {
    const report = lintGoal(text, { today: TODAY });
    checkShape(report);
    assert.equal(report.text, text);
    assert.equal(Object.getPrototypeOf(report), Object.prototype);
  }
});

test("a vague goal fails specific, measurable and time-bound", () => {
  const report = lintGoal(VAGUE, { today: TODAY });
  const c = report.criteria;
  assert.deepEqual([c.specific.met, c.measurable.met, c.time_bound.met], [false, false, false]);
  assert.equal(c.relevant.met, null);
  assert.equal(report.deadline, null);
  const found = Object.fromEntries(report.diagnostics.map((d) => [d.code, checkSpans(VAGUE, d)]));
  assert.equal(found.hedge, "Try to");
  assert.equal(found["vague-deadline"], "someday");
  assert.ok("vague-outcome" in found);
});

test("a specific goal passes", () => {
  const report = lintGoal(SPECIFIC, { today: TODAY });
  const c = report.criteria;
  assert.deepEqual([c.specific.met, c.measurable.met, c.time_bound.met], [true, true, true]);
  assert.equal(report.deadline, "2027-03-15");
  assert.deepEqual(report.diagnostics.filter((d) => d.severity !== "info"), []);
  assert.equal(report.time_expressions[0].text, "by March 15, 2027");
});

test("the deadline resolves against today", () => {
  const text = "Pass the CCNA exam within a month.";
  assert.equal(lintGoal(text, { today: "2026-11-22" }).deadline, "2026-12-22");
  assert.equal(lintGoal(text, { today: "2027-01-31" }).deadline, "2027-02-28");
  assert.equal(lintGoal(text, { config: { today: "2020-01-01" } }).deadline, "2020-02-01");
  assert.equal(lintGoal(text, { today: TODAY, config: { today: "2020-01-01" } }).deadline, "2026-12-22");
  const late = lintGoal(SPECIFIC, { today: "2027-06-01" });
  assert.equal(late.criteria.achievable.met, false);
  assert.ok(codes(late).includes("deadline-passed"));
  // Options may be left out or null.
  checkShape(lintGoal(text));
  checkShape(lintGoal(text, null));
});

test("context is used", () => {
  const ctx = { deadline: "2027-03-31", linked_values: ["growth"], values: ["growth"] };
  const report = lintGoal("Pass the CCNA exam.", { today: TODAY, context: ctx });
  assert.equal(report.deadline, "2027-03-31");
  assert.deepEqual(report.criteria.relevant, { met: true, score: 100 });
});

test("lintMany equals lintGoal one by one", () => {
  const texts = generatedGoals(200);
  const expected = texts.map((t) => lintGoal(t, { today: TODAY }));
  assert.deepEqual(lintMany(texts, { today: TODAY }).toArray(), expected);
  assert.deepEqual([...lintMany(texts, { today: TODAY })], expected);
  assert.deepEqual(lintMany([], { today: TODAY }).toArray(), []);
  const quiet = lintMany(texts, { today: TODAY, config: { rules: { hedge: { enabled: false } } } }).toArray();
  assert.ok(!quiet.some((r) => codes(r).includes("hedge")));
  assert.ok(expected.some((r) => codes(r).includes("hedge")));
});

test("lintMany's LintReports: at, length, iteration, toArray, columns", () => {
  const texts = [SPECIFIC, VAGUE, "Publish 4 posts by June 2027."];
  const expected = texts.map((t) => lintGoal(t, { today: TODAY }));
  const reports = lintMany(texts, { today: TODAY });
  assert.equal(reports.length, 3);
  assert.deepEqual(reports.at(0), expected[0]);
  // An item is made once, then the same object, as an array would give it.
  assert.equal(reports.at(1), reports.at(1));
  assert.equal(reports.at(-1), reports.at(2));
  assert.equal(reports.at(1.7), reports.at(1));
  for (const outside of [3, -4, 2 ** 60, Infinity, -Infinity]) assert.equal(reports.at(outside), undefined);
  assert.equal(reports.at(NaN), reports.at(0));
  const seen = [];
  for (const r of reports) seen.push(r.text);
  assert.deepEqual(seen, texts);
  const all = reports.toArray();
  assert.ok(Array.isArray(all) && all.length === 3 && all[1] === reports.at(1));
  assert.deepEqual(all, expected);
  // Nothing read before toArray: one JSON.parse, then the same objects from at().
  const fresh = lintMany(texts, { today: TODAY });
  const freshAll = fresh.toArray();
  assert.deepEqual(freshAll, expected);
  assert.equal(fresh.at(2), freshAll[2]);
  assert.deepEqual(fresh.scores(), Object.fromEntries(CRITERIA.map((c) => [c, expected.map((r) => r.criteria[c].score)])));
  assert.deepEqual(fresh.deadlines(), ["2027-03-15", null, "2027-06-30"]);
  fresh.free();
});

test("UTF-16 spans index JS strings with emoji, accents and RTL text", () => {
  const texts = [
    "🚀🚀 Try to get better at café management someday 👍",
    "Publier 3 articles sur l'économie d'ici le 2027-06-30 — peut-être",
    "مرحبا Try to improve my Arabic soon \u200f",
    "e\u0301 Earn the PMP 🎓 within six months of graduation",
    "Improve my 日本語 skills by Q3 2027 and maybe lead 👩🏽‍💻 a team",
  ];
  const reports = lintMany(texts, { today: TODAY }).toArray();
  assert.ok(reports.reduce((n, r) => n + r.diagnostics.length, 0) >= 8);
  reports.forEach(checkShape);
  const hedge = reports[0].diagnostics.find((d) => d.code === "hedge");
  assert.deepEqual(hedge.span, { start: 9, end: 15 }); // each rocket is 4 bytes...
  assert.deepEqual(hedge.span_utf16, { start: 5, end: 11 }); // ...and 2 UTF-16 units
  assert.equal(texts[0].slice(hedge.span_utf16.start, hedge.span_utf16.end), "Try to");
});

test("configuration errors name the setting", () => {
  const err = thrown(() => lintGoal(SPECIFIC, { config: { rules: { "vage-outcome": { enabled: false } } } }));
  assert.ok(err instanceof Error);
  assert.equal(err.name, "CareerPlanError");
  assert.equal(err.code, "invalid-value");
  assert.equal(err.path, "rules.vage-outcome");
  assert.match(err.message, /vague-outcome/);
  for (const call of [
    (config) => lintMany(["x"], { config }),
    (config) => lintPlan({ schema_version: 1, id: "p" }, { config }),
  ]) {
    assert.equal(thrown(() => call({ rules: { "vage-outcome": {} } })).path, "rules.vage-outcome");
  }
  const cases = [
    [{ thresholds: { hours_per_week: -1 } }, "thresholds.hours_per_week"],
    [{ thresholds: { max_active_goals: "five" } }, "thresholds.max_active_goals"],
    [{ rules: { hedge: { severity: "fatal" } } }, "rules.hedge.severity"],
    [{ todya: TODAY }, "todya"],
  ];
  for (const [config, path] of cases) {
    const e = thrown(() => lintGoal("x", { config }));
    assert.equal(e.code, "invalid-value");
    assert.equal(e.path, path);
  }
  const date = thrown(() => lintGoal("x", { config: { today: "2027-02-30" } }));
  assert.deepEqual([date.code, date.path], ["invalid-date", "today"]);
});

test("bad options", () => {
  const today = thrown(() => lintGoal(SPECIFIC, { today: "2027-02-30" }));
  assert.deepEqual([today.code, today.path], ["invalid-date", "today"]);
  const unknown = thrown(() => lintGoal(SPECIFIC, { todya: TODAY }));
  assert.equal(unknown.code, "invalid-value");
  assert.match(unknown.message, /todya/);
  const noContext = thrown(() => lintMany(["x"], { context: {} }));
  assert.equal(noContext.code, "invalid-value");
  const ctx = thrown(() => lintGoal(SPECIFIC, { context: { deadline: "2027-13-01" } }));
  assert.deepEqual([ctx.code, ctx.path], ["invalid-date", "deadline"]);
});

test("lintPlan lints every goal and the plan, with UTF-16 spans", () => {
  const plan = example();
  const report = lintPlan(plan, { today: TODAY });
  assert.deepEqual(Object.keys(report), ["goals", "findings"]);
  assert.deepEqual(lintPlan(JSON.stringify(plan), { today: TODAY }), report);
  assert.deepEqual(report.goals.map((g) => g.goal_id), plan.goals.map((g) => g.id));
  report.goals.forEach((g, i) => {
    assert.deepEqual(Object.keys(g), ["goal_id", "path", ...REPORT_KEYS]);
    assert.equal(g.path, `goals[${i}]`);
    checkShape(Object.fromEntries(REPORT_KEYS.map((k) => [k, g[k]])));
    assert.equal(g.deadline, plan.goals[i].deadline ?? null);
    assert.equal(g.criteria.relevant.met, true);
  });
  for (const f of report.findings) {
    assert.deepEqual(Object.keys(f), ["code", "criterion", "severity", "message", "path", "goal_ids", "suggestion"]);
  }
  const dup = lintPlan({ schema_version: 1, id: "p", goals: [
    { id: "a", title: "Pass the CCNA exam by 2027-03-31" },
    { id: "b", title: "Pass the CCNA exam by March 31, 2027" },
  ] }, { today: TODAY });
  assert.ok(dup.findings.some((f) => f.code === "duplicate-goal" && f.path === "goals[1]"));
  const bad = thrown(() => lintPlan("{"));
  assert.equal(bad.code, "invalid-json");
});

test("aims, kinds and rates reach JavaScript with UTF-16 spans", () => {
  const compound = "🚀 Double my salary and become CTO of Google within 2 weeks.";
  const r = lintGoal(compound, { today: TODAY });
  assert.deepEqual(codes(r).sort(), ["compound-goal", "extreme-scope"]);
  assert.equal(r.criteria.achievable.met, false);
  const cto = r.diagnostics.find((d) => d.code === "extreme-scope");
  assert.equal(compound.slice(cto.span_utf16.start, cto.span_utf16.end), "CTO");
  assert.match(r.diagnostics.find((d) => d.code === "compound-goal").message, /`Double my salary`, `become CTO of Google`/);
  const rate = lintGoal("📚 Complete 120 online courses in 30 days.", { today: TODAY });
  const d = rate.diagnostics.find((x) => x.code === "implausible-rate");
  assert.equal("📚 Complete 120 online courses in 30 days.".slice(d.span_utf16.start, d.span_utf16.end), "120 online courses");
  assert.match(d.message, /120 in 30 days = 4 a day/);
  assert.equal(rate.criteria.achievable.met, false);
  const kind = lintGoal("Earn a certification by June 2027.", { today: TODAY });
  assert.deepEqual(codes(kind), ["generic-outcome"]);
  assert.equal(kind.criteria.specific.met, false);
  const belief = lintGoal("Talk to my manager about a promotion (confidence: 6 of 10).", { today: TODAY });
  assert.equal(belief.criteria.measurable.met, false);
  // Every failed verdict carries a diagnostic of its criterion.
  for (const rep of [r, rate, kind, belief]) {
    for (const [criterion, v] of Object.entries(rep.criteria)) {
      if (v.met === false) assert.ok(rep.diagnostics.some((x) => x.criterion === criterion && x.suggestion), `${criterion} in ${rep.text}`);
    }
  }
});

test("rules() documents every rule, and their examples work", () => {
  const all = rules();
  assert.ok(all.length >= 25);
  assert.equal(new Set(all.map((r) => r.code)).size, all.length);
  for (const rule of all) {
    assert.deepEqual(Object.keys(rule), ["code", "criterion", "severity", "scope", "penalty", "summary",
      "message", "suggestion", "explanation", "bad", "good"]);
    for (const [example, fires] of [[rule.bad, true], [rule.good, false]]) {
      const found = rule.scope === "plan"
        ? lintPlan(example.plan, { today: TODAY }).findings.map((f) => f.code)
        : codes(lintGoal(example.text, { today: TODAY, context: example.context }));
      assert.equal(found.includes(rule.code), fires, `${rule.code}: ${example.text}`);
    }
  }
});

test("time conventions are config options; impossible dates are findings", () => {
  const today = "2026-12-02"; // a Wednesday
  const deadline = (text, config) => lintGoal(text, { today, config }).deadline;
  assert.equal(deadline("Ship it next thursday."), "2026-12-10");
  assert.equal(deadline("Ship it next thursday.", { next_weekday: "nearest" }), "2026-12-03");
  assert.equal(deadline("Ship it by the end of next week."), "2026-12-13");
  assert.equal(deadline("Ship it by the end of next week.", { week_start: "sunday" }), "2026-12-12");
  assert.equal(deadline("Ship it by Thanksgiving.", { holiday_regions: ["ca"] }), "2027-10-11");
  assert.throws(() => deadline("x", { week_start: "friday" }), (e) => e.code === "invalid-value");
  // "é" before the date: the UTF-16 span differs from the byte span.
  const text = "Déposer la thèse by February 30, 2027.";
  const report = lintGoal(text, { today });
  const d = report.diagnostics.find((x) => x.code === "impossible-date");
  assert.ok(d, JSON.stringify(report.diagnostics));
  assert.equal(text.slice(d.span_utf16.start, d.span_utf16.end), "February 30, 2027");
  assert.equal(report.deadline, null);
  assert.equal(report.time_expressions[0].kind, "impossible_date");
});

test("lintMany errors: 'item' costs the long text only; 'raise' (the default) throws", () => {
  const long = "grow ".repeat(14_000);
  const texts = ["Try to get better at sales soon.", long, "Pass the CCNA exam by June 2027."];
  const raised = thrown(() => lintMany(texts, { today: TODAY }));
  assert.deepEqual([raised.code, raised.path], ["limit-exceeded", "texts[1]"]);
  const reports = lintMany(texts, { today: TODAY, errors: "item" });
  assert.equal(reports.length, 3);
  assert.deepEqual(reports.at(0), lintGoal(texts[0], { today: TODAY }));
  assert.deepEqual(reports.at(1), {
    error: {
      code: "limit-exceeded",
      message: "the text has 70000 bytes, more than the limit of 65536 for one goal statement (limit max_text_bytes)",
      path: "texts[1]",
      limit: "max_text_bytes",
    },
  });
  assert.equal(reports.at(2).deadline, "2027-06-30");
  assert.deepEqual(reports.toArray()[1], reports.at(1));
  assert.deepEqual([...reports].map((r) => "error" in r), [false, true, false]);
  assert.deepEqual(reports.deadlines(), [null, null, "2027-06-30"]);
  assert.deepEqual(reports.scores().time_bound, [0, null, 100]);
  assert.deepEqual(reports.errors(), [[1, reports.at(1)]]);
  // Nothing failed: the same reports as "raise".
  const ok = lintMany([texts[0], texts[2]], { today: TODAY, errors: "item" });
  assert.deepEqual(ok.toArray(), lintMany([texts[0], texts[2]], { today: TODAY }).toArray());
  assert.deepEqual(ok.errors(), []);
  const bad = thrown(() => lintMany(texts, { errors: "skip" }));
  assert.deepEqual([bad.code, bad.path], ["invalid-value", "errors"]);
});

test("a missing or wrong argument is a CareerPlanError with a code", () => {
  for (const [call, path] of [[() => lintGoal(), "text"], [() => lintMany(), "texts"]]) {
    const err = thrown(call);
    assert.equal(err.name, "CareerPlanError");
    assert.deepEqual([err.code, err.path], ["invalid-argument", path]);
  }
  const notText = thrown(() => lintMany(["ok", 3]));
  assert.ok(notText instanceof TypeError);
  assert.equal(notText.code, "invalid-argument");
  assert.match(notText.message, /^texts\[1\]/);
});

test("a byte-order mark is skipped; spans still index the string given", () => {
  const text = "Try to get better at sales soon.";
  const plain = lintGoal(text, { today: TODAY });
  const marked = lintGoal("\ufeff" + text, { today: TODAY });
  assert.equal(marked.text, "\ufeff" + text);
  assert.deepEqual(marked.diagnostics.map((d) => d.code), plain.diagnostics.map((d) => d.code));
  marked.diagnostics.forEach((d, i) => {
    const p = plain.diagnostics[i];
    assert.deepEqual(d.span, { start: p.span.start + 3, end: p.span.end + 3 });
    assert.deepEqual(d.span_utf16, { start: p.span_utf16.start + 1, end: p.span_utf16.end + 1 });
    assert.equal(marked.text.slice(d.span_utf16.start, d.span_utf16.end), text.slice(p.span_utf16.start, p.span_utf16.end));
  });
});
