// How TypeScript code uses the web build: initialise once, then call.
// `tsc --noEmit -p tests` checks it against pkg/web/careerplan.d.ts.
import init, { agenda, loadPlan, planStatus, validatePlan } from "../pkg/web/careerplan.js";
import type { Plan, PlanStatus, Problem, ReviewEvent } from "../pkg/web/careerplan.js";

await init();
const plan: Plan = loadPlan({ schema_version: 1, id: "p" });
const problems: Problem[] = validatePlan(plan);
const events: ReviewEvent[] = agenda(plan, "2026-11-22", "2027-03-31", { kinds: ["periodic_review"] });
const status: PlanStatus = planStatus(plan, "2026-11-22");
console.log(problems.length, events[0]?.date, status.overall_percent);
