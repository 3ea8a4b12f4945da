//! Agenda events, their kinds and their reflection prompts.

use std::sync::{Arc, OnceLock};

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

use crate::Error;

/// What an agenda event is for.
///
/// The declaration order is the precedence when two events land on the same
/// day for the same subject: the earlier kind is kept.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// A goal's deadline (subject: the goal).
    GoalDeadline,
    /// An action's due date (subject: the action).
    ActionDue,
    /// A review the person triggered (subject: the plan).
    AdHocReview,
    /// A review on the plan's cadence (subject: the plan).
    PeriodicReview,
    /// A denser review of a goal at risk or off track (subject: the goal).
    AtRiskReview,
    /// A review halfway between a long goal's start and deadline (subject: the goal).
    MidpointReview,
    /// A check-in some days before a deadline (subject: the goal or action).
    Checkin,
    /// A follow-up with a contact on their cadence (subject: the contact).
    ContactFollowUp,
}

impl EventKind {
    /// Every kind, in precedence order.
    pub const ALL: [EventKind; 8] = [
        EventKind::GoalDeadline,
        EventKind::ActionDue,
        EventKind::AdHocReview,
        EventKind::PeriodicReview,
        EventKind::AtRiskReview,
        EventKind::MidpointReview,
        EventKind::Checkin,
        EventKind::ContactFollowUp,
    ];

    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::GoalDeadline => "goal_deadline",
            EventKind::ActionDue => "action_due",
            EventKind::AdHocReview => "ad_hoc_review",
            EventKind::PeriodicReview => "periodic_review",
            EventKind::AtRiskReview => "at_risk_review",
            EventKind::MidpointReview => "midpoint_review",
            EventKind::Checkin => "checkin",
            EventKind::ContactFollowUp => "contact_follow_up",
        }
    }

    /// Whether the event is a review of the plan or of a goal (not a
    /// deadline, not a contact follow-up).
    pub fn is_review(self) -> bool {
        matches!(
            self,
            EventKind::AdHocReview
                | EventKind::PeriodicReview
                | EventKind::AtRiskReview
                | EventKind::MidpointReview
                | EventKind::Checkin
        )
    }

    /// Whether the kind recurs on a cadence (one iCalendar RRULE per subject).
    pub fn is_periodic(self) -> bool {
        matches!(
            self,
            EventKind::PeriodicReview | EventKind::AtRiskReview | EventKind::ContactFollowUp
        )
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

impl std::fmt::Display for EventKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One dated entry of the agenda.
///
/// JSON: `{"date": "2027-03-01", "kind": "periodic_review", "subject_id":
/// "plan-1", "title": "Career plan review (quarterly)", "prompts":
/// ["Am I meeting the deadlines I set for my goals?", ...]}`.
///
/// The subject, title and prompts are shared by every occurrence of one
/// series (one reference count per event), which keeps a ten-year agenda of
/// thousands of plans cheap to build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewEvent {
    /// The day.
    pub date: NaiveDate,
    /// What it is for.
    pub kind: EventKind,
    info: Arc<EventInfo>,
}

/// What the occurrences of one series have in common.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct EventInfo {
    /// The subject id followed by the title, in one allocation.
    text: String,
    split: usize,
    pub prompts: Arc<[String]>,
}

impl EventInfo {
    /// Build from the subject and a function that appends the title.
    pub(crate) fn new(
        subject_id: &str,
        title: impl FnOnce(&mut String),
        prompts: Arc<[String]>,
    ) -> EventInfo {
        let mut text = String::with_capacity(subject_id.len() + 96);
        text.push_str(subject_id);
        title(&mut text);
        EventInfo {
            text,
            split: subject_id.len(),
            prompts,
        }
    }

    pub(crate) fn subject_id(&self) -> &str {
        &self.text[..self.split]
    }

    pub(crate) fn title(&self) -> &str {
        &self.text[self.split..]
    }
}

impl ReviewEvent {
    /// An event (for tests and for callers that build their own agendas).
    pub fn new(
        date: NaiveDate,
        kind: EventKind,
        subject_id: impl Into<String>,
        title: impl Into<String>,
        prompts: Vec<String>,
    ) -> ReviewEvent {
        ReviewEvent {
            date,
            kind,
            info: Arc::new(EventInfo::new(
                &subject_id.into(),
                |t| t.push_str(&title.into()),
                Arc::from(prompts),
            )),
        }
    }

    pub(crate) fn shared(date: NaiveDate, kind: EventKind, info: &Arc<EventInfo>) -> ReviewEvent {
        ReviewEvent {
            date,
            kind,
            info: Arc::clone(info),
        }
    }

    /// Id of the plan, goal, action or contact the event concerns.
    pub fn subject_id(&self) -> &str {
        self.info.subject_id()
    }

    /// A one-line title for a calendar.
    pub fn title(&self) -> &str {
        self.info.title()
    }

    /// Reflection prompts for the occasion.
    pub fn prompts(&self) -> &[String] {
        &self.info.prompts
    }

    /// The UID of the iCalendar component that carries this event in
    /// [`super::to_ics`]: `PLAN/KIND/SUBJECT@careerplan` for the periodic
    /// kinds (one component per series), `PLAN/KIND/SUBJECT/YYYYMMDD@careerplan`
    /// for the others.
    pub fn uid(&self, plan_id: &str) -> String {
        uid(plan_id, self.kind, self.subject_id(), self.date)
    }
}

/// The UID of the component carrying an event; see [`ReviewEvent::uid`].
pub(crate) fn uid(plan_id: &str, kind: EventKind, subject: &str, date: NaiveDate) -> String {
    let k = kind.as_str();
    if kind.is_periodic() {
        format!("{plan_id}/{k}/{subject}@careerplan")
    } else {
        format!(
            "{plan_id}/{k}/{subject}/{}@careerplan",
            crate::plan::date::format_basic_date(date)
        )
    }
}

impl Serialize for ReviewEvent {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("ReviewEvent", 5)?;
        st.serialize_field("date", &crate::plan::date::format_date(self.date))?;
        st.serialize_field("kind", &self.kind)?;
        st.serialize_field("subject_id", self.subject_id())?;
        st.serialize_field("title", self.title())?;
        st.serialize_field("prompts", self.prompts())?;
        st.end()
    }
}

/// Reflection prompts for each kind of event.
///
/// The defaults come from `data/prompts.json`: the seeds' questions (Am I
/// meeting the deadlines I set for my goals? Have my priorities or
/// aspirations changed since I created this plan? What new challenges or
/// opportunities should I consider?) for reviews, and questions drawn from
/// the same texts for check-ins, follow-ups and deadlines. An options object
/// may replace any of the lists; the others keep their defaults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Prompts {
    /// For periodic reviews.
    pub periodic_review: Vec<String>,
    /// For ad-hoc reviews.
    pub ad_hoc_review: Vec<String>,
    /// For reviews of goals at risk.
    pub at_risk_review: Vec<String>,
    /// For midpoint reviews.
    pub midpoint_review: Vec<String>,
    /// For check-ins before deadlines.
    pub checkin: Vec<String>,
    /// For contact follow-ups.
    pub contact_follow_up: Vec<String>,
    /// For goal deadlines.
    pub goal_deadline: Vec<String>,
    /// For action due dates.
    pub action_due: Vec<String>,
}

const PROMPTS_JSON: &str = include_str!("../../data/prompts.json");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PromptsFile {
    periodic_review: Vec<String>,
    ad_hoc_review: Vec<String>,
    at_risk_review: Vec<String>,
    midpoint_review: Vec<String>,
    checkin: Vec<String>,
    contact_follow_up: Vec<String>,
    goal_deadline: Vec<String>,
    action_due: Vec<String>,
}

fn builtin_prompts() -> &'static Prompts {
    static PROMPTS: OnceLock<Prompts> = OnceLock::new();
    PROMPTS.get_or_init(|| {
        // The file ships with the crate and a unit test parses it strictly;
        // should it ever fail, events simply carry no prompts.
        match crate::json::from_text::<PromptsFile>(PROMPTS_JSON, "") {
            Ok(f) => Prompts {
                periodic_review: f.periodic_review,
                ad_hoc_review: f.ad_hoc_review,
                at_risk_review: f.at_risk_review,
                midpoint_review: f.midpoint_review,
                checkin: f.checkin,
                contact_follow_up: f.contact_follow_up,
                goal_deadline: f.goal_deadline,
                action_due: f.action_due,
            },
            Err(_) => Prompts::empty(),
        }
    })
}

impl Default for Prompts {
    fn default() -> Self {
        builtin_prompts().clone()
    }
}

impl Prompts {
    fn empty() -> Prompts {
        Prompts {
            periodic_review: Vec::new(),
            ad_hoc_review: Vec::new(),
            at_risk_review: Vec::new(),
            midpoint_review: Vec::new(),
            checkin: Vec::new(),
            contact_follow_up: Vec::new(),
            goal_deadline: Vec::new(),
            action_due: Vec::new(),
        }
    }

    /// The prompts for one kind of event.
    pub fn for_kind(&self, kind: EventKind) -> &[String] {
        match kind {
            EventKind::PeriodicReview => &self.periodic_review,
            EventKind::AdHocReview => &self.ad_hoc_review,
            EventKind::AtRiskReview => &self.at_risk_review,
            EventKind::MidpointReview => &self.midpoint_review,
            EventKind::Checkin => &self.checkin,
            EventKind::ContactFollowUp => &self.contact_follow_up,
            EventKind::GoalDeadline => &self.goal_deadline,
            EventKind::ActionDue => &self.action_due,
        }
    }

    /// Read prompts from JSON; kinds left out keep their defaults.
    ///
    /// # Errors
    /// [`Error::InvalidJson`] or [`Error::InvalidValue`] with the path of the
    /// bad field (an unknown kind is an error).
    pub fn from_json(json: &str) -> Result<Prompts, Error> {
        crate::json::from_text(json, "")
    }
}

/// The prompt lists shared by every event of one agenda.
pub(crate) struct SharedPrompts([Arc<[String]>; 8]);

impl SharedPrompts {
    pub(crate) fn new(prompts: Option<&Prompts>) -> SharedPrompts {
        static BUILTIN: OnceLock<[Arc<[String]>; 8]> = OnceLock::new();
        let make = |p: &Prompts| EventKind::ALL.map(|k| Arc::from(p.for_kind(k).to_vec()));
        match prompts {
            Some(p) => SharedPrompts(make(p)),
            None => SharedPrompts(BUILTIN.get_or_init(|| make(builtin_prompts())).clone()),
        }
    }

    pub(crate) fn get(&self, kind: EventKind) -> &Arc<[String]> {
        &self.0[kind.index()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prompt_file_parses_and_carries_the_seed_questions() {
        let f: PromptsFile = crate::json::from_text(PROMPTS_JSON, "").unwrap();
        assert_eq!(
            f.periodic_review[0],
            "Am I meeting the deadlines I set for my goals?"
        );
        let p = Prompts::default();
        assert!(EventKind::ALL.iter().all(|k| !p.for_kind(*k).is_empty()));
    }

    #[test]
    fn partial_prompts_keep_defaults_and_typos_fail() {
        let p = Prompts::from_json(r#"{"checkin": ["Ready?"]}"#).unwrap();
        assert_eq!(p.checkin, ["Ready?"]);
        assert_eq!(p.periodic_review, Prompts::default().periodic_review);
        let err = Prompts::from_json(r#"{"check_in": ["Ready?"]}"#).unwrap_err();
        assert_eq!(err.code(), "invalid-value");
    }

    #[test]
    fn events_serialize_to_the_contract_shape() {
        let e = ReviewEvent::new(
            NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
            EventKind::PeriodicReview,
            "p",
            "Quarterly review",
            vec!["Why?".to_string()],
        );
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"date":"2027-03-01","kind":"periodic_review","subject_id":"p","title":"Quarterly review","prompts":["Why?"]}"#
        );
    }
}

/// One dated entry of the agenda (`agenda`, `next_review`, `overdue`).
///
/// (The JSON shape [`ReviewEvent`]'s `Serialize` writes, for its schema: the
/// event itself shares its text between occurrences.)
#[derive(JsonSchema)]
#[schemars(rename = "ReviewEvent")]
#[allow(dead_code)] // only described, never built
struct ReviewEventShape {
    /// The day.
    date: NaiveDate,
    /// What the event is for.
    kind: EventKind,
    /// Id of the plan, goal, action or contact the event concerns.
    subject_id: String,
    /// A title for people, e.g. `Career plan review (quarterly)`.
    title: String,
    /// Reflection prompts for the occasion.
    prompts: Vec<String>,
}

impl JsonSchema for ReviewEvent {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        ReviewEventShape::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        ReviewEventShape::json_schema(generator)
    }
}
