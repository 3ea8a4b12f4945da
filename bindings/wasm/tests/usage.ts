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
  limits: { max_agenda_years: 20, max_events: 100_000 },
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
const chart: string = roadmap(plan, "2026-11-22", format, roadmapOptions) + roadmap(plan, "2026-11-22", "svg")
  + roadmap(plan, "2026-11-22", "md"); // the CLI's name, read as "markdown"

console.log(described, nextDate, late, ics, reviewCount, sources, percents, today, overall, rows, atRisk,
  shortTerm, deadlineText, periodStart, wins, chart);

// @ts-expect-error dates are strings, not Date objects.
agenda(plan, new Date(), "2027-03-31");
// @ts-expect-error the roadmap formats are a closed set.
roadmap(plan, "2026-11-22", "pdf");
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

// --- SMART linter -----------------------------------------------------------
import { lintGoal, lintMany, lintPlan, rules, LintReports } from "careerplan";
import type {
  Context, Criteria, Criterion, Diagnostic, Duration, Fix, GoalLintOptions, GoalReport, LintConfig,
  ErrorItem, LintOptions, LintReport, Penalty, PlanDiagnostic, PlanLintReport, RuleExample, RuleInfo, RuleSetting,
  Span, Thresholds, TimeExpression, TimeKind, TimeUnit, Verdict,
} from "careerplan";

const config: LintConfig = {
  today: "2026-11-22",
  rules: { hedge: { enabled: false }, "no-deadline": { severity: "error" } },
  thresholds: { max_active_goals: 3 },
  numeric_date_order: "mdy",
  limits: { max_text_bytes: 4096 },
};
const setting: RuleSetting | undefined = config.rules?.["no-deadline"];
const thresholds: Partial<Thresholds> | undefined = config.thresholds;
const context: Context = {
  deadline: "2027-03-31", start: null, horizon: "short", metric: { name: "NPS", target: 60 },
  linked_values: ["growth"], aspiration: null, parent: "Lead a team", values: ["growth"],
  aspirations: [], interests: ["data"], remaining_effort_hours: 26, horizon_windows: null, today: null,
};
const goalOptions: GoalLintOptions = { today: "2026-11-22", context, config };
const options: LintOptions = { today: "2026-11-22", config };

/** Every field of a report, as an editor would use it. */
function underline(report: LintReport): string[] {
  const text: string = report.text;
  const deadline: string | null = report.deadline;
  const criteria: Criteria = report.criteria;
  const verdicts: Verdict[] = [
    criteria.specific, criteria.measurable, criteria.achievable, criteria.relevant, criteria.time_bound,
  ];
  const met: (boolean | null)[] = verdicts.map((v) => v.met);
  const scores: number[] = verdicts.map((v) => v.score);
  const lines = report.diagnostics.map((d: Diagnostic) => {
    const code: string = d.code;
    const criterion: Criterion = d.criterion;
    const severity: Severity = d.severity;
    const bytes: Span = d.span;
    const words: string = text.slice(d.span_utf16.start, d.span_utf16.end);
    const suggestion: string | null = d.suggestion;
    const also: string[] = d.also ?? [];
    const fix: Fix | undefined = d.fix;
    const fixed: string | undefined = fix && fix.applicability === "safe"
      ? text.slice(0, fix.span_utf16.start) + fix.replacement + text.slice(fix.span_utf16.end)
      : undefined;
    return `${severity} ${code} (${criterion}) ${bytes.start}..${bytes.end} "${words}": ${d.message}`
      + ` ${suggestion ?? ""} ${also.join(",")} ${fix?.span.start ?? ""} ${fixed ?? ""}`;
  });
  const times = report.time_expressions.map((e: TimeExpression) => {
    const kind: TimeKind = e.kind;
    const duration: Duration | undefined = e.duration ?? e.rate;
    const unit: TimeUnit | undefined = duration?.unit;
    return `${e.text} ${kind} ${e.date ?? "-"} ${e.deadline} ${e.unknown_anchor} ${duration?.value ?? ""}`
      + ` ${unit ?? ""} ${e.alternative ?? ""} ${e.span.start} ${e.span_utf16.end}`;
  });
  return [String(deadline), met.join(","), scores.join(","), ...lines, ...times];
}

const one: LintReport = lintGoal("Try to earn the PMP soon 🚀", goalOptions);
const bare: LintReport = lintGoal("Earn the PMP by June 2027.");
const batch: LintReports = lintMany(["Grow.", "Pass the CCNA exam by 2027-03-31."], options);
const many: LintReport[] = batch.toArray();
const first: LintReport | undefined = batch.at(0);
const iterated: string[] = [...batch].map((r: LintReport) => r.text);
const columns: (number | null)[] = batch.scores().time_bound;
const failed: [number, ErrorItem][] = lintMany(["Grow."], { errors: "item" }).errors();
const batchDeadlines: (string | null)[] = batch.deadlines();
const count: number = batch.length + iterated.length + columns.length + batchDeadlines.length + (first ? 1 : 0);
const planReport: PlanLintReport = lintPlan(plan, options);
const goalReports: GoalReport[] = planReport.goals;
const perGoal: string[] = goalReports.flatMap((g) => [g.goal_id, g.path, ...underline(g)]);
const findings: string[] = planReport.findings.map((f: PlanDiagnostic) =>
  `${f.severity} ${f.code} ${f.criterion} ${f.path} ${f.goal_ids.join(",")} ${f.message} ${f.suggestion ?? ""}`);
const catalogue: RuleInfo[] = rules();
const docs: string[] = catalogue.map((r) => {
  const penalty: Penalty = r.penalty;
  const bad: RuleExample = r.bad;
  const good: RuleExample = r.good;
  const scope: "text" | "context" | "plan" = r.scope;
  return `${r.code} ${r.criterion} ${r.severity} ${scope} ${penalty.specific + penalty.measurable + penalty.achievable
    + penalty.relevant + penalty.time_bound} ${r.summary} ${r.message} ${r.suggestion ?? ""} ${r.explanation}`
    + ` ${bad.text} ${bad.context?.deadline ?? ""} ${good.text} ${good.plan ? "plan" : ""}`;
});

// @ts-expect-error a context is only for one goal: lintMany takes LintOptions.
lintMany(["Grow."], { context });
// @ts-expect-error options are named; a bare date string is not options.
lintGoal("Grow.", "2026-11-22");
// @ts-expect-error met is true, false or null, not a score.
const wrong: boolean | null = one.criteria.specific.score;

console.log(underline(one), underline(bare), many.map(underline), count, perGoal, findings, docs, setting, thresholds, wrong, failed);
// ---- skills ---------------------------------------------------------------------
// (Imports of this section kept here, so sections merge independently; ES
// imports are hoisted.)
import {
  RoleCatalog, builtinRoles, catalogCoverage, gapMatrix, profileFromJsonResume, rankRoles, skillGap,
  transferableSkills,
} from "careerplan";
import type {
  Coverage, OnetStats, GapMatrix, GapMatrixOptions, GapReport, LearningActivity, Person, RankEntry, RankRolesOptions,
  Requirement, ResumeImport, ResumeIssue, ResumeIssueKind, ResumeOptions, Role, RoleCatalogData,
  SkillGap, SkillGapOptions, Strength, Tier, TransferReport, TransferSource, TransferableSkill,
} from "careerplan";

const catalog: RoleCatalogData = builtinRoles();
const catalogText = [catalog.name, catalog.note, catalog.attribution, catalog.scales?.length, catalog.aliases]
  .join(" ");
const roleText: string[] = catalog.roles.map((r: Role) => {
  const reqs: Requirement[] = r.requirements ?? [];
  const described = reqs.map((q) =>
    [q.skill, q.level, q.scale, q.importance, q.required, q.external_id, q.low_precision].join(" "));
  return [r.id, r.title, r.description, r.family, r.next_roles?.join(","), r.attribution, ...described].join(" ");
});

const gapOptions: SkillGapOptions = {
  today: "2026-11-22",
  hours_per_step: 40,
  max_assessment_age_days: 365,
  tiers: { ready_now: 0.9, within_a_year: 0.75, stretch: 0.5 },
  scales: [{ id: "ten", min: 0, max: 10 }],
  aliases: { PM: "Project management" },
  learning: { activities: [{ id: "pmp", title: "PMP prep", kind: "certification", skill: "Project management" }] },
  catalog,
};
const report: GapReport = skillGap(plan, "senior-project-manager", gapOptions);
const tier: Tier = report.tier;
const reportText = [report.role_id, report.title, report.readiness, tier, report.unmet_must_haves.join(","),
  report.unmatched_skills.join(","), report.total_hours, report.confidence, report.stale_skills.join(","),
  report.attribution].join(" ");
const gapLines: string[] = report.skills.map((s: SkillGap) => {
  const current: number | null = s.current;
  const priority: number | null = s.priority;
  const activities: LearningActivity[] = s.activities ?? [];
  return [s.skill, current, s.required, s.gap, s.weight, s.scale, s.importance, s.must_have, s.met,
    s.current_normalized, s.required_normalized, s.gap_normalized, s.attainment, s.contribution, priority,
    s.hours, s.assessed_as, s.assessed_on, s.stale, s.low_precision,
    activities.map((a) => [a.id, a.title, a.kind, a.skill, a.from_level, a.to_level, a.scale, a.hours, a.cost,
      a.currency, a.url].join(" ")).join(";")].join(" ");
});
const strengths: string[] = report.strengths.map((s: Strength) => `${s.skill} ${s.current} ${s.required} ${s.margin}`);
const byRole: GapReport = skillGap(plan.profile ?? {}, { id: "x", title: "X", requirements: [{ skill: "SQL", level: 3 }] });

const rankOptions: RankRolesOptions = { top_k: 5, catalog: JSON.stringify(catalog), tiers: { stretch: 0.4 } };
const ranking: RankEntry[] = rankRoles(plan, rankOptions);
const rankLines: string[] = ranking.map((e) =>
  [e.rank, e.role_id, e.title, e.readiness, e.tier, e.unmet_must_haves.join(","), e.attribution].join(" "));
const reusable: RoleCatalog = RoleCatalog.fromJson(catalog);
const onetCatalog: RoleCatalog = RoleCatalog.fromOnet({ skills: "", readme: null }, { version: "29.2", not_relevant: "keep" });
const stats: OnetStats | null = onetCatalog.onetStats;
const reused: RankEntry[] = rankRoles(plan, { catalog: reusable, top_k: 3 });
const coverage: Coverage = catalogCoverage(plan, { catalog: reusable });
const reusableText = [reusable.length, reusable.name, reusable.attribution, reusable.roleIds.join(","),
  reusable.role("team-lead").title, JSON.stringify(reusable.toJSON()), stats?.occupations, reused.length,
  coverage.share, coverage.low, coverage.covered.join(","), coverage.via_crosswalk.length, coverage.warning].join(" ");

const transfer: TransferReport = transferableSkills(plan, "registered-nurse", "charge-nurse", { catalog: catalog.roles });
const transferText = [transfer.from_role_id, transfer.to_role_id, transfer.readiness_before, transfer.readiness_after,
  transfer.transfer_share, transfer.new_skills.join(","), transfer.attribution].join(" ");
const carried: string[] = transfer.transferable.map((t: TransferableSkill) => {
  const source: TransferSource = t.source;
  return [t.skill, source, t.current, t.required, t.gap, t.weight, t.covers].join(" ");
});

const team: Person[] = [{ id: "ana", name: "Ana", skills: [{ skill: "SQL", level: 4 }] }];
const matrixOptions: GapMatrixOptions = { catalog, aliases: {} };
const matrix: GapMatrix = gapMatrix([plan, ...team, JSON.stringify(team[0]), { skills: [] }], matrixOptions);
const cell: number | undefined = matrix.readiness[0]?.[0];
const matrixText = [matrix.person_ids.join(","), matrix.role_ids.join(","), cell, matrix.attribution].join(" ");

const resumeOptions: ResumeOptions = {
  levels: { wizard: 5 }, keywords: true, default_level: 2, assessed_on: "2026-11-22", scales: [],
  lexicon: { scale: "dreyfus-5", levels: { beginner: 1 }, note: "mine" },
};
const imported: ResumeImport = profileFromJsonResume({ skills: [{ name: "Go", level: "Wizard" }] }, resumeOptions);
const importedText = [imported.name, imported.label, imported.profile.skills?.length].join(" ");
const issues: string[] = imported.issues.map((i: ResumeIssue) => {
  const kind: ResumeIssueKind = i.kind;
  return [i.path, kind, i.skill, i.level].join(" ");
});
const fromText: ResumeImport = profileFromJsonResume('{"skills": []}');

console.log(catalogText, reusableText, roleText, reportText, gapLines, strengths, byRole.readiness, rankLines, transferText,
  carried, matrixText, importedText, issues, fromText.issues.length);

// @ts-expect-error tiers are a closed set.
const notATier: Tier = "someday";
// @ts-expect-error top_k is a number.
rankRoles(plan, { top_k: "5" });
// @ts-expect-error a role is an id or a role object, not a number.
skillGap(plan, 7);
// @ts-expect-error gapMatrix takes an array of people.
gapMatrix(plan);
console.log(notATier);

// ---- the plan document, field by field ----------------------------------------
// What loadPlan and recordReview return (and profileFromJsonResume's profile):
// every entity and field of the canonical plan, as a tool reading it would.
import type {
  Achievement, Action, Aspiration, Contact, Feedback, HorizonWindows, Metric, Owner, Priority, Profile,
  Review, ReviewPolicy, Scale, SkillAssessment,
} from "careerplan";

function describeProfile(p: Profile): string[] {
  const skills: SkillAssessment[] = p.skills ?? [];
  return [
    ...skills.map((s) => [s.skill, s.level, s.scale, s.assessed_on, s.evidence, s.source].join(" ")),
    ...(p.values ?? []).map((v) => `${v.name} ${v.rank ?? ""} ${v.note ?? ""}`),
    [p.interests, p.strengths, p.weaknesses].map((list) => (list ?? []).join(",")).join(";"),
    ...(p.personality ?? []).map((r) => `${r.instrument} ${r.result} ${r.taken_on ?? ""}`),
    ...(p.experience ?? []).map((e) => [e.title, e.organization, e.start, e.end, e.summary].join(" ")),
  ];
}

function describePlan(p: Plan): string[] {
  const owner: Owner | undefined = p.owner;
  const head = [p.schema_version, p.id, owner?.name, owner?.current_role, owner?.organization, p.created, p.updated];
  const aspirations = (p.aspirations ?? []).map((a: Aspiration) => [a.id, a.statement, a.horizon].join(" "));
  const goals = (p.goals ?? []).map((g: Goal) => {
    const priority: Priority | undefined = g.priority;
    const metric: Metric | undefined = g.metric;
    return [g.id, g.title, g.description, g.horizon, g.parent_id, g.aspiration_id, priority?.importance,
      priority?.feasibility, g.status, g.start, g.deadline, metric?.name, metric?.unit, metric?.baseline,
      metric?.target, metric?.current, g.values?.join(","), g.skills?.join(",")].join(" ");
  });
  const actions = (p.actions ?? []).map((a: Action) => [a.id, a.goal_id, a.title, a.kind, a.due, a.status,
    a.completed_on, a.effort_hours,
    (a.resources ?? []).map((r) => [r.kind, r.amount, r.unit, r.contact_id, r.note].join(" ")).join(";"),
    (a.obstacles ?? []).map((o) => `${o.description} ${o.mitigation ?? ""}`).join(";")].join(" "));
  const contacts = (p.contacts ?? []).map((c: Contact) =>
    [c.id, c.name, c.relation, typeof c.cadence === "object" ? `${c.cadence.every} ${c.cadence.unit}` : c.cadence,
      c.last_contact, c.notes].join(" "));
  const achievements = (p.achievements ?? []).map((a: Achievement) =>
    [a.id, a.title, a.date, a.description, a.goal_id, a.skills?.join(",")].join(" "));
  const feedback = (p.feedback ?? []).map((f: Feedback) =>
    [f.id, f.from, f.contact_id, f.date, f.text, f.goal_id, f.skill].join(" "));
  const reviews = (p.reviews ?? []).map((r: Review) => [r.id, r.date, r.notes,
    (r.answers ?? []).map((a) => `${a.prompt} ${a.answer}`).join(";"),
    (r.progress ?? []).map((s) => `${s.goal_id} ${s.percent} ${s.status ?? ""}`).join(";"),
    (r.changes ?? []).map((c) => [c.kind, c.goal_id, JSON.stringify(c.from), JSON.stringify(c.to), c.note].join(" "))
      .join(";")].join(" "));
  const policy: ReviewPolicy | undefined = p.review_policy;
  const policyText = policy === undefined ? "" : [JSON.stringify(policy.cadence), policy.anchor, policy.until,
    policy.business_days, policy.holidays?.join(","), policy.checkin_days_before?.join(","), policy.midpoint_min_days,
    JSON.stringify(policy.at_risk_cadence), (policy.ad_hoc ?? []).map((r) => `${r.date} ${r.reason}`).join(";")]
    .join(" ");
  const windows: HorizonWindows | undefined = p.horizons;
  const windowText = windows === undefined ? "" : [windows.short_max_months, windows.mid_min_months,
    windows.mid_max_months, windows.long_min_months, windows.long_max_months].join(" ");
  const scales = (p.scales ?? []).map((s: Scale) => [s.id, s.name, s.min, s.max,
    (s.levels ?? []).map((l) => `${l.value} ${l.name} ${l.description ?? ""}`).join(";")].join(" "));
  return [head.join(" "), ...(p.profile ? describeProfile(p.profile) : []), ...aspirations, ...goals, ...actions,
    ...contacts, ...achievements, ...feedback, ...reviews, policyText, windowText, ...scales];
}

console.log(describePlan(plan), describePlan(reviewed), describeProfile(imported.profile));
