//! The entities of a career plan, as they appear in the JSON document.
//!
//! Every struct keeps the fields it does not know in `extra`, and writes them
//! back unchanged, so a tool that adds its own fields never loses them through
//! this library. Optional fields that are absent stay absent on output; empty
//! lists are not written.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::cadence::Cadence;
pub use crate::document::Extra;
use crate::document::date::{self, Timestamp};
use crate::document::number;
use crate::scale::Scale;

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// A whole career plan: the canonical document every engine reads.
///
/// Build one with [`crate::plan::load_plan`] (which migrates older schema
/// versions) and check it with [`Plan::validate`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Plan {
    /// Version of the document's schema; this library writes
    /// [`crate::plan::SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Stable identifier of the plan.
    pub id: String,
    /// Whose plan this is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<Owner>,
    /// When the plan was created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<Timestamp>,
    /// When the plan was last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Timestamp>,
    /// Self-assessment: skills, values, interests, strengths, weaknesses.
    #[serde(default, skip_serializing_if = "is_default")]
    pub profile: Profile,
    /// Long-range visions the goals serve.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aspirations: Vec<Aspiration>,
    /// Goals on short, mid and long horizons, forming a tree through `parent_id`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<Goal>,
    /// Steps and milestones towards goals.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// The support network: mentors, managers, peers, coaches.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contacts: Vec<Contact>,
    /// Things accomplished, worth celebrating and citing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub achievements: Vec<Achievement>,
    /// Feedback received.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub feedback: Vec<Feedback>,
    /// Past reviews of the plan, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reviews: Vec<Review>,
    /// How often the plan is reviewed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_policy: Option<ReviewPolicy>,
    /// Horizon windows, if the plan overrides the defaults.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizons: Option<HorizonWindows>,
    /// Custom proficiency scales used by this plan's assessments.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scales: Vec<Scale>,
    /// Fields this version does not know, kept as written.
    #[serde(flatten, deserialize_with = "crate::json::extra")]
    pub extra: Extra,
}

impl Plan {
    /// An empty plan with the given id at the current schema version.
    ///
    /// ```
    /// let plan = careerplan::plan::Plan::new("p1");
    /// assert_eq!(plan.schema_version, careerplan::plan::SCHEMA_VERSION);
    /// ```
    pub fn new(id: impl Into<String>) -> Plan {
        Plan {
            schema_version: super::SCHEMA_VERSION,
            id: id.into(),
            owner: None,
            created: None,
            updated: None,
            profile: Profile::default(),
            aspirations: Vec::new(),
            goals: Vec::new(),
            actions: Vec::new(),
            contacts: Vec::new(),
            achievements: Vec::new(),
            feedback: Vec::new(),
            reviews: Vec::new(),
            review_policy: None,
            horizons: None,
            scales: Vec::new(),
            extra: Extra::new(),
        }
    }

    /// The goal with this id.
    pub fn goal(&self, id: &str) -> Option<&Goal> {
        self.goals.iter().find(|g| g.id == id)
    }

    /// The actions that serve the goal with this id, in document order.
    pub fn actions_for<'a>(&'a self, goal_id: &'a str) -> impl Iterator<Item = &'a Action> + 'a {
        self.actions.iter().filter(move |a| a.goal_id == goal_id)
    }

    /// The direct children of the goal with this id.
    pub fn children_of<'a>(&'a self, goal_id: &'a str) -> impl Iterator<Item = &'a Goal> + 'a {
        self.goals
            .iter()
            .filter(move |g| g.parent_id.as_deref() == Some(goal_id))
    }

    /// The goals' tree: each goal's index by id and its children, built in
    /// one pass so engines that walk the tree need not search it.
    ///
    /// ```
    /// let plan = careerplan::plan::load_plan(r#"{"schema_version": 1, "id": "p", "goals": [
    ///   {"id": "a", "title": "Lead"}, {"id": "b", "title": "Pilot", "parent_id": "a"}]}"#, &Default::default())?;
    /// let tree = plan.goal_tree();
    /// assert_eq!(tree.children[0], [1]);
    /// assert_eq!(tree.parent[1], Some(0));
    /// # Ok::<(), careerplan::Error>(())
    /// ```
    pub fn goal_tree(&self) -> GoalTree<'_> {
        let mut index = std::collections::HashMap::with_capacity(self.goals.len());
        for (i, g) in self.goals.iter().enumerate() {
            // The first goal with an id owns it; validation reports the rest.
            index.entry(g.id.as_str()).or_insert(i);
        }
        let parent: Vec<Option<usize>> = self
            .goals
            .iter()
            .map(|g| g.parent_id.as_deref().and_then(|p| index.get(p).copied()))
            .collect();
        let mut children = vec![Vec::new(); self.goals.len()];
        for (i, p) in parent.iter().enumerate() {
            if let Some(p) = *p {
                children[p].push(i);
            }
        }
        GoalTree {
            index,
            parent,
            children,
        }
    }

    /// The horizon windows in force: the plan's own, or the defaults.
    pub fn horizon_windows(&self) -> HorizonWindows {
        self.horizons.clone().unwrap_or_default()
    }
}

/// A plan's goals as a tree, by index into `Plan::goals`; see [`Plan::goal_tree`].
#[derive(Debug, Clone)]
pub struct GoalTree<'a> {
    /// Index of the goal with each id (the first, if an id repeats).
    pub index: std::collections::HashMap<&'a str, usize>,
    /// Index of each goal's parent, if it has one that exists.
    pub parent: Vec<Option<usize>>,
    /// Indices of each goal's children, in document order.
    pub children: Vec<Vec<usize>>,
}

/// The person the plan belongs to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Owner {
    /// Display name.
    pub name: String,
    /// Current job title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_role: Option<String>,
    /// Employer or organisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    /// Fields this version does not know, kept as written.
    #[serde(flatten, deserialize_with = "crate::json::extra")]
    pub extra: Extra,
}

/// The self-assessment the seeds start every plan with.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Profile {
    /// Skills with a proficiency level on a scale.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<SkillAssessment>,
    /// Personal values, most important first (or ordered by `rank`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<RankedValue>,
    /// Professional interests: what genuinely excites the person.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interests: Vec<String>,
    /// Strengths to build on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub strengths: Vec<String>,
    /// Weaknesses to work on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub weaknesses: Vec<String>,
    /// Results of personality or interest instruments (MBTI, Holland codes, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub personality: Vec<PersonalityResult>,
    /// Past roles and experiences worth remembering.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub experience: Vec<ExperienceNote>,
    /// Fields this version does not know, kept as written.
    #[serde(flatten, deserialize_with = "crate::json::extra")]
    pub extra: Extra,
}

/// One skill rated on a proficiency scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SkillAssessment {
    /// The skill's name, e.g. `"Project management"`.
    pub skill: String,
    /// The level on `scale`.
    #[serde(serialize_with = "number::whole")]
    pub level: f64,
    /// Id of the scale `level` is on: a built-in scale (`dreyfus-5`, `sfia-7`,
    /// `onet-level-0-7`, `percent`, ...) or one of the plan's `scales`.
    #[serde(default = "default_scale")]
    pub scale: String,
    /// When the level was assessed.
    #[serde(
        default,
        with = "date::optional",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<NaiveDate>")]
    pub assessed_on: Option<NaiveDate>,
    /// What supports the rating: a project, a certificate, a review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// Who rated it.
    #[serde(default, skip_serializing_if = "is_default")]
    pub source: AssessmentSource,
    /// Fields this version does not know, kept as written.
    #[serde(flatten, deserialize_with = "crate::json::extra")]
    pub extra: Extra,
}

fn default_scale() -> String {
    "dreyfus-5".to_string()
}

/// Who gave a skill rating.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AssessmentSource {
    /// The person themselves.
    #[default]
    #[serde(rename = "self")]
    SelfAssessed,
    /// Their manager.
    Manager,
    /// A peer.
    Peer,
    /// A test, certification or other instrument.
    Test,
    /// Anyone else.
    Other,
}

/// A personal value with its priority.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RankedValue {
    /// The value, e.g. `"autonomy"`, `"work-life balance"`.
    pub name: String,
    /// 1 is the most important; when absent, the list order is the rank.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank: Option<u32>,
    /// Why it matters.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Fields this version does not know, kept as written.
    #[serde(flatten, deserialize_with = "crate::json::extra")]
    pub extra: Extra,
}

/// The result of a personality or interest instrument.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PersonalityResult {
    /// The instrument, e.g. `"MBTI"`, `"Holland RIASEC"`, `"StrengthsFinder"`.
    pub instrument: String,
    /// The result in the instrument's own terms, e.g. `"INTJ"` or `"SIA"`.
    pub result: String,
    /// When it was taken.
    #[serde(
        default,
        with = "date::optional",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<NaiveDate>")]
    pub taken_on: Option<NaiveDate>,
    /// Fields this version does not know, kept as written.
    #[serde(flatten, deserialize_with = "crate::json::extra")]
    pub extra: Extra,
}

/// A past role or experience.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ExperienceNote {
    /// Role or experience title.
    pub title: String,
    /// Where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    /// From.
    #[serde(
        default,
        with = "date::optional",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<NaiveDate>")]
    pub start: Option<NaiveDate>,
    /// Until (absent while ongoing).
    #[serde(
        default,
        with = "date::optional",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<NaiveDate>")]
    pub end: Option<NaiveDate>,
    /// What was done and learned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Fields this version does not know, kept as written.
    #[serde(flatten, deserialize_with = "crate::json::extra")]
    pub extra: Extra,
}

/// Planning horizon of a goal or aspiration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Horizon {
    /// Up to a year (by default).
    Short,
    /// Roughly two to five years.
    Mid,
    /// Five to ten years.
    Long,
}

impl Horizon {
    /// The lowercase name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Horizon::Short => "short",
            Horizon::Mid => "mid",
            Horizon::Long => "long",
        }
    }
}

/// The span, in months from a goal's start, that each horizon covers.
///
/// The defaults follow the seeds: short-term goals within 12 months, mid-term
/// two to five years, long-term five to ten years. The seeds leave 12 to 24
/// months unassigned; the default gives it to `mid` (`mid_min_months = 12`) so
/// an 18-month goal is not flagged either way.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HorizonWindows {
    /// Longest short-term goal, in months.
    pub short_max_months: u32,
    /// Shortest mid-term goal, in months.
    pub mid_min_months: u32,
    /// Longest mid-term goal, in months.
    pub mid_max_months: u32,
    /// Shortest long-term goal, in months.
    pub long_min_months: u32,
    /// Longest long-term goal, in months.
    pub long_max_months: u32,
}

/// Read as an object only, on every road (see [`crate::json::MapOnly`]):
/// the fields of [`HorizonWindows`], which has no `extra` map that would
/// make serde read it as a map by itself.
#[derive(Deserialize)]
#[serde(expecting = "struct HorizonWindows", deny_unknown_fields)]
struct HorizonWindowsFields {
    short_max_months: u32,
    mid_min_months: u32,
    mid_max_months: u32,
    long_min_months: u32,
    long_max_months: u32,
}

impl From<HorizonWindowsFields> for HorizonWindows {
    fn from(f: HorizonWindowsFields) -> Self {
        HorizonWindows {
            short_max_months: f.short_max_months,
            mid_min_months: f.mid_min_months,
            mid_max_months: f.mid_max_months,
            long_min_months: f.long_min_months,
            long_max_months: f.long_max_months,
        }
    }
}

impl<'de> Deserialize<'de> for HorizonWindows {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        HorizonWindowsFields::deserialize(crate::json::MapOnly(d)).map(Self::from)
    }
}

impl Default for HorizonWindows {
    fn default() -> Self {
        HorizonWindows {
            short_max_months: 12,
            mid_min_months: 12,
            mid_max_months: 60,
            long_min_months: 60,
            long_max_months: 120,
        }
    }
}

impl HorizonWindows {
    /// The inclusive range of months a horizon covers.
    pub fn months(&self, horizon: Horizon) -> (u32, u32) {
        match horizon {
            Horizon::Short => (0, self.short_max_months),
            Horizon::Mid => (self.mid_min_months, self.mid_max_months),
            Horizon::Long => (self.long_min_months, self.long_max_months),
        }
    }

    /// The horizon a goal of this length (in whole months) falls in, the
    /// shortest first when windows overlap.
    pub fn classify(&self, months: u32) -> Option<Horizon> {
        [Horizon::Short, Horizon::Mid, Horizon::Long]
            .into_iter()
            .find(|h| {
                let (lo, hi) = self.months(*h);
                (lo..=hi).contains(&months)
            })
    }
}

/// A vision the goals serve: "lead a product organisation", "run my own practice".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Aspiration {
    /// Stable identifier.
    pub id: String,
    /// The vision in the person's own words.
    pub statement: String,
    /// How far out it lies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizon: Option<Horizon>,
    /// Fields this version does not know, kept as written.
    #[serde(flatten, deserialize_with = "crate::json::extra")]
    pub extra: Extra,
}

/// Status of a goal or an action.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Not begun.
    #[default]
    NotStarted,
    /// Under way.
    InProgress,
    /// Stuck on an obstacle.
    Blocked,
    /// Finished.
    Done,
    /// Dropped on purpose (kept for the record).
    Abandoned,
}

impl Status {
    /// Whether the item still needs work (not done, not abandoned).
    pub fn is_open(self) -> bool {
        !matches!(self, Status::Done | Status::Abandoned)
    }
}

/// How much a goal matters and how feasible it looks, each 1 (low) to 5 (high).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Priority {
    /// 1 (low) to 5 (high).
    pub importance: u8,
    /// 1 (low) to 5 (high).
    pub feasibility: u8,
    /// Fields this version does not know, kept as written.
    #[serde(flatten, deserialize_with = "crate::json::extra")]
    pub extra: Extra,
}

/// How progress towards a goal is measured.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Metric {
    /// What is measured, e.g. `"newsletter subscribers"`.
    pub name: String,
    /// Unit, e.g. `"%"`, `"USD"`, `"people"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Where it started.
    #[serde(
        default,
        serialize_with = "number::whole_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub baseline: Option<f64>,
    /// Where it should end.
    #[serde(serialize_with = "number::whole")]
    pub target: f64,
    /// Where it is now.
    #[serde(
        default,
        serialize_with = "number::whole_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub current: Option<f64>,
    /// Fields this version does not know, kept as written.
    #[serde(flatten, deserialize_with = "crate::json::extra")]
    pub extra: Extra,
}

/// A goal: what the person wants to achieve, by when, and how it is measured.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Goal {
    /// Stable identifier.
    pub id: String,
    /// The goal statement, ideally SMART.
    pub title: String,
    /// Longer explanation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Short, mid or long term.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizon: Option<Horizon>,
    /// The goal this one is a step towards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<String>,
    /// The aspiration this goal serves.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aspiration_id: Option<String>,
    /// Importance and feasibility.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Priority>,
    /// Where it stands.
    #[serde(default)]
    pub status: Status,
    /// When work starts.
    #[serde(
        default,
        with = "date::optional",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<NaiveDate>")]
    pub start: Option<NaiveDate>,
    /// When it must be achieved.
    #[serde(
        default,
        with = "date::optional",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<NaiveDate>")]
    pub deadline: Option<NaiveDate>,
    /// How progress is measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<Metric>,
    /// Names of the profile values this goal serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<String>,
    /// Names of the skills this goal builds or needs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<String>,
    /// Fields this version does not know, kept as written.
    #[serde(flatten, deserialize_with = "crate::json::extra")]
    pub extra: Extra,
}

impl Goal {
    /// A goal with an id and a title and nothing else.
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> Goal {
        Goal {
            id: id.into(),
            title: title.into(),
            description: None,
            horizon: None,
            parent_id: None,
            aspiration_id: None,
            priority: None,
            status: Status::NotStarted,
            start: None,
            deadline: None,
            metric: None,
            values: Vec::new(),
            skills: Vec::new(),
            extra: Extra::new(),
        }
    }
}

/// Whether an action is a step of work or a milestone to reach.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActionKind {
    /// A piece of work.
    #[default]
    Step,
    /// A checkpoint worth celebrating.
    Milestone,
}

/// A step or milestone towards a goal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Action {
    /// Stable identifier.
    pub id: String,
    /// The goal it serves.
    pub goal_id: String,
    /// What to do.
    pub title: String,
    /// Step or milestone.
    #[serde(default, skip_serializing_if = "is_default")]
    pub kind: ActionKind,
    /// When it is due.
    #[serde(
        default,
        with = "date::optional",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<NaiveDate>")]
    pub due: Option<NaiveDate>,
    /// Where it stands.
    #[serde(default)]
    pub status: Status,
    /// When it was finished.
    #[serde(
        default,
        with = "date::optional",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<NaiveDate>")]
    pub completed_on: Option<NaiveDate>,
    /// Estimated effort in hours.
    #[serde(
        default,
        serialize_with = "number::whole_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub effort_hours: Option<f64>,
    /// What it needs: time, money, training, people.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<Resource>,
    /// What may stand in the way, each with a plan to get past it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub obstacles: Vec<Obstacle>,
    /// Names of the skills this action builds (besides its goal's).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<String>,
    /// Fields this version does not know, kept as written.
    #[serde(flatten, deserialize_with = "crate::json::extra")]
    pub extra: Extra,
}

/// Kind of resource an action needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ResourceKind {
    /// Hours of the person's time.
    Time,
    /// Money (course fees, travel).
    Money,
    /// A course, book or programme.
    Training,
    /// A person who can help (see `contact_id`).
    Contact,
    /// Anything else.
    Other,
}

/// A resource an action needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Resource {
    /// What kind of resource.
    pub kind: ResourceKind,
    /// How much, in `unit`.
    #[serde(
        default,
        serialize_with = "number::whole_opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub amount: Option<f64>,
    /// Unit of `amount`, e.g. `"USD"`, `"hours"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The contact, when `kind` is `contact`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_id: Option<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Fields this version does not know, kept as written.
    #[serde(flatten, deserialize_with = "crate::json::extra")]
    pub extra: Extra,
}

/// Something that may stand in the way, with the plan to overcome it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Obstacle {
    /// The obstacle.
    pub description: String,
    /// How it will be handled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mitigation: Option<String>,
    /// Fields this version does not know, kept as written.
    #[serde(flatten, deserialize_with = "crate::json::extra")]
    pub extra: Extra,
}

/// How a contact relates to the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// A mentor.
    Mentor,
    /// A line manager.
    Manager,
    /// A peer or colleague.
    Peer,
    /// A coach.
    Coach,
    /// A career counselor.
    Counselor,
    /// Someone the person sponsors or mentors.
    Mentee,
    /// Anyone else in the network.
    Other,
}

/// Someone in the support network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Contact {
    /// Stable identifier.
    pub id: String,
    /// Name.
    pub name: String,
    /// Mentor, manager, peer, ...
    pub relation: Relation,
    /// How often to follow up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cadence: Option<Cadence>,
    /// When they last spoke.
    #[serde(
        default,
        with = "date::optional",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<NaiveDate>")]
    pub last_contact: Option<NaiveDate>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Fields this version does not know, kept as written.
    #[serde(flatten, deserialize_with = "crate::json::extra")]
    pub extra: Extra,
}

/// Something accomplished.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Achievement {
    /// Stable identifier.
    pub id: String,
    /// What was achieved.
    pub title: String,
    /// When.
    #[serde(
        default,
        with = "date::optional",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<NaiveDate>")]
    pub date: Option<NaiveDate>,
    /// Details and impact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The goal it fulfils or advances.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal_id: Option<String>,
    /// Skills it demonstrates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<String>,
    /// Fields this version does not know, kept as written.
    #[serde(flatten, deserialize_with = "crate::json::extra")]
    pub extra: Extra,
}

/// Feedback received from someone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Feedback {
    /// Stable identifier.
    pub id: String,
    /// Who gave it (free text).
    pub from: String,
    /// The contact who gave it, if in the network.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact_id: Option<String>,
    /// When.
    #[serde(
        default,
        with = "date::optional",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<NaiveDate>")]
    pub date: Option<NaiveDate>,
    /// What they said.
    pub text: String,
    /// The goal it concerns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal_id: Option<String>,
    /// The skill it concerns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skill: Option<String>,
    /// Fields this version does not know, kept as written.
    #[serde(flatten, deserialize_with = "crate::json::extra")]
    pub extra: Extra,
}

/// A periodic review of the plan: answers, progress at the time, changes made.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Review {
    /// Stable identifier.
    pub id: String,
    /// When it took place.
    #[serde(with = "date::required")]
    #[schemars(with = "NaiveDate")]
    pub date: NaiveDate,
    /// Answers to reflection prompts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<ReviewAnswer>,
    /// Progress of each goal at the time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub progress: Vec<GoalProgressSnapshot>,
    /// Adjustments made to the plan.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<PlanChange>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// Fields this version does not know, kept as written.
    #[serde(flatten, deserialize_with = "crate::json::extra")]
    pub extra: Extra,
}

/// An answer to a reflection prompt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReviewAnswer {
    /// The question asked.
    pub prompt: String,
    /// The answer given.
    pub answer: String,
    /// Fields this version does not know, kept as written.
    #[serde(flatten, deserialize_with = "crate::json::extra")]
    pub extra: Extra,
}

/// A goal's progress as recorded in a review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GoalProgressSnapshot {
    /// The goal.
    pub goal_id: String,
    /// Progress, 0 to 100.
    #[serde(serialize_with = "number::whole")]
    pub percent: f64,
    /// Status at the time.
    #[serde(default)]
    pub status: Status,
    /// Fields this version does not know, kept as written.
    #[serde(flatten, deserialize_with = "crate::json::extra")]
    pub extra: Extra,
}

/// The kind of adjustment a review made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// A goal was added.
    GoalAdded,
    /// A goal's deadline moved.
    DeadlineMoved,
    /// A goal was abandoned.
    GoalAbandoned,
    /// A goal was completed.
    GoalCompleted,
    /// A goal's priority changed.
    PriorityChanged,
    /// An aspiration changed.
    AspirationChanged,
    /// Any other change, described in `note`.
    Other,
}

/// One adjustment made during a review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PlanChange {
    /// What kind of change.
    pub kind: ChangeKind,
    /// The goal it concerns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal_id: Option<String>,
    /// The value before (e.g. the old deadline).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::json::optional_value"
    )]
    pub from: Option<serde_json::Value>,
    /// The value after.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::json::optional_value"
    )]
    pub to: Option<serde_json::Value>,
    /// Why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Fields this version does not know, kept as written.
    #[serde(flatten, deserialize_with = "crate::json::extra")]
    pub extra: Extra,
}

/// Business-day convention for a review date that falls on a weekend or holiday.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BusinessDayConvention {
    /// Keep the date as computed.
    #[default]
    None,
    /// Move to the next business day.
    Following,
    /// Move to the next business day unless that changes the month, then back.
    ModifiedFollowing,
    /// Move to the previous business day.
    Preceding,
}

/// How and when the plan is reviewed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReviewPolicy {
    /// How often periodic reviews happen.
    pub cadence: Cadence,
    /// The date the cadence counts from (defaults to the plan's creation date).
    #[serde(
        default,
        with = "date::optional",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<NaiveDate>")]
    pub anchor: Option<NaiveDate>,
    /// No periodic reviews after this date.
    #[serde(
        default,
        with = "date::optional",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(with = "Option<NaiveDate>")]
    pub until: Option<NaiveDate>,
    /// What to do when a review falls on a weekend or holiday.
    #[serde(default, skip_serializing_if = "is_default")]
    pub business_days: BusinessDayConvention,
    /// Dates that are not business days.
    #[serde(default, with = "date::list", skip_serializing_if = "Vec::is_empty")]
    #[schemars(with = "Vec<NaiveDate>")]
    pub holidays: Vec<NaiveDate>,
    /// Check-ins this many days before each goal and action deadline.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checkin_days_before: Vec<u32>,
    /// Goals longer than this many days get a midpoint review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub midpoint_min_days: Option<u32>,
    /// A denser cadence for goals at risk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_risk_cadence: Option<Cadence>,
    /// Reviews the person triggers outside the cadence: a job change, a new
    /// opportunity.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ad_hoc: Vec<AdHocReview>,
    /// Fields this version does not know, kept as written.
    #[serde(flatten, deserialize_with = "crate::json::extra")]
    pub extra: Extra,
}

impl ReviewPolicy {
    /// A policy with this cadence and nothing else.
    pub fn new(cadence: Cadence) -> ReviewPolicy {
        ReviewPolicy {
            cadence,
            anchor: None,
            until: None,
            business_days: BusinessDayConvention::None,
            holidays: Vec::new(),
            checkin_days_before: Vec::new(),
            midpoint_min_days: None,
            at_risk_cadence: None,
            ad_hoc: Vec::new(),
            extra: Extra::new(),
        }
    }
}

/// A review the person triggers outside the cadence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AdHocReview {
    /// When to hold it.
    #[serde(with = "date::required")]
    #[schemars(with = "NaiveDate")]
    pub date: NaiveDate,
    /// What prompted it: "job offer from Contoso", "reorganisation".
    pub reason: String,
    /// Fields this version does not know, kept as written.
    #[serde(flatten, deserialize_with = "crate::json::extra")]
    pub extra: Extra,
}
