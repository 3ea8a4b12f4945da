// The skill-gap functions of the Node build: gap reports, ranking, career
// changes, the team matrix, catalogs from JSON and JSON Resume import.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import {
  builtinRoles, gapMatrix, profileFromJsonResume, rankRoles, skillGap, transferableSkills,
} from "careerplan";

const exampleText = readFileSync(new URL("../../../examples/data/plan.json", import.meta.url), "utf8");
const example = () => JSON.parse(exampleText);
const TIERS = ["ready_now", "within_a_year", "stretch", "aspirational"];
const close = (a, b, tol = 1e-9) => Math.abs(a - b) <= tol;

/** Call `fn` and return what it threw, failing if it did not throw. */
function thrown(fn) {
  try {
    fn();
  } catch (err) {
    return err;
  }
  assert.fail("expected an exception");
}

test("skillGap: the example person against senior project manager", () => {
  const report = skillGap(example(), "senior-project-manager");
  assert.deepEqual(Object.keys(report).sort(), [
    "confidence", "readiness", "role_id", "skills", "stale_skills", "strengths", "tier", "title",
    "total_hours", "unmatched_skills", "unmet_must_haves",
  ]);
  assert.equal(Object.getPrototypeOf(report), Object.prototype);
  assert.equal(report.role_id, "senior-project-manager");
  assert.ok(report.readiness >= 0 && report.readiness <= 1);
  assert.ok(TIERS.includes(report.tier) && report.tier !== "ready_now");
  assert.equal(report.confidence, null);
  const skills = report.skills;
  const total = skills.reduce((a, s) => a + s.importance, 0);
  assert.ok(close(report.readiness, skills.reduce((a, s) => a + s.importance * s.attainment, 0) / total));
  assert.ok(close(report.readiness, skills.reduce((a, s) => a + s.contribution, 0)));
  assert.ok(close(1, skills.reduce((a, s) => a + s.weight, 0)));
  const pm = skills.find((s) => s.skill === "Project management");
  assert.deepEqual([pm.current, pm.required, pm.gap, pm.hours], [3, 5, 2, 80]);
  assert.ok(report.unmet_must_haves.includes("Leadership"));
  const priorities = skills.map((s) => s.priority).filter((p) => p !== null);
  assert.deepEqual(priorities, priorities.map((_, i) => i + 1));
  for (const s of skills) assert.equal(s.met, s.priority === null);

  // A plan as text, its profile, and a person read alike.
  const profile = example().profile;
  for (const who of [exampleText, profile, JSON.stringify(profile), { id: "j", skills: profile.skills }]) {
    assert.deepEqual(skillGap(who, "senior-project-manager"), report);
  }
  // The same role as an object, and the built-in catalog passed explicitly.
  const role = builtinRoles().roles.find((r) => r.id === "senior-project-manager");
  assert.deepEqual(skillGap(example(), role), report);
  assert.deepEqual(skillGap(example(), "senior-project-manager", { catalog: builtinRoles() }), report);
});

test("skillGap options: reference date, hours per step, learning activities", () => {
  const report = skillGap(example(), "senior-project-manager", {
    today: "2028-01-01",
    hours_per_step: 10,
    learning: { activities: [{ id: "pmp", title: "PMP exam prep", kind: "certification",
      skill: "Project management", from_level: 2, to_level: 5 }] },
  });
  assert.equal(report.confidence, 0);
  const pm = report.skills.find((s) => s.skill === "Project management");
  assert.equal(pm.hours, 20);
  assert.equal(pm.stale, true);
  assert.deepEqual(pm.activities.map((a) => a.id), ["pmp"]);
});

test("rankRoles orders every role, with tiers; top_k and catalogs from JSON", () => {
  const ranking = rankRoles(example());
  assert.equal(ranking.length, builtinRoles().roles.length);
  ranking.forEach((e, i) => {
    assert.deepEqual(Object.keys(e).sort(), ["rank", "readiness", "role_id", "tier", "title", "unmet_must_haves"]);
    assert.equal(e.rank, i + 1);
    assert.ok(TIERS.includes(e.tier) && e.readiness >= 0 && e.readiness <= 1);
  });
  for (let i = 1; i < ranking.length; i++) {
    const [a, b] = [ranking[i - 1], ranking[i]];
    assert.ok(a.readiness > b.readiness || (a.readiness === b.readiness && a.role_id < b.role_id));
  }
  assert.deepEqual(rankRoles(example(), { top_k: 5 }), ranking.slice(0, 5));
  assert.deepEqual(rankRoles(example(), { top_k: null }), ranking);
  const catalog = builtinRoles();
  assert.deepEqual(rankRoles(example(), { catalog }), ranking);
  assert.deepEqual(rankRoles(example(), { catalog: JSON.stringify(catalog) }), ranking);
  assert.deepEqual(rankRoles(example(), { catalog: catalog.roles }), ranking);
  for (const e of ranking.slice(0, 6)) {
    assert.ok(close(skillGap(example(), e.role_id).readiness, e.readiness, 1e-6));
  }

  // A catalog of one's own, with its own scale; results repeat its attribution.
  const own = {
    attribution: "Example Corp. job architecture",
    scales: [{ id: "abc", min: 1, max: 3 }],
    roles: [
      { id: "fe", title: "Frontend developer", requirements: [{ skill: "JavaScript", level: 2, scale: "abc" }] },
      { id: "pm", title: "Project manager", requirements: [{ skill: "Project management", level: 3 }] },
    ],
  };
  const mine = rankRoles(example(), { catalog: own });
  assert.deepEqual(mine.map((e) => e.role_id), ["pm", "fe"]);
  assert.equal(mine[0].readiness, 1);
  assert.equal(mine[0].attribution, own.attribution);
  const strict = rankRoles(example(), { tiers: { ready_now: 1, within_a_year: 0.99, stretch: 0.98 } });
  assert.deepEqual(strict.map((e) => e.role_id), ranking.map((e) => e.role_id));
});

test("transferableSkills for a nurse becoming charge nurse", () => {
  const t = transferableSkills({}, "registered-nurse", "charge-nurse");
  assert.deepEqual(Object.keys(t).sort(), [
    "from_role_id", "new_skills", "readiness_after", "readiness_before", "to_role_id", "transfer_share",
    "transferable",
  ]);
  assert.equal(t.readiness_before, 0);
  assert.ok(t.readiness_after > 0 && t.readiness_after <= 1);
  const care = t.transferable.find((s) => s.skill === "Patient care");
  assert.deepEqual([care.source, care.covers], ["from_role", false]);
  assert.ok(t.new_skills.includes("Leadership"));
  assert.ok(close(t.transfer_share, t.transferable.reduce((a, s) => a + s.weight, 0), 1e-12));
  const roles = builtinRoles().roles;
  const byObject = transferableSkills({}, roles.find((r) => r.id === "registered-nurse"),
    roles.find((r) => r.id === "charge-nurse"));
  assert.deepEqual(byObject, t);
});

test("gapMatrix equals each person's ranking", () => {
  const people = [
    example(),
    { id: "ana", name: "Ana", skills: [{ skill: "SQL", level: 4 }, { skill: "Data analysis", level: 4.5 }] },
    { skills: [{ skill: "Patient care", level: 80, scale: "percent" }] },
    JSON.stringify({ id: "ben", skills: [{ skill: "Leadership", level: 4 }] }),
    { id: "dee", skills: [] },
  ];
  const m = gapMatrix(people);
  assert.deepEqual(Object.keys(m).sort(), ["person_ids", "readiness", "role_ids"]);
  assert.deepEqual(m.person_ids, ["plan-jordan-2026", "ana", "", "ben", "dee"]);
  assert.deepEqual(m.role_ids, builtinRoles().roles.map((r) => r.id));
  assert.equal(m.readiness.length, people.length);
  people.forEach((person, p) => {
    assert.equal(m.readiness[p].length, m.role_ids.length);
    for (const e of rankRoles(person)) {
      assert.ok(close(m.readiness[p][m.role_ids.indexOf(e.role_id)], e.readiness, 1.5e-6), `${p} ${e.role_id}`);
    }
  });
  assert.ok(m.readiness[4].every((c) => c === 0));
  assert.deepEqual(gapMatrix([]).readiness, []);
  const own = gapMatrix(people.slice(0, 2), { catalog: [{ id: "x", title: "X", requirements: [{ skill: "SQL", level: 4 }] }] });
  assert.deepEqual(own.readiness, [[0], [1]]);
});

test("profileFromJsonResume reports unknown level words", () => {
  const resume = {
    basics: { name: "Sam Rivera", label: "Data analyst" },
    skills: [
      { name: "SQL", level: "Advanced", keywords: ["PostgreSQL"] },
      { name: "Data analysis", level: "Master" },
      { name: "Go", level: "Wizard" },
    ],
  };
  const imported = profileFromJsonResume(resume);
  assert.deepEqual([imported.name, imported.label], ["Sam Rivera", "Data analyst"]);
  assert.deepEqual(imported.profile.skills.map((s) => [s.skill, s.level]),
    [["SQL", 4], ["PostgreSQL", 4], ["Data analysis", 5]]);
  assert.deepEqual(imported.issues, [{ path: "skills[2].level", kind: "unknown_level", skill: "Go", level: "Wizard" }]);
  assert.deepEqual(profileFromJsonResume(JSON.stringify(resume)), imported);
  const extended = profileFromJsonResume(resume, { levels: { wizard: 5 }, keywords: false });
  assert.deepEqual(extended.issues, []);
  assert.ok(skillGap(imported.profile, "data-analyst").readiness > 0);
});

test("bad arguments throw CareerPlanErrors with code and path", () => {
  const bad = example();
  bad.profile.skills[1].level = 9;
  const cases = [
    [() => skillGap(example(), "senior-pm"), "invalid-argument", "role"],
    [() => skillGap(example(), "project-manager", { hours: 1 }), "invalid-value", "options.hours"],
    [() => skillGap(example(), "project-manager", { hours_per_step: -1 }), "invalid-argument", "options.hours_per_step"],
    [() => skillGap(bad, "project-manager"), "invalid-value", "profile.skills[1].level"],
    [() => skillGap({ skills: [{ skill: "SQL", level: "high" }] }, "data-analyst"), "invalid-value", "profile.skills[0].level"],
    [() => skillGap("{", "data-analyst"), "invalid-json", ""],
    [() => rankRoles(example(), { top_k: -1 }), "invalid-value", "options.top_k"],
    [() => rankRoles(example(), { tiers: { stretch: 2 } }), "invalid-argument", "options.tiers.stretch"],
    [() => rankRoles(example(), { catalog: "[" }), "invalid-json", ""],
    [() => rankRoles(example(), { catalog: [{ id: "a", title: "A" }, { id: "a", title: "B" }] }), "invalid-value", "roles[1].id"],
    [() => rankRoles(example(), { catalog: { roles: [{ id: "a", title: "A", requirements: [{ skill: "x", level: "hi" }] }] } }),
      "invalid-value", "roles[0].requirements[0].level"],
    [() => transferableSkills({}, "nurse", "charge-nurse"), "invalid-argument", "from_role"],
    [() => transferableSkills({}, "registered-nurse", "charge"), "invalid-argument", "to_role"],
    [() => gapMatrix([example(), { id: "x", skills: [{ skill: "SQL", level: 7 }] }]), "invalid-value", "people[1].skills[0].level"],
    [() => gapMatrix([{ id: 3 }]), "invalid-value", "people[0].id"],
    [() => gapMatrix(["{"]), "invalid-json", "people[0]"],
    [() => profileFromJsonResume({ skills: { name: "SQL" } }), "invalid-value", "skills"],
    [() => profileFromJsonResume({ skills: [] }, { level: {} }), "invalid-value", "options.level"],
  ];
  for (const [call, code, path] of cases) {
    const err = thrown(call);
    assert.ok(err instanceof Error, String(err));
    assert.equal(err.name, "CareerPlanError");
    assert.deepEqual([err.code, err.path], [code, path], err.message);
  }
  for (const call of [
    () => skillGap(example(), 42),
    () => skillGap([example()], "project-manager"),
    () => skillGap(example(), { id: "x", title: "X" }, { catalog: builtinRoles() }),
    () => transferableSkills({}, "registered-nurse", { id: "b", title: "B" }),
    () => gapMatrix(example()),
    () => gapMatrix([1]),
    () => profileFromJsonResume(["SQL"]),
  ]) {
    const err = thrown(call);
    assert.ok(err instanceof TypeError);
    // A wrong type is a CareerPlanError too, with a code.
    assert.equal(err.name, "CareerPlanError");
    assert.equal(err.code, "invalid-argument");
  }
});

test("option errors name every option; a missing argument is a coded CareerPlanError", () => {
  const typo = thrown(() => rankRoles(example(), { topk: 3 }));
  assert.equal(typo.name, "CareerPlanError");
  assert.deepEqual([typo.code, typo.path], ["invalid-value", "options.topk"]);
  for (const name of ["scales", "aliases", "tiers", "catalog", "top_k"]) {
    assert.match(typo.message, new RegExp("`" + name + "`"), typo.message);
  }
  const gapTypo = thrown(() => skillGap(example(), "team-lead", { catalgo: null }));
  for (const name of ["hours_per_step", "catalog"]) assert.match(gapTypo.message, new RegExp("`" + name + "`"));
  assert.match(thrown(() => gapMatrix([example()], { top_k: 1 })).message, /`catalog`/);
  for (const [call, path] of [
    [() => skillGap(), "planOrProfile"],
    [() => skillGap(example()), "role"],
    [() => rankRoles(), "planOrProfile"],
    [() => transferableSkills(example(), "team-lead"), "toRole"],
    [() => gapMatrix(), "people"],
    [() => profileFromJsonResume(), "resume"],
  ]) {
    const err = thrown(call);
    assert.equal(err.name, "CareerPlanError", String(err));
    assert.deepEqual([err.code, err.path], ["invalid-argument", path], err.message);
    assert.match(err.message, /missing argument/);
  }
});
