"""The SMART linter from Python: lint_goal, lint_many, lint_plan, Linter, rules."""

import collections.abc
import datetime
import json
import random
from typing import Any, Dict, List

import careerplan
import pytest
from careerplan import CareerPlanError, InvalidDateError, InvalidValueError, Linter

TODAY = "2026-11-22"
VAGUE = "Try to get better at leadership and communication so that I can advance in my career someday."
SPECIFIC = "Earn the AWS Solutions Architect Professional certification by March 15, 2027."

REPORT_KEYS = ["text", "deadline", "criteria", "diagnostics", "time_expressions"]
CRITERIA = ["specific", "measurable", "achievable", "relevant", "time_bound"]
DIAGNOSTIC_KEYS = ["code", "criterion", "severity", "message", "span", "suggestion"]


def codes(report: Dict[str, Any]) -> List[str]:
    """Every diagnostic code, merged ones included."""
    return [c for d in report["diagnostics"] for c in [d["code"], *d.get("also", [])]]


def covered(text: str, span: Dict[str, int]) -> str:
    """The text a byte span covers; fails unless it is on character boundaries."""
    data = text.encode("utf-8")
    assert 0 <= span["start"] <= span["end"] <= len(data), (span, text)
    return data[span["start"]:span["end"]].decode("utf-8")


def check_shape(report: Dict[str, Any]) -> None:
    """The lint contract of docs/CONTRACTS.md, key order included, then time_expressions."""
    assert list(report) == REPORT_KEYS
    assert isinstance(report["text"], str)
    assert report["deadline"] is None or datetime.date.fromisoformat(report["deadline"])
    assert list(report["criteria"]) == CRITERIA
    for verdict in report["criteria"].values():
        assert list(verdict) == ["met", "score"]
        assert verdict["met"] in (True, False, None)
        assert isinstance(verdict["score"], int) and 0 <= verdict["score"] <= 100
    for d in report["diagnostics"]:
        assert list(d)[:6] == DIAGNOSTIC_KEYS
        assert set(d) <= {*DIAGNOSTIC_KEYS, "fix", "also"}, d
        assert d["criterion"] in CRITERIA
        assert d["severity"] in ("info", "warning", "error")
        assert list(d["span"]) == ["start", "end"]
        assert d["suggestion"] is None or isinstance(d["suggestion"], str)
        covered(report["text"], d["span"])
        if "fix" in d:
            assert set(d["fix"]) == {"span", "replacement", "applicability"}
            assert d["fix"]["applicability"] in ("safe", "unsafe", "display-only")
            covered(report["text"], d["fix"]["span"])
        assert "span_utf16" not in d, "UTF-16 spans are for JavaScript"
    for e in report["time_expressions"]:
        assert covered(report["text"], e["span"]) == e["text"]
        assert {"span", "text", "kind", "date", "unknown_anchor", "deadline"} <= set(e)


def test_report_is_the_contract_shape():
    for text in (VAGUE, SPECIFIC, "", "Publish 4 posts every month by EOM."):
        report = careerplan.lint_goal(text, today=TODAY)
        check_shape(report)
        assert report["text"] == text
        # Plain data all the way down: it is its own JSON.
        assert json.loads(json.dumps(report)) == report


def test_vague_goal_fails_specific_measurable_time_bound():
    report = careerplan.lint_goal(VAGUE, today=TODAY)
    c = report["criteria"]
    assert (c["specific"]["met"], c["measurable"]["met"], c["time_bound"]["met"]) == (False, False, False)
    assert c["relevant"]["met"] is None, "no plan context: not judged"
    assert report["deadline"] is None
    found = {d["code"]: covered(VAGUE, d["span"]) for d in report["diagnostics"]}
    assert found["hedge"] == "Try to"
    assert found["vague-deadline"] == "someday"
    assert "vague-outcome" in found
    hedge = next(d for d in report["diagnostics"] if d["code"] == "hedge")
    assert "Try to" in hedge["message"] and hedge["suggestion"]


def test_specific_goal_passes():
    report = careerplan.lint_goal(SPECIFIC, today=TODAY)
    c = report["criteria"]
    assert (c["specific"]["met"], c["measurable"]["met"], c["time_bound"]["met"]) == (True, True, True)
    assert report["deadline"] == "2027-03-15"
    assert [d for d in report["diagnostics"] if d["severity"] != "info"] == []
    (expr,) = report["time_expressions"]
    assert (expr["text"], expr["kind"], expr["date"], expr["deadline"]) == (
        "by March 15, 2027", "date", "2027-03-15", True)


def test_deadline_resolves_against_today():
    text = "Pass the CCNA exam within a month."
    assert careerplan.lint_goal(text, today="2026-11-22")["deadline"] == "2026-12-22"
    # Month arithmetic clamps to the month's end.
    assert careerplan.lint_goal(text, today=datetime.date(2027, 1, 31))["deadline"] == "2027-02-28"
    assert careerplan.lint_goal("Publish a paper by June.", today="2027-07-01")["deadline"] == "2028-06-30"
    # A date object and its string are the same argument.
    assert careerplan.lint_goal(SPECIFIC, today=datetime.date(2026, 11, 22)) == careerplan.lint_goal(
        SPECIFIC, today=TODAY)
    # `today` wins over the config's, which wins over the system clock.
    config = {"today": "2020-01-01"}
    assert careerplan.lint_goal(text, config=config)["deadline"] == "2020-02-01"
    assert careerplan.lint_goal(text, today=TODAY, config=config)["deadline"] == "2026-12-22"
    # A deadline already past is unachievable.
    late = careerplan.lint_goal(SPECIFIC, today="2027-06-01")
    assert late["criteria"]["achievable"]["met"] is False
    assert "deadline-passed" in codes(late)


def test_context_is_used():
    text = "Pass the CCNA exam."
    alone = careerplan.lint_goal(text, today=TODAY)
    assert alone["deadline"] is None and alone["criteria"]["time_bound"]["met"] is False
    ctx = {"deadline": "2027-03-31", "linked_values": ["growth"], "values": ["growth"]}
    with_ctx = careerplan.lint_goal(text, today=TODAY, context=ctx)
    assert with_ctx["deadline"] == "2027-03-31"
    assert with_ctx["criteria"]["time_bound"]["met"] is True
    assert with_ctx["criteria"]["relevant"] == {"met": True, "score": 100}
    # The `today` argument is the context's reference date.
    assert with_ctx == careerplan.lint_goal(text, context={**ctx, "today": TODAY})


def generated_goals(n: int, seed: int = 7) -> List[str]:
    rng = random.Random(seed)
    verbs = ["Earn", "Lead", "Publish", "Try to improve", "Grow", "Mentor", "Complete", "Maybe launch"]
    objects = ["the PMP certification", "a team of 6 engineers", "two articles on analytics",
               "my leadership", "café operations", "the 日本語 onboarding guide", "🚀 rocket launches",
               "مشروع التحليل", "more", "average resolution time by 20%", "3,000 hours of practice"]
    deadlines = ["within six months", "by the end of Q3 2027", "by March 15, 2027", "someday", "",
                 "in two and a half years", "every month", "by 03/04/2027", "within 6 months of graduation",
                 "by 2020", "soon", "within a fortnight", "next quarter"]
    out = []
    for _ in range(n):
        parts = [rng.choice(verbs), rng.choice(objects), rng.choice(deadlines)]
        if rng.random() < 0.2:
            parts.append("and " + rng.choice(verbs).lower() + " " + rng.choice(objects))
        out.append(" ".join(p for p in parts if p) + rng.choice([".", "", "!", " 👍"]))
    return out


def test_lint_many_equals_lint_goal_one_by_one():
    texts = generated_goals(200)
    expected = [careerplan.lint_goal(t, today=TODAY) for t in texts]
    assert careerplan.lint_many(texts, today=TODAY) == expected
    assert careerplan.lint_many(tuple(texts), today=datetime.date(2026, 11, 22)) == expected
    linter = Linter({"today": TODAY})
    assert linter.lint_many(texts) == expected
    assert [linter.lint(t) for t in texts] == expected
    assert careerplan.lint_many([], today=TODAY) == []
    # The config applies to every text.
    quiet = careerplan.lint_many(texts, today=TODAY, config={"rules": {"hedge": {"enabled": False}}})
    assert not any("hedge" in codes(r) for r in quiet)
    assert any("hedge" in codes(r) for r in expected)


def test_lint_many_gives_a_sequence_of_plain_dicts_made_when_read():
    texts = [SPECIFIC, VAGUE, "Publish 4 posts by June 2027."]
    expected = [careerplan.lint_goal(t, today=TODAY) for t in texts]
    reports = careerplan.lint_many(texts, today=TODAY)
    assert isinstance(reports, careerplan.LintReports)
    assert isinstance(reports, collections.abc.Sequence)
    assert len(reports) == 3 and "3 reports" in repr(reports)
    assert type(reports[0]) is dict and reports[0] == expected[0]
    # An item is made once, then the same dict, as a list would give it.
    assert reports[1] is reports[1]
    assert reports[-1] == expected[-1] and reports[-3] == expected[0]
    assert reports[1:] == expected[1:] and reports[::-2] == expected[::-2] and reports[5:] == []
    assert list(reports) == expected and [r["text"] for r in reports] == texts
    listed = reports.to_list()
    assert type(listed) is list and listed == expected and listed[1] is reports[1]
    assert json.loads(json.dumps(listed)) == expected
    for bad in (3, -4, 2**70):
        with pytest.raises(IndexError):
            reports[bad]
    with pytest.raises(TypeError):
        reports["0"]  # type: ignore[call-overload]
    # Equality: with reports, lists and tuples of equal dicts; never with others.
    assert reports == careerplan.lint_many(texts, today=TODAY)
    assert reports == tuple(expected) and expected == reports
    assert reports != expected[:2] and reports != careerplan.lint_many(texts[:2], today=TODAY)
    assert reports != "abc" and reports != 3 and reports != [dict(expected[0], text="x"), *expected[1:]]
    # Columns without whole reports.
    assert reports.scores() == {c: [r["criteria"][c]["score"] for r in expected] for c in CRITERIA}
    assert reports.deadlines() == [r["deadline"] for r in expected] == ["2027-03-15", None, "2027-06-30"]


def test_lint_many_wants_a_list_of_str():
    with pytest.raises(TypeError):
        careerplan.lint_many("Earn the PMP.")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        careerplan.lint_many(["Earn the PMP.", 42])  # type: ignore[list-item]


def test_spans_on_emoji_accents_and_rtl_text():
    texts = [
        "🚀🚀 Try to get better at café management someday 👍",
        "Publier 3 articles sur l'économie d'ici le 2027-06-30 — peut-être",
        "مرحبا Try to improve my Arabic soon \u200f",
        "e\u0301 Earn the PMP 🎓 within six months of graduation",
        "Improve my 日本語 skills by Q3 2027 and maybe lead 👩🏽‍💻 a team",
    ]
    reports = careerplan.lint_many(texts, today=TODAY)
    assert sum(len(r["diagnostics"]) for r in reports) >= 8
    for text, report in zip(texts, reports):
        check_shape(report)
    first = {d["code"]: covered(texts[0], d["span"]) for d in reports[0]["diagnostics"]}
    assert first["hedge"] == "Try to" and first["vague-deadline"] == "someday"
    hedge = next(d for d in reports[0]["diagnostics"] if d["code"] == "hedge")
    assert hedge["span"] == {"start": 9, "end": 15}, "byte offsets: each rocket is 4 bytes"


def test_config_errors_name_the_setting():
    with pytest.raises(InvalidValueError) as info:
        careerplan.lint_goal(SPECIFIC, config={"rules": {"vage-outcome": {"enabled": False}}})
    err = info.value
    assert (err.code, err.path) == ("invalid-value", "rules.vage-outcome")
    assert "vague-outcome" in err.message, "the message lists the known codes"
    for call in (lambda c: Linter(c), lambda c: careerplan.lint_many(["x"], config=c),
                 lambda c: careerplan.lint_plan({"schema_version": 1, "id": "p"}, config=c)):
        with pytest.raises(InvalidValueError) as info:
            call({"rules": {"vage-outcome": {}}})
        assert info.value.path == "rules.vage-outcome"
    cases = [
        ({"thresholds": {"hours_per_week": -1}}, "thresholds.hours_per_week"),
        ({"thresholds": {"max_active_goals": "five"}}, "thresholds.max_active_goals"),
        ({"rules": {"hedge": {"severity": "fatal"}}}, "rules.hedge.severity"),
        ({"todya": TODAY}, "todya"),
    ]
    for config, path in cases:
        with pytest.raises(InvalidValueError) as info:
            Linter(config)  # type: ignore[arg-type]
        assert info.value.path == path, config
    with pytest.raises(InvalidDateError) as info:
        Linter({"today": "2027-02-30"})
    assert info.value.path == "today"
    with pytest.raises(TypeError, match="config as a dict"):
        careerplan.lint_goal(SPECIFIC, config=[])  # type: ignore[arg-type]


def test_bad_arguments():
    with pytest.raises(InvalidDateError) as info:
        careerplan.lint_goal(SPECIFIC, today="2027-02-30")
    assert (info.value.code, info.value.path) == ("invalid-date", "today")
    with pytest.raises(TypeError, match="datetime.date"):
        careerplan.lint_goal(SPECIFIC, today=datetime.datetime(2026, 11, 22, 9, 0))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        careerplan.lint_goal(SPECIFIC, today=20261122)  # type: ignore[arg-type]
    with pytest.raises(InvalidDateError) as info:
        careerplan.lint_goal(SPECIFIC, context={"deadline": "2027-13-01"})
    assert info.value.path == "deadline"
    with pytest.raises(InvalidValueError) as info:
        careerplan.lint_goal(SPECIFIC, context={"horizon": "forever"})
    assert info.value.path == "horizon"


def test_lint_plan(example_text, example):
    report = careerplan.lint_plan(example, today=TODAY)
    assert list(report) == ["goals", "findings"]
    assert report == careerplan.lint_plan(example_text, today=datetime.date(2026, 11, 22))
    assert report == Linter({"today": TODAY}).lint_plan(example)
    assert [g["goal_id"] for g in report["goals"]] == [g["id"] for g in example["goals"]]
    for i, (g, goal) in enumerate(zip(report["goals"], example["goals"])):
        assert list(g) == ["goal_id", "path", *REPORT_KEYS]
        assert g["path"] == f"goals[{i}]" and g["text"] == goal["title"]
        check_shape({k: g[k] for k in REPORT_KEYS})
        # The goal's deadline field wins, and every goal is linked to a value.
        assert g["deadline"] == goal.get("deadline")
        assert g["criteria"]["relevant"]["met"] is True
    for f in report["findings"]:
        assert list(f) == ["code", "criterion", "severity", "message", "path", "goal_ids", "suggestion"]
        assert f["path"].startswith("goals")
    # Plan-level findings.
    duplicate = {"schema_version": 1, "id": "p", "goals": [
        {"id": "a", "title": "Pass the CCNA exam by 2027-03-31"},
        {"id": "b", "title": "Pass the CCNA exam by March 31, 2027"}]}
    found = {(f["code"], f["path"]) for f in careerplan.lint_plan(duplicate, today=TODAY)["findings"]}
    assert ("duplicate-goal", "goals[1]") in found
    assert ("goal-without-actions", "goals[0]") in found


def test_lint_plan_errors_are_plan_errors():
    with pytest.raises(careerplan.InvalidJsonError):
        careerplan.lint_plan("{")
    with pytest.raises(InvalidDateError) as info:
        careerplan.lint_plan({"schema_version": 1, "id": "p",
                              "goals": [{"id": "g", "title": "t", "deadline": "2027-02-30"}]})
    assert info.value.path == "goals[0].deadline"


def test_linter_class():
    linter = Linter({"today": TODAY, "rules": {"hedge": {"severity": "error"}}})
    config = linter.config
    assert config["today"] == TODAY and config["rules"] == {"hedge": {"enabled": True, "severity": "error"}}
    assert config["thresholds"]["max_active_goals"] == 5
    report = linter.lint(VAGUE)
    assert report == careerplan.lint_goal(VAGUE, config={"today": TODAY, "rules": {"hedge": {"severity": "error"}}})
    assert next(d for d in report["diagnostics"] if d["code"] == "hedge")["severity"] == "error"
    assert linter.lint("Pass the CCNA exam within a month.", today="2027-01-31")["deadline"] == "2027-02-28"
    assert Linter().config["today"] is None
    with pytest.raises(TypeError):
        Linter.__new__(Linter, {}, {})  # type: ignore[call-arg]


def test_aims_kinds_and_rates():
    compound = "Double my salary and become CTO of Google within 2 weeks."
    report = careerplan.lint_goal(compound, today=TODAY)
    assert sorted(codes(report)) == ["compound-goal", "extreme-scope"]
    assert report["criteria"]["achievable"]["met"] is False
    rate = careerplan.lint_goal("Complete 120 online courses in 30 days.", today=TODAY)
    found = next(d for d in rate["diagnostics"] if d["code"] == "implausible-rate")
    assert "120 in 30 days = 4 a day" in found["message"]
    assert rate["text"][found["span"]["start"]:found["span"]["end"]] == "120 online courses"
    kind = careerplan.lint_goal("Earn a certification by June 2027.", today=TODAY)
    assert codes(kind) == ["generic-outcome"] and kind["criteria"]["specific"]["met"] is False
    belief = careerplan.lint_goal("Ask for a raise in January, I'm 70% sure.", today=TODAY)
    assert belief["criteria"]["measurable"]["met"] is False
    for rep in (report, rate, kind, belief):
        for criterion, verdict in rep["criteria"].items():
            if verdict["met"] is False:
                assert any(d["criterion"] == criterion and d["suggestion"] for d in rep["diagnostics"]), (criterion, rep["text"])


def test_rules_document_every_rule_and_their_examples_work():
    rules = careerplan.rules()
    assert len(rules) == len({r["code"] for r in rules}) >= 25
    keys = ["code", "criterion", "severity", "scope", "penalty", "summary", "message", "suggestion",
            "explanation", "bad", "good"]
    for rule in rules:
        assert list(rule) == keys
        assert rule["criterion"] in CRITERIA and rule["scope"] in ("text", "context", "plan")
        # The documented examples go back in through the same API.
        for example, fires in ((rule["bad"], True), (rule["good"], False)):
            if rule["scope"] == "plan":
                found = [f["code"] for f in careerplan.lint_plan(example["plan"], today=TODAY)["findings"]]
            else:
                found = codes(careerplan.lint_goal(example["text"], today=TODAY, context=example.get("context")))
            assert (rule["code"] in found) == fires, (rule["code"], example["text"], found)


def test_errors_are_catchable_by_base_class():
    with pytest.raises(CareerPlanError):
        careerplan.lint_goal("x", today="soon")


def test_time_conventions_are_config_options_and_impossible_dates_are_findings():
    today = "2026-12-02"  # a Wednesday
    def deadline(text, **config):
        return careerplan.Linter({"today": today, **config}).lint(text)["deadline"]
    assert deadline("Ship it next thursday.") == "2026-12-10"
    assert deadline("Ship it next thursday.", next_weekday="nearest") == "2026-12-03"
    assert deadline("Ship it by the end of next week.", week_start="sunday") == "2026-12-12"
    assert deadline("Ship it by Thanksgiving.", holiday_regions=["ca"]) == "2027-10-11"
    with pytest.raises(careerplan.CareerPlanError) as err:
        careerplan.Linter({"holiday_regions": ["atlantis"]})
    assert err.value.code == "invalid-value" and err.value.path == "holiday_regions"
    report = careerplan.lint_goal("Submit it by February 30, 2027.", today=today)
    found = [d for d in report["diagnostics"] if d["code"] == "impossible-date"]
    assert found and report["deadline"] is None
    assert report["time_expressions"][0]["kind"] == "impossible_date"
