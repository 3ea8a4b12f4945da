//! Integration tests of the scheduling engine: cadences, business days, the
//! agenda, next/overdue reviews, recording reviews and iCalendar export.

// Helpers outside #[test] functions may panic too: a panic is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::HashSet;

use careerplan::plan::{
    AdHocReview, BusinessDayConvention, Cadence, CadenceUnit, Extra, Plan, Review, ReviewPolicy,
    Status,
};
use careerplan::schedule::business::BusinessCalendar;
use careerplan::schedule::recur::{Occurrences, days_in_month, nth_occurrence};
use careerplan::schedule::{
    AgendaOptions, EventKind, IcsOptions, agenda, next_review, overdue, record_review, to_ics,
};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use common::{d, example_plan, golden};
use proptest::prelude::*;

fn periodic_plan(policy: ReviewPolicy) -> Plan {
    let mut plan = Plan::new("p");
    plan.review_policy = Some(policy);
    plan
}

fn dates(events: &[careerplan::schedule::ReviewEvent]) -> Vec<NaiveDate> {
    events.iter().map(|e| e.date).collect()
}

#[test]
fn monthly_from_the_31st_clamps_and_comes_back() {
    let mut policy = ReviewPolicy::new(Cadence::Monthly);
    policy.anchor = Some(d(2028, 1, 31));
    let plan = periodic_plan(policy);
    let got = dates(
        &agenda(
            &plan,
            d(2028, 1, 1),
            d(2028, 6, 30),
            &AgendaOptions::default(),
        )
        .unwrap(),
    );
    assert_eq!(
        got,
        [
            d(2028, 1, 31),
            d(2028, 2, 29),
            d(2028, 3, 31),
            d(2028, 4, 30),
            d(2028, 5, 31),
            d(2028, 6, 30)
        ]
    );
}

#[test]
fn a_leap_day_anchor_recurs_on_feb_28_in_common_years() {
    let got: Vec<NaiveDate> = Occurrences::new(d(2024, 2, 29), Cadence::Annual)
        .take(5)
        .collect();
    assert_eq!(
        got,
        [
            d(2024, 2, 29),
            d(2025, 2, 28),
            d(2026, 2, 28),
            d(2027, 2, 28),
            d(2028, 2, 29)
        ]
    );
}

#[test]
fn the_until_date_and_the_anchor_bound_the_series() {
    let mut policy = ReviewPolicy::new(Cadence::Quarterly);
    policy.anchor = Some(d(2027, 1, 15));
    policy.until = Some(d(2027, 10, 14));
    let plan = periodic_plan(policy);
    let got = dates(
        &agenda(
            &plan,
            d(2020, 1, 1),
            d(2030, 1, 1),
            &AgendaOptions::default(),
        )
        .unwrap(),
    );
    assert_eq!(got, [d(2027, 1, 15), d(2027, 4, 15), d(2027, 7, 15)]);
}

#[test]
fn business_day_conventions_move_reviews_off_weekends_and_holidays() {
    // 2027-07-31 is a Saturday; 2027-08-02 (Monday) is a holiday.
    let mut policy = ReviewPolicy::new(Cadence::Monthly);
    policy.anchor = Some(d(2027, 5, 31));
    policy.holidays = vec![d(2027, 8, 2)];
    let window = (d(2027, 7, 1), d(2027, 7, 31));
    let on = |conv| {
        let mut p = policy.clone();
        p.business_days = conv;
        let plan = periodic_plan(p);
        let to = d(2027, 8, 31);
        dates(&agenda(&plan, window.0, to, &AgendaOptions::default()).unwrap())[0]
    };
    assert_eq!(on(BusinessDayConvention::None), d(2027, 7, 31));
    assert_eq!(on(BusinessDayConvention::Following), d(2027, 8, 3));
    assert_eq!(on(BusinessDayConvention::ModifiedFollowing), d(2027, 7, 30));
    assert_eq!(on(BusinessDayConvention::Preceding), d(2027, 7, 30));
}

#[test]
fn a_roll_from_outside_the_window_is_included() {
    // Nominal Saturday 2027-07-31 rolls to Monday 2027-08-02.
    let mut policy = ReviewPolicy::new(Cadence::Monthly);
    policy.anchor = Some(d(2027, 5, 31));
    policy.business_days = BusinessDayConvention::Following;
    let plan = periodic_plan(policy);
    let got = dates(
        &agenda(
            &plan,
            d(2027, 8, 1),
            d(2027, 8, 2),
            &AgendaOptions::default(),
        )
        .unwrap(),
    );
    assert_eq!(got, [d(2027, 8, 2)]);
}

#[test]
fn example_plan_agenda_is_sorted_deduplicated_and_complete() {
    let plan = example_plan();
    let events = agenda(
        &plan,
        d(2026, 11, 22),
        d(2027, 12, 31),
        &AgendaOptions::default(),
    )
    .unwrap();
    assert!(events.windows(2).all(|w| w[0].date <= w[1].date));
    let mut seen = HashSet::new();
    for e in &events {
        assert!(
            seen.insert((e.date, e.subject_id().to_string())),
            "duplicate {e:?}"
        );
        assert!(!e.prompts().is_empty());
    }
    let kinds: HashSet<EventKind> = events.iter().map(|e| e.kind).collect();
    for k in [
        EventKind::PeriodicReview,
        EventKind::Checkin,
        EventKind::MidpointReview,
        EventKind::ContactFollowUp,
        EventKind::GoalDeadline,
        EventKind::ActionDue,
    ] {
        assert!(kinds.contains(&k), "no {k} event");
    }
    // Done actions have no events; the follow-ups run from the last contact.
    assert!(!events.iter().any(|e| e.subject_id() == "a-course"));
    let maria: Vec<NaiveDate> = events
        .iter()
        .filter(|e| e.subject_id() == "c-maria")
        .map(|e| e.date)
        .take(2)
        .collect();
    assert_eq!(maria, [d(2026, 12, 4), d(2027, 1, 4)]);
    // Quarterly from 2026-09-01 on the following business day.
    let reviews: Vec<NaiveDate> = events
        .iter()
        .filter(|e| e.kind == EventKind::PeriodicReview)
        .map(|e| e.date)
        .collect();
    assert_eq!(
        reviews,
        [
            d(2026, 12, 1),
            d(2027, 3, 1),
            d(2027, 6, 1),
            d(2027, 9, 1),
            d(2027, 12, 1)
        ]
    );
    let json = serde_json::to_value(&events[0]).unwrap();
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    assert_eq!(keys, ["date", "kind", "subject_id", "title", "prompts"]);
}

#[test]
fn same_day_events_for_one_subject_keep_the_stronger_kind() {
    let mut plan = Plan::new("p");
    let mut policy = ReviewPolicy::new(Cadence::Monthly);
    policy.anchor = Some(d(2027, 1, 1));
    policy.ad_hoc = vec![AdHocReview {
        date: d(2027, 2, 1),
        reason: "Offer from Contoso".into(),
        extra: Extra::new(),
    }];
    policy.checkin_days_before = vec![0, 7];
    plan.review_policy = Some(policy);
    let mut g = careerplan::plan::Goal::new("g", "Ship it");
    g.deadline = Some(d(2027, 3, 1));
    plan.goals.push(g);
    let events = agenda(
        &plan,
        d(2027, 1, 1),
        d(2027, 3, 31),
        &AgendaOptions::default(),
    )
    .unwrap();
    let feb1: Vec<_> = events.iter().filter(|e| e.date == d(2027, 2, 1)).collect();
    assert_eq!(feb1.len(), 1);
    assert_eq!(feb1[0].kind, EventKind::AdHocReview);
    assert!(feb1[0].title().contains("Offer from Contoso"));
    let mar1: Vec<EventKind> = events
        .iter()
        .filter(|e| e.date == d(2027, 3, 1))
        .map(|e| e.kind)
        .collect();
    // The plan's review and the goal's deadline (not a 0-day check-in).
    assert_eq!(mar1, [EventKind::PeriodicReview, EventKind::GoalDeadline]);
    assert!(
        events
            .iter()
            .any(|e| e.kind == EventKind::Checkin && e.date == d(2027, 2, 22))
    );
}

#[test]
fn goals_at_risk_get_denser_reviews() {
    let mut plan = Plan::new("p");
    let mut policy = ReviewPolicy::new(Cadence::Quarterly);
    policy.anchor = Some(d(2027, 1, 1));
    policy.at_risk_cadence = Some(Cadence::Every {
        every: 2,
        unit: CadenceUnit::Weeks,
    });
    plan.review_policy = Some(policy);
    let mut g = careerplan::plan::Goal::new("late", "Behind schedule");
    g.start = Some(d(2027, 1, 4));
    g.deadline = Some(d(2027, 5, 3));
    plan.goals.push(g);
    let mut fine = careerplan::plan::Goal::new("fine", "Done already");
    fine.status = Status::Done;
    plan.goals.push(fine);
    let options = AgendaOptions {
        today: Some(d(2027, 3, 1)),
        kinds: vec![EventKind::AtRiskReview],
        ..AgendaOptions::default()
    };
    let got = agenda(&plan, d(2027, 3, 1), d(2027, 12, 31), &options).unwrap();
    // Every two weeks from the goal's start, from today to the deadline.
    assert_eq!(
        dates(&got),
        [
            d(2027, 3, 1),
            d(2027, 3, 15),
            d(2027, 3, 29),
            d(2027, 4, 12),
            d(2027, 4, 26)
        ]
    );
    assert!(
        got.iter()
            .all(|e| e.subject_id() == "late" && e.title().starts_with("Off-track review"))
    );
}

#[test]
fn next_review_and_overdue() {
    let plan = example_plan();
    let next = next_review(&plan, d(2026, 11, 22), &AgendaOptions::default())
        .unwrap()
        .unwrap();
    assert_eq!(
        (next.date, next.kind),
        (d(2026, 11, 26), EventKind::Checkin)
    );
    let late = overdue(&plan, d(2027, 1, 20), &AgendaOptions::default()).unwrap();
    let got: Vec<(NaiveDate, EventKind, &str)> = late
        .iter()
        .map(|e| (e.date, e.kind, e.subject_id()))
        .collect();
    // The December review was never recorded; Maria's follow-up was due on
    // 2026-12-04 and Sam's on 2026-11-26; two actions are past due.
    assert!(
        got.contains(&(
            d(2026, 12, 1),
            EventKind::PeriodicReview,
            "plan-jordan-2026"
        )),
        "{got:?}"
    );
    assert!(got.contains(&(d(2026, 12, 4), EventKind::ContactFollowUp, "c-maria")));
    assert!(got.contains(&(d(2026, 11, 26), EventKind::ContactFollowUp, "c-sam")));
    assert!(got.contains(&(d(2026, 12, 10), EventKind::ActionDue, "a-delegate")));
    assert!(got.contains(&(d(2026, 12, 15), EventKind::ActionDue, "a-apply")));
    // Reviews held on or after the recorded 2026-11-15 review are not overdue.
    assert!(
        !got.iter()
            .any(|(date, k, _)| k.is_review() && *date <= d(2026, 11, 15))
    );
    assert!(got.windows(2).all(|w| w[0].0 <= w[1].0));
    // Nothing is overdue before the plan began.
    assert!(
        overdue(&plan, d(2020, 1, 1), &AgendaOptions::default())
            .unwrap()
            .is_empty()
    );
}

/// Schedules end on 9999-12-31, the last date a document can hold: a review
/// that would fall in year 10000 is no next review (it could not be written
/// as YYYY-MM-DD), and the agenda stops at the end of 9999.
#[test]
fn schedules_end_on_the_last_date_a_document_can_hold() {
    let plan = careerplan::plan::load_plan(
        r#"{"schema_version": 1, "id": "p",
            "review_policy": {"cadence": "monthly", "anchor": "9999-01-15"},
            "reviews": [{"id": "r1", "date": "9999-12-20"}]}"#,
        &Default::default(),
    )
    .unwrap();
    let options = AgendaOptions::default();
    assert!(
        next_review(&plan, d(9999, 12, 25), &options)
            .unwrap()
            .is_none()
    );
    let next = next_review(&plan, d(9999, 11, 20), &options)
        .unwrap()
        .unwrap();
    assert_eq!(next.date, d(9999, 12, 15));
    let events = agenda(&plan, d(9999, 6, 1), d(9999, 12, 31), &options).unwrap();
    assert_eq!(dates(&events).last(), Some(&d(9999, 12, 15)));
    let json = serde_json::to_string(&events).unwrap();
    assert!(!json.contains("+10000"), "{json}");
}

#[test]
fn recording_a_review_clears_overdue_reviews() {
    let mut plan = example_plan();
    let today = d(2027, 1, 20);
    let review: Review = serde_json::from_str(
        r#"{"id": "", "date": "2027-01-19",
            "answers": [{"prompt": "Am I meeting the deadlines I set for my goals?", "answer": "The exam slipped."}],
            "changes": [{"kind": "deadline_moved", "goal_id": "g-network", "to": "2027-03-31"},
                        {"kind": "goal_added", "to": {"id": "g-speak", "title": "Give one talk at the ops all-hands by June 2027",
                          "parent_id": "g-senior-pm", "horizon": "short", "start": "2027-01-19", "deadline": "2027-06-30"}}]}"#,
    )
    .unwrap();
    record_review(&mut plan, review).unwrap();
    let late = overdue(&plan, today, &AgendaOptions::default()).unwrap();
    assert!(!late.iter().any(|e| e.kind == EventKind::PeriodicReview));
    let r = plan.reviews.last().unwrap();
    assert_eq!(r.id, "review-2027-01-19");
    assert_eq!(
        r.progress.len(),
        5,
        "snapshot taken before the new goal was added"
    );
    assert_eq!(
        plan.goal("g-network").unwrap().deadline,
        Some(d(2027, 3, 31))
    );
    assert!(plan.goal("g-speak").is_some());
    assert!(
        plan.validate()
            .iter()
            .all(|p| p.severity != careerplan::Severity::Error)
    );
}

#[test]
fn bad_arguments_are_errors() {
    let plan = example_plan();
    let err = agenda(
        &plan,
        d(2027, 1, 2),
        d(2027, 1, 1),
        &AgendaOptions::default(),
    )
    .unwrap_err();
    assert_eq!((err.code(), err.path()), ("invalid-argument", "from"));
    let mut no_anchor = Plan::new("p");
    no_anchor.review_policy = Some(ReviewPolicy::new(Cadence::Monthly));
    let err = agenda(
        &no_anchor,
        d(2027, 1, 1),
        d(2027, 2, 1),
        &AgendaOptions::default(),
    )
    .unwrap_err();
    assert_eq!(err.path(), "review_policy.anchor");
    let bad: Result<AgendaOptions, _> = serde_json::from_str(r#"{"kind": ["checkin"]}"#);
    assert!(bad.is_err(), "unknown option fields are rejected");
}

#[test]
fn bad_thresholds_are_reported_where_the_caller_wrote_them() {
    let plan = example_plan();
    let options: AgendaOptions =
        serde_json::from_str(r#"{"progress": {"at_risk_points": -1}}"#).unwrap();
    let err = agenda(&plan, d(2026, 11, 22), d(2027, 3, 31), &options).unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("invalid-argument", "options.progress.at_risk_points")
    );
    let err = next_review(&plan, d(2026, 11, 22), &options).unwrap_err();
    assert_eq!(err.path(), "options.progress.at_risk_points");
    let err = overdue(&plan, d(2026, 11, 22), &options).unwrap_err();
    assert_eq!(err.path(), "options.progress.at_risk_points");
    let ics: IcsOptions =
        serde_json::from_str(r#"{"agenda": {"progress": {"off_track_points": 5}}}"#).unwrap();
    let err = to_ics(&plan, d(2026, 11, 22), d(2027, 3, 31), &ics).unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        (
            "invalid-argument",
            "options.agenda.progress.off_track_points"
        )
    );
}

fn deterministic_ics_options() -> IcsOptions {
    IcsOptions {
        dtstamp: Some("2026-11-22T12:00:00Z".parse().unwrap()),
        ..IcsOptions::default()
    }
}

#[test]
fn ics_of_the_example_plan_matches_the_golden_file() {
    let plan = example_plan();
    let ics = to_ics(
        &plan,
        d(2026, 11, 22),
        d(2027, 11, 21),
        &deterministic_ics_options(),
    )
    .unwrap();
    golden("example_plan.ics", &ics);
}

#[test]
fn ics_is_well_formed() {
    let plan = example_plan();
    let ics = to_ics(
        &plan,
        d(2026, 11, 22),
        d(2036, 11, 21),
        &IcsOptions::default(),
    )
    .unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(!ics.replace("\r\n", "").contains('\n'), "bare LF");
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    // Same plan, same UIDs; one UID per component.
    let again = to_ics(
        &plan,
        d(2026, 11, 22),
        d(2036, 11, 21),
        &IcsOptions::default(),
    )
    .unwrap();
    assert_eq!(ics, again);
    let uids: Vec<&str> = ics
        .split("\r\n")
        .filter(|l| l.starts_with("UID:"))
        .collect();
    let unique: HashSet<&&str> = uids.iter().collect();
    assert_eq!(uids.len(), unique.len());
    assert!(ics.contains("UID:plan-jordan-2026/periodic_review/plan-jordan-2026@careerplan\r\n"));
    assert_eq!(
        ics.matches("BEGIN:VEVENT").count(),
        ics.matches("END:VEVENT").count()
    );
    assert!(
        ics.contains("DTSTAMP:20261115T173000Z"),
        "defaults to the plan's updated instant"
    );
}

// ---- properties -------------------------------------------------------

fn any_cadence() -> impl Strategy<Value = Cadence> {
    prop_oneof![
        Just(Cadence::Weekly),
        Just(Cadence::Biweekly),
        Just(Cadence::Monthly),
        Just(Cadence::Quarterly),
        Just(Cadence::SemiAnnual),
        Just(Cadence::Annual),
        (
            1u32..60,
            prop_oneof![
                Just(CadenceUnit::Days),
                Just(CadenceUnit::Weeks),
                Just(CadenceUnit::Months)
            ]
        )
            .prop_map(|(every, unit)| Cadence::Every { every, unit }),
        (1u32..6).prop_map(|every| Cadence::Every {
            every,
            unit: CadenceUnit::Years
        }),
    ]
}

/// Dates between 1996 and 2045 with the month's last days and February 29
/// much more likely than chance.
fn any_anchor() -> impl Strategy<Value = NaiveDate> {
    (
        1996i32..2045,
        1u32..=12,
        prop_oneof![1u32..=31, 28u32..=31, Just(29u32)],
        any::<bool>(),
    )
        .prop_map(|(y, m, day, leap)| {
            let (y, m) = if leap && day == 29 {
                (y - y.rem_euclid(4), 2)
            } else {
                (y, m)
            };
            d(y, m, day.min(days_in_month(y, m)))
        })
}

fn any_convention() -> impl Strategy<Value = BusinessDayConvention> {
    prop_oneof![
        Just(BusinessDayConvention::None),
        Just(BusinessDayConvention::Following),
        Just(BusinessDayConvention::ModifiedFollowing),
        Just(BusinessDayConvention::Preceding),
    ]
}

fn plus(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days)).unwrap()
}

fn minus(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_sub_days(Days::new(days)).unwrap()
}

prop_compose! {
    fn any_policy()(
        cadence in any_cadence(),
        anchor in any_anchor(),
        until in proptest::option::of(0u64..4000),
        conv in any_convention(),
        holidays in proptest::collection::vec(0u64..1500, 0..12),
    ) -> ReviewPolicy {
        let mut p = ReviewPolicy::new(cadence);
        p.anchor = Some(anchor);
        p.until = until.map(|n| plus(anchor, n));
        p.business_days = conv;
        p.holidays = holidays.into_iter().map(|n| plus(anchor, n)).collect();
        p
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn occurrences_stay_in_bounds_increase_and_repeat(
        policy in any_policy(),
        from_back in 0u64..800,
        len in 0u64..3000,
    ) {
        let anchor = policy.anchor.unwrap();
        let from = minus(anchor, from_back);
        let to = plus(from, len);
        let plan = periodic_plan(policy.clone());
        let events = agenda(&plan, from, to, &AgendaOptions::default()).unwrap();
        let got = dates(&events);
        let cal = BusinessCalendar::new(&policy.holidays);
        for (i, date) in got.iter().enumerate() {
            prop_assert!(*date >= anchor, "{date} before the anchor {anchor}");
            prop_assert!(policy.until.is_none_or(|u| *date <= u), "{date} after the end");
            prop_assert!(*date >= from && *date <= to);
            if i > 0 {
                prop_assert!(got[i - 1] < *date, "not strictly increasing at {date}");
            }
            if policy.business_days != BusinessDayConvention::None {
                prop_assert!(!matches!(date.weekday(), Weekday::Sat | Weekday::Sun), "{date} is a weekend day");
                prop_assert!(!policy.holidays.contains(date), "{date} is a holiday");
            }
        }
        let again = agenda(&plan, from, to, &AgendaOptions::default()).unwrap();
        prop_assert_eq!(events, again);

        // The same dates by brute force: every occurrence from the anchor,
        // rolled, filtered to the window.
        let mut brute = Vec::new();
        let stop = policy.until.map_or(plus(to, 60), |u| u.min(plus(to, 60)));
        for n in 0.. {
            let Some(nominal) = nth_occurrence(anchor, policy.cadence, n) else { break };
            if nominal > stop { break; }
            if let Some(r) = cal.roll_within(nominal, policy.business_days, anchor, policy.until)
                && r >= from && r <= to && brute.last() != Some(&r)
            {
                brute.push(r);
            }
        }
        prop_assert_eq!(got, brute);
    }

    #[test]
    fn unrolled_month_cadences_keep_the_anchor_day_or_the_month_end(
        anchor in any_anchor(),
        every in 1u32..25,
        n in 0u64..400,
    ) {
        let cadence = Cadence::Every { every, unit: CadenceUnit::Months };
        let date = nth_occurrence(anchor, cadence, n).unwrap();
        let months = (date.year() - anchor.year()) * 12 + date.month() as i32 - anchor.month() as i32;
        prop_assert_eq!(months as u64, n * u64::from(every));
        prop_assert_eq!(date.day(), anchor.day().min(days_in_month(date.year(), date.month())));
    }

    #[test]
    fn rolling_never_lands_on_a_weekend_or_holiday(
        date in any_anchor(),
        conv in any_convention().prop_filter("rolls", |c| *c != BusinessDayConvention::None),
        holidays in proptest::collection::vec(0u64..40, 0..25),
    ) {
        let holidays: Vec<NaiveDate> = holidays.into_iter().map(|n| plus(minus(date, 20), n)).collect();
        let cal = BusinessCalendar::new(&holidays);
        let rolled = cal.roll(date, conv).unwrap();
        prop_assert!(cal.is_business_day(rolled));
        prop_assert!(!holidays.contains(&rolled));
        if cal.is_business_day(date) {
            prop_assert_eq!(rolled, date);
        }
    }
}
