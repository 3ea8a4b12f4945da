#!/usr/bin/env python3
"""Install the built careerplan wheel into a fresh venv and use it as a user would.

Usage: check_python_package.py WHEEL_DIR

1. Creates a venv in a temporary directory and `pip install --no-index`es the
   one abi3 wheel in WHEEL_DIR into it (the package has no runtime
   dependencies). The pip is the one running this script (`pip --python`),
   which needs pip >= 22.3.
2. Imports it from outside the source tree (`python -I`, cwd the temp dir)
   and checks that it is the installed copy, then makes a small call.
3. Runs every examples/python/*.py with that venv's python from the
   repository root: each must exit 0 and print the lines listed in EXPECT
   (an example without an entry there fails, so none goes unchecked).
4. Runs every ```python block of README.md and bindings/python/README.md
   (and type-checks the script blocks, those without ``>>>``, with
   ``mypy --strict``)
   with that python, from the README's own folder (the folder its relative
   paths are written for), one namespace per file as pytest's doctest-glob
   does: blocks of `>>>` lines as doctests, other blocks as scripts.

Standard library only; exits non-zero on the first failure.
"""

import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
READMES = [ROOT / "README.md", ROOT / "bindings" / "python" / "README.md"]
EXAMPLES = ROOT / "examples" / "python"

# Lines (substrings) each example must print.
EXPECT = {
    "quickstart.py": [
        "plan plan-jordan-2026: 5 goals, 0 problems",
        "(2027-02-28): ahead",
        "error goals[5].parent_id: dangling-reference",
    ],
    "lint_goals.py": [
        "'Try to get better at public speaking soon.': deadline None, missing SMT",
        "warning vague-deadline: 'soon'",
        "'Give 3 talks at local meetups by June 2027.': deadline 2027-06-30, missing -",
        "vague-outcome: A vague aspiration instead of a concrete outcome",
    ],
    "skill_gap.py": [
        "Senior project manager: readiness 52%, tier stretch",
        "#1 Leadership: 2.0 -> 4.0 (80 h)",
        "1. Project manager (0.68, stretch)",
    ],
    "schedule_ics.py": [
        "2026-12-01 periodic_review Career plan review (quarterly)",
        "next review: 2026-11-26",
        "wrote 18 events to ",
    ],
}

SMOKE = """
import sys, careerplan
from pathlib import Path
where = Path(careerplan.__file__).resolve()
assert Path(sys.prefix).resolve() in where.parents, f"imported {where}, not the venv's copy"
for typing_file in ("py.typed", "_careerplan.pyi", "types.py"):  # what editors read
    assert (where.parent / typing_file).is_file(), f"the wheel lacks careerplan/{typing_file}"
report = careerplan.lint_goal("Publish 4 posts by June 2027.", today="2026-11-22")
assert report["deadline"] == "2027-06-30", report
print("careerplan", careerplan.__version__, "from", where.parent)
"""

# Runs the blocks of one README (JSON on stdin) in one namespace.
BLOCKS = r"""
import doctest, json, sys
readme, blocks = json.load(sys.stdin)
globs = {"__name__": "__readme__"}
runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
for line, code in blocks:
    name = f"{readme}:{line}"
    if code.lstrip().startswith(">>>"):
        test = doctest.DocTestParser().get_doctest(code, globs, name, readme, line)
        if runner.run(test, clear_globs=False).failed:
            sys.exit(f"{name}: the doctest above failed")
        globs = test.globs  # a DocTest works on a copy; later blocks see its names
    else:
        exec(compile("\n" * line + code, readme, "exec"), globs)
"""


def python_blocks(readme: Path):
    """(line, code) of each ```python block; `line` is the fence's line (0-based)."""
    text = readme.read_text(encoding="utf-8")
    for m in re.finditer(r"^```python\n(.*?)^```", text, re.S | re.M):
        yield text.count("\n", 0, m.start()) + 1, m.group(1)


def run(args, **kw) -> subprocess.CompletedProcess:
    proc = subprocess.run(args, text=True, capture_output=True, **kw)
    if proc.returncode != 0:
        sys.stdout.write(proc.stdout)
        sys.stderr.write(proc.stderr)
        sys.exit(f"failed (exit {proc.returncode}): {' '.join(map(str, args))}")
    return proc


def main() -> None:
    wheels = sorted(Path(sys.argv[1]).glob("careerplan-*.whl"))
    if len(wheels) != 1:
        sys.exit(f"expected one careerplan wheel in {sys.argv[1]}, found {len(wheels)}")
    if "-cp39-abi3-" not in wheels[0].name:
        sys.exit(f"{wheels[0].name} is not the abi3 wheel for CPython 3.9+")
    with tempfile.TemporaryDirectory(prefix="careerplan-wheel-") as tmp:
        started = time.monotonic()
        venv = Path(tmp) / "venv"
        # Without a pip of its own (ensurepip alone takes ~10 s): this
        # interpreter's pip installs into it through --python.
        run([sys.executable, "-m", "venv", "--without-pip", venv])
        py = venv / "bin" / "python"
        run([sys.executable, "-m", "pip", "--python", py, "install", "-q", "--no-index",
             "--disable-pip-version-check", wheels[0]])
        print(f"installed {wheels[0].name} into a fresh venv "
              f"({time.monotonic() - started:.1f} s)")
        print(run([py, "-I", "-c", SMOKE], cwd=tmp).stdout, end="")

        found = sorted(p.name for p in EXAMPLES.glob("*.py"))
        if sorted(EXPECT) != found:
            sys.exit(f"EXPECT lists {sorted(EXPECT)} but examples/python has {found}")
        for name in found:
            out = run([py, "-I", EXAMPLES / name, str(Path(tmp) / "plan.ics")], cwd=ROOT).stdout
            missing = [line for line in EXPECT[name] if line not in out]
            if missing:
                sys.stdout.write(out)
                sys.exit(f"examples/python/{name} did not print {missing}")
            print(f"examples/python/{name}: ok")

        for readme in READMES:
            blocks = list(python_blocks(readme))
            if not blocks:
                sys.exit(f"{readme.relative_to(ROOT)} has no ```python block")
            rel = str(readme.relative_to(ROOT))
            run([py, "-I", "-c", BLOCKS], cwd=readme.parent, input=json.dumps([rel, blocks]))
            print(f"{rel}: {len(blocks)} python blocks ok")
            # Script blocks (not ``>>>`` sessions) are what users paste into
            # typed code: they must pass `mypy --strict` against the stubs.
            # This interpreter has mypy and the wheel (scripts/test installs both).
            for line, code in blocks:
                if code.lstrip().startswith(">>>"):
                    continue
                script = Path(tmp) / f"readme_block_{line}.py"
                script.write_text(code, encoding="utf-8")
                run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", script], cwd=tmp)
                print(f"{rel}:{line + 1}: python block passes mypy --strict")


if __name__ == "__main__":
    main()
