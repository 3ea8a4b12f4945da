//! Recording a review: its answers, a progress snapshot and the adjustments
//! it makes, applied to the plan so the plan keeps its history.

use std::collections::HashSet;

use serde_json::Value;

use crate::plan::{
    Aspiration, ChangeKind, Goal, GoalProgressSnapshot, Plan, PlanChange, Priority, Review, Status,
    date,
};
use crate::progress::progress;
use crate::{Error, Severity};

/// Append `review` to the plan's history and apply its changes.
///
/// - An empty `id` becomes `review-YYYY-MM-DD` (with `-2`, `-3`, ... when
///   taken).
/// - An empty `progress` is filled with every goal's progress as computed
///   before the changes (the snapshot of where things stood).
/// - Each change is applied: `deadline_moved` sets the goal's deadline to
///   `to` (a `YYYY-MM-DD` string; `from`, when given, must be the current
///   deadline, and is filled in when absent); `goal_abandoned` and
///   `goal_completed` set the goal's status (`from`/`to` record the old and
///   new status); `goal_added` adds the goal object in `to`;
///   `priority_changed` sets the priority object in `to`;
///   `aspiration_changed` with an aspiration object in `to` replaces the
///   aspiration with that id, or adds it; `other` is recorded only.
/// - The review is inserted in date order (after reviews of the same date).
///
/// The plan is changed only when everything succeeds: any bad reference,
/// malformed value, or a change that would break a validation rule at error
/// severity leaves the plan as it was.
///
/// # Errors
/// [`Error::InvalidValue`] with the path of the bad field: inside the review
/// (`review.changes[0].goal_id`) or, for a change that breaks a validation
/// rule, the plan path of the problem (`goals[2].deadline`).
///
/// ```
/// use careerplan::plan::{load_plan, Review, PlanChange, ChangeKind};
/// let mut plan = load_plan(r#"{"schema_version": 1, "id": "p",
///   "goals": [{"id": "g", "title": "Pass the PMP exam", "deadline": "2027-01-31"}]}"#, &Default::default())?;
/// let review: Review = serde_json::from_str(r#"{"id": "", "date": "2027-01-10",
///   "answers": [{"prompt": "Am I meeting the deadlines I set for my goals?", "answer": "No"}],
///   "changes": [{"kind": "deadline_moved", "goal_id": "g", "to": "2027-02-28"}]}"#).unwrap();
/// careerplan::schedule::record_review(&mut plan, review)?;
/// assert_eq!(plan.goals[0].deadline.unwrap().to_string(), "2027-02-28");
/// let recorded = &plan.reviews[0];
/// assert_eq!(recorded.id, "review-2027-01-10");
/// assert_eq!(recorded.changes[0].from, Some(serde_json::json!("2027-01-31")));
/// assert_eq!(recorded.progress[0].goal_id, "g");
/// # Ok::<(), careerplan::Error>(())
/// ```
pub fn record_review(plan: &mut Plan, mut review: Review) -> Result<(), Error> {
    let mut next = plan.clone();
    if review.id.trim().is_empty() {
        review.id = fresh_id(&next, &format!("review-{}", date::format_date(review.date)));
    } else if next.reviews.iter().any(|r| r.id == review.id) {
        return Err(invalid(
            "review.id",
            format!("a review with id {:?} already exists", review.id),
        ));
    }
    for (i, p) in review.progress.iter().enumerate() {
        if next.goal(&p.goal_id).is_none() {
            return Err(invalid(
                format!("review.progress[{i}].goal_id"),
                format!("no goal has id {:?}", p.goal_id),
            ));
        }
        if !(0.0..=100.0).contains(&p.percent) {
            return Err(invalid(
                format!("review.progress[{i}].percent"),
                format!("expected a percentage from 0 to 100, got {}", p.percent),
            ));
        }
    }
    if review.progress.is_empty() {
        review.progress = progress(&next)
            .into_iter()
            .zip(&next.goals)
            .map(|(p, g)| GoalProgressSnapshot {
                goal_id: p.goal_id,
                percent: (p.percent * 10.0).round() / 10.0,
                status: g.status,
                extra: Default::default(),
            })
            .collect();
    }
    for (i, change) in review.changes.iter_mut().enumerate() {
        apply(&mut next, change, &format!("review.changes[{i}]"))?;
    }

    // Report only problems the review introduced.
    let before: HashSet<(String, String)> = plan
        .validate()
        .into_iter()
        .map(|p| (p.code.as_str().to_string(), p.path))
        .collect();
    if let Some(problem) = next.validate().into_iter().find(|p| {
        p.severity == Severity::Error
            && !before.contains(&(p.code.as_str().to_string(), p.path.clone()))
    }) {
        return Err(invalid(
            problem.path,
            format!("{} [{}]", problem.message, problem.code),
        ));
    }

    let at = next.reviews.partition_point(|r| r.date <= review.date);
    next.reviews.insert(at, review);
    *plan = next;
    Ok(())
}

fn invalid(path: impl Into<String>, message: String) -> Error {
    Error::InvalidValue {
        path: path.into(),
        message,
    }
}

fn fresh_id(plan: &Plan, base: &str) -> String {
    let taken = |id: &str| plan.reviews.iter().any(|r| r.id == id);
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| base.to_string())
}

fn goal_index(plan: &Plan, change: &PlanChange, path: &str) -> Result<usize, Error> {
    let id = change.goal_id.as_deref().ok_or_else(|| {
        invalid(
            format!("{path}.goal_id"),
            "this change needs the goal_id it concerns".into(),
        )
    })?;
    plan.goals
        .iter()
        .position(|g| g.id == id)
        .ok_or_else(|| invalid(format!("{path}.goal_id"), format!("no goal has id {id:?}")))
}

fn parse_to<T: serde::de::DeserializeOwned>(
    change: &PlanChange,
    path: &str,
    what: &str,
) -> Result<T, Error> {
    let value = change.to.clone().ok_or_else(|| {
        invalid(
            format!("{path}.to"),
            format!("this change needs {what} in \"to\""),
        )
    })?;
    crate::json::from_value(value, &format!("{path}.to")).map_err(|e| {
        invalid(
            e.path().to_string(),
            format!("expected {what}: {}", e.message()),
        )
    })
}

fn status_value(status: Status) -> Value {
    serde_json::to_value(status).unwrap_or(Value::Null)
}

fn apply(plan: &mut Plan, change: &mut PlanChange, path: &str) -> Result<(), Error> {
    match change.kind {
        ChangeKind::DeadlineMoved => {
            let i = goal_index(plan, change, path)?;
            let to = match &change.to {
                Some(Value::String(s)) => {
                    date::parse_date(s).map_err(|m| invalid(format!("{path}.to"), m))?
                }
                _ => {
                    return Err(invalid(
                        format!("{path}.to"),
                        "expected the new deadline as a YYYY-MM-DD string".into(),
                    ));
                }
            };
            let current = plan.goals[i].deadline;
            match &change.from {
                None => change.from = current.map(|d| Value::String(date::format_date(d))),
                Some(Value::String(s)) => {
                    let from =
                        date::parse_date(s).map_err(|m| invalid(format!("{path}.from"), m))?;
                    if Some(from) != current {
                        return Err(invalid(
                            format!("{path}.from"),
                            format!(
                                "the goal's deadline is {}, not {from}",
                                current.map_or("not set".to_string(), date::format_date)
                            ),
                        ));
                    }
                }
                Some(_) => {
                    return Err(invalid(
                        format!("{path}.from"),
                        "expected the old deadline as a YYYY-MM-DD string".into(),
                    ));
                }
            }
            plan.goals[i].deadline = Some(to);
        }
        ChangeKind::GoalAbandoned | ChangeKind::GoalCompleted => {
            let i = goal_index(plan, change, path)?;
            let status = if change.kind == ChangeKind::GoalAbandoned {
                Status::Abandoned
            } else {
                Status::Done
            };
            change
                .from
                .get_or_insert_with(|| status_value(plan.goals[i].status));
            change.to = Some(status_value(status));
            plan.goals[i].status = status;
        }
        ChangeKind::GoalAdded => {
            let goal: Goal = parse_to(change, path, "a goal object")?;
            if plan.goal(&goal.id).is_some() {
                return Err(invalid(
                    format!("{path}.to.id"),
                    format!("a goal with id {:?} already exists", goal.id),
                ));
            }
            match &change.goal_id {
                Some(id) if *id != goal.id => {
                    return Err(invalid(
                        format!("{path}.goal_id"),
                        format!(
                            "goal_id {id:?} differs from the new goal's id {:?}",
                            goal.id
                        ),
                    ));
                }
                Some(_) => {}
                None => change.goal_id = Some(goal.id.clone()),
            }
            plan.goals.push(goal);
        }
        ChangeKind::PriorityChanged => {
            let i = goal_index(plan, change, path)?;
            let priority: Priority = parse_to(
                change,
                path,
                "a priority object {\"importance\", \"feasibility\"}",
            )?;
            if change.from.is_none() {
                change.from = plan.goals[i]
                    .priority
                    .as_ref()
                    .and_then(|p| serde_json::to_value(p).ok());
            }
            plan.goals[i].priority = Some(priority);
        }
        ChangeKind::AspirationChanged => {
            if change.to.is_some() {
                let aspiration: Aspiration = parse_to(change, path, "an aspiration object")?;
                match plan.aspirations.iter_mut().find(|a| a.id == aspiration.id) {
                    Some(slot) => {
                        if change.from.is_none() {
                            change.from = serde_json::to_value(&*slot).ok();
                        }
                        *slot = aspiration;
                    }
                    None => plan.aspirations.push(aspiration),
                }
            }
        }
        ChangeKind::Other => {
            if let Some(id) = &change.goal_id
                && plan.goal(id).is_none()
            {
                return Err(invalid(
                    format!("{path}.goal_id"),
                    format!("no goal has id {id:?}"),
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::load_plan;

    fn plan() -> Plan {
        load_plan(
            r#"{"schema_version":1,"id":"p","goals":[
            {"id":"top","title":"Top","deadline":"2028-12-31"},
            {"id":"g","title":"G","parent_id":"top","deadline":"2027-06-30","metric":{"name":"x","target":4,"current":1}}],
            "reviews":[{"id":"review-2027-01-01","date":"2027-01-01"},{"id":"late","date":"2027-09-01"}]}"#, &Default::default(),
        )
        .unwrap()
    }

    fn review(changes: &str) -> Review {
        serde_json::from_str(&format!(
            r#"{{"id":"","date":"2027-01-01","changes":{changes}}}"#
        ))
        .unwrap()
    }

    #[test]
    fn ids_snapshots_and_order() {
        let mut p = plan();
        record_review(&mut p, review("[]")).unwrap();
        let r = &p.reviews[1];
        assert_eq!(r.id, "review-2027-01-01-2");
        assert_eq!(r.progress[1].percent, 25.0);
        assert_eq!(p.reviews[2].id, "late");
    }

    #[test]
    fn changes_are_applied_and_completed() {
        let mut p = plan();
        let changes = r#"[
          {"kind":"goal_abandoned","goal_id":"g","note":"Role no longer exists"},
          {"kind":"goal_added","to":{"id":"new","title":"New","parent_id":"top","deadline":"2028-01-31"}},
          {"kind":"priority_changed","goal_id":"top","to":{"importance":5,"feasibility":2}},
          {"kind":"aspiration_changed","to":{"id":"asp","statement":"Run a programme office"}}]"#;
        record_review(&mut p, review(changes)).unwrap();
        assert_eq!(p.goals[1].status, Status::Abandoned);
        assert_eq!(p.goals[2].id, "new");
        assert_eq!(p.goals[0].priority.as_ref().unwrap().importance, 5);
        assert_eq!(p.aspirations[0].id, "asp");
        let ch = &p.reviews[1].changes;
        assert_eq!(ch[0].from, Some(Value::from("not_started")));
        assert_eq!(ch[0].to, Some(Value::from("abandoned")));
        assert_eq!(ch[1].goal_id.as_deref(), Some("new"));
    }

    #[test]
    fn bad_changes_leave_the_plan_untouched() {
        let original = plan();
        let cases = [
            (
                r#"[{"kind":"deadline_moved","goal_id":"nope","to":"2027-07-31"}]"#,
                "review.changes[0].goal_id",
            ),
            (
                r#"[{"kind":"deadline_moved","goal_id":"g","to":"2027-02-30"}]"#,
                "review.changes[0].to",
            ),
            (
                r#"[{"kind":"deadline_moved","goal_id":"g","from":"2027-05-31","to":"2027-07-31"}]"#,
                "review.changes[0].from",
            ),
            (
                r#"[{"kind":"goal_added","to":{"id":"g","title":"dup"}}]"#,
                "review.changes[0].to.id",
            ),
            (
                r#"[{"kind":"goal_added","to":{"id":"x"}}]"#,
                "review.changes[0].to",
            ),
            (
                r#"[{"kind":"priority_changed","goal_id":"g","to":{"importance":"high","feasibility":1}}]"#,
                "review.changes[0].to.importance",
            ),
            // Moving a sub-goal past its parent breaks child-after-parent.
            (
                r#"[{"kind":"deadline_moved","goal_id":"g","to":"2029-01-31"}]"#,
                "goals[1].deadline",
            ),
        ];
        for (changes, path) in cases {
            let mut p = original.clone();
            let err = record_review(&mut p, review(changes)).unwrap_err();
            assert_eq!(err.path(), path, "{changes}: {err}");
            assert_eq!(p, original);
        }
        let mut p = original.clone();
        let mut r = review("[]");
        r.id = "late".into();
        assert_eq!(record_review(&mut p, r).unwrap_err().path(), "review.id");
    }
}
