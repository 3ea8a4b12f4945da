# Stubs of the native extension module built from bindings/python/src/.
# Keep in step with the #[pyfunction]s there; scripts/test checks them with
# `python -m mypy.stubtest careerplan`.

from typing import List, Literal, Optional

from careerplan.types import (
    AgendaOptions,
    DateInput,
    GoalProgress,
    IcsOptions,
    Plan,
    PlanInput,
    PlanStatus,
    Problem,
    ProgressOptions,
    Review,
    ReviewEvent,
    RoadmapOptions,
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
