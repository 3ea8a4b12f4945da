"""careerplan.spark on a real local Spark, checked row for row against the
in-process functions, bad rows included."""

import json
from pathlib import Path
from typing import Any, Dict, List

import pytest

import careerplan
from careerplan import spark as cs

TODAY = "2026-11-22"
CRITERIA = ["specific", "measurable", "achievable", "relevant", "time_bound"]
GOALS = [
    "Publish 4 posts on the team blog by June 2027.",
    "Try to get better at SQL someday",
    None,
    "Lead the migration of the billing service to Postgres within six months, cutting costs by 20%.",
    "x" * 70_000,
    "Mentor two junior engineers every week until the end of Q3.",
    "Grow.",
    "Réussir la certification PMP avant le 30 juin 2027",
]


def test_lint_goals_matches_lint_goal_row_for_row(spark: Any) -> None:
    df = spark.createDataFrame(
        [(f"e{i}", text) for i, text in enumerate(GOALS)], "employee STRING, goal STRING"
    )
    out = cs.lint_goals(df, "goal", today=TODAY)
    added = cs.lint_schema().names
    assert out.columns == ["employee", "goal", "row_id", *added]
    # The DDL parses in Spark to the types the function returns.
    assert spark.createDataFrame([], cs.lint_ddl()).schema == out.select(*added).schema
    rows = {r["employee"]: r.asDict(recursive=True) for r in out.collect()}
    assert len(rows) == len(GOALS)
    assert len({r["row_id"] for r in rows.values()}) == len(GOALS)
    for i, text in enumerate(GOALS):
        row = rows[f"e{i}"]
        assert row["goal"] == text
        if text is None or len(text) > 65_536:
            code = "invalid-value" if text is None else "limit-exceeded"
            assert row["error"]["code"] == code and row["deadline"] is None
            continue
        report = careerplan.lint_goal(text, today=TODAY)
        assert row["error"] is None
        deadline = row["deadline"].isoformat() if row["deadline"] else None
        assert deadline == report["deadline"]
        for c in CRITERIA:
            assert (row[f"{c}_met"], row[f"{c}_score"]) == (
                report["criteria"][c]["met"],
                report["criteria"][c]["score"],
            )
        assert row["codes"] == [d["code"] for d in report["diagnostics"]]


PEOPLE: List[Dict[str, Any]] = [
    {"id": "ana", "skills": [{"skill": "SQL", "level": 4.0}, {"skill": "Data analysis", "level": 4.0}]},
    {"id": "bo", "skills": [{"skill": "Leadership", "level": 3.0}, {"skill": "Go", "level": 9.0}]},
    {"id": "cy", "skills": [{"skill": "Patient care", "level": 4.0, "scale": "dreyfus-5"}]},
    {"id": "di", "skills": [{"skill": "Leadership", "level": 3.0}, {"skill": "Budgeting", "level": 2.0}]},
]
SKILLS_DDL = "person_id STRING, skills ARRAY<STRUCT<skill: STRING, level: DOUBLE, scale: STRING>>"


def test_readiness_matches_rank_roles_and_gap_matrix(spark: Any) -> None:
    data = [(p["id"], [(s["skill"], s["level"], s.get("scale")) for s in p["skills"]]) for p in PEOPLE]
    df = spark.createDataFrame(data, SKILLS_DDL)
    top = {r["person_id"]: r.asDict(recursive=True) for r in cs.readiness(df, k=3).collect()}
    for person in PEOPLE:
        row = top[person["id"]]
        try:
            expected = careerplan.rank_roles(person, top_k=3)
        except careerplan.InvalidValueError as err:
            assert row["top_roles"] is None
            assert (row["error"]["code"], row["error"]["path"]) == (err.code, "skills[1].level")
            continue
        assert [(e["role_id"], e["readiness"], e["rank"]) for e in row["top_roles"]] == [
            (e["role_id"], e["readiness"], e["rank"]) for e in expected
        ]
    long = cs.readiness(df, layout="long", min_readiness=0.2)
    assert long.columns == ["person_id", "row_id", "role_id", "readiness", "error"]
    good = [p for p in PEOPLE if p["id"] != "bo"]
    matrix = careerplan.gap_matrix(good)
    cells = {(r["person_id"], r["role_id"]): r["readiness"] for r in long.where("error IS NULL").collect()}
    expected_cells = {
        (p["id"], role): v
        for i, p in enumerate(good)
        for role, v in zip(matrix.role_ids, matrix.row(i))
        if v >= 0.2
    }
    assert cells.keys() == expected_cells.keys()
    assert all(cells[k] == pytest.approx(v) for k, v in expected_cells.items())
    assert long.where("error IS NOT NULL").count() == 1


def test_review_agenda_matches_agenda(spark: Any, example: Dict[str, Any]) -> None:
    other = {
        "schema_version": 1,
        "id": "p2",
        "review_policy": {"cadence": "monthly", "anchor": "2027-01-31"},
        "goals": [{"id": "g", "title": "Ship v2", "deadline": "2027-03-31"}],
    }
    plans = [("a", json.dumps(example)), ("b", json.dumps(other)), ("c", "{not json"), ("d", None)]
    df = spark.createDataFrame(plans, "owner STRING, plan STRING")
    out = cs.review_agenda(df, "2027-01-01", "2027-06-30")
    assert out.columns == ["owner", "row_id", *cs.agenda_schema().names]
    assert spark.createDataFrame([], cs.agenda_ddl()).schema == out.select(*cs.agenda_schema().names).schema
    rows = [r.asDict(recursive=True) for r in out.collect()]
    for owner, text in plans[:2]:
        events = careerplan.agenda(text, "2027-01-01", "2027-06-30")
        mine = sorted(
            (r["date"].isoformat(), r["kind"], r["subject_id"], r["title"])
            for r in rows
            if r["owner"] == owner
        )
        assert mine == sorted((e["date"], e["kind"], e["subject_id"], e["title"]) for e in events)
    errors = {r["owner"]: r["error"]["code"] for r in rows if r["error"]}
    assert errors == {"c": "invalid-json", "d": "invalid-value"}


def test_the_readme_spark_example_runs(spark: Any) -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Spark", 1)[1]
    block = section.split("```py\n", 1)[1].split("```", 1)[0]
    exec(compile(block, "README.md (Spark block)", "exec"), {})
