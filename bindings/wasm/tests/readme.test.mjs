// README.md's example runs as written and prints what the README says.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

test("the README example prints what the README shows", () => {
  const code = readme.match(/```js\n([\s\S]*?)```/)?.[1];
  const expected = readme.match(/```text\n([\s\S]*?)```/)?.[1];
  assert.ok(code && expected, "README.md needs a ```js example followed by its ```text output");
  // Run from the package folder so `import ... from "careerplan"` resolves
  // through package.json `exports`, as it does for a user.
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", code], {
    cwd: packageDir,
    encoding: "utf8",
  });
  assert.equal(out, expected);
});
