#!/usr/bin/env python3
"""Differential test of careerplan's agenda and iCalendar export.

For each random case written by the Rust example `ics_cases` (a plan, a
window, the agenda's events and the `to_ics` file), check that:

1. the file is RFC 5545 text as we promise (CRLF line ends, no line over 75
   octets) and the `icalendar` package parses it;
2. expanding every VEVENT with python-dateutil (`rrulestr` on the RRULE, plus
   RDATE, minus EXDATE) and every VTODO's DUE gives exactly the agenda's
   (uid, date) pairs;
3. `recurring_ical_events` expands the file over the window to the same
   pairs;
4. an independent model of the cadence written here with
   `dateutil.relativedelta` (months clamp to the month's end, counted from
   the anchor) and our business-day conventions gives the same periodic
   review and contact follow-up dates as the agenda.

Usage:
    ics_oracle.py [--count N] [--seed S] [--cases FILE|-] [--jobs J]
                  [--recurring-every K | --no-recurring-ical-events]

Without --cases it runs `cargo run --release -q -p careerplan-examples
--example ics_cases -- N S` from the repository root to make them; `--cases -`
reads them from stdin as they are made (scripts/test pipes the example's dev
build in, so generating and checking overlap). Checks 1 and 2 and the model
run on every case, spread over J worker processes (default: one per CPU);
`recurring_ical_events`, the slowest reader, checks every K-th case (default
every case). Exit status 0 when there are zero differences, 1 otherwise.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import os
import subprocess
import sys
from pathlib import Path

from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrulestr
from icalendar import Calendar

ROOT = Path(__file__).resolve().parents[4]


def as_date(value) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def ddd_dates(component, name):
    """The dates of a (possibly repeated) RDATE/EXDATE property."""
    prop = component.get(name)
    if prop is None:
        return []
    props = prop if isinstance(prop, list) else [prop]
    return [as_date(v.dt) for p in props for v in p.dts]


def check_text(ics: str) -> list[str]:
    problems = []
    if not ics.endswith("\r\n"):
        problems.append("file does not end with CRLF")
    if "\n" in ics.replace("\r\n", ""):
        problems.append("bare LF")
    for i, line in enumerate(ics.split("\r\n")):
        if len(line.encode("utf-8")) > 75:
            problems.append(f"line {i + 1} has {len(line.encode('utf-8'))} octets")
    return problems


def expand_dateutil(cal) -> list[tuple[str, dt.date]]:
    out = []
    for comp in cal.walk():
        if comp.name == "VTODO":
            out.append((str(comp["UID"]), as_date(comp.decoded("DUE"))))
            continue
        if comp.name != "VEVENT":
            continue
        uid = str(comp["UID"])
        start = as_date(comp.decoded("DTSTART"))
        dates = set()
        if "RRULE" in comp:
            rule = comp["RRULE"].to_ical().decode()
            begin = dt.datetime(start.year, start.month, start.day)
            dates.update(d.date() for d in rrulestr(rule, dtstart=begin))
            # RFC 5545: DTSTART is always the first instance.
            dates.add(start)
        else:
            dates.add(start)
        dates.update(ddd_dates(comp, "RDATE"))
        dates.difference_update(ddd_dates(comp, "EXDATE"))
        out.extend((uid, d) for d in dates)
    return sorted(out)


def expand_recurring(cal, start: dt.date, end: dt.date) -> list[tuple[str, dt.date]]:
    import recurring_ical_events

    query = recurring_ical_events.of(cal, components=["VEVENT", "VTODO"])
    out = []
    for comp in query.between(start, end + dt.timedelta(days=1)):
        if comp.name == "VTODO":
            out.append((str(comp["UID"]), as_date(comp.decoded("DUE"))))
        else:
            out.append((str(comp["UID"]), as_date(comp.decoded("DTSTART"))))
    return sorted(out)


# ---- an independent model of cadences and business days -------------------

def parse(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def step_of(cadence):
    presets = {
        "weekly": ("days", 7),
        "biweekly": ("days", 14),
        "monthly": ("months", 1),
        "quarterly": ("months", 3),
        "semi_annual": ("months", 6),
        "annual": ("months", 12),
    }
    if isinstance(cadence, str):
        return presets[cadence]
    unit, every = cadence["unit"], cadence["every"]
    return {
        "days": ("days", every),
        "weeks": ("days", 7 * every),
        "months": ("months", every),
        "years": ("months", 12 * every),
    }[unit]


def nth(anchor: dt.date, step, n: int) -> dt.date:
    unit, k = step
    if unit == "days":
        return anchor + dt.timedelta(days=k * n)
    # relativedelta clamps the day to the target month's length and, added to
    # the anchor each time, never drifts.
    return anchor + relativedelta(months=k * n)


class Business:
    def __init__(self, holidays):
        self.holidays = set(holidays)

    def ok(self, d: dt.date) -> bool:
        return d.weekday() < 5 and d not in self.holidays

    def following(self, d):
        while not self.ok(d):
            d += dt.timedelta(days=1)
        return d

    def preceding(self, d):
        while not self.ok(d):
            d -= dt.timedelta(days=1)
        return d

    def roll(self, d, convention):
        if convention == "none":
            return d
        if convention == "following":
            return self.following(d)
        if convention == "preceding":
            return self.preceding(d)
        nxt = self.following(d)
        if (nxt.year, nxt.month) == (d.year, d.month):
            return nxt
        prv = self.preceding(d)
        if (prv.year, prv.month) == (d.year, d.month):
            return prv
        return nxt

    def roll_within(self, d, convention, lower, upper):
        def inside(x):
            return x >= lower and (upper is None or x <= upper)

        r = self.roll(d, convention)
        if inside(r):
            return r
        other = self.following(d) if r < d else self.preceding(d)
        return other if inside(other) else None


def model_series(anchor, step, lower, upper, cal, convention, start, end):
    out = []
    stop = end + dt.timedelta(days=90)
    if upper is not None:
        stop = min(stop, upper)
    n = 0
    while True:
        d = nth(anchor, step, n)
        n += 1
        if d > stop:
            break
        if d < lower:
            continue
        r = cal.roll_within(d, convention, lower, upper)
        if r is not None and start <= r <= end and (not out or out[-1] != r):
            out.append(r)
    return out


def model(case) -> dict[str, list[dt.date]]:
    """Periodic review and contact follow-up dates per subject."""
    plan = case["plan"]
    start, end = parse(case["from"]), parse(case["to"])
    policy = plan.get("review_policy")
    out = {}
    convention = "none"
    cal = Business([])
    if policy:
        convention = policy.get("business_days", "none")
        cal = Business(parse(h) for h in policy.get("holidays", []))
        anchor = parse(policy["anchor"])
        until = parse(policy["until"]) if policy.get("until") else None
        step = step_of(policy["cadence"])
        out[plan["id"]] = model_series(anchor, step, anchor, until, cal, convention, start, end)
    for c in plan.get("contacts", []):
        if "cadence" not in c:
            continue
        if c.get("last_contact"):
            anchor = parse(c["last_contact"])
            lower = anchor + dt.timedelta(days=1)
        elif policy and policy.get("anchor"):
            anchor = lower = parse(policy["anchor"])
        else:
            continue
        out[c["id"]] = model_series(anchor, step_of(c["cadence"]), lower, None, cal, convention, start, end)
    return out


def check_case(case, use_recurring: bool) -> list[str]:
    problems = check_text(case["ics"])
    try:
        cal = Calendar.from_ical(case["ics"])
    except Exception as e:  # noqa: BLE001 - any parse failure is a finding
        return problems + [f"icalendar cannot parse the file: {e}"]
    expected = sorted((e["uid"], parse(e["date"])) for e in case["events"])
    got = expand_dateutil(cal)
    if got != expected:
        problems.append(diff("dateutil", expected, got))
    if use_recurring:
        got = expand_recurring(cal, parse(case["from"]), parse(case["to"]))
        if got != expected:
            problems.append(diff("recurring_ical_events", expected, got))
    agenda = {}
    for e in case["events"]:
        if e["kind"] in ("periodic_review", "contact_follow_up"):
            agenda.setdefault(e["subject_id"], []).append(parse(e["date"]))
    for subject, dates in model(case).items():
        if agenda.get(subject, []) != dates:
            problems.append(
                f"model of {subject}: agenda {fmt(agenda.get(subject, []))} != model {fmt(dates)}"
            )
    return problems


def fmt(dates, limit=8):
    text = ", ".join(str(d) for d in dates[:limit])
    return f"[{text}{', ...' if len(dates) > limit else ''}] ({len(dates)})"


def diff(name, expected, got) -> str:
    missing = sorted(set(expected) - set(got))[:5]
    extra = sorted(set(got) - set(expected))[:5]
    return f"{name}: {len(got)} dates vs {len(expected)} expected; missing {missing}; extra {extra}"


def check_line(job: tuple[str, bool]) -> tuple[int, int, str, list[str]]:
    """Check one JSONL case; (case number, events, window, problems)."""
    line, use_recurring = job
    case = json.loads(line)
    problems = check_case(case, use_recurring)
    return case["case"], len(case["events"]), f"{case['from']} to {case['to']}", problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=20261122)
    ap.add_argument("--cases", help="JSONL file from the ics_cases example, or - for stdin")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--recurring-every", type=int, default=1, metavar="K",
                    help="check every K-th case with recurring_ical_events too")
    ap.add_argument("--no-recurring-ical-events", action="store_true")
    args = ap.parse_args()

    if args.cases == "-":
        lines = (line for line in sys.stdin if line.strip())
    elif args.cases:
        lines = iter(Path(args.cases).read_text(encoding="utf-8").splitlines())
    else:
        cmd = [
            "cargo", "run", "--release", "-q", "-p", "careerplan-examples",
            "--example", "ics_cases", "--", str(args.count), str(args.seed),
        ]
        run = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=os.environ)
        if run.returncode != 0:
            print(run.stderr, file=sys.stderr)
            print("ics_oracle: could not generate the cases", file=sys.stderr)
            return 1
        lines = iter(run.stdout.splitlines())

    every = 0 if args.no_recurring_ical_events else max(args.recurring_every, 1)
    jobs = ((line, every > 0 and i % every == 0) for i, line in enumerate(lines))
    failures = cases = events = 0

    def report(results) -> None:
        nonlocal failures, cases, events
        for number, count, window, problems in results:
            cases += 1
            events += count
            if problems:
                failures += 1
                if failures <= 10:
                    print(f"case {number} ({window}):")
                    for p in problems:
                        print(f"  {p}")

    if args.jobs > 1:
        with multiprocessing.Pool(args.jobs) as pool:
            report(pool.imap(check_line, jobs, chunksize=25))
    else:
        report(map(check_line, jobs))

    if every == 0:
        checkers = "dateutil and the model"
    elif every == 1:
        checkers = "dateutil, recurring_ical_events and the model"
    else:
        checkers = f"dateutil and the model (every {every}th case also with recurring_ical_events)"
    print(
        f"ics_oracle: {cases} cases, {events} events, checked with {checkers}: "
        f"{failures} case(s) with differences"
    )
    return 1 if failures or not cases else 0


if __name__ == "__main__":
    sys.exit(main())
