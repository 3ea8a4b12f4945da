//! Features of a goal statement: clauses and their verbs, quantities, and the
//! evidence of a concrete, measurable outcome.
//!
//! The statement is split into clauses at coordinators ("and", ",", ";",
//! "then") followed by a verb; relative clauses ("who ...") and means or
//! purpose clauses ("by completing ...", "to discuss ...") stay inside the
//! clause they hang on. Each clause has a main verb (the first verb after
//! hedges, intent verbs such as "want to" and leading adverbials), whose class
//! comes from `data/smart/verbs.txt`.

use super::lexicon::{Cat, Func, Lexicon, Matches, VerbClass};
use super::number::{number_at, ordinal_at};
use super::scratch::Scratch;
use super::stages::{Analysis, Clause, Evidence, Generic, QKind, Quantity};
use super::time::{Found, TimeKind};
use super::token::{Case, KeySet, TokKind, Tokens, kw, kws};

pub(crate) const PREPS: &KeySet = kws![
    "to", "from", "with", "for", "at", "in", "on", "by", "of", "about", "into", "as", "within",
    "over", "under", "across", "through", "during", "before", "after", "per", "than", "like",
    "via",
];

const PARTICLES: &KeySet = kws!["on", "up", "out", "off", "down", "back", "over", "through"];

impl<'a> Analysis<'a> {
    pub fn new(t: Tokens<'a>, m: Matches, time: Vec<Found>, lex: &Lexicon) -> Analysis<'a> {
        Analysis::new_in(t, m, time, lex, &mut Scratch::default())
    }

    /// [`Analysis::new`] into the buffers of an earlier statement.
    pub fn new_in(
        t: Tokens<'a>,
        m: Matches,
        time: Vec<Found>,
        lex: &Lexicon,
        s: &mut Scratch,
    ) -> Analysis<'a> {
        let n = t.len();
        let mut time_of = std::mem::take(&mut s.time_of);
        time_of.clear();
        time_of.resize(n, 0);
        for (k, f) in time.iter().enumerate() {
            for slot in time_of.iter_mut().take(f.to.min(n)).skip(f.from) {
                *slot = (k + 1).min(usize::from(u16::MAX)) as u16;
            }
        }
        let mut a = Analysis {
            t,
            m,
            time,
            time_of,
            clauses: std::mem::take(&mut s.clauses),
            subclauses: std::mem::take(&mut s.subclauses),
            quantities: std::mem::take(&mut s.quantities),
            hyperbole_pct: std::mem::take(&mut s.hyperbole_pct),
            evidence: Vec::new(),
            generic: std::mem::take(&mut s.generic),
        };
        a.generic.clear();
        a.clauses.clear();
        a.subclauses.clear();
        a.quantities.clear();
        a.hyperbole_pct.clear();
        a.find_clauses(lex);
        a.find_quantities(lex);
        let mut evidence = std::mem::take(&mut s.evidence);
        evidence.clear();
        let mut generic = std::mem::take(&mut a.generic);
        evidence.extend((0..a.clauses.len()).map(|c| a.clause_evidence(lex, c, &mut generic)));
        a.evidence = evidence;
        a.generic = generic;
        a
    }

    /// Whether token `i` lies inside a time expression.
    #[inline(always)]
    pub fn in_time(&self, i: usize) -> bool {
        self.time_of.get(i).is_some_and(|&k| k != 0)
    }

    /// The kind of the time expression covering token `i`.
    #[inline(always)]
    pub fn time_kind(&self, i: usize) -> Option<TimeKind> {
        // No `bool::then`: at opt-level "z" it stays a call.
        let k = usize::from(*self.time_of.get(i)?);
        Some(self.time.get(k.checked_sub(1)?)?.expr.kind)
    }

    fn verb_class(&self, lex: &Lexicon, i: usize) -> Option<VerbClass> {
        if i >= self.t.len() || !self.t.is_word(i) || self.in_time(i) {
            return None;
        }
        lex.info(self.t.wid(i)).verb
    }

    /// Whether token `i` can be a verb here: a verb word not used as a noun
    /// (after an article, a possessive or a number) nor inside a compound.
    fn verb_at(&self, lex: &Lexicon, i: usize) -> Option<VerbClass> {
        let class = self.verb_class(lex, i)?;
        if i > 0 {
            if self.t.joined(i) && self.t.is(i - 1, kw!("-")) {
                return None;
            }
            if self.t.is_num(i - 1) {
                return None;
            }
            let info = lex.info(self.t.wid(i - 1));
            if matches!(
                info.func,
                Func::Article | Func::Possessive | Func::Demonstrative | Func::Quantifier
            ) || info.number.is_some()
            {
                return None;
            }
        }
        Some(class)
    }

    fn find_clauses(&mut self, lex: &Lexicon) {
        let n = self.t.len();
        let mut i = 0;
        // Leading material: adverbials, hedges, pronouns, intent verbs.
        let mut clause = Clause {
            start: 0,
            end: n,
            verb: None,
            class: None,
            continues: false,
        };
        let mut sub: Option<Clause> = None;
        while i < n {
            if clause.verb.is_none() {
                if let Some(class) = self.verb_at(lex, i) {
                    // "have to": an auxiliary before the real verb.
                    let auxiliary =
                        self.t.is(i + 1, kw!("to")) && self.t.is_any(i, kws!["have", "has", "had"]);
                    if class != VerbClass::Intent && !auxiliary {
                        clause.verb = Some(i);
                        clause.class = Some(class);
                    }
                }
                i += 1;
                continue;
            }
            // A new top-level clause: a coordinator followed by a verb.
            let coord = self
                .t
                .is_any(i, kws!["and", "&", "plus", "then", ",", ";", "or"])
                || (self.t.is(i, kw!("as"))
                    && self.t.is(i + 1, kw!("well"))
                    && self.t.is(i + 2, kw!("as")));
            if coord {
                let mut j = i + 1;
                if self.t.is(i, kw!("as")) {
                    j = i + 3;
                }
                while self
                    .t
                    .is_any(j, kws!["and", "then", "also", "i", "will", "to"])
                {
                    j += 1;
                }
                if let Some(class) = self.verb_at(lex, j)
                    && class != VerbClass::Intent
                    && !(self.t.is(i, kw!(","))
                        && j == i + 1
                        && class == VerbClass::Copula
                        && !self.t.is_any(j, kws!["be", "stay", "keep", "remain"]))
                {
                    if let Some(s) = sub.take() {
                        self.subclauses.push(Clause { end: i, ..s });
                    }
                    clause.end = i;
                    self.clauses.push(clause);
                    // "... and review it": the pronoun is the previous clause's outcome.
                    let mut o = j + 1;
                    while self.t.is_any(o, PARTICLES) {
                        o += 1;
                    }
                    let continues = self.t.is_any(o, kws!["it", "them"])
                        || (self.t.is_any(o, kws!["this", "that", "these", "those"])
                            && (!self.t.is_word(o + 1) || self.t.is_any(o + 1, PREPS)));
                    clause = Clause {
                        start: i + 1,
                        end: n,
                        verb: Some(j),
                        class: Some(class),
                        continues,
                    };
                    i = j + 1;
                    continue;
                }
            }
            // Subordinate clauses: "who gives", "by completing", "to discuss".
            let rel = self.t.is_any(
                i,
                kws!["who", "which", "that", "where", "by", "to", "while", "so"],
            );
            if rel
                && let Some(class) = self.verb_at(lex, i + 1)
                && (!self.t.is(i, kw!("by")) || self.t.key(i + 1).ends_with("ing"))
                && !(self.t.is(i, kw!("to"))
                    && self.t.is_word(i + 1)
                    && lex.info(self.t.wid(i + 1)).func != Func::None)
            {
                if let Some(s) = sub.take() {
                    self.subclauses.push(Clause { end: i, ..s });
                }
                sub = Some(Clause {
                    start: i,
                    end: n,
                    verb: Some(i + 1),
                    class: Some(class),
                    continues: false,
                });
                i += 2;
                continue;
            }
            i += 1;
        }
        if let Some(s) = sub.take() {
            self.subclauses.push(s);
        }
        self.clauses.push(clause);
        // Goals are imperatives: with no known verb, the first plain word is
        // taken as an unknown verb of action ("Own a dental practice").
        if self.clauses[0].verb.is_none() {
            let end = self.clauses[0].end;
            let first = (0..end).find(|&k| {
                self.t.is_word(k)
                    && !self.in_time(k)
                    && lex.info(self.t.wid(k)).func == Func::None
                    && lex.info(self.t.wid(k)).number.is_none()
                    && !self
                        .t
                        .is_any(k, kws!["i", "we", "to", "will", "i'll", "we'll"])
                    && !self.m.has(k, |c| matches!(c, Cat::Hedge | Cat::VagueTime))
                    && !(k > 0
                        && self.m.all().iter().any(|m| {
                            (m.start as usize) < k
                                && (m.end as usize) > k
                                && matches!(m.cat, Cat::Hedge)
                        }))
            });
            if let Some(k) = first
                && self.t.toks[k].case != Case::Upper
                && !self.m.has(k, |c| {
                    matches!(
                        c,
                        Cat::Role
                            | Cat::Deliverable
                            | Cat::Credential
                            | Cat::Abstract
                            | Cat::JobNoun
                            | Cat::Comparative
                    )
                })
            {
                self.clauses[0].verb = Some(k);
                self.clauses[0].class = Some(VerbClass::Act);
            }
        }
    }

    /// The clause (index) that token `i` belongs to.
    pub fn clause_of(&self, i: usize) -> usize {
        self.clauses
            .iter()
            .position(|c| i >= c.start && i < c.end)
            .unwrap_or(self.clauses.len().saturating_sub(1))
    }

    /// Whether token `i` is inside a subordinate clause.
    pub fn in_subclause(&self, i: usize) -> bool {
        self.subclauses.iter().any(|c| i >= c.start && i < c.end)
    }

    fn find_quantities(&mut self, lex: &Lexicon) {
        let t = &self.t;
        let n = t.len();
        let mut i = 0;
        while i < n {
            if let Some(kind) = self.time_kind(i) {
                let k = usize::from(self.time_of[i]) - 1;
                let f = &self.time[k];
                let q = match kind {
                    TimeKind::Measure => Some(QKind::Measure),
                    TimeKind::Frequency if f.counted => Some(QKind::Rate),
                    _ => None,
                };
                if let Some(q) = q {
                    let value = f.expr.rate.or(f.expr.duration).map_or(0.0, |d| d.value);
                    self.quantities.push(Quantity {
                        from: f.from,
                        to: f.to,
                        value,
                        kind: q,
                    });
                }
                i = f.to.max(i + 1);
                continue;
            }
            // "10x", "24/7": numbers inside a figure of speech count nothing.
            if let Some((e, _)) = self.m.longest(i, |c| matches!(c, Cat::Hyperbole)) {
                i = e;
                continue;
            }
            let tok = &t.toks[i];
            let numeric = tok.kind == TokKind::Num
                || (tok.kind == TokKind::Word
                    && (lex.info(tok.wid).number.is_some() || t.is_any(i, kws!["a", "an"])));
            if !numeric || (tok.kind == TokKind::Word && ordinal_at(t, lex, i).is_some()) {
                i += 1;
                continue;
            }
            let Some(num) = number_at(t, lex, i) else {
                i += 1;
                continue;
            };
            // A bare "a"/"an" is not a number; number_at only accepts them before a multiplier.
            let mut from = i;
            let mut to = num.end;
            let tok = &t.toks[i];
            let year_like = tok.kind == TokKind::Num
                && !tok.formatted
                && tok.int_digits == 4
                && (1900.0..2200.0).contains(&tok.value);
            let currency_before =
                i > 0 && self.m.has(i - 1, |c| matches!(c, Cat::Currency)) && t.joined(i);
            let kind = if t.is(to, kw!("%"))
                || t.is_any(to, kws!["percent", "pct"])
                || (t.is(to, kw!("per")) && t.is(to + 1, kw!("cent")))
            {
                to += if t.is(to, kw!("per")) { 2 } else { 1 };
                QKind::Percent
            } else if currency_before {
                from = i - 1;
                QKind::Money
            } else if self.m.has(to, |c| matches!(c, Cat::Currency)) {
                to += 1;
                QKind::Money
            } else if i > 0
                && (t.is_any(
                    i - 1,
                    kws![
                        "to", "from", "by", "under", "below", "above", "than", "least", "most",
                        "of",
                    ],
                ) || (t.joined(i) && t.is_word(i - 1)))
            {
                QKind::Target
            } else if t.is_word(to) || (t.is(to, kw!("-")) && t.joined(to) && t.is_word(to + 1)) {
                if t.is_any(to, kws!["of", "or", "and", "to"]) && num.words {
                    i = num.end;
                    continue;
                }
                // "my 3 core values", "5 new skills": a count of qualities is no measure.
                let head = (to..(to + 3).min(n))
                    .take_while(|&k| t.is_word(k) && !t.is_any(k, PREPS))
                    .find(|&k| {
                        self.m
                            .has(k, |c| matches!(c, Cat::Abstract | Cat::Deliverable))
                    });
                if head.is_some_and(|k| {
                    self.m.has(k, |c| matches!(c, Cat::Abstract))
                        && !self.m.has(k, |c| matches!(c, Cat::Deliverable))
                }) {
                    i = num.end;
                    continue;
                }
                QKind::Count
            } else if num.words {
                // "one", "two" alone are pronouns more often than quantities.
                i = num.end;
                continue;
            } else {
                QKind::Target
            };
            if year_like && kind != QKind::Money && kind != QKind::Percent {
                i = num.end;
                continue;
            }
            // "release 4.2", "ticket #4521", "JIRA-1234": a number that names.
            if kind != QKind::Money && kind != QKind::Percent && self.identifier(from) {
                i = num.end;
                continue;
            }
            // "(confidence: 6 of 10)", "I'm 70% sure": a rating of belief or
            // mood measures nothing the goal produces.
            if kind != QKind::Money && self.rates_belief(from, to) {
                i = self.after_scale(to);
                continue;
            }
            // "gives 200%", "give 110 percent": effort as a figure of speech.
            if kind == QKind::Percent && num.value >= 100.0 {
                let givers = kws![
                    "give", "gives", "giving", "gave", "put", "puts", "bring", "brings", "deliver",
                ];
                let before = (from.saturating_sub(3)..from).any(|k| t.is_any(k, givers));
                let after = t.is_any(to, kws!["effort", "on", "every", "all"]);
                if before || after {
                    let start = (from.saturating_sub(3)..from)
                        .find(|&k| t.is_any(k, givers))
                        .unwrap_or(from);
                    self.hyperbole_pct.push((start, to));
                    i = to;
                    continue;
                }
            }
            self.quantities.push(Quantity {
                from,
                to,
                value: num.value,
                kind,
            });
            i = to.max(i + 1);
        }
    }

    /// Whether the number at `at` names a thing: after an identifier word
    /// (`identifiers.txt`), a "#", or an upper-case code joined by a hyphen.
    fn identifier(&self, at: usize) -> bool {
        let t = &self.t;
        if at == 0 {
            return false;
        }
        t.is(at - 1, kw!("#"))
            || (self.m.has(at - 1, |c| matches!(c, Cat::Identifier))
                // "release 2 features": the verb counts.
                && !self.clauses.iter().any(|c| c.verb == Some(at - 1)))
            || (at >= 2
                && t.joined(at)
                && t.is(at - 1, kw!("-"))
                && t.toks[at - 2].case == Case::Upper)
    }

    /// Whether a number naming the thing follows at `at`: "release 4.2", "ticket #4521".
    fn numbered(&self, at: usize) -> bool {
        let n = if self.t.is(at, kw!("#")) { at + 1 } else { at };
        self.t.is_num(n) && self.identifier(n)
    }

    /// Whether the number `from..to` rates belief or mood: a confidence word
    /// next to it in the same sentence, or a scale in parentheses ("(7/10)").
    fn rates_belief(&self, from: usize, to: usize) -> bool {
        let t = &self.t;
        let stop = |k: usize| t.is_any(k, kws![".", "!", "?", ";"]);
        let mut k = from;
        while k > 0 && from - k < 4 && !stop(k - 1) {
            k -= 1;
            if self.m.has(k, |c| matches!(c, Cat::Confidence)) {
                return true;
            }
        }
        let mut k = to;
        while k < t.len() && k - to < 3 && !stop(k) {
            if self.m.has(k, |c| matches!(c, Cat::Confidence)) {
                return true;
            }
            k += 1;
        }
        // "(6 of 10)", "(currently 7/10)": a rating scale in parentheses.
        let scale = self.after_scale(to);
        scale > to
            && t.is(scale, kw!(")"))
            && (from.saturating_sub(3)..from).any(|k| t.is(k, kw!("(")))
    }

    /// The end of "of 10", "out of 10" or "/10" after a rating at `to`, or `to`.
    fn after_scale(&self, to: usize) -> usize {
        let t = &self.t;
        let k = if t.is(to, kw!("out")) && t.is(to + 1, kw!("of")) {
            to + 2
        } else if t.is_any(to, kws!["of", "/"]) {
            to + 1
        } else {
            return to;
        };
        if t.is_num(k) && [5.0, 10.0, 100.0].contains(&t.toks[k].value) {
            k + 1
        } else {
            to
        }
    }

    /// Quantities inside clause `c` (including its subordinate clauses).
    pub fn clause_quantities(&self, c: usize) -> impl Iterator<Item = &Quantity> {
        let cl = self.clauses[c];
        self.quantities
            .iter()
            .filter(move |q| q.from >= cl.start && q.from < cl.end)
    }

    /// Matches of a category inside clause `c`, outside time expressions.
    pub fn clause_matches(
        &self,
        c: usize,
        pred: impl Fn(Cat) -> bool,
    ) -> impl Iterator<Item = (usize, usize, Cat)> {
        let cl = self.clauses[c];
        self.m
            .all()
            .iter()
            .filter(move |m| {
                let s = m.start as usize;
                s >= cl.start && s < cl.end && pred(m.cat) && !self.in_time(s)
            })
            .map(|m| (m.start as usize, m.end as usize, m.cat))
    }

    /// Whether the noun phrase ending before `head` starts with a determiner,
    /// a possessive or a number (and has no comparative in it).
    pub fn determined(&self, lex: &Lexicon, head: usize, floor: usize) -> bool {
        let t = &self.t;
        let mut k = head;
        let mut steps = 0;
        while k > floor && steps < 7 {
            k -= 1;
            steps += 1;
            if self.in_time(k) {
                // "next year's conference": a time in the genitive determines the noun.
                if self.genitive_time(k) {
                    return true;
                }
                // "an 8-week course": the modifier sits inside the noun phrase.
                continue;
            }
            if t.is_num(k) {
                return true;
            }
            if !t.is_word(k) {
                if t.is(k, kw!("-")) || t.is(k, kw!("'")) {
                    continue;
                }
                return false;
            }
            let info = lex.info(t.wid(k));
            match info.func {
                Func::Article | Func::Possessive | Func::Demonstrative | Func::Quantifier => {
                    return true;
                }
                Func::VagueQuantifier => return false,
                Func::None => {}
            }
            if info.number.is_some() || ordinal_at(t, lex, k).is_some() {
                return true;
            }
            if self.m.has(k, |c| matches!(c, Cat::Comparative))
                || t.is_any(k, PREPS)
                || t.is_any(k, kws!["and", "or"])
            {
                return false;
            }
            if let Some(class) = info.verb
                && class != VerbClass::Act
                && class != VerbClass::Complete
                && k + 1 < head
            {
                return false;
            }
        }
        false
    }

    fn clause_evidence(&self, lex: &Lexicon, c: usize, generic: &mut Vec<Generic>) -> Evidence {
        let cl = self.clauses[c];
        let t = &self.t;
        let mut ev = Evidence {
            quantity: self.clause_quantities(c).next().is_some(),
            ..Evidence::default()
        };
        let class = cl.class;
        let concrete_verb = matches!(
            class,
            Some(
                VerbClass::Complete
                    | VerbClass::Act
                    | VerbClass::Transition
                    | VerbClass::Change
                    | VerbClass::Multiply
            ) | None
        );
        if class == Some(VerbClass::Multiply) {
            // "double my income" states its target.
            ev.quantity = true;
        }
        for (s, e, cat) in self.clause_matches(c, |c| {
            matches!(
                c,
                Cat::Role
                    | Cat::SeniorRole(_)
                    | Cat::JobNoun
                    | Cat::Credential
                    | Cat::Deliverable
                    | Cat::Event(_)
                    | Cat::Milestone
            )
        }) {
            match cat {
                Cat::Role | Cat::SeniorRole(_) => {
                    // "keep my manager happy": only "be"/"become" make a role the goal's.
                    let copula_be = class != Some(VerbClass::Copula)
                        || cl
                            .verb
                            .is_some_and(|v| t.is_any(v, kws!["be", "being", "am", "is", "are"]));
                    let into = copula_be
                        && matches!(
                            class,
                            Some(VerbClass::Transition | VerbClass::Copula | VerbClass::Complete)
                        )
                        || (s.saturating_sub(5)..s).any(|k| t.is_any(k, kws!["as", "to", "into"]));
                    if into && !self.in_subclause(s) && self.plain_np(lex, s, cl.start) {
                        ev.role = true;
                    }
                }
                Cat::JobNoun => {
                    // "a data analyst job", "a UX design role": a job named by its qualifier.
                    let into = matches!(
                        class,
                        Some(
                            VerbClass::Transition
                                | VerbClass::Copula
                                | VerbClass::Complete
                                | VerbClass::Act
                        )
                    ) || (s.saturating_sub(5)..s)
                        .any(|k| t.is_any(k, kws!["as", "to", "into"]));
                    if !into || self.in_subclause(s) {
                        continue;
                    }
                    let object = cl
                        .verb
                        .is_some_and(|v| v < s && !(v + 1..s).any(|k| t.is_any(k, PREPS)));
                    if self.plain_np(lex, s, cl.start) && self.qualified(lex, s, cl.start) {
                        ev.role = true;
                    } else if object && self.described(lex, s + 1, cl.end) {
                        // "a job in data engineering", "a job at Google".
                        ev.described = true;
                    } else if let Some(hint) = self.class_at(s)
                        && object
                        && !self.identified(lex, s, s + 1, cl.start, cl.end)
                    {
                        // "land a better job": which job? (Not "ask about a
                        // promotion": only the verb's own object is its outcome.)
                        ev.generic = true;
                        self.push_generic(lex, generic, c, s, hint);
                    }
                }
                Cat::Credential => match self.class_at(s) {
                    // "earn a certification": a kind of credential, not one.
                    Some(hint)
                        if self
                            .m
                            .longest(s, |c| matches!(c, Cat::Credential))
                            .map(|m| m.0)
                            == Some(s + 1)
                            && !self.identified(lex, s, s + 1, cl.start, cl.end) =>
                    {
                        ev.generic = true;
                        self.push_generic(lex, generic, c, s, hint);
                    }
                    _ => ev.credential = true,
                },
                Cat::Deliverable
                    if concrete_verb
                        && (self.determined(lex, s, cl.verb.unwrap_or(cl.start))
                            || self.numbered(e)) =>
                {
                    match self.class_at(s) {
                        Some(hint) if !self.identified(lex, s, s + 1, cl.start, cl.end) => {
                            ev.generic = true;
                            self.push_generic(lex, generic, c, s, hint);
                        }
                        _ => ev.deliverable = true,
                    }
                }
                Cat::Event(_) => ev.event = true,
                Cat::Milestone => ev.concrete = true,
                _ => {}
            }
        }
        // An acronym right after a completion verb is a credential: "Pass CCNA", "Earn the PMP".
        if let Some(v) = cl.verb
            && class == Some(VerbClass::Complete)
        {
            let mut k = v + 1;
            if t.is_word(k) && matches!(lex.info(t.wid(k)).func, Func::Article | Func::Possessive) {
                k += 1;
            }
            // "Pass AWS SAA": skip acronyms that name a vendor or a field.
            while k + 1 < cl.end
                && t.toks[k].case == Case::Upper
                && self.m.has(k, |c| matches!(c, Cat::NotCredential))
            {
                k += 1;
            }
            if k < cl.end
                && t.toks[k].case == Case::Upper
                && !self.m.has(k, |c| matches!(c, Cat::NotCredential))
                && !self.in_time(k)
            {
                ev.credential = true;
            }
        }
        // A concrete noun phrase after a concrete verb: "buy a house", "open a second location".
        if let Some(v) = cl.verb
            && matches!(class, Some(VerbClass::Complete | VerbClass::Act))
        {
            let mut k = v + 1;
            while t.is_any(k, PARTICLES) {
                k += 1;
            }
            // "sign up for a club", "speak at a conference": one preposition may come first,
            // but the people one meets are an audience, not an outcome ("meet with my mentor").
            let via_prep = t.is_any(k, kws!["for", "to", "at", "in", "on", "with", "into"]);
            if via_prep {
                k += 1;
            }
            let starts_np = k < cl.end
                && (t.is_num(k)
                    || self.genitive_time(k)
                    || (t.is_word(k)
                        && matches!(
                            lex.info(t.wid(k)).func,
                            Func::Article
                                | Func::Possessive
                                | Func::Demonstrative
                                | Func::Quantifier
                        )));
            if starts_np {
                let mut head = None;
                let mut j = k + 1;
                while j < cl.end
                    && !t.is_boundary(j)
                    && !t.is_any(j, PREPS)
                    && !t.is_any(j, kws!["and", "or", "who", "which", "that"])
                {
                    if self.in_time(j) {
                        j += 1;
                        continue;
                    }
                    if t.is_word(j) {
                        head = Some(j);
                    }
                    j += 1;
                }
                if let Some(h) = head
                    && !self.m.has(h, |c| matches!(c, Cat::Abstract | Cat::JobNoun))
                    && !(via_prep && self.m.has(h, |c| matches!(c, Cat::Role)))
                    && !self.m.has(h, |c| matches!(c, Cat::Comparative))
                    && !t.is_any(
                        h,
                        kws![
                            "it", "them", "this", "that", "one", "more", "things", "stuff",
                        ],
                    )
                {
                    match self.class_at(h) {
                        // "open a company": which one?
                        Some(hint) if !self.identified(lex, h, h + 1, cl.start, cl.end) => {
                            ev.generic = true;
                            if !generic.iter().any(|g| g.clause == c && g.to == h + 1) {
                                self.push_generic(lex, generic, c, h, hint);
                            }
                        }
                        _ => ev.concrete = true,
                    }
                }
            }
        }
        // A named object: "move to Berlin", "climb Mount Kilimanjaro". A
        // capitalised word after a concrete verb (or its one preposition)
        // names one thing, unless a comparative or a vague phrase makes the
        // clause a direction ("use Jira more").
        if let Some(v) = cl.verb
            && matches!(
                class,
                Some(VerbClass::Complete | VerbClass::Act | VerbClass::Transition)
            )
            && !ev.described
            && self
                .clause_matches(c, |c| {
                    matches!(c, Cat::Comparative | Cat::Vague | Cat::Hyperbole)
                })
                .next()
                .is_none()
        {
            let mut k = v + 1;
            while t.is_any(k, PARTICLES) {
                k += 1;
            }
            if t.is_any(k, kws!["to", "at", "in", "on", "for", "into"]) {
                k += 1;
            }
            if t.is(k, kw!("the")) {
                k += 1;
            }
            if k < cl.end
                && t.is_word(k)
                && !self.in_time(k)
                && matches!(t.toks[k].case, Case::Title | Case::Upper)
                && lex.info(t.wid(k)).func == Func::None
                && !self.m.has(k, |c| matches!(c, Cat::NotCredential))
            {
                ev.described = true;
            }
        }
        // A vague verb on an object described enough to recognise: "find a
        // sponsor who is a VP in the finance organisation".
        if let Some(v) = cl.verb
            && class == Some(VerbClass::Vague)
        {
            let mut k = v + 1;
            while t.is_any(k, PARTICLES) {
                k += 1;
            }
            if k < cl.end
                && t.is_word(k)
                && matches!(lex.info(t.wid(k)).func, Func::Article | Func::Possessive)
            {
                let mut h = k + 1;
                while h + 1 < cl.end
                    && t.is_word(h + 1)
                    && !self.in_time(h + 1)
                    && !t.is_any(h + 1, PREPS)
                    && !t.is_any(h + 1, kws!["and", "or", "who", "which", "that", "where"])
                {
                    h += 1;
                }
                // "a job in renewable energy": a job noun is abstract alone, not described.
                let job = self.m.has(h, |c| matches!(c, Cat::JobNoun));
                if h < cl.end
                    && t.is_word(h)
                    && (job || !self.m.has(h, |c| matches!(c, Cat::Abstract)))
                    && !self.m.has(h, |c| {
                        matches!(c, Cat::Comparative | Cat::Field | Cat::Language)
                    })
                    && !(k + 1..h).any(|j| self.m.has(j, |c| matches!(c, Cat::Comparative)))
                    && self.described(lex, h + 1, cl.end)
                {
                    ev.described = true;
                }
            }
        }
        ev
    }

    /// The outcome class (its hint) of the single noun at `k`, if it is one.
    fn class_at(&self, k: usize) -> Option<u16> {
        self.m.at(k).iter().find_map(|m| match m.cat {
            Cat::OutcomeClass(h) if m.end as usize == k + 1 => Some(h),
            _ => None,
        })
    }

    /// Record an outcome class at `head`, underlined from its determiner
    /// ("a better job").
    fn push_generic(
        &self,
        lex: &Lexicon,
        out: &mut Vec<Generic>,
        clause: usize,
        head: usize,
        hint: u16,
    ) {
        let floor = self.clauses[clause]
            .verb
            .map_or(self.clauses[clause].start, |v| v + 1);
        let mut from = head;
        while from > floor
            && self.t.is_word(from - 1)
            && !self.t.is_any(from - 1, PREPS)
            && !self.in_time(from - 1)
        {
            from -= 1;
            if lex.info(self.t.wid(from)).func != Func::None {
                break;
            }
        }
        out.push(Generic {
            clause,
            from,
            to: head + 1,
            hint,
        });
    }

    /// Whether the noun `from..to` is identified, not just named by its kind:
    /// by "the", a possessive or demonstrative, a number or a length, a
    /// qualifier that is not generic ("a nursing licence"), or a description
    /// after it ("a degree in economics", "a sponsor who is a VP").
    fn identified(&self, lex: &Lexicon, from: usize, to: usize, floor: usize, end: usize) -> bool {
        let t = &self.t;
        let mut k = from;
        while k > floor && from - k < 6 {
            k -= 1;
            if self.in_time(k) || t.is_num(k) {
                // "an 8-week course", "next year's conference", "2 courses".
                return true;
            }
            if !t.is_word(k) {
                if t.is(k, kw!("-")) || t.is(k, kw!("'")) {
                    continue;
                }
                break;
            }
            let info = lex.info(t.wid(k));
            match info.func {
                Func::Possessive | Func::Demonstrative => return true,
                Func::Article => {
                    if t.is(k, kw!("the")) {
                        return true;
                    }
                    break;
                }
                Func::Quantifier | Func::VagueQuantifier => break,
                Func::None => {}
            }
            if t.is_any(k, PREPS) || self.clauses.iter().any(|c| c.verb == Some(k)) {
                break;
            }
            if self.m.has(k, |c| {
                matches!(
                    c,
                    Cat::GenericModifier | Cat::Comparative | Cat::Hyperbole | Cat::Hedge
                )
            }) || (k.saturating_sub(3)..k).any(|j| {
                self.m.at(j).iter().any(|m| {
                    m.end as usize > k && matches!(m.cat, Cat::GenericModifier | Cat::Comparative)
                })
            }) {
                continue;
            }
            // Any other word qualifies it: "a nursing licence", "a Google Ads certification".
            return true;
        }
        self.described(lex, to, end)
    }

    /// Whether the words from `at` describe the noun before them: a relative
    /// clause or a prepositional phrase with a content word ("who is a VP",
    /// "in economics", "at a hospital"), not a time expression.
    fn described(&self, lex: &Lexicon, at: usize, end: usize) -> bool {
        let t = &self.t;
        if at >= end || self.in_time(at) {
            return false;
        }
        let relative = t.is_any(at, kws!["who", "whose", "which", "that", "where"]);
        let prep = t.is_any(
            at,
            kws![
                "in", "at", "on", "from", "with", "of", "for", "called", "named", "about",
                "through"
            ],
        );
        if !(relative || prep) {
            return false;
        }
        (at + 1..(at + 5).min(end))
            .take_while(|&k| !self.in_time(k) && !t.is_boundary(k))
            .any(|k| {
                t.is_word(k)
                    && lex.info(t.wid(k)).func == Func::None
                    && !self
                        .m
                        .has(k, |c| matches!(c, Cat::Abstract | Cat::Comparative))
                    && !t.is_any(k, kws!["me", "myself", "it", "them", "i", "and", "or"])
            })
    }

    /// Whether token `k` is inside a time expression that ends in a genitive ("next year's").
    fn genitive_time(&self, k: usize) -> bool {
        match self.time_of.get(k) {
            Some(&idx) if idx != 0 => {
                let f = &self.time[usize::from(idx) - 1];
                f.to > 0 && self.t.key(f.to - 1).ends_with("'s")
            }
            _ => false,
        }
    }

    /// Whether the noun phrase before `head` is free of comparatives and
    /// hyperbole ("a better manager", "a rockstar developer" name no role).
    fn plain_np(&self, lex: &Lexicon, head: usize, floor: usize) -> bool {
        let t = &self.t;
        let mut k = head;
        while k > floor && head - k < 5 {
            k -= 1;
            if self
                .m
                .has(k, |c| matches!(c, Cat::Comparative | Cat::Hyperbole))
            {
                return false;
            }
            let func = lex.info(t.wid(k)).func;
            // "my manager", "our director": someone else's role, not the goal's.
            if t.is_word(k) && func == Func::Possessive {
                return false;
            }
            if !t.is_word(k) && !t.is(k, kw!("-"))
                || t.is_any(k, PREPS)
                || func != Func::None
                || self.clauses.iter().any(|c| c.verb == Some(k))
            {
                break;
            }
        }
        true
    }

    /// Whether a job noun is qualified by a role, a credential or a name
    /// ("a data analyst job", "a UX role"), not by an abstract word ("a leadership position").
    fn qualified(&self, lex: &Lexicon, head: usize, floor: usize) -> bool {
        let t = &self.t;
        let mut k = head;
        while k > floor && head - k < 5 {
            k -= 1;
            if !t.is_word(k) || t.is_any(k, PREPS) || lex.info(t.wid(k)).func != Func::None {
                break;
            }
            if self.m.has(k, |c| matches!(c, Cat::Role | Cat::Credential)) {
                return true;
            }
            let case = t.toks[k].case;
            if case == Case::Upper || (case == Case::Title && k > floor + 1) {
                return true;
            }
        }
        false
    }

    /// Whether clause `c` states a target: a quantity, a credential or a role.
    pub fn clause_has_target(&self, c: usize) -> bool {
        let e = self.evidence[c];
        e.quantity || e.credential || e.role
    }

    /// Whether clause `c` has a main verb and words of its own: a predicate
    /// ("research, write and submit a proposal" is one).
    fn is_predicate(&self, c: &Clause) -> bool {
        c.verb
            .is_some_and(|v| (v + 1..c.end).any(|k| self.t.is_word(k) || self.t.is_num(k)))
    }

    /// The aims of the statement, as ranges of top-level clauses: each
    /// predicate with the clauses that act on its outcome ("draft a plan and
    /// review it" is one aim). A statement with no predicate is one aim.
    pub fn aims_into(&self, out: &mut Vec<std::ops::Range<usize>>) {
        out.clear();
        for (k, c) in self.clauses.iter().enumerate() {
            if !self.is_predicate(c) {
                continue;
            }
            match out.last_mut() {
                Some(last) if c.continues => last.end = k + 1,
                _ => out.push(k..k + 1),
            }
        }
        if out.is_empty() {
            out.push(0..self.clauses.len());
        }
    }

    /// [`Analysis::aims_into`] a new vector.
    #[cfg(test)]
    pub fn aims(&self) -> Vec<std::ops::Range<usize>> {
        let mut out = Vec::new();
        self.aims_into(&mut out);
        out
    }

    /// Evidence of the clauses `aim`.
    pub fn aim_evidence(&self, aim: std::ops::Range<usize>) -> Evidence {
        self.evidence
            .get(aim)
            .unwrap_or(&[])
            .iter()
            .fold(Evidence::default(), |a, e| a.or(*e))
    }

    /// Token range of the statement without trailing punctuation.
    pub fn trimmed(&self) -> (usize, usize) {
        let mut end = self.t.len();
        while end > 0
            && self.t.toks[end - 1].kind == TokKind::Punct
            && self.t.is_any(end - 1, kws![".", "!", "?", ",", ";", ":"])
        {
            end -= 1;
        }
        (0, end)
    }
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::lexicon;
    use super::*;

    fn analyse(text: &str, mut f: impl FnMut(&Analysis<'_>)) {
        let lex = lexicon();
        let t = Tokens::new(text, lex);
        let m = lex.match_phrases(&t);
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap_or_default();
        let found = super::super::time::scan(&t, lex, &m, today, &Default::default());
        f(&Analysis::new(t, m, found, lex));
    }

    #[test]
    fn aims_group_clauses_by_their_outcome() {
        analyse("Draft the plan and review it with my mentor by May.", |a| {
            assert_eq!(a.aims(), vec![std::ops::Range { start: 0, end: 2 }]);
        });
        analyse("Double my salary and become CTO of Google.", |a| {
            assert_eq!(a.aims(), [0..1, 1..2]);
            assert!(
                a.aim_evidence(1..2).role,
                "the role after a coordinated clause"
            );
        });
        analyse("Research, write and submit a grant proposal.", |a| {
            assert_eq!(a.aims().len(), 1);
        });
    }

    #[test]
    fn kinds_count_only_when_identified() {
        let ev = |text: &str| {
            let mut out = Evidence::default();
            analyse(text, |a| out = a.aim_evidence(0..a.clauses.len()));
            out
        };
        assert!(ev("Earn a certification.").generic);
        assert!(!ev("Earn a certification.").credential);
        assert!(ev("Earn a nursing certification.").credential);
        assert!(ev("Earn a certification in HR.").credential);
        assert!(ev("Earn the certification.").credential);
        assert!(ev("Earn a professional certification.").generic);
        assert!(ev("Open a company.").generic);
        assert!(ev("Land a better job.").generic);
        assert!(ev("Find a sponsor who is a VP in finance.").described);
        assert!(!ev("Find a mentor.").described);
        assert!(ev("Move to Berlin.").described);
        assert!(ev("Quit smoking.").concrete);
    }

    #[test]
    fn ratings_of_belief_are_no_quantities() {
        for text in [
            "Talk to my manager (confidence: 6 of 10).",
            "Ask for a raise, I'm 70% sure.",
            "Improve my sleep (currently 5/10).",
        ] {
            analyse(text, |a| assert!(a.quantities.is_empty(), "{text}"));
        }
        analyse("Score 8 out of 10 on the customer survey.", |a| {
            assert!(!a.quantities.is_empty(), "a score is a target");
        });
    }

    #[test]
    fn numbers_that_name_are_no_quantities() {
        for text in [
            "Ship release 4.2 of the app.",
            "Close ticket #4521.",
            "Fix JIRA-1234.",
        ] {
            analyse(text, |a| assert!(a.quantities.is_empty(), "{text}"));
        }
        analyse("Ship release 4.2 of the app.", |a| {
            assert!(
                a.evidence[0].deliverable,
                "a numbered release is delivered or not"
            );
        });
        analyse("Release 2 features.", |a| assert_eq!(a.quantities.len(), 1));
    }
}
