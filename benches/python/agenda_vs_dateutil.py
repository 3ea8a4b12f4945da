#!/usr/bin/env python3
"""Ten-year agendas for many plans: careerplan (Rust) against python-dateutil.

Generates N plans (default 10,000), each with a quarterly review, 3 contacts
followed up monthly and 20 goal deadlines with a check-in two weeks before
each; writes them as JSON lines; times the Rust agenda on them through the
example binary `agenda_bench` (best of 3, plans already loaded); then does the
same work with dateutil's rrule (month ends clamped with the BYMONTHDAY /
BYSETPOS rules careerplan's iCalendar export uses), sorted and deduplicated
per subject per day; checks both produce the same number of events; and prints
the ratio.

Usage: agenda_vs_dateutil.py [--plans N] [--seed S]
Run from anywhere; it builds the example with cargo in release mode.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dateutil.rrule import MONTHLY, rrule

ROOT = Path(__file__).resolve().parents[2]
START = dt.date(2027, 1, 1)
END = dt.date(2036, 12, 31)


def make_plans(n: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    plans = []
    for i in range(n):
        day = lambda span: START + dt.timedelta(days=rng.randrange(span))  # noqa: E731
        plans.append({
            "schema_version": 1,
            "id": f"plan-{i}",
            "review_policy": {
                "cadence": "quarterly",
                "anchor": day(90).isoformat(),
                "checkin_days_before": [14],
            },
            "contacts": [
                {"id": f"c{c}", "name": f"Contact {c}", "relation": "mentor", "cadence": "monthly",
                 "last_contact": (day(31) - dt.timedelta(days=31)).isoformat()}
                for c in range(3)
            ],
            "goals": [
                {"id": f"g{g}", "title": f"Goal number {g}",
                 "deadline": max(day(3600), START + dt.timedelta(days=14)).isoformat()}
                for g in range(20)
            ],
        })
    return plans


def month_rule(anchor: dt.date, interval: int) -> rrule:
    d = anchor.day
    if d <= 28:
        kw = {"bymonthday": d}
    elif d == 31:
        kw = {"bymonthday": -1}
    else:
        kw = {"bymonthday": (d, -1), "bysetpos": 1}
    return rrule(MONTHLY, interval=interval, dtstart=dt.datetime(anchor.year, anchor.month, anchor.day), **kw)


def dateutil_agenda(plan: dict) -> list[tuple]:
    lo = dt.datetime(START.year, START.month, START.day)
    hi = dt.datetime(END.year, END.month, END.day)
    events = []
    policy = plan["review_policy"]
    anchor = dt.date.fromisoformat(policy["anchor"])
    for d in month_rule(anchor, 3).between(lo, hi, inc=True):
        events.append((d.date(), 0, 3, "periodic_review"))
    for g, goal in enumerate(plan["goals"]):
        deadline = dt.date.fromisoformat(goal["deadline"])
        if START <= deadline <= END:
            events.append((deadline, 1 + g, 0, "goal_deadline"))
        for before in policy["checkin_days_before"]:
            c = deadline - dt.timedelta(days=before)
            if START <= c <= END:
                events.append((c, 1 + g, 6, "checkin"))
    base = 1 + len(plan["goals"])
    for k, contact in enumerate(plan["contacts"]):
        last = dt.date.fromisoformat(contact["last_contact"])
        after = max(lo, dt.datetime(last.year, last.month, last.day) + dt.timedelta(days=1))
        for d in month_rule(last, 1).between(after, hi, inc=True):
            events.append((d.date(), base + k, 7, "contact_follow_up"))
    events.sort()
    out = []
    for e in events:
        if out and out[-1][0] == e[0] and out[-1][1] == e[1]:
            continue
        out.append(e)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--plans", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()

    plans = make_plans(args.plans, args.seed)
    build = subprocess.run(
        ["cargo", "build", "--release", "-q", "-p", "careerplan-examples", "--example", "agenda_bench"],
        cwd=ROOT, env=os.environ,
    )
    if build.returncode != 0:
        return 1
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    exe = target / "release" / "examples" / "agenda_bench"
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for p in plans:
            f.write(json.dumps(p) + "\n")
        path = f.name
    try:
        run = subprocess.run([str(exe), path, START.isoformat(), END.isoformat()],
                             capture_output=True, text=True, check=True)
    finally:
        os.unlink(path)
    rust = json.loads(run.stdout)

    t0 = time.perf_counter()
    py_events = sum(len(dateutil_agenda(p)) for p in plans)
    py_seconds = time.perf_counter() - t0

    print(f"plans: {len(plans)}, events: careerplan {rust['events']}, dateutil {py_events}")
    print(f"careerplan agenda: {rust['seconds']:.3f} s (best of 3)")
    print(f"python-dateutil rrule: {py_seconds:.3f} s")
    print(f"ratio: {py_seconds / rust['seconds']:.1f}x")
    if py_events != rust["events"]:
        print("event counts differ", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
