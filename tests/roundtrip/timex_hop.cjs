// The WebAssembly face of the cross-face deadline test (test_timex_faces.py):
// reads {"config": LintConfig, "batches": [{"today": "YYYY-MM-DD", "texts": [...]}]}
// on stdin and writes, per batch, the `deadlines()` column of `lintMany`.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const pkg = path.join(__dirname, "..", "..", "bindings", "wasm", "pkg", "node", "careerplan.js");
if (!fs.existsSync(pkg)) {
  console.error(`timex_hop: missing ${pkg}; run bash bindings/wasm/build.sh`);
  process.exit(2);
}
const careerplan = require(pkg);
const input = JSON.parse(fs.readFileSync(0, "utf8"));
const out = input.batches.map(({ today, texts }) =>
  Array.from(careerplan.lintMany(texts, { today, config: input.config }).deadlines()));
process.stdout.write(JSON.stringify(out));
