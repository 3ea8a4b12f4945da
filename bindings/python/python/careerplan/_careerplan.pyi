# Stubs of the native extension module built from bindings/python/src/.
# Keep in step with the #[pyfunction]s there; scripts/test checks them with
# `python -m mypy.stubtest careerplan`.

import os
from typing import Dict, List, Literal, Optional, Sequence, SupportsIndex, Tuple, Union, final, overload

from careerplan.types import (
    AgendaOptions,
    Context,
    DateInput,
    GoalProgress,
    IcsOptions,
    LintConfig,
    LintReport,
    Plan,
    PlanInput,
    PlanLintReport,
    PlanStatus,
    Problem,
    ProgressOptions,
    Review,
    ReviewEvent,
    RoadmapOptions,
    RuleInfo,
)
from careerplan.types import (
    GapMatrixDict,
    GapOptions,
    GapReport,
    OnetOptions,
    OnetStats,
    Person,
    PersonInput,
    ProfileInput,
    RankEntry,
    RankOptions,
    ResumeImport,
    ResumeInput,
    ResumeOptions,
    Role,
    RoleCatalogData,
    RoleCatalogDict,
    TransferReport,
)

# pyo3 builds the runtime __all__ from every name the module adds.
__all__ = [
    "__version__",
    "SCHEMA_VERSION",
    "load_plan",
    "dump_plan",
    "validate_plan",
    "agenda",
    "next_review",
    "overdue",
    "to_ics",
    "record_review",
    "progress",
    "plan_status",
    "roadmap",
    "CareerPlanError",
    "InvalidJsonError",
    "InvalidValueError",
    "InvalidDateError",
    "UnsupportedSchemaVersionError",
    "MigrationError",
    "InvalidArgumentError",
]

__version__: str
SCHEMA_VERSION: int

def load_plan(plan: PlanInput) -> Plan:
    """Parse a plan and bring it to the current schema version."""

def dump_plan(plan: PlanInput) -> str:
    """Write a plan as canonical, pretty-printed JSON."""

def validate_plan(plan: PlanInput) -> List[Problem]:
    """Check the rules that span a plan's entities and return every problem."""

def agenda(
    plan: PlanInput,
    from_date: DateInput,
    to_date: DateInput,
    options: Optional[AgendaOptions] = None,
) -> List[ReviewEvent]:
    """The plan's events from `from_date` to `to_date`, sorted and deduplicated."""

def next_review(
    plan: PlanInput, today: DateInput, options: Optional[AgendaOptions] = None
) -> Optional[ReviewEvent]:
    """The first review on or after `today`, or None."""

def overdue(
    plan: PlanInput, today: DateInput, options: Optional[AgendaOptions] = None
) -> List[ReviewEvent]:
    """What is overdue on `today`, one event per subject and kind."""

def to_ics(
    plan: PlanInput,
    from_date: DateInput,
    to_date: DateInput,
    options: Optional[IcsOptions] = None,
) -> str:
    """The agenda from `from_date` to `to_date` as an iCalendar (RFC 5545) file."""

def record_review(plan: PlanInput, review: Review) -> Plan:
    """Append a review, apply its changes and return the updated plan."""

def progress(plan: PlanInput) -> List[GoalProgress]:
    """Every goal's progress, in document order."""

def plan_status(
    plan: PlanInput, today: DateInput, options: Optional[ProgressOptions] = None
) -> PlanStatus:
    """Where the plan stands on `today`."""

def roadmap(
    plan: PlanInput,
    today: DateInput,
    format: Literal["markdown", "mermaid", "svg"],
    options: Optional[RoadmapOptions] = None,
) -> str:
    """The plan's roadmap as Markdown, Mermaid or SVG."""

class CareerPlanError(Exception):
    """Base class of every careerplan error."""

    code: str
    """Stable kebab-case code, e.g. ``"invalid-date"``; ``"internal-error"`` for a bug."""
    path: str
    """JSON path of the offending field, ``""`` when it concerns the whole input."""
    message: str
    """What is wrong, without the path."""

class InvalidJsonError(CareerPlanError): ...
class InvalidValueError(CareerPlanError): ...
class InvalidDateError(InvalidValueError): ...
class UnsupportedSchemaVersionError(CareerPlanError): ...
class MigrationError(CareerPlanError): ...
class InvalidArgumentError(CareerPlanError): ...

# --- SMART linter -----------------------------------------------------------

__all__ += ["lint_goal", "lint_many", "lint_plan", "rules", "Linter", "LintReports"]

def lint_goal(
    text: str,
    today: Optional[DateInput] = None,
    context: Optional[Context] = None,
    config: Optional[LintConfig] = None,
) -> LintReport:
    """Lint one goal statement: a verdict per SMART criterion and diagnostics."""

def lint_many(
    texts: Sequence[str],
    today: Optional[DateInput] = None,
    config: Optional[LintConfig] = None,
) -> LintReports:
    """Lint many goal statements at once (GIL released, all cores); one report per text."""

def lint_plan(
    plan: PlanInput,
    today: Optional[DateInput] = None,
    config: Optional[LintConfig] = None,
) -> PlanLintReport:
    """Lint every goal of a plan with its context, then the plan as a whole."""

def rules() -> List[RuleInfo]:
    """The linter's rules, with their documentation and examples."""

@final
class Linter:
    """A SMART-goal linter with its configuration parsed and checked once."""

    def __new__(cls, config: Optional[LintConfig] = None) -> Linter: ...
    @property
    def config(self) -> LintConfig:
        """The configuration, with every field."""
    def lint(
        self,
        text: str,
        today: Optional[DateInput] = None,
        context: Optional[Context] = None,
    ) -> LintReport:
        """Lint one goal statement, as ``lint_goal`` does."""
    def lint_many(self, texts: Sequence[str], today: Optional[DateInput] = None) -> LintReports:
        """Lint many goal statements on all cores with the GIL released."""
    def lint_plan(self, plan: PlanInput) -> PlanLintReport:
        """Lint a plan; the reference date is the config's ``today``."""

@final
class LintReports(Sequence[LintReport]):
    """The reports of ``lint_many``, in input order; each item becomes a dict when first read."""

    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, key: SupportsIndex, /) -> LintReport: ...
    @overload
    def __getitem__(self, key: slice, /) -> List[LintReport]: ...
    def __eq__(self, value: object, /) -> bool: ...
    def to_list(self) -> List[LintReport]:
        """Every report as a dict, in a new list."""
    def scores(self) -> Dict[str, List[int]]:
        """The score of every report on each criterion, by criterion."""
    def deadlines(self) -> List[Optional[str]]:
        """The deadline of every report, in report order."""

class InvalidTableError(CareerPlanError): ...

# ---- skills -------------------------------------------------------------------

__all__ += [
    "RoleCatalog",
    "GapMatrix",
    "Team",
    "builtin_roles",
    "skill_gap",
    "rank_roles",
    "transferable_skills",
    "gap_matrix",
    "profile_from_json_resume",
    "InvalidTableError",
]

_CatalogArg = Union["RoleCatalog", RoleCatalogData, None]

@final
class RoleCatalog:
    """A catalog of roles, compiled for ranking once, on first use."""

    def __new__(cls, catalog: RoleCatalogData) -> RoleCatalog: ...
    @staticmethod
    def from_json(catalog: RoleCatalogData) -> RoleCatalog:
        """Read a catalog from JSON text, a dict or a list of roles."""

    @staticmethod
    def from_onet(
        directory: Union[str, os.PathLike[str]],
        options: Optional[OnetOptions] = None,
        knowledge: bool = True,
    ) -> RoleCatalog:
        """Import O*NET's occupations from the database files in `directory`."""

    @property
    def roles(self) -> List[Role]:
        """The roles, as dicts (a new list on every access)."""

    @property
    def name(self) -> Optional[str]: ...
    @property
    def attribution(self) -> Optional[str]: ...
    @property
    def onet_stats(self) -> Optional[OnetStats]:
        """For a catalog from `from_onet`, the counts of the import."""

    def role(self, role_id: str) -> Role:
        """The role with this id."""

    def to_dict(self) -> RoleCatalogDict: ...
    def to_json(self) -> str: ...
    def __len__(self) -> int: ...

@final
class GapMatrix:
    """Readiness of every person for every role (`gap_matrix`)."""

    @property
    def person_ids(self) -> List[str]: ...
    @property
    def role_ids(self) -> List[str]: ...
    @property
    def attribution(self) -> Optional[str]: ...
    @property
    def shape(self) -> Tuple[int, int]:
        """(number of people, number of roles)."""

    @property
    def readiness(self) -> memoryview:
        """Every cell, row-major, as a read-only memoryview of float32."""

    def get(self, person: int, role: int) -> float: ...
    def row(self, person: int) -> List[float]: ...
    def to_dict(self) -> GapMatrixDict: ...
    def __len__(self) -> int: ...

@final
class Team:
    """People read once, for repeated team views (`gap_matrix`)."""

    def __new__(cls, people: Sequence[PersonInput]) -> Team: ...
    @property
    def person_ids(self) -> List[str]:
        """The people's ids, in input order."""
    def to_list(self) -> List[Person]:
        """The people as Person dicts."""
    def __len__(self) -> int: ...

def builtin_roles() -> RoleCatalog:
    """The built-in starter catalog of illustrative roles."""

def skill_gap(
    plan_or_profile: ProfileInput,
    role: Union[str, Role],
    options: Optional[GapOptions] = None,
    *,
    catalog: _CatalogArg = None,
) -> GapReport:
    """Compare a person with a role."""

def rank_roles(
    plan_or_profile: ProfileInput,
    catalog: _CatalogArg = None,
    top_k: Optional[int] = None,
    options: Optional[RankOptions] = None,
) -> List[RankEntry]:
    """Score every role of a catalog for a person, best first."""

def transferable_skills(
    plan_or_profile: ProfileInput,
    from_role: Union[str, Role],
    to_role: Union[str, Role],
    options: Optional[GapOptions] = None,
    *,
    catalog: _CatalogArg = None,
) -> TransferReport:
    """What carries over in a career change from `from_role` to `to_role`."""

def gap_matrix(
    people: Union[Team, Sequence[PersonInput]],
    catalog: _CatalogArg = None,
    options: Optional[RankOptions] = None,
) -> GapMatrix:
    """Readiness of every person for every role of a catalog."""

def profile_from_json_resume(
    resume: ResumeInput, options: Optional[ResumeOptions] = None
) -> ResumeImport:
    """Read the skills of a JSON Resume document into a profile."""
