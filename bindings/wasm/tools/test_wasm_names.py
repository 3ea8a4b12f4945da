"""Tests of wasm_names.py (build.sh's check for code the core leaves out)
on the small module test_order_functions.py writes byte by byte.

Run by scripts/test with the other tools' tests:
    target/venv/bin/python -m pytest -q bindings/wasm/tools
"""

import wasm_names
from test_order_functions import BODIES, NAMES, module


def run(tmp_path, capsys, names, *args):
    path = tmp_path / "m.wasm"
    path.write_bytes(module(BODIES, names))
    status = wasm_names.main([str(path), *args])
    return status, capsys.readouterr()


def test_forbidden_names_fail_and_are_named(tmp_path, capsys):
    names = {**NAMES, 3: "core[0123abcd]::num::dec2flt::parse::parse_number"}
    status, out = run(tmp_path, capsys, names, "--forbid", "core::num::dec2flt::")
    assert status == 1
    # Found through the crate hash, and named with it.
    assert "core[0123abcd]::num::dec2flt::parse::parse_number" in out.err


def test_a_module_without_them_passes(tmp_path, capsys):
    status, out = run(tmp_path, capsys, NAMES, "--forbid", "core::num::dec2flt::", "--forbid", "core::slice::sort::")
    assert status == 0
    assert out.err == ""


def test_sizes_are_listed_largest_first(tmp_path, capsys):
    status, out = run(tmp_path, capsys, NAMES, "--top", "2")
    assert status == 0
    sizes = [int(line.split()[0]) for line in out.out.splitlines()]
    assert len(sizes) == 2 and sizes[0] >= sizes[1]
