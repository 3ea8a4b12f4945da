"""skill_gap / rank_roles / transferable_skills / gap_matrix / RoleCatalog /
profile_from_json_resume over the example plan, the built-in catalog and the
real O*NET 29.2 files in ../shared/data/onet/."""

import copy
import json
import math
import threading
from array import array
from pathlib import Path
from typing import Any, Dict, List

import careerplan
import pytest
from careerplan import (
    CareerPlanError,
    GapMatrix,
    InvalidArgumentError,
    InvalidJsonError,
    InvalidTableError,
    InvalidValueError,
    RoleCatalog,
)

REPO = Path(__file__).resolve().parents[3]
ONET_DIR = REPO.parent / "shared" / "data" / "onet"
TIERS = {"ready_now", "within_a_year", "stretch", "aspirational"}

GAP_KEYS = {"role_id", "readiness", "skills", "title", "tier", "unmet_must_haves", "strengths",
            "unmatched_skills", "total_hours", "confidence", "stale_skills"}
SKILL_KEYS = {"skill", "current", "required", "gap", "weight", "scale", "importance", "must_have",
              "met", "current_normalized", "required_normalized", "gap_normalized", "attainment",
              "contribution", "priority", "hours", "stale"}
RANK_KEYS = {"role_id", "title", "readiness", "tier", "rank", "unmet_must_haves"}


def onet_dir() -> Path:
    for name in ("Skills.txt", "Knowledge.txt", "Occupation Data.txt", "ONET_Read_Me.txt"):
        if not (ONET_DIR / name).is_file():
            pytest.fail(f"missing O*NET test data file: {ONET_DIR / name} "
                        "(the tests expect shared/data/onet/ next to the repository)")
    return ONET_DIR


@pytest.fixture(scope="module")
def onet() -> RoleCatalog:
    return RoleCatalog.from_onet(onet_dir())


def raised(call, *args, **kwargs) -> CareerPlanError:
    with pytest.raises(CareerPlanError) as info:
        call(*args, **kwargs)
    return info.value


# ---- skill_gap -----------------------------------------------------------------

def test_gap_report_of_the_example_person_for_senior_project_manager(example):
    report = careerplan.skill_gap(example, "senior-project-manager")
    assert set(report) == GAP_KEYS
    assert report["role_id"] == "senior-project-manager"
    assert report["title"] == "Senior project manager"
    assert 0.0 <= report["readiness"] <= 1.0
    assert report["tier"] in TIERS and report["tier"] != "ready_now"
    assert report["confidence"] is None, "no reference date given"
    skills = report["skills"]
    assert skills
    for s in skills:
        assert SKILL_KEYS <= set(s) <= SKILL_KEYS | {"assessed_as", "assessed_on", "low_precision",
                                                    "activities"}
        assert 0.0 <= s["attainment"] <= 1.0 and s["gap"] >= 0.0
        assert s["met"] == (s["priority"] is None)
    # The readiness is the importance-weighted attainment, and the
    # contributions add up to it.
    total = sum(s["importance"] for s in skills)
    by_formula = sum(s["importance"] * s["attainment"] for s in skills) / total
    assert math.isclose(report["readiness"], by_formula, abs_tol=1e-9)
    assert math.isclose(sum(s["contribution"] for s in skills), report["readiness"], abs_tol=1e-9)
    assert math.isclose(sum(s["weight"] for s in skills), 1.0, abs_tol=1e-9)
    # Levels on dreyfus-5 on both sides: attainment is current / required.
    levels = {a["skill"]: a["level"] for a in example["profile"]["skills"]
              if a.get("scale", "dreyfus-5") == "dreyfus-5"}
    for s in skills:
        written = s.get("assessed_as")
        if written in levels and s["scale"] == "dreyfus-5":
            assert s["current"] == levels[written]
            assert math.isclose(s["attainment"], min(s["current"] / s["required"], 1.0), abs_tol=1e-9)
    pm = next(s for s in skills if s["skill"] == "Project management")
    assert (pm["current"], pm["required"], pm["gap"], pm["hours"]) == (3, 5, 2, 80)
    assert "Leadership" in report["unmet_must_haves"]
    gaps = [s["priority"] for s in skills if s["priority"] is not None]
    assert gaps == list(range(1, len(gaps) + 1))
    assert math.isclose(report["total_hours"], sum(s["hours"] for s in skills), abs_tol=1e-9)


def test_skill_gap_reads_plans_profiles_and_people_alike(example):
    expected = careerplan.skill_gap(example, "senior-project-manager")
    profile = example["profile"]
    person = {"id": "jordan", "skills": profile["skills"]}
    for whom in (json.dumps(example), profile, json.dumps(profile), person):
        assert careerplan.skill_gap(whom, "senior-project-manager") == expected
    role = careerplan.builtin_roles().role("senior-project-manager")
    assert careerplan.skill_gap(example, role) == expected
    assert careerplan.skill_gap(example, "senior-project-manager",
                                catalog=careerplan.builtin_roles()) == expected


def test_skill_gap_options_date_and_learning(example):
    learning = {"activities": [
        {"id": "pmp", "title": "PMP exam prep", "kind": "certification",
         "skill": "Project management", "from_level": 2, "to_level": 5, "hours": 35},
    ]}
    report = careerplan.skill_gap(example, "senior-project-manager",
                                  {"today": "2028-01-01", "hours_per_step": 10, "learning": learning})
    assert report["confidence"] == 0.0, "every assessment is more than a year old by 2028"
    assert "Project management" in report["stale_skills"]
    pm = next(s for s in report["skills"] if s["skill"] == "Project management")
    assert pm["hours"] == 20 and pm["stale"] is True
    assert [a["id"] for a in pm["activities"]] == ["pmp"]


def test_a_role_dict_with_a_custom_scale(example):
    role = {"id": "pm-lite", "title": "PM (lite)", "requirements": [
        {"skill": "Project management", "level": 3, "importance": 5, "required": True},
        {"skill": "Leadership", "level": 6, "scale": "ten", "importance": 1}]}
    options = {"scales": [{"id": "ten", "min": 0, "max": 10}]}
    report = careerplan.skill_gap(example, role, options)
    assert report["unmet_must_haves"] == []
    lead = next(s for s in report["skills"] if s["skill"] == "Leadership")
    assert lead["scale"] == "ten" and lead["current"] == 4  # dreyfus 2 = 0.4 of the axis
    err = raised(careerplan.skill_gap, example, role)
    assert (err.code, err.path) == ("invalid-value", "requirements[1].scale")


def test_skill_gap_errors_have_codes_and_paths(example):
    err = raised(careerplan.skill_gap, example, "senior-pm")
    assert isinstance(err, InvalidArgumentError) and err.path == "role"
    err = raised(careerplan.skill_gap, example, "project-mgr", catalog=careerplan.builtin_roles())
    assert err.path == "role"
    err = raised(careerplan.skill_gap, example, "project-manager", {"hours": 10})
    assert isinstance(err, InvalidValueError) and err.path == "options.hours"
    err = raised(careerplan.skill_gap, example, "project-manager", {"hours_per_step": -1})
    assert isinstance(err, InvalidArgumentError) and err.path == "options.hours_per_step"
    bad = copy.deepcopy(example)
    bad["profile"]["skills"][1]["level"] = 9
    err = raised(careerplan.skill_gap, bad, "project-manager")
    assert (err.code, err.path) == ("invalid-value", "profile.skills[1].level")
    err = raised(careerplan.skill_gap, {"skills": [{"skill": "SQL", "level": "high"}]}, "data-analyst")
    assert (err.code, err.path) == ("invalid-value", "profile.skills[0].level")
    err = raised(careerplan.skill_gap, "{", "data-analyst")
    assert isinstance(err, InvalidJsonError)
    with pytest.raises(TypeError):
        careerplan.skill_gap(example, {"id": "x", "title": "X"}, catalog=careerplan.builtin_roles())
    with pytest.raises(TypeError):
        careerplan.skill_gap([example], "project-manager")
    with pytest.raises(TypeError):
        careerplan.skill_gap(example, 42)


# ---- rank_roles ----------------------------------------------------------------

def test_ranking_is_ordered_and_tiered(example):
    ranking = careerplan.rank_roles(example)
    assert len(ranking) == len(careerplan.builtin_roles())
    for i, e in enumerate(ranking):
        assert set(e) == RANK_KEYS
        assert e["rank"] == i + 1
        assert 0.0 <= e["readiness"] <= 1.0 and e["tier"] in TIERS
    keys = [(-e["readiness"], e["role_id"]) for e in ranking]
    assert keys == sorted(keys), "readiness descending, ties by role id"
    ids = [e["role_id"] for e in ranking[:5]]
    assert "project-manager" in ids and "project-coordinator" in ids
    assert careerplan.rank_roles(example, top_k=5) == ranking[:5]
    assert careerplan.rank_roles(example, None, 0) == []
    # Each entry's readiness is the gap report's, to six decimals.
    for e in ranking[:8]:
        report = careerplan.skill_gap(example, e["role_id"])
        assert abs(report["readiness"] - e["readiness"]) <= 1e-6
        assert sorted(e["unmet_must_haves"]) == sorted(report["unmet_must_haves"])


def test_ranking_options_and_catalog_forms(example):
    ranking = careerplan.rank_roles(example)
    data = careerplan.builtin_roles().to_dict()
    assert careerplan.rank_roles(example, data) == ranking
    assert careerplan.rank_roles(example, json.dumps(data["roles"])) == ranking
    assert careerplan.rank_roles(example, RoleCatalog(data)) == ranking
    # Stricter tiers move nothing in the order, only the labels.
    strict = careerplan.rank_roles(example, options={"tiers": {"ready_now": 1.0, "within_a_year": 0.99,
                                                               "stretch": 0.98}})
    assert [e["role_id"] for e in strict] == [e["role_id"] for e in ranking]
    assert {e["tier"] for e in strict} == {"aspirational"}
    err = raised(careerplan.rank_roles, example, options={"tiers": {"stretch": 2}})
    assert isinstance(err, InvalidArgumentError) and err.path.startswith("options.tiers")
    err = raised(careerplan.rank_roles, example, options={"tier": {}})
    assert err.path == "options.tier"


# ---- transferable_skills --------------------------------------------------------

def test_transferable_skills_for_a_nurse_becoming_charge_nurse():
    t = careerplan.transferable_skills({}, "registered-nurse", "charge-nurse")
    assert set(t) == {"from_role_id", "to_role_id", "readiness_before", "readiness_after",
                      "transferable", "transfer_share", "new_skills"}
    assert (t["from_role_id"], t["to_role_id"]) == ("registered-nurse", "charge-nurse")
    assert t["readiness_before"] == 0.0 < t["readiness_after"] <= 1.0
    care = next(s for s in t["transferable"] if s["skill"] == "Patient care")
    assert care["source"] == "from_role" and care["covers"] is False
    assert "Leadership" in t["new_skills"]
    assert math.isclose(t["transfer_share"], sum(s["weight"] for s in t["transferable"]), abs_tol=1e-12)
    roles = careerplan.builtin_roles()
    by_dict = careerplan.transferable_skills({}, roles.role("registered-nurse"), roles.role("charge-nurse"))
    assert by_dict == t


def test_transferable_skills_errors():
    err = raised(careerplan.transferable_skills, {}, "nurse", "charge-nurse")
    assert (err.code, err.path) == ("invalid-argument", "from_role")
    err = raised(careerplan.transferable_skills, {}, "registered-nurse", "charge")
    assert err.path == "to_role"
    err = raised(careerplan.transferable_skills, {}, {"id": "a", "title": "A", "requirements": [
        {"skill": "x", "level": 9}]}, {"id": "b", "title": "B"})
    assert (err.code, err.path) == ("invalid-value", "from_role.requirements[0].level")
    with pytest.raises(TypeError):
        careerplan.transferable_skills({}, "registered-nurse", {"id": "b", "title": "B"})


# ---- catalogs --------------------------------------------------------------------

def test_builtin_catalog():
    roles = careerplan.builtin_roles()
    assert roles is careerplan.builtin_roles()
    assert isinstance(roles, RoleCatalog) and len(roles) >= 25
    ids = {r["id"] for r in roles.roles}
    assert {"project-manager", "senior-project-manager", "team-lead", "registered-nurse",
            "charge-nurse", "data-analyst"} <= ids
    assert "illustrative" in (roles.to_dict().get("note") or "").lower()
    assert roles.onet_stats is None and roles.attribution is None
    assert RoleCatalog.from_json(roles.to_json()).to_dict() == roles.to_dict()
    assert "roles" in repr(roles)
    err = raised(roles.role, "nurse")
    assert err.code == "invalid-argument" and "registered-nurse" in str(err)


def test_catalog_errors_have_paths(example):
    err = raised(RoleCatalog.from_json, '{"roles": [{"id": "a", "title": "A", '
                                        '"requirements": [{"skill": "x", "level": "high"}]}]}')
    assert (err.code, err.path) == ("invalid-value", "roles[0].requirements[0].level")
    err = raised(RoleCatalog.from_json, "[")
    assert isinstance(err, InvalidJsonError)
    # A catalog is checked when first used.
    dup = RoleCatalog([{"id": "a", "title": "A"}, {"id": "a", "title": "B"}])
    err = raised(careerplan.rank_roles, example, dup)
    assert (err.code, err.path) == ("invalid-value", "roles[1].id")
    with pytest.raises(TypeError):
        RoleCatalog.from_json(3)


def test_onet_catalog_from_the_real_files(onet, example):
    assert len(onet) == 879
    stats = onet.onet_stats
    assert stats["occupations"] == 879 and stats["missing_titles"] == []
    assert stats["not_relevant_dropped"] > 0 and stats["suppressed_kept"] > 0
    assert "O*NET 29.2 Database" in (onet.attribution or "")
    ceo = onet.role("11-1011.00")
    assert ceo["title"] == "Chief Executives"
    reading = next(r for r in ceo["requirements"] if r.get("external_id") == "2.A.1.a")
    assert (reading["skill"], reading["level"], reading["importance"], reading["scale"]) == (
        "Reading Comprehension", 4.62, 4.12, "onet-level-0-7")
    assert reading["required"] is True

    ranking = careerplan.rank_roles(example, onet, top_k=10)
    assert [e["rank"] for e in ranking] == list(range(1, 11))
    assert all(e["attribution"] == onet.attribution for e in ranking)
    assert all(not math.isnan(e["readiness"]) for e in careerplan.rank_roles(example, onet))
    report = careerplan.skill_gap(example, ranking[0]["role_id"], catalog=onet)
    assert report["attribution"] == onet.attribution
    assert abs(report["readiness"] - ranking[0]["readiness"]) <= 1e-6


def test_onet_import_options_and_skills_only():
    skills_only = RoleCatalog.from_onet(str(onet_dir()), {"version": "29.2-test"}, knowledge=False)
    assert len(skills_only) == 879
    assert "O*NET 29.2-test Database" in (skills_only.attribution or "")
    ceo = skills_only.role("11-1011.00")
    assert len(ceo["requirements"]) <= 35
    kept = RoleCatalog.from_onet(onet_dir(), {"not_relevant": "keep"}, knowledge=False)
    assert kept.onet_stats["not_relevant_kept"] == skills_only.onet_stats["not_relevant_dropped"]
    err = raised(RoleCatalog.from_onet, onet_dir(), {"not_relevant": "ignore"})
    assert err.path == "options.not_relevant"


def test_onet_import_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match="Skills.txt"):
        RoleCatalog.from_onet(tmp_path)
    header = (onet_dir() / "Skills.txt").read_text(encoding="utf-8").splitlines()[0]
    (tmp_path / "Skills.txt").write_text(
        f"{header}\n11-1011.00\t2.A.1.a\tReading Comprehension\tIM\tlots\t8\t0.1\t3\t4\tN\t\t08/2023\tAnalyst\n",
        encoding="utf-8")
    with pytest.raises(InvalidTableError) as info:
        RoleCatalog.from_onet(tmp_path)
    assert info.value.code == "invalid-table"
    assert info.value.path == "Skills.txt:2"
    assert isinstance(info.value, CareerPlanError)


# ---- gap_matrix -------------------------------------------------------------------

def people_of_all_kinds(example) -> List[Any]:
    return [
        example,  # a plan
        {"id": "ana", "name": "Ana", "skills": [  # a person
            {"skill": "SQL", "level": 4}, {"skill": "Data analysis", "level": 4.5},
            {"skill": "Spreadsheets", "level": 5, "scale": "dreyfus-5"}]},
        {"skills": [{"skill": "Patient care", "level": 80, "scale": "percent"}]},  # a profile
        json.dumps({"id": "ben", "skills": [{"skill": "Leadership", "level": 4}]}),  # JSON text
        {"id": "cy", "skills": [{"skill": "Coordination", "level": 3.5, "scale": "onet-level-0-7",
                                 "assessed_on": "2026-01-01", "x-note": "kept"}]},
        {"id": "dee", "skills": []},
    ]


def check_matrix_against_rankings(matrix: GapMatrix, people: List[Any], catalog) -> None:
    roles = matrix.role_ids
    for p, person in enumerate(people):
        row = matrix.row(p)
        assert len(row) == len(roles)
        for e in careerplan.rank_roles(person, catalog):
            r = roles.index(e["role_id"])
            assert abs(row[r] - e["readiness"]) <= 1.5e-6, (p, e)
            assert matrix.get(p, r) == row[r]


def test_gap_matrix_equals_per_person_rankings(example):
    people = people_of_all_kinds(example)
    matrix = careerplan.gap_matrix(people)
    assert isinstance(matrix, GapMatrix)
    assert matrix.person_ids == [example["id"], "ana", "", "ben", "cy", "dee"]
    assert matrix.role_ids == [r["id"] for r in careerplan.builtin_roles().roles]
    assert matrix.shape == (6, len(matrix.role_ids)) and len(matrix) == 6
    assert matrix.attribution is None
    check_matrix_against_rankings(matrix, people, None)
    assert all(c == 0.0 for c in matrix.row(5))


def test_gap_matrix_over_onet(example, onet):
    people = people_of_all_kinds(example)
    matrix = careerplan.gap_matrix(people, onet)
    assert matrix.shape == (6, 879)
    assert matrix.attribution == onet.attribution
    check_matrix_against_rankings(matrix, people, onet)


def test_gap_matrix_readiness_view_and_dict(example):
    people = people_of_all_kinds(example)
    matrix = careerplan.gap_matrix(people)
    view = matrix.readiness
    assert isinstance(view, memoryview) and view.readonly and view.format == "f"
    n_people, n_roles = matrix.shape
    assert len(view) == n_people * n_roles
    assert array("f", view.tobytes()).tolist() == [c for p in range(n_people) for c in matrix.row(p)]
    with pytest.raises(TypeError):
        view[0] = 1.0
    data = matrix.to_dict()
    assert set(data) == {"person_ids", "role_ids", "readiness"}
    assert data["readiness"] == [matrix.row(p) for p in range(n_people)]
    with pytest.raises(IndexError):
        matrix.get(n_people, 0)
    with pytest.raises(IndexError):
        matrix.get(0, n_roles)
    with pytest.raises(IndexError):
        matrix.row(n_people)
    empty = careerplan.gap_matrix([])
    assert empty.shape == (0, n_roles) and len(empty.readiness) == 0
    assert empty.to_dict()["readiness"] == []


def test_gap_matrix_reads_dicts_and_json_text_the_same(example):
    # Plain person dicts take a faster conversion than JSON text; both must
    # give the very same cells.
    people = [{"id": f"p{i}", "skills": [
        {"skill": s, "level": (i * 7 + k) % 5 + 1} for k, s in enumerate(
            ["Project management", "Leadership", "SQL", "Budgeting", "Communication"][: 1 + i % 5])
    ]} for i in range(50)]
    people[3]["name"] = "Named"
    people[4]["skills"][0]["scale"] = "dreyfus-5"
    people[5]["skills"][0]["level"] = 2.5
    as_dicts = careerplan.gap_matrix(people)
    as_text = careerplan.gap_matrix([json.dumps(p) for p in people])
    assert as_dicts.readiness.tobytes() == as_text.readiness.tobytes()
    assert as_dicts.person_ids == as_text.person_ids


def test_team_reads_people_once_and_gives_the_same_matrix(example, onet):
    people = people_of_all_kinds(example)
    team = careerplan.Team(people)
    assert len(team) == 6 and "6 people" in repr(team)
    assert team.person_ids == [example["id"], "ana", "", "ben", "cy", "dee"]
    listed = team.to_list()
    # As the model reads them: a rating without a scale is on the default one.
    assert listed[1]["id"] == "ana" and listed[1]["skills"][0] == {"skill": "SQL", "level": 4, "scale": "dreyfus-5"}
    assert listed[4]["skills"][0]["x-note"] == "kept"
    for catalog in (None, onet):
        assert (careerplan.gap_matrix(team, catalog).readiness.tobytes()
                == careerplan.gap_matrix(people, catalog).readiness.tobytes())
    # A team is read when made: later changes to the dicts do not reach it.
    before = careerplan.gap_matrix(team).readiness.tobytes()
    people[1]["skills"][0]["level"] = 1
    assert careerplan.gap_matrix(team).readiness.tobytes() == before
    assert careerplan.gap_matrix(careerplan.Team([])).shape == (0, len(team_roles()))
    bad = copy.deepcopy(people_of_all_kinds(example))
    bad[1]["skills"][2]["level"] = 7
    # A level is checked against the scales of the catalog it meets.
    err = raised(careerplan.gap_matrix, careerplan.Team(bad))
    assert (err.code, err.path) == ("invalid-value", "people[1].skills[2].level")
    err = raised(careerplan.Team, [{"id": "x"}, {"id": 3}])
    assert (err.code, err.path) == ("invalid-value", "people[1].id")
    with pytest.raises(TypeError):
        careerplan.Team(example)


def team_roles() -> List[Any]:
    return careerplan.builtin_roles().roles


def test_gap_matrix_errors_name_the_person(example):
    people = people_of_all_kinds(example)
    people[1] = copy.deepcopy(people[1])
    people[1]["skills"][2]["level"] = 7
    err = raised(careerplan.gap_matrix, people)
    assert (err.code, err.path) == ("invalid-value", "people[1].skills[2].level")
    err = raised(careerplan.gap_matrix, [{"id": "x", "skills": [{"skill": "SQL", "level": True}]}])
    assert (err.code, err.path) == ("invalid-value", "people[0].skills[0].level")
    err = raised(careerplan.gap_matrix, [{"id": "x"}, {"id": 3}])
    assert err.path == "people[1].id"
    bad_plan = copy.deepcopy(example)
    bad_plan["goals"][0]["deadline"] = "2027-02-30"
    err = raised(careerplan.gap_matrix, [bad_plan])
    assert (err.code, err.path) == ("invalid-date", "people[0].goals[0].deadline")
    err = raised(careerplan.gap_matrix, ["{"])
    assert (err.code, err.path) == ("invalid-json", "people[0]")
    with pytest.raises(TypeError):
        careerplan.gap_matrix(example)
    with pytest.raises(TypeError):
        careerplan.gap_matrix([1])


def test_gap_matrix_from_many_threads_agree(example, onet):
    people = people_of_all_kinds(example) * 20
    expected = careerplan.gap_matrix(people, onet).readiness.tobytes()
    results: Dict[int, bytes] = {}

    def work(i: int) -> None:
        results[i] = careerplan.gap_matrix(people, onet).readiness.tobytes()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == {i: expected for i in range(4)}


# ---- JSON Resume --------------------------------------------------------------------

RESUME = {
    "basics": {"name": "Sam Rivera", "label": "Data analyst"},
    "skills": [
        {"name": "SQL", "level": "Advanced", "keywords": ["PostgreSQL"]},
        {"name": "Data analysis", "level": "Master"},
        {"name": "Go", "level": "Wizard"},
        {"name": "Spreadsheets"},
    ],
}


def test_json_resume_import_reports_unknown_level_words():
    imported = careerplan.profile_from_json_resume(RESUME)
    assert set(imported) == {"profile", "name", "label", "issues"}
    assert (imported["name"], imported["label"]) == ("Sam Rivera", "Data analyst")
    skills = {s["skill"]: (s["level"], s["scale"]) for s in imported["profile"]["skills"]}
    assert skills == {"SQL": (4, "dreyfus-5"), "PostgreSQL": (4, "dreyfus-5"),
                      "Data analysis": (5, "dreyfus-5")}
    issues = {(i["path"], i["kind"]) for i in imported["issues"]}
    assert issues == {("skills[2].level", "unknown_level"), ("skills[3].level", "missing_level")}
    wizard = next(i for i in imported["issues"] if i["kind"] == "unknown_level")
    assert (wizard["skill"], wizard["level"]) == ("Go", "Wizard")
    assert careerplan.profile_from_json_resume(json.dumps(RESUME)) == imported
    # The imported profile feeds a gap report.
    report = careerplan.skill_gap(imported["profile"], "data-analyst")
    assert 0.0 < report["readiness"] <= 1.0


def test_json_resume_options_and_errors():
    imported = careerplan.profile_from_json_resume(
        RESUME, {"levels": {"wizard": 5}, "default_level": 2, "keywords": False,
                 "assessed_on": "2026-11-01"})
    assert imported["issues"] == []
    skills = {s["skill"]: s["level"] for s in imported["profile"]["skills"]}
    assert skills == {"SQL": 4, "Data analysis": 5, "Go": 5, "Spreadsheets": 2}
    assert {s["assessed_on"] for s in imported["profile"]["skills"]} == {"2026-11-01"}
    err = raised(careerplan.profile_from_json_resume, RESUME, {"level": {}})
    assert (err.code, err.path) == ("invalid-value", "options.level")
    err = raised(careerplan.profile_from_json_resume, {"skills": {"name": "SQL"}})
    assert (err.code, err.path) == ("invalid-value", "skills")
    err = raised(careerplan.profile_from_json_resume, "{")
    assert isinstance(err, InvalidJsonError)
    with pytest.raises(TypeError):
        careerplan.profile_from_json_resume(["SQL"])


def test_docstrings_come_from_rust():
    for f in (careerplan.skill_gap, careerplan.rank_roles, careerplan.transferable_skills,
              careerplan.gap_matrix, careerplan.builtin_roles, careerplan.profile_from_json_resume,
              RoleCatalog.from_onet, RoleCatalog.from_json):
        assert f.__doc__ and len(f.__doc__) > 40, f
    assert "memoryview" in (GapMatrix.__doc__ or "")


def test_onet_results_match_their_typeddicts(onet: RoleCatalog, example: Dict[str, Any]):
    from test_types import problems  # the runtime TypedDict checker
    from careerplan import types as t

    assert problems(onet.onet_stats, t.OnetStats) == []
    role_id = onet.roles[0]["id"]
    for result, tp in [
        (careerplan.skill_gap(example, role_id, catalog=onet), t.GapReport),
        (careerplan.rank_roles(example, onet, top_k=3), List[t.RankEntry]),
    ]:
        assert "attribution" in str(result), "O*NET results carry its attribution"
        assert problems(result, tp) == []
