//! Buffers reused from one statement to the next.
//!
//! Analysing a statement fills a dozen short vectors: tokens and their keys,
//! phrase matches, time expressions, clauses, quantities, findings. Made
//! afresh for each statement they were about half of the linter's 22
//! allocations per goal (each with its free), some 15% of its time natively
//! and more in WebAssembly, where dlmalloc is slower and, at opt-level "z",
//! every allocation goes through several calls that are not inlined. Each
//! thread keeps one set instead: a statement takes the buffers, the analysis
//! hands them back emptied, and the next statement reuses their capacity.
//!
//! A thread-local rather than a buffer in the [`Linter`](super::Linter),
//! which is shared across rayon's threads by `lint_many`: each thread has its
//! own buffers, and nothing is locked.

use std::cell::RefCell;

use super::lexicon::PhraseMatch;
use super::stages::{Analysis, Clause, Evidence, Finding, Generic, Outcome, Quantity};
use super::time::Found;
use super::token::Token;

/// A buffer grown past this many elements (by an unusually long statement)
/// is freed rather than kept, so a thread does not hold on to the memory of
/// its longest statement.
const KEEP_AT_MOST: usize = 4096;

/// The per-statement buffers, empty between statements.
#[derive(Debug)]
pub(crate) struct Scratch {
    pub keys: String,
    pub toks: Vec<Token>,
    pub matches: Vec<PhraseMatch>,
    pub match_index: Vec<u32>,
    pub found: Vec<Found>,
    pub time_of: Vec<u16>,
    pub clauses: Vec<Clause>,
    pub subclauses: Vec<Clause>,
    pub quantities: Vec<Quantity>,
    pub hyperbole_pct: Vec<(usize, usize)>,
    pub evidence: Vec<Evidence>,
    pub generic: Vec<Generic>,
    pub aim_evidence: Vec<Evidence>,
    pub aims: Vec<std::ops::Range<usize>>,
    pub findings: Vec<Finding>,
    pub ranges: Vec<(usize, usize)>,
    pub groups: Vec<(u32, u32)>,
}

/// Empty `v` and put it back in `slot`, unless it has grown too large to keep.
fn keep<T>(slot: &mut Vec<T>, mut v: Vec<T>) {
    if v.capacity() <= KEEP_AT_MOST {
        v.clear();
        *slot = v;
    }
}

impl Default for Scratch {
    fn default() -> Self {
        Scratch::new()
    }
}

impl Scratch {
    /// Empty buffers; `const` for the thread-local's initializer.
    const fn new() -> Scratch {
        Scratch {
            keys: String::new(),
            toks: Vec::new(),
            matches: Vec::new(),
            match_index: Vec::new(),
            found: Vec::new(),
            time_of: Vec::new(),
            clauses: Vec::new(),
            subclauses: Vec::new(),
            quantities: Vec::new(),
            hyperbole_pct: Vec::new(),
            evidence: Vec::new(),
            generic: Vec::new(),
            aim_evidence: Vec::new(),
            aims: Vec::new(),
            findings: Vec::new(),
            ranges: Vec::new(),
            groups: Vec::new(),
        }
    }

    /// Take back the buffers of a finished statement.
    pub fn recycle(&mut self, a: Analysis<'_>, outcome: Outcome) {
        let (keys, toks) = a.t.into_buffers();
        if keys.capacity() <= KEEP_AT_MOST {
            let mut keys = keys;
            keys.clear();
            self.keys = keys;
        }
        keep(&mut self.toks, toks);
        let (list, index) = a.m.into_buffers();
        keep(&mut self.matches, list);
        keep(&mut self.match_index, index);
        keep(&mut self.found, a.time);
        keep(&mut self.time_of, a.time_of);
        keep(&mut self.clauses, a.clauses);
        keep(&mut self.subclauses, a.subclauses);
        keep(&mut self.quantities, a.quantities);
        keep(&mut self.hyperbole_pct, a.hyperbole_pct);
        keep(&mut self.evidence, a.evidence);
        keep(&mut self.generic, a.generic);
        keep(&mut self.findings, outcome.findings);
        keep(&mut self.groups, outcome.groups);
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = const { RefCell::new(Scratch::new()) };
}

/// Run `f` with this thread's buffers, or with fresh ones when they are in
/// use (a nested call) or gone (a call from a thread-local destructor).
pub(crate) fn with<R>(f: impl Fn(&mut Scratch) -> R) -> R {
    let kept = SCRATCH.try_with(|cell| cell.try_borrow_mut().ok().map(|mut s| f(&mut s)));
    match kept {
        Ok(Some(r)) => r,
        _ => f(&mut Scratch::default()),
    }
}
