"""What a new user hits first, kept on the Python face (issue 17): batches
that lose only the bad item, a byte-order mark skipped, coded errors for bad
arguments, one shape for unmet must-haves."""

from pathlib import Path

import careerplan
import pytest
from careerplan import CareerPlanError, InvalidArgumentError, LimitExceededError

TODAY = "2026-11-22"
BOM = "\ufeff"
LONG = "grow " * 14_000
ONET_DIR = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "onet"  # 70,000 bytes: over max_text_bytes (64 KiB)


def test_lint_many_raises_on_a_long_text_by_default():
    with pytest.raises(LimitExceededError) as info:
        careerplan.lint_many(["Grow.", LONG], today=TODAY)
    assert (info.value.code, info.value.path) == ("limit-exceeded", "texts[1]")


def test_lint_many_errors_item_costs_the_bad_text_only():
    texts = ["Try to get better at sales soon.", LONG, "Pass the CCNA exam by June 2027."]
    for reports in (careerplan.lint_many(texts, today=TODAY, errors="item"),
                    careerplan.Linter().lint_many(texts, today=TODAY, errors="item")):
        assert len(reports) == 3
        assert reports[0] == careerplan.lint_goal(texts[0], today=TODAY)
        assert reports[2]["deadline"] == "2027-06-30"
        assert reports[1] == {"error": {
            "code": "limit-exceeded",
            "message": "the text has 70000 bytes, more than the limit of 65536 for one goal "
                       "statement (limit max_text_bytes)",
            "path": "texts[1]",
            "limit": "max_text_bytes",
        }}
        assert reports.errors() == {1: reports[1]}
        assert reports.deadlines() == [None, None, "2027-06-30"]
        assert reports.scores()["time_bound"][1] is None
        assert reports.scores()["time_bound"][2] == 100
        assert reports.to_list()[1] == reports[1]
    # Without a failure, "item" gives what "raise" gives.
    ok = ["Grow.", texts[2]]
    same = careerplan.lint_many(ok, today=TODAY, errors="item")
    assert same == careerplan.lint_many(ok, today=TODAY)
    assert same.errors() == {}
    with pytest.raises(InvalidArgumentError) as info:
        careerplan.lint_many(ok, errors="skip")
    assert info.value.path == "errors"


def test_a_byte_order_mark_is_skipped_with_spans_in_the_text_given(example_text):
    assert careerplan.load_plan(BOM + example_text) == careerplan.load_plan(example_text)
    assert careerplan.validate_plan(BOM + example_text) == []
    text = "Try to get better at sales soon."
    plain = careerplan.lint_goal(text, today=TODAY)
    marked = careerplan.lint_goal(BOM + text, today=TODAY)
    assert marked["text"] == BOM + text
    assert [d["code"] for d in marked["diagnostics"]] == [d["code"] for d in plain["diagnostics"]]
    data = (BOM + text).encode("utf-8")
    for d, p in zip(marked["diagnostics"], plain["diagnostics"]):
        assert d["span"] == {"start": p["span"]["start"] + 3, "end": p["span"]["end"] + 3}
        assert data[d["span"]["start"]:d["span"]["end"]].decode() == \
            text.encode()[p["span"]["start"]:p["span"]["end"]].decode()
    catalog = careerplan.builtin_roles().to_json()
    assert len(careerplan.RoleCatalog.from_json(BOM + catalog)) == len(careerplan.builtin_roles())


@pytest.mark.parametrize("top_k", [-1, -(2**70)])
def test_rank_roles_top_k_below_zero_is_a_coded_error(example, top_k):
    with pytest.raises(InvalidArgumentError) as info:
        careerplan.rank_roles(example, top_k=top_k)
    assert (info.value.code, info.value.path) == ("invalid-argument", "top_k")
    assert isinstance(info.value, CareerPlanError)
    assert len(careerplan.rank_roles(example, top_k=2**70)) == len(careerplan.builtin_roles())
    assert careerplan.rank_roles(example, top_k=0) == []
    with pytest.raises(TypeError):
        careerplan.rank_roles(example, top_k="3")  # type: ignore[arg-type]


def test_unmet_must_haves_is_a_list_in_rankings_and_gaps(example):
    ranking = careerplan.rank_roles(example)
    assert all(isinstance(e["unmet_must_haves"], list) for e in ranking)
    for entry in ranking:
        gap = careerplan.skill_gap(example, entry["role_id"])
        assert sorted(entry["unmet_must_haves"]) == sorted(gap["unmet_must_haves"])


def test_catalog_coverage_and_the_onet_crosswalk(example):
    builtin = careerplan.catalog_coverage(example)
    assert builtin["skills"] == 7 and builtin["share"] == 1.0 and builtin["low"] is False
    assert "warning" not in builtin
    odd = {"skills": [{"skill": "SQL", "level": 3}, {"skill": "Basket weaving", "level": 4},
                      {"skill": "Juggling", "level": 2}]}
    low = careerplan.catalog_coverage(odd)
    assert (low["covered"], low["uncovered"], low["low"]) == (["SQL"], ["Basket weaving", "Juggling"], True)
    assert "Basket weaving" in low["warning"]
    onet = careerplan.RoleCatalog.from_onet(ONET_DIR)
    through = careerplan.catalog_coverage(example, catalog=onet)
    assert "Project management" in through["via_crosswalk"]
    assert through["share"] == 1.0
    # The crosswalk lifts the readiness of a coordinator-turned-PM above the
    # near-zero of names that match nothing.
    top = careerplan.rank_roles(example, catalog=onet, top_k=1)[0]
    assert top["readiness"] > 0.3, top
    gap = careerplan.skill_gap(example, top["role_id"], catalog=onet)
    assert abs(gap["readiness"] - top["readiness"]) < 1e-6
