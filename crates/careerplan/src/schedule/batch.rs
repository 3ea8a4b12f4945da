//! Agendas of many plans for a batch job, one result per plan: a plan that
//! does not load, or whose agenda fails, costs that plan's row only.

use chrono::NaiveDate;

use super::{AgendaOptions, ReviewEvent, agenda};
use crate::Error;
use crate::plan::load_plan;

/// One plan's agenda in a batch: the plan's id (to label the rows of a
/// table of events) and its events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanAgenda {
    /// The plan's `id`.
    pub plan_id: String,
    /// The plan's events, as [`agenda`] gives them.
    pub events: Vec<ReviewEvent>,
}

/// The [`agenda`] of every plan (JSON text, read as [`load_plan`] reads
/// it with the options' `limits`) from `from` to `to`, one result per plan, in
/// order. A missing plan (`None`) is [`Error::InvalidValue`] at path `""`;
/// any other error is the one `load_plan` or `agenda` gives for that plan.
///
/// With the `parallel` feature the plans are shared out over rayon's
/// current pool.
///
/// ```
/// use careerplan::schedule::{AgendaOptions, agenda_each};
/// let d = |s: &str| careerplan::plan::date::parse_date(s).unwrap();
/// let plans = [Some(r#"{"schema_version": 1, "id": "p", "goals": [{"id": "g", "title": "Ship", "deadline": "2027-03-31"}]}"#), Some("{")];
/// let out = agenda_each(&plans, d("2027-01-01"), d("2027-12-31"), &AgendaOptions::default());
/// assert_eq!(out[0].as_ref().unwrap().plan_id, "p");
/// assert_eq!(out[0].as_ref().unwrap().events[0].subject_id(), "g");
/// assert_eq!(out[1].as_ref().unwrap_err().code(), "invalid-json");
/// ```
pub fn agenda_each<S: AsRef<str> + Sync>(
    plans: &[Option<S>],
    from: NaiveDate,
    to: NaiveDate,
    options: &AgendaOptions,
) -> Vec<Result<PlanAgenda, Error>> {
    let one = |plan: &Option<S>| match plan {
        Some(text) => {
            let plan = load_plan(text.as_ref(), &options.limits)?;
            let events = agenda(&plan, from, to, options)?;
            Ok(PlanAgenda {
                plan_id: plan.id,
                events,
            })
        }
        None => Err(Error::InvalidValue {
            path: String::new(),
            message: "expected a plan as JSON text, got null".into(),
        }),
    };
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        plans.par_iter().map(one).collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        plans.iter().map(one).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::date::parse_date;

    #[test]
    fn each_plan_is_its_own_agenda_or_error() {
        let d = |s: &str| parse_date(s).unwrap();
        let good = r#"{"schema_version": 1, "id": "p",
            "review_policy": {"cadence": "monthly", "anchor": "2027-01-31"},
            "goals": [{"id": "g", "title": "Ship", "deadline": "2027-03-31"}]}"#;
        let bad_date = r#"{"schema_version": 1, "id": "q", "goals": [{"id": "g", "title": "t", "deadline": "2027-02-30"}]}"#;
        let plans = [Some(good), None, Some(bad_date), Some(good)];
        let options = AgendaOptions::default();
        let out = agenda_each(&plans, d("2027-01-01"), d("2027-04-30"), &options);
        let single = agenda(
            &crate::plan::load_plan(good, &Default::default()).unwrap(),
            d("2027-01-01"),
            d("2027-04-30"),
            &options,
        )
        .unwrap();
        assert_eq!(out[0].as_ref().unwrap().events, single);
        assert_eq!(out[0].as_ref().unwrap().plan_id, "p");
        assert_eq!(out[3].as_ref().unwrap().events, single);
        assert_eq!(out[1].as_ref().unwrap_err().code(), "invalid-value");
        let err = out[2].as_ref().unwrap_err();
        assert_eq!(
            (err.code(), err.path()),
            ("invalid-date", "goals[0].deadline")
        );
        // A window that ends before it starts fails every row alike.
        let back = agenda_each(&plans[..1], d("2027-04-30"), d("2027-01-01"), &options);
        assert_eq!(back[0].as_ref().unwrap_err().code(), "invalid-argument");
    }
}
