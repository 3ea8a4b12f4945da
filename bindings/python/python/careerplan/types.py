"""Typed shapes of the data careerplan reads and returns.

These ``TypedDict`` s describe the JSON contract of the Rust core (snake_case
keys, dates as ``"YYYY-MM-DD"`` strings, instants in RFC 3339). They exist
for type checkers and documentation; at runtime every value is a plain dict.

Fields careerplan does not know are kept and written back unchanged at every
level of a plan, even though these types do not list them.
"""

import datetime
from typing import Any, Dict, List, Literal, Mapping, Optional, TypedDict, Union

__all__ = [
    "Achievement",
    "AchievementRef",
    "Action",
    "AdHocReview",
    "AgendaOptions",
    "Aspiration",
    "Cadence",
    "CadenceEvery",
    "Contact",
    "DateInput",
    "Deadline",
    "DeadlineKind",
    "EventKind",
    "ExperienceNote",
    "Feedback",
    "Goal",
    "GoalProgress",
    "GoalProgressSnapshot",
    "GoalStatus",
    "Horizon",
    "HorizonWindows",
    "IcsOptions",
    "Metric",
    "Obstacle",
    "Owner",
    "PersonalityResult",
    "Plan",
    "PlanChange",
    "PlanInput",
    "PlanStatus",
    "Priority",
    "Problem",
    "Profile",
    "ProgressOptions",
    "ProgressSource",
    "Prompts",
    "RankedValue",
    "Resource",
    "Review",
    "ReviewAnswer",
    "ReviewEvent",
    "ReviewPolicy",
    "RoadmapFormat",
    "RoadmapOptions",
    "Scale",
    "ScaleLevel",
    "Severity",
    "SkillAssessment",
    "Status",
    "TrackStatus",
]

Severity = Literal["info", "warning", "error"]
Horizon = Literal["short", "mid", "long"]
Status = Literal["not_started", "in_progress", "blocked", "done", "abandoned"]


class Problem(TypedDict):
    """One problem found by ``validate_plan``."""

    code: str
    """Stable kebab-case code, e.g. ``"dangling-reference"``."""
    severity: Severity
    path: str
    """JSON path of the field to fix, e.g. ``"goals[2].deadline"``."""
    message: str


class CadenceEvery(TypedDict):
    """A custom cadence: every ``every`` days, weeks, months or years."""

    every: int
    unit: Literal["days", "weeks", "months", "years"]


Cadence = Union[
    Literal["weekly", "biweekly", "monthly", "quarterly", "semi_annual", "annual"],
    CadenceEvery,
]


class _OwnerRequired(TypedDict):
    name: str


class Owner(_OwnerRequired, total=False):
    """Whose plan it is."""

    current_role: str
    organization: str


class _SkillAssessmentRequired(TypedDict):
    skill: str
    level: float


class SkillAssessment(_SkillAssessmentRequired, total=False):
    """A skill at a level on a scale (default ``dreyfus-5``), with when and how it was assessed."""

    scale: str
    assessed_on: str
    evidence: str
    source: Literal["self", "manager", "peer", "test", "other"]


class _RankedValueRequired(TypedDict):
    name: str


class RankedValue(_RankedValueRequired, total=False):
    """A personal value; rank 1 matters most."""

    rank: int
    note: str


class _PersonalityResultRequired(TypedDict):
    instrument: str
    result: str


class PersonalityResult(_PersonalityResultRequired, total=False):
    """The result of a personality or interest instrument."""

    taken_on: str


class _ExperienceNoteRequired(TypedDict):
    title: str


class ExperienceNote(_ExperienceNoteRequired, total=False):
    """A past role or experience in the profile."""

    organization: str
    start: str
    end: str
    summary: str


class Profile(TypedDict, total=False):
    """Who the person is: assessed skills, ranked values, interests, strengths, weaknesses."""

    skills: List[SkillAssessment]
    values: List[RankedValue]
    interests: List[str]
    strengths: List[str]
    weaknesses: List[str]
    personality: List[PersonalityResult]
    experience: List[ExperienceNote]


class _AspirationRequired(TypedDict):
    id: str
    statement: str


class Aspiration(_AspirationRequired, total=False):
    """A long-term vision statement, optionally on a horizon."""

    horizon: Horizon


class Priority(TypedDict):
    """A goal's importance and feasibility, each 1 to 5."""

    importance: int
    feasibility: int


class _MetricRequired(TypedDict):
    name: str
    target: float


class Metric(_MetricRequired, total=False):
    """How a goal is measured: a named quantity from ``baseline`` to ``target``."""

    unit: str
    baseline: float
    current: float


class _GoalRequired(TypedDict):
    id: str
    title: str


class Goal(_GoalRequired, total=False):
    """A goal on a short, mid or long horizon; ``parent_id`` makes goal trees."""

    description: str
    horizon: Horizon
    parent_id: str
    aspiration_id: str
    priority: Priority
    status: Status
    start: str
    deadline: str
    metric: Metric
    values: List[str]
    skills: List[str]


class _ResourceRequired(TypedDict):
    kind: Literal["time", "money", "training", "contact", "other"]


class Resource(_ResourceRequired, total=False):
    """What an action needs: time, money, training, a contact."""

    amount: float
    unit: str
    contact_id: str
    note: str


class _ObstacleRequired(TypedDict):
    description: str


class Obstacle(_ObstacleRequired, total=False):
    """Something in the way of an action, and how to get around it."""

    mitigation: str


class _ActionRequired(TypedDict):
    id: str
    goal_id: str
    title: str


class Action(_ActionRequired, total=False):
    """A step or milestone towards a goal, with its due date, effort, resources and obstacles."""

    kind: Literal["step", "milestone"]
    due: str
    status: Status
    completed_on: str
    effort_hours: float
    resources: List[Resource]
    obstacles: List[Obstacle]
    skills: List[str]
    """The skills the action builds (drafted actions name theirs)."""


class _ContactRequired(TypedDict):
    id: str
    name: str
    relation: Literal["mentor", "manager", "peer", "coach", "counselor", "mentee", "other"]


class Contact(_ContactRequired, total=False):
    """A person in the network (mentor, manager, peer, ...) and how often to follow up."""

    cadence: Cadence
    last_contact: str
    notes: str


class _AchievementRequired(TypedDict):
    id: str
    title: str


class Achievement(_AchievementRequired, total=False):
    """Something accomplished, optionally linked to a goal and the skills it shows."""

    date: str
    description: str
    goal_id: str
    skills: List[str]


class _FeedbackRequired(TypedDict):
    id: str
    text: str


# "from" is a keyword, so Feedback uses the functional TypedDict syntax.
_FeedbackFrom = TypedDict("_FeedbackFrom", {"from": str})


class Feedback(_FeedbackRequired, _FeedbackFrom, total=False):
    """Feedback received (``from`` whom), optionally about a goal or a skill."""

    contact_id: str
    date: str
    goal_id: str
    skill: str


class ReviewAnswer(TypedDict):
    """An answer to a reflection prompt."""

    prompt: str
    answer: str


class _GoalProgressSnapshotRequired(TypedDict):
    goal_id: str
    percent: float


class GoalProgressSnapshot(_GoalProgressSnapshotRequired, total=False):
    """A goal's progress as recorded by a review."""

    status: Status


_PlanChangeOptional = TypedDict(
    "_PlanChangeOptional",
    {"goal_id": str, "from": Any, "to": Any, "note": str},
    total=False,
)


class PlanChange(_PlanChangeOptional):
    """A change a review made to the plan (``from`` and ``to`` hold the old and new value)."""

    kind: Literal[
        "goal_added",
        "deadline_moved",
        "goal_abandoned",
        "goal_completed",
        "priority_changed",
        "aspiration_changed",
        "other",
    ]


class _ReviewRequired(TypedDict):
    id: str
    date: str


class Review(_ReviewRequired, total=False):
    """A held review: its answers, a progress snapshot and the changes it made."""

    answers: List[ReviewAnswer]
    progress: List[GoalProgressSnapshot]
    changes: List[PlanChange]
    notes: str


class _ReviewPolicyRequired(TypedDict):
    cadence: Cadence


class _AdHocReviewRequired(TypedDict):
    date: str
    reason: str


class AdHocReview(_AdHocReviewRequired, total=False):
    """A review the person triggers outside the cadence (a job change, an opportunity)."""


class ReviewPolicy(_ReviewPolicyRequired, total=False):
    """When reviews happen: cadence and anchor, business-day rule, check-ins, ad-hoc reviews."""

    anchor: str
    until: str
    business_days: Literal["none", "following", "modified_following", "preceding"]
    holidays: List[str]
    checkin_days_before: List[int]
    midpoint_min_days: int
    at_risk_cadence: Cadence
    ad_hoc: List[AdHocReview]


class HorizonWindows(TypedDict):
    """The span of each horizon in months (short, mid and long windows)."""

    short_max_months: int
    mid_min_months: int
    mid_max_months: int
    long_min_months: int
    long_max_months: int


class _ScaleLevelRequired(TypedDict):
    value: float
    name: str


class ScaleLevel(_ScaleLevelRequired, total=False):
    """One named level of a scale."""

    description: str


class _ScaleRequired(TypedDict):
    id: str
    min: float
    max: float


class Scale(_ScaleRequired, total=False):
    """A proficiency scale from ``min`` to ``max``, with named levels."""

    name: str
    levels: List[ScaleLevel]


class _PlanRequired(TypedDict):
    schema_version: int
    id: str


class Plan(_PlanRequired, total=False):
    """A career plan as ``load_plan`` returns it (the canonical document)."""

    owner: Owner
    created: str
    updated: str
    profile: Profile
    aspirations: List[Aspiration]
    goals: List[Goal]
    actions: List[Action]
    contacts: List[Contact]
    achievements: List[Achievement]
    feedback: List[Feedback]
    reviews: List[Review]
    review_policy: ReviewPolicy
    horizons: HorizonWindows
    scales: List[Scale]


PlanInput = Union[str, Plan, Mapping[str, Any]]
"""What the functions accept as a plan: JSON text, or a dict of plain data."""

DateInput = Union[datetime.date, str]
"""What the functions accept as a date: a ``datetime.date`` or a
``"YYYY-MM-DD"`` string, as an argument and at any depth inside the plan,
profile, review, context and options dicts they read (a date object there
becomes its ISO string before the core reads it). A ``datetime.datetime`` is
refused: as an argument with ``TypeError``, inside a dict with
``InvalidValueError`` at its path; pass ``.date()`` for a date, or
``.isoformat()`` for an instant (``created``, ``updated``, ``dtstamp``).
Results always carry dates as ``"YYYY-MM-DD"`` strings."""


# ---- scheduling and progress ------------------------------------------------

EventKind = Literal[
    "goal_deadline",
    "action_due",
    "ad_hoc_review",
    "periodic_review",
    "at_risk_review",
    "midpoint_review",
    "checkin",
    "contact_follow_up",
]
"""What an agenda event is for; on the same day and subject the earlier kind wins."""

ProgressSource = Literal["done", "metric", "actions", "children", "review", "none"]
TrackStatus = Literal[
    "ahead", "on_track", "at_risk", "off_track", "overdue", "done", "abandoned", "unscheduled"
]
RoadmapFormat = Literal["markdown", "mermaid", "svg"]
DeadlineKind = Literal["goal", "action"]


class ReviewEvent(TypedDict):
    """One dated entry of the agenda (``agenda``, ``next_review``, ``overdue``)."""

    date: str
    kind: EventKind
    subject_id: str
    """Id of the plan, goal, action or contact the event concerns."""
    title: str
    prompts: List[str]
    """Reflection prompts for the occasion."""


class Prompts(TypedDict, total=False):
    """Reflection prompts per kind of event; kinds left out keep the built-in ones."""

    periodic_review: List[str]
    ad_hoc_review: List[str]
    at_risk_review: List[str]
    midpoint_review: List[str]
    checkin: List[str]
    contact_follow_up: List[str]
    goal_deadline: List[str]
    action_due: List[str]


class ProgressOptions(TypedDict, total=False):
    """Thresholds of the on-track status (percentage points) and the summary's extent."""

    ahead_points: float
    at_risk_points: float
    off_track_points: float
    next_deadlines: int
    period_days: int


__all__ += ["Limits"]


class Limits(TypedDict, total=False):
    """Limits on input size and on the work of one call (README, "Limits"); every key optional."""

    max_input_bytes: int
    """Largest JSON document read, in bytes (default 16 MiB)."""
    max_depth: int
    """Deepest nesting of arrays and objects (default 64)."""
    max_entities: int
    """Most entries in any one list of a plan (default 10,000)."""
    max_text_bytes: int
    """Longest goal statement linted, in bytes (default 64 KiB)."""
    max_agenda_years: int
    """Longest agenda window, in years (default 100)."""
    max_events: int
    """Most events one agenda expands to (default 1,000,000)."""


class AgendaOptions(TypedDict, total=False):
    """Options of ``agenda``, ``next_review`` and ``overdue``."""

    today: Optional[DateInput]
    """The day goal status is judged on (for at-risk reviews); default: the window's start."""
    kinds: List[EventKind]
    """Only these kinds of event (empty: every kind)."""
    prompts: Optional[Prompts]
    progress: ProgressOptions
    limits: Limits


class IcsOptions(TypedDict, total=False):
    """Options of ``to_ics``."""

    agenda: AgendaOptions
    dtstamp: Optional[str]
    """RFC 3339 instant of every DTSTAMP; default: the plan's ``updated`` or ``created``."""
    alarm_days_before: Optional[int]
    calendar_name: Optional[str]


class RoadmapOptions(TypedDict, total=False):
    """Options of ``roadmap``."""

    progress: ProgressOptions
    width: int
    """Width of the SVG in pixels (at least 600; default 1200)."""
    title: Optional[str]


class GoalProgress(TypedDict):
    """A goal's progress (``progress``)."""

    goal_id: str
    percent: float
    """0 to 100."""
    source: ProgressSource


class GoalStatus(TypedDict):
    """A goal's progress, on-track status and the numbers behind it."""

    goal_id: str
    title: str
    horizon: Optional[Horizon]
    percent: float
    source: ProgressSource
    status: TrackStatus
    start: Optional[str]
    deadline: Optional[str]
    expected_percent: Optional[float]
    """Share of the time from start to deadline that has elapsed, 0 to 100."""
    gap_points: Optional[float]
    """``percent - expected_percent``, in percentage points."""
    days_left: Optional[int]


class Deadline(TypedDict):
    """An upcoming or missed deadline."""

    date: str
    kind: DeadlineKind
    id: str
    title: str
    days_left: int


class AchievementRef(TypedDict):
    """An achievement of the period."""

    id: str
    title: str
    date: str


class PlanStatus(TypedDict):
    """Where a plan stands on a day (``plan_status``)."""

    today: str
    overall_percent: float
    goals: List[GoalStatus]
    counts: Dict[TrackStatus, int]
    counts_by_horizon: Dict[str, Dict[TrackStatus, int]]
    """Keys ``short``, ``mid``, ``long`` or ``unassigned``."""
    next_deadlines: List[Deadline]
    overdue_actions: List[Deadline]
    period_start: str
    achievements: List[AchievementRef]


# --- SMART linter -----------------------------------------------------------
# lint_goal / lint_many / lint_plan / Linter / rules. Spans are UTF-8 byte
# offsets into the goal's text, as in the JSON contract (docs/CONTRACTS.md); in Python,
# ``text.encode()[span["start"]:span["end"]].decode()`` is the text they cover.

__all__ += [
    "Context",
    "Coverage",
    "Criteria",
    "ErrorInfo",
    "ErrorItem",
    "Criterion",
    "Diagnostic",
    "Duration",
    "Fix",
    "GoalReport",
    "LintConfig",
    "LintReport",
    "Penalty",
    "PlanDiagnostic",
    "PlanLintReport",
    "RuleExample",
    "RuleInfo",
    "RuleSetting",
    "Span",
    "Thresholds",
    "TimeExpression",
    "TimeKind",
    "TimeUnit",
    "Verdict",
]

Criterion = Literal["specific", "measurable", "achievable", "relevant", "time_bound"]
TimeKind = Literal[
    "date", "period", "relative", "unknown_anchor", "frequency",
    "measure", "modifier", "vague", "past", "start", "impossible_date",
]
TimeUnit = Literal[
    "minute", "hour", "day", "business_day", "week", "fortnight", "month", "quarter", "half",
    "year", "decade",
]


class Span(TypedDict):
    """A range ``start..end`` of a text, in UTF-8 bytes (end exclusive)."""

    start: int
    end: int


class Verdict(TypedDict):
    """The verdict on one criterion."""

    met: Optional[bool]
    """``None`` when it cannot be judged (e.g. relevance without plan context)."""
    score: int
    """0 (absent) to 100 (fully met); 50 when it cannot be judged."""


Criteria = Dict[Criterion, Verdict]
"""The verdict per SMART criterion: all five keys, always. A mapping (not a
TypedDict) so that ``report["criteria"].items()`` gives ``Verdict`` values
to a type checker, not ``object``."""


class Fix(TypedDict):
    """A mechanical edit: replace ``span`` with ``replacement``."""

    span: Span
    replacement: str
    applicability: Literal["safe", "unsafe", "display-only"]
    """``safe`` keeps the meaning; ``unsafe``: apply on request; ``display-only``: a template."""


class _DiagnosticRequired(TypedDict):
    code: str
    """Stable rule code, e.g. ``"vague-outcome"`` (see ``rules()``)."""
    criterion: Criterion
    severity: Severity
    message: str
    """One line naming the offending words."""
    span: Span
    """The offending words (empty: where something is missing)."""
    suggestion: Optional[str]


class Diagnostic(_DiagnosticRequired, total=False):
    """One finding about a goal statement."""

    fix: Fix
    also: List[str]
    """Codes of other findings on the same words, merged into this one."""


class Duration(TypedDict):
    """An amount of time, e.g. 6 months."""

    value: float
    unit: TimeUnit


class _TimeExpressionRequired(TypedDict):
    span: Span
    text: str
    """The text the span covers."""
    kind: TimeKind
    date: Optional[str]
    """The date a deadline resolves to, or the past day a ``"past"`` reference names;
    ``None`` for other kinds and unknown anchors."""
    unknown_anchor: bool
    deadline: bool
    """Whether this expression sets a deadline."""


class TimeExpression(_TimeExpressionRequired, total=False):
    """A time expression found in the text."""

    duration: Duration
    rate: Duration
    """For a rate ("30 hours a day"): the time spent per interval."""
    alternative: str
    """For a numeric date that reads two ways: the reading not taken."""


class _ErrorInfoRequired(TypedDict):
    code: str
    message: str
    path: str


class ErrorInfo(_ErrorInfoRequired, total=False):
    """An error as data: the ``code``, ``message`` and ``path`` a
    ``CareerPlanError`` carries, and ``limit`` for ``limit-exceeded``."""

    limit: str


class ErrorItem(TypedDict):
    """A failed item of a batch in its place (``lint_many(..., errors="item")``)."""

    error: ErrorInfo


class LintReport(TypedDict):
    """The linter's verdict on one goal statement (the lint contract of docs/CONTRACTS.md)."""

    text: str
    deadline: Optional[str]
    """The resolved deadline, ``"YYYY-MM-DD"``, or ``None``."""
    criteria: Criteria
    diagnostics: List[Diagnostic]
    """In text order; overlapping findings on the same words are merged."""
    time_expressions: List[TimeExpression]


class GoalReport(LintReport):
    """The report on one goal of a plan."""

    goal_id: str
    path: str
    """JSON path of the goal in the plan, e.g. ``"goals[2]"``."""


class PlanDiagnostic(TypedDict):
    """A finding about a plan as a whole."""

    code: str
    criterion: Criterion
    severity: Severity
    message: str
    path: str
    """JSON path of the goal, or ``"goals"`` for the whole list."""
    goal_ids: List[str]
    suggestion: Optional[str]


class PlanLintReport(TypedDict):
    """The linter's report on a plan (``lint_plan``)."""

    goals: List[GoalReport]
    """One report per goal, in plan order."""
    findings: List[PlanDiagnostic]


class RuleSetting(TypedDict, total=False):
    """A rule's setting in a ``LintConfig``: on or off, and its severity."""

    enabled: bool
    severity: Optional[Severity]


class Thresholds(TypedDict, total=False):
    """The linter's numeric thresholds (active goals, weekly hours, similarity)."""

    max_active_goals: int
    hours_per_week: float
    max_hours_per_week: float
    max_goals_per_statement: int
    duplicate_similarity: float


class LintConfig(TypedDict, total=False):
    """Linter configuration; every key is optional, unknown keys are errors."""

    today: Optional[DateInput]
    """Reference date (default: the current UTC date); ``Linter.config`` gives it as a string."""
    rules: Dict[str, RuleSetting]
    """Per-rule settings, by rule code."""
    thresholds: Thresholds
    numeric_date_order: Literal["dmy", "mdy"]
    """How to read 03/04/2027: day first (the default) or month first."""
    week_start: Literal["monday", "sunday"]
    """The first day of a week: where "this week" and "next week" end (default ``"monday"``)."""
    next_weekday: Literal["following_week", "nearest"]
    """"next Thursday": that of the following week (the default) or the nearest one after today."""
    holiday_regions: List[str]
    """Holiday calendars to read names with ("us", "ca", "gb", "au", "nz", "ie"); empty: all."""
    limits: Limits


class Context(TypedDict, total=False):
    """What is known around a goal statement; every key is optional."""

    today: Optional[DateInput]
    deadline: Optional[DateInput]
    """The goal's deadline field."""
    start: Optional[DateInput]
    horizon: Optional[Horizon]
    horizon_windows: Optional[HorizonWindows]
    metric: Optional[Metric]
    """With a target, the goal is measurable."""
    linked_values: List[str]
    """Names of the values the goal says it serves."""
    aspiration: Optional[str]
    parent: Optional[str]
    """Title of the parent goal."""
    values: List[str]
    aspirations: List[str]
    interests: List[str]
    remaining_effort_hours: Optional[float]
    target_role: Optional[str]
    """The role the goal names, when it is in the role catalog."""
    skill_gap_hours: Optional[float]
    """Hours of learning estimated to reach ``target_role`` from the profile."""


class Penalty(TypedDict):
    """How many points a rule takes off each criterion's score."""

    specific: int
    measurable: int
    achievable: int
    relevant: int
    time_bound: int


class _RuleExampleRequired(TypedDict):
    text: str


class RuleExample(_RuleExampleRequired, total=False):
    """A goal statement (with optional context or plan) that a rule flags or passes."""

    context: Context
    plan: Dict[str, Any]


class RuleInfo(TypedDict):
    """Documentation of one rule, as ``rules()`` lists them."""

    code: str
    criterion: Criterion
    severity: Severity
    scope: Literal["text", "context", "plan"]
    """Judged from the text alone, with a goal's plan context, or over a whole plan."""
    penalty: Penalty
    summary: str
    message: str
    """Message template; ``{words}`` is the text the diagnostic points at."""
    suggestion: Optional[str]
    explanation: str
    bad: RuleExample
    good: RuleExample
# ---- skills -------------------------------------------------------------------
# Skill gaps, role ranking, career changes, team matrices, role catalogs and
# JSON Resume import. (Own `__all__` extension, so other sections merge cleanly.)

__all__ += [
    "ActivityKind",
    "FlagPolicy",
    "GapMatrixDict",
    "GapOptions",
    "GapReport",
    "LearningActivity",
    "LearningCatalog",
    "LevelLexicon",
    "OnetOptions",
    "OnetStats",
    "Person",
    "PersonInput",
    "ProfileInput",
    "RankEntry",
    "RankOptions",
    "Requirement",
    "ResumeImport",
    "ResumeInput",
    "ResumeIssue",
    "ResumeIssueKind",
    "ResumeOptions",
    "Role",
    "RoleCatalogData",
    "RoleCatalogDict",
    "SkillGap",
    "Strength",
    "Tier",
    "TierThresholds",
    "TransferReport",
    "TransferSource",
    "TransferableSkill",
]

Tier = Literal["ready_now", "within_a_year", "stretch", "aspirational"]
"""Readiness tier of a role for a person, from closest to furthest."""
ActivityKind = Literal["course", "certification", "workshop", "mentoring", "on_the_job", "reading"]
TransferSource = Literal["profile", "from_role", "both"]
FlagPolicy = Literal["keep", "drop"]
ResumeIssueKind = Literal["unknown_level", "missing_level", "empty_name", "duplicate"]


class TierThresholds(TypedDict, total=False):
    """Lowest readiness of each tier; ``0 <= stretch <= within_a_year <= ready_now <= 1``."""

    ready_now: float
    """Default 0.9 (and every must-have met)."""
    within_a_year: float
    """Default 0.75."""
    stretch: float
    """Default 0.5."""


class _RequirementRequired(TypedDict):
    skill: str
    level: float


class Requirement(_RequirementRequired, total=False):
    """One skill a role needs, at a level on a scale, with a weight."""

    scale: str
    """Default ``"dreyfus-5"``."""
    importance: float
    """A positive weight, by convention O*NET's 1 to 5; default 3."""
    required: bool
    """A must-have."""
    external_id: str
    """O*NET element id (``"2.A.1.a"``) or ESCO URI."""
    low_precision: bool
    """The source flags the rating as imprecise (O*NET's Recommend Suppress)."""


class _RoleRequired(TypedDict):
    id: str
    title: str


class Role(_RoleRequired, total=False):
    """A role and the skills it needs."""

    requirements: List[Requirement]
    description: str
    family: str
    next_roles: List[str]
    attribution: str
    """Set on roles imported from O*NET or ESCO; results derived from them repeat it."""
    external_id: str
    """The role's id in an external taxonomy: an ESCO occupation URI."""


class _RoleCatalogRequired(TypedDict):
    roles: List[Role]


class RoleCatalogDict(_RoleCatalogRequired, total=False):
    """A role catalog as plain data (``RoleCatalog.to_dict()``, ``RoleCatalog.from_json``)."""

    name: str
    note: str
    attribution: str
    scales: List[Scale]
    aliases: Dict[str, str]
    """Extra skill aliases, ``alias -> canonical name``."""


RoleCatalogData = Union[str, RoleCatalogDict, List[Role], Mapping[str, Any]]
"""A catalog as ``RoleCatalog.from_json`` reads it: JSON text, a dict, or a list of roles."""


class _PersonRequired(TypedDict):
    id: str


class Person(_PersonRequired, total=False):
    """A person in a team: an id and skill assessments, as in a plan's profile."""

    name: str
    skills: List[SkillAssessment]


ProfileInput = Union[str, Plan, Profile, Person, Mapping[str, Any]]
"""Whose skills: a plan (with ``schema_version`` or ``profile``), a person (with
``id``) or a profile, as JSON text or a dict."""

PersonInput = ProfileInput
"""One entry of ``gap_matrix``'s ``people``: a plan, a ``Person`` or a profile."""

ResumeInput = Union[str, Mapping[str, Any]]
"""A JSON Resume document, as JSON text or a dict."""


class _LearningActivityRequired(TypedDict):
    id: str
    title: str
    kind: ActivityKind
    skill: str


class LearningActivity(_LearningActivityRequired, total=False):
    """A learning activity for one skill and a level range."""

    from_level: float
    to_level: float
    scale: str
    hours: float
    cost: float
    currency: str
    url: str


class LearningCatalog(TypedDict):
    """Learning activities that ``skill_gap`` suggests for gaps."""

    activities: List[LearningActivity]


class GapOptions(TypedDict, total=False):
    """Options of ``skill_gap`` and ``transferable_skills``. Unknown keys are errors."""

    scales: List[Scale]
    """Custom scales the profile's assessments use (a plan's ``scales``)."""
    aliases: Dict[str, str]
    hours_per_step: float
    """Hours of learning per fifth of the proficiency axis (default 40)."""
    today: Optional[DateInput]
    """Reference date for stale assessments; without it ``confidence`` is None."""
    max_assessment_age_days: int
    """Default 365."""
    tiers: TierThresholds
    learning: Optional[LearningCatalog]


class RankOptions(TypedDict, total=False):
    """Options of ``rank_roles`` and ``gap_matrix``. Unknown keys are errors."""

    scales: List[Scale]
    aliases: Dict[str, str]
    tiers: TierThresholds


class _SkillGapRequired(TypedDict):
    skill: str
    current: Optional[float]
    """The person's level on the role's scale; None when not assessed."""
    required: float
    gap: float
    """``required - current`` in levels of the role's scale, at least 0."""
    weight: float
    """Share of the role's total importance; a report's weights sum to 1."""
    scale: str
    importance: float
    must_have: bool
    met: bool
    current_normalized: float
    required_normalized: float
    gap_normalized: float
    attainment: float
    """``min(current / required, 1)`` in proficiency."""
    contribution: float
    """``weight * attainment``; a report's contributions sum to its readiness."""
    priority: Optional[int]
    """1 first; None when met."""
    hours: float
    stale: bool


class SkillGap(_SkillGapRequired, total=False):
    """One requirement of the role compared with the person."""

    assessed_as: str
    assessed_on: str
    low_precision: bool
    activities: List[LearningActivity]


class Strength(TypedDict):
    """A skill in which the person exceeds the role's requirement."""

    skill: str
    current: float
    required: float
    margin: float


class _GapReportRequired(TypedDict):
    role_id: str
    readiness: float
    """Weighted readiness, 0 to 1."""
    skills: List[SkillGap]
    title: str
    tier: Tier
    unmet_must_haves: List[str]
    strengths: List[Strength]
    unmatched_skills: List[str]
    total_hours: float
    confidence: Optional[float]
    stale_skills: List[str]


class GapReport(_GapReportRequired, total=False):
    """How one person measures up to one role (``skill_gap``)."""

    attribution: str


class _CoverageRequired(TypedDict):
    skills: int
    """The profile's distinct skills."""
    covered: List[str]
    """Skills some role requires under their own name (or an alias)."""
    via_crosswalk: List[str]
    """Skills an O*NET catalog reaches only through careerplan's crosswalk."""
    uncovered: List[str]
    """Skills no role of the catalog can count."""
    share: float
    """``(covered + via_crosswalk) / skills``, 0 to 1."""
    low: bool


class Coverage(_CoverageRequired, total=False):
    """How much of a profile a catalog covers (``catalog_coverage``)."""

    warning: str
    """When ``low``: what that means for a ranking."""


class _RankEntryRequired(TypedDict):
    role_id: str
    title: str
    readiness: float
    """0 to 1, six decimals."""
    tier: Tier
    rank: int
    """1 first."""
    unmet_must_haves: List[str]
    """The must-haves not met yet, by skill name, as in ``GapReport``."""


class RankEntry(_RankEntryRequired, total=False):
    """One role in a ranking (``rank_roles``)."""

    attribution: str


class TransferableSkill(TypedDict):
    """A skill of the target role that the person brings along."""

    skill: str
    source: TransferSource
    current: float
    required: float
    gap: float
    weight: float
    covers: bool


class _TransferReportRequired(TypedDict):
    from_role_id: str
    to_role_id: str
    readiness_before: float
    readiness_after: float
    transferable: List[TransferableSkill]
    transfer_share: float
    new_skills: List[str]


class TransferReport(_TransferReportRequired, total=False):
    """What carries over from one role to another (``transferable_skills``)."""

    attribution: str


class _GapMatrixDictRequired(TypedDict):
    person_ids: List[str]
    role_ids: List[str]
    readiness: List[List[float]]
    """One list per person, in ``role_ids`` order."""


class GapMatrixDict(_GapMatrixDictRequired, total=False):
    """``GapMatrix.to_dict()``: the matrix in its JSON shape."""

    attribution: str


class OnetOptions(TypedDict, total=False):
    """Options of ``RoleCatalog.from_onet``. Unknown keys are errors."""

    version: Optional[str]
    """Database version for the attribution; default: read from ONET_Read_Me.txt."""
    not_relevant: FlagPolicy
    """Ratings flagged Not Relevant (default ``"drop"``)."""
    recommend_suppress: FlagPolicy
    """Ratings flagged Recommend Suppress (default ``"keep"``, marked ``low_precision``)."""
    must_have_importance: float
    """Importance from which a requirement is a must-have (default 4)."""
    descriptions: bool


class OnetStats(TypedDict):
    """What an O*NET import did (``RoleCatalog.onet_stats``)."""

    rows: int
    occupations: int
    requirements: int
    not_relevant_dropped: int
    not_relevant_kept: int
    suppressed_dropped: int
    suppressed_kept: int
    incomplete: int
    other_scale_rows: int
    missing_titles: List[str]


class _LevelLexiconRequired(TypedDict):
    levels: Dict[str, float]


class LevelLexicon(_LevelLexiconRequired, total=False):
    """Level words (``"Advanced"``) and the levels they denote on one scale."""

    note: str
    scale: str
    """Default ``"dreyfus-5"``."""


class ResumeOptions(TypedDict, total=False):
    """Options of ``profile_from_json_resume``. Unknown keys are errors."""

    lexicon: Optional[LevelLexicon]
    """Replaces the built-in lexicon."""
    levels: Dict[str, float]
    """Extra words, consulted first."""
    scales: List[Scale]
    keywords: bool
    """Import keywords as skills at their entry's level (default True)."""
    default_level: Optional[float]
    assessed_on: Optional[DateInput]


class _ResumeIssueRequired(TypedDict):
    path: str
    """JSON path of the entry, e.g. ``"skills[2].level"``."""
    kind: ResumeIssueKind
    skill: str


class ResumeIssue(_ResumeIssueRequired, total=False):
    """A resume entry that was not imported, and why."""

    level: str


class _ResumeImportRequired(TypedDict):
    profile: Profile
    issues: List[ResumeIssue]


class ResumeImport(_ResumeImportRequired, total=False):
    """The result of ``profile_from_json_resume``."""

    name: str
    label: str


# ---- ESCO import ------------------------------------------------------------------

__all__ += ["EscoOptions", "EscoStats"]


class EscoOptions(TypedDict, total=False):
    """Options of ``RoleCatalog.from_esco``. Unknown keys are errors."""

    level: float
    """The level every requirement gets (ESCO has none; default 3)."""
    scale: str
    """The built-in scale of ``level`` (default ``"dreyfus-5"``)."""
    essential_importance: float
    """Importance of essential skills, the must-haves (default 4)."""
    optional_importance: float
    """Importance of optional skills (default 2)."""
    optional: bool
    """Import optional skills too (default True)."""
    descriptions: bool
    aliases: bool
    """Alternative labels as aliases (default True)."""
    version: Optional[str]
    language: Optional[str]
    """For error paths (``occupations_<lang>.csv:LINE``); found from the file names for a directory."""


class EscoStats(TypedDict):
    """What an ESCO import did (``RoleCatalog.esco_stats``)."""

    occupation_rows: int
    skill_rows: int
    relation_rows: int
    occupations: int
    requirements: int
    essential: int
    optional: int
    optional_dropped: int
    occupations_without_skills: int
    duplicate_relations: int
    unknown_occupations: int
    unknown_skills: int
    other_relation_types: int
    aliases: int
    ambiguous_aliases: int
    renamed_skills: int


# ---- plan drafting ----------------------------------------------------------------

__all__ += [
    "DeferredSkill",
    "DraftedGoal",
    "DraftOptions",
    "DraftReport",
    "Feasibility",
    "LinkedSkill",
]


class DraftOptions(TypedDict, total=False):
    """Options of ``draft_plan``. Unknown keys are errors."""

    start: Optional[DateInput]
    """The day the drafted work starts (default: today)."""
    hours_per_week: float
    """Hours a week for development (default 5)."""
    buffer: float
    """Extra time on top of the estimate, as a share (default 0.25)."""
    max_parallel_goals: int
    """Goals running at the same time (default 2)."""
    max_skills_per_goal: int
    """Related skills one goal may cover (default 2; more draws the linter's ``compound-goal``)."""
    max_goals: int
    """Open goals under the role goal at most, the plan's own included; further gaps are deferred (default 8)."""
    min_goal_weeks: int
    """The shortest goal (default 6 weeks)."""
    target_date: Optional[DateInput]
    """When the role should be reached, if the plan has no goal for it with a deadline."""
    review_cadence: Cadence
    """Of the review policy added to a plan without one (default ``"quarterly"``)."""
    checkin_days_before: List[int]
    gap: GapOptions
    id_prefix: str
    """Prefix of drafted ids (default ``"draft"``)."""


class LinkedSkill(TypedDict):
    """A gap the plan's open goals already cover."""

    skill: str
    goals: List[str]


class DeferredSkill(TypedDict):
    """A gap beyond ``max_goals``, for a later draft."""

    skill: str
    hours: float
    must_have: bool


class DraftedGoal(TypedDict):
    """A drafted goal and the linter's report on it in the drafted plan."""

    goal_id: str
    title: str
    skills: List[str]
    hours: float
    start: str
    deadline: str
    horizon: Horizon
    lint: LintReport


class Feasibility(TypedDict):
    """Whether the drafted work fits the time."""

    feasible: bool
    hours: float
    """Effort of the drafted actions."""
    gap_hours: float
    """Effort to close the whole gap, covered and deferred skills included."""
    buffered_hours: float
    hours_per_week: float
    fits_by: str
    """When the work ends at ``hours_per_week``."""
    deadline: str
    """The date it must end by."""
    deadline_source: Literal["role_goal", "target_date", "horizon"]
    needed_hours_per_week: float
    message: str


class _DraftReportRequired(TypedDict):
    plan: Plan
    role_id: str
    role_title: str
    readiness: float
    role_goal_id: str
    added_goals: List[str]
    added_actions: List[str]
    review_policy_added: bool
    linked: List[LinkedSkill]
    deferred: List[DeferredSkill]
    drafted: List[DraftedGoal]
    feasibility: Feasibility


class DraftReport(_DraftReportRequired, total=False):
    """What ``draft_plan`` returns: the drafted plan and what was drafted."""

    attribution: str
