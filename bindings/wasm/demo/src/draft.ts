// "Draft a development plan": the plan's gap to the chosen role turned into
// SMART goals with actions, deadlines from the hours a week, and a review
// policy (draftPlan). The drafted goals are shown with the linter's verdicts
// and the feasibility verdict; the drafted plan then becomes the page's plan,
// so the roadmap, the on-track table and the agenda show it at once.
import { agenda, draftPlan } from "careerplan";
import type { DraftReport, DraftedGoal } from "careerplan";

import { addDays, byId, describeError, fill, h, words } from "./dom.js";
import { changed, state } from "./state.js";
import type { PlanDocument } from "./state.js";

const LETTERS = [["specific", "S"], ["measurable", "M"], ["achievable", "A"], ["relevant", "R"],
  ["time_bound", "T"]] as const;
const AGENDA_ENTRIES = 8;

function goalItem(goal: DraftedGoal, roleGoal: string): HTMLLIElement {
  const letters = h("span", { class: "draft-letters", "aria-label": "SMART verdicts" },
    ...LETTERS.map(([key, letter]) => {
      const met = goal.lint.criteria[key].met;
      const cls = met === null ? "na" : met ? "met" : "unmet";
      const said = met === null ? "not judged" : met ? "met" : "not met";
      return h("abbr", { class: `draft-letter ${cls}`, title: `${words(key)}: ${said}`, "data-criterion": key,
        "data-met": String(met) }, letter);
    }));
  const findings = goal.lint.diagnostics.filter((d) => d.severity !== "info");
  return h("li", { "data-goal": goal.goal_id, class: goal.goal_id === roleGoal ? "role-goal" : undefined },
    letters, " ", h("strong", {}, goal.title),
    h("span", { class: "draft-meta" },
      ` ${words(goal.horizon)} term, ${goal.start} to ${goal.deadline}`
      + (goal.hours > 0 ? `, ${goal.hours} h` : "")),
    findings.length === 0 ? null
      : h("ul", { class: "draft-findings" }, ...findings.map((d) => h("li", {}, `${d.code}: ${d.message}`))));
}

function render(report: DraftReport): void {
  const f = report.feasibility;
  byId("draft-status").textContent = report.added_goals.length === 0
    ? `Nothing new to draft for ${report.role_title}: the plan already covers it.`
    : `${report.added_goals.length} goals and ${report.added_actions.length} actions drafted for `
      + `${report.role_title}. ${f.feasible ? "" : "Does not fit: "}${f.message}`;
  fill(byId("draft-goals"), report.drafted.map((g) => goalItem(g, report.role_goal_id)));
  const drafted = new Set([...report.added_goals, ...report.added_actions]);
  const events = agenda(report.plan, state.today, addDays(state.today, 3 * 365), { today: state.today })
    .filter((e) => drafted.has(e.subject_id) || e.kind === "periodic_review")
    .slice(0, AGENDA_ENTRIES);
  fill(byId("draft-agenda"), events.map((e) => h("li", { "data-kind": e.kind },
    h("time", { datetime: e.date }, e.date), " ", h("span", { class: "kind" }, words(e.kind)), " ", e.title)));
}

function draft(): void {
  const plan = state.plan;
  const role = byId<HTMLSelectElement>("role").value;
  if (plan === null || role === "") {
    byId("draft-status").textContent = "Load a plan and choose a role first.";
    return;
  }
  const hours = Number(byId<HTMLInputElement>("draft-hours").value);
  try {
    const report = draftPlan(plan, role, { start: state.today, hours_per_week: hours });
    render(report);
    // The drafted plan is the page's plan from now on (unknown fields kept).
    state.plan = report.plan as unknown as PlanDocument;
    changed();
  } catch (error) {
    byId("draft-status").textContent = `Cannot draft: ${describeError(error)}`;
    fill(byId("draft-goals"), []);
    fill(byId("draft-agenda"), []);
  }
}

export function initDraft(): void {
  byId("draft-plan").addEventListener("click", draft);
}
