#!/usr/bin/env python3
"""careerplan.arrow and careerplan.spark at batch scale (issue 20's figures).

Three measurements, each printed with what it is compared to:

1. `lint` - `careerplan.arrow.lint_batch` on N goal statements (default
   200,000; the native `lint` benchmark's generator, printed by the
   `goal_statements` example) against `careerplan.lint_many` on the same
   goals, both on all cores, per goal (target: lint_batch <= 1.3x). The
   goals are an Arrow array before the clock starts for lint_batch (on a
   data platform they already are) and a list of str for lint_many.
2. `spark` - `careerplan.spark.lint_goals` on the same goals in Spark
   `local[2]` (read from two Parquet files, results written to Spark's
   `noop` sink so every row is computed; best of --runs after a warm-up run)
   against in-process `lint_batch` (target: <= 2x). Needs PySpark (run this
   script with target/spark-venv/bin/python).
3. `readiness` - `readiness_batch` top-5 for P people (default 100,000, 12
   skills each, as benches/python/gap_matrix.py makes them) against O*NET's
   879 occupations (`../shared/data/onet/`), in a child process: wall time,
   the child's peak RSS and its RSS before the call; and the Arrow size per
   row of each layout, measured on 1,000 of the people, for docs/scale.md.

Measure against a release wheel (see benches/README.md).

Usage: arrow_batches.py [--goals N] [--people P] [--runs R] [--only lint,spark,readiness]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa

import careerplan
import careerplan.arrow as ca
# The same goals and people as the other Python benchmarks (this folder is on
# sys.path when the script runs).
from gap_matrix import make_people
from lint_many import goal_statements

ROOT = Path(__file__).resolve().parents[2]
ONET = ROOT.parent / "shared" / "data" / "onet"
TODAY = "2026-11-22"


def best_of(runs: int, *calls) -> list[float]:
    """The best time of each call over `runs` rounds, the calls interleaved
    in every round so that a change in the machine's load hits all alike."""
    best = [float("inf")] * len(calls)
    for _ in range(runs):
        for i, call in enumerate(calls):
            start = time.perf_counter()
            call()
            best[i] = min(best[i], time.perf_counter() - start)
    return best


def bench_lint(goals: list[str], runs: int) -> None:
    array = pa.array(goals, pa.string())
    linter = careerplan.Linter({"today": TODAY})
    many, batch = best_of(runs, lambda: linter.lint_many(goals), lambda: ca.lint_batch(array, linter=linter))
    n = len(goals)
    print(f"lint_many   {n:,} goals: {many:.3f} s  {many / n * 1e6:.2f} us/goal")
    print(f"lint_batch  {n:,} goals: {batch:.3f} s  {batch / n * 1e6:.2f} us/goal"
          f"  ratio {batch / many:.2f} (target <= 1.3)")
    # Correctness on the way: the same scores as lint_many.
    out = pa.record_batch(ca.lint_batch(array[:1000], linter=linter))
    assert out.column("time_bound_score").to_pylist() == linter.lint_many(goals[:1000]).scores()["time_bound"]


def bench_spark(goals: list[str], runs: int) -> None:
    import pyarrow.parquet as pq
    from pyspark.sql import SparkSession

    from careerplan import spark as cs

    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    started = time.perf_counter()
    spark = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    print(f"spark session: {time.perf_counter() - started:.1f} s")
    with tempfile.TemporaryDirectory(prefix="careerplan-spark-") as tmp:
        half = len(goals) // 2
        for i, part in enumerate([goals[:half], goals[half:]]):
            pq.write_table(pa.table({"id": pa.array(range(len(part)), pa.int64()), "goal": part}),
                           f"{tmp}/part-{i}.parquet")
        df = spark.read.parquet(tmp)
        print(f"input partitions: {df.rdd.getNumPartitions()}")

        def run() -> None:
            cs.lint_goals(df, "goal", today=TODAY).write.format("noop").mode("overwrite").save()

        array = pa.array(goals, pa.string())
        linter = careerplan.Linter({"today": TODAY})
        run()  # warm-up: JIT, Python workers, each worker's linter
        in_process, took = best_of(runs, lambda: ca.lint_batch(array, linter=linter), run)
    n = len(goals)
    print(f"lint_batch in-process {n:,} goals: {in_process:.3f} s  {in_process / n * 1e6:.2f} us/goal")
    print(f"spark lint_goals {n:,} goals local[2]: {took:.3f} s  {took / n * 1e6:.2f} us/goal"
          f"  ratio to in-process lint_batch {took / in_process:.2f} (target <= 2)")
    spark.stop()


CHILD = r"""
import json, resource, sys, time
import pyarrow as pa
import careerplan, careerplan.arrow as ca
onet, people_file, layout = sys.argv[1], sys.argv[2], sys.argv[3]
catalog = careerplan.RoleCatalog.from_onet(onet)
table = pa.ipc.open_file(people_file).read_all()
ids, skills = table.column("person_id"), table.column("skills")
ca.readiness_batch(ids[:10], skills[:10], catalog=catalog)   # compiles the catalog
def rss_kib():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
before = rss_kib()
start = time.perf_counter()
out = pa.record_batch(ca.readiness_batch(ids, skills, catalog=catalog, layout=layout, k=5 if layout == "top_k" else None))
took = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": took, "rows": out.num_rows, "bytes": out.nbytes,
                  "rss_before_kib": before, "peak_kib": peak, "roles": len(catalog)}))
"""


def bench_readiness(people_count: int) -> None:
    if not ONET.is_dir():
        raise SystemExit(f"missing O*NET files in {ONET}")
    catalog = careerplan.RoleCatalog.from_onet(ONET)
    skills = sorted({r["skill"] for role in catalog.roles for r in role["requirements"]})
    people = make_people(people_count, skills, 12, 42)
    skill_type = pa.list_(pa.struct([("skill", pa.string()), ("level", pa.float64()), ("scale", pa.string())]))
    table = pa.table({
        "person_id": pa.array([p["id"] for p in people]),
        "skills": pa.array([p["skills"] for p in people], skill_type),
    })
    with tempfile.TemporaryDirectory(prefix="careerplan-people-") as tmp:
        path = f"{tmp}/people.arrow"
        with pa.ipc.new_file(path, table.schema) as w:
            w.write_table(table)
        small = f"{tmp}/small.arrow"
        with pa.ipc.new_file(small, table.schema) as w:
            w.write_table(table.slice(0, 1000))

        def child(file: str, layout: str) -> dict:
            run = subprocess.run([sys.executable, "-c", CHILD, str(ONET), file, layout],
                                 capture_output=True, text=True, check=True)
            return json.loads(run.stdout)

        top = child(path, "top_k")
        print(f"readiness_batch top-5, {people_count:,} people x {top['roles']} roles: "
              f"{top['seconds']:.3f} s  ({top['seconds'] / people_count * 1e6:.1f} us/person, "
              f"{people_count * top['roles'] / top['seconds'] / 1e6:.1f} M cells/s on this machine), "
              f"peak RSS {top['peak_kib'] / 1024:.0f} MiB (before the call {top['rss_before_kib'] / 1024:.0f} MiB), "
              f"result {top['bytes'] / 1e6:.1f} MB")
        for layout in ("top_k", "wide", "long"):
            r = child(small, layout)
            print(f"layout {layout:5}: 1,000 people -> {r['rows']:,} rows, {r['bytes'] / 1e6:.2f} MB "
                  f"({r['bytes'] / 1000:.0f} bytes per person, {r['seconds']:.3f} s)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--goals", type=int, default=200_000)
    ap.add_argument("--people", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--only", default="lint,spark,readiness")
    args = ap.parse_args()
    only = set(args.only.split(","))
    print(f"careerplan {careerplan.__version__}, pyarrow {pa.__version__}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.2f}")
    if only & {"lint", "spark"}:
        goals = goal_statements(args.goals)
        if "lint" in only:
            bench_lint(goals, args.runs)
        if "spark" in only:
            bench_spark(goals, args.runs)
    if "readiness" in only:
        bench_readiness(args.people)
    return 0


if __name__ == "__main__":
    sys.exit(main())
