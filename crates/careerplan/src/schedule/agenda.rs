//! The agenda engine: series and one-off events of a plan, expanded over a
//! window, sorted and deduplicated.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Arc;

use chrono::{Datelike, Days, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::business::BusinessCalendar;
use super::event::{EventInfo, EventKind, Prompts, ReviewEvent, SharedPrompts};
use super::recur::{Step, first_index_on_or_after, nth_step};
use crate::Error;
use crate::plan::{ActionKind, BusinessDayConvention, Cadence, CadenceUnit, Plan, Relation};
use crate::progress::{ProgressOptions, TrackStatus, goal_statuses};

/// Options of [`agenda`](super::agenda), [`next_review`](super::next_review) and
/// [`overdue`](super::overdue).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct AgendaOptions {
    /// The date goal status is judged on, which decides the goals that get
    /// at-risk reviews (and from when); defaults to the window's start.
    #[serde(with = "crate::plan::date::optional")]
    #[schemars(with = "Option<NaiveDate>")]
    pub today: Option<NaiveDate>,
    /// Only these kinds of event (empty: every kind).
    pub kinds: Vec<EventKind>,
    /// Reflection prompts to use instead of the built-in ones.
    pub prompts: Option<Prompts>,
    /// Thresholds of the on-track status used to find goals at risk.
    pub progress: ProgressOptions,
    /// Resource limits: the window may span at most `max_agenda_years` and
    /// expand to at most `max_events` occurrences.
    pub limits: crate::limits::Limits,
}

/// A recurring series: occurrences of a cadence from an anchor, kept inside
/// `lower..=upper`, rolled by the business-day convention.
#[derive(Debug, Clone)]
pub(crate) struct Series {
    pub anchor: NaiveDate,
    pub step: Step,
    pub lower: NaiveDate,
    pub upper: Option<NaiveDate>,
}

/// What one series or one-off event is about; shared by its occurrences.
#[derive(Debug, Clone)]
pub(crate) struct Meta {
    pub kind: EventKind,
    pub info: Arc<EventInfo>,
    pub series: Option<Series>,
}

/// An occurrence before it becomes a [`ReviewEvent`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Raw {
    /// Date, subject rank and kind packed so one integer comparison sorts
    /// by all three: bits 36.. the day number, 4..36 the subject, 0..4 the kind.
    key: u64,
    date: NaiveDate,
    pub meta: u32,
}

impl Raw {
    fn new(date: NaiveDate, subject: u32, kind: EventKind, meta: u32) -> Raw {
        // Day numbers of chrono's dates lie within +-2^27.
        let day = (i64::from(date.num_days_from_ce()) + (1 << 27)) as u64;
        Raw {
            key: day << 36 | u64::from(subject) << 4 | kind.index() as u64,
            date,
            meta,
        }
    }

    pub(crate) fn date(&self) -> NaiveDate {
        self.date
    }

    pub(crate) fn subject(&self) -> u32 {
        (self.key >> 4) as u32
    }

    pub(crate) fn kind(&self) -> EventKind {
        EventKind::ALL[(self.key & 0xF) as usize]
    }

    /// Date and subject, without the kind.
    fn day_and_subject(&self) -> u64 {
        self.key >> 4
    }
}

/// The expanded agenda of one plan over one window.
pub(crate) struct Built {
    pub metas: Vec<Meta>,
    pub raws: Vec<Raw>,
}

impl Built {
    pub(crate) fn event(&self, raw: &Raw) -> ReviewEvent {
        let meta = &self.metas[raw.meta as usize];
        ReviewEvent::shared(raw.date(), meta.kind, &meta.info)
    }

    pub(crate) fn events(&self) -> Vec<ReviewEvent> {
        self.raws.iter().map(|r| self.event(r)).collect()
    }
}

/// A plain-language name of a cadence: "quarterly", "every 6 weeks".
pub fn cadence_label(cadence: Cadence) -> String {
    match cadence {
        Cadence::Weekly => "weekly".into(),
        Cadence::Biweekly => "every 2 weeks".into(),
        Cadence::Monthly => "monthly".into(),
        Cadence::Quarterly => "quarterly".into(),
        Cadence::SemiAnnual => "every 6 months".into(),
        Cadence::Annual => "yearly".into(),
        Cadence::Every { every, unit } => {
            let unit = match unit {
                CadenceUnit::Days => "day",
                CadenceUnit::Weeks => "week",
                CadenceUnit::Months => "month",
                CadenceUnit::Years => "year",
            };
            if every == 1 {
                format!("every {unit}")
            } else {
                format!("every {every} {unit}s")
            }
        }
    }
}

fn relation_label(r: Relation) -> &'static str {
    match r {
        Relation::Mentor => "mentor",
        Relation::Manager => "manager",
        Relation::Peer => "peer",
        Relation::Coach => "coach",
        Relation::Counselor => "counselor",
        Relation::Mentee => "mentee",
        Relation::Other => "contact",
    }
}

struct Builder {
    from: NaiveDate,
    to: NaiveDate,
    kinds: [bool; 8],
    metas: Vec<Meta>,
    raws: Vec<Raw>,
    calendar: BusinessCalendar,
    convention: BusinessDayConvention,
    slack: u64,
    prompts: SharedPrompts,
    /// Occurrences allowed before the build stops with `max_events`.
    max_events: usize,
    overflow: bool,
}

impl Builder {
    fn wants(&self, kind: EventKind) -> bool {
        self.kinds[kind.index()]
    }

    fn meta(
        &mut self,
        kind: EventKind,
        subject: &str,
        title: impl FnOnce(&mut String),
        series: Option<Series>,
    ) -> u32 {
        self.metas.push(Meta {
            kind,
            info: Arc::new(EventInfo::new(
                subject,
                title,
                Arc::clone(self.prompts.get(kind)),
            )),
            series,
        });
        // A plan has far fewer than 4 billion series.
        (self.metas.len() - 1) as u32
    }

    fn push(&mut self, date: NaiveDate, rank: u32, kind: EventKind, meta: u32) {
        if date >= self.from && date <= self.to {
            if self.raws.len() >= self.max_events {
                self.overflow = true;
                return;
            }
            self.raws.push(Raw::new(date, rank, kind, meta));
        }
    }

    /// A one-off event, rolled within `lower..=upper` when `roll` is set.
    /// Check-ins `days` before `due` for each of `checkins`, rolled to a
    /// business day no later than `due`; one rule for goals and actions.
    fn checkins(
        &mut self,
        checkins: &[u32],
        rank: u32,
        subject: &str,
        due: NaiveDate,
        before: &str,
        title: &str,
    ) {
        for &days in checkins.iter().filter(|d| **d > 0) {
            if let Some(date) = due.checked_sub_days(Days::new(u64::from(days))) {
                self.one_off(
                    EventKind::Checkin,
                    rank,
                    subject,
                    |t: &mut String| {
                        let _ = write!(t, "Check-in, {days} days before {before}: {title}");
                    },
                    date,
                    Some((NaiveDate::MIN, Some(due))),
                );
            }
        }
    }

    fn one_off(
        &mut self,
        kind: EventKind,
        rank: u32,
        subject: &str,
        title: impl FnOnce(&mut String),
        date: NaiveDate,
        roll: Option<(NaiveDate, Option<NaiveDate>)>,
    ) {
        if !self.wants(kind) {
            return;
        }
        let date = match roll {
            Some((lower, upper)) => {
                match self
                    .calendar
                    .roll_within(date, self.convention, lower, upper)
                {
                    Some(d) => d,
                    None => return,
                }
            }
            None => date,
        };
        if date < self.from || date > self.to {
            return;
        }
        let meta = self.meta(kind, subject, title, None);
        self.push(date, rank, kind, meta);
    }

    fn series(
        &mut self,
        kind: EventKind,
        rank: u32,
        subject: &str,
        title: impl FnOnce(&mut String),
        series: Series,
    ) {
        if !self.wants(kind) || series.upper.is_some_and(|u| u < series.lower) {
            return;
        }
        let start = self
            .from
            .checked_sub_days(Days::new(self.slack))
            .unwrap_or(NaiveDate::MIN)
            .max(series.lower);
        let end = self
            .to
            .checked_add_days(Days::new(self.slack))
            .unwrap_or(NaiveDate::MAX);
        let end = series.upper.map_or(end, |u| u.min(end));
        if start > end {
            return;
        }
        let (anchor, step, lower, upper) = (series.anchor, series.step, series.lower, series.upper);
        let meta = self.meta(kind, subject, title, Some(series));
        let mut n = first_index_on_or_after(anchor, step, start);
        // Reserve for the occurrences ahead, estimated from the step.
        let days = (end - start).num_days().max(0) as u64;
        let per = match step {
            Step::Days(k) => k,
            Step::Months(k) => k * 28,
        };
        let ahead = (days / per.max(1)) as usize + 1;
        self.raws
            .reserve(ahead.min(self.max_events.saturating_sub(self.raws.len())));
        while let Some(nominal) = nth_step(anchor, step, n) {
            if nominal > end || self.overflow {
                break;
            }
            n += 1;
            let date = if self.convention == BusinessDayConvention::None {
                nominal
            } else {
                match self
                    .calendar
                    .roll_within(nominal, self.convention, lower, upper)
                {
                    Some(d) => d,
                    None => continue,
                }
            };
            self.push(date, rank, kind, meta);
        }
    }
}

fn checkins_len(plan: &Plan) -> usize {
    plan.review_policy
        .as_ref()
        .map_or(0, |p| p.checkin_days_before.len())
}

/// Expand the plan's events over `from..=to`, sorted and deduplicated.
pub(crate) fn build(
    plan: &Plan,
    from: NaiveDate,
    to: NaiveDate,
    options: &AgendaOptions,
) -> Result<Built, Error> {
    if from > to {
        return Err(Error::InvalidArgument {
            path: "from".into(),
            message: format!("the window starts on {from}, after its end {to}"),
        });
    }
    options.progress.check_at("options.progress")?;
    options.limits.check_span((to - from).num_days())?;
    // No event past the last date a document can hold: it could not be
    // written as YYYY-MM-DD, nor read back.
    let to = to.min(crate::plan::date::LAST_DOCUMENT_DATE);
    let policy = plan.review_policy.as_ref();
    let calendar = BusinessCalendar::new(policy.map_or(&[][..], |p| &p.holidays));
    let convention = policy.map_or(BusinessDayConvention::None, |p| p.business_days);
    let slack = if convention == BusinessDayConvention::None {
        0
    } else {
        // A roll crosses at most the holidays plus the weekends among them.
        calendar.holiday_count() as u64 * 3 + 7
    };
    let mut kinds = [options.kinds.is_empty(); 8];
    for k in &options.kinds {
        kinds[k.index()] = true;
    }
    let mut b = Builder {
        from,
        to,
        kinds,
        metas: Vec::new(),
        raws: Vec::new(),
        calendar,
        convention,
        slack,
        prompts: SharedPrompts::new(options.prompts.as_ref()),
        max_events: usize::try_from(options.limits.max_events).unwrap_or(usize::MAX),
        overflow: false,
    };
    b.metas.reserve(
        2 + plan.goals.len() * (3 + checkins_len(plan))
            + plan.actions.len() * 2
            + plan.contacts.len(),
    );
    let created = plan.created.as_ref().map(|t| t.date());
    let plan_subject: &str = &plan.id;
    let goals_base = 1u32;
    let actions_base = goals_base + plan.goals.len() as u32;
    let contacts_base = actions_base + plan.actions.len() as u32;

    if let Some(policy) = policy {
        if b.wants(EventKind::PeriodicReview) {
            let anchor = policy.anchor.or(created).ok_or_else(|| Error::InvalidValue {
                path: "review_policy.anchor".into(),
                message: "periodic reviews need a start: set review_policy.anchor or the plan's created date".into(),
            })?;
            b.series(
                EventKind::PeriodicReview,
                0,
                plan_subject,
                |t: &mut String| {
                    let _ = write!(t, "Career plan review ({})", cadence_label(policy.cadence));
                },
                Series {
                    anchor,
                    step: Step::of(policy.cadence),
                    lower: anchor,
                    upper: policy.until,
                },
            );
        }
        for adhoc in &policy.ad_hoc {
            b.one_off(
                EventKind::AdHocReview,
                0,
                plan_subject,
                |t: &mut String| {
                    let _ = write!(t, "Ad-hoc review of the career plan: {}", adhoc.reason);
                },
                adhoc.date,
                None,
            );
        }
    }

    let checkins: &[u32] = policy.map_or(&[], |p| &p.checkin_days_before);
    let at_risk: HashMap<usize, TrackStatus> = match policy.and_then(|p| p.at_risk_cadence) {
        Some(_) if b.wants(EventKind::AtRiskReview) => {
            let as_of = options.today.unwrap_or(from);
            goal_statuses(plan, as_of, &options.progress)?
                .into_iter()
                .enumerate()
                .filter(|(_, s)| matches!(s.status, TrackStatus::AtRisk | TrackStatus::OffTrack))
                .map(|(i, s)| (i, s.status))
                .collect()
        }
        _ => HashMap::new(),
    };

    for (i, goal) in plan.goals.iter().enumerate() {
        if !goal.status.is_open() {
            continue;
        }
        let rank = goals_base + i as u32;
        let subject: &str = &goal.id;
        if let Some(deadline) = goal.deadline {
            b.one_off(
                EventKind::GoalDeadline,
                rank,
                subject,
                |t: &mut String| {
                    let _ = write!(t, "Deadline: {}", goal.title);
                },
                deadline,
                None,
            );
            b.checkins(
                checkins,
                rank,
                subject,
                deadline,
                "the deadline",
                &goal.title,
            );
            let start = goal.start.or(created);
            if let (Some(min_days), Some(start)) = (policy.and_then(|p| p.midpoint_min_days), start)
            {
                let span = (deadline - start).num_days();
                if span > i64::from(min_days)
                    && let Some(mid) = start.checked_add_days(Days::new((span / 2) as u64))
                {
                    b.one_off(
                        EventKind::MidpointReview,
                        rank,
                        subject,
                        |t: &mut String| {
                            let _ = write!(t, "Midpoint review: {}", goal.title);
                        },
                        mid,
                        Some((start, Some(deadline))),
                    );
                }
            }
            if let (Some(status), Some(cadence)) =
                (at_risk.get(&i), policy.and_then(|p| p.at_risk_cadence))
            {
                let as_of = options.today.unwrap_or(from);
                let label = if *status == TrackStatus::OffTrack {
                    "Off-track"
                } else {
                    "At-risk"
                };
                b.series(
                    EventKind::AtRiskReview,
                    rank,
                    subject,
                    |t: &mut String| {
                        let _ = write!(
                            t,
                            "{label} review ({}): {}",
                            cadence_label(cadence),
                            goal.title
                        );
                    },
                    Series {
                        anchor: goal.start.unwrap_or(as_of).min(as_of),
                        step: Step::of(cadence),
                        lower: as_of,
                        upper: Some(deadline),
                    },
                );
            }
        }
    }

    for (i, action) in plan.actions.iter().enumerate() {
        if !action.status.is_open() {
            continue;
        }
        let Some(due) = action.due else { continue };
        let rank = actions_base + i as u32;
        let subject: &str = &action.id;
        let word = if action.kind == ActionKind::Milestone {
            "Milestone"
        } else {
            "Due"
        };
        b.one_off(
            EventKind::ActionDue,
            rank,
            subject,
            |t: &mut String| {
                let _ = write!(t, "{word}: {}", action.title);
            },
            due,
            None,
        );
        b.checkins(checkins, rank, subject, due, "it is due", &action.title);
    }

    let default_anchor = policy.and_then(|p| p.anchor).or(created);
    for (i, contact) in plan.contacts.iter().enumerate() {
        let Some(cadence) = contact.cadence else {
            continue;
        };
        // Without a last contact, follow-ups run from the plan's start, the
        // first one on that day.
        let (anchor, lower) = match contact.last_contact {
            Some(last) => (last, last.succ_opt().unwrap_or(last)),
            None => match default_anchor {
                Some(a) => (a, a),
                None => continue,
            },
        };
        let subject: &str = &contact.id;
        b.series(
            EventKind::ContactFollowUp,
            contacts_base + i as u32,
            subject,
            |t: &mut String| {
                let _ = write!(
                    t,
                    "Follow up with {} ({}, {})",
                    contact.name,
                    relation_label(contact.relation),
                    cadence_label(cadence)
                );
            },
            Series {
                anchor,
                step: Step::of(cadence),
                lower,
                upper: None,
            },
        );
    }

    if b.overflow {
        return Err(options.limits.events_error());
    }
    let mut raws = std::mem::take(&mut b.raws);
    // The series arrive as sorted runs; a stable sort merges runs instead of
    // partitioning from scratch.
    crate::sort::sort_by_key(&mut raws, |r| r.key);
    raws.dedup_by(|later, earlier| later.day_and_subject() == earlier.day_and_subject());
    Ok(Built {
        metas: b.metas,
        raws,
    })
}
