//! Validation of the rules that span a plan's entities.
//!
//! Parsing already guarantees each field has the right type and each date
//! exists. [`validate`] checks what only the whole document can tell, and
//! returns every problem at once, each with a stable [`ProblemCode`], a
//! [`Severity`] and the JSON path of the field to fix:
//!
//! | code | severity | what |
//! |---|---|---|
//! | `empty-id` | error | an id that is empty or only spaces |
//! | `duplicate-id` | error | two entities of one kind share an id |
//! | `dangling-reference` | error (warning in review history) | a `parent_id`, `goal_id`, `contact_id` or `aspiration_id` naming nothing |
//! | `goal-cycle` | error | a goal is its own ancestor |
//! | `deadline-before-start` | error | a goal's (or experience's) end before its start |
//! | `child-after-parent` | error | a sub-goal due after the goal it serves |
//! | `action-after-goal` | warning | an action due after its goal's deadline |
//! | `unknown-scale` | error | a skill rated on a scale that is neither built in nor in `scales` |
//! | `level-out-of-scale` | error | a level outside its scale |
//! | `priority-out-of-range` | error | importance or feasibility outside 1 to 5 |
//! | `horizon-mismatch` | warning | a goal's start-to-deadline span outside its horizon's window |
//! | `unknown-value` | warning | a goal linked to a value the profile does not list |
//! | `metric-without-change` | warning | a metric whose target equals its baseline |
//! | `negative-number` | error | negative effort hours or resource amount |
//! | `empty-text` | error | a title, name or statement that is empty |

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::model::*;
use crate::Severity;
use crate::chars::lowercase_key;
use crate::scale::ScaleRegistry;

/// Stable code of a validation problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ProblemCode {
    /// An id that is empty or only white space.
    EmptyId,
    /// Two entities of the same kind share an id.
    DuplicateId,
    /// A reference to an id that does not exist.
    DanglingReference,
    /// A goal is its own ancestor through `parent_id`.
    GoalCycle,
    /// An end date before its start date.
    DeadlineBeforeStart,
    /// A sub-goal's deadline after its parent's deadline.
    ChildAfterParent,
    /// An action due after its goal's deadline.
    ActionAfterGoal,
    /// A scale id that is neither built in nor defined in the plan.
    UnknownScale,
    /// A level outside its scale.
    LevelOutOfScale,
    /// Importance or feasibility outside 1 to 5.
    PriorityOutOfRange,
    /// A goal whose span does not fit its horizon.
    HorizonMismatch,
    /// A goal linked to a value the profile does not list.
    UnknownValue,
    /// A metric whose target equals its baseline.
    MetricWithoutChange,
    /// A negative effort or amount.
    NegativeNumber,
    /// A required text that is empty.
    EmptyText,
    /// The document is not well-formed JSON (see [`crate::Error::InvalidJson`]).
    InvalidJson,
    /// A field has the wrong type or value.
    InvalidValue,
    /// A date that is not `YYYY-MM-DD` or does not exist.
    InvalidDate,
    /// The document comes from a newer schema version.
    UnsupportedSchemaVersion,
    /// An old document could not be migrated.
    MigrationFailed,
    /// An invalid argument.
    InvalidArgument,
    /// The document is larger than a [`Limits`](crate::limits::Limits) field allows.
    LimitExceeded,
}

impl ProblemCode {
    /// The kebab-case code, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            ProblemCode::EmptyId => "empty-id",
            ProblemCode::DuplicateId => "duplicate-id",
            ProblemCode::DanglingReference => "dangling-reference",
            ProblemCode::GoalCycle => "goal-cycle",
            ProblemCode::DeadlineBeforeStart => "deadline-before-start",
            ProblemCode::ChildAfterParent => "child-after-parent",
            ProblemCode::ActionAfterGoal => "action-after-goal",
            ProblemCode::UnknownScale => "unknown-scale",
            ProblemCode::LevelOutOfScale => "level-out-of-scale",
            ProblemCode::PriorityOutOfRange => "priority-out-of-range",
            ProblemCode::HorizonMismatch => "horizon-mismatch",
            ProblemCode::UnknownValue => "unknown-value",
            ProblemCode::MetricWithoutChange => "metric-without-change",
            ProblemCode::NegativeNumber => "negative-number",
            ProblemCode::EmptyText => "empty-text",
            ProblemCode::InvalidJson => "invalid-json",
            ProblemCode::InvalidValue => "invalid-value",
            ProblemCode::InvalidDate => "invalid-date",
            ProblemCode::UnsupportedSchemaVersion => "unsupported-schema-version",
            ProblemCode::MigrationFailed => "migration-failed",
            ProblemCode::InvalidArgument => "invalid-argument",
            ProblemCode::LimitExceeded => "limit-exceeded",
        }
    }
}

impl std::fmt::Display for ProblemCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found in a plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Problem {
    /// Stable code.
    pub code: ProblemCode,
    /// Error or warning.
    pub severity: Severity,
    /// JSON path of the field to fix, e.g. `goals[2].deadline`.
    pub path: String,
    /// What is wrong, naming the values involved.
    pub message: String,
}

impl Problem {
    /// The problem that a loading error amounts to, so a document that cannot
    /// be read is reported in the same shape as one that breaks a rule.
    pub fn from_error(err: &crate::Error) -> Problem {
        use crate::error::ErrorKind;
        let code = match err.kind() {
            ErrorKind::InvalidJson => ProblemCode::InvalidJson,
            ErrorKind::InvalidDate => ProblemCode::InvalidDate,
            ErrorKind::UnsupportedSchemaVersion => ProblemCode::UnsupportedSchemaVersion,
            ErrorKind::MigrationFailed => ProblemCode::MigrationFailed,
            ErrorKind::InvalidArgument => ProblemCode::InvalidArgument,
            ErrorKind::LimitExceeded => ProblemCode::LimitExceeded,
            // A document has no table, and text from a face is UTF-8.
            ErrorKind::InvalidValue | ErrorKind::InvalidTable | ErrorKind::InvalidUtf8 => {
                ProblemCode::InvalidValue
            }
        };
        Problem {
            code,
            severity: Severity::Error,
            path: err.path().to_string(),
            message: err.message(),
        }
    }
}

/// The outcome of validating a document: whether it is valid (no problem at
/// error severity) and every problem found.
///
/// This is the JSON shape of `careerplan validate --format json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Validation {
    /// True when no problem has error severity.
    pub valid: bool,
    /// Every problem, in document order within each check.
    pub problems: Vec<Problem>,
}

impl Validation {
    fn from_problems(problems: Vec<Problem>) -> Validation {
        Validation {
            valid: problems.iter().all(|p| p.severity < Severity::Error),
            problems,
        }
    }
}

/// Load and validate a document in one step: a document that cannot be
/// loaded yields one problem describing why (with its path), so callers
/// get a single shape either way.
///
/// ```
/// let v = careerplan::plan::validate_json(r#"{"schema_version": 1, "id": "p",
///     "goals": [{"id": "g", "title": "t", "start": "2027-05-01", "deadline": "2027-04-01"}]}"#);
/// assert!(!v.valid);
/// assert_eq!(v.problems[0].code.as_str(), "deadline-before-start");
/// assert_eq!(careerplan::plan::validate_json("[").problems[0].code.as_str(), "invalid-json");
/// ```
pub fn validate_json(json: &str) -> Validation {
    match super::load_plan(json, &Default::default()) {
        Ok(plan) => Validation::from_problems(validate(&plan)),
        Err(e) => Validation::from_problems(vec![Problem::from_error(&e)]),
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {}: {} [{}]",
            self.severity, self.path, self.message, self.code
        )
    }
}

struct Checker<'a> {
    plan: &'a Plan,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn push(&mut self, code: ProblemCode, severity: Severity, path: String, message: String) {
        self.problems.push(Problem {
            code,
            severity,
            path,
            message,
        });
    }

    fn error(&mut self, code: ProblemCode, path: String, message: String) {
        self.push(code, Severity::Error, path, message);
    }

    fn warning(&mut self, code: ProblemCode, path: String, message: String) {
        self.push(code, Severity::Warning, path, message);
    }

    /// Check ids of one collection; returns id -> first index.
    fn ids<'b, I>(&mut self, collection: &str, ids: I) -> HashMap<&'b str, usize>
    where
        I: Iterator<Item = &'b str>,
    {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, id) in ids.enumerate() {
            if id.trim().is_empty() {
                self.error(
                    ProblemCode::EmptyId,
                    format!("{collection}[{i}].id"),
                    "id is empty".into(),
                );
                continue;
            }
            if let Some(first) = seen.get(id) {
                self.error(
                    ProblemCode::DuplicateId,
                    format!("{collection}[{i}].id"),
                    format!("id {id:?} is already used by {collection}[{first}]"),
                );
            } else {
                seen.insert(id, i);
            }
        }
        seen
    }

    // Paths are built lazily: formatting one per field would dominate the
    // cost of validating a large, clean plan.
    fn text(&mut self, path: impl FnOnce() -> String, value: &str) {
        if value.trim().is_empty() {
            self.error(ProblemCode::EmptyText, path(), "must not be empty".into());
        }
    }

    fn reference(
        &mut self,
        path: impl FnOnce() -> String,
        target: &str,
        targets: &HashMap<&str, usize>,
        kind: &str,
        severity: Severity,
    ) {
        if !targets.contains_key(target) {
            self.push(
                ProblemCode::DanglingReference,
                severity,
                path(),
                format!("no {kind} has id {target:?}"),
            );
        }
    }

    fn non_negative(&mut self, path: impl FnOnce() -> String, value: Option<f64>) {
        if let Some(v) = value
            && (v < 0.0 || !v.is_finite())
        {
            self.error(
                ProblemCode::NegativeNumber,
                path(),
                format!("expected a non-negative number, got {}", v),
            );
        }
    }
}

/// Whole months from `start` to `end` (negative when `end` is earlier).
pub(crate) fn months_between(start: NaiveDate, end: NaiveDate) -> i64 {
    let mut months = i64::from(end.year() - start.year()) * 12 + i64::from(end.month())
        - i64::from(start.month());
    if end.day() < start.day() {
        months -= 1;
    }
    months
}

/// Check every cross-entity rule of `plan`; see the module docs for the codes.
///
/// ```
/// use careerplan::plan::{load_plan, ProblemCode};
/// let plan = load_plan(r#"{"schema_version": 1, "id": "p", "goals": [
///   {"id": "g1", "title": "Lead a team", "deadline": "2027-06-30"},
///   {"id": "g2", "title": "Shadow a lead", "parent_id": "g1", "deadline": "2027-09-30"}]}"#, &Default::default())?;
/// let problems = plan.validate();
/// assert_eq!(problems[0].code, ProblemCode::ChildAfterParent);
/// assert_eq!(problems[0].path, "goals[1].deadline");
/// # Ok::<(), careerplan::Error>(())
/// ```
pub fn validate(plan: &Plan) -> Vec<Problem> {
    let mut c = Checker {
        plan,
        problems: Vec::new(),
    };
    let goals = c.ids("goals", plan.goals.iter().map(|g| g.id.as_str()));
    let aspirations = c.ids(
        "aspirations",
        plan.aspirations.iter().map(|a| a.id.as_str()),
    );
    let contacts = c.ids("contacts", plan.contacts.iter().map(|x| x.id.as_str()));
    c.ids("actions", plan.actions.iter().map(|a| a.id.as_str()));
    c.ids(
        "achievements",
        plan.achievements.iter().map(|a| a.id.as_str()),
    );
    c.ids("feedback", plan.feedback.iter().map(|f| f.id.as_str()));
    c.ids("reviews", plan.reviews.iter().map(|r| r.id.as_str()));

    check_profile(&mut c);
    for (i, a) in plan.aspirations.iter().enumerate() {
        c.text(|| format!("aspirations[{i}].statement"), &a.statement);
    }
    check_goals(&mut c, &goals, &aspirations);
    check_actions(&mut c, &goals, &contacts);
    for (i, x) in plan.contacts.iter().enumerate() {
        c.text(|| format!("contacts[{i}].name"), &x.name);
    }
    for (i, a) in plan.achievements.iter().enumerate() {
        c.text(|| format!("achievements[{i}].title"), &a.title);
        if let Some(g) = &a.goal_id {
            c.reference(
                || format!("achievements[{i}].goal_id"),
                g,
                &goals,
                "goal",
                Severity::Error,
            );
        }
    }
    for (i, f) in plan.feedback.iter().enumerate() {
        if let Some(g) = &f.goal_id {
            c.reference(
                || format!("feedback[{i}].goal_id"),
                g,
                &goals,
                "goal",
                Severity::Error,
            );
        }
        if let Some(x) = &f.contact_id {
            c.reference(
                || format!("feedback[{i}].contact_id"),
                x,
                &contacts,
                "contact",
                Severity::Error,
            );
        }
    }
    // Reviews are history: a goal deleted since is worth a warning, not an error.
    for (i, r) in plan.reviews.iter().enumerate() {
        for (j, p) in r.progress.iter().enumerate() {
            let path = || format!("reviews[{i}].progress[{j}].goal_id");
            c.reference(path, &p.goal_id, &goals, "goal", Severity::Warning);
        }
        for (j, ch) in r.changes.iter().enumerate() {
            if let Some(g) = &ch.goal_id {
                let path = || format!("reviews[{i}].changes[{j}].goal_id");
                c.reference(path, g, &goals, "goal", Severity::Warning);
            }
        }
    }
    c.problems
}

fn check_profile(c: &mut Checker<'_>) {
    let plan = c.plan;
    let registry = ScaleRegistry::with_custom(&plan.scales);
    for (i, s) in plan.profile.skills.iter().enumerate() {
        c.text(|| format!("profile.skills[{i}].skill"), &s.skill);
        match registry.get(&s.scale) {
            None => c.error(
                ProblemCode::UnknownScale,
                format!("profile.skills[{i}].scale"),
                format!(
                    "unknown scale {:?}; built-in scales are {}, or define it in \"scales\"",
                    s.scale,
                    ScaleRegistry::builtin_ids().join(", ")
                ),
            ),
            Some(scale) if !scale.contains(s.level) => c.error(
                ProblemCode::LevelOutOfScale,
                format!("profile.skills[{i}].level"),
                scale.outside_message(s.level),
            ),
            Some(_) => {}
        }
    }
    for (i, e) in plan.profile.experience.iter().enumerate() {
        if let (Some(start), Some(end)) = (e.start, e.end)
            && end < start
        {
            c.error(
                ProblemCode::DeadlineBeforeStart,
                format!("profile.experience[{i}].end"),
                format!("end {end} is before start {start}"),
            );
        }
    }
}

fn check_goals(
    c: &mut Checker<'_>,
    goals: &HashMap<&str, usize>,
    aspirations: &HashMap<&str, usize>,
) {
    let plan = c.plan;
    let windows = plan.horizon_windows();
    let plan_start = plan.created.as_ref().map(|t| t.date());
    let values: HashSet<String> = plan
        .profile
        .values
        .iter()
        .map(|v| lowercase_key(v.name.trim()))
        .collect();
    for (i, g) in plan.goals.iter().enumerate() {
        c.text(|| format!("goals[{i}].title"), &g.title);
        if let Some(p) = &g.parent_id {
            c.reference(
                || format!("goals[{i}].parent_id"),
                p,
                goals,
                "goal",
                Severity::Error,
            );
        }
        if let Some(a) = &g.aspiration_id {
            c.reference(
                || format!("goals[{i}].aspiration_id"),
                a,
                aspirations,
                "aspiration",
                Severity::Error,
            );
        }
        if let Some(p) = &g.priority {
            for (field, v) in [("importance", p.importance), ("feasibility", p.feasibility)] {
                if !(1..=5).contains(&v) {
                    c.error(
                        ProblemCode::PriorityOutOfRange,
                        format!("goals[{i}].priority.{field}"),
                        format!("{field} must be 1 to 5, got {v}"),
                    );
                }
            }
        }
        if let (Some(start), Some(deadline)) = (g.start, g.deadline)
            && deadline < start
        {
            c.error(
                ProblemCode::DeadlineBeforeStart,
                format!("goals[{i}].deadline"),
                format!("deadline {deadline} is before start {start}"),
            );
        }
        if let (Some(h), Some(deadline), Some(start)) =
            (g.horizon, g.deadline, g.start.or(plan_start))
            && deadline >= start
        {
            let months = months_between(start, deadline);
            let (lo, hi) = windows.months(h);
            if months < i64::from(lo) || months > i64::from(hi) {
                c.warning(
                    ProblemCode::HorizonMismatch,
                    format!("goals[{i}].horizon"),
                    format!(
                        "a {} goal spans {lo} to {hi} months, but {start} to {deadline} is {months} months",
                        h.as_str()
                    ),
                );
            }
        }
        if let Some(parent) = g
            .parent_id
            .as_deref()
            .and_then(|p| goals.get(p))
            .map(|&j| &plan.goals[j])
            && let (Some(mine), Some(theirs)) = (g.deadline, parent.deadline)
            && mine > theirs
        {
            c.error(
                ProblemCode::ChildAfterParent,
                format!("goals[{i}].deadline"),
                format!(
                    "deadline {mine} is after the deadline {theirs} of parent goal {:?}",
                    parent.id
                ),
            );
        }
        for (j, v) in g.values.iter().enumerate() {
            if !values.contains(&lowercase_key(v.trim())) {
                c.warning(
                    ProblemCode::UnknownValue,
                    format!("goals[{i}].values[{j}]"),
                    format!("value {v:?} is not among the profile's values"),
                );
            }
        }
        if let Some(m) = &g.metric
            && m.baseline == Some(m.target)
        {
            c.warning(
                ProblemCode::MetricWithoutChange,
                format!("goals[{i}].metric.target"),
                format!("target {} equals the baseline", m.target),
            );
        }
    }
    check_cycles(c, goals);
}

/// Report each cycle in the goal tree once, at the `parent_id` of the goal
/// (in document order) where the walk first closes the loop.
fn check_cycles(c: &mut Checker<'_>, goals: &HashMap<&str, usize>) {
    let plan = c.plan;
    // The id map is already built by the duplicate check; reuse it rather
    // than building the goal tree again.
    let parent: Vec<Option<usize>> = plan
        .goals
        .iter()
        .map(|g| g.parent_id.as_deref().and_then(|p| goals.get(p).copied()))
        .collect();
    // 0 = unvisited, 1 = on the current walk, 2 = finished.
    let mut state = vec![0u8; parent.len()];
    for start in 0..parent.len() {
        let mut walk: Vec<usize> = Vec::new();
        let mut at = Some(start);
        while let Some(i) = at {
            match state[i] {
                2 => break,
                1 => {
                    let pos = walk.iter().position(|&w| w == i).unwrap_or(0);
                    let cycle: Vec<&str> = walk[pos..]
                        .iter()
                        .map(|&w| plan.goals[w].id.as_str())
                        .collect();
                    let first = *walk[pos..].iter().min().unwrap_or(&i);
                    c.error(
                        ProblemCode::GoalCycle,
                        format!("goals[{first}].parent_id"),
                        format!("goals form a cycle: {} -> {}", cycle.join(" -> "), cycle[0]),
                    );
                    break;
                }
                _ => {
                    state[i] = 1;
                    walk.push(i);
                    at = parent[i];
                }
            }
        }
        for w in walk {
            state[w] = 2;
        }
    }
}

fn check_actions(
    c: &mut Checker<'_>,
    goals: &HashMap<&str, usize>,
    contacts: &HashMap<&str, usize>,
) {
    let plan = c.plan;
    for (i, a) in plan.actions.iter().enumerate() {
        c.text(|| format!("actions[{i}].title"), &a.title);
        match goals.get(a.goal_id.as_str()) {
            None => c.error(
                ProblemCode::DanglingReference,
                format!("actions[{i}].goal_id"),
                format!("no goal has id {:?}", a.goal_id),
            ),
            Some(&j) => {
                let goal = &plan.goals[j];
                if let (Some(due), Some(deadline)) = (a.due, goal.deadline)
                    && due > deadline
                {
                    c.warning(
                        ProblemCode::ActionAfterGoal,
                        format!("actions[{i}].due"),
                        format!(
                            "due {due} is after the deadline {deadline} of goal {:?}",
                            goal.id
                        ),
                    );
                }
            }
        }
        c.non_negative(|| format!("actions[{i}].effort_hours"), a.effort_hours);
        for (j, r) in a.resources.iter().enumerate() {
            c.non_negative(|| format!("actions[{i}].resources[{j}].amount"), r.amount);
            if let Some(x) = &r.contact_id {
                c.reference(
                    || format!("actions[{i}].resources[{j}].contact_id"),
                    x,
                    contacts,
                    "contact",
                    Severity::Error,
                );
            }
        }
    }
}
