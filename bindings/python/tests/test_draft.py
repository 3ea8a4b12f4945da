"""draft_plan and RoleCatalog.from_esco: the example plan against a built-in
role, an O*NET occupation and an ESCO occupation."""

import datetime
from pathlib import Path

import careerplan
import pytest
from careerplan import CareerPlanError, InvalidArgumentError, InvalidTableError, RoleCatalog

REPO = Path(__file__).resolve().parents[3]
ONET_DIR = REPO.parent / "shared" / "data" / "onet"
ESCO_DIR = REPO / "crates" / "careerplan" / "tests" / "data" / "esco"
DATA_SCIENTIST = "a1b2c3d4-0000-4000-8000-000000000001"
START = datetime.date(2026, 12, 7)


def esco_texts():
    return tuple(
        (ESCO_DIR / name).read_text(encoding="utf-8")
        for name in ("occupations_en.csv", "skills_en.csv", "occupationSkillRelations_en.csv")
    )


def check(report, catalog, role):
    """What every face promises: SMART goals, a valid plan, idempotence, a schedule."""
    assert report["feasibility"]["feasible"], report["feasibility"]["message"]
    assert report["added_goals"]
    for goal in report["drafted"]:
        criteria = goal["lint"]["criteria"]
        for c in ("specific", "measurable", "time_bound"):
            assert criteria[c]["met"] is True, (goal["title"], c)
        assert all(d["severity"] == "info" for d in goal["lint"]["diagnostics"]), goal
    assert careerplan.validate_plan(report["plan"]) == []
    again = careerplan.draft_plan(report["plan"], role, {"start": START}, catalog=catalog)
    assert again["added_goals"] == [] and again["added_actions"] == []
    events = careerplan.agenda(report["plan"], START, datetime.date(2030, 12, 31))
    subjects = {e["subject_id"] for e in events}
    assert set(report["added_goals"]) & subjects


def test_draft_against_a_built_in_role(example):
    report = careerplan.draft_plan(example, "program-manager", {"start": START})
    check(report, None, "program-manager")
    assert report["role_goal_id"] == "draft-program-manager"
    # The plan's own goals are unchanged; drafted goals hang under the role goal.
    assert report["plan"]["goals"][: len(example["goals"])] == example["goals"]
    drafted = [g for g in report["plan"]["goals"] if g["id"] in report["added_goals"]]
    assert all(g.get("parent_id") == "draft-program-manager" for g in drafted[1:])
    actions = [a for a in report["plan"]["actions"] if a["id"] in report["added_actions"]]
    assert all(a["obstacles"][0]["mitigation"] for a in actions)
    assert any(r["kind"] == "contact" for a in actions for r in a.get("resources", []))


def test_draft_against_an_onet_occupation(example):
    catalog = RoleCatalog.from_onet(ONET_DIR)
    report = careerplan.draft_plan(
        example, "15-2041.00", {"start": START, "hours_per_week": 15}, catalog=catalog)
    check(report, catalog, "15-2041.00")
    assert "O*NET" in report["attribution"]


def test_draft_against_an_esco_occupation(example):
    catalog = RoleCatalog.from_esco(*esco_texts())
    report = careerplan.draft_plan(example, DATA_SCIENTIST, {"start": START}, catalog=catalog)
    check(report, catalog, DATA_SCIENTIST)
    assert "ESCO" in report["attribution"]


def test_start_defaults_to_today(example):
    report = careerplan.draft_plan(example, "data-analyst")
    assert min(g["start"] for g in report["drafted"]) == datetime.date.today().isoformat()


def test_draft_errors(example):
    with pytest.raises(InvalidArgumentError) as info:
        careerplan.draft_plan(example, "astronaut", {"start": START})
    assert info.value.path == "role"
    with pytest.raises(CareerPlanError) as info:
        careerplan.draft_plan(example, "data-analyst", {"start": START, "hours_per_week": 0})
    assert info.value.path == "options.hours_per_week"
    with pytest.raises(CareerPlanError) as info:
        careerplan.draft_plan(example, "data-analyst", {"start": START, "hours_per_wek": 3})
    assert info.value.code == "invalid-value"


def test_not_enough_hours_is_reported():
    report = careerplan.draft_plan(
        {"schema_version": 1, "id": "p"}, "engineering-manager",
        {"start": START, "hours_per_week": 1, "target_date": datetime.date(2027, 6, 30)})
    f = report["feasibility"]
    assert f["feasible"] is False
    assert f["fits_by"] > "2027-06-30"
    assert f["needed_hours_per_week"] > 1
    assert careerplan.validate_plan(report["plan"]) == []


def test_esco_from_texts_and_directory():
    from_texts = RoleCatalog.from_esco(*esco_texts())
    from_dir = RoleCatalog.from_esco(ESCO_DIR)
    assert from_texts.to_dict() == from_dir.to_dict()
    assert len(from_dir) == 2
    role = from_dir.role(DATA_SCIENTIST)
    assert role["external_id"].startswith("http://data.europa.eu/esco/occupation/")
    assert [r["required"] for r in role["requirements"]] == [True, True, False, False]
    assert {r["level"] for r in role["requirements"]} == {3}
    stats = from_dir.esco_stats
    assert stats is not None and stats["duplicate_relations"] == 1
    assert from_dir.onet_stats is None
    assert from_dir.to_dict()["aliases"]["mine data"] == "data mining"
    essential = RoleCatalog.from_esco(ESCO_DIR, options={"optional": False, "level": 4})
    assert all(r["required"] and r["level"] == 4
               for r in essential.role(DATA_SCIENTIST)["requirements"])


def test_esco_errors(tmp_path):
    with pytest.raises(FileNotFoundError):
        RoleCatalog.from_esco(tmp_path)
    occupations, skills, _ = esco_texts()
    with pytest.raises(TypeError):
        RoleCatalog.from_esco(occupations, skills)
    with pytest.raises(InvalidTableError) as info:
        RoleCatalog.from_esco(occupations, skills, "occupationUri,skillUri\n",
                              {"language": "en"})
    assert info.value.path == "occupationSkillRelations_en.csv:1"
    with pytest.raises(CareerPlanError) as info:
        RoleCatalog.from_esco(ESCO_DIR, options={"level": 9})
    assert info.value.path == "options.level"
