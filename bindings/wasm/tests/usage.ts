// How TypeScript code uses the package on Node; `tsc --noEmit -p tests` checks
// it against pkg/node/careerplan.d.ts, resolved through package.json `exports`.
import { dumpPlan, loadPlan, validatePlan } from "careerplan";
import type { CareerPlanError, Goal, Plan, Problem, Severity } from "careerplan";

const plan: Plan = loadPlan('{"schema_version": 1, "id": "p"}');
const id: string = plan.id;
const goals: Goal[] = plan.goals ?? [];
const deadline: string | undefined = goals[0]?.deadline;

const problems: Problem[] = validatePlan({ ...plan, goals: [{ id: "g", title: "t", parent_id: "x" }] });
const where: string[] = problems.map((p) => `${p.path}: ${p.message} [${p.code}]`);
const worst: Severity | undefined = problems[0]?.severity;

const text: string = dumpPlan(plan);
// Unknown fields are allowed (and kept) on every entity.
const tagged: string = dumpPlan({ ...plan, "x-tool": { synced: true } });

try {
  loadPlan("{");
} catch (e) {
  const err = e as CareerPlanError;
  const code: string = err.code;
  const path: string = err.path;
  const message: string = err.message;
  console.log(code, path, message);
}

// @ts-expect-error validatePlan returns Problem[], not any: a problem has no `line`.
validatePlan(plan)[0]?.line;
// @ts-expect-error loadPlan takes a plan as text or an object, not a number.
loadPlan(42);
// @ts-expect-error severity is a closed set.
const bad: Severity = "fatal";

console.log(id, deadline, where, worst, text, tagged, bad);
