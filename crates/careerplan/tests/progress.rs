//! Integration tests of progress, on-track status, the plan summary and the
//! roadmap renderers.

mod common;

use careerplan::plan::load_plan;
use careerplan::progress::{
    DeadlineKind, ProgressOptions, ProgressSource, RoadmapFormat, RoadmapOptions, TrackStatus,
    goal_statuses, plan_status, progress, roadmap, status_text,
};
use common::{d, example_plan, golden};
use proptest::prelude::*;

#[test]
fn example_plan_progress_uses_each_source() {
    let plan = example_plan();
    let p = progress(&plan);
    let by_id = |id: &str| p.iter().find(|g| g.goal_id == id).unwrap();
    // Metric: 2 of 6 senior managers met.
    assert_eq!(by_id("g-network").source, ProgressSource::Metric);
    assert!((by_id("g-network").percent - 100.0 / 3.0).abs() < 1e-9);
    // Actions: the 8-hour kickoff is done out of 8 + 5 + 20 hours.
    assert_eq!(by_id("g-lead-team").source, ProgressSource::Actions);
    assert!((by_id("g-lead-team").percent - 800.0 / 33.0).abs() < 1e-9);
    // Children weighted by importance: 5, 4, 3, 5 -> 8, 5, 3, 8.
    let top = by_id("g-senior-pm");
    assert_eq!(top.source, ProgressSource::Children);
    let expected = (8.0 * by_id("g-pmp").percent
        + 5.0 * by_id("g-lead-team").percent
        + 3.0 * by_id("g-network").percent
        + 8.0 * by_id("g-pm-role").percent)
        / 24.0;
    assert!((top.percent - expected).abs() < 1e-9);
}

#[test]
fn a_pass_fail_metric_gives_way_to_actions_then_reviews_until_it_flips() {
    let plan = example_plan();
    let by_id = |plan: &careerplan::plan::Plan, id: &str| {
        progress(plan)
            .into_iter()
            .find(|g| g.goal_id == id)
            .unwrap()
    };
    // "PMP exam passed", 0 of 1: the completed course counts.
    let pmp = by_id(&plan, "g-pmp");
    assert_eq!(pmp.source, ProgressSource::Actions);
    assert!(
        (pmp.percent - 35.0 / 61.0 * 100.0).abs() < 1e-9,
        "{}",
        pmp.percent
    );
    // Without actions, the latest review's 40% is the best evidence.
    let mut no_actions = plan.clone();
    no_actions.actions.retain(|a| a.goal_id != "g-pmp");
    let pmp = by_id(&no_actions, "g-pmp");
    assert_eq!((pmp.source, pmp.percent), (ProgressSource::Review, 40.0));
    // The latest review by date wins, wherever it sits in the document.
    let mut later = no_actions.clone();
    let mut review = later.reviews[0].clone();
    review.id = "r-earlier".into();
    review.date = d(2026, 10, 1);
    review.progress[0].percent = 10.0;
    later.reviews.push(review);
    assert_eq!(by_id(&later, "g-pmp").percent, 40.0);
    // Nothing else: the metric's 0%.
    let mut bare = no_actions.clone();
    bare.reviews.clear();
    let pmp = by_id(&bare, "g-pmp");
    assert_eq!((pmp.source, pmp.percent), (ProgressSource::Metric, 0.0));
    // Once the exam is passed the metric says 100%, whatever the actions.
    let mut passed = plan.clone();
    let g = passed.goals.iter_mut().find(|g| g.id == "g-pmp").unwrap();
    g.metric.as_mut().unwrap().current = Some(1.0);
    let pmp = by_id(&passed, "g-pmp");
    assert_eq!((pmp.source, pmp.percent), (ProgressSource::Metric, 100.0));
    // A metric with more than one step is read as it stands.
    assert_eq!(by_id(&plan, "g-network").source, ProgressSource::Metric);
    // A goal with nothing but a review.
    let only_review = load_plan(
        r#"{"schema_version": 1, "id": "p", "goals": [{"id": "g", "title": "Learn Spanish"}],
            "reviews": [{"id": "r", "date": "2026-11-01", "progress": [{"goal_id": "g", "percent": 25}]}]}"#, &Default::default(),
    )
    .unwrap();
    let g = &progress(&only_review)[0];
    assert_eq!((g.source, g.percent), (ProgressSource::Review, 25.0));
}

#[test]
fn example_plan_status_on_a_day() {
    let plan = example_plan();
    let s = plan_status(&plan, d(2026, 11, 22), &ProgressOptions::default()).unwrap();
    let status = |id: &str| s.goals.iter().find(|g| g.goal_id == id).unwrap();
    assert_eq!(status("g-lead-team").status, TrackStatus::OnTrack);
    assert_eq!(status("g-network").status, TrackStatus::AtRisk);
    // The exam is not passed yet, but the 35-hour course is done (of 61
    // hours of actions): 57%, ahead of the 46% of time gone.
    assert_eq!(status("g-pmp").status, TrackStatus::Ahead);
    let pmp = status("g-pmp");
    // 82 of 180 days gone.
    assert!((pmp.expected_percent.unwrap() - 82.0 / 180.0 * 100.0).abs() < 1e-9);
    assert_eq!(pmp.days_left, Some(98));
    assert_eq!(s.counts.values().sum::<usize>(), 5);
    assert_eq!(s.counts_by_horizon["short"].values().sum::<usize>(), 3);
    assert_eq!(s.next_deadlines.len(), 5);
    assert_eq!(s.next_deadlines[0].id, "a-delegate");
    assert_eq!(s.next_deadlines[0].kind, DeadlineKind::Action);
    assert!(s.overdue_actions.is_empty());
    // The period starts at the 2026-11-15 review; the course was completed on 11-20.
    assert_eq!(s.period_start, d(2026, 11, 15));
    assert_eq!(
        s.achievements
            .iter()
            .map(|a| a.id.as_str())
            .collect::<Vec<_>>(),
        ["a-course"]
    );

    let later = plan_status(&plan, d(2027, 1, 1), &ProgressOptions::default()).unwrap();
    let ids: Vec<&str> = later
        .overdue_actions
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    assert_eq!(ids, ["a-delegate", "a-apply"]);
    assert_eq!(later.overdue_actions[0].days_left, -22);

    let text = status_text(&s);
    assert!(text.starts_with("Plan status on 2026-11-22"));
    assert!(text.contains("at risk"));
    assert!(text.contains("Next deadlines:"));
    let json = serde_json::to_value(&s).unwrap();
    assert_eq!(json["counts"]["at_risk"], 2);
    assert_eq!(json["goals"][1]["status"], "ahead");
    assert_eq!(json["goals"][1]["source"], "actions");
}

#[test]
fn thresholds_are_configurable() {
    let plan = example_plan();
    let lenient = ProgressOptions {
        at_risk_points: 50.0,
        off_track_points: 60.0,
        ..ProgressOptions::default()
    };
    let s = goal_statuses(&plan, d(2026, 11, 22), &lenient).unwrap();
    assert!(
        s.iter()
            .all(|g| matches!(g.status, TrackStatus::OnTrack | TrackStatus::Ahead)),
        "{s:?}"
    );
    let bad: Result<ProgressOptions, _> = serde_json::from_str(r#"{"at_risk": 5}"#);
    assert!(bad.is_err());
}

#[test]
fn a_done_goal_is_complete_and_an_overdue_one_says_so() {
    let plan = load_plan(
        r#"{"schema_version":1,"id":"p","goals":[
        {"id":"a","title":"Done","status":"done","start":"2027-01-01","deadline":"2027-02-01"},
        {"id":"b","title":"Late","start":"2027-01-01","deadline":"2027-02-01","metric":{"name":"x","target":10,"current":9}},
        {"id":"c","title":"Open-ended"}]}"#, &Default::default(),
    )
    .unwrap();
    let s = goal_statuses(&plan, d(2027, 3, 1), &ProgressOptions::default()).unwrap();
    assert_eq!((s[0].percent, s[0].status), (100.0, TrackStatus::Done));
    assert_eq!(s[1].status, TrackStatus::Overdue);
    assert_eq!(s[2].status, TrackStatus::Unscheduled);
}

#[test]
fn roadmap_markdown_matches_the_golden_file() {
    let plan = example_plan();
    let md = roadmap(
        &plan,
        d(2026, 11, 22),
        RoadmapFormat::Markdown,
        &RoadmapOptions::default(),
    )
    .unwrap();
    golden("example_plan_roadmap.md", &md);
}

#[test]
fn roadmap_mermaid_matches_the_golden_file() {
    let plan = example_plan();
    let mmd = roadmap(
        &plan,
        d(2026, 11, 22),
        RoadmapFormat::Mermaid,
        &RoadmapOptions::default(),
    )
    .unwrap();
    assert!(mmd.starts_with("gantt\n"));
    golden("example_plan_roadmap.mmd", &mmd);
}

#[test]
fn roadmap_svg_is_self_contained_and_accessible() {
    let plan = example_plan();
    let svg = roadmap(
        &plan,
        d(2026, 11, 22),
        RoadmapFormat::Svg,
        &RoadmapOptions::default(),
    )
    .unwrap();
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\""));
    assert!(svg.contains("role=\"img\" aria-labelledby=\"roadmap-title roadmap-desc\""));
    assert!(svg.contains("<title id=\"roadmap-title\">Career roadmap: Jordan Rivera</title>"));
    assert!(svg.contains("<desc id=\"roadmap-desc\">Timeline of 5 goals"));
    for lane in ["Short term", "Mid term", "Long term"] {
        assert!(svg.contains(&format!("aria-label=\"{lane}\"")), "{lane}");
    }
    assert_eq!(svg.matches("role=\"listitem\"").count(), 5);
    assert!(svg.contains("Milestone: Sit the PMP exam, 2027-02-20 (open)"));
    assert!(svg.contains("Today 2026-11-22"));
    assert!(!svg.contains("href"), "no external resources");
    assert_eq!(svg.matches("<g").count(), svg.matches("</g>").count());
    let err = roadmap(
        &plan,
        d(2026, 11, 22),
        RoadmapFormat::Svg,
        &RoadmapOptions {
            width: 300,
            ..RoadmapOptions::default()
        },
    )
    .unwrap_err();
    assert_eq!(err.path(), "options.width");
}

#[test]
fn bad_thresholds_are_reported_where_the_caller_wrote_them() {
    let plan = example_plan();
    let bad = ProgressOptions {
        ahead_points: f64::NAN,
        ..ProgressOptions::default()
    };
    let err = plan_status(&plan, d(2026, 11, 22), &bad).unwrap_err();
    assert_eq!(
        (err.code(), err.path()),
        ("invalid-argument", "options.ahead_points")
    );
    let options = RoadmapOptions {
        progress: bad,
        ..RoadmapOptions::default()
    };
    let err = roadmap(&plan, d(2026, 11, 22), RoadmapFormat::Markdown, &options).unwrap_err();
    assert_eq!(err.path(), "options.progress.ahead_points");
}

proptest! {
    #[test]
    fn progress_is_a_percentage(current in -100.0f64..200.0, baseline in -50.0f64..50.0, target in -50.0f64..150.0,
                                done in 0usize..5, open in 0usize..5, effort in 0.0f64..40.0) {
        let mut actions = Vec::new();
        for i in 0..done + open {
            let status = if i < done { "done" } else { "in_progress" };
            actions.push(format!(r#"{{"id":"a{i}","goal_id":"b","title":"t","status":"{status}","effort_hours":{effort}}}"#));
        }
        let json = format!(
            r#"{{"schema_version":1,"id":"p","goals":[
            {{"id":"top","title":"t"}},
            {{"id":"a","title":"t","parent_id":"top","metric":{{"name":"x","baseline":{baseline},"target":{target},"current":{current}}}}},
            {{"id":"b","title":"t","parent_id":"top"}}],"actions":[{}]}}"#,
            actions.join(",")
        );
        let plan = load_plan(&json, &Default::default()).unwrap();
        for p in progress(&plan) {
            prop_assert!((0.0..=100.0).contains(&p.percent), "{p:?}");
        }
    }
}
