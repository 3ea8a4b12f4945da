#!/usr/bin/env bash
# Build the demo page into bindings/wasm/demo/dist (gitignored): index.html,
# style.css, the compiled TypeScript (js/), the web flavour of the package
# (pkg/) and the example plan (plan.json, copied from examples/data, not kept
# twice in git). Serve dist/ with any static server, e.g.
#   python3 -m http.server -d bindings/wasm/demo/dist
# Needs pkg/web (bash bindings/wasm/build.sh) and node_modules (npm ci).
set -euo pipefail
demo=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
wasm_dir=$(cd "$demo/.." && pwd)
root=$(cd "$wasm_dir/../.." && pwd)
dist="$demo/dist"

[[ -f $wasm_dir/pkg/web/careerplan.js ]] || { echo "no web build in $wasm_dir/pkg/web: run bash bindings/wasm/build.sh" >&2; exit 1; }
[[ -x $wasm_dir/node_modules/.bin/tsc ]] || { echo "no TypeScript in $wasm_dir/node_modules: run npm ci there" >&2; exit 1; }

rm -rf "$dist"
mkdir -p "$dist/pkg"
"$wasm_dir/node_modules/.bin/tsc" -p "$demo/tsconfig.json"
cp "$demo/index.html" "$demo/style.css" "$dist/"
# The entry module (careerplan.js, the panic guard) imports the wasm-bindgen glue.
cp "$wasm_dir/pkg/web/careerplan.js" "$wasm_dir/pkg/web/careerplan_glue.js" "$wasm_dir/pkg/web/careerplan_bg.wasm" "$dist/pkg/"
cp "$root/examples/data/plan.json" "$dist/plan.json"
echo "demo built in $dist"
