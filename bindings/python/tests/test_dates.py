"""Dates are ``datetime.date`` objects or ``"YYYY-MM-DD"`` strings everywhere:
as arguments, inside plan, profile, review, context and options dicts.

Every call below runs twice, once with strings and once with the same dates as
``datetime.date`` objects (at every depth), and must give the same result.
``datetime.datetime`` is refused everywhere (see ``test_datetime_*``).
"""

import collections
import datetime as dt
import json
import re
from typing import Any, Callable, Dict

import pytest

import careerplan
from careerplan import InvalidDateError, InvalidValueError

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
TODAY = "2026-11-22"
LATER = "2027-05-22"


def as_dates(value: Any) -> Any:
    """``value`` with every ``YYYY-MM-DD`` string, at any depth, as a ``datetime.date``."""
    if isinstance(value, dict):
        return {k: as_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_dates(v) for v in value]
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        return dt.date.fromisoformat(value)
    return value


def count_dates(value: Any) -> int:
    if isinstance(value, dict):
        return sum(count_dates(v) for v in value.values())
    if isinstance(value, list):
        return sum(count_dates(v) for v in value)
    return isinstance(value, dt.date)


RESUME = {"basics": {"name": "Ana"}, "skills": [{"name": "SQL", "level": "Advanced"}]}
REVIEW = {"id": "", "date": TODAY, "changes": [
    {"kind": "deadline_moved", "goal_id": "g-pmp", "to": "2027-04-30"}]}
CONTEXT = {"today": TODAY, "deadline": LATER, "start": TODAY}

# name -> call(args), where args holds the date-bearing inputs; each call is
# made once with ISO strings and once with as_dates(args).
CALLS: Dict[str, Callable[[Dict[str, Any]], Any]] = {
    "load_plan": lambda a: careerplan.load_plan(a["plan"]),
    "dump_plan": lambda a: careerplan.dump_plan(a["plan"]),
    "validate_plan": lambda a: careerplan.validate_plan(a["plan"]),
    "progress": lambda a: careerplan.progress(a["plan"]),
    "lint_goal": lambda a: careerplan.lint_goal(
        "Publish 4 posts within six months.", a["today"], a["context"], {"today": a["today"]}),
    "lint_many": lambda a: careerplan.lint_many(["Publish 4 posts by June 2027."], a["today"]),
    "lint_plan": lambda a: careerplan.lint_plan(a["plan"], a["today"]),
    "Linter(config)": lambda a: careerplan.Linter({"today": a["today"]}).lint_plan(a["plan"]),
    "Linter.lint": lambda a: careerplan.Linter().lint(
        "Publish 4 posts within six months.", a["today"], a["context"]),
    "Linter.lint_many": lambda a: careerplan.Linter().lint_many(["Grow by 2027."], a["today"]),
    "agenda": lambda a: careerplan.agenda(a["plan"], a["today"], a["later"], {"today": a["today"]}),
    "next_review": lambda a: careerplan.next_review(a["plan"], a["today"], {"today": a["today"]}),
    "overdue": lambda a: careerplan.overdue(a["plan"], a["today"], {"today": a["today"]}),
    "to_ics": lambda a: careerplan.to_ics(
        a["plan"], a["today"], a["later"], {"agenda": {"today": a["today"]}}),
    "record_review": lambda a: careerplan.record_review(a["plan"], a["review"]),
    "plan_status": lambda a: careerplan.plan_status(a["plan"], a["today"]),
    "roadmap": lambda a: careerplan.roadmap(a["plan"], a["today"], "markdown"),
    "skill_gap": lambda a: careerplan.skill_gap(
        a["plan"], "senior-project-manager", {"today": a["today"]}),
    "rank_roles": lambda a: careerplan.rank_roles(a["plan"], top_k=3),
    "transferable_skills": lambda a: careerplan.transferable_skills(
        a["plan"], "project-manager", "senior-project-manager", {"today": a["today"]}),
    "gap_matrix": lambda a: careerplan.gap_matrix([a["plan"], a["plan"]["profile"]]).to_dict(),
    "profile_from_json_resume": lambda a: careerplan.profile_from_json_resume(
        a["resume"], {"assessed_on": a["today"]}),
}


@pytest.fixture
def args(example: Dict[str, Any]) -> Dict[str, Any]:
    for s in example["profile"]["skills"]:
        s.setdefault("assessed_on", "2025-06-01")
    return {"plan": example, "today": TODAY, "later": LATER, "review": REVIEW,
            "context": CONTEXT, "resume": RESUME}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_date_objects_and_iso_strings_give_the_same_result(name: str, args: Dict[str, Any]):
    with_dates = as_dates(args)
    assert count_dates(with_dates["plan"]) > 20, "the example plan has dates at many levels"
    assert CALLS[name](with_dates) == CALLS[name](args)


def test_nested_dates_come_back_as_iso_strings(example: Dict[str, Any]):
    plan = careerplan.load_plan(as_dates(example))
    assert plan == careerplan.load_plan(example)
    assert plan["goals"][1]["deadline"] == "2027-02-28"
    assert json.loads(careerplan.dump_plan(as_dates(example))) == plan


def test_a_nested_date_is_checked_like_a_string():
    # A date object is always a real date; the core still checks its place:
    # a start after the deadline is a validation problem at its path.
    plan = {"schema_version": 1, "id": "p", "goals": [
        {"id": "g", "title": "t", "start": dt.date(2027, 6, 1), "deadline": dt.date(2027, 1, 1)}]}
    assert [p["path"] for p in careerplan.validate_plan(plan)] == ["goals[0].deadline"]


def test_a_bad_date_string_inside_options_names_its_path(example: Dict[str, Any]):
    with pytest.raises(InvalidDateError) as info:
        careerplan.agenda(example, TODAY, LATER, {"today": "2026-02-30"})
    assert info.value.path == "options.today"


@pytest.mark.parametrize("where, call", [
    ("goals[1].deadline", lambda p, d: careerplan.load_plan(
        {**p, "goals": [p["goals"][0], {**p["goals"][1], "deadline": d}]})),
    ("review.date", lambda p, d: careerplan.record_review(p, {"id": "", "date": d})),
    ("options.today", lambda p, d: careerplan.agenda(p, TODAY, LATER, {"today": d})),
    ("options.agenda.today", lambda p, d: careerplan.to_ics(
        p, TODAY, LATER, {"agenda": {"today": d}})),
    ("options.dtstamp", lambda p, d: careerplan.to_ics(p, TODAY, LATER, {"dtstamp": d})),
    ("options.today", lambda p, d: careerplan.skill_gap(p, "project-manager", {"today": d})),
    ("today", lambda p, d: careerplan.lint_goal("Grow.", context={"today": d})),
    ("today", lambda p, d: careerplan.Linter({"today": d})),
    ("profile.skills[0].assessed_on", lambda p, d: careerplan.skill_gap(
        {"profile": {"skills": [{"skill": "SQL", "level": 3, "assessed_on": d}]}},
        "data-analyst")),
    ("people[1].skills[0].assessed_on", lambda p, d: careerplan.gap_matrix(
        [p, {"id": "a", "skills": [{"skill": "SQL", "level": 3, "assessed_on": d}]}])),
])
def test_datetime_inside_a_dict_is_refused_with_its_path(example, where, call):
    # A datetime is a date subclass; read as a date it would lose its time,
    # read as an instant a naive one has no offset. So it is refused, with
    # the path of the value and what to pass instead.
    for value in (dt.datetime(2026, 11, 22, 9, 30),
                  dt.datetime(2026, 11, 22, tzinfo=dt.timezone.utc)):
        with pytest.raises(InvalidValueError) as info:
            call(example, value)
        err = info.value
        assert (type(err), err.code, err.path) == (InvalidValueError, "invalid-value", where)
        assert ".date()" in err.message and ".isoformat()" in err.message


@pytest.mark.parametrize("call", [
    lambda d: careerplan.lint_goal("Grow.", today=d),
    lambda d: careerplan.lint_many(["Grow."], today=d),
    lambda d: careerplan.Linter().lint("Grow.", today=d),
    lambda d: careerplan.plan_status({"schema_version": 1, "id": "p"}, d),
    lambda d: careerplan.agenda({"schema_version": 1, "id": "p"}, d, LATER),
    lambda d: careerplan.to_ics({"schema_version": 1, "id": "p"}, TODAY, d),
])
def test_datetime_as_a_date_argument_is_a_type_error(call):
    with pytest.raises(TypeError, match=r"datetime.*\.date\(\)"):
        call(dt.datetime(2026, 11, 22, 9, 30))


def test_an_instant_is_given_as_an_rfc3339_string(example: Dict[str, Any]):
    instant = dt.datetime(2026, 11, 22, 9, 30, tzinfo=dt.timezone.utc)
    ics = careerplan.to_ics(example, TODAY, LATER, {"dtstamp": instant.isoformat()})
    assert "DTSTAMP:20261122T093000Z\r\n" in ics
    plan = careerplan.load_plan({**example, "updated": instant.isoformat()})
    assert plan["updated"].startswith("2026-11-22T09:30:00")


# ---- the other Python types inputs accept or refuse -------------------------

def test_tuples_and_other_mappings_read_as_lists_and_dicts(example: Dict[str, Any]):
    goals = tuple(collections.OrderedDict(g) for g in example["goals"])
    assert careerplan.load_plan({**example, "goals": goals}) == careerplan.load_plan(example)


class _Mapping(collections.abc.Mapping):  # type: ignore[type-arg]
    def __init__(self, data: Dict[str, Any]):
        self._data = data

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


def test_any_mapping_reads_as_a_dict():
    plan = careerplan.load_plan(_Mapping({"schema_version": 1, "id": "p",
                                          "owner": _Mapping({"name": "Ana"})}))
    assert plan["owner"] == {"name": "Ana"}


@pytest.mark.parametrize("value, path, words", [
    (float("nan"), "goals[0].metric.target", "finite number"),
    (float("inf"), "goals[0].metric.target", "finite number"),
    (2 ** 70, "goals[0].metric.target", "64 bits"),
    (b"10", "goals[0].metric.target", "got bytes"),
    (object(), "goals[0].metric.target", "got object"),
])
def test_values_without_a_json_form_are_refused_with_their_path(value, path, words):
    plan = {"schema_version": 1, "id": "p",
            "goals": [{"id": "g", "title": "t", "metric": {"name": "m", "target": value}}]}
    with pytest.raises(InvalidValueError) as info:
        careerplan.load_plan(plan)
    assert (info.value.code, info.value.path) == ("invalid-value", path)
    assert words in info.value.message


def test_keys_must_be_str():
    with pytest.raises(InvalidValueError) as info:
        careerplan.load_plan({"schema_version": 1, "id": "p", "owner": {"name": "A", 3: "x"}})
    assert info.value.path == "owner" and "keys must be str" in info.value.message


def test_a_list_that_contains_itself_is_refused_not_a_crash():
    loop: list = []  # type: ignore[type-arg]
    loop.append(loop)
    with pytest.raises(InvalidValueError, match="levels deep"):
        careerplan.load_plan({"schema_version": 1, "id": "p", "x": loop})
