"""Every core error arrives as the matching CareerPlanError subclass, with code and path."""

import datetime

import careerplan
import pytest
from careerplan import (
    CareerPlanError,
    InvalidArgumentError,
    InvalidDateError,
    InvalidJsonError,
    InvalidValueError,
    MigrationError,
    UnsupportedSchemaVersionError,
)


def raised(plan: object) -> CareerPlanError:
    with pytest.raises(CareerPlanError) as info:
        careerplan.load_plan(plan)  # type: ignore[arg-type]
    return info.value


def test_hierarchy():
    for cls in (InvalidJsonError, InvalidValueError, UnsupportedSchemaVersionError,
                MigrationError, InvalidArgumentError):
        assert issubclass(cls, CareerPlanError)
    assert issubclass(InvalidDateError, InvalidValueError)
    assert issubclass(CareerPlanError, Exception)
    assert CareerPlanError.__module__ == "careerplan"


def test_bad_json():
    err = raised('{"schema_version": 1,\n "id": }')
    assert type(err) is InvalidJsonError
    assert (err.code, err.path) == ("invalid-json", "id")
    assert str(err).startswith("id: line 2, column")
    assert err.message and err.message in str(err)


def test_impossible_date_names_the_field():
    plan = {"schema_version": 1, "id": "p",
            "goals": [{"id": "g", "title": "t"}, {"id": "h", "title": "u", "deadline": "2027-02-30"}]}
    err = raised(plan)
    assert type(err) is InvalidDateError and isinstance(err, InvalidValueError)
    assert (err.code, err.path) == ("invalid-date", "goals[1].deadline")
    assert "2027-02-30" in err.message
    assert str(err) == f"goals[1].deadline: {err.message}"


def test_wrong_type_names_the_field():
    err = raised('{"schema_version": 1, "id": "p", "goals": [{"id": "g", "title": "t", '
                 '"priority": {"importance": "high", "feasibility": 3}}]}')
    assert type(err) is InvalidValueError
    assert (err.code, err.path) == ("invalid-value", "goals[0].priority.importance")


def test_value_python_cannot_express_as_json_names_the_field():
    err = raised({"schema_version": 1, "id": "p",
                  "goals": [{"id": "g", "title": "t", "values": {"growth"}}]})
    assert type(err) is InvalidValueError
    assert (err.code, err.path) == ("invalid-value", "goals[0].values")
    assert "got set" in err.message


def test_newer_schema_version_is_refused():
    err = raised({"schema_version": 2, "id": "p"})
    assert type(err) is UnsupportedSchemaVersionError
    assert (err.code, err.path) == ("unsupported-schema-version", "schema_version")
    assert "version 2" in err.message and "up to 1" in err.message


def test_failed_migration():
    err = raised({"id": "p", "goals": [{"id": "g", "title": "t", "term": "someday"}]})
    assert type(err) is MigrationError
    assert (err.code, err.path) == ("migration-failed", "goals[0].term")
    assert "someday" in err.message


def test_validate_and_dump_raise_the_same_errors():
    for call in (careerplan.validate_plan, careerplan.dump_plan):
        with pytest.raises(InvalidJsonError):
            call("{")
        with pytest.raises(UnsupportedSchemaVersionError):
            call({"schema_version": 99, "id": "p"})


def test_every_class_is_exported_and_catchable_by_base():
    # InvalidArgumentError is raised by engine functions with options; here we
    # check it behaves like its siblings when raised.
    with pytest.raises(CareerPlanError):
        raise InvalidArgumentError("bad option")


def test_limits_from_options_raise_limit_exceeded_with_the_limit_named():
    def raised_by(call, *args, **kwargs) -> CareerPlanError:  # type: ignore[no-untyped-def]
        with pytest.raises(CareerPlanError) as info:
            call(*args, **kwargs)
        return info.value

    err = raised_by(careerplan.lint_goal, "x" * 200, config={"limits": {"max_text_bytes": 100}})
    assert isinstance(err, careerplan.LimitExceededError) and isinstance(err, careerplan.CareerPlanError)
    assert err.code == "limit-exceeded" and "max_text_bytes" in str(err)
    plan = {"schema_version": 1, "id": "p", "goals": []}
    err = raised_by(careerplan.agenda, plan, "2026-01-01", "2036-01-01",
                 {"limits": {"max_agenda_years": 5}})
    assert err.code == "limit-exceeded" and "max_agenda_years" in str(err)
    # Within the limits the same calls work.
    careerplan.lint_goal("x" * 50, config={"limits": {"max_text_bytes": 100}})
    careerplan.agenda(plan, "2026-01-01", "2030-01-01", {"limits": {"max_agenda_years": 5}})
