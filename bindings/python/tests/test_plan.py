"""load_plan / dump_plan / validate_plan over the example plan and edge cases."""

import copy
import json
from typing import Any, Dict

import careerplan
import pytest


def add_unknown_fields(plan: Dict[str, Any]) -> Dict[str, Any]:
    plan["x-tool"] = {"synced": True, "ids": [1, 2, 3]}
    plan["owner"]["pronouns"] = "they/them"
    plan["profile"]["x_profile_note"] = None
    plan["profile"]["skills"][0]["x_confidence"] = 0.8
    plan["goals"][0]["color"] = "#ff8800"
    plan["actions"][0]["resources"][0]["vendor"] = {"name": "PMI", "url": "https://example.invalid"}
    plan["actions"][2]["obstacles"][0]["likelihood"] = "high"
    plan["reviews"][0]["mood"] = 4
    return plan


def test_example_plan_loads_from_text_and_dict_alike(example_text, example):
    from_text = careerplan.load_plan(example_text)
    from_dict = careerplan.load_plan(example)
    assert from_text == from_dict
    assert from_text["schema_version"] == careerplan.SCHEMA_VERSION == 1
    assert from_text["id"] == "plan-jordan-2026"
    assert len(from_text["goals"]) == len(example["goals"])


def test_round_trip_keeps_unknown_fields_at_every_level(example):
    original = add_unknown_fields(example)
    snapshot = copy.deepcopy(original)
    loaded = careerplan.load_plan(original)
    assert original == snapshot, "load_plan must not modify its argument"

    text = careerplan.dump_plan(loaded)
    assert text.endswith("}\n") and text.startswith('{\n  "schema_version": 1,')
    written = json.loads(text)
    assert written == loaded
    assert careerplan.load_plan(text) == loaded
    assert careerplan.dump_plan(text) == text  # canonical form is a fixed point

    assert written["x-tool"] == {"synced": True, "ids": [1, 2, 3]}
    assert written["owner"]["pronouns"] == "they/them"
    assert "x_profile_note" in written["profile"] and written["profile"]["x_profile_note"] is None
    assert written["profile"]["skills"][0]["x_confidence"] == 0.8
    assert written["goals"][0]["color"] == "#ff8800"
    assert written["actions"][0]["resources"][0]["vendor"]["name"] == "PMI"
    assert written["actions"][2]["obstacles"][0]["likelihood"] == "high"
    assert written["reviews"][0]["mood"] == 4


def test_dump_plan_writes_every_known_field(example):
    written = json.loads(careerplan.dump_plan(example))
    # Everything comes back as it went in; the example spells out every
    # status, and the canonical form writes statuses even at their default.
    assert written == example


def test_version_zero_dict_is_migrated():
    v0 = {
        "id": "draft",
        "owner": "Ada Lovelace",
        "skills": {"Python": 3, "SQL": 2},
        "goals": [
            {"id": "g0", "title": "Lead a data team", "term": "long-term"},
            {"id": "g1", "title": "Finish the SQL course", "term": "short-term",
             "due": "2027-01-31", "parent": "g0", "x-keep": [1]},
        ],
    }
    plan = careerplan.load_plan(v0)
    assert plan["schema_version"] == 1
    assert plan["owner"] == {"name": "Ada Lovelace"}
    assert plan["profile"]["skills"] == [
        {"skill": "Python", "level": 3, "scale": "dreyfus-5"},
        {"skill": "SQL", "level": 2, "scale": "dreyfus-5"},
    ]
    assert plan["goals"][1] == {
        "id": "g1", "title": "Finish the SQL course", "horizon": "short",
        "parent_id": "g0", "status": "not_started", "deadline": "2027-01-31", "x-keep": [1],
    }
    assert "skills" not in plan and "term" not in plan["goals"][0]
    assert v0["owner"] == "Ada Lovelace", "the input dict is left alone"
    # The migrated document is written at the current version.
    assert json.loads(careerplan.dump_plan(v0))["schema_version"] == 1


def test_example_plan_is_valid(example):
    assert careerplan.validate_plan(example) == []


def test_validation_reports_every_problem_with_code_and_path(example):
    example["goals"][1]["parent_id"] = "no-such-goal"
    example["actions"][1]["id"] = example["actions"][0]["id"]
    example["profile"]["skills"][0]["level"] = 9  # dreyfus-5 ends at 5
    problems = careerplan.validate_plan(json.dumps(example))
    found = {(p["code"], p["path"]) for p in problems}
    assert ("dangling-reference", "goals[1].parent_id") in found
    assert ("duplicate-id", "actions[1].id") in found
    assert ("level-out-of-scale", "profile.skills[0].level") in found
    for problem in problems:
        assert set(problem) == {"code", "severity", "path", "message"}
        assert problem["severity"] in ("error", "warning")
        assert problem["message"]
    dangling = next(p for p in problems if p["code"] == "dangling-reference")
    assert dangling["severity"] == "error" and "no-such-goal" in dangling["message"]


def test_wrong_argument_type_is_a_type_error():
    with pytest.raises(TypeError, match="JSON str or a dict"):
        careerplan.load_plan(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        careerplan.validate_plan(None)  # type: ignore[arg-type]


def test_docstrings_come_from_rust():
    assert careerplan.load_plan.__doc__ and "schema version" in careerplan.load_plan.__doc__
    assert careerplan.validate_plan.__doc__ and "problem" in careerplan.validate_plan.__doc__
    assert careerplan.__version__ == "0.1.0"
