// The JavaScript example of the repository's top-level README.md runs as
// written, as a user's module would: saved as a file, `careerplan` resolved
// from a node_modules folder (a link to this package, so through its
// `exports` map), run from the repository root (where the example's
// examples/data/plan.json is).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));

test("the top-level README's JavaScript example runs and prints what its comments say", () => {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/^```(?:js|javascript|mjs)\n([\s\S]*?)^```/gm)].map((m) => m[1]);
  assert.ok(blocks.length > 0, "README.md has no ```js block");
  const dir = mkdtempSync(join(tmpdir(), "careerplan-readme-"));
  try {
    mkdirSync(join(dir, "node_modules"));
    symlinkSync(packageDir, join(dir, "node_modules", "careerplan"), "dir");
    const outputs = blocks.map((code, i) => {
      const file = join(dir, `example-${i}.mjs`);
      writeFileSync(file, code);
      return execFileSync(process.execPath, [file], { cwd: repoRoot, encoding: "utf8" });
    });
    const out = outputs[0];
    assert.match(out, /^\[\]$/m, "validatePlan of the example plan: no problems");
    assert.match(out, /^vague-deadline \{ start: \d+, end: \d+ \} /m, "a diagnostic with its UTF-16 span");
    assert.match(out, /^0\.52\d*$/m, "readiness for senior-project-manager");
    assert.match(out, /^BEGIN:VCALENDAR$/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
