// How TypeScript code uses the package on Node; `tsc --noEmit -p tests` checks
// it against pkg/node/careerplan.d.ts, resolved through package.json `exports`.
import {
  agenda, dumpPlan, loadPlan, nextReview, overdue, planStatus, progress, recordReview, roadmap, toIcs,
  validatePlan,
} from "careerplan";
import type {
  AchievementRef, AgendaOptions, CareerPlanError, Deadline, EventKind, Goal, GoalProgress, GoalStatus,
  Horizon, IcsOptions, Plan, PlanStatus, Problem, ProgressSource, ReviewEvent, RoadmapFormat,
  RoadmapOptions, Severity, TrackStatus,
} from "careerplan";

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

// Scheduling: dates are "YYYY-MM-DD" strings; options are optional.
const agendaOptions: AgendaOptions = {
  today: "2026-11-22",
  kinds: ["periodic_review", "checkin"],
  prompts: { periodic_review: ["What changed?"] },
  progress: { at_risk_points: 15, off_track_points: 30 },
};
const events: ReviewEvent[] = agenda(plan, "2026-11-22", "2027-03-31", agendaOptions);
const described: string[] = events.map((e) => {
  const kind: EventKind = e.kind;
  const prompts: string[] = e.prompts;
  return `${e.date} ${kind} ${e.subject_id}: ${e.title} (${prompts.join(" / ")})`;
});
const next: ReviewEvent | null = nextReview(plan, "2026-11-22");
const nextDate: string | undefined = next?.date;
const late: ReviewEvent[] = overdue(plan, "2027-08-01", null);
const icsOptions: IcsOptions = {
  agenda: agendaOptions, dtstamp: "2026-11-22T09:00:00Z", alarm_days_before: 1, calendar_name: "Reviews",
};
const ics: string = toIcs(plan, "2026-11-22", "2027-03-31", icsOptions) + toIcs(plan, "2026-11-22", "2027-03-31");
const reviewed: Plan = recordReview(plan, {
  id: "",
  date: "2026-11-22",
  answers: [{ prompt: "Am I meeting the deadlines I set for my goals?", answer: "Mostly." }],
  changes: [{ kind: "deadline_moved", goal_id: "g", to: "2027-04-30" }],
});
const reviewCount: number = reviewed.reviews?.length ?? 0;

const goalProgress: GoalProgress[] = progress(plan);
const sources: ProgressSource[] = goalProgress.map((g) => g.source);
const percents: string[] = goalProgress.map((g) => `${g.goal_id} ${g.percent.toFixed(1)}%`);

const status: PlanStatus = planStatus(plan, "2026-11-22", { ahead_points: 5, next_deadlines: 3, period_days: 30 });
const today: string = status.today;
const overall: number = status.overall_percent;
const rows: string[] = status.goals.map((g: GoalStatus) => {
  const h: Horizon | null = g.horizon;
  const s: TrackStatus = g.status;
  const src: ProgressSource = g.source;
  const start: string | null = g.start;
  const end: string | null = g.deadline;
  const expected: number | null = g.expected_percent;
  const gap: number | null = g.gap_points;
  const left: number | null = g.days_left;
  return [g.goal_id, g.title, h, g.percent, src, s, start, end, expected, gap, left].join(" ");
});
const atRisk: number | undefined = status.counts.at_risk;
const shortTerm: number | undefined = status.counts_by_horizon["short"]?.on_track;
const deadlines: Deadline[] = [...status.next_deadlines, ...status.overdue_actions];
const deadlineText: string[] = deadlines.map((d) => {
  const kind: "goal" | "action" = d.kind;
  return `${d.date} ${kind} ${d.id} ${d.title} ${d.days_left}`;
});
const periodStart: string = status.period_start;
const wins: string[] = status.achievements.map((a: AchievementRef) => `${a.date} ${a.id} ${a.title}`);

const format: RoadmapFormat = "mermaid";
const roadmapOptions: RoadmapOptions = { progress: { ahead_points: 5 }, width: 1200, title: "My roadmap" };
const chart: string = roadmap(plan, "2026-11-22", format, roadmapOptions) + roadmap(plan, "2026-11-22", "svg");

console.log(described, nextDate, late, ics, reviewCount, sources, percents, today, overall, rows, atRisk,
  shortTerm, deadlineText, periodStart, wins, chart);

// @ts-expect-error dates are strings, not Date objects.
agenda(plan, new Date(), "2027-03-31");
// @ts-expect-error the roadmap formats are a closed set.
roadmap(plan, "2026-11-22", "md");
// @ts-expect-error options are strict: `kind` is not an agenda option.
agenda(plan, "2026-11-22", "2027-03-31", { kind: ["checkin"] });
// @ts-expect-error an event's kind is a closed set.
const notAKind: EventKind = "meeting";
// @ts-expect-error nextReview may return null.
nextReview(plan, "2026-11-22").date;
console.log(notAKind);

// @ts-expect-error validatePlan returns Problem[], not any: a problem has no `line`.
validatePlan(plan)[0]?.line;
// @ts-expect-error loadPlan takes a plan as text or an object, not a number.
loadPlan(42);
// @ts-expect-error severity is a closed set.
const bad: Severity = "fatal";

console.log(id, deadline, where, worst, text, tagged, bad);
