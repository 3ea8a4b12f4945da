// draftPlan and RoleCatalog.fromEsco: the example plan against a built-in
// role, an O*NET occupation and an ESCO occupation; the drafted goals pass
// the linter, the result validates, schedules, and drafting again adds nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";

import { RoleCatalog, agenda, draftPlan, validatePlan } from "careerplan";

const exampleText = readFileSync(new URL("../../../examples/data/plan.json", import.meta.url), "utf8");
const example = () => JSON.parse(exampleText);
const ONET = new URL("../../../../shared/data/onet/", import.meta.url);
const ESCO = new URL("../../../crates/careerplan/tests/data/esco/", import.meta.url);
const DATA_SCIENTIST = "a1b2c3d4-0000-4000-8000-000000000001";
const START = "2026-12-07";

function thrown(fn) {
  try {
    fn();
  } catch (err) {
    return err;
  }
  assert.fail("expected an exception");
}

function escoFiles() {
  const read = (name) => readFileSync(new URL(name, ESCO), "utf8");
  return {
    occupations: read("occupations_en.csv"),
    skills: read("skills_en.csv"),
    relations: read("occupationSkillRelations_en.csv"),
  };
}

function check(report, role, catalog) {
  assert.ok(report.feasibility.feasible, report.feasibility.message);
  assert.ok(report.added_goals.length > 0);
  for (const goal of report.drafted) {
    for (const c of ["specific", "measurable", "time_bound"]) {
      assert.equal(goal.lint.criteria[c].met, true, `${goal.title}: ${c}`);
    }
    assert.deepEqual(goal.lint.diagnostics.filter((d) => d.severity !== "info"), [], goal.title);
  }
  assert.deepEqual(validatePlan(report.plan), []);
  const again = draftPlan(report.plan, role, { start: START, catalog });
  assert.deepEqual([again.added_goals, again.added_actions], [[], []]);
  const events = agenda(report.plan, START, "2030-12-31");
  assert.ok(events.some((e) => report.added_goals.includes(e.subject_id)));
}

test("draftPlan against a built-in role", () => {
  const plan = example();
  const report = draftPlan(plan, "program-manager", { start: START });
  check(report, "program-manager", null);
  assert.equal(report.role_goal_id, "draft-program-manager");
  assert.deepEqual(report.plan.goals.slice(0, plan.goals.length), plan.goals);
  const actions = report.plan.actions.filter((a) => report.added_actions.includes(a.id));
  assert.ok(actions.every((a) => a.obstacles[0].mitigation && a.due && a.effort_hours > 0));
});

test("draftPlan against an O*NET occupation", () => {
  assert.ok(existsSync(ONET), `O*NET test data missing: ${ONET.pathname}`);
  const read = (name) => readFileSync(new URL(name, ONET), "utf8");
  const catalog = RoleCatalog.fromOnet({
    skills: read("Skills.txt"), knowledge: read("Knowledge.txt"),
    occupations: read("Occupation Data.txt"), readme: read("ONET_Read_Me.txt"),
  });
  const report = draftPlan(example(), "15-2041.00", { start: START, hours_per_week: 15, catalog });
  check(report, "15-2041.00", catalog);
  assert.match(report.attribution, /O\*NET/);
});

test("RoleCatalog.fromEsco and draftPlan against an ESCO occupation", () => {
  const catalog = RoleCatalog.fromEsco(escoFiles());
  assert.equal(catalog.length, 2);
  assert.equal(catalog.escoStats.duplicate_relations, 1);
  assert.equal(catalog.onetStats, null);
  const role = catalog.role(DATA_SCIENTIST);
  assert.match(role.external_id, /^http:\/\/data\.europa\.eu\/esco\/occupation\//);
  assert.deepEqual(role.requirements.map((r) => r.required), [true, true, false, false]);
  const report = draftPlan(example(), DATA_SCIENTIST, { start: START, catalog });
  check(report, DATA_SCIENTIST, catalog);
  assert.match(report.attribution, /ESCO/);
  const essential = RoleCatalog.fromEsco(escoFiles(), { optional: false, level: 4 });
  assert.ok(essential.role(DATA_SCIENTIST).requirements.every((r) => r.required && r.level === 4));
});

test("draftPlan and fromEsco errors carry codes and paths", () => {
  let err = thrown(() => draftPlan(example(), "astronaut", { start: START }));
  assert.equal(err.code, "invalid-argument");
  assert.equal(err.path, "role");
  err = thrown(() => draftPlan(example(), "data-analyst", { start: START, hours_per_week: 0 }));
  assert.equal(err.path, "options.hours_per_week");
  err = thrown(() => draftPlan(example(), "data-analyst", { start: START, hours_per_wek: 3 }));
  assert.equal(err.code, "invalid-value");
  err = thrown(() => RoleCatalog.fromEsco({ occupations: "", skills: "" }));
  assert.equal(err.path, "files.relations");
  const files = escoFiles();
  err = thrown(() => RoleCatalog.fromEsco({ ...files, relations: "occupationUri,skillUri\n" }, { language: "en" }));
  assert.equal(err.code, "invalid-table");
  assert.equal(err.path, "occupationSkillRelations_en.csv:1");
});

test("draftPlan says when the hours do not fit", () => {
  const report = draftPlan({ schema_version: 1, id: "p" }, "engineering-manager",
    { start: START, hours_per_week: 1, target_date: "2027-06-30" });
  assert.equal(report.feasibility.feasible, false);
  assert.ok(report.feasibility.fits_by > "2027-06-30");
  assert.deepEqual(validatePlan(report.plan), []);
});

test("draftPlan starts today by default", () => {
  const report = draftPlan(example(), "data-analyst");
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  assert.equal(report.drafted[0].start, today);
});
