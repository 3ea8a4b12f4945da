// RoleCatalog: a catalog read once (from JSON, or from the contents of
// O*NET's files) and passed as `options.catalog` to the skill functions,
// which then use its compiled form instead of reading the roles again.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";

import { RoleCatalog, builtinRoles, catalogCoverage, gapMatrix, rankRoles, skillGap, transferableSkills } from "careerplan";

const exampleText = readFileSync(new URL("../../../examples/data/plan.json", import.meta.url), "utf8");
const example = () => JSON.parse(exampleText);
const ONET = new URL("../../../../shared/data/onet/", import.meta.url);

function thrown(fn) {
  try {
    fn();
  } catch (err) {
    return err;
  }
  assert.fail("expected an exception");
}

/** The O*NET 29.2 files the tests share; a missing directory is a clear failure. */
function onetFiles() {
  assert.ok(existsSync(ONET), `O*NET test data missing: ${ONET.pathname} (the tests expect shared/data/onet/ next to the repository)`);
  const read = (name) => readFileSync(new URL(name, ONET), "utf8");
  return {
    skills: read("Skills.txt"),
    knowledge: read("Knowledge.txt"),
    occupations: read("Occupation Data.txt"),
    readme: read("ONET_Read_Me.txt"),
  };
}

test("RoleCatalog.fromJson: text, an object or an array of roles, used as options.catalog", () => {
  const data = builtinRoles();
  for (const input of [JSON.stringify(data), data, data.roles]) {
    const catalog = RoleCatalog.fromJson(input);
    assert.equal(catalog.length, data.roles.length);
    assert.deepEqual(catalog.roleIds, data.roles.map((r) => r.id));
    const options = { catalog, top_k: 5 };
    assert.deepEqual(rankRoles(example(), options), rankRoles(example(), { top_k: 5 }));
    // The caller's options object is left as it was.
    assert.equal(options.catalog, catalog);
    assert.deepEqual(
      skillGap(example(), "senior-project-manager", { catalog }),
      skillGap(example(), "senior-project-manager"),
    );
    assert.deepEqual(
      transferableSkills(example(), "project-manager", "product-manager", { catalog }),
      transferableSkills(example(), "project-manager", "product-manager"),
    );
    assert.deepEqual(gapMatrix([example()], { catalog }), gapMatrix([example()]));
    // Non-default options compile for that call and agree with plain data.
    const tiers = { ready_now: 0.9, within_a_year: 0.6, stretch: 0.3 };
    assert.deepEqual(rankRoles(example(), { catalog, tiers }), rankRoles(example(), { catalog: data, tiers }));
  }
  const catalog = RoleCatalog.fromJson(data);
  assert.equal(catalog.name, data.name);
  assert.equal(catalog.attribution, undefined);
  assert.equal(catalog.onetStats, null);
  assert.deepEqual(catalog.role("team-lead"), data.roles.find((r) => r.id === "team-lead"));
  assert.deepEqual(JSON.parse(JSON.stringify(catalog)), catalog.toJSON());
  assert.deepEqual(catalog.toJSON().roles, data.roles);
  const unknown = thrown(() => catalog.role("team-leed"));
  assert.equal(unknown.code, "invalid-argument");
  assert.equal(unknown.path, "role");
});

test("RoleCatalog errors are CareerPlanErrors with codes and paths", () => {
  const bad = thrown(() => RoleCatalog.fromJson({ roles: [{ id: "a", title: "A", requirements: [{ skill: "x", level: "hi" }] }] }));
  assert.equal(bad.name, "CareerPlanError");
  assert.equal(bad.code, "invalid-value");
  assert.equal(bad.path, "roles[0].requirements[0].level");
  assert.equal(thrown(() => RoleCatalog.fromJson("[")).code, "invalid-json");
  const missing = thrown(() => RoleCatalog.fromJson());
  assert.equal(missing.name, "CareerPlanError");
  assert.equal(missing.code, "invalid-argument");
  assert.equal(missing.path, "catalog");
  const wrong = thrown(() => RoleCatalog.fromJson(42));
  assert.ok(wrong instanceof TypeError);
  assert.equal(wrong.code, "invalid-argument");
  const noRatings = thrown(() => RoleCatalog.fromOnet({ occupations: "O*NET-SOC Code\tTitle\tDescription\n" }));
  assert.equal(noRatings.code, "invalid-argument");
  const typo = thrown(() => RoleCatalog.fromOnet({ skill: "" }));
  assert.equal(typo.code, "invalid-argument");
  assert.equal(typo.path, "files.skill");
  assert.match(typo.message, /`skills`.*`knowledge`.*`occupations`.*`readme`/);
  const notText = thrown(() => RoleCatalog.fromOnet({ skills: 3 }));
  assert.equal(notText.path, "files.skills");
  const option = thrown(() => RoleCatalog.fromOnet({ skills: "" }, { not_relevent: "keep" }));
  assert.equal(option.path, "options.not_relevent");
  // A role object with a catalog is refused, whichever form the catalog has.
  const role = { id: "x", title: "X", requirements: [{ skill: "SQL", level: 3 }] };
  const both = thrown(() => skillGap(example(), role, { catalog: RoleCatalog.fromJson(builtinRoles()) }));
  assert.ok(both instanceof TypeError);
  assert.equal(both.code, "invalid-argument");
  assert.match(both.message, /^options\.catalog/);
});

test("RoleCatalog.fromOnet: O*NET 29.2 read once, ranked many times", () => {
  const files = onetFiles();
  const catalog = RoleCatalog.fromOnet(files);
  assert.ok(catalog.length > 800, `${catalog.length} occupations`);
  assert.match(catalog.attribution, /O\*NET 29\.2/);
  const stats = catalog.onetStats;
  assert.equal(stats.occupations, catalog.length);
  assert.ok(stats.rows > 0 && stats.requirements > 0);
  const ceo = catalog.role("11-1011.00");
  assert.equal(ceo.title, "Chief Executives");

  const plan = example();
  const first = rankRoles(plan, { catalog, top_k: 10 });
  assert.equal(first.length, 10);
  assert.ok(first.every((e) => e.attribution === catalog.attribution));
  // The same answer as the catalog given as data, which is read on every call.
  assert.deepEqual(first, rankRoles(plan, { catalog: catalog.toJSON(), top_k: 10 }));
  // Reused: later calls skip reading and compiling the 10 MB.
  const runs = 20;
  const start = performance.now();
  for (let i = 0; i < runs; i++) rankRoles(plan, { catalog, top_k: 10 });
  const perCall = (performance.now() - start) / runs;
  console.log(`rankRoles against O*NET with a RoleCatalog: ${perCall.toFixed(2)} ms a call`);

  // The version given as an option wins over the read-me's.
  const versioned = RoleCatalog.fromOnet({ skills: files.skills }, { version: "28.0", descriptions: false });
  assert.match(versioned.attribution, /28\.0/);
  assert.equal(versioned.onetStats.occupations, versioned.length);
  versioned.free();
  // A freed catalog is no longer a catalog (it reads as plain data, and fails as such).
  const freed = thrown(() => rankRoles(plan, { catalog: versioned }));
  assert.equal(freed.name, "CareerPlanError");
});

test("catalogCoverage: how much of a profile a catalog names; the O*NET crosswalk", () => {
  const builtin = catalogCoverage(example());
  assert.deepEqual([builtin.skills, builtin.share, builtin.low, builtin.warning], [7, 1, false, undefined]);
  const odd = { skills: [{ skill: "SQL", level: 3 }, { skill: "Basket weaving", level: 4 }, { skill: "Juggling", level: 2 }] };
  const low = catalogCoverage(odd, { catalog: RoleCatalog.fromJson(builtinRoles()) });
  assert.deepEqual([low.covered, low.uncovered, low.low], [["SQL"], ["Basket weaving", "Juggling"], true]);
  assert.match(low.warning, /Basket weaving/);
  const onet = RoleCatalog.fromOnet(onetFiles());
  const through = catalogCoverage(example(), { catalog: onet });
  assert.ok(through.via_crosswalk.includes("Project management"), JSON.stringify(through));
  const [top] = rankRoles(example(), { catalog: onet, top_k: 1 });
  assert.ok(top.readiness > 0.3, JSON.stringify(top));
  assert.ok(Math.abs(skillGap(example(), top.role_id, { catalog: onet }).readiness - top.readiness) < 1e-6);
  assert.match(thrown(() => catalogCoverage(example(), { top_k: 3 })).message, /`catalog`/);
});
