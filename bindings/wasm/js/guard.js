// The package's entry module: every export of the wasm-bindgen glue
// (careerplan_glue.js, next to this file), guarded against panics.
//
// On wasm32-unknown-unknown a Rust panic aborts: the call throws a
// `WebAssembly.RuntimeError` ("unreachable") and the instance is left in an
// undefined state. The core never panics on user input, so this is a last
// line of defence: the trap is rethrown as the library's own error (an
// `Error` named `CareerPlanError` with `code` "internal-error" and `path` "",
// the original trap as `cause`), and the instance is reset with wasm-bindgen's
// `__wbg_reset_state` (built with --experimental-reset-state-function) so the
// next call works. Errors that are not traps pass through unchanged.
//
// build.sh turns this file into pkg/node/careerplan.js (CommonJS) and
// pkg/web/careerplan.js (ES module, with the export list spelled out).

/** `fn` with wasm traps turned into CareerPlanError and the instance reset. */
function guard(fn, reset) {
  return function guarded(...args) {
    try {
      return fn.apply(this, args);
    } catch (err) {
      if (!(err instanceof WebAssembly.RuntimeError)) throw err;
      let resetFailed = null;
      try {
        reset();
      } catch (e) {
        resetFailed = e;
      }
      const error = new Error(
        `careerplan panicked: ${err.message} (this is a bug in careerplan; please report it)` +
          (resetFailed ? `; resetting the module failed too: ${resetFailed.message}` : ""),
        { cause: err },
      );
      error.name = "CareerPlanError";
      error.code = "internal-error";
      error.path = "";
      throw error;
    }
  };
}

/** Every function export of `glue` guarded, and the methods of its classes
 * (`LintReports`); other exports as they are. */
function guardAll(glue, skip) {
  const reset = glue.__wbg_reset_state;
  const out = {};
  for (const [name, value] of Object.entries(glue)) {
    const isClass = typeof value === "function" && /^class\b/.test(Function.prototype.toString.call(value));
    if (isClass) {
      for (const key of Object.getOwnPropertyNames(value.prototype)) {
        const method = Object.getOwnPropertyDescriptor(value.prototype, key).value;
        if (key !== "constructor" && typeof method === "function") {
          value.prototype[key] = guard(method, reset);
        }
      }
    }
    out[name] =
      typeof value === "function" && !isClass && !skip.includes(name) && name !== "__wbg_reset_state"
        ? guard(value, reset)
        : value;
  }
  return out;
}
