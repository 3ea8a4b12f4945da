#!/usr/bin/env python3
"""Copy the native module's docstrings into python/careerplan/_careerplan.pyi.

The docstrings have one source, the Rust doc comments of bindings/python/src/
(pyo3 makes them ``__doc__``); editors read the stub, so the stub carries the
same text. Run with the python of a venv where the wheel is installed:

    target/venv/bin/python bindings/python/sync_stub_docs.py           # rewrite the stub
    target/venv/bin/python bindings/python/sync_stub_docs.py --check   # fail when out of date

Every function, class, method and property of the stub whose runtime object
has a docstring gets exactly that docstring (dunder methods are left alone).
"""

import ast
import inspect
import sys
from pathlib import Path
from typing import List, Optional, Tuple

import careerplan._careerplan as native

STUB = Path(__file__).resolve().parent / "python" / "careerplan" / "_careerplan.pyi"


def runtime_doc(qualname: str) -> Optional[str]:
    obj: object = native
    for part in qualname.split("."):
        if not hasattr(obj, part):
            return None
        obj = inspect.getattr_static(obj, part) if inspect.isclass(obj) else getattr(obj, part)
    # getattr_static gives a static method's wrapper, whose __doc__ is the
    # docstring of the `staticmethod` type itself; the function has ours.
    if isinstance(obj, (staticmethod, classmethod)):
        obj = obj.__func__
    doc = getattr(obj, "__doc__", None)
    return inspect.cleandoc(doc) if doc else None


def render(doc: str, indent: int) -> str:
    if '"""' in doc:
        raise SystemExit(f'a docstring contains """: {doc[:60]!r}')
    quote = 'r"""' if "\\" in doc else '"""'
    pad = " " * indent
    first, *rest = doc.split("\n")
    if not rest:
        return f"{pad}{quote}{first}\"\"\""
    body = "\n".join(pad + line if line else "" for line in rest)
    return f"{pad}{quote}{first}\n{body}\n{pad}\"\"\""


def targets(tree: ast.Module):
    """(qualname, node) of each def and class whose docstring comes from Rust."""
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            yield node.name, node
            if isinstance(node, ast.ClassDef):
                for member in node.body:
                    if isinstance(member, ast.FunctionDef) and not member.name.startswith("_"):
                        yield f"{node.name}.{member.name}", member


def synced(text: str) -> str:
    lines = text.split("\n")
    # (first line, last line, replacement lines), 0-based, applied bottom-up.
    edits: List[Tuple[int, int, List[str]]] = []
    for qualname, node in targets(ast.parse(text)):
        doc = runtime_doc(qualname)
        if doc is None:
            continue
        first = node.body[0]
        has_doc = (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
                   and isinstance(first.value.value, str))
        if has_doc:
            new = render(doc, first.col_offset).split("\n")
            edits.append((first.lineno - 1, first.end_lineno - 1, new))  # type: ignore[operator]
        elif (len(node.body) == 1 and isinstance(first, ast.Expr)
              and isinstance(first.value, ast.Constant) and first.value.value is Ellipsis
              and first.lineno == first.end_lineno):
            # `def f(...) -> T: ...` on one line: the docstring replaces the `...`.
            row = first.lineno - 1
            head = lines[row][:first.col_offset].rstrip()
            new = [head] + render(doc, node.col_offset + 4).split("\n")
            edits.append((row, row, new))
        else:
            raise SystemExit(f"{qualname}: cannot place a docstring in its stub body")
    for start, end, new in sorted(edits, reverse=True):
        lines[start:end + 1] = new
    return "\n".join(lines)


def main() -> None:
    text = STUB.read_text(encoding="utf-8")
    new = synced(text)
    if "--check" in sys.argv[1:]:
        if new != text:
            raise SystemExit(f"{STUB.name} docstrings differ from the compiled module's; run "
                             f"{Path(__file__).name} to copy them from the Rust doc comments")
        return
    STUB.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main()
