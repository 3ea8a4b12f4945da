// How TypeScript code uses the web build: initialise once, then call.
// `tsc --noEmit -p tests` checks it against pkg/web/careerplan.d.ts.
import init, { loadPlan, validatePlan } from "../pkg/web/careerplan.js";
import type { Plan, Problem } from "../pkg/web/careerplan.js";

await init();
const plan: Plan = loadPlan({ schema_version: 1, id: "p" });
const problems: Problem[] = validatePlan(plan);
console.log(problems.length);
