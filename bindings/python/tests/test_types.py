"""Every result is plain data that matches its TypedDict in careerplan.types,
checked at runtime, key by key and value by value: required keys present, no
key the type does not declare, every value of the declared type. (stubtest
checks the functions' signatures; this checks the data they return.)"""

import typing
from pathlib import Path
from typing import Any, Dict, List, Union

import pytest

import careerplan
from careerplan import types as t

TODAY = "2026-11-22"
ESCO_DIR = (Path(__file__).resolve().parents[3]
            / "crates" / "careerplan" / "tests" / "data" / "esco")


def is_typeddict(tp: Any) -> bool:
    # typing.is_typeddict is Python 3.10+; the package supports 3.9.
    return isinstance(tp, type) and issubclass(tp, dict) and hasattr(tp, "__required_keys__")


def problems(value: Any, tp: Any, path: str = "$") -> List[str]:
    """Where ``value`` does not match the type ``tp``."""
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if tp is Any:
        return []
    if tp is type(None):
        return [] if value is None else [f"{path}: expected None, got {value!r}"]
    if origin is Union:
        found = [problems(value, arm, path) for arm in args]
        return [] if any(not p for p in found) else min(found, key=len)
    if origin is typing.Literal:
        return [] if value in args else [f"{path}: {value!r} is not one of {args}"]
    if is_typeddict(tp):
        if type(value) is not dict:
            return [f"{path}: expected a dict ({tp.__name__}), got {type(value).__name__}"]
        hints = typing.get_type_hints(tp)
        out = [f"{path}: missing {k!r} ({tp.__name__})" for k in tp.__required_keys__ - value.keys()]
        out += [f"{path}: {k!r} is not a key of {tp.__name__}" for k in value.keys() - hints.keys()]
        for k in value.keys() & hints.keys():
            out += problems(value[k], hints[k], f"{path}.{k}")
        return out
    if origin is list:
        if type(value) is not list:
            return [f"{path}: expected a list, got {type(value).__name__}"]
        return [p for i, v in enumerate(value) for p in problems(v, args[0], f"{path}[{i}]")]
    if origin in (dict, typing.Mapping.__origin__):  # type: ignore[attr-defined]
        if type(value) is not dict:
            return [f"{path}: expected a dict, got {type(value).__name__}"]
        out = []
        for k, v in value.items():
            out += problems(k, args[0], f"{path}<key {k!r}>") + problems(v, args[1], f"{path}.{k}")
        return out
    if tp is float:  # an int is a float to a type checker (PEP 484)
        ok = type(value) in (int, float)
    else:
        ok = type(value) is tp
    return [] if ok else [f"{path}: expected {getattr(tp, '__name__', tp)}, got {value!r}"]


RESULTS: Dict[str, Any] = {
    "load_plan": (lambda p: careerplan.load_plan(p), t.Plan),
    "validate_plan": (lambda p: careerplan.validate_plan({**p, "goals": p["goals"] + [
        {"id": "x", "title": "t", "parent_id": "nope"}]}), List[t.Problem]),
    "lint_goal": (lambda p: careerplan.lint_goal(
        "Try to get better at SQL someday, 10 posts by 03/04/2027 with 30 hours a day",
        TODAY), t.LintReport),
    "lint_many": (lambda p: careerplan.lint_many([g["title"] for g in p["goals"]], TODAY).to_list(),
                  List[t.LintReport]),
    "lint_plan": (lambda p: careerplan.lint_plan(p, TODAY), t.PlanLintReport),
    "rules": (lambda p: careerplan.rules(), List[t.RuleInfo]),
    "Linter.config": (lambda p: careerplan.Linter({"today": TODAY}).config, t.LintConfig),
    "agenda": (lambda p: careerplan.agenda(p, TODAY, "2028-11-22"), List[t.ReviewEvent]),
    "next_review": (lambda p: careerplan.next_review(p, TODAY), t.ReviewEvent),
    "overdue": (lambda p: careerplan.overdue(p, "2027-12-01"), List[t.ReviewEvent]),
    "record_review": (lambda p: careerplan.record_review(p, {"id": "", "date": TODAY, "changes": [
        {"kind": "deadline_moved", "goal_id": "g-pmp", "to": "2027-04-30"}]}), t.Plan),
    "progress": (lambda p: careerplan.progress(p), List[t.GoalProgress]),
    "plan_status": (lambda p: careerplan.plan_status(p, TODAY), t.PlanStatus),
    "skill_gap": (lambda p: careerplan.skill_gap(p, "senior-project-manager", {"today": TODAY}),
                  t.GapReport),
    "rank_roles": (lambda p: careerplan.rank_roles(p), List[t.RankEntry]),
    "transferable_skills": (lambda p: careerplan.transferable_skills(
        p, "project-manager", "senior-project-manager"), t.TransferReport),
    "GapMatrix.to_dict": (lambda p: careerplan.gap_matrix([p]).to_dict(), t.GapMatrixDict),
    "RoleCatalog.to_dict": (lambda p: careerplan.builtin_roles().to_dict(), t.RoleCatalogDict),
    "RoleCatalog.roles": (lambda p: careerplan.builtin_roles().roles, List[t.Role]),
    "profile_from_json_resume": (lambda p: careerplan.profile_from_json_resume(
        {"basics": {"name": "Ana", "label": "Analyst"}, "skills": [
            {"name": "SQL", "level": "Advanced", "keywords": ["PostgreSQL"]},
            {"name": "Go", "level": "Wizard"}]}), t.ResumeImport),
    "draft_plan": (lambda p: careerplan.draft_plan(p, "program-manager", {"start": TODAY}),
                   t.DraftReport),
    "RoleCatalog.from_esco": (lambda p: careerplan.RoleCatalog.from_esco(ESCO_DIR).to_dict(),
                              t.RoleCatalogDict),
    "RoleCatalog.esco_stats": (lambda p: careerplan.RoleCatalog.from_esco(ESCO_DIR).esco_stats,
                               t.EscoStats),
}


@pytest.mark.parametrize("name", sorted(RESULTS))
def test_result_matches_its_typeddict(name: str, example: Dict[str, Any]):
    call, tp = RESULTS[name]
    result = call(example)
    assert result, f"{name} returned nothing to check"
    assert problems(result, tp) == []


def test_the_checker_finds_what_does_not_match():
    report = careerplan.lint_goal("Grow.", TODAY)
    assert problems({**report, "extra": 1}, t.LintReport) == ["$: 'extra' is not a key of LintReport"]
    del report["criteria"]
    assert problems(report, t.LintReport) == ["$: missing 'criteria' (LintReport)"]
    assert problems([{"goal_id": "g", "percent": "50", "source": "metric"}], List[t.GoalProgress])
    assert problems({"goal_id": "g", "percent": 5, "source": "guess"}, t.GoalProgress)

