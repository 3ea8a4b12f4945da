// `npm pack` makes the package users install: it must hold every file that
// package.json points to (`exports`, `types`, `main`), each flavour's .wasm,
// and nothing else (no tests, no sources, no node_modules, no demo build).
// The tarball is then installed into an empty project offline and used the
// way the README shows, by name, from CommonJS and from an ES module.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** Every file path a package.json field points to, without the leading "./". */
function pointedTo(value, into = new Set()) {
  if (typeof value === "string") into.add(value.replace(/^\.\//, ""));
  else if (value && typeof value === "object") for (const v of Object.values(value)) pointedTo(v, into);
  return into;
}

// What each flavour folder must carry besides the files the manifest names:
// the entry module (js/guard.js around the glue), the wasm-bindgen glue it
// imports, its types, the .wasm it loads and the "type" marker for Node.
const FLAVOUR_FILES = [
  "careerplan.js", "careerplan_glue.js", "careerplan.d.ts", "careerplan_bg.wasm", "careerplan_bg.wasm.d.ts",
  "package.json",
];
const ALLOWED = new Set([
  "package.json", "README.md",
  ...["node", "web"].flatMap((flavour) => FLAVOUR_FILES.map((f) => `pkg/${flavour}/${f}`)),
]);

test("npm pack holds what package.json points to, and nothing else", { timeout: 120_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), "careerplan-pack-"));
  try {
    const [info] = JSON.parse(execFileSync(npm, ["pack", "--json", "--pack-destination", work], {
      cwd: packageDir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"],
    }));
    const tarball = join(work, info.filename);
    const entries = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" })
      .split("\n").filter((line) => line !== "" && !line.endsWith("/"))
      .map((line) => line.replace(/^package\//, ""));
    const files = new Set(entries);

    const wanted = pointedTo({ exports: manifest.exports, types: manifest.types, main: manifest.main });
    assert.ok(wanted.size > 4, "the exports map names the flavours' files");
    for (const file of wanted) assert.ok(files.has(file), `the tarball lacks ${file}, which package.json points to`);
    for (const file of ALLOWED) assert.ok(files.has(file), `the tarball lacks ${file}`);
    assert.deepEqual([...files].filter((f) => !ALLOWED.has(f)).sort(), [], "unexpected files in the tarball");
    // The generated .d.ts carries the hand-written result types.
    const types = readFileSync(join(packageDir, "pkg/node/careerplan.d.ts"), "utf8");
    for (const name of ["LintReport", "GapReport", "PlanStatus", "ReviewEvent", "CareerPlanError"]) {
      assert.match(types, new RegExp(`export (interface|type) ${name}\\b`));
    }
    // No test hooks or wasm-bindgen internals in the published package.
    for (const flavour of ["node", "web"]) {
      const dts = readFileSync(join(packageDir, `pkg/${flavour}/careerplan.d.ts`), "utf8");
      assert.doesNotMatch(dts, /export (function|const) __/, `pkg/${flavour}/careerplan.d.ts`);
      assert.doesNotMatch(dts, /__panicForTests/, `pkg/${flavour}/careerplan.d.ts`);
      const entry = readFileSync(join(packageDir, `pkg/${flavour}/careerplan.js`), "utf8");
      assert.doesNotMatch(entry, /^export const __|^exports\.__/m, `pkg/${flavour}/careerplan.js`);
      const glue = readFileSync(join(packageDir, `pkg/${flavour}/careerplan_glue.js`), "utf8");
      assert.doesNotMatch(glue, /panicForTests/, `pkg/${flavour}/careerplan_glue.js`);
    }

    // Installed from the tarball alone (no registry), it works by name.
    const project = join(work, "project");
    execFileSync("mkdir", [project]);
    writeFileSync(join(project, "package.json"), '{"name": "try-careerplan", "private": true}\n');
    execFileSync(npm, ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", tarball], {
      cwd: project, stdio: ["ignore", "pipe", "pipe"],
    });
    const goal = "Try to get better at sales soon.";
    const cjs = execFileSync(process.execPath, ["-e",
      `const c = require("careerplan"); console.log(c.lintGoal(${JSON.stringify(goal)}, {today: "2026-11-22"}).criteria.time_bound.met)`,
    ], { cwd: project, encoding: "utf8" });
    assert.equal(cjs, "false\n");
    const esm = execFileSync(process.execPath, ["--input-type=module", "-e",
      `import { builtinRoles } from "careerplan"; console.log(builtinRoles().roles.length > 0)`,
    ], { cwd: project, encoding: "utf8" });
    assert.equal(esm, "true\n");
    // On Node the name resolves to the CommonJS flavour; the web flavour (what
    // the "browser" and "default" conditions give bundlers) works from the
    // installed files too, initialised with the bytes of its .wasm.
    const resolved = execFileSync(process.execPath, ["--input-type=module", "-e",
      `console.log(import.meta.resolve("careerplan"))`], { cwd: project, encoding: "utf8" });
    assert.match(resolved, /node_modules\/careerplan\/pkg\/node\/careerplan\.js\n$/);
    assert.equal(manifest.exports["."].browser.default, "./pkg/web/careerplan.js");
    const web = execFileSync(process.execPath, ["--input-type=module", "-e", `
      import { readFileSync } from "node:fs";
      import init, { lintGoal } from "./node_modules/careerplan/pkg/web/careerplan.js";
      await init({ module_or_path: readFileSync("./node_modules/careerplan/pkg/web/careerplan_bg.wasm") });
      console.log(lintGoal("Pass the CCNA exam by 2027-03-31.", { today: "2026-11-22" }).deadline);`,
    ], { cwd: project, encoding: "utf8" });
    assert.equal(web, "2027-03-31\n");
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
