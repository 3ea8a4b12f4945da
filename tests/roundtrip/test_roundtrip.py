"""Lossless round trip across the three languages.

A plan with extension (unknown) fields at many levels goes Rust -> Python
(load_plan/dump_plan, through a dict) -> WebAssembly (loadPlan/dumpPlan,
through a JS object) -> Rust, and must come back as the same JSON value
(`serde_json::Value` equality, compared by the Rust `roundtrip same` hop);
likewise after `record_review` in each language and after migrating a
schema-version-0 document.

One difference is expected and asserted exactly: JavaScript has a single
number type, so once a plan has been a JS object a whole float in an
extension field (`1.0`) comes back as an integer (`1`). The model's own
number fields are always written as integers when whole, so only extension
fields can show it; `dumpPlan(text)` (text in, text out) keeps `1.0`.

Needs the Rust example `roundtrip` (cargo build -p careerplan-examples
--example roundtrip), the installed Python package and the Node build of the
WASM package; `scripts/test` runs it after building all three.
"""

import json
import os
import subprocess
from pathlib import Path

import careerplan
import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
TARGET = REPO / os.environ.get("CARGO_TARGET_DIR", "target")  # an absolute path stays as it is
RUST = TARGET / "debug" / "examples" / "roundtrip"
REVIEW = HERE / "review.json"


def rust(args, text):
    if not RUST.is_file():
        pytest.fail(f"missing {RUST}; run cargo build -p careerplan-examples --example roundtrip")
    done = subprocess.run([str(RUST), *args], input=text.encode(), capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout.decode()


def wasm(args, text):
    done = subprocess.run(["node", str(HERE / "wasm_hop.cjs"), *args], input=text.encode(),
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout.decode()


def python(text, review=None):
    plan = careerplan.load_plan(json.loads(text))  # a dict in, a dict out
    if review is not None:
        plan = careerplan.record_review(plan, review)
    return careerplan.dump_plan(plan)


def assert_same(a, b, tmp_path, what):
    pa, pb = tmp_path / "a.json", tmp_path / "b.json"
    pa.write_text(a, encoding="utf-8")
    pb.write_text(b, encoding="utf-8")
    done = subprocess.run([str(RUST), "same", str(pa), str(pb)], capture_output=True)
    assert done.returncode == 0, f"{what}: not the same JSON value\n{done.stderr.decode()}"


def js_view(text):
    """The document as it looks after a JS object: whole floats are integers."""
    def number(literal):
        value = float(literal)
        return int(value) if value.is_integer() else value
    return json.dumps(json.loads(text, parse_float=number), ensure_ascii=False)


def chain(text):
    """Rust -> Python -> WASM -> Rust; every hop's output."""
    r1 = rust(["load"], text)
    p = python(r1)
    w = wasm(["load"], p)
    r2 = rust(["load"], w)
    return r1, p, w, r2


def test_extension_fields_survive_every_language(tmp_path):
    original = (HERE / "plan.json").read_text(encoding="utf-8")
    r1, p, w, r2 = chain(original)
    assert_same(original, r1, tmp_path, "Rust")
    assert_same(original, p, tmp_path, "Rust -> Python")
    assert '"whole-float": 1.0' in p
    assert_same(js_view(original), w, tmp_path, "Rust -> Python -> WASM")
    assert_same(js_view(original), r2, tmp_path, "Rust -> Python -> WASM -> Rust")
    # The canonical text is stable byte for byte, but for the one JS number.
    assert r1 == p
    assert w == r2 == p.replace('"whole-float": 1.0', '"whole-float": 1')
    doc = json.loads(r2)
    assert doc["x-tool"]["weights"] == [0.25, 1.5, -0.125, 1e-7]
    assert doc["contacts"][0]["x-crm-id"] == 9007199254740991


def test_record_review_agrees_in_every_language_and_round_trips(tmp_path):
    original = (HERE / "plan.json").read_text(encoding="utf-8")
    review = json.loads(REVIEW.read_text(encoding="utf-8"))
    by_rust = rust(["record-review", str(REVIEW)], original)
    by_python = python(original, review)
    by_wasm = wasm(["record-review", str(REVIEW)], original)
    assert_same(by_rust, by_python, tmp_path, "record_review: Rust vs Python")
    assert_same(js_view(by_rust), by_wasm, tmp_path, "record_review: Rust vs WASM")
    recorded = json.loads(by_rust)["reviews"][-1]
    assert recorded["x-reviewer"] == {"name": "Maria", "weight": 2}
    assert recorded["answers"][0]["x-confidence"] == 0.5
    *_, back = chain(by_rust)
    assert_same(js_view(by_rust), back, tmp_path, "reviewed plan through every language")


def test_migrated_plans_agree_and_round_trip(tmp_path):
    old = (HERE / "plan-v0.json").read_text(encoding="utf-8")
    migrated = rust(["load"], old)
    assert json.loads(migrated)["schema_version"] == careerplan.SCHEMA_VERSION
    assert json.loads(migrated)["x-legacy-tool"] == {"exported": "2019-01-01", "score": 1.0}
    assert_same(migrated, python(old), tmp_path, "migration: Rust vs Python")
    assert_same(js_view(migrated), wasm(["load"], old), tmp_path, "migration: Rust vs WASM")
    *_, back = chain(old)
    assert_same(js_view(migrated), back, tmp_path, "migrated plan through every language")
