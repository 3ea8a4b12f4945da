//! The vocabularies of the linter, compiled once from `data/smart/*.txt`.
//!
//! Every entry of every file is tokenised with the linter's own tokenizer and
//! its keys are interned in one vocabulary (key -> word id). Entries of one
//! token are looked up directly; entries of several tokens go into a trie whose
//! edges are keyed by (node, word id). Matching a text is then one hash lookup
//! per token to get its word id, and a walk of at most the longest phrase from
//! each token: linear in the length of the text, with no regular expressions.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::token::NO_WORD;
use super::token::{Key, Token, Tokens, WordIds, tokenize_keys};
use super::unit::TimeUnit;
use crate::decimal::parse_f64;

/// FNV-1a: the keys are short, so a simple hash beats SipHash by a wide margin.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }

    fn write_u64(&mut self, n: u64) {
        // Packed keys hash two u64s: mix whole words, as for u32.
        let h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        self.0 = (h ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29);
    }

    fn write_u32(&mut self, n: u32) {
        // Trie edges hash two u32s: mix whole words rather than bytes.
        let h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        self.0 = (h ^ u64::from(n))
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .rotate_left(29);
    }
}

pub(crate) type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// How a verb bears on a goal; see `data/smart/verbs.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum VerbClass {
    Complete,
    Act,
    Transition,
    Change,
    Multiply,
    Vague,
    Copula,
    Intent,
}

/// Kind of a number word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumKind {
    Cardinal,
    Ordinal,
    Multiplier,
}

/// Class of a function word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Func {
    #[default]
    None,
    Possessive,
    Article,
    Demonstrative,
    Quantifier,
    VagueQuantifier,
}

/// What a single token is, as far as the lexicons know.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct WordInfo {
    pub verb: Option<VerbClass>,
    pub number: Option<(f64, NumKind)>,
    pub func: Func,
    /// The word can start a time expression (a keyword of the time grammar
    /// or a calendar word); other words are skipped without parsing.
    pub time_start: bool,
}

/// A lexicon category, with its value where the file gives one.
///
/// The hot paths test a category with `matches!`, not `==`: the derived
/// `PartialEq` of an enum with fields is a call at opt-level "z".
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Cat {
    Hedge,
    Vague,
    VagueTime,
    Comparative,
    Hyperbole,
    Abstract,
    JobNoun,
    Role,
    SeniorRole(u16),
    Credential,
    Program(u16),
    Deliverable,
    /// A completion event ("get promoted"): the index of what to name (in `class_hints`).
    Event(u16),
    AnchorEvent,
    NotCredential,
    Unit(TimeUnit),
    Frequency(TimeUnit),
    Currency,
    Month(u8),
    Weekday(u8),
    Season(u8),
    /// A noun naming a kind of outcome (`outcome_classes.txt`): the index of its hint.
    OutcomeClass(u16),
    /// A qualifier that identifies nothing ("new", "professional").
    GenericModifier,
    /// A word that rates belief or mood ("confidence", "sure").
    Confidence,
    /// A thing with a plausible human rate: the row of `rates.txt`.
    Rate(u16),
    /// A natural language.
    Language,
    /// A whole field of knowledge.
    Field,
    /// A level of skill: hours of study, and whether it applies to fields (else languages only).
    StudyLevel(u16, bool),
    /// An outcome plainly true or false ("quit smoking", "get married").
    Milestone,
    /// A word whose number names rather than counts ("release 4.2").
    Identifier,
}

/// One phrase found in a text: tokens `start..end` belong to `cat`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PhraseMatch {
    pub start: u32,
    pub end: u32,
    pub cat: Cat,
}

/// All phrase matches of a text, indexed by start token.
#[derive(Debug, Default)]
pub(crate) struct Matches {
    list: Vec<PhraseMatch>,
    /// `index[i]..index[i + 1]` are the matches starting at token `i`.
    index: Vec<u32>,
}

impl Matches {
    /// The matches that start at token `i`.
    #[inline(always)]
    pub fn at(&self, i: usize) -> &[PhraseMatch] {
        match (self.index.get(i), self.index.get(i + 1)) {
            (Some(&a), Some(&b)) => self.list.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The end of the longest match at `i` whose category passes `pred`.
    #[inline(always)]
    pub fn longest(&self, i: usize, pred: impl Fn(Cat) -> bool) -> Option<(usize, Cat)> {
        self.at(i)
            .iter()
            .filter(|m| pred(m.cat))
            .max_by_key(|m| m.end)
            .map(|m| (m.end as usize, m.cat))
    }

    /// Whether a match of a category passing `pred` starts at `i`.
    #[inline(always)]
    pub fn has(&self, i: usize, pred: impl Fn(Cat) -> bool) -> bool {
        self.at(i).iter().any(|m| pred(m.cat))
    }

    /// Every match.
    pub fn all(&self) -> &[PhraseMatch] {
        &self.list
    }

    /// The buffers, for the next statement.
    pub fn into_buffers(self) -> (Vec<PhraseMatch>, Vec<u32>) {
        (self.list, self.index)
    }
}

/// The compiled vocabularies.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    /// Keys of up to 15 bytes, packed: hashing and comparing them is a few
    /// integer operations, where a string key costs a loop over its bytes
    /// and a `memcmp` (calls the compiler does not inline at opt-level "z").
    /// Used while building; looked up through `table`.
    vocab: FnvMap<Key, u32>,
    /// `vocab` as an open-addressing table (linear probing, at most half
    /// full, empty slots have the id `NO_WORD`), `table_bits` the log2 of
    /// its size. Every token is looked up once; a probe here is a few
    /// inlined instructions, where the hash map's lookup is several calls at
    /// opt-level "z".
    table: Vec<(Key, u32)>,
    table_bits: u32,
    /// Longer keys.
    long_vocab: FnvMap<Box<str>, u32>,
    info: Vec<WordInfo>,
    /// Trie edges while building: (node, word id) -> child node. Node 0 is
    /// the root. Compiled into `root` and `child_*` once every file is read.
    edges: FnvMap<(u32, u32), u32>,
    /// The root's edges by word id (`NO_WORD` when none), for one array
    /// lookup per token instead of a hash lookup.
    root: Vec<u32>,
    /// The edges of node `k` (not the root) are `child_wid[r]` ->
    /// `child_node[r]` for `r` in `child_at[k]..child_at[k + 1]`, sorted by
    /// word id: a binary search over a node's few edges, where a hash lookup
    /// costs several calls the compiler does not inline at opt-level "z".
    child_at: Vec<u32>,
    child_wid: Vec<u32>,
    child_node: Vec<u32>,
    /// Categories of the phrases that end at each node.
    terminals: Vec<Vec<Cat>>,
    /// The word id standing for `<poss>` in phrases.
    poss: u32,
    /// What to name for each outcome class and event ([`Cat::OutcomeClass`], [`Cat::Event`]).
    pub(crate) class_hints: Vec<Box<str>>,
    /// The rows of `rates.txt` ([`Cat::Rate`]).
    pub(crate) rates: Vec<RateRow>,
}

/// One row of `rates.txt`: at most `max` of its thing per `per`, done by one of `verbs`.
#[derive(Debug, Clone)]
pub(crate) struct RateRow {
    /// Word ids of the verbs (every form); empty for any verb.
    pub verbs: Vec<u32>,
    /// The most a person manages per period.
    pub max: f64,
    /// The period.
    pub per: TimeUnit,
}

impl RateRow {
    /// Whether a clause whose verb has word id `wid` does this thing.
    pub(crate) fn done_by(&self, wid: Option<u32>) -> bool {
        self.verbs.is_empty() || wid.is_some_and(|w| self.verbs.contains(&w))
    }
}

/// `(name, text)` of each data file, compiled in.
macro_rules! data_files {
    ($($name:literal),* $(,)?) => {
        &[$(($name, crate::embed::data_text!(concat!("../../data/smart/", $name)))),*]
    };
}

const FILES: &[(&str, &str)] = data_files![
    "hedges.txt",
    "vague_phrases.txt",
    "vague_time.txt",
    "comparatives.txt",
    "hyperbole.txt",
    "abstract_nouns.txt",
    "roles.txt",
    "job_nouns.txt",
    "senior_roles.txt",
    "credentials.txt",
    "programs.txt",
    "deliverables.txt",
    "events.txt",
    "anchor_events.txt",
    "not_credentials.txt",
    "time_units.txt",
    "frequencies.txt",
    "currencies.txt",
    "months.txt",
    "weekdays.txt",
    "seasons.txt",
    "verbs.txt",
    "numbers.txt",
    "function_words.txt",
    "outcome_classes.txt",
    "generic_modifiers.txt",
    "confidence.txt",
    "languages.txt",
    "fields.txt",
    "study_levels.txt",
    "rates.txt",
    "milestones.txt",
    "identifiers.txt",
];

/// Keywords of the grammar that can start an expression. With the calendar
/// words of the lexicons (months, units, frequencies, vague time phrases) and
/// the number words, they are the only words the scanner tries to parse at;
/// every other word is skipped at the cost of one flag test.
pub(crate) const START_WORDS: &[&str] = &[
    "by",
    "until",
    "till",
    "til",
    "through",
    "thru",
    "on",
    "at",
    "due",
    "no",
    "not",
    "before",
    "prior",
    "ahead",
    "within",
    "in",
    "inside",
    "during",
    "throughout",
    "for",
    "across",
    "over",
    "from",
    "after",
    "starting",
    "beginning",
    "commencing",
    "once",
    "upon",
    "as",
    "since",
    "when",
    "every",
    "each",
    "per",
    "twice",
    "thrice",
    "a",
    "an",
    "this",
    "current",
    "next",
    "last",
    "previous",
    "past",
    "the",
    "end",
    "close",
    "start",
    "middle",
    "early",
    "mid",
    "late",
    "q",
    "h",
    "fy",
    "fiscal",
    "christmas",
    "xmas",
    "new",
    "today",
    "tonight",
    "tomorrow",
    "now",
    "up",
    "tmrw",
    "tmr",
    "yesterday",
    "following",
    "coming",
    "upcoming",
    "weekend",
    "workweek",
    "rest",
    "remainder",
    "remaining",
    "later",
    "sooner",
    "earlier",
    "less",
    "fewer",
    "final",
    "w",
    "cy",
    "calendar",
    "noughties",
    "eom",
    "eoq",
    "eoy",
    "eow",
    "eod",
    "half",
    "between",
    "several",
    "few",
    "some",
    "many",
];

/// The holiday table, `names : rule : regions` per line (format in the
/// file). The lexicon marks the first word of every name as a time start;
/// the time grammar reads the rules (`time::holidays`).
pub(crate) const HOLIDAYS: &str = crate::embed::data_text!("../../data/smart/holidays.txt");

/// The distinct first words (keys) of the holiday names, in table order.
fn holiday_first_words(table: &str) -> Vec<String> {
    let mut first: Vec<String> = Vec::new();
    for (_, fields) in lines(table) {
        for name in fields[0].split('|') {
            if let Some(key) = tokenize_keys(name.trim()).into_iter().next()
                && !first.contains(&key)
            {
                first.push(key);
            }
        }
    }
    first
}

/// The lexicon, compiled on first use.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    // The files are compiled in and a unit test checks they build cleanly,
    // so the fallback (an empty lexicon) is never used in practice.
    LEX.get_or_init(|| Lexicon::build().unwrap_or_default())
}

/// Tokens take their word ids from the lexicon.
impl WordIds for Lexicon {
    #[inline(always)]
    fn word_id(&self, key: &str) -> u32 {
        Lexicon::word_id(self, key)
    }

    #[inline(always)]
    fn packed_word_id(&self, packed: Key) -> u32 {
        Lexicon::packed_word_id(self, packed)
    }
}

/// Lines of a data file: comments and blank lines dropped, fields split on " : ".
fn lines(text: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    text.lines().enumerate().filter_map(|(n, line)| {
        let line = line.split('#').next().unwrap_or("").trim();
        // A '#' inside an entry (none today) would need escaping; entries are words.
        if line.is_empty() {
            None
        } else {
            Some((n + 1, line.split(" : ").map(str::trim).collect()))
        }
    })
}

fn plural(word: &str) -> String {
    let b = word.as_bytes();
    let consonant_y = b.len() > 1 && b[b.len() - 1] == b'y' && !b"aeiou".contains(&b[b.len() - 2]);
    if consonant_y {
        format!("{}ies", &word[..word.len() - 1])
    } else if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|s| word.ends_with(s))
    {
        format!("{word}es")
    } else {
        format!("{word}s")
    }
}

fn verb_forms(base: &str) -> Vec<String> {
    let b = base.as_bytes();
    let n = b.len();
    let vowel = |c: u8| b"aeiou".contains(&c);
    let consonant_y = n > 1 && b[n - 1] == b'y' && !vowel(b[n - 2]);
    let third = if consonant_y {
        format!("{}ies", &base[..n - 1])
    } else if ["s", "x", "z", "ch", "sh", "o"]
        .iter()
        .any(|s| base.ends_with(s))
    {
        format!("{base}es")
    } else {
        format!("{base}s")
    };
    let past = if base.ends_with('e') {
        format!("{base}d")
    } else if consonant_y {
        format!("{}ied", &base[..n - 1])
    } else {
        format!("{base}ed")
    };
    let ing = if base.ends_with("ie") {
        format!("{}ying", &base[..n - 2])
    } else if base.ends_with('e') && !base.ends_with("ee") && n > 2 {
        format!("{}ing", &base[..n - 1])
    } else {
        format!("{base}ing")
    };
    vec![third, past, ing]
}

fn unit_named(name: &str) -> Option<TimeUnit> {
    Some(match name {
        "minute" => TimeUnit::Minute,
        "hour" => TimeUnit::Hour,
        "day" => TimeUnit::Day,
        "business_day" => TimeUnit::BusinessDay,
        "week" => TimeUnit::Week,
        "fortnight" => TimeUnit::Fortnight,
        "month" => TimeUnit::Month,
        "quarter" => TimeUnit::Quarter,
        "half" => TimeUnit::Half,
        "year" => TimeUnit::Year,
        "decade" => TimeUnit::Decade,
        _ => return None,
    })
}

impl Lexicon {
    /// Compile every data file.
    ///
    /// # Errors
    /// A message naming the file and line of a malformed entry.
    pub(crate) fn build() -> Result<Lexicon, String> {
        let mut lex = Lexicon {
            terminals: vec![Vec::new()],
            ..Lexicon::default()
        };
        lex.poss = lex.intern("<poss>");
        for (file, text) in FILES {
            for (line, fields) in lines(text) {
                lex.add_line(file, &fields)
                    .map_err(|e| format!("data/smart/{file}, line {line}: {e}"))?;
            }
        }
        lex.root = vec![NO_WORD; lex.info.len()];
        let mut edges: Vec<(u32, u32, u32)> = Vec::with_capacity(lex.edges.len());
        for (&(node, wid), &child) in &lex.edges {
            if node == 0 {
                lex.root[wid as usize] = child;
            } else {
                edges.push((node, wid, child));
            }
        }
        crate::sort::sort(&mut edges);
        let nodes = lex.terminals.len();
        lex.child_at = Vec::with_capacity(nodes + 1);
        let mut next = 0;
        for node in 0..nodes {
            lex.child_at.push(next as u32);
            while edges.get(next).is_some_and(|e| e.0 as usize == node) {
                next += 1;
            }
        }
        lex.child_at.push(next as u32);
        lex.child_wid = edges.iter().map(|e| e.1).collect();
        lex.child_node = edges.iter().map(|e| e.2).collect();
        lex.edges = FnvMap::default();
        let holidays = holiday_first_words(HOLIDAYS);
        for key in START_WORDS
            .iter()
            .copied()
            .chain(holidays.iter().map(String::as_str))
        {
            let id = lex.intern(key);
            lex.info[id as usize].time_start = true;
        }
        for info in &mut lex.info {
            if info.number.is_some() {
                info.time_start = true;
            }
        }
        lex.build_table();
        Ok(lex)
    }

    /// Compile `vocab` into `table`.
    fn build_table(&mut self) {
        let mut bits = 4;
        while (1usize << bits) < 2 * self.vocab.len() {
            bits += 1;
        }
        let size = 1usize << bits;
        self.table = vec![(Key::new(""), NO_WORD); size];
        self.table_bits = bits;
        for (&key, &id) in &self.vocab {
            let mut at = (key.hash() >> (64 - bits)) as usize;
            while self.table.get(at).is_some_and(|slot| slot.1 != NO_WORD) {
                at = (at + 1) & (size - 1);
            }
            if let Some(slot) = self.table.get_mut(at) {
                *slot = (key, id);
            }
        }
    }

    /// The word id of `key` while building, or [`NO_WORD`].
    fn known(&self, key: &str) -> u32 {
        let packed = Key::new(key);
        let found = if packed.is_long() {
            self.long_vocab.get(key)
        } else {
            self.vocab.get(&packed)
        };
        found.copied().unwrap_or(NO_WORD)
    }

    fn intern(&mut self, key: &str) -> u32 {
        let id = self.known(key);
        if id != NO_WORD {
            return id;
        }
        let id = self.info.len() as u32;
        let packed = Key::new(key);
        if packed.is_long() {
            self.long_vocab.insert(key.into(), id);
        } else {
            self.vocab.insert(packed, id);
        }
        self.info.push(WordInfo::default());
        id
    }

    /// Add a phrase of category `cat`; returns the word id when it is one token.
    fn add_phrase(&mut self, phrase: &str, cat: Cat) -> Result<Option<u32>, String> {
        let keys = if phrase.contains("<poss>") {
            let mut keys = Vec::new();
            for (k, part) in phrase.split("<poss>").enumerate() {
                if k > 0 {
                    keys.push("<poss>".to_string());
                }
                keys.extend(tokenize_keys(part));
            }
            keys
        } else {
            tokenize_keys(phrase)
        };
        if keys.is_empty() {
            return Err(format!("empty phrase {phrase:?}"));
        }
        let mut node = 0u32;
        for key in &keys {
            let wid = self.intern(key);
            node = match self.edges.get(&(node, wid)) {
                Some(&child) => child,
                None => {
                    let child = self.terminals.len() as u32;
                    self.terminals.push(Vec::new());
                    self.edges.insert((node, wid), child);
                    child
                }
            };
        }
        // Calendar words and the first words of vague time phrases start time expressions.
        if matches!(
            cat,
            Cat::VagueTime
                | Cat::Unit(_)
                | Cat::Frequency(_)
                | Cat::Month(_)
                | Cat::Weekday(_)
                | Cat::Season(_)
        ) && let first = self.known(&keys[0])
            && first != NO_WORD
        {
            self.info[first as usize].time_start = true;
        }
        let slot = &mut self.terminals[node as usize];
        if !slot.contains(&cat) {
            slot.push(cat);
        }
        Ok(if keys.len() == 1 {
            Some(self.known(&keys[0])).filter(|&id| id != NO_WORD)
        } else {
            None
        })
    }

    fn add_noun(&mut self, phrase: &str, cat: Cat) -> Result<(), String> {
        self.add_phrase(phrase, cat)?;
        // The plural of the last word ("case study" -> "case studies").
        let (head, last) = match phrase.rsplit_once(' ') {
            Some((h, l)) => (format!("{h} "), l),
            None => (String::new(), phrase),
        };
        if last.chars().all(|c| c.is_ascii_alphabetic()) && last.len() > 1 && !last.ends_with('s') {
            self.add_phrase(&format!("{head}{}", plural(last)), cat)?;
        }
        Ok(())
    }

    fn number_value(fields: &[&str], at: usize) -> Result<f64, String> {
        let text = fields.get(at).ok_or_else(|| "missing value".to_string())?;
        parse_f64(text).ok_or_else(|| format!("bad number {text:?}"))
    }

    fn add_line(&mut self, file: &str, fields: &[&str]) -> Result<(), String> {
        let phrase = fields[0];
        let small = |v: f64| -> Result<u16, String> {
            if (0.0..=f64::from(u16::MAX)).contains(&v) {
                Ok(v as u16)
            } else {
                Err(format!("value {} out of range", v))
            }
        };
        match file {
            "hedges.txt" => drop(self.add_phrase(phrase, Cat::Hedge)?),
            "vague_phrases.txt" => drop(self.add_phrase(phrase, Cat::Vague)?),
            "vague_time.txt" => drop(self.add_phrase(phrase, Cat::VagueTime)?),
            "comparatives.txt" => drop(self.add_phrase(phrase, Cat::Comparative)?),
            "hyperbole.txt" => drop(self.add_phrase(phrase, Cat::Hyperbole)?),
            "abstract_nouns.txt" => self.add_noun(phrase, Cat::Abstract)?,
            "roles.txt" => self.add_noun(phrase, Cat::Role)?,
            "job_nouns.txt" => self.add_noun(phrase, Cat::JobNoun)?,
            "credentials.txt" => self.add_noun(phrase, Cat::Credential)?,
            "deliverables.txt" => self.add_noun(phrase, Cat::Deliverable)?,
            "events.txt" => {
                let hint = fields.get(1).ok_or("missing hint")?;
                let index = small(self.class_hints.len() as f64)?;
                self.class_hints.push((*hint).into());
                self.add_phrase(phrase, Cat::Event(index))?;
            }
            "anchor_events.txt" => drop(self.add_phrase(phrase, Cat::AnchorEvent)?),
            "not_credentials.txt" => drop(self.add_phrase(phrase, Cat::NotCredential)?),
            "senior_roles.txt" => {
                let months = small(Self::number_value(fields, 1)?)?;
                self.add_noun(phrase, Cat::SeniorRole(months))?;
            }
            "programs.txt" => {
                let months = small(Self::number_value(fields, 1)?)?;
                self.add_noun(phrase, Cat::Program(months))?;
            }
            "time_units.txt" | "frequencies.txt" => {
                let name = fields.get(1).ok_or("missing unit")?;
                let unit = unit_named(name).ok_or_else(|| format!("unknown unit {name:?}"))?;
                let cat = if file == "time_units.txt" {
                    Cat::Unit(unit)
                } else {
                    Cat::Frequency(unit)
                };
                self.add_phrase(phrase, cat)?;
            }
            "currencies.txt" => drop(self.add_phrase(phrase, Cat::Currency)?),
            "months.txt" | "weekdays.txt" | "seasons.txt" => {
                let n = Self::number_value(fields, 1)?;
                if !(1.0..=12.0).contains(&n) {
                    return Err(format!("value {} out of range", n));
                }
                let n = n as u8;
                let cat = match file {
                    "months.txt" => Cat::Month(n),
                    "weekdays.txt" => Cat::Weekday(n),
                    _ => Cat::Season(n),
                };
                self.add_phrase(phrase, cat)?;
            }
            "verbs.txt" => {
                let class = match fields.get(1).copied() {
                    Some("complete") => VerbClass::Complete,
                    Some("act") => VerbClass::Act,
                    Some("transition") => VerbClass::Transition,
                    Some("change") => VerbClass::Change,
                    Some("multiply") => VerbClass::Multiply,
                    Some("vague") => VerbClass::Vague,
                    Some("copula") => VerbClass::Copula,
                    Some("intent") => VerbClass::Intent,
                    other => return Err(format!("unknown verb class {other:?}")),
                };
                let mut forms = vec![phrase.to_string()];
                forms.extend(verb_forms(phrase));
                if let Some(extra) = fields.get(2) {
                    forms.extend(extra.split_whitespace().map(str::to_string));
                }
                for form in forms {
                    let id = self.intern(&form);
                    let info = &mut self.info[id as usize];
                    if info.verb.is_none() {
                        info.verb = Some(class);
                    }
                }
            }
            "numbers.txt" => {
                let value = Self::number_value(fields, 1)?;
                let kind = match fields.get(2).copied() {
                    Some("cardinal") => NumKind::Cardinal,
                    Some("ordinal") => NumKind::Ordinal,
                    Some("multiplier") => NumKind::Multiplier,
                    other => return Err(format!("unknown number kind {other:?}")),
                };
                let id = self.intern(phrase);
                self.info[id as usize].number = Some((value, kind));
            }
            "function_words.txt" => {
                let func = match fields.get(1).copied() {
                    Some("possessive") => Func::Possessive,
                    Some("article") => Func::Article,
                    Some("demonstrative") => Func::Demonstrative,
                    Some("quantifier") => Func::Quantifier,
                    Some("vague-quantifier") => Func::VagueQuantifier,
                    other => return Err(format!("unknown word class {other:?}")),
                };
                let id = self.intern(phrase);
                self.info[id as usize].func = func;
            }
            "outcome_classes.txt" => {
                let hint = fields.get(1).ok_or("missing hint")?;
                let index = small(self.class_hints.len() as f64)?;
                self.class_hints.push((*hint).into());
                self.add_noun(phrase, Cat::OutcomeClass(index))?;
            }
            "generic_modifiers.txt" => drop(self.add_phrase(phrase, Cat::GenericModifier)?),
            "confidence.txt" => drop(self.add_phrase(phrase, Cat::Confidence)?),
            "milestones.txt" => drop(self.add_phrase(phrase, Cat::Milestone)?),
            "identifiers.txt" => drop(self.add_phrase(phrase, Cat::Identifier)?),
            "languages.txt" => drop(self.add_phrase(phrase, Cat::Language)?),
            "fields.txt" => drop(self.add_phrase(phrase, Cat::Field)?),
            "study_levels.txt" => {
                let hours = small(Self::number_value(fields, 1)?)?;
                let field = match fields.get(2).copied() {
                    Some("field") => true,
                    Some("language") => false,
                    other => return Err(format!("expected language or field, got {other:?}")),
                };
                self.add_phrase(phrase, Cat::StudyLevel(hours, field))?;
            }
            "rates.txt" => {
                let verbs = fields.get(1).ok_or("missing verbs")?;
                let max = Self::number_value(fields, 2)?;
                if !(max.is_finite() && max > 0.0) {
                    return Err(format!("expected a positive rate, got {}", max));
                }
                let per = fields.get(3).ok_or("missing period")?;
                let per = unit_named(per)
                    .filter(|u| !u.is_clock())
                    .ok_or_else(|| format!("unknown period {per:?}"))?;
                let mut wids = Vec::new();
                if verbs.trim() != "*" {
                    for verb in verbs.split(',').map(str::trim).filter(|v| !v.is_empty()) {
                        // "listen to": the verb is the first word.
                        let base = verb.split(' ').next().unwrap_or(verb);
                        let mut forms = vec![base.to_string()];
                        forms.extend(verb_forms(base));
                        for form in forms {
                            let id = self.intern(&form);
                            if !wids.contains(&id) {
                                wids.push(id);
                            }
                        }
                    }
                }
                let row = small(self.rates.len() as f64)?;
                self.rates.push(RateRow {
                    verbs: wids,
                    max,
                    per,
                });
                self.add_noun(phrase, Cat::Rate(row))?;
            }
            _ => return Err(format!("no reader for {file}")),
        }
        Ok(())
    }

    /// The word id of a normalised key, or [`NO_WORD`].
    pub(crate) fn word_id(&self, key: &str) -> u32 {
        let packed = Key::new(key);
        if packed.is_long() {
            self.long_vocab.get(key).copied().unwrap_or(NO_WORD)
        } else {
            self.packed_word_id(packed)
        }
    }

    /// The word id of a key of at most 15 bytes, packed.
    #[inline(always)]
    pub(crate) fn packed_word_id(&self, packed: Key) -> u32 {
        if self.table_bits == 0 {
            return NO_WORD;
        }
        let mask = (1usize << self.table_bits) - 1;
        let mut at = (packed.hash() >> (64 - self.table_bits)) as usize;
        // The table is at most half full: a probe ends at an empty slot.
        while let Some(&(key, id)) = self.table.get(at) {
            if id == NO_WORD || key == packed {
                return id;
            }
            at = (at + 1) & mask;
        }
        NO_WORD
    }

    /// What the lexicon knows about word id `wid`.
    #[inline(always)]
    pub(crate) fn info(&self, wid: u32) -> WordInfo {
        self.info.get(wid as usize).copied().unwrap_or_default()
    }

    /// The child of trie node `node` along word `wid`.
    #[inline(always)]
    fn child(&self, node: u32, wid: u32) -> Option<u32> {
        if node == 0 {
            return self
                .root
                .get(wid as usize)
                .copied()
                .filter(|&c| c != NO_WORD);
        }
        let (Some(&from), Some(&to)) = (
            self.child_at.get(node as usize),
            self.child_at.get(node as usize + 1),
        ) else {
            return None;
        };
        let (mut lo, mut hi) = (from as usize, to as usize);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.child_wid.get(mid) {
                Some(&w) if w < wid => lo = mid + 1,
                Some(&w) if w == wid => return self.child_node.get(mid).copied(),
                _ => hi = mid,
            }
        }
        None
    }

    /// Find every phrase of every category in `t`.
    pub(crate) fn match_phrases(&self, t: &Tokens<'_>) -> Matches {
        self.match_phrases_in(t, Vec::new(), Vec::new())
    }

    /// [`Lexicon::match_phrases`] into the buffers of an earlier statement.
    pub(crate) fn match_phrases_in(
        &self,
        t: &Tokens<'_>,
        mut list: Vec<PhraseMatch>,
        mut index: Vec<u32>,
    ) -> Matches {
        let n = t.len();
        list.clear();
        index.clear();
        index.reserve(n + 1);
        for start in 0..n {
            index.push(list.len() as u32);
            if t.wid(start) != NO_WORD {
                self.walk(&t.toks, start, 0, start, &mut list);
            }
        }
        index.push(list.len() as u32);
        Matches { list, index }
    }

    /// Follow the trie from `node` over the tokens from `at`, recording each
    /// phrase that starts at token `start` and ends on the way. The matches
    /// come out in the order of a depth-first walk that tries the
    /// `<poss>` edge before the word's own.
    fn walk(
        &self,
        toks: &[Token],
        start: usize,
        mut node: u32,
        mut at: usize,
        list: &mut Vec<PhraseMatch>,
    ) {
        while let Some(tok) = toks.get(at) {
            let wid = tok.wid;
            if wid == NO_WORD {
                return;
            }
            let next = self.child(node, wid);
            if let Some(c) = next {
                self.ends_at(c, start, at, list);
            }
            // "<poss>" stands for any possessive ("advance in my career",
            // "in our career"): a second path, walked first. It is rare,
            // so only it recurses; the word's own path is followed in
            // this loop.
            if self.info(wid).func == Func::Possessive
                && let Some(p) = self.child(node, self.poss)
            {
                self.ends_at(p, start, at, list);
                self.walk(toks, start, p, at + 1, list);
            }
            let Some(c) = next else {
                return;
            };
            node = c;
            at += 1;
        }
    }

    /// Record the phrases that end at node `node`, on token `at`.
    fn ends_at(&self, node: u32, start: usize, at: usize, list: &mut Vec<PhraseMatch>) {
        for &cat in self
            .terminals
            .get(node as usize)
            .map_or(&[][..], Vec::as_slice)
        {
            list.push(PhraseMatch {
                start: start as u32,
                end: (at + 1) as u32,
                cat,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_build_cleanly() {
        let lex = Lexicon::build().unwrap();
        let words = lex.vocab.len() + lex.long_vocab.len();
        assert!(words > 1000, "{words}");
    }

    #[test]
    fn rates_know_their_verbs_and_periods() {
        let lex = lexicon();
        let t = Tokens::new("read 5 books, write 2 books", lex);
        let m = lex.match_phrases(&t);
        let rows: Vec<&RateRow> = m
            .at(2)
            .iter()
            .filter_map(|x| match x.cat {
                Cat::Rate(r) => lex.rates.get(usize::from(r)),
                _ => None,
            })
            .collect();
        assert!(rows.len() >= 2, "books are read and written");
        let read = rows.iter().find(|r| r.done_by(Some(t.wid(0)))).unwrap();
        assert_eq!((read.max, read.per), (3.0, TimeUnit::Week));
        let write = rows.iter().find(|r| r.done_by(Some(t.wid(4)))).unwrap();
        assert_eq!(write.per, TimeUnit::Quarter);
        assert!(!read.done_by(None), "a rate needs its verb");
        let mut bad = Lexicon::default();
        assert!(
            bad.add_line("rates.txt", &["book", "read", "3", "hour"])
                .is_err()
        );
        assert!(
            bad.add_line("rates.txt", &["book", "read", "-1", "week"])
                .is_err()
        );
        assert!(
            bad.add_line("study_levels.txt", &["b2", "600", "planet"])
                .is_err()
        );
    }

    #[test]
    fn inflections() {
        assert_eq!(verb_forms("finish"), ["finishes", "finished", "finishing"]);
        assert_eq!(
            verb_forms("complete"),
            ["completes", "completed", "completing"]
        );
        assert_eq!(verb_forms("apply"), ["applies", "applied", "applying"]);
        assert_eq!(plural("case study"), "case studies");
        assert_eq!(plural("class"), "classes");
    }

    #[test]
    fn phrases_with_possessives_and_plurals() {
        let lex = lexicon();
        let t = Tokens::new("Advance in our career and publish two case studies", lex);
        let m = lex.match_phrases(&t);
        assert_eq!(m.longest(0, |c| c == Cat::Vague).map(|x| x.0), Some(4));
        assert!(m.has(7, |c| c == Cat::Deliverable));
        assert_eq!(
            m.longest(7, |c| c == Cat::Deliverable).map(|x| x.0),
            Some(9)
        );
    }
}
