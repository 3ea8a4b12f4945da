"""Every public name is documented: functions, classes, their methods and
properties (native ones from the Rust doc comments via pyo3), and the
TypedDicts of careerplan.types."""

import inspect

import pytest

import careerplan
from careerplan import _careerplan, types


def test_all_is_the_native_module_and_the_types():
    assert sorted(careerplan.__all__) == sorted({*_careerplan.__all__, *types.__all__})
    for name in careerplan.__all__:
        assert hasattr(careerplan, name), name


def public_callables():
    for name in careerplan.__all__:
        obj = getattr(careerplan, name)
        if callable(obj) and (inspect.isclass(obj) or inspect.isroutine(obj)):
            yield name, obj
            if inspect.isclass(obj) and obj.__module__ == "careerplan":  # native classes
                for attr, member in vars(obj).items():
                    if not attr.startswith("_"):
                        yield f"{name}.{attr}", member


@pytest.mark.parametrize("name, obj", list(public_callables()), ids=lambda v: v if isinstance(v, str) else "")
def test_every_public_callable_has_a_docstring(name, obj):
    doc = inspect.getdoc(obj)
    assert doc and doc.strip(), f"{name} has no docstring"
    # An inherited docstring (e.g. dict's or Exception's) documents nothing.
    for base in (dict, Exception, object):
        assert doc != inspect.getdoc(base), f"{name} only inherits {base.__name__}'s docstring"


def test_native_functions_carry_their_rust_doc_comment_and_signature():
    doc = careerplan.lint_goal.__doc__ or ""
    assert doc.startswith("Lint one goal statement") and "Raises" in doc
    assert str(inspect.signature(careerplan.agenda)) == "(plan, from_date, to_date, options=None)"
    assert str(inspect.signature(careerplan.Linter)) == "(config=None)"


def test_there_are_enough_names_to_make_the_walk_mean_something():
    names = [n for n, _ in public_callables()]
    assert {"load_plan", "lint_goal", "skill_gap", "to_ics", "Linter", "Linter.lint",
            "RoleCatalog.from_onet", "GapMatrix.readiness", "InvalidDateError", "Plan",
            "GapReport"} <= set(names)


def test_the_stub_carries_the_same_docstrings():
    # Editors show the .pyi; sync_stub_docs.py copies the Rust doc comments
    # there, so a docstring is edited in one place, the Rust source.
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "sync_stub_docs.py"
    proc = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
