#!/usr/bin/env bash
# Build the npm package's two flavours from the careerplan-wasm crate:
#   pkg/node  wasm-bindgen --target nodejs (CommonJS, loads the .wasm synchronously)
#   pkg/web   wasm-bindgen --target web    (ES module; call the default export `init()` first)
# Needs the wasm32-unknown-unknown target and wasm-bindgen-cli at the version of
# the wasm-bindgen crate in Cargo.lock (scripts/test installs both).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)

cargo build --manifest-path "$root/Cargo.toml" -p careerplan-wasm \
  --target wasm32-unknown-unknown --profile wasm-release
target_dir=$(cargo metadata --manifest-path "$root/Cargo.toml" --format-version 1 --no-deps |
  node -e 'let s = ""; process.stdin.on("data", d => s += d).on("end", () => console.log(JSON.parse(s).target_directory))')
wasm="$target_dir/wasm32-unknown-unknown/wasm-release/careerplan_wasm.wasm"

for flavour in node web; do
  case $flavour in
    node) bindgen_target=nodejs; module_type=commonjs ;;
    web) bindgen_target=web; module_type=module ;;
  esac
  out="$here/pkg/$flavour"
  rm -rf "$out"
  # The name section only serves stack traces of panics (which abort on
  # wasm32-unknown-unknown anyway) and is about a fifth of the file.
  wasm-bindgen "$wasm" --target "$bindgen_target" --out-dir "$out" --out-name careerplan \
    --remove-name-section --remove-producers-section
  # wasm-bindgen cannot give a method a symbol for its name, so the
  # iteration protocol of LintReports (lintMany's result) is added here.
  cat >> "$out/careerplan.js" <<'JS'

LintReports.prototype[Symbol.iterator] = function* () {
  for (let i = 0; i < this.length; i++) yield this.at(i);
};
JS
  cat >> "$out/careerplan.d.ts" <<'TS'

export interface LintReports extends Iterable<LintReport> {}
TS
  # Classes declare `[Symbol.dispose]()` (for `using`), which TypeScript
  # knows from its esnext.disposable library; name it so that projects
  # compiling for older targets still type-check.
  sed -i '1i /// <reference lib="esnext.disposable" />' "$out/careerplan.d.ts"
  # The package root is "type": "module"; the Node flavour is CommonJS.
  printf '{"type": "%s"}\n' "$module_type" > "$out/package.json"
done
ls -l "$here"/pkg/*/careerplan_bg.wasm
