//! The SMART-goal linter: deterministic, explainable verdicts on goal
//! statements, fast enough to run on every keystroke.
//!
//! ```
//! use careerplan::smart::{Context, LintConfig, Linter};
//! let linter = Linter::new(LintConfig {
//!     today: chrono::NaiveDate::from_ymd_opt(2026, 11, 22),
//!     ..LintConfig::default()
//! })?;
//! let report = linter.lint_text("Earn the CISSP credential within six months.", &Context::default())?;
//! assert_eq!(report.deadline.unwrap().to_string(), "2027-05-22");
//! assert_eq!(report.criteria.specific.met, Some(true));
//! assert_eq!(report.criteria.relevant.met, None); // no plan context: not judged
//!
//! let report = linter.lint_text("Improve my leadership.", &Context::default())?;
//! assert_eq!(report.criteria.measurable.met, Some(false));
//! assert_eq!(report.diagnostics[0].code, "unquantified-change");
//! # Ok::<(), careerplan::Error>(())
//! ```
//!
//! # Pipeline
//! 1. **Normalise and tokenise** (`token`): one pass produces words, numbers
//!    and punctuation with byte spans; keys are lower-cased with typographic
//!    apostrophes and dashes folded; letters and digits split ("Q3" is `q 3`).
//! 2. **Look up** (`lexicon`): each key is one hash lookup in a vocabulary
//!    compiled once from `data/smart/*.txt`; multi-word phrases are found by
//!    walking a trie from each token. Linear in the text, no regular expressions.
//! 3. **Features**: [`time`] expressions (deadlines, spans, frequencies,
//!    measures; see its docs for the grammar), numbers (digits and words,
//!    "two and a half"), quantities (counts, percentages, money, targets,
//!    measures, rates), clauses with their main verb and its class
//!    (`verbs.txt`: complete, act, transition, change, vague, copula), and the
//!    evidence of a concrete outcome per clause: a role moved into ("become
//!    an engineering manager", not "my manager" nor "a better manager"), a
//!    credential, a quantity (not "give 110%", not "my 3 core values"), a
//!    deliverable with a determiner or a number, a concrete noun phrase after
//!    a concrete verb, a completion event, a milestone plainly true or false
//!    ("quit smoking", "get married"), an object described enough to recognise ("a sponsor who is
//!    a VP in the finance organisation"). A noun that names only a kind of
//!    outcome (`outcome_classes.txt`: "a certification", "a company", "a
//!    job") counts only when identified: by "the", a possessive or
//!    demonstrative, a qualifier not in `generic_modifiers.txt` ("a nursing
//!    licence"), a length or number, or a description after it ("a degree in
//!    economics", "a job at Google"). Numbers that rate belief or mood
//!    (`confidence.txt`: "I'm 70% sure", "(confidence: 6 of 10)") and rating
//!    scales in parentheses are no quantities.
//! 4. **Aims**: the clauses are grouped into aims: each predicate with the
//!    clauses that act on its outcome ("draft the plan and review it" is one
//!    aim). Specific and Measurable are judged per aim and the goal takes its
//!    weakest aim's evidence; Achievable findings are per aim, so the goal is
//!    only as achievable as its hardest aim. Spans point into the aim they
//!    concern.
//! 5. **Rules** (listed below, documented in `data/smart/rules.json`, see
//!    [`rules()`]) turn features into findings, each with a byte span.
//! 6. **Diagnostics**: findings whose spans overlap on the same words merge
//!    into one diagnostic (the most severe leads; the others are listed in
//!    `also`); whole-statement and achievable findings never merge.
//! 7. **Verdicts and scores** per criterion, from the evidence and the findings.
//!    Every verdict carries its reason: with the default rules, a criterion
//!    whose `met` is `false` has at least one diagnostic of that criterion,
//!    with a span and a suggestion. When no finding of its own explains a
//!    failed Specific, Measurable or Time-bound verdict (its evidence is weak,
//!    or only other criteria's rules took points off), the absence rule
//!    (`no-concrete-outcome`, `no-measure`, `no-deadline`) is added on the
//!    weakest aim. A criterion the text cannot decide stays `null`.
//!
//! # Rules
//! Every rule of `data/smart/rules.json`, in its order (a test,
//! `tests/smart_rule_table.rs`, holds this table to it).
//!
//! | code | criterion | default | fires on |
//! |---|---|---|---|
//! | `vague-outcome` | specific | warning | "advance in my career", "be better at", a vague verb or a "be ..." with no target |
//! | `hedge` | specific | warning | "try to", "maybe", "I'd like to" (fix: remove it) |
//! | `no-concrete-outcome` | specific | warning | no role, credential, deliverable or number, and nothing more precise fired |
//! | `generic-outcome` | specific | warning | a kind of outcome, not which one: "earn a certification", "get promoted" |
//! | `compound-goal` | specific | warning | aims with different outcomes, or more than `max_goals_per_statement` aims |
//! | `hyperbole` | specific | warning | "rockstar", "give 110%" |
//! | `no-measure` | measurable | warning | no quantity, target or completion event |
//! | `unquantified-change` | measurable | warning | "improve", "increase", "more", "better" with no target |
//! | `deadline-passed` | achievable | error | a deadline before the reference date |
//! | `duration-exceeds-deadline` | achievable | error | "a two-year program within two weeks", "a PhD in 6 months" |
//! | `hours-exceed-time` | achievable | error | more than `max_hours_per_week` hours a week to the deadline |
//! | `impossible-rate` | achievable | error | "30 hours a day" |
//! | `implausible-rate` | achievable | warning | "120 online courses in 30 days" (`rates.txt`), "fluent in Japanese in 2 weeks" (`study_levels.txt`) |
//! | `extreme-scope` | achievable | warning | an executive role sooner than `senior_roles.txt` allows |
//! | `effort-exceeds-capacity` | achievable | warning | (context) open actions' effort over `hours_per_week` |
//! | `skill-gap-exceeds-time` | achievable | warning | (context) hours to close the gap to the named role over `hours_per_week` to the deadline |
//! | `unlinked-goal` | relevant | warning | (context) no link to values, aspiration or parent, and no shared terms |
//! | `no-deadline` | time_bound | warning | no deadline at all |
//! | `vague-deadline` | time_bound | warning | "soon", "someday", "eventually", "ASAP" |
//! | `frequency-not-deadline` | time_bound | info | "every month" and no deadline |
//! | `unknown-anchor` | time_bound | info | "within 6 months of graduation", "by my 40th birthday" |
//! | `horizon-mismatch` | time_bound | warning | (context) deadline outside the goal's horizon window |
//! | `ambiguous-date` | time_bound | info | 03/04/2027 (fix: ISO date, unsafe) |
//! | `impossible-date` | time_bound | error | "2027-02-30", "February 30, 2027": a day its month does not have |
//! | `deadline-conflict` | time_bound | warning | (context) the text and the deadline field disagree |
//! | `too-many-active-goals` | achievable | warning | (plan) more open leaf goals than `max_active_goals` |
//! | `long-term-without-steps` | achievable | warning | (plan) a long-term goal with no short-term child |
//! | `goal-without-actions` | achievable | info | (plan) an open leaf goal with no actions |
//! | `duplicate-goal` | relevant | warning | (plan) two goals with nearly the same key terms |
//!
//! # Scores
//! Every score is clamped to 0..=100, and a criterion is met when its score is
//! at least 50. Each finding takes its rule's `penalty` points off the
//! criteria it names (`rules.json`); findings merged on the same words take
//! off only the largest penalty of their group, and on Time-bound a rule takes
//! off its penalty once per goal (below).
//!
//! - **Specific** = min(100, 30 + E) − penalties, where E is the evidence of
//!   the weakest aim: its strongest kind (role moved into 60, credential 60,
//!   quantity 60, deliverable with a determiner or number 50, described
//!   object 50, concrete noun phrase after a concrete verb 40, bare
//!   completion event such as "get promoted" or a kind of outcome such as "a
//!   certification" 10) plus 10 for each further kind, up to 20. A statement
//!   with more aims than `max_goals_per_statement` scores at most 40.
//! - **Measurable** = min(100, 30 + M) − penalties, where M is the evidence
//!   of the weakest aim, each aim taking its best clause: a quantity,
//!   credential, role or completion event 70; a plan metric 80 (for the whole
//!   goal); a completion verb on a deliverable, concrete noun phrase or kind
//!   of outcome 60; a described object 60; a "double/halve" verb 60; another
//!   verb on a deliverable 50, on a concrete noun phrase or a kind of outcome 40.
//! - **Time-bound** = 100 with a deadline (from the text or the goal's field)
//!   or an unknown anchor, 20 with only a frequency, else 0; minus penalties
//!   (vague words 15, unknown anchor 30, horizon mismatch 20, conflict 10),
//!   each rule's once however often it fires; then at least 50 when a
//!   deadline resolved to a date. The criterion judges the goal's one
//!   deadline: "soon ... soon" is one vague deadline, two unknown anchors one
//!   unresolved date. A goal whose deadline resolved (from the text or the
//!   field) has a date by which it is judged done, so it is always met: vague
//!   words beside the date, an anchor the linter cannot resolve, a deadline
//!   outside the horizon window or one the field contradicts each keep their
//!   diagnostic and lower the score, down to 50 but not below. Without a
//!   resolved date only vague words and unknown anchors can fire (45 points
//!   at most), so an unknown anchor keeps a goal met, as `unknown-anchor`
//!   promises; vague words or a frequency alone do not.
//! - **Achievable**: any achievable finding makes it not met (score 50 or 100,
//!   minus 60-70 per finding). Otherwise it is met with 100 when arithmetic in
//!   the text (a stated length, hours, a senior role, a count of periodic
//!   items, a count or hours of study against a plausible rate) or the plan's
//!   effort was checked and fits, and `null` (50) when nothing could be
//!   checked.
//! - **Relevant** (plan context only): 100 when linked to a listed value, the
//!   aspiration or a parent goal; 80 when it shares key terms with the values,
//!   aspirations or interests; 20 (with `unlinked-goal`) otherwise; `null`
//!   (50) without context.

mod batch;
mod check;
mod features;
mod lexicon;
mod number;
mod plan_lint;
mod render;
mod report;
mod rules;
mod scope;
mod scratch;
mod span;
mod stages;
pub mod time;
mod token;
mod unit;

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use plan_lint::{GoalReport, PlanDiagnostic, PlanLintReport};
pub use render::{
    render_plan_summary, render_plan_text, render_rule, render_rule_list, render_text,
};
pub use report::{
    Applicability, Criteria, Criterion, Diagnostic, Fix, LintReport, ScoreColumns, Verdict,
    deadline_column, score_columns,
};
pub use rules::{Penalty, RuleExample, RuleInfo, RuleScope, rule, rules};
pub use scope::senior_role_months;
pub use span::Span;
use time::holidays;
pub use time::{
    DateOrder, Duration, NextWeekday, TimeExpression, TimeKind, TimeOptions, TimeUnit, WeekStart,
};

use crate::Error;
use crate::Severity;
use crate::plan::date;
use crate::plan::{Horizon, HorizonWindows, Metric};
use lexicon::{Func, Lexicon, lexicon};
use rules::Rule;
use stages::Analysis;
use token::{KeySet, Tokens, kws};

/// Turn a rule on or off, or change its severity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct RuleSetting {
    /// Whether the rule runs (a disabled rule neither reports nor affects scores).
    pub enabled: bool,
    /// Severity to report with, instead of the rule's default.
    pub severity: Option<Severity>,
}

impl Default for RuleSetting {
    fn default() -> Self {
        RuleSetting {
            enabled: true,
            severity: None,
        }
    }
}

/// Numbers the rules compare against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Thresholds {
    /// Open leaf goals a plan may have at once (`too-many-active-goals`).
    pub max_active_goals: usize,
    /// Hours a week a person can give to their plan (`effort-exceeds-capacity`).
    pub hours_per_week: f64,
    /// Hours a week anyone can sustain on one goal (`hours-exceed-time`).
    pub max_hours_per_week: f64,
    /// Aims one statement may carry: with more, `compound-goal` fires
    /// whatever the aims are, and the statement is not specific.
    pub max_goals_per_statement: usize,
    /// Jaccard similarity of key terms at which two goals are duplicates.
    pub duplicate_similarity: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            max_active_goals: 5,
            hours_per_week: 10.0,
            max_hours_per_week: 60.0,
            max_goals_per_statement: 2,
            duplicate_similarity: 0.8,
        }
    }
}

/// Configuration of a [`Linter`]; serde, so it can live in a JSON file.
///
/// ```
/// let config: careerplan::smart::LintConfig = serde_json::from_str(r#"{
///     "today": "2026-11-22",
///     "rules": {"hedge": {"enabled": false}, "no-deadline": {"severity": "error"}},
///     "thresholds": {"max_active_goals": 3}
/// }"#)?;
/// assert_eq!(config.thresholds.max_active_goals, 3);
/// assert!(serde_json::from_str::<careerplan::smart::LintConfig>(r#"{"todya": "2026-11-22"}"#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct LintConfig {
    /// The reference date deadlines resolve against. `None`: the date given
    /// in the [`Context`], or else today's date (UTC) at the time of the call
    /// (from the system clock, which `wasm32-unknown-unknown` lacks: there,
    /// always give a date).
    #[serde(with = "date::optional")]
    #[schemars(with = "Option<NaiveDate>")]
    pub today: Option<NaiveDate>,
    /// Per-rule settings, by rule code.
    pub rules: BTreeMap<String, RuleSetting>,
    /// Numbers the rules compare against.
    pub thresholds: Thresholds,
    /// How to read numeric dates such as 03/04/2027 (`dmy` or `mdy`).
    pub numeric_date_order: DateOrder,
    /// The first day of a week (`monday` or `sunday`): where "this week",
    /// "next week" and "the week of June 14" end.
    pub week_start: WeekStart,
    /// What "next Thursday" means: `following_week` (the Thursday of next
    /// week, the default) or `nearest` (the next Thursday after today).
    pub next_weekday: NextWeekday,
    /// The holiday calendars "by Thanksgiving" or "Boxing Day" are read
    /// with, as region codes (`us`, `ca`, `gb`, `au`, `nz`, `ie`); empty,
    /// the default, is all of them, the first listed calendar winning where
    /// two name the same holiday (US Thanksgiving before Canada's).
    pub holiday_regions: Vec<String>,
    /// Resource limits; the linter refuses a statement longer than
    /// `limits.max_text_bytes`.
    pub limits: crate::limits::Limits,
}

/// What is known around a goal statement. [`Context::default()`] is the text
/// alone; [`Context::for_goal`] fills it from a plan.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Context {
    /// Reference date for this statement, overriding the configuration's.
    #[serde(with = "date::optional")]
    #[schemars(with = "Option<NaiveDate>")]
    pub today: Option<NaiveDate>,
    /// The goal's deadline field.
    #[serde(with = "date::optional")]
    #[schemars(with = "Option<NaiveDate>")]
    pub deadline: Option<NaiveDate>,
    /// When the goal was set or work on it starts: relative expressions in the
    /// text ("within six months", "this year") count from it, and the horizon
    /// check measures from it. Default: the reference date.
    #[serde(with = "date::optional")]
    #[schemars(with = "Option<NaiveDate>")]
    pub start: Option<NaiveDate>,
    /// The goal's horizon.
    pub horizon: Option<Horizon>,
    /// The plan's horizon windows, if not the defaults.
    pub horizon_windows: Option<HorizonWindows>,
    /// The goal's metric: with a target, the goal is measurable.
    pub metric: Option<Metric>,
    /// Names of the values the goal says it serves.
    pub linked_values: Vec<String>,
    /// Statement of the aspiration the goal serves.
    pub aspiration: Option<String>,
    /// Title of the parent goal.
    pub parent: Option<String>,
    /// The person's values.
    pub values: Vec<String>,
    /// The person's aspirations.
    pub aspirations: Vec<String>,
    /// The person's interests.
    pub interests: Vec<String>,
    /// Effort left in the goal's open actions, in hours.
    pub remaining_effort_hours: Option<f64>,
    /// The role the goal names, when it is in the role catalog.
    pub target_role: Option<String>,
    /// Hours of learning the skill-gap engine estimates to reach `target_role`
    /// from the person's profile.
    pub skill_gap_hours: Option<f64>,
}

/// A configured linter. Cheap to share across threads; the vocabularies are
/// compiled once per process.
///
/// One method per operation: [`lint_text`](Linter::lint_text) (one
/// statement), [`lint_many`](Linter::lint_many) (a list, one result per
/// statement), [`lint_goal`](Linter::lint_goal) and
/// [`lint_plan`](Linter::lint_plan) (goals in their plan) and
/// [`lint_each`](Linter::lint_each) (a column whose rows may be missing).
/// Each refuses a statement longer than `limits.max_text_bytes`, the
/// limits of its [`LintConfig::limits`]; [`Limits::none`] lifts them.
///
/// [`Limits::none`]: crate::limits::Limits::none
#[derive(Debug, Clone)]
pub struct Linter {
    config: LintConfig,
    enabled: Vec<bool>,
    severity: Vec<Severity>,
    /// The configuration's time conventions, holiday regions resolved.
    time: TimeOptions,
}

impl Default for Linter {
    fn default() -> Self {
        Linter::from_valid(LintConfig::default())
    }
}

/// Today's date in UTC, from the system clock: the linter's default
/// reference date, and the one place the library reads the clock (every
/// other engine takes `today` from its caller). The CLI and the Python
/// package call it for every default "today" they fill in; WebAssembly has
/// no system clock and reads JavaScript's UTC date the same way.
///
/// ```
/// let today = careerplan::smart::system_today();
/// assert!(today.to_string().len() == 10);
/// ```
pub fn system_today() -> NaiveDate {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    NaiveDate::from_ymd_opt(1970, 1, 1)
        .and_then(|epoch| epoch.checked_add_days(chrono::Days::new(days)))
        .unwrap_or_default()
}

impl Linter {
    /// A linter with this configuration.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] with the JSON path of the bad setting: an
    /// unknown rule code (`rules.vage-outcome`) or a threshold that is
    /// negative or not a number (`thresholds.hours_per_week`).
    ///
    /// ```
    /// use careerplan::smart::{LintConfig, Linter, RuleSetting};
    /// let mut config = LintConfig::default();
    /// config.rules.insert("vage-outcome".into(), RuleSetting::default());
    /// let err = Linter::new(config).unwrap_err();
    /// assert_eq!(err.path(), "rules.vage-outcome");
    /// ```
    pub fn new(config: LintConfig) -> Result<Linter, Error> {
        for code in config.rules.keys() {
            if Rule::from_code(code).is_none() {
                let known: Vec<&str> = Rule::ALL.iter().map(|r| r.code()).collect();
                return Err(Error::InvalidValue {
                    path: format!("rules.{code}"),
                    message: format!(
                        "unknown rule code {code:?}; known codes: {}",
                        known.join(", ")
                    ),
                });
            }
        }
        let th = &config.thresholds;
        for (name, v) in [
            ("hours_per_week", th.hours_per_week),
            ("max_hours_per_week", th.max_hours_per_week),
            ("duplicate_similarity", th.duplicate_similarity),
        ] {
            if !(v.is_finite() && v > 0.0) {
                return Err(Error::InvalidValue {
                    path: format!("thresholds.{name}"),
                    message: format!("expected a positive number, got {}", v),
                });
            }
        }
        holidays::holidays()
            .region_mask(&config.holiday_regions)
            .map_err(|message| Error::InvalidValue {
                path: "holiday_regions".into(),
                message,
            })?;
        if th.duplicate_similarity > 1.0 {
            return Err(Error::InvalidValue {
                path: "thresholds.duplicate_similarity".into(),
                message: format!(
                    "expected a number from 0 to 1, got {}",
                    th.duplicate_similarity
                ),
            });
        }
        Ok(Linter::from_valid(config))
    }

    fn from_valid(config: LintConfig) -> Linter {
        let mut enabled = vec![true; Rule::ALL.len()];
        let mut severity: Vec<Severity> = Rule::ALL.iter().map(|r| r.default_severity()).collect();
        for (code, setting) in &config.rules {
            if let Some(r) = Rule::from_code(code) {
                enabled[r.index()] = setting.enabled;
                if let Some(s) = setting.severity {
                    severity[r.index()] = s;
                }
            }
        }
        let time = TimeOptions {
            numeric_date_order: config.numeric_date_order,
            week_start: config.week_start,
            next_weekday: config.next_weekday,
            // Checked by `Linter::new`; `Default` has no regions.
            holiday_regions: holidays::holidays()
                .region_mask(&config.holiday_regions)
                .unwrap_or(0),
        };
        Linter {
            config,
            enabled,
            severity,
            time,
        }
    }

    /// The configuration.
    pub fn config(&self) -> &LintConfig {
        &self.config
    }

    pub(crate) fn enabled(&self, rule: Rule) -> bool {
        self.enabled[rule.index()]
    }

    pub(crate) fn severity(&self, rule: Rule) -> Severity {
        self.severity[rule.index()]
    }

    /// The reference date for a statement with this context.
    pub fn reference_date(&self, ctx: &Context) -> NaiveDate {
        ctx.today.or(self.config.today).unwrap_or_else(system_today)
    }

    /// Lint one goal statement, with whatever context is known.
    ///
    /// A leading byte-order mark is skipped, not linted; spans still count
    /// in `text` as given (see [`crate::text`]). A statement longer than the
    /// configuration's `limits.max_text_bytes` is an error rather than work
    /// (the time is linear in the text; [`Limits::none`] lifts the limit).
    ///
    /// ```
    /// use careerplan::smart::{Context, Linter};
    /// let linter = Linter::default();
    /// let report = linter.lint_text("Grow.", &Context::default())?;
    /// assert_eq!(report.criteria.measurable.met, Some(false));
    /// let long = "grow ".repeat(100_000);
    /// let err = linter.lint_text(&long, &Context::default()).unwrap_err();
    /// assert_eq!((err.code(), err.path(), err.limit()), ("limit-exceeded", "text", Some("max_text_bytes")));
    /// # Ok::<(), careerplan::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::LimitExceeded`] at path `text`.
    ///
    /// [`Limits::none`]: crate::limits::Limits::none
    pub fn lint_text(&self, text: &str, ctx: &Context) -> Result<LintReport, Error> {
        self.config.limits.check_text(text)?;
        Ok(self.lint_unchecked(text, ctx))
    }

    /// [`Linter::lint_text`] without the size check: for statements within
    /// the limit (checked by the caller) or written by the library itself.
    pub(crate) fn lint_unchecked(&self, text: &str, ctx: &Context) -> LintReport {
        let skip = crate::text::bom_len(text);
        let report = scratch::with(|s| self.lint_text_in(&text[skip..], ctx, s));
        if skip == 0 {
            report
        } else {
            report.offset_into(text, skip)
        }
    }

    /// [`Linter::lint_text`] with the buffers of earlier statements.
    fn lint_text_in(&self, text: &str, ctx: &Context, s: &mut scratch::Scratch) -> LintReport {
        let lex = lexicon();
        let today = self.reference_date(ctx);
        let t = Tokens::new_in(
            text,
            lex,
            std::mem::take(&mut s.keys),
            std::mem::take(&mut s.toks),
        );
        let m = lex.match_phrases_in(
            &t,
            std::mem::take(&mut s.matches),
            std::mem::take(&mut s.match_index),
        );
        // "Within six months" counts from when the goal was set, when that is known.
        let anchor = ctx.start.unwrap_or(today);
        let found = time::scan_into(
            &t,
            lex,
            &m,
            anchor,
            &self.time,
            std::mem::take(&mut s.found),
        );
        let mut a = Analysis::new_in(t, m, found, lex, s);
        let inputs = check::Inputs {
            today,
            thresholds: &self.config.thresholds,
            ctx,
            enabled: &self.enabled,
            severity: &self.severity,
        };
        let mut outcome = check::check(&a, lex, &inputs, s);
        let diagnostics = self.diagnostics(text, &mut outcome.findings, &outcome.groups);
        let report = LintReport {
            text: text.to_string(),
            deadline: outcome.deadline,
            criteria: outcome.criteria,
            diagnostics,
            time_expressions: a.time.drain(..).map(|f| f.expr).collect(),
        };
        s.recycle(a, outcome);
        report
    }

    /// Lint many goal statements with the same context: one result per
    /// statement, in order, each exactly what [`Linter::lint_text`] gives
    /// for it, except that an error's path names the statement (`texts[i]`).
    /// One bad statement costs that statement only; every other one is
    /// linted. (To refuse the whole batch instead, collect the results:
    /// `lint_many(..).into_iter().collect::<Result<Vec<_>, _>>()` gives the
    /// first error.)
    ///
    /// With the `parallel` feature (on by default) the statements are shared
    /// out over rayon's current pool (the global one, or the pool the caller
    /// `install`ed); each report depends only on its own text, so the order
    /// and content of the result do not depend on it.
    ///
    /// ```
    /// use careerplan::smart::{Context, LintConfig, Linter};
    /// let linter = Linter::new(LintConfig {
    ///     today: chrono::NaiveDate::from_ymd_opt(2026, 11, 22),
    ///     ..LintConfig::default()
    /// })?;
    /// let long = "grow ".repeat(100_000);
    /// let texts = ["Pass the CCNA exam by June 2027.", "Grow.", long.as_str()];
    /// let out = linter.lint_many(&texts, &Context::default());
    /// assert_eq!(out[0].as_ref().unwrap().deadline.unwrap().to_string(), "2027-06-30");
    /// assert_eq!(out[1], linter.lint_text("Grow.", &Context::default()));
    /// let err = out[2].as_ref().unwrap_err();
    /// assert_eq!((err.code(), err.path(), err.limit()), ("limit-exceeded", "texts[2]", Some("max_text_bytes")));
    /// # Ok::<(), careerplan::Error>(())
    /// ```
    pub fn lint_many<S: AsRef<str> + Sync>(
        &self,
        texts: &[S],
        ctx: &Context,
    ) -> Vec<Result<LintReport, Error>> {
        let one = |(i, text): (usize, &S)| {
            self.lint_text(text.as_ref(), ctx)
                .map_err(|e| e.at_path(format!("texts[{i}]")))
        };
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            texts.par_iter().enumerate().map(one).collect()
        }
        #[cfg(not(feature = "parallel"))]
        {
            texts.iter().enumerate().map(one).collect()
        }
    }

    /// Merge findings on the same words and render their messages. The
    /// fixes are moved out of `findings`, which are not used afterwards.
    fn diagnostics(
        &self,
        text: &str,
        findings: &mut [stages::Finding],
        groups: &[(u32, u32)],
    ) -> Vec<Diagnostic> {
        let mut out: Vec<Diagnostic> = Vec::with_capacity(groups.len());
        for group in groups.chunk_by(|a, b| a.0 == b.0) {
            let Some(lead) = check::lead_of(group, findings, &self.severity) else {
                continue;
            };
            let rule = findings[lead].rule;
            let Some(info) = rule.info() else {
                continue;
            };
            let mut span = findings[lead].span;
            let mut also: Vec<String> = Vec::new();
            for &(_, i) in group {
                let i = i as usize;
                span = span.union(findings[i].span);
                let code = findings[i].rule.code();
                if i != lead && code != rule.code() && !also.iter().any(|c| c == code) {
                    also.push(code.to_string());
                }
            }
            let f = &mut findings[lead];
            let words = f.words.map(|w| text.get(w.start..w.end).unwrap_or(""));
            out.push(Diagnostic {
                code: rule.code().to_string(),
                criterion: info.criterion,
                severity: self.severity(rule),
                message: rules::render_with(&info.message, words, &f.args),
                span,
                suggestion: info
                    .suggestion
                    .as_deref()
                    .map(|s| rules::render_with(s, words, &f.args)),
                fix: f.fix.take(),
                also,
                span_utf16: None,
            });
        }
        crate::sort::sort_by_key(&mut out, |d| (d.span.start, d.span.end));
        out
    }
}

/// Words that carry no topic: compared goals and values ignore them.
const STOPWORDS: &KeySet = kws![
    "and", "for", "with", "from", "into", "about", "that", "this", "will", "who", "which", "more",
    "than", "within", "the", "are", "was", "were", "been", "being", "have", "has", "had", "get",
    "make", "want", "need", "can", "could", "should", "would", "not", "all", "any", "each", "per",
    "over", "under", "until", "before", "after", "also", "very", "just", "some",
];

fn stem(word: &str) -> String {
    let mut w = word.strip_suffix("'s").unwrap_or(word);
    for suffix in ["ing", "ed", "s"] {
        if let Some(base) = w.strip_suffix(suffix)
            && base.len() >= 4
            && !(suffix == "s" && base.ends_with('s'))
        {
            w = base;
            break;
        }
    }
    // "programme" and "programmes", "manage" and "managed" meet here.
    match w.strip_suffix('e') {
        Some(base) if base.len() >= 4 => base.to_string(),
        _ => w.to_string(),
    }
}

/// The key term of token `i`: a content word, crudely stemmed.
pub(crate) fn term_of(t: &Tokens<'_>, lex: &Lexicon, i: usize) -> Option<String> {
    if !t.is_word(i) {
        return None;
    }
    let key = t.key(i);
    if key.chars().count() < 3
        || t.toks[i].packed.is_in(STOPWORDS)
        || lex.info(t.wid(i)).func != Func::None
    {
        return None;
    }
    Some(stem(key))
}

/// Key terms of a statement, outside its time expressions.
pub(crate) fn key_terms(a: &Analysis<'_>) -> HashSet<String> {
    (0..a.t.len())
        .filter(|&i| !a.in_time(i))
        .filter_map(|i| term_of(&a.t, lexicon(), i))
        .collect()
}

impl Linter {
    /// Key terms of a goal title (for duplicate detection).
    fn goal_terms(&self, title: &str) -> HashSet<String> {
        let lex = lexicon();
        let t = Tokens::new(title, lex);
        let m = lex.match_phrases(&t);
        let today = self.reference_date(&Context::default());
        let found = time::scan(&t, lex, &m, today, &self.time);
        let a = Analysis::new(t, m, found, lex);
        key_terms(&a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems() {
        assert_eq!(stem("programmes"), "programm");
        assert_eq!(stem("programme"), "programm");
        assert_eq!(stem("leading"), "lead");
        assert_eq!(stem("class"), "class");
        assert_eq!(stem("classes"), "class");
    }

    #[test]
    fn config_errors_name_the_field() {
        let mut config = LintConfig::default();
        config.thresholds.hours_per_week = -1.0;
        let err = Linter::new(config).unwrap_err();
        assert_eq!(err.path(), "thresholds.hours_per_week");
    }
}
