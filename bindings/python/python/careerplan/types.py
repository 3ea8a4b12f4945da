"""Typed shapes of the data careerplan reads and returns.

These ``TypedDict`` s describe the JSON contract of the Rust core (snake_case
keys, dates as ``"YYYY-MM-DD"`` strings, instants in RFC 3339). They exist
for type checkers and documentation; at runtime every value is a plain dict.

Fields careerplan does not know are kept and written back unchanged at every
level of a plan, even though these types do not list them.
"""

from typing import Any, List, Literal, Mapping, TypedDict, Union

__all__ = [
    "Achievement",
    "Action",
    "Aspiration",
    "Cadence",
    "CadenceEvery",
    "Contact",
    "ExperienceNote",
    "Feedback",
    "Goal",
    "GoalProgressSnapshot",
    "Horizon",
    "HorizonWindows",
    "Metric",
    "Obstacle",
    "Owner",
    "PersonalityResult",
    "Plan",
    "PlanChange",
    "PlanInput",
    "Priority",
    "Problem",
    "Profile",
    "RankedValue",
    "Resource",
    "Review",
    "ReviewAnswer",
    "ReviewPolicy",
    "Scale",
    "ScaleLevel",
    "Severity",
    "SkillAssessment",
    "Status",
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
    every: int
    unit: Literal["days", "weeks", "months", "years"]


Cadence = Union[
    Literal["weekly", "biweekly", "monthly", "quarterly", "semi_annual", "annual"],
    CadenceEvery,
]


class _OwnerRequired(TypedDict):
    name: str


class Owner(_OwnerRequired, total=False):
    current_role: str
    organization: str


class _SkillAssessmentRequired(TypedDict):
    skill: str
    level: float


class SkillAssessment(_SkillAssessmentRequired, total=False):
    scale: str
    assessed_on: str
    evidence: str
    source: Literal["self", "manager", "peer", "test", "other"]


class _RankedValueRequired(TypedDict):
    name: str


class RankedValue(_RankedValueRequired, total=False):
    rank: int
    note: str


class _PersonalityResultRequired(TypedDict):
    instrument: str
    result: str


class PersonalityResult(_PersonalityResultRequired, total=False):
    taken_on: str


class _ExperienceNoteRequired(TypedDict):
    title: str


class ExperienceNote(_ExperienceNoteRequired, total=False):
    organization: str
    start: str
    end: str
    summary: str


class Profile(TypedDict, total=False):
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
    horizon: Horizon


class Priority(TypedDict):
    importance: int
    feasibility: int


class _MetricRequired(TypedDict):
    name: str
    target: float


class Metric(_MetricRequired, total=False):
    unit: str
    baseline: float
    current: float


class _GoalRequired(TypedDict):
    id: str
    title: str


class Goal(_GoalRequired, total=False):
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
    amount: float
    unit: str
    contact_id: str
    note: str


class _ObstacleRequired(TypedDict):
    description: str


class Obstacle(_ObstacleRequired, total=False):
    mitigation: str


class _ActionRequired(TypedDict):
    id: str
    goal_id: str
    title: str


class Action(_ActionRequired, total=False):
    kind: Literal["step", "milestone"]
    due: str
    status: Status
    completed_on: str
    effort_hours: float
    resources: List[Resource]
    obstacles: List[Obstacle]


class _ContactRequired(TypedDict):
    id: str
    name: str
    relation: Literal["mentor", "manager", "peer", "coach", "counselor", "mentee", "other"]


class Contact(_ContactRequired, total=False):
    cadence: Cadence
    last_contact: str
    notes: str


class _AchievementRequired(TypedDict):
    id: str
    title: str


class Achievement(_AchievementRequired, total=False):
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
    contact_id: str
    date: str
    goal_id: str
    skill: str


class ReviewAnswer(TypedDict):
    prompt: str
    answer: str


class _GoalProgressSnapshotRequired(TypedDict):
    goal_id: str
    percent: float


class GoalProgressSnapshot(_GoalProgressSnapshotRequired, total=False):
    status: Status


_PlanChangeOptional = TypedDict(
    "_PlanChangeOptional",
    {"goal_id": str, "from": Any, "to": Any, "note": str},
    total=False,
)


class PlanChange(_PlanChangeOptional):
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
    answers: List[ReviewAnswer]
    progress: List[GoalProgressSnapshot]
    changes: List[PlanChange]
    notes: str


class _ReviewPolicyRequired(TypedDict):
    cadence: Cadence


class ReviewPolicy(_ReviewPolicyRequired, total=False):
    anchor: str
    until: str
    business_days: Literal["none", "following", "modified_following", "preceding"]
    holidays: List[str]
    checkin_days_before: List[int]
    midpoint_min_days: int
    at_risk_cadence: Cadence


class HorizonWindows(TypedDict):
    short_max_months: int
    mid_min_months: int
    mid_max_months: int
    long_min_months: int
    long_max_months: int


class _ScaleLevelRequired(TypedDict):
    value: float
    name: str


class ScaleLevel(_ScaleLevelRequired, total=False):
    description: str


class _ScaleRequired(TypedDict):
    id: str
    min: float
    max: float


class Scale(_ScaleRequired, total=False):
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
