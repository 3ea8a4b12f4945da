"""careerplan.arrow: the batch functions over the Arrow PyCapsule interface,
checked row for row against the in-process functions, and pickling of the
objects a distributed job's closures capture."""

import json
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, List

import pyarrow as pa
import pytest

import careerplan
import careerplan.arrow as ca

ONET_DIR = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "onet"

GOALS = [
    "Publish 4 posts on the team blog by June 2027.",
    "Try to get better at SQL someday",
    None,
    "Lead the migration of the billing service to Postgres within six months, cutting costs by 20%.",
    "Grow.",
    "Mentor two junior engineers every week until the end of Q3.",
    "",
    "Réussir la certification PMP avant le 30 juin 2027 ✓",
]
TODAY = "2026-11-22"
CRITERIA = ["specific", "measurable", "achievable", "relevant", "time_bound"]


def expected_lint_row(report: Dict[str, Any]) -> Dict[str, Any]:
    row: Dict[str, Any] = {"deadline": report["deadline"]}
    for c in CRITERIA:
        row[f"{c}_met"] = report["criteria"][c]["met"]
        row[f"{c}_score"] = report["criteria"][c]["score"]
    row["codes"] = [d["code"] for d in report["diagnostics"]]
    return row


def lint_rows(batch: object) -> List[Dict[str, Any]]:
    rows = pa.record_batch(batch).to_pylist()
    for row in rows:
        if row["deadline"] is not None:
            row["deadline"] = row["deadline"].isoformat()
    return rows


def test_import_careerplan_does_not_import_pyarrow() -> None:
    code = "import sys, careerplan, careerplan.arrow; print('pyarrow' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("string_type", [pa.string(), pa.large_string(), pa.string_view()])
def test_lint_batch_matches_lint_many_row_for_row(string_type: pa.DataType) -> None:
    texts = pa.array(GOALS, string_type)
    rows = lint_rows(ca.lint_batch(texts, today=TODAY))
    good = [t for t in GOALS if t is not None]
    reports = iter(careerplan.lint_many(good, today=TODAY))
    assert len(rows) == len(GOALS)
    for text, row in zip(GOALS, rows):
        if text is None:
            assert row["error"] == {
                "code": "invalid-value",
                "path": "text",
                "message": "expected a goal statement, got null",
            }
            assert all(v is None for k, v in row.items() if k != "error")
        else:
            assert row.pop("error") is None
            assert row == expected_lint_row(next(reports))


def test_lint_batch_diagnostics_and_a_text_over_the_limit() -> None:
    config = {"limits": {"max_text_bytes": 60}}
    linter = careerplan.Linter(config)
    texts = ["Try to get better at SQL someday", "x" * 61]
    out = pa.record_batch(ca.lint_batch(pa.array(texts), today=TODAY, linter=linter, diagnostics=True))
    report = careerplan.lint_goal(texts[0], today=TODAY)
    assert out.column("diagnostics").to_pylist()[0] == [
        {
            "code": d["code"],
            "criterion": d["criterion"],
            "severity": d["severity"],
            "start": d["span"]["start"],
            "end": d["span"]["end"],
            "message": d["message"],
        }
        for d in report["diagnostics"]
    ]
    error = out.column("error").to_pylist()[1]
    assert (error["code"], error["path"]) == ("limit-exceeded", "text")
    assert out.schema == pa.schema(ca.lint_schema(diagnostics=True))
    # The same with config= instead of linter=; both at once is refused.
    again = pa.record_batch(ca.lint_batch(pa.array(texts), today=TODAY, config=config, diagnostics=True))
    assert again.equals(out)
    with pytest.raises(TypeError):
        ca.lint_batch(pa.array(texts), linter=linter, config=config)


def test_lint_batch_reads_chunked_arrays_tables_and_threads() -> None:
    chunked = pa.chunked_array([GOALS[:3], GOALS[3:]], pa.string())
    whole = pa.record_batch(ca.lint_batch(pa.array(GOALS), today=TODAY))
    assert pa.record_batch(ca.lint_batch(chunked, today=TODAY)).equals(whole)
    table = pa.table({"goal": chunked})
    assert pa.record_batch(ca.lint_batch(table, today=TODAY, threads=1)).equals(whole)
    assert pa.table(ca.lint_batch(pa.array(GOALS), today=TODAY, threads=2)).to_batches()[0].equals(whole)
    with pytest.raises(TypeError, match="one column"):
        ca.lint_batch(pa.table({"a": ["x"], "b": ["y"]}))
    with pytest.raises(TypeError, match="string column"):
        ca.lint_batch(pa.array([1, 2]))
    with pytest.raises(TypeError, match="Arrow data"):
        ca.lint_batch(["a list is not Arrow data"])
    with pytest.raises(ValueError, match="threads"):
        ca.lint_batch(pa.array(["x"]), threads=0)


def test_polars_road() -> None:
    pl = pytest.importorskip("polars")
    series = pl.Series("goal", [g for g in GOALS if g is not None])
    frame = pl.DataFrame(ca.lint_batch(series, today=TODAY))
    reports = careerplan.lint_many(series.to_list(), today=TODAY)
    assert frame["time_bound_score"].to_list() == reports.scores()["time_bound"]
    assert [d.isoformat() if d else None for d in frame["deadline"].to_list()] == reports.deadlines()


PEOPLE = [
    {"id": "ana", "skills": [{"skill": "SQL", "level": 4}, {"skill": "Data analysis", "level": 4}]},
    {"id": "bo", "skills": [{"skill": "Leadership", "level": 3}, {"skill": "Go", "level": 9}]},
    {"id": "cy", "skills": [{"skill": "Patient care", "level": 4, "scale": "dreyfus-5"}]},
    {"id": "di", "skills": []},
]
SKILL_TYPE = pa.list_(pa.struct([("skill", pa.string()), ("level", pa.float64()), ("scale", pa.string())]))


def people_columns(people: List[Dict[str, Any]]) -> Any:
    ids = pa.array([p["id"] for p in people])
    skills = pa.array(
        [[{"skill": s["skill"], "level": s["level"], "scale": s.get("scale")} for s in p["skills"]] for p in people],
        SKILL_TYPE,
    )
    return ids, skills


def test_readiness_top_k_matches_rank_roles() -> None:
    ids, skills = people_columns(PEOPLE)
    rows = pa.record_batch(ca.readiness_batch(ids, skills, k=3)).to_pylist()
    for person, row in zip(PEOPLE, rows):
        assert row["person_id"] == person["id"]
        try:
            expected = careerplan.rank_roles(person, top_k=3)
        except careerplan.InvalidValueError as err:
            assert row["top_roles"] is None
            assert row["error"]["code"] == err.code
            assert "people" not in row["error"]["path"] and row["error"]["path"].endswith("level")
            continue
        assert row["error"] is None
        assert row["top_roles"] == [
            {**{k: e[k] for k in ("rank", "role_id", "title", "readiness", "tier")},
             "unmet_must_have_count": len(e["unmet_must_haves"])}
            for e in expected
        ]
    floor = rows[0]["top_roles"][1]["readiness"]
    above = pa.record_batch(ca.readiness_batch(ids, skills, min_readiness=floor)).to_pylist()
    assert all(e["readiness"] >= floor for e in above[0]["top_roles"])


def test_readiness_wide_and_long_match_gap_matrix() -> None:
    good = [PEOPLE[0], PEOPLE[2], PEOPLE[3]]
    matrix = careerplan.gap_matrix(good)
    ids, skills = people_columns(PEOPLE)
    wide = pa.record_batch(ca.readiness_batch(ids, skills, layout="wide"))
    assert wide.schema.names == ["person_id", *matrix.role_ids, "error"]
    for i, p in enumerate([0, 2, 3]):
        assert [wide.column(r)[p].as_py() for r in matrix.role_ids] == pytest.approx(matrix.row(i))
    assert all(wide.column(r)[1].as_py() is None for r in matrix.role_ids)
    long = pa.record_batch(ca.readiness_batch(ids, skills, layout="long")).to_pylist()
    assert len(long) == 3 * len(matrix.role_ids) + 1
    bad = [r for r in long if r["error"] is not None]
    assert [(r["row"], r["person_id"], r["role_id"]) for r in bad] == [(1, "bo", None)]
    first = [r["readiness"] for r in long if r["row"] == 0]
    assert first == pytest.approx(matrix.row(0))


def test_readiness_rows_with_nulls_are_error_rows() -> None:
    ids = pa.array(["a", "b", "c", None])
    skills = pa.array(
        [None, [None], [{"skill": None, "level": 3.0, "scale": None}], [{"skill": "SQL", "level": 3.0, "scale": None}]],
        SKILL_TYPE,
    )
    rows = pa.record_batch(ca.readiness_batch(ids, skills)).to_pylist()
    assert [r["error"]["path"] if r["error"] else None for r in rows] == ["skills", "skills[0]", "skills[0].skill", None]
    assert rows[3]["person_id"] is None and rows[3]["top_roles"]
    # Integer levels and no scale field read as well.
    int_skills = pa.array([[{"skill": "SQL", "level": 3}]], pa.list_(pa.struct([("skill", pa.string()), ("level", pa.int32())])))
    one = pa.record_batch(ca.readiness_batch(pa.array(["x"]), int_skills)).to_pylist()[0]
    assert one["top_roles"] == pa.record_batch(ca.readiness_batch(ids[3:], skills[3:])).to_pylist()[0]["top_roles"]
    with pytest.raises(ValueError, match="k applies"):
        ca.readiness_batch(ids, skills, layout="wide", k=3)
    with pytest.raises(ValueError, match="rows"):
        ca.readiness_batch(ids[:2], skills)


def agenda_plans(example: Dict[str, Any]) -> List[Any]:
    other = {
        "schema_version": 1,
        "id": "p2",
        "review_policy": {"cadence": "monthly", "anchor": "2027-01-31"},
        "goals": [{"id": "g", "title": "Ship v2", "deadline": "2027-03-31"}],
    }
    broken = {"schema_version": 1, "id": "p3", "goals": [{"id": "g", "title": "t", "deadline": "2027-02-30"}]}
    return [json.dumps(example), None, json.dumps(other), json.dumps(broken), "{"]


def test_agenda_batch_matches_agenda(example: Dict[str, Any]) -> None:
    plans = agenda_plans(example)
    out = pa.record_batch(ca.agenda_batch(pa.array(plans, pa.large_string()), "2027-01-01", "2027-06-30"))
    assert out.schema == pa.schema(ca.agenda_schema())
    rows = out.to_pylist()
    for i, text in enumerate(plans):
        mine = [r for r in rows if r["row"] == i]
        if text is None or i >= 3:
            assert len(mine) == 1 and mine[0]["error"] is not None and mine[0]["date"] is None
            continue
        events = careerplan.agenda(text, "2027-01-01", "2027-06-30")
        plan_id = json.loads(text)["id"]
        assert [(r["plan_id"], r["date"].isoformat(), r["kind"], r["subject_id"], r["title"]) for r in mine] == [
            (plan_id, e["date"], e["kind"], e["subject_id"], e["title"]) for e in events
        ]
    errors = {r["row"]: r["error"] for r in rows if r["error"]}
    assert errors[3]["code"] == "invalid-date" and errors[3]["path"] == "goals[0].deadline"
    assert errors[4]["code"] == "invalid-json"


def test_linter_catalog_and_team_pickle() -> None:
    linter = careerplan.Linter({"today": TODAY, "rules": {"hedge": {"enabled": False}}})
    again = pickle.loads(pickle.dumps(linter))
    assert again.config == linter.config
    assert again.lint("Try to get better at SQL") == linter.lint("Try to get better at SQL")
    catalog = careerplan.builtin_roles()
    copy = pickle.loads(pickle.dumps(catalog))
    assert copy.to_dict() == catalog.to_dict() and copy.onet_stats is None
    team = careerplan.Team(PEOPLE[:1])
    assert pickle.loads(pickle.dumps(team)).to_list() == team.to_list()


def test_onet_catalog_pickles_with_its_stats() -> None:
    if not ONET_DIR.is_dir():
        pytest.fail(f"missing O*NET files: {ONET_DIR}")
    onet = careerplan.RoleCatalog.from_onet(ONET_DIR)
    copy = pickle.loads(pickle.dumps(onet))
    assert copy.onet_stats == onet.onet_stats and copy.attribution == onet.attribution
    assert len(copy) == 879
    ids, skills = people_columns(PEOPLE[:1])
    mine = pa.record_batch(ca.readiness_batch(ids, skills, catalog=copy)).to_pylist()[0]["top_roles"]
    assert [e["role_id"] for e in mine] == [e["role_id"] for e in careerplan.rank_roles(PEOPLE[0], catalog=onet, top_k=5)]


def test_spark_helpers_without_spark() -> None:
    # careerplan.spark imports without PySpark (the platform provides it).
    from careerplan import spark as cs

    made = []

    def make() -> str:
        made.append(1)
        return "built"

    assert cs._cached("test", "same data", make) == cs._cached("test", "same data", make) == "built"
    assert len(made) == 1  # once per worker, not per batch
    assert cs.lint_ddl().startswith("`deadline` DATE, `specific_met` BOOLEAN, `specific_score` TINYINT, ")
    assert "`codes` ARRAY<STRING>" in cs.lint_ddl()
    assert cs.lint_ddl().endswith("`error` STRUCT<`code`: STRING, `path`: STRING, `message`: STRING>")
    assert "`top_roles` ARRAY<STRUCT<`rank`: SMALLINT, `role_id`: STRING" in cs.readiness_ddl()
    assert cs.agenda_ddl().startswith("`plan_id` STRING, `date` DATE, ")
    assert "person_id" not in cs.readiness_schema(layout="wide").names
