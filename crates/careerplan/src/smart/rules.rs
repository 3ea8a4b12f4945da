//! The rule catalogue, read from `data/smart/rules.json`.
//!
//! Every rule has a stable kebab-case code, the criterion it judges, a default
//! severity, a scope (judged from the text, from a goal's plan context, or
//! over a whole plan), the points a finding takes off each criterion's score,
//! a one-line summary, message and suggestion templates, a long explanation,
//! and a bad and a good example. The examples are tests: the bad one must
//! fire the rule and the good one must not.

use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Context;
use super::report::Criterion;
use crate::Severity;

/// Where a rule looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RuleScope {
    /// The goal statement alone.
    Text,
    /// The statement with its plan context (deadline field, horizon, values, actions).
    Context,
    /// A whole plan.
    Plan,
}

/// Points a finding takes off each criterion's score.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Penalty {
    /// Off the Specific score.
    pub specific: u8,
    /// Off the Measurable score.
    pub measurable: u8,
    /// Off the Achievable score.
    pub achievable: u8,
    /// Off the Relevant score.
    pub relevant: u8,
    /// Off the Time-bound score.
    pub time_bound: u8,
}

impl Penalty {
    /// The points for one criterion.
    pub fn get(&self, c: Criterion) -> u8 {
        match c {
            Criterion::Specific => self.specific,
            Criterion::Measurable => self.measurable,
            Criterion::Achievable => self.achievable,
            Criterion::Relevant => self.relevant,
            Criterion::TimeBound => self.time_bound,
        }
    }
}

/// An example goal (or plan) in a rule's documentation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleExample {
    /// The goal statement (for plan rules, a description of the plan).
    pub text: String,
    /// Plan context the example needs, for context rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<Context>,
    /// A whole plan document, for plan rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<serde_json::Value>,
}

/// Documentation of one rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleInfo {
    /// Stable kebab-case code.
    pub code: String,
    /// The criterion it judges.
    pub criterion: Criterion,
    /// Default severity (a [`super::LintConfig`] may change it).
    pub severity: Severity,
    /// Whether it needs plan context or a whole plan.
    pub scope: RuleScope,
    /// Points a finding takes off each criterion's score.
    pub penalty: Penalty,
    /// One-line summary.
    pub summary: String,
    /// Message template; `{words}` is the text the diagnostic points at.
    pub message: String,
    /// Suggestion template.
    pub suggestion: Option<String>,
    /// Why the rule exists and what it checks.
    pub explanation: String,
    /// An example that fires the rule.
    pub bad: RuleExample,
    /// A corrected example that does not.
    pub good: RuleExample,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Catalogue {
    // A note for people editing the file; the engine does not read it.
    #[allow(dead_code)]
    about: String,
    rules: Vec<RuleInfo>,
}

/// Parse the catalogue; a unit test checks this succeeds and matches [`Rule::ALL`].
pub(crate) fn parse_catalogue() -> Result<Vec<RuleInfo>, String> {
    let text = include_str!("../../data/smart/rules.json");
    let cat: Catalogue =
        crate::json::from_text(text, "").map_err(|e| format!("data/smart/rules.json: {e}"))?;
    Ok(cat.rules)
}

/// Every rule, in catalogue order.
///
/// ```
/// let rules = careerplan::smart::rules();
/// let r = rules.iter().find(|r| r.code == "vague-outcome").unwrap();
/// assert_eq!(r.criterion, careerplan::smart::Criterion::Specific);
/// assert!(!r.bad.text.is_empty());
/// ```
pub fn rules() -> &'static [RuleInfo] {
    static RULES: OnceLock<Vec<RuleInfo>> = OnceLock::new();
    RULES.get_or_init(|| parse_catalogue().unwrap_or_default())
}

/// The rule with this code.
pub fn rule(code: &str) -> Option<&'static RuleInfo> {
    rules().iter().find(|r| r.code == code)
}

/// The rules the engine implements. Their order is the tie-break when
/// findings on the same words are merged: earlier rules lead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Rule {
    VagueOutcome,
    Hedge,
    NoConcreteOutcome,
    GenericOutcome,
    CompoundGoal,
    Hyperbole,
    NoMeasure,
    UnquantifiedChange,
    DeadlinePassed,
    DurationExceedsDeadline,
    HoursExceedTime,
    ImpossibleRate,
    ImplausibleRate,
    ExtremeScope,
    EffortExceedsCapacity,
    SkillGapExceedsTime,
    UnlinkedGoal,
    NoDeadline,
    VagueDeadline,
    FrequencyNotDeadline,
    UnknownAnchor,
    HorizonMismatch,
    AmbiguousDate,
    ImpossibleDate,
    DeadlineConflict,
    TooManyActiveGoals,
    LongTermWithoutSteps,
    GoalWithoutActions,
    DuplicateGoal,
}

impl Rule {
    pub(crate) const ALL: [Rule; 29] = [
        Rule::VagueOutcome,
        Rule::Hedge,
        Rule::NoConcreteOutcome,
        Rule::GenericOutcome,
        Rule::CompoundGoal,
        Rule::Hyperbole,
        Rule::NoMeasure,
        Rule::UnquantifiedChange,
        Rule::DeadlinePassed,
        Rule::DurationExceedsDeadline,
        Rule::HoursExceedTime,
        Rule::ImpossibleRate,
        Rule::ImplausibleRate,
        Rule::ExtremeScope,
        Rule::EffortExceedsCapacity,
        Rule::SkillGapExceedsTime,
        Rule::UnlinkedGoal,
        Rule::NoDeadline,
        Rule::VagueDeadline,
        Rule::FrequencyNotDeadline,
        Rule::UnknownAnchor,
        Rule::HorizonMismatch,
        Rule::AmbiguousDate,
        Rule::ImpossibleDate,
        Rule::DeadlineConflict,
        Rule::TooManyActiveGoals,
        Rule::LongTermWithoutSteps,
        Rule::GoalWithoutActions,
        Rule::DuplicateGoal,
    ];

    pub(crate) fn code(self) -> &'static str {
        match self {
            Rule::VagueOutcome => "vague-outcome",
            Rule::Hedge => "hedge",
            Rule::NoConcreteOutcome => "no-concrete-outcome",
            Rule::GenericOutcome => "generic-outcome",
            Rule::CompoundGoal => "compound-goal",
            Rule::Hyperbole => "hyperbole",
            Rule::NoMeasure => "no-measure",
            Rule::UnquantifiedChange => "unquantified-change",
            Rule::DeadlinePassed => "deadline-passed",
            Rule::DurationExceedsDeadline => "duration-exceeds-deadline",
            Rule::HoursExceedTime => "hours-exceed-time",
            Rule::ImpossibleRate => "impossible-rate",
            Rule::ImplausibleRate => "implausible-rate",
            Rule::ExtremeScope => "extreme-scope",
            Rule::EffortExceedsCapacity => "effort-exceeds-capacity",
            Rule::SkillGapExceedsTime => "skill-gap-exceeds-time",
            Rule::UnlinkedGoal => "unlinked-goal",
            Rule::NoDeadline => "no-deadline",
            Rule::VagueDeadline => "vague-deadline",
            Rule::FrequencyNotDeadline => "frequency-not-deadline",
            Rule::UnknownAnchor => "unknown-anchor",
            Rule::HorizonMismatch => "horizon-mismatch",
            Rule::AmbiguousDate => "ambiguous-date",
            Rule::ImpossibleDate => "impossible-date",
            Rule::DeadlineConflict => "deadline-conflict",
            Rule::TooManyActiveGoals => "too-many-active-goals",
            Rule::LongTermWithoutSteps => "long-term-without-steps",
            Rule::GoalWithoutActions => "goal-without-actions",
            Rule::DuplicateGoal => "duplicate-goal",
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }

    pub(crate) fn from_code(code: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The catalogue entry. The catalogue is checked against [`Rule::ALL`] by a test.
    pub(crate) fn info(self) -> Option<&'static RuleInfo> {
        static INDEX: OnceLock<Vec<Option<usize>>> = OnceLock::new();
        let index = INDEX.get_or_init(|| {
            Rule::ALL
                .iter()
                .map(|r| rules().iter().position(|i| i.code == r.code()))
                .collect()
        });
        index
            .get(self.index())
            .copied()
            .flatten()
            .map(|i| &rules()[i])
    }

    pub(crate) fn criterion(self) -> Criterion {
        self.info().map_or(Criterion::Specific, |i| i.criterion)
    }

    pub(crate) fn default_severity(self) -> Severity {
        self.info().map_or(Severity::Warning, |i| i.severity)
    }

    pub(crate) fn penalty(self) -> Penalty {
        self.info().map(|i| i.penalty).unwrap_or_default()
    }
}

/// Fill `{name}` placeholders of a template.
pub(crate) fn render(template: &str, args: &[(&str, String)]) -> String {
    render_with(template, None, args)
}

/// [`render`] with the text of `{words}` given apart from the other arguments.
pub(crate) fn render_with(template: &str, words: Option<&str>, args: &[(&str, String)]) -> String {
    // A scan of the bytes rather than `str::find`, which at opt-level "z"
    // is a chain of calls (searcher, memchr) per brace; a message is rendered
    // for nearly every goal.
    let bytes = template.as_bytes();
    let mut out = String::with_capacity(template.len() + 32);
    let mut copied = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b != b'{' {
            i += 1;
            continue;
        }
        let Some(close) = (i + 1..bytes.len()).find(|&k| bytes.get(k) == Some(&b'}')) else {
            break;
        };
        out.push_str(template.get(copied..i).unwrap_or(""));
        let name = template.get(i + 1..close).unwrap_or("");
        let value = match words {
            Some(w) if name == "words" => Some(w),
            _ => args
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.as_str()),
        };
        match value {
            Some(v) => out.push_str(v),
            None => {
                out.push('{');
                out.push_str(name);
                out.push('}');
            }
        }
        i = close + 1;
        copied = i;
    }
    out.push_str(template.get(copied..).unwrap_or(""));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_matches_the_engine() {
        let cat = parse_catalogue().unwrap();
        let codes: Vec<&str> = cat.iter().map(|r| r.code.as_str()).collect();
        let engine: Vec<&str> = Rule::ALL.iter().map(|r| r.code()).collect();
        assert_eq!(codes, engine);
        for r in Rule::ALL {
            assert_eq!(Rule::from_code(r.code()), Some(r));
            assert!(r.info().is_some());
        }
    }

    #[test]
    fn templates() {
        assert_eq!(
            render("`{words}` is vague", &[("words", "grow".into())]),
            "`grow` is vague"
        );
        assert_eq!(render("{missing} and {", &[]), "{missing} and {");
    }
}
