"""agenda / next_review / overdue / to_ics / record_review / progress /
plan_status / roadmap over the example plan, checked against the CLI's
golden files and a real iCalendar reader."""

import copy
import datetime as dt
import json
import threading
from pathlib import Path
from typing import Any, Dict, List, Tuple

import careerplan
import pytest
import recurring_ical_events
from careerplan import (
    CareerPlanError,
    InvalidArgumentError,
    InvalidDateError,
    InvalidValueError,
)
from dateutil.rrule import rrulestr
from icalendar import Calendar

REPO = Path(__file__).resolve().parents[3]
CLI_GOLDEN = REPO / "crates" / "careerplan-cli" / "tests" / "golden"

TODAY = dt.date(2026, 11, 22)
END = dt.date(2027, 3, 31)

Triple = Tuple[str, str, dt.date]


def golden(name: str) -> str:
    path = CLI_GOLDEN / name
    if not path.is_file():
        pytest.fail(f"missing golden file of the CLI: {path}")
    # Bytes, not read_text: the iCalendar file's CRLF line ends must stay.
    return path.read_bytes().decode("utf-8")


def raised(call, *args, **kwargs) -> CareerPlanError:
    with pytest.raises(CareerPlanError) as info:
        call(*args, **kwargs)
    return info.value


# ---- agenda ------------------------------------------------------------------

def test_agenda_matches_the_cli_json(example):
    # careerplan schedule --plan examples/data/plan.json --today 2026-11-22
    #   --from 2026-11-22 --to 2027-03-31 --format json
    expected = json.loads(golden("schedule-json.stdout"))
    assert careerplan.agenda(example, TODAY, END) == expected
    assert careerplan.agenda(json.dumps(example), "2026-11-22", "2027-03-31",
                             {"today": "2026-11-22"}) == expected


def test_agenda_events_have_the_contract_shape(example):
    events = careerplan.agenda(example, TODAY, END)
    assert events, "the example plan schedules events in this window"
    kinds = set()
    for e in events:
        assert set(e) == {"date", "kind", "subject_id", "title", "prompts"}
        assert TODAY <= dt.date.fromisoformat(e["date"]) <= END
        assert isinstance(e["title"], str) and e["title"]
        assert all(isinstance(p, str) and p for p in e["prompts"])
        kinds.add(e["kind"])
    assert {"periodic_review", "checkin", "contact_follow_up", "goal_deadline"} <= kinds
    assert [e["date"] for e in events] == sorted(e["date"] for e in events)


def test_agenda_options_filter_and_replace_prompts(example):
    events = careerplan.agenda(example, TODAY, END, {
        "kinds": ["periodic_review"],
        "prompts": {"periodic_review": ["What changed?"]},
    })
    assert events and {e["kind"] for e in events} == {"periodic_review"}
    assert all(e["prompts"] == ["What changed?"] for e in events)


def test_month_end_anchor_clamps_without_drift():
    plan = {"schema_version": 1, "id": "p",
            "review_policy": {"cadence": "monthly", "anchor": "2028-01-31"}}
    dates = [e["date"] for e in careerplan.agenda(plan, "2028-01-01", "2028-05-31")]
    assert dates == ["2028-01-31", "2028-02-29", "2028-03-31", "2028-04-30", "2028-05-31"]


def test_next_review_is_the_first_review_of_the_agenda(example):
    reviews = [e for e in careerplan.agenda(example, TODAY, END)
               if e["kind"] not in ("goal_deadline", "action_due", "contact_follow_up")]
    assert careerplan.next_review(example, TODAY) == reviews[0]
    assert careerplan.next_review(example, "2026-11-22", {"kinds": ["periodic_review"]}) == next(
        e for e in reviews if e["kind"] == "periodic_review")
    assert careerplan.next_review({"schema_version": 1, "id": "empty"}, TODAY) is None


def test_overdue_lists_missed_deadlines_once(example):
    late = careerplan.overdue(example, dt.date(2027, 8, 1))
    assert late
    keys = [(e["subject_id"], e["kind"]) for e in late]
    assert len(keys) == len(set(keys)), "one event per subject and kind"
    assert [e["date"] for e in late] == sorted(e["date"] for e in late)
    assert all(e["date"] < "2027-08-01" for e in late)
    assert "goal_deadline" in {e["kind"] for e in late}
    assert careerplan.overdue({"schema_version": 1, "id": "empty"}, TODAY) == []


# ---- iCalendar ---------------------------------------------------------------

def as_date(value: Any) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def prop_dates(component, name: str) -> List[dt.date]:
    prop = component.get(name)
    if prop is None:
        return []
    props = prop if isinstance(prop, list) else [prop]
    return [as_date(v.dt) for p in props for v in p.dts]


def key(component, day: dt.date) -> Triple:
    return (str(component["X-CAREERPLAN-KIND"]), str(component["X-CAREERPLAN-SUBJECT"]), day)


def expand_with_recurring_ical_events(ics: str, start: dt.date, end: dt.date) -> List[Triple]:
    cal = Calendar.from_ical(ics)
    found = recurring_ical_events.of(cal, components=["VEVENT", "VTODO"]).between(
        start, end + dt.timedelta(days=1))
    out = []
    for comp in found:
        field = "DUE" if comp.name == "VTODO" else "DTSTART"
        out.append(key(comp, as_date(comp.decoded(field))))
    return sorted(out)


def expand_with_dateutil(ics: str) -> List[Triple]:
    out = []
    for comp in Calendar.from_ical(ics).walk():
        if comp.name == "VTODO":
            out.append(key(comp, as_date(comp.decoded("DUE"))))
        elif comp.name == "VEVENT":
            start = as_date(comp.decoded("DTSTART"))
            dates = {start}
            if "RRULE" in comp:
                rule = comp["RRULE"].to_ical().decode()
                begin = dt.datetime(start.year, start.month, start.day)
                dates.update(d.date() for d in rrulestr(rule, dtstart=begin))
            dates.update(prop_dates(comp, "RDATE"))
            dates.difference_update(prop_dates(comp, "EXDATE"))
            out.extend(key(comp, d) for d in dates)
    return sorted(out)


def agenda_triples(events) -> List[Triple]:
    return sorted((e["kind"], e["subject_id"], dt.date.fromisoformat(e["date"])) for e in events)


def test_to_ics_matches_the_cli_file(example):
    # The CLI passes --today as the agenda's today, and the DTSTAMP defaults
    # to the plan's `updated` instant in both.
    ics = careerplan.to_ics(example, TODAY, END, {"agenda": {"today": "2026-11-22"}})
    assert ics == golden("schedule-ics.stdout")


def test_to_ics_expands_to_the_agenda_dates(example):
    events = careerplan.agenda(example, TODAY, END)
    ics = careerplan.to_ics(example, TODAY, END)
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and ics.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n"))
    assert "RRULE:" in ics, "periodic series are one VEVENT with an RRULE"
    expected = agenda_triples(events)
    assert expand_with_recurring_ical_events(ics, TODAY, END) == expected
    assert expand_with_dateutil(ics) == expected


@pytest.mark.parametrize("anchor", ["2028-01-29", "2028-01-30", "2028-01-31", "2028-02-29"])
@pytest.mark.parametrize("business_days", ["none", "following", "modified_following", "preceding"])
def test_to_ics_keeps_month_end_and_business_day_dates(anchor, business_days):
    plan = {
        "schema_version": 1, "id": "p",
        "review_policy": {"cadence": "monthly", "anchor": anchor,
                          "business_days": business_days, "holidays": ["2028-12-29"]},
        "contacts": [{"id": "c", "name": "Ada", "relation": "mentor",
                      "cadence": {"every": 1, "unit": "years"}, "last_contact": anchor}],
    }
    start, end = dt.date(2028, 1, 1), dt.date(2033, 12, 31)
    events = careerplan.agenda(plan, start, end)
    ics = careerplan.to_ics(plan, start, end)
    expected = agenda_triples(events)
    assert len(expected) > 70
    assert expand_with_recurring_ical_events(ics, start, end) == expected
    assert expand_with_dateutil(ics) == expected


def test_to_ics_options(example):
    ics = careerplan.to_ics(example, TODAY, END, {
        "dtstamp": "2026-12-01T08:00:00Z",
        "alarm_days_before": 2,
        "calendar_name": "Jordan's reviews",
    })
    cal = Calendar.from_ical(ics)
    assert str(cal["X-WR-CALNAME"]) == "Jordan's reviews"
    stamps = {str(c["DTSTAMP"].to_ical().decode()) for c in cal.walk() if "DTSTAMP" in c}
    assert stamps == {"20261201T080000Z"}
    assert any(c.name == "VALARM" for c in cal.walk())


# ---- record_review -----------------------------------------------------------

def test_record_review_round_trip(example):
    before = copy.deepcopy(example)
    review = {
        "id": "",
        "date": "2026-11-22",
        "answers": [{"prompt": "Am I meeting the deadlines I set for my goals?",
                     "answer": "Not for the PMP: the exam moved."}],
        "changes": [{"kind": "deadline_moved", "goal_id": "g-pmp", "to": "2027-04-30"}],
        "notes": "quarterly review",
    }
    updated = careerplan.record_review(example, review)
    assert example == before, "record_review must not modify its arguments"

    recorded = [r for r in updated["reviews"] if r["date"] == "2026-11-22"]
    assert len(recorded) == 1
    r = recorded[0]
    assert r["id"] == "review-2026-11-22"
    assert r["answers"] == review["answers"] and r["notes"] == "quarterly review"
    old_deadline = next(g for g in before["goals"] if g["id"] == "g-pmp")["deadline"]
    assert r["changes"] == [{"kind": "deadline_moved", "goal_id": "g-pmp",
                             "from": old_deadline, "to": "2027-04-30"}]
    snapshot = {p["goal_id"]: p["percent"] for p in r["progress"]}
    assert set(snapshot) == {g["id"] for g in before["goals"]}
    by_goal = {p["goal_id"]: p["percent"] for p in careerplan.progress(before)}
    assert all(abs(snapshot[g] - by_goal[g]) <= 0.05 for g in snapshot)

    assert next(g for g in updated["goals"] if g["id"] == "g-pmp")["deadline"] == "2027-04-30"
    assert len(updated["reviews"]) == len(before["reviews"]) + 1
    assert careerplan.validate_plan(updated) == []
    assert careerplan.load_plan(careerplan.dump_plan(updated)) == updated
    deadlines = [e["date"] for e in careerplan.agenda(updated, TODAY, "2027-12-31")
                 if e["kind"] == "goal_deadline" and e["subject_id"] == "g-pmp"]
    assert deadlines == ["2027-04-30"]


def test_record_review_errors_name_the_field(example):
    err = raised(careerplan.record_review, example,
                 {"id": "", "date": "2026-11-22",
                  "changes": [{"kind": "goal_abandoned", "goal_id": "no-such-goal"}]})
    assert type(err) is InvalidValueError
    assert (err.code, err.path) == ("invalid-value", "review.changes[0].goal_id")
    err = raised(careerplan.record_review, example, {"id": "r", "date": "2026-02-30"})
    assert type(err) is InvalidDateError and err.path == "review.date"
    err = raised(careerplan.record_review, example, {"date": "2026-11-22"})
    assert (err.code, err.path) == ("invalid-value", "review")
    assert "id" in err.message


# ---- progress, status, roadmap -----------------------------------------------

def test_progress_of_each_goal(example):
    goals = careerplan.progress(example)
    assert [g["goal_id"] for g in goals] == [g["id"] for g in example["goals"]]
    for g in goals:
        assert set(g) == {"goal_id", "percent", "source"}
        assert 0 <= g["percent"] <= 100
        assert g["source"] in ("done", "metric", "actions", "children", "none")
    network = next(g for g in goals if g["goal_id"] == "g-network")
    assert network["source"] == "metric" and abs(network["percent"] - 100 / 3) < 1e-9


def test_plan_status_summarises_the_plan(example):
    status = careerplan.plan_status(example, TODAY)
    assert status == careerplan.plan_status(json.dumps(example), "2026-11-22", {})
    assert set(status) == {"today", "overall_percent", "goals", "counts", "counts_by_horizon",
                           "next_deadlines", "overdue_actions", "period_start", "achievements"}
    assert status["today"] == "2026-11-22"
    assert 0 <= status["overall_percent"] <= 100
    by_id = {p["goal_id"]: p for p in careerplan.progress(example)}
    for g in status["goals"]:
        assert set(g) == {"goal_id", "title", "horizon", "percent", "source", "status", "start",
                          "deadline", "expected_percent", "gap_points", "days_left"}
        assert g["percent"] == by_id[g["goal_id"]]["percent"]
        assert g["status"] in ("ahead", "on_track", "at_risk", "off_track", "overdue", "done",
                               "abandoned", "unscheduled")
    assert sum(status["counts"].values()) == len(example["goals"])
    assert sum(n for h in status["counts_by_horizon"].values() for n in h.values()) == len(
        example["goals"])
    for d in status["next_deadlines"]:
        assert set(d) == {"date", "kind", "id", "title", "days_left"} and d["days_left"] >= 0
    for a in status["achievements"]:
        assert set(a) == {"id", "title", "date"}
        assert status["period_start"] <= a["date"] <= status["today"]


def test_plan_status_thresholds_change_the_verdicts(example):
    strict = careerplan.plan_status(example, TODAY, {"at_risk_points": 0, "off_track_points": 0})
    lenient = careerplan.plan_status(example, TODAY, {"at_risk_points": 90, "off_track_points": 95})
    behind = {"at_risk", "off_track"}
    assert sum(1 for g in strict["goals"] if g["status"] in behind) >= sum(
        1 for g in lenient["goals"] if g["status"] in behind)
    assert not any(g["status"] in behind for g in lenient["goals"])


@pytest.mark.parametrize("fmt, golden_name", [("markdown", "roadmap-md.stdout"),
                                              ("mermaid", "roadmap-mermaid.stdout")])
def test_roadmap_matches_the_cli(example, fmt, golden_name):
    assert careerplan.roadmap(example, TODAY, fmt) == golden(golden_name)


def test_roadmap_svg(example):
    svg = careerplan.roadmap(example, "2026-11-22", "svg", {"width": 900, "title": "Jordan"})
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" width="900"')
    assert "<title id=\"roadmap-title\">Jordan</title>" in svg
    assert "Today 2026-11-22" in svg


# ---- arguments and errors ----------------------------------------------------

@pytest.mark.parametrize("call", [
    lambda p, d: careerplan.agenda(p, d, END),
    lambda p, d: careerplan.next_review(p, d),
    lambda p, d: careerplan.overdue(p, d),
    lambda p, d: careerplan.to_ics(p, TODAY, d),
    lambda p, d: careerplan.plan_status(p, d),
    lambda p, d: careerplan.roadmap(p, d, "markdown"),
])
def test_bad_date_strings_name_the_argument(example, call):
    err = raised(call, example, "2027-02-30")
    assert type(err) is InvalidDateError
    assert err.path in ("from_date", "to_date", "today")
    assert "2027-02-30" in err.message
    assert str(err) == f"{err.path}: {err.message}"


def test_date_argument_paths(example):
    assert raised(careerplan.agenda, example, "22/11/2026", END).path == "from_date"
    assert raised(careerplan.agenda, example, TODAY, "2027-3-31").path == "to_date"
    assert raised(careerplan.plan_status, example, "").path == "today"


def test_dates_must_be_dates_or_strings(example):
    with pytest.raises(TypeError, match="today: .*datetime"):
        careerplan.plan_status(example, dt.datetime(2026, 11, 22, 9, 30))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="from_date: .*int"):
        careerplan.agenda(example, 20261122, END)  # type: ignore[arg-type]


def test_window_must_not_end_before_it_starts(example):
    err = raised(careerplan.agenda, example, END, TODAY)
    assert type(err) is InvalidArgumentError
    assert (err.code, err.path) == ("invalid-argument", "from")


def test_options_are_strict(example):
    err = raised(careerplan.agenda, example, TODAY, END, {"kind": ["checkin"]})
    assert (type(err), err.path) == (InvalidValueError, "options.kind")
    assert "unknown field `kind`" in err.message
    err = raised(careerplan.agenda, example, TODAY, END, {"kinds": ["meeting"]})
    assert (err.code, err.path) == ("invalid-value", "options.kinds[0]")
    err = raised(careerplan.agenda, example, TODAY, END, {"today": "2026-13-01"})
    assert type(err) is InvalidDateError and err.path == "options.today"
    err = raised(careerplan.to_ics, example, TODAY, END, {"dtstamp": "yesterday"})
    assert err.path == "options.dtstamp"
    err = raised(careerplan.roadmap, example, TODAY, "svg", {"width": 300})
    assert (err.code, err.path) == ("invalid-argument", "options.width")
    err = raised(careerplan.plan_status, example, TODAY, {"ahead_points": "ten"})
    assert (err.code, err.path) == ("invalid-value", "options.ahead_points")


def test_bad_thresholds_name_the_nested_option(example):
    err = raised(careerplan.agenda, example, TODAY, END, {"progress": {"at_risk_points": -1}})
    assert (err.code, err.path) == ("invalid-argument", "options.progress.at_risk_points")
    err = raised(careerplan.to_ics, example, TODAY, END,
                 {"agenda": {"progress": {"off_track_points": 1}}})
    assert err.path == "options.agenda.progress.off_track_points"
    err = raised(careerplan.plan_status, example, TODAY, {"off_track_points": 1})
    assert err.path == "options.off_track_points"


def test_unknown_roadmap_format(example):
    err = raised(careerplan.roadmap, example, TODAY, "pdf")  # type: ignore[arg-type]
    assert (type(err), err.path) == (InvalidValueError, "format")
    assert "markdown" in err.message


def test_roadmap_format_names_match_the_cli(example):
    # `md` (the CLI's name) and `markdown` are one format on every face.
    assert careerplan.roadmap(example, TODAY, "md") == careerplan.roadmap(example, TODAY, "markdown")


def test_plan_errors_come_first(example):
    err = raised(careerplan.agenda, "{", "not a date", END)
    assert err.code == "invalid-json"


def test_calls_from_many_threads_agree(example):
    text = json.dumps(example)
    expected = careerplan.to_ics(text, TODAY, "2036-11-21")
    results: Dict[int, str] = {}

    def work(i: int) -> None:
        results[i] = careerplan.to_ics(text, TODAY, "2036-11-21")

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == {i: expected for i in range(4)}


def test_docstrings_come_from_rust():
    for name in ("agenda", "next_review", "overdue", "to_ics", "record_review", "progress",
                 "plan_status", "roadmap"):
        doc = getattr(careerplan, name).__doc__
        assert doc and len(doc) > 40, name
    assert "from_date" in (careerplan.agenda.__doc__ or "")
