//! The roadmap: the plan's goals per horizon with their timelines,
//! milestones, resources and status, as Markdown, Mermaid or SVG.
//!
//! All three group goals by horizon (as written, else inferred from the
//! goal's span; goals with neither go to "Unassigned"), in document order.
//! Milestones are the goal's actions of kind `milestone`; resources are its
//! actions' resources.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

mod layout;
mod markdown;
mod mermaid;
mod svg;

use super::{GoalStatus, ProgressOptions, goal_statuses};
use crate::Error;
use crate::plan::{Horizon, Plan};
use layout::{lanes, title};
use markdown::markdown;
use mermaid::mermaid;
use svg::svg;

/// The output format of [`roadmap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RoadmapFormat {
    /// A Markdown table per horizon (also read as `"md"`, the CLI's name).
    #[serde(alias = "md")]
    Markdown,
    /// A Mermaid `gantt` chart.
    Mermaid,
    /// A self-contained SVG timeline.
    Svg,
}

/// Options of [`roadmap`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct RoadmapOptions {
    /// Thresholds of the on-track status.
    pub progress: ProgressOptions,
    /// Width of the SVG in pixels (at least 600).
    pub width: u32,
    /// Title; defaults to "Career roadmap:" and the owner's name or plan id.
    pub title: Option<String>,
}

impl Default for RoadmapOptions {
    fn default() -> Self {
        RoadmapOptions {
            progress: ProgressOptions::default(),
            width: 1200,
            title: None,
        }
    }
}

/// Render the plan's roadmap as of `today`.
///
/// # Errors
/// [`Error::InvalidArgument`] for invalid thresholds or an SVG narrower than
/// 600 pixels.
///
/// ```
/// use careerplan::progress::{roadmap, RoadmapFormat, RoadmapOptions};
/// let plan = careerplan::plan::load_plan(r#"{"schema_version": 1, "id": "p",
///   "goals": [{"id": "g", "title": "Earn the PMP", "horizon": "short",
///              "start": "2026-09-01", "deadline": "2027-02-28"}]}"#, &Default::default())?;
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
/// let md = roadmap(&plan, today, RoadmapFormat::Markdown, &RoadmapOptions::default())?;
/// assert!(md.contains("| Earn the PMP | 2026-09-01 | 2027-02-28 | 0% |"));
/// # Ok::<(), careerplan::Error>(())
/// ```
pub fn roadmap(
    plan: &Plan,
    today: NaiveDate,
    format: RoadmapFormat,
    options: &RoadmapOptions,
) -> Result<String, Error> {
    if format == RoadmapFormat::Svg && options.width < 600 {
        return Err(Error::InvalidArgument {
            path: "options.width".into(),
            message: format!("the SVG needs at least 600 pixels, got {}", options.width),
        });
    }
    options.progress.check_at("options.progress")?;
    let statuses = goal_statuses(plan, today, &options.progress)?;
    let title = title(plan, options);
    let lanes = lanes(&statuses);
    Ok(match format {
        RoadmapFormat::Markdown => markdown(plan, today, &title, &lanes),
        RoadmapFormat::Mermaid => mermaid(plan, &title, &lanes),
        RoadmapFormat::Svg => svg(plan, today, &title, &lanes, f64::from(options.width)),
    })
}

/// The roadmap as data: what [`roadmap`] draws, for programs
/// (`careerplan roadmap --format json`).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RoadmapData {
    /// The title.
    pub title: String,
    /// The date statuses refer to.
    #[schemars(with = "NaiveDate")]
    #[serde(serialize_with = "crate::plan::date::required::serialize")]
    pub today: NaiveDate,
    /// One lane per horizon (short, mid, long; "Unassigned" when a goal has none).
    pub lanes: Vec<RoadmapLane>,
}

/// One horizon of the roadmap and its goals, in document order.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct RoadmapLane {
    /// "Short term", "Mid term", "Long term" or "Unassigned".
    pub name: &'static str,
    /// The horizon; `None` for "Unassigned".
    pub horizon: Option<Horizon>,
    /// Each goal's progress and on-track status.
    pub goals: Vec<GoalStatus>,
}

/// The roadmap of [`roadmap`] as data: the lanes and their goals' statuses.
///
/// # Errors
/// [`Error::InvalidArgument`] for invalid thresholds.
pub fn roadmap_data(
    plan: &Plan,
    today: NaiveDate,
    options: &RoadmapOptions,
) -> Result<RoadmapData, Error> {
    options.progress.check_at("options.progress")?;
    let statuses = goal_statuses(plan, today, &options.progress)?;
    let lanes = lanes(&statuses)
        .into_iter()
        .map(|lane| RoadmapLane {
            name: lane.name,
            horizon: lane.horizon,
            goals: lane.goals.into_iter().map(|(_, g)| g.clone()).collect(),
        })
        .collect();
    Ok(RoadmapData {
        title: title(plan, options),
        today,
        lanes,
    })
}
