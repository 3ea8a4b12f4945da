//! Print the example plan's agenda for the next year, its next review, what
//! is overdue and the on-track table; write its roadmap as SVG.
//!
//! Run with `cargo run -p careerplan-examples --example schedule [-- TODAY [SVG_PATH]]`.

use careerplan::progress::{
    ProgressOptions, RoadmapFormat, RoadmapOptions, plan_status, roadmap, status_text,
};
use careerplan::schedule::{AgendaOptions, agenda, agenda_text, next_review, overdue};
use chrono::NaiveDate;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let plan = careerplan::plan::load_plan(include_str!("data/plan.json"), &Default::default())?;
    let mut args = std::env::args().skip(1);
    let today = match args.next() {
        Some(t) => careerplan::plan::date::parse_date(&t)?,
        None => NaiveDate::from_ymd_opt(2026, 11, 22).ok_or("bad date")?,
    };
    let options = AgendaOptions::default();
    let to = today
        .checked_add_months(chrono::Months::new(12))
        .ok_or("date out of range")?;
    println!(
        "Agenda {today} to {to}:\n{}",
        agenda_text(&agenda(&plan, today, to, &options)?, false)
    );
    if let Some(next) = next_review(&plan, today, &options)? {
        println!("Next review: {} {}\n", next.date, next.title());
    }
    println!(
        "Overdue:\n{}",
        agenda_text(&overdue(&plan, today, &options)?, false)
    );
    println!(
        "{}",
        status_text(&plan_status(&plan, today, &ProgressOptions::default())?)
    );
    if let Some(path) = args.next() {
        std::fs::write(
            &path,
            roadmap(&plan, today, RoadmapFormat::Svg, &RoadmapOptions::default())?,
        )?;
        println!("roadmap written to {path}");
    }
    Ok(())
}
