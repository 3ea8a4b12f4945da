// The WebAssembly hop of the cross-language round trip (test_roundtrip.py):
// reads a plan (JSON text) on stdin, goes through the npm package's Node
// build as a plain object, and writes `dumpPlan`'s output.
//
//   node wasm_hop.cjs load                   loadPlan(text) -> object -> dumpPlan(object)
//   node wasm_hop.cjs record-review R.json   recordReview(object, review) -> dumpPlan
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const pkg = path.join(__dirname, "..", "..", "bindings", "wasm", "pkg", "node", "careerplan.js");
if (!fs.existsSync(pkg)) {
  console.error(`wasm_hop: missing ${pkg}; run bash bindings/wasm/build.sh`);
  process.exit(2);
}
const careerplan = require(pkg);

const [op, reviewPath] = process.argv.slice(2);
const text = fs.readFileSync(0, "utf8");
try {
  let plan = careerplan.loadPlan(text);
  if (op === "record-review") {
    plan = careerplan.recordReview(plan, JSON.parse(fs.readFileSync(reviewPath, "utf8")));
  } else if (op !== "load") {
    throw new Error(`unknown operation ${op}`);
  }
  process.stdout.write(careerplan.dumpPlan(plan));
} catch (err) {
  console.error(`wasm_hop: ${err.message} [${err.code ?? "?"}]`);
  process.exit(1);
}
