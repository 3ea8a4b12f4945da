// The bad-input corpus (tests/bad-inputs/manifest.json) through the Node
// build: every case throws a CareerPlanError with the expected code and path,
// or succeeds as documented; never a trap, another exception or a hang. And
// the panic guard: a panic is a CareerPlanError (internal-error), after which
// the module still works.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import * as careerplan from "careerplan";
import { createRequire } from "node:module";

// build.sh's test build: the Node flavour with the `test-hooks` feature.
const testBuild = createRequire(import.meta.url)("../pkg/test/careerplan.js");

const corpus = new URL("../../../tests/bad-inputs/", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("manifest.json", corpus), "utf8"));

/** The case's text: its file, or its `generate` parts joined. */
function caseInput(c) {
  if (c.file) return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(readFileSync(new URL(c.file, corpus)));
  return c.generate
    .map((part) => {
      if (typeof part === "string") return part;
      const sep = part.sep ?? "";
      if (!part.repeat.includes("{i}")) {
        return sep ? Array(part.count).fill(part.repeat).join(sep) : part.repeat.repeat(part.count);
      }
      return Array.from({ length: part.count }, (_, i) => part.repeat.replaceAll("{i}", String(i))).join(sep);
    })
    .join("");
}

/** Lines as the CLI (Rust's str::lines) reads them. */
function linesOf(text) {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines.map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
}

function call(entry, text, c) {
  const today = manifest.today;
  const [from, to] = c.window ?? ["", ""];
  switch (entry) {
    case "load": return careerplan.loadPlan(text);
    case "validate": return careerplan.validatePlan(text);
    case "lint-lines": return careerplan.lintMany(linesOf(text), { today });
    case "lint-plan": return careerplan.lintPlan(text, { today });
    case "catalog": return careerplan.rankRoles({ skills: [] }, { catalog: text });
    case "resume": return careerplan.profileFromJsonResume(text);
    case "schedule": return careerplan.agenda(text, from, to);
    default: throw new Error(`unknown entry point ${entry}`);
  }
}

let ran = 0;
for (const c of manifest.cases) {
  for (const [entry, expect] of Object.entries(c.expect)) {
    // Bytes that are not UTF-8 cannot reach the bindings as text.
    if (entry === "stdin") continue;
    ran += 1;
    test(`${c.name} [${entry}]`, () => {
      const text = caseInput(c);
      if (expect.error) {
        let thrown = null;
        try {
          call(entry, text, c);
        } catch (e) {
          thrown = e;
        }
        assert.ok(thrown, "expected an exception");
        assert.ok(thrown instanceof Error, String(thrown));
        assert.equal(thrown.name, "CareerPlanError", thrown.stack);
        assert.deepEqual({ code: thrown.code, path: thrown.path }, expect.error, thrown.message);
        return;
      }
      const result = call(entry, text, c);
      if (entry === "validate") {
        const wanted = expect.problems ?? [];
        if (wanted.length === 0) assert.ok(result.every((p) => p.severity !== "error"), JSON.stringify(result));
        for (const w of wanted) {
          assert.ok(result.some((p) => p.code === w.code && p.path === w.path), `${JSON.stringify(w)} in ${JSON.stringify(result)}`);
        }
      } else if (entry === "lint-lines") {
        assert.equal(result.length, linesOf(text).length);
      }
      if (expect.roundtrip) {
        assert.deepEqual(JSON.parse(careerplan.dumpPlan(result)), JSON.parse(text));
      }
    });
  }
}

test("the corpus ran", () => assert.ok(ran > 50, `only ${ran} checks`));

test("a panic is a CareerPlanError and the module keeps working", () => {
  // The test build (pkg/test): the published package has no test hooks.
  assert.equal(careerplan.__panicForTests, undefined);
  assert.equal(careerplan.__wbg_reset_state, undefined);
  for (let round = 0; round < 2; round++) {
    let thrown = null;
    try {
      testBuild.__panicForTests();
    } catch (e) {
      thrown = e;
    }
    assert.ok(thrown instanceof Error);
    assert.equal(thrown.name, "CareerPlanError");
    assert.deepEqual({ code: thrown.code, path: thrown.path }, { code: "internal-error", path: "" });
    assert.match(thrown.message, /bug in careerplan/);
    assert.ok(thrown.cause instanceof WebAssembly.RuntimeError);
    // The next calls work, and library errors are unchanged.
    assert.equal(testBuild.loadPlan('{"schema_version": 1, "id": "after"}').id, "after");
    assert.throws(() => testBuild.loadPlan("{"), (e) => e.code === "invalid-json");
  }
});
