#!/usr/bin/env python3
"""The team readiness matrix through the Python binding against native Rust.

Generates N people (default 10,000), each rated on 12 distinct skills of the
O*NET catalog, half on `onet-level-0-7` (0 to 7 in quarter steps) and half on
`dreyfus-5`, as `benches/src/lib.rs` does for the criterion benchmark; reads
O*NET's Skills.txt and Occupation Data.txt from `../shared/data/onet/` (879
occupations) into a `careerplan.RoleCatalog`; and times
`careerplan.gap_matrix(team, catalog)` (best of --runs, the people read once
into a `careerplan.Team` as a Rust program has them in memory, the catalog
compiled by a warm-up call, the memoryview of the result included), and the
same from the people as Python dicts (read on every call) and the time
`Team(people)` takes to read them. The native figure is either given (--native SECONDS, e.g. the
`gap_matrix/10000_people_x_879_roles_compiled` time of
`cargo bench -p careerplan-benches --bench skills`) or measured on the same
people by the `gap_matrix_bench` example (built with cargo in release mode).
Prints both times and their ratio, and checks both computed the same cells.
It also prints a floor: a Python loop that only reads every field the
binding reads (id, name, skill, level, scale), which any conversion of these
dicts costs under the GIL before Rust does any work.

Measure against a release wheel (see benches/README.md):
    target/venv/bin/maturin build --release -m bindings/python/Cargo.toml --out target/wheels-release
    target/venv-bench/bin/pip install --force-reinstall --no-deps target/wheels-release/careerplan-*.whl

Usage: gap_matrix.py [--people N] [--seed S] [--runs R] [--native SECONDS]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import careerplan

ROOT = Path(__file__).resolve().parents[2]
ONET = ROOT.parent / "shared" / "data" / "onet"


def make_people(n: int, skills: list[str], per_person: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    people = []
    for i in range(n):
        ratings = []
        for skill in rng.sample(skills, min(per_person, len(skills))):
            if rng.randrange(2) == 0:
                ratings.append({"skill": skill, "level": rng.randrange(29) / 4, "scale": "onet-level-0-7"})
            else:
                ratings.append({"skill": skill, "level": 1 + rng.randrange(5), "scale": "dreyfus-5"})
        people.append({"id": f"p{i:05}", "skills": ratings})
    return people


def native_seconds(people: list[dict], runs: int) -> dict:
    build = subprocess.run(
        ["cargo", "build", "--release", "-q", "-p", "careerplan-examples", "--example", "gap_matrix_bench"],
        cwd=ROOT, env=os.environ,
    )
    if build.returncode != 0:
        raise SystemExit("cargo build of the gap_matrix_bench example failed")
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    exe = target / "release" / "examples" / "gap_matrix_bench"
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(people, f)
        path = f.name
    try:
        run = subprocess.run([str(exe), path, str(ONET), str(runs)],
                             capture_output=True, text=True, check=True)
    finally:
        os.unlink(path)
    return json.loads(run.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--people", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--native", type=float, help="native seconds (skips the Rust example)")
    args = ap.parse_args()

    for name in ("Skills.txt", "Occupation Data.txt"):
        if not (ONET / name).is_file():
            print(f"missing O*NET data file: {ONET / name}", file=sys.stderr)
            return 1
    catalog = careerplan.RoleCatalog.from_onet(ONET, knowledge=False)
    skills = sorted({r["skill"] for role in catalog.roles for r in role["requirements"]})
    people = make_people(args.people, skills, 12, args.seed)

    careerplan.gap_matrix(people[:1], catalog)  # compiles the catalog once

    def best_of(call) -> float:
        best = float("inf")
        for _ in range(max(args.runs, 1)):
            t0 = time.perf_counter()
            call()
            best = min(best, time.perf_counter() - t0)
        return best

    team_read = best_of(lambda: careerplan.Team(people))
    team = careerplan.Team(people)
    best = best_of(lambda: careerplan.gap_matrix(team, catalog).readiness)
    from_dicts = best_of(lambda: careerplan.gap_matrix(people, catalog).readiness)
    matrix = careerplan.gap_matrix(team, catalog)
    cells = matrix.readiness
    if cells.tobytes() != careerplan.gap_matrix(people, catalog).readiness.tobytes():
        print("the matrix from a Team differs from the one from dicts", file=sys.stderr)
        return 1
    total = sum(cells)

    floor = float("inf")
    for _ in range(max(args.runs, 1)):
        t0 = time.perf_counter()
        for p in people:
            p["id"], p.get("name")
            for a in p["skills"]:
                a["skill"], a["level"], a.get("scale")
        floor = min(floor, time.perf_counter() - t0)

    print(f"people x roles: {matrix.shape[0]} x {matrix.shape[1]}")
    print(f"python gap_matrix(team, catalog): {best:.4f} s (best of {args.runs})")
    print(f"python gap_matrix(dicts, catalog): {from_dicts:.4f} s; Team(dicts) alone: {team_read:.4f} s")
    if args.native is not None:
        native = args.native
        print(f"native (given): {native:.4f} s")
    else:
        rust = native_seconds(people, args.runs)
        native = rust["seconds"]
        print(f"native Catalog::gap_matrix: {native:.4f} s (best of {args.runs}, same people)")
        if (rust["people"], rust["roles"]) != matrix.shape or abs(rust["sum"] - total) > 1e-3 * max(1.0, total):
            print(f"results differ: native {rust}, python sum {total}", file=sys.stderr)
            return 1
    print(f"ratio python / native: {best / native:.2f}x from a Team (target <= 1.5x), "
          f"{from_dicts / native:.2f}x from dicts")
    print(f"floor, reading the fields in Python: {floor:.4f} s ({floor / native:.2f}x native)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
