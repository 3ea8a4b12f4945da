"""The bad-input corpus (tests/bad-inputs/manifest.json) through the Python package.

Every case must raise a CareerPlanError with the expected `code` and `path`,
or succeed as documented: never another exception, a crash or a hang.
"""

import json
from pathlib import Path
from typing import Any, Callable, Dict, List

import careerplan
import pytest

CORPUS = Path(__file__).resolve().parents[3] / "tests" / "bad-inputs"


def manifest() -> Dict[str, Any]:
    path = CORPUS / "manifest.json"
    if not path.is_file():
        pytest.fail(f"missing corpus manifest: {path}")
    return json.loads(path.read_text(encoding="utf-8"))


def case_input(case: Dict[str, Any]) -> str:
    """The case's text: its file, or its `generate` parts joined."""
    if "file" in case:
        return (CORPUS / case["file"]).read_bytes().decode("utf-8")
    out: List[str] = []
    for part in case["generate"]:
        if isinstance(part, str):
            out.append(part)
            continue
        unit, sep, count = part["repeat"], part.get("sep", ""), part["count"]
        if "{i}" in unit:
            out.append(sep.join(unit.replace("{i}", str(i)) for i in range(count)))
        else:
            out.append(sep.join([unit] * count) if sep else unit * count)
    return "".join(out)


def lines_of(text: str) -> List[str]:
    """Lines as the CLI (Rust's str::lines) reads them: "\\n" ends a line, one "\\r" before it is dropped."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


MANIFEST = manifest()
TODAY = MANIFEST["today"]


def entry_call(entry: str, text: str, case: Dict[str, Any]) -> Callable[[], Any]:
    window = case.get("window") or ["", ""]
    calls: Dict[str, Callable[[], Any]] = {
        "load": lambda: careerplan.load_plan(text),
        "validate": lambda: careerplan.validate_plan(text),
        "lint-lines": lambda: careerplan.lint_many(lines_of(text), today=TODAY),
        "lint-plan": lambda: careerplan.lint_plan(text, today=TODAY),
        "catalog": lambda: careerplan.RoleCatalog.from_json(text),
        "resume": lambda: careerplan.profile_from_json_resume(text),
        "schedule": lambda: careerplan.agenda(text, window[0], window[1]),
    }
    return calls[entry]


PARAMS = [
    pytest.param(case, entry, expect, id=f"{case['name']}-{entry}")
    for case in MANIFEST["cases"]
    for entry, expect in case["expect"].items()
    # Bytes that are not UTF-8 cannot reach the bindings as text.
    if entry != "stdin"
]


@pytest.mark.parametrize("case,entry,expect", PARAMS)
def test_case(case: Dict[str, Any], entry: str, expect: Dict[str, Any]) -> None:
    text = case_input(case)
    call = entry_call(entry, text, case)
    if "error" in expect:
        with pytest.raises(careerplan.CareerPlanError) as info:
            call()
        err = info.value
        assert (err.code, err.path) == (expect["error"]["code"], expect["error"]["path"]), str(err)
        assert err.message and "panicked" not in str(err)
        return
    result = call()
    if entry == "validate":
        problems = result
        expected = expect.get("problems", [])
        if not expected:
            assert all(p["severity"] != "error" for p in problems), problems
        for e in expected:
            assert any(p["code"] == e["code"] and p["path"] == e["path"] for p in problems), (e, problems)
    elif entry == "lint-lines":
        assert len(result) == len(lines_of(text))
    if expect.get("roundtrip"):
        assert json.loads(careerplan.dump_plan(text)) == json.loads(text)
        assert careerplan.load_plan(text) == json.loads(text)


def test_every_case_runs_here() -> None:
    names = {p.values[0]["name"] for p in PARAMS}  # type: ignore[index]
    assert len(names) == len([c for c in MANIFEST["cases"] if set(c["expect"]) != {"stdin"}])
    assert len(PARAMS) > 50


def test_a_panic_is_a_careerplan_error() -> None:
    """The last line of defence: a panic in the core is raised as CareerPlanError (code
    `internal-error`), which `except Exception` catches, and the module keeps working."""
    with pytest.raises(careerplan.CareerPlanError) as info:
        careerplan._careerplan._panic_for_tests()  # type: ignore[attr-defined]
    assert isinstance(info.value, Exception)
    assert (info.value.code, info.value.path) == ("internal-error", "")
    assert "deliberate panic" in info.value.message and "bug in careerplan" in info.value.message
    assert careerplan.load_plan('{"schema_version": 1, "id": "p"}')["id"] == "p"
