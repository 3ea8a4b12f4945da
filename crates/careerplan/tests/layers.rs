//! The layers of `careerplan` have no cycles (ARCHITECTURE.md, "Layers").
//!
//! The test reads `src/**/*.rs`, collects every path into the crate a module
//! names (`use crate::...`, `use super::...`, `crate::...` and `super::...`
//! inside code and in serde attributes such as
//! `deserialize_with = "crate::json::extra"`, and the names a `use super::*`
//! brings in), resolves each to the module that defines the item (following
//! `pub use` re-exports), and builds one
//! graph per module: its child modules, with an edge `a -> b` when code in
//! `a` (or below it) uses something in `b` (or below it). Every graph, the
//! top-level modules' and each module's submodules', must be acyclic, so the
//! code reads bottom-up at every level.
//!
//! Unit tests (`#[cfg(test)]` modules) are left out: nothing depends on
//! them, so they sit above every layer and may use any of them. Doc links in
//! comments are not dependencies and are left out too. A module's own file
//! (`mod.rs`) is above its children: it wires them together, and a child's
//! use of an item the parent itself defines is not an edge between siblings.

#![allow(clippy::unwrap_used)] // tests may panic on failure
#![allow(clippy::disallowed_methods)] // std's sorts: tests are not in the WebAssembly build
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A module path from the crate root (`["smart", "time", "points"]`).
type ModPath = Vec<String>;

/// One graph per parent module: child name -> child names it depends on.
type Graphs = BTreeMap<ModPath, BTreeMap<String, BTreeSet<String>>>;

#[test]
fn careerplan_has_no_module_cycles() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    read_sources(&src, &src, &mut files);
    assert!(files.len() > 20, "found only {} source files", files.len());
    let graphs = module_graphs(&files);
    assert!(
        graphs.get(&Vec::new()).is_some_and(|g| g.len() > 5),
        "the top-level graph is missing: {graphs:?}"
    );
    // `LAYERS_PRINT=1 cargo test -p careerplan --test layers -- --nocapture`
    // prints each graph bottom-up (for ARCHITECTURE.md).
    if std::env::var_os("LAYERS_PRINT").is_some() {
        for (parent, graph) in &graphs {
            if find_cycle(graph).is_none() {
                println!("crate::{}", parent.join("::"));
                for (level, names) in levels(graph).iter().enumerate() {
                    println!("  {level}: {}", names.join(", "));
                }
            }
        }
    }
    let mut cycles = Vec::new();
    for (parent, graph) in &graphs {
        if let Some(cycle) = find_cycle(graph) {
            let at = if parent.is_empty() {
                "crate".to_string()
            } else {
                format!("crate::{}", parent.join("::"))
            };
            // Every edge among the modules that reach each other, so one
            // run shows all that must change.
            let tangled: Vec<String> = graph
                .iter()
                .flat_map(|(a, tos)| tos.iter().map(move |b| (a, b)))
                .filter(|(a, b)| a != b && reaches(graph, b, a))
                .map(|(a, b)| format!("{a} -> {b}"))
                .collect();
            cycles.push(format!(
                "in {at}: {}\n  edges on cycles: {}",
                cycle.join(" -> "),
                tangled.join(", ")
            ));
        }
    }
    assert!(
        cycles.is_empty(),
        "module cycles (an edge a -> b means code in a uses b):\n{}",
        cycles.join("\n")
    );
}

/// The cycle finder reports a back edge added to a layered graph, naming
/// every module on the cycle.
#[test]
fn a_back_edge_is_a_cycle() {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, to) in [("plan", "scale"), ("skills", "scale"), ("skills", "plan")] {
        graph.entry(from.into()).or_default().insert(to.into());
        graph.entry(to.into()).or_default();
    }
    assert_eq!(find_cycle(&graph), None);
    graph.get_mut("scale").unwrap().insert("skills".into());
    assert_eq!(
        find_cycle(&graph),
        Some(
            ["plan", "scale", "skills", "plan"]
                .map(String::from)
                .to_vec()
        )
    );
    // A self-loop is not a cycle between modules (a module uses itself).
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    graph.entry("a".into()).or_default().insert("a".into());
    assert_eq!(find_cycle(&graph), None);
}

/// The reader finds edges in every form a module can name another, at every
/// level, through re-exports, and not in comments or unit tests.
#[test]
fn edges_are_found_in_every_form() {
    let files: Vec<(ModPath, String)> = [
        (
            "",
            "pub mod low; pub mod high; pub mod mid; pub use low::Thing;",
        ),
        (
            "low",
            "//! Docs may link [`crate::high::Top`].\n\
             pub struct Thing;\n\
             #[cfg(test)]\nmod tests { use crate::high::Top; fn f() { let s = \"}\"; } }",
        ),
        (
            "mid",
            "pub mod a; pub mod b; pub mod c; pub use b::*; use c::helper;",
        ),
        ("mid/c", "pub fn helper() {}"),
        (
            "mid/a",
            "use super::B;\nuse super::*;\n#[serde(with = \"crate::Thing\")]\nstruct A;\n\
             fn f() { helper() }",
        ),
        ("mid/b", "pub struct B { x: crate::mid::a::A }"),
        (
            "high",
            "use crate::{low::Thing, mid::{self, a}};\npub struct Top;",
        ),
    ]
    .into_iter()
    .map(|(p, s)| (split_path(p), s.to_string()))
    .collect();
    let graphs = module_graphs(&files);
    let top = &graphs[&Vec::new()];
    assert_eq!(top["high"], set(&["low", "mid"]));
    assert_eq!(top["low"], set(&[]), "comments and tests are no edges");
    assert_eq!(top["mid"], set(&["low"]));
    assert_eq!(find_cycle(top), None);
    let mid = &graphs[&vec!["mid".to_string()]];
    assert_eq!(
        mid["a"],
        set(&["b", "c"]),
        "a glob import sees the parent's imports"
    );
    assert_eq!(mid["b"], set(&["a"]));
    assert_eq!(
        find_cycle(mid),
        Some(vec!["a".to_string(), "b".to_string(), "a".to_string()])
    );
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn split_path(p: &str) -> ModPath {
    p.split('/')
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

/// Every `.rs` file under `dir` with its module path.
fn read_sources(root: &Path, dir: &Path, out: &mut Vec<(ModPath, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            read_sources(root, &path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(root).unwrap().with_extension("");
            let mut module: ModPath = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
                module.pop();
            }
            let text = std::fs::read_to_string(&path).unwrap();
            out.push((module, text));
        }
    }
}

/// The modules of an acyclic graph by level: 0 uses no sibling, level n
/// uses some sibling of level n - 1 and none above.
fn levels(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    fn level(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        memo: &mut BTreeMap<String, usize>,
    ) -> usize {
        if let Some(&l) = memo.get(node) {
            return l;
        }
        let l = graph
            .get(node)
            .into_iter()
            .flatten()
            .filter(|n| *n != node)
            .map(|n| level(n, graph, memo) + 1)
            .max()
            .unwrap_or(0);
        memo.insert(node.to_string(), l);
        l
    }
    let mut memo = BTreeMap::new();
    let mut out: Vec<Vec<String>> = Vec::new();
    for node in graph.keys() {
        let l = level(node, graph, &mut memo);
        if out.len() <= l {
            out.resize(l + 1, Vec::new());
        }
        out[l].push(node.clone());
    }
    out
}

/// Whether `to` can be reached from `from`.
fn reaches(graph: &BTreeMap<String, BTreeSet<String>>, from: &str, to: &str) -> bool {
    let mut seen = BTreeSet::new();
    let mut todo = vec![from];
    while let Some(node) = todo.pop() {
        if node == to {
            return true;
        }
        if seen.insert(node) {
            todo.extend(graph.get(node).into_iter().flatten().map(String::as_str));
        }
    }
    false
}

/// The first cycle found (by depth-first search in name order), as the list
/// of modules on it with the first repeated at the end.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        OnStack,
        Done,
    }
    fn visit<'a>(
        node: &'a str,
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        marks: &mut BTreeMap<&'a str, Mark>,
        stack: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        marks.insert(node, Mark::OnStack);
        stack.push(node);
        for next in graph.get(node).into_iter().flatten() {
            if next == node {
                continue;
            }
            match marks.get(next.as_str()).copied().unwrap_or(Mark::New) {
                Mark::OnStack => {
                    let start = stack.iter().position(|n| n == next).unwrap_or(0);
                    let mut cycle: Vec<String> =
                        stack[start..].iter().map(|s| s.to_string()).collect();
                    cycle.push(next.clone());
                    return Some(cycle);
                }
                Mark::New => {
                    if let Some(cycle) = visit(next, graph, marks, stack) {
                        return Some(cycle);
                    }
                }
                Mark::Done => {}
            }
        }
        stack.pop();
        marks.insert(node, Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    for node in graph.keys() {
        if marks.get(node.as_str()).copied().unwrap_or(Mark::New) == Mark::New {
            let mut stack = Vec::new();
            if let Some(cycle) = visit(node, graph, &mut marks, &mut stack) {
                return Some(cycle);
            }
        }
    }
    None
}

/// What the reader knows of one module.
#[derive(Default)]
struct Module {
    /// Child modules: files (an inline `mod name { ... }` is read as part
    /// of the file that holds it).
    children: BTreeSet<String>,
    /// `pub use` re-exports: name -> the path it stands for (absolute).
    exports: BTreeMap<String, ModPath>,
    /// `pub use path::*`: the modules whose public names this one re-exports.
    globs: Vec<ModPath>,
    /// Public item names defined here.
    items: BTreeSet<String>,
    /// Every name a `use` brings in (public or not): name -> absolute path.
    /// A child's `use super::*` sees them all.
    imports: BTreeMap<String, ModPath>,
    /// Modules glob-imported (`use super::*`, `use a::b::*`).
    glob_imports: Vec<ModPath>,
    /// The identifiers of the code, to tell which glob-imported names it uses.
    words: BTreeSet<String>,
    /// Paths (absolute, unresolved) this module's code names.
    uses: Vec<ModPath>,
}

fn module_graphs(files: &[(ModPath, String)]) -> Graphs {
    let mut modules: BTreeMap<ModPath, Module> = BTreeMap::new();
    for (path, _) in files {
        modules.entry(path.clone()).or_default();
        if let Some((name, parent)) = path.split_last() {
            modules
                .entry(parent.to_vec())
                .or_default()
                .children
                .insert(name.clone());
        }
    }
    for (path, text) in files {
        let bare = blank(text, true);
        let code = strip_tests(&blank(text, false), &bare);
        let bare = strip_tests(&bare, &bare);
        let children = modules[path].children.clone();
        let mut uses = Vec::new();
        let mut exports = BTreeMap::new();
        let mut globs = Vec::new();
        let mut imports = BTreeMap::new();
        let mut glob_imports = Vec::new();
        for (public, tree) in use_statements(&bare) {
            for target in expand_use_tree(&tree) {
                let Some(absolute) = absolutize(path, &children, &target) else {
                    continue;
                };
                match target.last().map(String::as_str) {
                    Some("*") => glob_imports.push(absolute[..absolute.len() - 1].to_vec()),
                    Some(name) => {
                        imports.insert(name.to_string(), absolute.clone());
                    }
                    None => {}
                }
                if public {
                    match target.last().map(String::as_str) {
                        Some("*") => globs.push(absolute[..absolute.len() - 1].to_vec()),
                        Some(name) => {
                            exports.insert(name.to_string(), absolute.clone());
                        }
                        None => {}
                    }
                }
                uses.push(absolute);
            }
        }
        for target in inline_paths(&code) {
            if let Some(absolute) = absolutize(path, &children, &target) {
                uses.push(absolute);
            }
        }
        let module = modules.get_mut(path).unwrap();
        module.uses = uses;
        module.exports = exports;
        module.globs = globs;
        module.items = public_items(&bare);
        module.imports = imports;
        module.glob_imports = glob_imports;
        module.words = bare
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty())
            .map(String::from)
            .collect();
    }
    // A glob import (`use super::*`) brings in the names the other module
    // imports as well as those it defines: a name of it used here is an edge
    // to where that name comes from.
    let mut via_globs: BTreeMap<ModPath, Vec<ModPath>> = BTreeMap::new();
    for (path, module) in &modules {
        for glob in &module.glob_imports {
            let source = resolve(&modules, glob, 0);
            if let Some(source) = modules.get(&source) {
                for (name, target) in &source.imports {
                    if module.words.contains(name) {
                        via_globs
                            .entry(path.clone())
                            .or_default()
                            .push(target.clone());
                    }
                }
            }
        }
    }
    for (path, uses) in via_globs {
        if let Some(module) = modules.get_mut(&path) {
            module.uses.extend(uses);
        }
    }
    let mut graphs: Graphs = BTreeMap::new();
    for (path, module) in &modules {
        if !module.children.is_empty() {
            let graph = graphs.entry(path.clone()).or_default();
            for child in &module.children {
                graph.entry(child.clone()).or_default();
            }
        }
    }
    for (from, module) in &modules {
        for target in &module.uses {
            let to = resolve(&modules, target, 0);
            let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
            if common < from.len() && common < to.len() {
                graphs
                    .entry(from[..common].to_vec())
                    .or_default()
                    .entry(from[common].clone())
                    .or_default()
                    .insert(to[common].clone());
            }
        }
    }
    graphs
}

/// The module that defines the item an absolute path names: descend child
/// modules, and follow re-exports (named and glob) to where the item lives.
fn resolve(modules: &BTreeMap<ModPath, Module>, path: &[String], depth: usize) -> ModPath {
    let mut at: ModPath = Vec::new();
    for (i, segment) in path.iter().enumerate() {
        let Some(module) = modules.get(&at) else {
            break;
        };
        if module.children.contains(segment) {
            at.push(segment.clone());
            continue;
        }
        if depth < 8 {
            if let Some(target) = module.exports.get(segment) {
                let mut full = target.clone();
                full.extend(path[i + 1..].iter().cloned());
                return resolve(modules, &full, depth + 1);
            }
            if !module.items.contains(segment) {
                for glob in &module.globs {
                    let target = resolve(modules, glob, depth + 1);
                    let defines = modules.get(&target).is_some_and(|m| {
                        m.items.contains(segment)
                            || m.children.contains(segment)
                            || m.exports.contains_key(segment)
                    });
                    if defines {
                        let mut full = glob.clone();
                        full.extend(path[i..].iter().cloned());
                        return resolve(modules, &full, depth + 1);
                    }
                }
            }
        }
        break;
    }
    at
}

/// A path as written (`crate::a::b`, `super::b`, `self::c`, `child::d`),
/// made absolute from module `at`; `None` for other crates.
fn absolutize(at: &[String], children: &BTreeSet<String>, path: &[String]) -> Option<ModPath> {
    let first = path.first()?;
    let mut out: ModPath;
    let rest: &[String];
    match first.as_str() {
        "crate" => {
            out = Vec::new();
            rest = &path[1..];
        }
        "self" => {
            out = at.to_vec();
            rest = &path[1..];
        }
        "super" => {
            out = at.to_vec();
            let ups = path.iter().take_while(|s| *s == "super").count();
            for _ in 0..ups {
                out.pop()?;
            }
            rest = &path[ups..];
        }
        name if children.contains(name) => {
            out = at.to_vec();
            rest = path;
        }
        _ => return None,
    }
    out.extend(rest.iter().filter(|s| *s != "self").cloned());
    Some(out)
}

/// The text with comments blanked (and string and char literals too when
/// `strings`), keeping every byte offset and line.
fn blank(text: &str, strings: bool) -> String {
    let b = text.as_bytes();
    let mut out = b.to_vec();
    let mut i = 0;
    let wipe = |out: &mut Vec<u8>, from: usize, to: usize| {
        for c in &mut out[from..to] {
            if *c != b'\n' {
                *c = b' ';
            }
        }
    };
    while i < b.len() {
        let rest = &b[i..];
        if rest.starts_with(b"//") {
            let end = line_end(b, i);
            wipe(&mut out, i, end);
            i = end;
        } else if rest.starts_with(b"/*") {
            let mut depth = 0;
            let mut j = i;
            while j < b.len() {
                if b[j..].starts_with(b"/*") {
                    depth += 1;
                    j += 2;
                } else if b[j..].starts_with(b"*/") {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    j += 1;
                }
            }
            wipe(&mut out, i, j);
            i = j;
        } else if let Some(len) = raw_string_len(rest) {
            if strings {
                wipe(&mut out, i, i + len);
            }
            i += len;
        } else if b[i] == b'"' {
            let mut j = i + 1;
            while j < b.len() && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            let end = (j + 1).min(b.len());
            if strings {
                wipe(&mut out, i, end);
            }
            i = end;
        } else if b[i] == b'\'' {
            // A char literal ('x', '\n', '\u{1F600}', '"'), or a lifetime.
            let len = if rest.get(1) == Some(&b'\\') {
                rest.iter().skip(2).position(|&c| c == b'\'').map(|p| p + 3)
            } else {
                let ch = text[i + 1..].chars().next().map_or(1, char::len_utf8);
                (rest.get(1 + ch) == Some(&b'\'')).then_some(ch + 2)
            };
            match len {
                Some(len) => {
                    if strings {
                        wipe(&mut out, i, i + len);
                    }
                    i += len;
                }
                None => i += 1,
            }
        } else if b[i].is_ascii_alphanumeric() || b[i] == b'_' {
            // Skip an identifier whole, so `br` or `r` inside one is no prefix.
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn line_end(b: &[u8], from: usize) -> usize {
    b[from..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(b.len(), |p| from + p)
}

/// The length of a raw (byte) string literal at the start of `s`.
fn raw_string_len(s: &[u8]) -> Option<usize> {
    let start = if s.starts_with(b"br") {
        2
    } else if s.starts_with(b"r") {
        1
    } else {
        return None;
    };
    let hashes = s[start..].iter().take_while(|&&c| c == b'#').count();
    if s.get(start + hashes) != Some(&b'"') {
        return None;
    }
    let body = start + hashes + 1;
    let mut close = vec![b'"'];
    close.extend(std::iter::repeat_n(b'#', hashes));
    (body..s.len())
        .find(|&j| s[j..].starts_with(&close))
        .map(|j| j + close.len())
}

/// `code` (comments blanked) without its `#[cfg(test)]` items; `bare` is the
/// same text with strings blanked too, to match braces on.
fn strip_tests(code: &str, bare: &str) -> String {
    let mut out = code.as_bytes().to_vec();
    let b = bare.as_bytes();
    let mut from = 0;
    while let Some(p) = bare[from..].find("#[cfg(test)]") {
        let start = from + p;
        // The item runs to its closing brace, or to a `;` before any brace.
        let mut depth = 0usize;
        let mut end = b.len();
        for (j, &c) in b.iter().enumerate().skip(start + "#[cfg(test)]".len()) {
            match c {
                b'{' => depth += 1,
                b'}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        end = j + 1;
                        break;
                    }
                }
                b';' if depth == 0 => {
                    end = j + 1;
                    break;
                }
                _ => {}
            }
        }
        for c in &mut out[start..end] {
            if *c != b'\n' {
                *c = b' ';
            }
        }
        from = end;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Every `use` statement: whether it is a re-export (`pub use`, not
/// `pub(crate)`/`pub(super)`), and its tree with whitespace removed.
fn use_statements(code: &str) -> Vec<(bool, String)> {
    let mut out = Vec::new();
    let b = code.as_bytes();
    let mut from = 0;
    while let Some(p) = code[from..].find("use ") {
        let at = from + p;
        from = at + 4;
        if at > 0 && (b[at - 1].is_ascii_alphanumeric() || b[at - 1] == b'_') {
            continue;
        }
        let Some(len) = code[at..].find(';') else {
            break;
        };
        let tree: String = drop_renames(&code[at + 4..at + len])
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let before = code[..at].trim_end();
        let public = before.ends_with("pub");
        out.push((public, tree));
        from = at + len;
    }
    out
}

/// The paths of a use tree: `a::{b, c::{d, e}}` -> `a::b`, `a::c::d`,
/// `a::c::e`; `a::b as c` -> `a::b`.
fn expand_use_tree(tree: &str) -> Vec<ModPath> {
    fn expand(prefix: &[String], tree: &str, out: &mut Vec<ModPath>) {
        let tree = tree.trim_start_matches("::");
        if let Some(open) = tree.find('{') {
            let mut base = prefix.to_vec();
            base.extend(split(&tree[..open]));
            let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
            let mut depth = 0;
            let mut start = 0;
            for (i, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        expand(&base, &inner[start..i], out);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            expand(&base, &inner[start..], out);
        } else {
            let mut path = prefix.to_vec();
            path.extend(split(tree));
            if !path.is_empty() {
                out.push(path);
            }
        }
    }
    fn split(s: &str) -> Vec<String> {
        s.split("::")
            .filter(|p| !p.is_empty())
            .map(String::from)
            .collect()
    }
    let mut out = Vec::new();
    expand(&[], tree, &mut out);
    out
}

/// A use tree without its renames: `a::{b as c, d}` -> `a::{b , d}`.
fn drop_renames(tree: &str) -> String {
    let mut out = Vec::new();
    let mut words = tree.split_inclusive(|c: char| c.is_whitespace() || c == ',' || c == '}');
    while let Some(word) = words.next() {
        if word.trim() == "as" {
            // The new name, and whatever closes it (`,`, `}`).
            if let Some(name) = words.next() {
                out.push(name.trim_start_matches(|c: char| c.is_ascii_alphanumeric() || c == '_'));
            }
        } else {
            out.push(word);
        }
    }
    out.concat()
}

/// `crate::a::b`, `super::a`, `self::a::b` paths outside `use` statements
/// (in code, in attributes and in serde's string attributes).
fn inline_paths(code: &str) -> Vec<ModPath> {
    let b = code.as_bytes();
    let mut out = Vec::new();
    for root in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(p) = code[from..].find(root) {
            let at = from + p;
            from = at + root.len();
            if at > 0
                && (b[at - 1].is_ascii_alphanumeric() || b[at - 1] == b'_' || b[at - 1] == b':')
            {
                continue;
            }
            let end = code[at..]
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
                .map_or(code.len(), |e| at + e);
            let path: ModPath = code[at..end]
                .split("::")
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            out.push(path);
        }
    }
    out
}

/// The names of public items defined in a module (`pub struct X`, `pub fn
/// f`, `pub(crate) const C`, ...), for resolving glob re-exports.
fn public_items(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let words: Vec<&str> = code
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect();
    for w in words.windows(2) {
        if matches!(
            w[0],
            "struct" | "enum" | "fn" | "trait" | "type" | "const" | "static" | "mod" | "union"
        ) {
            out.insert(w[1].to_string());
        }
    }
    out
}
