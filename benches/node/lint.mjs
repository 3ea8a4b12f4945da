// The WebAssembly linter in Node against the native one, per goal.
//
// Lints the goal statements of the native `lint` benchmark (the same 10,000
// texts, printed by the `goal_statements` example of careerplan-benches) with
// `lintMany` (a LintReports, which keeps the reports in WebAssembly memory
// until read, as the native `lint_many` keeps them in a Vec), with
// `lintMany(...).toArray()` (every report made a JS object, UTF-16 spans
// included) and with a `lintGoal` loop, and compares the time per goal with
// the native figure that `cargo bench -p careerplan-benches --bench lint`
// left in target/criterion (`smart/lint_text 10k goals`, one core, as
// WebAssembly runs on one). The target is a ratio of at most 3. `JSON.parse`
// of the same reports (objects made by V8 alone, without linting) is printed
// as the floor of any conversion to objects.
//
// Usage: node benches/node/lint.mjs [--goals N] [--runs R]
// Needs the Node build (`bash bindings/wasm/build.sh`) and the native
// benchmark run once before.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = fileURLToPath(new URL("../..", import.meta.url));
const { values } = parseArgs({
  options: { goals: { type: "string", default: "10000" }, runs: { type: "string", default: "7" } },
});
const n = Number(values.goals);
const runs = Number(values.runs);
const TODAY = "2026-11-22";

const { lintGoal, lintMany } = createRequire(import.meta.url)(join(root, "bindings/wasm/pkg/node/careerplan.js"));

const goals = execFileSync(
  "cargo",
  ["run", "-q", "--profile", "bench", "-p", "careerplan-benches", "--example", "goal_statements", "--", String(n)],
  { cwd: root, encoding: "utf8", maxBuffer: 1 << 28 },
).split("\n").filter((line) => line.length > 0);

function bestOf(count, call) {
  let best = Infinity;
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint();
    call();
    best = Math.min(best, Number(process.hrtime.bigint() - start) * 1e-9);
  }
  return best;
}

const options = { today: TODAY };
const reports = lintMany(goals, options).toArray();
if (reports.length !== goals.length || reports[0].text !== goals[0]) throw new Error("lintMany is broken");
const many = bestOf(runs, () => lintMany(goals, options).free()) / goals.length;
const asObjects = bestOf(runs, () => {
  const batch = lintMany(goals, options);
  batch.toArray();
  batch.free();
}) / goals.length;
const loop = bestOf(Math.max(1, runs >> 1), () => goals.map((g) => lintGoal(g, options))) / goals.length;
// What making the same objects costs V8's own JSON.parse: a floor for any
// conversion of the reports to JS objects.
const json = JSON.stringify(reports);
const floor = bestOf(runs, () => JSON.parse(json)) / goals.length;

const meanBytes = goals.reduce((s, g) => s + Buffer.byteLength(g), 0) / goals.length;
console.log(`goals: ${goals.length}, mean ${meanBytes.toFixed(0)} bytes, Node ${process.version}, ` +
  `${cpus().length} CPUs, best of ${runs}`);
const line = (name, perGoal, note = "") =>
  console.log(`  ${name.padEnd(24)} ${Math.round(1 / perGoal).toLocaleString("en").padStart(10)} goals/s  ` +
    `${(perGoal * 1e6).toFixed(2).padStart(6)} us/goal${note}`);
line("lintMany", many);
line("lintMany(...).toArray()", asObjects);
line("goals.map(lintGoal)", loop);
line("JSON.parse(reports) only", floor);

const targetDir = process.env.CARGO_TARGET_DIR ?? join(root, "target");
const nativePath = join(targetDir, "criterion", "smart", "lint_text 10k goals", "new", "estimates.json");
if (!existsSync(nativePath)) {
  console.error(`no native figure at ${nativePath}: run \`cargo bench -p careerplan-benches --bench lint\` first`);
  process.exit(1);
}
const native = JSON.parse(readFileSync(nativePath, "utf8")).mean.point_estimate * 1e-9 / 10_000;
line("native lint_text", native, "  (criterion, one core)");
console.log(`ratio to native per goal: lintMany ${(many / native).toFixed(2)}x (target <= 3x), ` +
  `with every report as objects ${(asObjects / native).toFixed(2)}x, lintGoal loop ${(loop / native).toFixed(2)}x`);
