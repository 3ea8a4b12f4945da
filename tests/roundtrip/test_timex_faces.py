"""The same deadlines from every face.

Every expression of the time-expression development set
(`../shared/data/timex/recognizers-en.tsv`, see crates/careerplan/tests/timex.rs)
goes through the CLI (`careerplan lint --lines --format jsonl`), the Python
package (`Linter.lint_many`) and the npm package's Node build (`lintMany`),
grouped by reference date, with the same LintConfig. The three must give the
same deadline for every row, and the share that matches the expected dates
must be the one the Rust test holds (0.97 on dates and ends of ranges).

Needs the CLI binary (cargo build -p careerplan-cli), the installed Python
package and the Node build of the WASM package; `scripts/test` runs it after
building all three.
"""

import json
import os
import subprocess
from collections import defaultdict
from pathlib import Path

import careerplan
import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
TARGET = REPO / os.environ.get("CARGO_TARGET_DIR", "target")
CLI = TARGET / "debug" / "careerplan"
TSV = REPO.parent / "shared" / "data" / "timex" / "recognizers-en.tsv"
# The specs are US English: 10/1/2018 is October 1st.
CONFIG = {"numeric_date_order": "mdy"}


def rows():
    if not TSV.is_file():
        pytest.fail(f"missing the time-expression development set {TSV} (../shared/data beside the repository)")
    lines = TSV.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    assert header == ["case_id", "reference_date", "input", "expression", "expected", "kind"], header
    return [dict(zip(header, line.split("\t"))) for line in lines[1:] if line.strip()]


def batches():
    by_day = defaultdict(list)
    for row in rows():
        by_day[row["reference_date"]].append(row)
    return sorted(by_day.items())


def cli(today, texts, tmp_path):
    if not CLI.is_file():
        pytest.fail(f"missing {CLI}; run cargo build -p careerplan-cli")
    lines = tmp_path / f"{today}.txt"
    lines.write_text("\n".join(texts) + "\n", encoding="utf-8")
    config = tmp_path / "config.json"
    config.write_text(json.dumps(CONFIG), encoding="utf-8")
    done = subprocess.run(
        [str(CLI), "lint", "--lines", str(lines), "--format", "jsonl", "--today", today,
         "--config", str(config)],
        capture_output=True, timeout=120)
    # 1: some goal has an error-severity finding (a deadline that has passed).
    assert done.returncode in (0, 1), done.stderr.decode()
    return [json.loads(line)["deadline"] for line in done.stdout.decode().splitlines()]


def test_cli_python_and_wasm_give_the_same_deadlines(tmp_path):
    groups = batches()
    python = []
    for today, group in groups:
        linter = careerplan.Linter({**CONFIG, "today": today})
        python.append(list(linter.lint_many([r["expression"] for r in group]).deadlines()))
    command = ["node", str(HERE / "timex_hop.cjs")]
    payload = {"config": CONFIG,
               "batches": [{"today": t, "texts": [r["expression"] for r in g]} for t, g in groups]}
    done = subprocess.run(command, input=json.dumps(payload).encode(), capture_output=True, timeout=300)
    assert done.returncode == 0, done.stderr.decode()
    wasm = json.loads(done.stdout)
    right = total = 0
    for (today, group), py, js in zip(groups, python, wasm):
        cl = cli(today, [r["expression"] for r in group], tmp_path)
        assert len(py) == len(js) == len(cl) == len(group)
        for row, a, b, c in zip(group, py, js, cl):
            assert a == b == c, f"{row['case_id']} {row['expression']!r}: python {a}, wasm {b}, cli {c}"
            if row["kind"] != "past_range":
                total += 1
                right += a in row["expected"].split("|")
    assert total > 500
    assert right / total >= 0.97, f"{right}/{total}"
