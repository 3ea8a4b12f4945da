"""Tests of scripts/gen_types.py on small schemas: the mapping rules its
docstring states, each with a case that would break without it."""

import sys
import typing
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gen_types as g  # noqa: E402

DEFS = {
    "Kind": {
        "description": "What it is.",
        "oneOf": [
            {"type": "string", "const": "a", "description": "The first."},
            {"type": "string", "const": "b", "description": "The second."},
        ],
    },
    "Doc": {
        "description": "A document entity; see [`crate::plan::Plan`].",
        "type": "object",
        "properties": {
            "id": {"type": "string", "description": "Its id."},
            "from": {"type": "string"},
            "note": {"type": ["string", "null"]},
            "when": {"type": ["string", "null"], "format": "date"},
            "kind": {"$ref": "#/$defs/Kind"},
        },
        "required": ["id", "from"],
        "additionalProperties": True,
    },
    "Options": {
        "type": "object",
        "properties": {
            "today": {"type": ["string", "null"], "format": "date", "default": None},
            "docs": {"type": "array", "items": {"$ref": "#/$defs/Doc"}},
        },
        "additionalProperties": False,
    },
    "Report": {
        "type": "object",
        "properties": {
            "deadline": {"type": ["string", "null"], "format": "date"},
            "span_utf16": {"anyOf": [{"$ref": "#/$defs/Kind"}, {"type": "null"}]},
            "counts": {"type": "object", "additionalProperties": {"type": "integer"}},
            "by_kind": {
                "type": "object",
                "additionalProperties": {"type": "integer"},
                "propertyNames": {"$ref": "#/$defs/Kind"},
            },
        },
        "required": ["deadline"],
    },
}


def defs():
    import copy

    out = copy.deepcopy(DEFS)
    g.mark_input(out["Options"])
    g.mark_input(out["Doc"])
    return out


def python_module(tmp_path, name):
    head = "import datetime\nfrom typing import Any, Dict, List, Literal, Optional, TypedDict, Union\n"
    head += "DateInput = Union[datetime.date, str]\n__all__: List[str] = []\n"
    source = head + g.Python(defs()).render()
    path = tmp_path / f"{name}.py"
    path.write_text(source)
    sys.path.insert(0, str(tmp_path))
    try:
        import importlib

        return importlib.import_module(name), source
    finally:
        sys.path.remove(str(tmp_path))


def test_python_required_optional_keywords_and_nulls(tmp_path):
    mod, source = python_module(tmp_path, "generated_rules")
    doc = mod.Doc
    assert doc.__required_keys__ == {"id", "from"}  # "from" through the functional syntax
    assert doc.__optional_keys__ == {"note", "when", "kind"}
    hints = typing.get_type_hints(doc)
    # Optional fields of a document drop null; dates stay strings.
    assert hints["note"] is str and hints["when"] is str
    # An options type keeps null and takes a date object.
    options = typing.get_type_hints(mod.Options)
    assert options["today"] == typing.Optional[mod.DateInput]
    # A required nullable field of a report is Optional.
    report = typing.get_type_hints(mod.Report)
    assert report["deadline"] == typing.Optional[str]
    assert mod.Report.__required_keys__ == {"deadline"}
    assert report["counts"] == typing.Dict[str, int]
    assert report["by_kind"] == typing.Dict[mod.Kind, int]
    assert mod.Kind == typing.Literal["a", "b"]
    assert '"""A document entity; see ``Plan``."""' in source
    assert '- ``"a"``: The first.' in source


def test_python_leaves_out_wasm_only_fields(tmp_path):
    g.WASM_ONLY_FIELDS.add(("Report", "span_utf16"))
    try:
        mod, _ = python_module(tmp_path, "generated_wasm_only")
        assert "span_utf16" not in typing.get_type_hints(mod.Report)
        ts = g.TypeScript(defs()).render()
        assert "  span_utf16: Kind;" in ts  # required and never null in the WASM build
    finally:
        g.WASM_ONLY_FIELDS.discard(("Report", "span_utf16"))


def test_typescript_shapes():
    ts = g.TypeScript(defs()).render()
    assert "export interface Doc extends Extra {" in ts
    assert '  from: string;' in ts and "  note?: string;" in ts
    assert "export interface Options {" in ts
    assert "  today?: string | null;" in ts and "  docs?: Doc[];" in ts
    assert "  deadline: string | null;" in ts
    assert "  counts?: Record<string, number>;" in ts
    assert "  by_kind?: Partial<Record<Kind, number>>;" in ts
    assert 'export type Kind = "a" | "b";' in ts


def test_definitions_come_before_their_uses():
    order = g.ordered(DEFS, {})
    assert order.index("Kind") < order.index("Doc") < order.index("Options")


def test_splice_replaces_only_the_block(tmp_path):
    path = tmp_path / "f.py"
    path.write_text("head\n# BEGIN GENERATED\nold\n# END GENERATED\ntail\n")
    text = g.splice(path, "new\n", "#")
    assert text.startswith("head\n# BEGIN GENERATED by scripts/gen_types.py")
    assert text.endswith("\nnew\n# END GENERATED\ntail\n")


def test_a_flattened_type_extends_its_base(tmp_path):
    schemas = defs()
    schemas["Sub"] = {
        "type": "object",
        "properties": {"goal_id": {"type": "string"}, **schemas["Report"]["properties"]},
        "required": ["goal_id", "deadline"],
    }
    g.EXTENDS["Sub"] = "Report"
    try:
        ts = g.TypeScript(schemas).render()
        assert "export interface Sub extends Report {\n  goal_id: string;\n}" in ts
        py = g.Python(schemas).render()
        assert "class Sub(Report):" in py and py.index("class Report(") < py.index("class Sub(")
        schemas["Sub"]["properties"]["deadline"] = {"type": "string"}
        try:
            g.TypeScript(schemas).render()
        except SystemExit as e:
            assert "Sub.deadline differs from Report.deadline" in str(e)
        else:
            raise AssertionError("a changed inherited field must stop the generator")
    finally:
        del g.EXTENDS["Sub"]
