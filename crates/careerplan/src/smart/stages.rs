//! What each stage of the linter stores for one statement, in one place:
//! the analysis (`features`: tokens, phrase matches, time expressions,
//! clauses, quantities, evidence) and the outcome (`check`: findings and
//! verdicts). The stages fill them; `scratch` keeps their buffers from one
//! statement to the next, so it sits below the stages that use it.

use chrono::NaiveDate;

use super::lexicon::{Matches, VerbClass};
use super::report::{Criteria, Fix};
use super::rules::Rule;
use super::span::Span;
use super::time::Found;
use super::token::Tokens;

/// One clause: tokens `start..end`, with its main verb.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Clause {
    pub start: usize,
    pub end: usize,
    pub verb: Option<usize>,
    pub class: Option<VerbClass>,
    /// The clause acts on the previous clause's outcome ("draft a plan and
    /// review it"): it belongs to the same aim.
    pub continues: bool,
}

/// What a quantity counts or measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum QKind {
    /// "15 interviews"
    Count,
    /// "25%"
    Percent,
    /// "$10,000"
    Money,
    /// "to 90", "from 70", "by 3"
    Target,
    /// A duration used as a measure: "to 30 days", "3,000 hours", "within 4 hours".
    Measure,
    /// A rate or counted frequency: "30 hours a day", "3 times a week".
    Rate,
}

/// A number that counts or measures something.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Quantity {
    pub from: usize,
    pub to: usize,
    pub value: f64,
    pub kind: QKind,
}

/// Evidence that a clause names a concrete outcome.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Evidence {
    /// A role the goal moves into ("become an engineering manager").
    pub role: bool,
    /// A credential, licence, degree or exam, or an acronym after a completion verb.
    pub credential: bool,
    /// A quantity.
    pub quantity: bool,
    /// A deliverable with a determiner or a number ("a case study", "12 posts").
    pub deliverable: bool,
    /// A concrete noun phrase after a concrete verb ("buy a house").
    pub concrete: bool,
    /// A completion event ("get promoted").
    pub event: bool,
    /// An outcome named only by its kind ("a certification", "a company").
    pub generic: bool,
    /// An object described enough to recognise when found ("a sponsor who
    /// is a VP in the finance organisation").
    pub described: bool,
}

impl Evidence {
    /// The evidence of either.
    pub fn or(self, e: Evidence) -> Evidence {
        Evidence {
            role: self.role || e.role,
            credential: self.credential || e.credential,
            quantity: self.quantity || e.quantity,
            deliverable: self.deliverable || e.deliverable,
            concrete: self.concrete || e.concrete,
            event: self.event || e.event,
            generic: self.generic || e.generic,
            described: self.described || e.described,
        }
    }

    /// Whether it names an identifiable outcome (more than a kind or an event).
    pub fn identifies(self) -> bool {
        self.role
            || self.credential
            || self.quantity
            || self.deliverable
            || self.concrete
            || self.described
    }
}

/// An outcome named only by its kind: tokens `from..to` of clause `clause`,
/// with the index of what to name (`outcome_classes.txt`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Generic {
    pub clause: usize,
    pub from: usize,
    pub to: usize,
    pub hint: u16,
}

/// Everything the rules read about one statement.
pub(crate) struct Analysis<'a> {
    pub t: Tokens<'a>,
    pub m: Matches,
    pub time: Vec<Found>,
    /// For each token, 1 + the index of the time expression covering it, or 0.
    pub time_of: Vec<u16>,
    pub clauses: Vec<Clause>,
    /// Clauses that hang on another ("who ...", "by ...ing", "to ...").
    pub subclauses: Vec<Clause>,
    pub quantities: Vec<Quantity>,
    /// Percentages that are figures of speech ("gives 200%"): token ranges.
    pub hyperbole_pct: Vec<(usize, usize)>,
    /// Evidence per top-level clause.
    pub evidence: Vec<Evidence>,
    /// Outcomes named only by their kind, in text order.
    pub generic: Vec<Generic>,
}

/// One finding before configuration (severity, merging) is applied.
#[derive(Debug, Clone)]
pub(crate) struct Finding {
    pub rule: Rule,
    pub span: Span,
    /// The text `{words}` stands for in the messages, as a byte span of the
    /// statement rather than a copy: most findings have no other argument,
    /// and so need no allocation until their message is rendered.
    pub words: Option<Span>,
    /// The other arguments of the messages.
    pub args: Vec<(&'static str, String)>,
    pub fix: Option<Fix>,
    /// Local findings on the same words merge; whole-statement ones never do.
    pub mergeable: bool,
}

/// Findings, verdicts and the deadline of one statement.
pub(crate) struct Outcome {
    /// In text order: by span start, then rule.
    pub findings: Vec<Finding>,
    /// The findings merged on the same words ([`merge_groups`]).
    pub groups: Vec<(u32, u32)>,
    pub criteria: Criteria,
    pub deadline: Option<NaiveDate>,
}
