#!/usr/bin/env python3
"""careerplan.lint_many from Python against the native linter, per goal.

Lints the goal statements of the native `lint` benchmark (the same 10,000
texts, printed by the `goal_statements` example of careerplan-benches) with
`careerplan.lint_many` and compares the time per goal with the native
figures that `cargo bench -p careerplan-benches --bench lint` left in
target/criterion: `smart/lint_text 10k goals` (one core) against
`lint_many` with RAYON_NUM_THREADS=1 (measured in a child process), and
`smart/lint_many 10k goals` (all cores) against `lint_many` on all cores.
Both sides return the reports as they are in Rust (`LintReports` keeps them
there until an item is read).

The target is a ratio of at most 1.5. Also printed: `lint_many(...).to_list()`
(every report made into dicts), a plain loop over `Linter.lint`, and, as the
floor of any conversion to dicts, `json.loads` of the same reports (the dicts
made by CPython's C code, without linting).

Usage: lint_many.py [--goals N] [--runs R] [--one-core]
Needs the wheel installed in release mode (see benches/README.md) and the
native benchmark run once before.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import careerplan

ROOT = Path(__file__).resolve().parents[2]
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
NATIVE = TARGET / "criterion" / "smart" / "lint_text 10k goals" / "new" / "estimates.json"
NATIVE_MANY = TARGET / "criterion" / "smart" / "lint_many 10k goals" / "new" / "estimates.json"
TODAY = "2026-11-22"


def goal_statements(n: int) -> list[str]:
    run = subprocess.run(
        ["cargo", "run", "-q", "--profile", "bench", "-p", "careerplan-benches",
         "--example", "goal_statements", "--", str(n)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    return run.stdout.splitlines()


def best_of(runs: int, call) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--goals", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--one-core", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()

    goals = goal_statements(args.goals)
    linter = careerplan.Linter({"today": TODAY})
    reports = linter.lint_many(goals)
    assert len(reports) == len(goals) and reports[0]["text"] == goals[0]
    many = best_of(args.runs, lambda: linter.lint_many(goals)) / len(goals)
    if args.one_core:
        print(json.dumps({"seconds_per_goal": many}))
        return 0

    as_dicts = best_of(args.runs, lambda: linter.lint_many(goals).to_list()) / len(goals)
    loop = best_of(max(1, args.runs // 2), lambda: [linter.lint(g) for g in goals]) / len(goals)
    # What making the same dicts costs CPython's own C code: a floor for any
    # conversion of the reports to Python objects.
    text = json.dumps(reports.to_list())
    floor = best_of(args.runs, lambda: json.loads(text)) / len(goals)
    child = subprocess.run(
        [sys.executable, __file__, "--goals", str(args.goals), "--runs", str(args.runs), "--one-core"],
        env={**os.environ, "RAYON_NUM_THREADS": "1"}, capture_output=True, text=True, check=True,
    )
    one_core = json.loads(child.stdout)["seconds_per_goal"]

    print(f"goals: {len(goals)}, mean {sum(map(len, goals)) / len(goals):.0f} bytes, "
          f"{os.cpu_count()} CPUs, best of {args.runs}")
    for name, per_goal in [
        ("lint_many (all cores)", many),
        ("lint_many (one core)", one_core),
        ("lint_many(...).to_list()", as_dicts),
        ("[Linter.lint(g) for g]", loop),
        ("json.loads(reports) only", floor),
    ]:
        print(f"  {name:24} {1 / per_goal:>10,.0f} goals/s  {per_goal * 1e6:6.2f} us/goal")
    if not NATIVE.is_file():
        print(f"no native figure at {NATIVE}: run "
              "`cargo bench -p careerplan-benches --bench lint` first", file=sys.stderr)
        return 1
    native = json.loads(NATIVE.read_text())["mean"]["point_estimate"] * 1e-9 / 10_000
    print(f"  {'native lint_text':24} {1 / native:>10,.0f} goals/s  {native * 1e6:6.2f} us/goal"
          "  (criterion, one core)")
    native_many = None
    if NATIVE_MANY.is_file():
        native_many = json.loads(NATIVE_MANY.read_text())["mean"]["point_estimate"] * 1e-9 / 10_000
        print(f"  {'native lint_many':24} {1 / native_many:>10,.0f} goals/s  "
              f"{native_many * 1e6:6.2f} us/goal  (criterion, all cores)")
    print(f"ratio to native per goal (target <= 1.5x): one core {one_core / native:.2f}x"
          + (f", all cores {many / native_many:.2f}x" if native_many else "")
          + f"; every report as dicts {as_dicts / native:.2f}x of one native core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
