// Hand-written TypeScript types of careerplan's JSON contract, appended to the
// generated .d.ts (see lib.rs). Keys are snake_case as in the plan document;
// dates are "YYYY-MM-DD" strings. Every entity may carry fields careerplan
// does not know: they are kept and written back, hence the index signatures.

/** What the functions accept as a plan: JSON text or a plain object. */
export type PlanInput = string | Plan | Record<string, unknown>;

export type Severity = "info" | "warning" | "error";
export type Horizon = "short" | "mid" | "long";
export type Status = "not_started" | "in_progress" | "blocked" | "done" | "abandoned";
export type Cadence =
  | "weekly" | "biweekly" | "monthly" | "quarterly" | "semi_annual" | "annual"
  | { every: number; unit: "days" | "weeks" | "months" | "years" };

/** One problem found by `validatePlan`. */
export interface Problem {
  /** Stable kebab-case code, e.g. "dangling-reference". */
  code: string;
  severity: Severity;
  /** JSON path of the field to fix, e.g. "goals[2].deadline". */
  path: string;
  message: string;
}

/**
 * What every function throws for bad input: a real `Error` whose `message`
 * is one line (path first), with the stable `code` ("invalid-json",
 * "invalid-value", "invalid-date", "unsupported-schema-version",
 * "migration-failed", "invalid-argument"; "internal-error" for a bug) and the
 * JSON `path` of the offending field ("" for the whole input).
 */
export interface CareerPlanError extends Error {
  name: "CareerPlanError";
  code: string;
  path: string;
}

type Extra = { [key: string]: unknown };

export interface Owner extends Extra { name: string; current_role?: string; organization?: string }

export interface SkillAssessment extends Extra {
  skill: string;
  level: number;
  scale?: string;
  assessed_on?: string;
  evidence?: string;
  source?: "self" | "manager" | "peer" | "test" | "other";
}

export interface RankedValue extends Extra { name: string; rank?: number; note?: string }
export interface PersonalityResult extends Extra { instrument: string; result: string; taken_on?: string }
export interface ExperienceNote extends Extra {
  title: string; organization?: string; start?: string; end?: string; summary?: string;
}

export interface Profile extends Extra {
  skills?: SkillAssessment[];
  values?: RankedValue[];
  interests?: string[];
  strengths?: string[];
  weaknesses?: string[];
  personality?: PersonalityResult[];
  experience?: ExperienceNote[];
}

export interface Aspiration extends Extra { id: string; statement: string; horizon?: Horizon }
export interface Priority extends Extra { importance: number; feasibility: number }
export interface Metric extends Extra {
  name: string; unit?: string; baseline?: number; target: number; current?: number;
}

export interface Goal extends Extra {
  id: string;
  title: string;
  description?: string;
  horizon?: Horizon;
  parent_id?: string;
  aspiration_id?: string;
  priority?: Priority;
  status?: Status;
  start?: string;
  deadline?: string;
  metric?: Metric;
  values?: string[];
  skills?: string[];
}

export interface Resource extends Extra {
  kind: "time" | "money" | "training" | "contact" | "other";
  amount?: number; unit?: string; contact_id?: string; note?: string;
}
export interface Obstacle extends Extra { description: string; mitigation?: string }

export interface Action extends Extra {
  id: string;
  goal_id: string;
  title: string;
  kind?: "step" | "milestone";
  due?: string;
  status?: Status;
  completed_on?: string;
  effort_hours?: number;
  resources?: Resource[];
  obstacles?: Obstacle[];
  /** The skills the action builds (drafted actions name theirs). */
  skills?: string[];
}

export interface Contact extends Extra {
  id: string;
  name: string;
  relation: "mentor" | "manager" | "peer" | "coach" | "counselor" | "mentee" | "other";
  cadence?: Cadence;
  last_contact?: string;
  notes?: string;
}

export interface Achievement extends Extra {
  id: string; title: string; date?: string; description?: string; goal_id?: string; skills?: string[];
}

export interface Feedback extends Extra {
  id: string; from: string; contact_id?: string; date?: string; text: string; goal_id?: string; skill?: string;
}

export interface ReviewAnswer extends Extra { prompt: string; answer: string }
export interface GoalProgressSnapshot extends Extra { goal_id: string; percent: number; status?: Status }
export interface PlanChange extends Extra {
  kind: "goal_added" | "deadline_moved" | "goal_abandoned" | "goal_completed"
    | "priority_changed" | "aspiration_changed" | "other";
  goal_id?: string; from?: unknown; to?: unknown; note?: string;
}

export interface Review extends Extra {
  id: string;
  date: string;
  answers?: ReviewAnswer[];
  progress?: GoalProgressSnapshot[];
  changes?: PlanChange[];
  notes?: string;
}

/** A review the person triggers outside the cadence (a job change, an opportunity). */
export interface AdHocReview extends Extra { date: string; reason: string }

export interface ReviewPolicy extends Extra {
  cadence: Cadence;
  anchor?: string;
  until?: string;
  business_days?: "none" | "following" | "modified_following" | "preceding";
  holidays?: string[];
  checkin_days_before?: number[];
  midpoint_min_days?: number;
  at_risk_cadence?: Cadence;
  ad_hoc?: AdHocReview[];
}

export interface HorizonWindows {
  short_max_months: number; mid_min_months: number; mid_max_months: number;
  long_min_months: number; long_max_months: number;
}

export interface ScaleLevel { value: number; name: string; description?: string }
export interface Scale extends Extra { id: string; name?: string; min: number; max: number; levels?: ScaleLevel[] }

/** A career plan as `loadPlan` returns it (the canonical document). */
export interface Plan extends Extra {
  schema_version: number;
  id: string;
  owner?: Owner;
  created?: string;
  updated?: string;
  profile?: Profile;
  aspirations?: Aspiration[];
  goals?: Goal[];
  actions?: Action[];
  contacts?: Contact[];
  achievements?: Achievement[];
  feedback?: Feedback[];
  reviews?: Review[];
  review_policy?: ReviewPolicy;
  horizons?: HorizonWindows;
  scales?: Scale[];
}

// ---- scheduling and progress ------------------------------------------------
// Dates are "YYYY-MM-DD" strings, as arguments and in results.

/** What an agenda event is for; on the same day and subject the earlier kind wins. */
export type EventKind =
  | "goal_deadline" | "action_due" | "ad_hoc_review" | "periodic_review"
  | "at_risk_review" | "midpoint_review" | "checkin" | "contact_follow_up";
export type ProgressSource = "done" | "metric" | "actions" | "children" | "review" | "none";
export type TrackStatus =
  | "ahead" | "on_track" | "at_risk" | "off_track" | "overdue" | "done" | "abandoned" | "unscheduled";
export type RoadmapFormat = "markdown" | "md" | "mermaid" | "svg";

/** One dated entry of the agenda (`agenda`, `nextReview`, `overdue`). */
export interface ReviewEvent {
  date: string;
  kind: EventKind;
  /** Id of the plan, goal, action or contact the event concerns. */
  subject_id: string;
  title: string;
  /** Reflection prompts for the occasion. */
  prompts: string[];
}

/** Reflection prompts per kind of event; kinds left out keep the built-in ones. */
export type Prompts = { [K in EventKind]?: string[] };

/** Thresholds of the on-track status (percentage points) and the summary's extent. */
export interface ProgressOptions {
  ahead_points?: number;
  at_risk_points?: number;
  off_track_points?: number;
  next_deadlines?: number;
  period_days?: number;
}

/** Limits on input size and on the work of one call (README, "Limits"); every field optional. */
export interface Limits {
  /** Largest JSON document read, in bytes (default 16 MiB). */
  max_input_bytes?: number;
  /** Deepest nesting of arrays and objects (default 64). */
  max_depth?: number;
  /** Most entries in any one list of a plan (default 10,000). */
  max_entities?: number;
  /** Longest goal statement linted, in bytes (default 64 KiB). */
  max_text_bytes?: number;
  /** Longest agenda window, in years (default 100). */
  max_agenda_years?: number;
  /** Most events one agenda expands to (default 1,000,000). */
  max_events?: number;
}

/** Options of `agenda`, `nextReview` and `overdue`. Unknown keys are errors. */
export interface AgendaOptions {
  /** The day goal status is judged on (for at-risk reviews); default: the window's start. */
  today?: string | null;
  /** Only these kinds of event (empty: every kind). */
  kinds?: EventKind[];
  prompts?: Prompts | null;
  progress?: ProgressOptions;
  limits?: Limits;
}

/** Options of `toIcs`. Unknown keys are errors. */
export interface IcsOptions {
  agenda?: AgendaOptions;
  /** RFC 3339 instant of every DTSTAMP; default: the plan's `updated` or `created`. */
  dtstamp?: string | null;
  alarm_days_before?: number | null;
  calendar_name?: string | null;
}

/** Options of `roadmap`. Unknown keys are errors. */
export interface RoadmapOptions {
  progress?: ProgressOptions;
  /** Width of the SVG in pixels (at least 600; default 1200). */
  width?: number;
  title?: string | null;
}

/** A goal's progress (`progress`). */
export interface GoalProgress {
  goal_id: string;
  /** 0 to 100. */
  percent: number;
  source: ProgressSource;
}

/** A goal's progress, on-track status and the numbers behind it. */
export interface GoalStatus {
  goal_id: string;
  title: string;
  horizon: Horizon | null;
  percent: number;
  source: ProgressSource;
  status: TrackStatus;
  start: string | null;
  deadline: string | null;
  /** Share of the time from start to deadline that has elapsed, 0 to 100. */
  expected_percent: number | null;
  /** `percent - expected_percent`, in percentage points. */
  gap_points: number | null;
  days_left: number | null;
}

/** An upcoming or missed deadline. */
export interface Deadline {
  date: string;
  kind: "goal" | "action";
  id: string;
  title: string;
  days_left: number;
}

/** An achievement of the period. */
export interface AchievementRef { id: string; title: string; date: string }

/** Where a plan stands on a day (`planStatus`). */
export interface PlanStatus {
  today: string;
  overall_percent: number;
  goals: GoalStatus[];
  counts: Partial<Record<TrackStatus, number>>;
  /** Keys "short", "mid", "long" or "unassigned". */
  counts_by_horizon: Record<string, Partial<Record<TrackStatus, number>>>;
  next_deadlines: Deadline[];
  overdue_actions: Deadline[];
  period_start: string;
  achievements: AchievementRef[];
}

// --- SMART linter ---------------------------------------------------------
// lintGoal / lintMany / lintPlan / rules. Spans are byte offsets into the
// goal's text, as in the JSON contract; `span_utf16` is the same range in
// UTF-16 code units, which is how JS strings index:
// `text.slice(d.span_utf16.start, d.span_utf16.end)`.

export type Criterion = "specific" | "measurable" | "achievable" | "relevant" | "time_bound";

/** A range `start..end` of a text (end exclusive). */
export interface Span { start: number; end: number }

/** The verdict on one criterion. */
export interface Verdict {
  /** `null` when it cannot be judged (e.g. relevance without plan context). */
  met: boolean | null;
  /** 0 (absent) to 100 (fully met); 50 when it cannot be judged. */
  score: number;
}

export interface Criteria {
  specific: Verdict;
  measurable: Verdict;
  achievable: Verdict;
  relevant: Verdict;
  time_bound: Verdict;
}

/** A mechanical edit: replace `span` with `replacement`. */
export interface Fix {
  span: Span;
  span_utf16: Span;
  replacement: string;
  /** "safe": keeps the meaning; "unsafe": apply on request; "display-only": a template, never applied. */
  applicability: "safe" | "unsafe" | "display-only";
}

/** One finding about a goal statement. */
export interface Diagnostic {
  /** Stable rule code, e.g. "vague-outcome" (see `rules()`). */
  code: string;
  criterion: Criterion;
  severity: Severity;
  /** One line naming the offending words. */
  message: string;
  /** Byte span of the offending words (empty: where something is missing). */
  span: Span;
  /** `span` in UTF-16 code units. */
  span_utf16: Span;
  suggestion: string | null;
  fix?: Fix;
  /** Codes of other findings on the same words, merged into this one. */
  also?: string[];
}

export type TimeKind =
  | "date" | "period" | "relative" | "unknown_anchor" | "frequency"
  | "measure" | "modifier" | "vague" | "past" | "start" | "impossible_date";
export type TimeUnit =
  | "minute" | "hour" | "day" | "business_day" | "week" | "fortnight" | "month" | "quarter"
  | "half" | "year" | "decade";

export interface Duration { value: number; unit: TimeUnit }

/** A time expression found in the text. */
export interface TimeExpression {
  span: Span;
  span_utf16: Span;
  /** The text the span covers. */
  text: string;
  kind: TimeKind;
  /** The date a deadline resolves to ("YYYY-MM-DD"), or the past day a "past" reference names; null for other kinds and unknown anchors. */
  date: string | null;
  unknown_anchor: boolean;
  /** Whether this expression sets a deadline. */
  deadline: boolean;
  duration?: Duration;
  /** For a rate ("30 hours a day"): the time spent per interval. */
  rate?: Duration;
  /** For a numeric date that reads two ways: the reading not taken. */
  alternative?: string;
}

/** The linter's verdict on one goal statement (the lint contract of docs/CONTRACTS.md). */
export interface LintReport {
  text: string;
  /** The resolved deadline ("YYYY-MM-DD"), or null. */
  deadline: string | null;
  criteria: Criteria;
  /** In text order; overlapping findings on the same words are merged. */
  diagnostics: Diagnostic[];
  time_expressions: TimeExpression[];
}

/** The report on one goal of a plan. */
export interface GoalReport extends LintReport {
  goal_id: string;
  /** JSON path of the goal in the plan, e.g. "goals[2]". */
  path: string;
}

/** A finding about a plan as a whole. */
export interface PlanDiagnostic {
  code: string;
  criterion: Criterion;
  severity: Severity;
  message: string;
  /** JSON path of the goal, or "goals" for the whole list. */
  path: string;
  goal_ids: string[];
  suggestion: string | null;
}

export interface PlanLintReport {
  /** One report per goal, in plan order. */
  goals: GoalReport[];
  findings: PlanDiagnostic[];
}

export interface RuleSetting { enabled?: boolean; severity?: Severity | null }

export interface Thresholds {
  max_active_goals: number;
  hours_per_week: number;
  max_hours_per_week: number;
  max_goals_per_statement: number;
  duplicate_similarity: number;
}

/** Linter configuration; every field is optional. Unknown keys are errors. */
export interface LintConfig {
  /** Reference date "YYYY-MM-DD" (default: the current UTC date). */
  today?: string | null;
  /** Per-rule settings, by rule code. */
  rules?: Record<string, RuleSetting>;
  thresholds?: Partial<Thresholds>;
  /** How to read 03/04/2027: day first ("dmy", the default) or month first. */
  numeric_date_order?: "dmy" | "mdy";
  /** The first day of a week: where "this week" and "next week" end (default "monday"). */
  week_start?: "monday" | "sunday";
  /** "next Thursday": that of the following week (the default) or the nearest one after today. */
  next_weekday?: "following_week" | "nearest";
  /** Holiday calendars to read names with ("us", "ca", "gb", "au", "nz", "ie"); empty: all. */
  holiday_regions?: string[];
  limits?: Limits;
}

/** What is known around a goal statement; every field is optional. */
export interface Context {
  today?: string | null;
  /** The goal's deadline field. */
  deadline?: string | null;
  start?: string | null;
  horizon?: Horizon | null;
  horizon_windows?: HorizonWindows | null;
  /** With a target, the goal is measurable. */
  metric?: Metric | null;
  /** Names of the values the goal says it serves. */
  linked_values?: string[];
  /** Statement of the aspiration the goal serves. */
  aspiration?: string | null;
  /** Title of the parent goal. */
  parent?: string | null;
  values?: string[];
  aspirations?: string[];
  interests?: string[];
  /** Effort left in the goal's open actions, in hours. */
  remaining_effort_hours?: number | null;
  /** The role the goal names, when it is in the role catalog. */
  target_role?: string | null;
  /** Hours of learning estimated to reach `target_role` from the profile. */
  skill_gap_hours?: number | null;
}

/** Options of `lintMany` and `lintPlan`. */
export interface LintOptions {
  /** Reference date "YYYY-MM-DD"; overrides `config.today`. */
  today?: string;
  config?: LintConfig;
}

/** Options of `lintGoal`. */
export interface GoalLintOptions extends LintOptions {
  context?: Context;
}

/** Options of `lintMany`: a text over the limit throws ("raise", the default) or becomes an `ErrorItem` in its place ("item"). */
export interface LintManyOptions extends LintOptions {
  errors?: "raise" | "item";
}

/** An error as data: what a `CareerPlanError` carries, plus `limit` for "limit-exceeded". */
export interface ErrorInfo { code: string; message: string; path: string; limit?: string }

/** A failed item of a batch, in its place (`lintMany(texts, {errors: "item"})`). */
export interface ErrorItem { error: ErrorInfo }

export interface Penalty {
  specific: number; measurable: number; achievable: number; relevant: number; time_bound: number;
}

export interface RuleExample {
  text: string;
  context?: Context;
  plan?: Record<string, unknown>;
}

/** Documentation of one rule, as `rules()` lists them. */
export interface RuleInfo {
  code: string;
  criterion: Criterion;
  severity: Severity;
  /** Judged from the text alone, with a goal's plan context, or over a whole plan. */
  scope: "text" | "context" | "plan";
  penalty: Penalty;
  summary: string;
  /** Message template; `{words}` is the text the diagnostic points at. */
  message: string;
  suggestion: string | null;
  explanation: string;
  bad: RuleExample;
  good: RuleExample;
}

// ---- skills -------------------------------------------------------------------
// Skill gaps, role ranking, career changes, team matrices, role catalogs and
// JSON Resume import. Levels are numbers on a scale (`dreyfus-5` by default).

/** Readiness tier of a role for a person, from closest to furthest. */
export type Tier = "ready_now" | "within_a_year" | "stretch" | "aspirational";

/** Lowest readiness of each tier; 0 <= stretch <= within_a_year <= ready_now <= 1. */
export interface TierThresholds { ready_now?: number; within_a_year?: number; stretch?: number }

/** One skill a role needs, at a level on a scale, with a weight. */
export interface Requirement extends Extra {
  skill: string;
  level: number;
  /** Default "dreyfus-5". */
  scale?: string;
  /** A positive weight, by convention O*NET's 1 to 5; default 3. */
  importance?: number;
  /** A must-have. */
  required?: boolean;
  /** O*NET element id ("2.A.1.a") or ESCO URI. */
  external_id?: string;
  /** The source flags the rating as imprecise (O*NET's Recommend Suppress). */
  low_precision?: boolean;
}

/** A role and the skills it needs. */
export interface Role extends Extra {
  id: string;
  title: string;
  requirements?: Requirement[];
  description?: string;
  family?: string;
  next_roles?: string[];
  /** Set on roles imported from O*NET or ESCO; results derived from them repeat it. */
  attribution?: string;
  /** The role's id in an external taxonomy: an ESCO occupation URI. */
  external_id?: string;
}

/** A role catalog as plain data (`builtinRoles()`, `options.catalog`). */
export interface RoleCatalogData extends Extra {
  roles: Role[];
  name?: string;
  note?: string;
  attribution?: string;
  scales?: Scale[];
  /** Extra skill aliases, alias -> canonical name. */
  aliases?: Record<string, string>;
}

/** A catalog as the options' `catalog` takes it: JSON text, an object, or an array of roles. */
export type RoleCatalogInput = string | RoleCatalogData | Role[];

/** A person in a team: an id and skill assessments, as in a plan's profile. */
export interface Person extends Extra { id: string; name?: string; skills?: SkillAssessment[] }

/**
 * Whose skills: a plan (with `schema_version` or `profile`), a person (with
 * `id`) or a profile, as JSON text or an object.
 */
export type ProfileInput = string | Plan | Profile | Person | Record<string, unknown>;
/** One entry of `gapMatrix`'s people: a plan, a person or a profile. */
export type PersonInput = ProfileInput;

export type ActivityKind = "course" | "certification" | "workshop" | "mentoring" | "on_the_job" | "reading";

/** A learning activity for one skill and a level range. */
export interface LearningActivity extends Extra {
  id: string;
  title: string;
  kind: ActivityKind;
  skill: string;
  from_level?: number;
  to_level?: number;
  scale?: string;
  hours?: number;
  cost?: number;
  currency?: string;
  url?: string;
}

export interface LearningCatalog extends Extra { activities: LearningActivity[] }

/** Options of the gap calculations. Unknown keys are errors. */
export interface GapOptions {
  /** Custom scales the profile's assessments use (a plan's `scales`). */
  scales?: Scale[];
  aliases?: Record<string, string>;
  /** Hours of learning per fifth of the proficiency axis (default 40). */
  hours_per_step?: number;
  /** Reference date for stale assessments; without it `confidence` is null. */
  today?: string | null;
  /** Default 365. */
  max_assessment_age_days?: number;
  tiers?: TierThresholds;
  learning?: LearningCatalog | null;
}

/** Options of ranking and the matrix. Unknown keys are errors. */
export interface RankOptions {
  scales?: Scale[];
  aliases?: Record<string, string>;
  tiers?: TierThresholds;
}

/** Options of `skillGap` and `transferableSkills`: GapOptions and the catalog role ids are looked up in. */
export interface SkillGapOptions extends GapOptions { catalog?: RoleCatalog | RoleCatalogInput | null }
/** Options of `rankRoles`: RankOptions, the catalog, and how many roles to keep. */
export interface RankRolesOptions extends RankOptions { catalog?: RoleCatalog | RoleCatalogInput | null; top_k?: number | null }
/** Options of `gapMatrix`: RankOptions and the catalog. */
export interface GapMatrixOptions extends RankOptions { catalog?: RoleCatalog | RoleCatalogInput | null }

/** Options of `catalogCoverage`: the catalog. */
export interface CoverageOptions { catalog?: RoleCatalog | RoleCatalogInput | null }

/** How much of a profile a catalog covers (`catalogCoverage`). */
export interface Coverage {
  /** The profile's distinct skills. */
  skills: number;
  /** Skills some role requires under their own name (or an alias). */
  covered: string[];
  /** Skills an O*NET catalog reaches only through careerplan's crosswalk. */
  via_crosswalk: string[];
  /** Skills no role of the catalog can count. */
  uncovered: string[];
  /** (covered + via_crosswalk) / skills, 0 to 1. */
  share: number;
  /** Share below 0.5. */
  low: boolean;
  /** When `low`: what that means for a ranking. */
  warning?: string;
}

/** The contents of O*NET database files for `RoleCatalog.fromOnet`; at least `skills` or `knowledge`. */
export interface OnetFiles {
  /** The text of `Skills.txt`. */
  skills?: string | null;
  /** The text of `Knowledge.txt`. */
  knowledge?: string | null;
  /** The text of `Occupation Data.txt` (occupation titles). */
  occupations?: string | null;
  /** The text of `ONET_Read_Me.txt` (the version named in the attribution). */
  readme?: string | null;
}

/** What happens to ratings O*NET flags. */
export type FlagPolicy = "drop" | "keep";

/** Options of `RoleCatalog.fromOnet`. Unknown keys are errors. */
export interface OnetOptions {
  /** The database version for the attribution (default: read from `readme`). */
  version?: string | null;
  /** Ratings flagged Not Relevant (default "drop"). */
  not_relevant?: FlagPolicy;
  /** Ratings flagged Recommend Suppress (default "keep", marked `low_precision`). */
  recommend_suppress?: FlagPolicy;
  /** Importance from which a requirement is a must-have (default 4). */
  must_have_importance?: number;
  /** Copy occupation descriptions into the roles (default true). */
  descriptions?: boolean;
}

/** The counts of an O*NET import (`RoleCatalog.onetStats`). */
export interface OnetStats {
  rows: number;
  occupations: number;
  requirements: number;
  not_relevant_dropped: number;
  not_relevant_kept: number;
  suppressed_dropped: number;
  suppressed_kept: number;
  incomplete: number;
  other_scale_rows: number;
  missing_titles: string[];
}

/** One requirement of the role compared with the person. */
export interface SkillGap {
  skill: string;
  /** The person's level on the role's scale; null when not assessed. */
  current: number | null;
  required: number;
  /** `required - current` in levels of the role's scale, at least 0. */
  gap: number;
  /** Share of the role's total importance; a report's weights sum to 1. */
  weight: number;
  scale: string;
  importance: number;
  must_have: boolean;
  met: boolean;
  current_normalized: number;
  required_normalized: number;
  gap_normalized: number;
  /** `min(current / required, 1)` in proficiency. */
  attainment: number;
  /** `weight * attainment`; a report's contributions sum to its readiness. */
  contribution: number;
  /** 1 first; null when met. */
  priority: number | null;
  hours: number;
  assessed_as?: string;
  assessed_on?: string;
  stale: boolean;
  low_precision?: boolean;
  activities?: LearningActivity[];
}

/** A skill in which the person exceeds the role's requirement. */
export interface Strength { skill: string; current: number; required: number; margin: number }

/** How one person measures up to one role (`skillGap`). */
export interface GapReport {
  role_id: string;
  /** Weighted readiness, 0 to 1. */
  readiness: number;
  /** Gaps in priority order, then the met requirements. */
  skills: SkillGap[];
  title: string;
  tier: Tier;
  unmet_must_haves: string[];
  strengths: Strength[];
  unmatched_skills: string[];
  total_hours: number;
  confidence: number | null;
  stale_skills: string[];
  attribution?: string;
}

/** One role in a ranking (`rankRoles`). */
export interface RankEntry {
  role_id: string;
  title: string;
  /** 0 to 1, six decimals. */
  readiness: number;
  tier: Tier;
  /** 1 first. */
  rank: number;
  /** The must-haves not met yet, by skill name, as in `GapReport`. */
  unmet_must_haves: string[];
  attribution?: string;
}

export type TransferSource = "profile" | "from_role" | "both";

/** A skill of the target role that the person brings along. */
export interface TransferableSkill {
  skill: string;
  source: TransferSource;
  current: number;
  required: number;
  gap: number;
  weight: number;
  covers: boolean;
}

/** What carries over from one role to another (`transferableSkills`). */
export interface TransferReport {
  from_role_id: string;
  to_role_id: string;
  readiness_before: number;
  readiness_after: number;
  transferable: TransferableSkill[];
  transfer_share: number;
  new_skills: string[];
  attribution?: string;
}

/** Readiness of every person for every role (`gapMatrix`). */
export interface GapMatrix {
  /** In input order; a profile's id is "". */
  person_ids: string[];
  role_ids: string[];
  /** One array per person, in `role_ids` order. */
  readiness: number[][];
  attribution?: string;
}

/** Level words ("Advanced") and the levels they denote on one scale. */
export interface LevelLexicon { levels: Record<string, number>; note?: string; scale?: string }

/** Options of `profileFromJsonResume`. Unknown keys are errors. */
export interface ResumeOptions {
  /** Replaces the built-in lexicon. */
  lexicon?: LevelLexicon | null;
  /** Extra words, consulted first. */
  levels?: Record<string, number>;
  scales?: Scale[];
  /** Import keywords as skills at their entry's level (default true). */
  keywords?: boolean;
  default_level?: number | null;
  assessed_on?: string | null;
}

export type ResumeIssueKind = "unknown_level" | "missing_level" | "empty_name" | "duplicate";

/** A resume entry that was not imported, and why. */
export interface ResumeIssue {
  /** JSON path of the entry, e.g. "skills[2].level". */
  path: string;
  kind: ResumeIssueKind;
  skill: string;
  level?: string;
}

/** The result of `profileFromJsonResume`. */
export interface ResumeImport {
  profile: Profile;
  name?: string;
  label?: string;
  issues: ResumeIssue[];
}

/** The text of ESCO's three CSV files, for `RoleCatalog.fromEsco`. */
export interface EscoFiles {
  /** `occupations_<lang>.csv`. */
  occupations: string;
  /** `skills_<lang>.csv`. */
  skills: string;
  /** `occupationSkillRelations_<lang>.csv`. */
  relations: string;
}
/** Options of `RoleCatalog.fromEsco`. Unknown keys are errors. */
export interface EscoOptions {
  /** The level every requirement gets (ESCO has none; default 3). */
  level?: number;
  /** The built-in scale of `level` (default "dreyfus-5"). */
  scale?: string;
  /** Importance of essential skills, the must-haves (default 4). */
  essential_importance?: number;
  /** Importance of optional skills (default 2). */
  optional_importance?: number;
  /** Import optional skills too (default true). */
  optional?: boolean;
  descriptions?: boolean;
  /** Alternative labels as aliases (default true). */
  aliases?: boolean;
  version?: string | null;
  /** For error paths (`occupations_<lang>.csv:LINE`). */
  language?: string | null;
}
/** What an ESCO import did (`RoleCatalog.escoStats`). */
export interface EscoStats {
  occupation_rows: number;
  skill_rows: number;
  relation_rows: number;
  occupations: number;
  requirements: number;
  essential: number;
  optional: number;
  optional_dropped: number;
  occupations_without_skills: number;
  duplicate_relations: number;
  unknown_occupations: number;
  unknown_skills: number;
  other_relation_types: number;
  aliases: number;
  ambiguous_aliases: number;
  renamed_skills: number;
}
/** Options of `draftPlan`. Unknown keys are errors. */
export interface DraftOptions {
  /** The day the drafted work starts, "YYYY-MM-DD" (default: today). */
  start?: string | null;
  /** Hours a week for development (default 5). */
  hours_per_week?: number;
  /** Extra time on top of the estimate, as a share (default 0.25). */
  buffer?: number;
  /** Goals running at the same time (default 2). */
  max_parallel_goals?: number;
  /** Related skills one goal may cover (default 2; more draws the linter's compound-goal). */
  max_skills_per_goal?: number;
  /** Open goals under the role goal at most, the plan's own included (default 8). */
  max_goals?: number;
  /** The shortest goal, in weeks (default 6). */
  min_goal_weeks?: number;
  /** When the role should be reached, if the plan has no goal for it with a deadline. */
  target_date?: string | null;
  /** Of the review policy added to a plan without one (default "quarterly"). */
  review_cadence?: Cadence;
  checkin_days_before?: number[];
  gap?: GapOptions;
  /** Prefix of drafted ids (default "draft"). */
  id_prefix?: string;
}
export interface DraftPlanOptions extends DraftOptions { catalog?: RoleCatalog | RoleCatalogInput | null }
/** A gap the plan's open goals already cover. */
export interface LinkedSkill { skill: string; goals: string[] }
/** A gap beyond `max_goals`, for a later draft. */
export interface DeferredSkill { skill: string; hours: number; must_have: boolean }
/** A drafted goal and the linter's report on it in the drafted plan. */
export interface DraftedGoal {
  goal_id: string;
  title: string;
  skills: string[];
  hours: number;
  start: string;
  deadline: string;
  horizon: Horizon;
  lint: LintReport;
}
/** Whether the drafted work fits the time. */
export interface Feasibility {
  feasible: boolean;
  /** Effort of the drafted actions. */
  hours: number;
  /** Effort to close the whole gap, covered and deferred skills included. */
  gap_hours: number;
  buffered_hours: number;
  hours_per_week: number;
  /** When the work ends at `hours_per_week`. */
  fits_by: string;
  /** The date it must end by. */
  deadline: string;
  deadline_source: "role_goal" | "target_date" | "horizon";
  needed_hours_per_week: number;
  message: string;
}
/** What `draftPlan` returns: the drafted plan and what was drafted. */
export interface DraftReport {
  plan: Plan;
  role_id: string;
  role_title: string;
  readiness: number;
  role_goal_id: string;
  added_goals: string[];
  added_actions: string[];
  review_policy_added: boolean;
  linked: LinkedSkill[];
  deferred: DeferredSkill[];
  drafted: DraftedGoal[];
  feasibility: Feasibility;
  attribution?: string;
}
