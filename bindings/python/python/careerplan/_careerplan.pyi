# Stubs of the native extension module built from bindings/python/src/.
# Keep in step with the #[pyfunction]s there; scripts/test checks them with
# `python -m mypy.stubtest careerplan`.

from typing import List

from careerplan.types import Plan, PlanInput, Problem

# pyo3 builds the runtime __all__ from every name the module adds.
__all__ = [
    "__version__",
    "SCHEMA_VERSION",
    "load_plan",
    "dump_plan",
    "validate_plan",
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
