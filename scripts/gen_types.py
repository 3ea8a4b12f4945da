#!/usr/bin/env python3
"""Generate the bindings' type declarations from schema/types.schema.json.

The Rust types are the one source of every JSON shape that crosses a binding.
`crates/careerplan/tests/types_schema.rs` writes their JSON Schema to
`schema/types.schema.json` (`UPDATE_SCHEMA=1 cargo test -p careerplan --test
types_schema`); this script turns that schema into

  bindings/python/python/careerplan/types.py   TypedDicts and Literal aliases
  bindings/wasm/src/types.d.ts                  TypeScript interfaces and unions

Each file has a generated block between the `BEGIN GENERATED` and `END
GENERATED` marker lines; the rest is written by hand (what only one face
has: Python's `DateInput` and input unions, the WASM build's `span_utf16`
fields and options that take a `RoleCatalog` object). Doc comments of the
Rust types become docstrings and JSDoc.

    python3 scripts/gen_types.py            rewrite the generated blocks
    python3 scripts/gen_types.py --check    fail when a block is stale

The rules, in one place:
  - a field the schema does not require is optional (Python `total=False`,
    TypeScript `?`); a required nullable one is `Optional[...]` / `| null`;
  - an optional field drops its `null` unless its type is an options type
    (one callers write, listed in the schema's `x-inputs`, whose unknown keys
    are errors: `additionalProperties: false`), where `null` means "the
    default" and is worth writing;
  - in options types a `date` string is Python's `DateInput` (a
    `datetime.date` is accepted); everywhere else dates are strings;
  - a document type that keeps unknown fields (`additionalProperties: true`)
    extends TypeScript's `Extra` index signature.
Standard library only: scripts/test runs it with the system python3.
"""

import json
import keyword
import re
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "schema" / "types.schema.json"
PYTHON = ROOT / "bindings" / "python" / "python" / "careerplan" / "types.py"
TYPESCRIPT = ROOT / "bindings" / "wasm" / "src" / "types.d.ts"
REGENERATE = (
    "UPDATE_SCHEMA=1 cargo test -p careerplan --test types_schema && python3 scripts/gen_types.py"
)

# Names a face spells differently, because the plain name is taken there
# (Python's `RoleCatalog` and TypeScript's `RoleCatalog` are classes; Python's
# `GapMatrix` is a class too).
PY_NAMES = {"RoleCatalog": "RoleCatalogDict", "GapMatrix": "GapMatrixDict"}
TS_NAMES = {"RoleCatalog": "RoleCatalogData"}
# Objects written inline in a union get a name of their own in Python.
PY_INLINE_NAMES = {"Cadence": "CadenceEvery"}
# Types whose Rust struct flattens another (`#[serde(flatten)]`): they extend
# it instead of repeating its fields (the generator checks that they hold
# them unchanged).
EXTENDS = {"GoalReport": "LintReport"}
# Fields only the WebAssembly build fills (every time): required there,
# left out of the Python types.
WASM_ONLY_FIELDS = {
    ("Diagnostic", "span_utf16"),
    ("Fix", "span_utf16"),
    ("TimeExpression", "span_utf16"),
}
# Python types written as a mapping rather than a TypedDict: iterating
# `report["criteria"].items()` gives `Verdict` values to a type checker.
PY_MAPPINGS = {"Criteria": "Dict[Criterion, Verdict]"}
PY_MAPPING_NOTES = {
    "Criteria": "All five keys, always. A mapping (not a TypedDict) so that "
    "``report[\"criteria\"].items()`` gives ``Verdict`` values to a type checker, not ``object``."
}

INDENT = "    "
TS_INDENT = "  "


# ------------------------------------------------------------------ text --


def prose(text):
    """A Rust doc comment as plain paragraphs: rustdoc links unwrapped, the
    lines of a paragraph joined."""
    # Doctests and their headings are for Rust readers.
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    text = re.sub(r"^#+ .*$", "", text, flags=re.M)
    text = re.sub(r"\[`([^`\]]*)`\]\([^)]*\)", r"`\1`", text)
    text = re.sub(r"\[([^\]`]+)\]\([^)]*\)", r"\1", text)
    # [`a::b::Type::member`] is `Type.member`; [`a::b::item`] is `item`.
    text = re.sub(
        r"\[`(?:[A-Za-z_][A-Za-z0-9_]*::)*([A-Z][A-Za-z0-9_]*)::([a-z_][A-Za-z0-9_]*)`\]",
        r"`\1.\2`",
        text,
    )
    text = re.sub(r"\[`(?:[A-Za-z_][A-Za-z0-9_]*::)*([^`\]]*)`\]", r"`\1`", text)
    # `Type::field` is `Type.field` to a binding's user.
    text = re.sub(r"`([A-Z][A-Za-z0-9_]*)::([a-z_][a-z0-9_]*)`", r"`\1.\2`", text)
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip())]
    return [p for p in paragraphs if p]


def wrap(paragraphs, width):
    lines = []
    for i, p in enumerate(paragraphs):
        item = p.startswith("- ")
        if i and not (item and paragraphs[i - 1].startswith("- ")):
            lines.append("")
        lines.extend(
            textwrap.wrap(
                p,
                width,
                subsequent_indent="  " if item else "",
                break_on_hyphens=False,
                break_long_words=False,
            )
            or [""]
        )
    return lines


def py_doc(text, indent):
    if not text:
        return []
    paragraphs = [re.sub(r"(?<!`)`([^`]+)`(?!`)", r"``\1``", p) for p in prose(text)]
    paragraphs = [p.replace("\\", "\\\\").replace('"""', '\\"\\"\\"') for p in paragraphs]
    lines = wrap(paragraphs, 96 - len(indent) - 6)
    if len(lines) == 1:
        return [f'{indent}"""{lines[0]}"""']
    body = [f"{indent}{line}" if line else "" for line in lines]
    return [f'{indent}"""{body[0].strip()}'] + body[1:] + [f'{indent}"""']


def ts_doc(text, indent):
    if not text:
        return []
    paragraphs = [p.replace("*/", "*\\/").replace("`None`", "`null`") for p in prose(text)]
    lines = wrap(paragraphs, 96 - len(indent) - 4)
    if len(lines) == 1:
        return [f"{indent}/** {lines[0]} */"]
    return [f"{indent}/**"] + [f"{indent} * {line}".rstrip() for line in lines] + [f"{indent} */"]


def variant_docs(schema):
    """`- "value": description` lines for an enum whose variants are documented."""
    lines = []
    for option in schema.get("oneOf", []):
        if "const" in option and option.get("description"):
            lines.append(f'- `"{option["const"]}"`: ' + " ".join(prose(option["description"])))
    return lines


def description_of(schema):
    text = schema.get("description", "")
    variants = variant_docs(schema)
    if variants:
        text = (text + "\n\n" if text else "") + "\n\n".join(variants)
    return text


# ----------------------------------------------------------------- schema --


def ref_name(schema):
    ref = schema.get("$ref")
    return ref.rsplit("/", 1)[-1] if ref else None


def split_null(schema):
    """(schema without null, whether null was allowed)."""
    types = schema.get("type")
    if isinstance(types, list) and "null" in types:
        rest = [t for t in types if t != "null"]
        out = dict(schema, type=rest[0] if len(rest) == 1 else rest)
        return out, True
    for key in ("anyOf", "oneOf"):
        options = schema.get(key)
        if options and any(o.get("type") == "null" for o in options):
            rest = [o for o in options if o.get("type") != "null"]
            out = {k: v for k, v in schema.items() if k != key}
            if len(rest) == 1:
                out.update(rest[0])
            else:
                out[key] = rest
            return out, True
    return schema, False


def string_enum(schema):
    """The values of a string enum (`enum`, or `oneOf`/`anyOf` of consts), else None."""
    if "enum" in schema and all(isinstance(v, str) for v in schema["enum"]):
        return schema["enum"]
    for key in ("oneOf", "anyOf"):
        options = schema.get(key)
        if options and all("const" in o or "enum" in o for o in options):
            values = []
            for o in options:
                values.extend([o["const"]] if "const" in o else o["enum"])
            return values
    return None


def references(schema):
    """Every `$defs` name a schema mentions."""
    found = []
    if isinstance(schema, dict):
        if "$ref" in schema:
            found.append(ref_name(schema))
        for key, value in schema.items():
            if key not in ("default", "examples"):
                found.extend(references(value))
    elif isinstance(schema, list):
        for value in schema:
            found.extend(references(value))
    return found


def ordered(defs, extra_deps):
    """Definitions before their uses (Python evaluates annotations), names
    in alphabetical order where the order is free."""
    out, seen = [], set()

    def visit(name):
        if name in seen:
            return
        seen.add(name)
        for dep in sorted(set(references(defs[name])) | set(extra_deps.get(name, ()))):
            visit(dep)
        out.append(name)

    for name in sorted(defs):
        visit(name)
    return out


def is_strict(schema):
    return schema.get("additionalProperties") is False and schema.get("x-input", False)


def mark_input(schema):
    if isinstance(schema, dict):
        if schema.get("type") == "object":
            schema["x-input"] = True
        for value in schema.values():
            mark_input(value)
    elif isinstance(schema, list):
        for value in schema:
            mark_input(value)


def own_properties(name, schema, defs):
    """(base name or None, the properties the type adds to its base)."""
    base = EXTENDS.get(name)
    if not base:
        return None, schema["properties"]
    inherited = defs[base]["properties"]
    for field, prop in inherited.items():
        if schema["properties"].get(field) != prop:
            sys.exit(f"{name}.{field} differs from {base}.{field}: drop {name} from EXTENDS")
    if set(defs[base].get("required", [])) - set(schema.get("required", [])):
        sys.exit(f"{name} does not require all of {base}'s required fields")
    own = {k: v for k, v in schema["properties"].items() if k not in inherited}
    return base, own


def is_object(schema):
    return schema.get("type") == "object" and "properties" in schema


# ----------------------------------------------------------------- Python --


class Python:
    def __init__(self, defs):
        self.defs = defs

    def name(self, name):
        return PY_NAMES.get(name, name)

    def type(self, schema, strict):
        schema, nullable = split_null(schema)
        inner = self.type_of(schema, strict)
        return f"Optional[{inner}]" if nullable else inner

    def type_of(self, schema, strict):
        if ref_name(schema):
            return self.name(ref_name(schema))
        values = string_enum(schema)
        if values is not None:
            return "Literal[" + ", ".join(json.dumps(v) for v in values) + "]"
        for key in ("anyOf", "oneOf"):
            if key in schema:
                return "Union[" + ", ".join(self.type(o, strict) for o in schema[key]) + "]"
        t = schema.get("type")
        if isinstance(t, list):
            return "Union[" + ", ".join(self.type_of(dict(schema, type=x), strict) for x in t) + "]"
        if t == "string":
            return "DateInput" if strict and schema.get("format") == "date" else "str"
        if t == "integer":
            return "int"
        if t == "number":
            return "float"
        if t == "boolean":
            return "bool"
        if t == "null":
            return "None"
        if t == "array":
            return f"List[{self.type(schema.get('items', {}), strict)}]"
        if t == "object":
            values = schema.get("additionalProperties")
            if isinstance(values, dict):
                keys = self.type(schema.get("propertyNames", {"type": "string"}), strict)
                return f"Dict[{keys}, {self.type(values, strict)}]"
            return "Dict[str, Any]"
        return "Any"

    def typed_dict(self, name, schema, doc, parent=None, properties=None):
        strict = is_strict(schema)
        required = set(schema.get("required", []))
        fields = []
        for field, prop in (schema["properties"] if properties is None else properties).items():
            if (name, field) in WASM_ONLY_FIELDS:
                continue
            # An optional field of a lenient shape may be left out rather than null.
            kept = prop if field in required or strict else split_null(prop)[0]
            py = self.type(kept, strict)
            fields.append((field, py, field in required, prop.get("description", "")))
        lines = []
        bases = []
        for part, want in (("Required", True), ("Optional", False)):
            group = [f for f in fields if f[2] == want]
            kw = [f for f in group if keyword.iskeyword(f[0])]
            if kw:
                # A keyword is no attribute name: the functional syntax.
                base = f"_{name}{part}Keywords"
                items = ", ".join(f"{json.dumps(f[0])}: {f[1]}" for f in kw)
                total = "" if want else ", total=False"
                lines += [f'{base} = TypedDict("{base}", {{{items}}}{total})', "", ""]
                bases.append(base)
        required_fields = [f for f in fields if f[2] and not keyword.iskeyword(f[0])]
        optional_fields = [f for f in fields if not f[2] and not keyword.iskeyword(f[0])]
        if required_fields and optional_fields:
            base = f"_{name}Required"
            lines.append(f"class {base}(TypedDict):")
            for field, py, _, fdoc in required_fields:
                lines.append(f"{INDENT}{field}: {py}")
                lines += py_doc(fdoc, INDENT)
            lines += ["", ""]
            bases.insert(0, base)
            body, total = optional_fields, ", total=False"
        elif required_fields or not optional_fields:
            body, total = required_fields, ""
            if not any(f[2] for f in fields) and fields:
                total = ", total=False"
        else:
            body, total = optional_fields, ", total=False"
        if parent:
            bases.append(parent)
        if not bases:
            bases = ["TypedDict"]
        lines.append(f"class {name}({', '.join(bases)}{total}):")
        class_doc = py_doc(doc, INDENT)
        lines += class_doc or [f'{INDENT}"""{name}."""']
        if body:
            lines.append("")
        for field, py, _, fdoc in body:
            lines.append(f"{INDENT}{field}: {py}")
            lines += py_doc(fdoc, INDENT)
        return lines

    def definition(self, name, schema):
        py = self.name(name)
        doc = description_of(schema)
        if name in PY_MAPPINGS:
            note = PY_MAPPING_NOTES.get(name)
            doc = f"{doc}\n\n{note}" if note else doc
            return [f"{py} = {PY_MAPPINGS[name]}"] + py_doc(doc, ""), [py]
        if is_object(schema):
            base, own = own_properties(name, schema, self.defs)
            return self.typed_dict(py, schema, doc, base and self.name(base), own), [py]
        lines, names = [], [py]
        inline = PY_INLINE_NAMES.get(name)
        options = schema.get("oneOf") or schema.get("anyOf")
        if options and inline:
            parts = []
            for o in options:
                if is_object(o):
                    lines += self.typed_dict(inline, o, o.get("description", ""))
                    lines += ["", ""]
                    parts.append(inline)
                    names.append(inline)
                else:
                    parts.append(self.type(o, False))
            lines.append(f"{py} = Union[{', '.join(parts)}]")
        else:
            lines.append(f"{py} = {self.type(schema, False)}")
        return lines + py_doc(doc, ""), names

    def render(self):
        out, names = [], []
        extra_deps = {
            name: [w for w in re.findall(r"\w+", text) if w in self.defs]
            for name, text in PY_MAPPINGS.items()
        }
        for name, base in EXTENDS.items():
            extra_deps.setdefault(name, []).append(base)
        for name in ordered(self.defs, extra_deps):
            lines, new = self.definition(name, self.defs[name])
            out += lines + ["", ""]
            names += new
        out.append("__all__ += [")
        out += [f'{INDENT}"{n}",' for n in sorted(names)]
        out.append("]")
        return "\n".join(out) + "\n"


# ------------------------------------------------------------- TypeScript --


class TypeScript:
    def __init__(self, defs):
        self.defs = defs

    def name(self, name):
        return TS_NAMES.get(name, name)

    def type(self, schema):
        schema, nullable = split_null(schema)
        inner = self.type_of(schema)
        return f"{inner} | null" if nullable else inner

    def type_of(self, schema):
        if ref_name(schema):
            return self.name(ref_name(schema))
        values = string_enum(schema)
        if values is not None:
            return " | ".join(json.dumps(v) for v in values)
        for key in ("anyOf", "oneOf"):
            if key in schema:
                return " | ".join(self.type(o) for o in schema[key])
        t = schema.get("type")
        if isinstance(t, list):
            return " | ".join(self.type_of(dict(schema, type=x)) for x in t)
        if t == "string":
            return "string"
        if t in ("integer", "number"):
            return "number"
        if t == "boolean":
            return "boolean"
        if t == "null":
            return "null"
        if t == "array":
            item = self.type(schema.get("items", {}))
            return f"({item})[]" if "|" in item else f"{item}[]"
        if t == "object":
            if "properties" in schema:
                fields = "; ".join(self.field(k, v, schema) for k, v in schema["properties"].items())
                return "{ " + fields + " }"
            values = schema.get("additionalProperties")
            if isinstance(values, dict):
                if "propertyNames" in schema:
                    # Only the keys present: not every enum value is.
                    return f"Partial<Record<{self.type(schema['propertyNames'])}, {self.type(values)}>>"
                return f"Record<string, {self.type(values)}>"
            return "Record<string, unknown>"
        return "unknown"

    def field(self, field, prop, owner, owner_name=None):
        wasm_only = (owner_name, field) in WASM_ONLY_FIELDS
        required = field in owner.get("required", []) or wasm_only
        if (required and not wasm_only) or is_strict(owner):
            ts = self.type(prop)
        else:
            ts = self.type(split_null(prop)[0])
        key = field if re.fullmatch(r"[A-Za-z_$][A-Za-z0-9_$]*", field) else json.dumps(field)
        return f"{key}{'' if required else '?'}: {ts}"

    def definition(self, name, schema):
        ts = self.name(name)
        lines = ts_doc(description_of(schema), "")
        if is_object(schema):
            base, own = own_properties(name, schema, self.defs)
            bases = ([self.name(base)] if base else []) + (
                ["Extra"] if schema.get("additionalProperties") is True else []
            )
            extends = f" extends {', '.join(bases)}" if bases else ""
            lines.append(f"export interface {ts}{extends} {{")
            for field, prop in own.items():
                lines += ts_doc(prop.get("description", ""), TS_INDENT)
                lines.append(f"{TS_INDENT}{self.field(field, prop, schema, name)};")
            lines.append("}")
        else:
            lines.append(f"export type {ts} = {self.type(schema)};")
        return lines

    def render(self):
        out = []
        for name in sorted(self.defs):
            out += self.definition(name, self.defs[name]) + [""]
        return "\n".join(out)


# ------------------------------------------------------------------- files --


def splice(path, block, comment):
    """The file's text with the generated block replaced."""
    begin = f"{comment} BEGIN GENERATED by scripts/gen_types.py from schema/types.schema.json; do not edit."
    end = f"{comment} END GENERATED"
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    try:
        start = next(i for i, l in enumerate(lines) if l.startswith(f"{comment} BEGIN GENERATED"))
        stop = next(i for i, l in enumerate(lines) if l == end)
    except StopIteration:
        sys.exit(f"{path}: no `{comment} BEGIN GENERATED` ... `{end}` block")
    return "\n".join(lines[:start] + [begin] + block.rstrip("\n").split("\n") + lines[stop:])


def main(argv):
    check = "--check" in argv
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    defs = schema["$defs"]
    for name in schema.get("x-inputs", []):
        # Marked on the definition itself, so that inline objects of an
        # input (Cadence's interval) count as inputs too.
        mark_input(defs[name])
    stale = []
    for path, block, comment in (
        (PYTHON, Python(defs).render(), "#"),
        (TYPESCRIPT, TypeScript(defs).render(), "//"),
    ):
        new = splice(path, block, comment)
        if new != path.read_text(encoding="utf-8"):
            if check:
                stale.append(path.relative_to(ROOT))
            else:
                path.write_text(new, encoding="utf-8")
                print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        names = ", ".join(str(p) for p in stale)
        sys.exit(f"stale generated types in {names}; regenerate them with\n  {REGENERATE}")


if __name__ == "__main__":
    main(sys.argv[1:])
