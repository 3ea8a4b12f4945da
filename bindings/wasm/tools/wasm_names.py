#!/usr/bin/env python3
"""What the functions of a .wasm are, by the names in its name section.

Usage:
  wasm_names.py IN.wasm [--top N] [--group]
      the N largest function bodies (bytes, name); with --group, summed by
      crate and module path (the first two `::` segments)
  wasm_names.py IN.wasm --forbid SUBSTRING [--forbid SUBSTRING ...]
      exit 1, naming them, if any function's name (crate hashes taken out:
      `core::num::dec2flt::` for `core[1a2b...]::num::dec2flt::...`)
      contains a SUBSTRING

build.sh runs the second form on wasm-bindgen's output (which still has its
name section) to keep std's code that careerplan replaces on purpose out of
the module (ARCHITECTURE.md, "What the WebAssembly build leaves out").

Needs only Python 3.8+; reads the module with order_functions.Module.
"""

import argparse
import collections
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from order_functions import CRATE_HASH, Module  # noqa: E402


def functions(module):
    """(body size in bytes, name) of every defined function."""
    out = []
    for body, (start, end) in enumerate(module.bodies):
        index = module.imported_functions + body
        out.append((end - start, module.names.get(index, f"<function {index}>")))
    return out


def group_of(name):
    """`core::fmt::float` from `core::fmt::float::float_to_decimal...`."""
    name = CRATE_HASH.sub("", name)
    name = re.sub(r"^<(.*?)( as .*)?>", r"\1", name)
    return "::".join(name.split("::")[:2])


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wasm", type=Path)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--group", action="store_true")
    parser.add_argument("--forbid", action="append", default=[])
    args = parser.parse_args(argv)
    module = Module(args.wasm.read_bytes())
    if not module.names:
        sys.exit(f"{args.wasm}: no name section")
    found = functions(module)
    if args.forbid:
        # Crate hashes out first: std's own functions are named
        # `core[1a2b...]::num::...`, its generics instantiated here `core::...`.
        hits = [
            (size, name)
            for size, name in found
            if any(f in CRATE_HASH.sub("", name) for f in args.forbid)
        ]
        for size, name in hits:
            print(f"forbidden in the wasm: {name} ({size} bytes)", file=sys.stderr)
        return 1 if hits else 0
    if args.group:
        sums = collections.Counter()
        for size, name in found:
            sums[group_of(name)] += size
        rows = sums.most_common(args.top)
    else:
        rows = sorted(found, reverse=True)[: args.top]
    for name_or_size, size_or_name in rows:
        size, name = (size_or_name, name_or_size) if args.group else (name_or_size, size_or_name)
        print(f"{size:8} {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
