//! The roadmap as a self-contained SVG timeline.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use super::layout::{Lane, milestones, status_word};
use crate::plan::{Plan, Status, date};
use crate::progress::{TrackStatus, truncate};

fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Fill colour and a word for each status. The words are printed next to
/// every bar, so the chart never relies on colour alone.
fn colour(s: TrackStatus) -> &'static str {
    match s {
        TrackStatus::Ahead => "#1565c0",
        TrackStatus::OnTrack => "#2e7d32",
        TrackStatus::AtRisk => "#f9a825",
        TrackStatus::OffTrack => "#ef6c00",
        TrackStatus::Overdue => "#c62828",
        TrackStatus::Done => "#00897b",
        TrackStatus::Abandoned => "#9e9e9e",
        TrackStatus::Unscheduled => "#bdbdbd",
    }
}

pub(super) fn svg(
    plan: &Plan,
    today: NaiveDate,
    title: &str,
    lanes: &[Lane<'_>],
    width: f64,
) -> String {
    const ROW: f64 = 46.0;
    const LANE_HEAD: f64 = 30.0;
    const TOP: f64 = 96.0;
    let (x0, x1) = (150.0, width - 30.0);

    // The time axis spans whole years around every date shown and today.
    let mut lo = today;
    let mut hi = today;
    for lane in lanes {
        for (_, s) in &lane.goals {
            for d in [s.start, s.deadline].into_iter().flatten() {
                lo = lo.min(d);
                hi = hi.max(d);
            }
        }
    }
    let t0 = NaiveDate::from_ymd_opt(lo.year(), 1, 1).unwrap_or(lo);
    let t1 = NaiveDate::from_ymd_opt(hi.year() + 1, 1, 1).unwrap_or(hi);
    let span = ((t1 - t0).num_days().max(1)) as f64;
    let x = |d: NaiveDate| x0 + (d - t0).num_days() as f64 / span * (x1 - x0);

    let rows: usize = lanes.iter().map(|l| l.goals.len().max(1)).sum();
    let body = lanes.len() as f64 * (LANE_HEAD + 8.0) + rows as f64 * ROW;
    let legend_y = TOP + body + 24.0;
    let height = legend_y + 64.0;

    let mut counts: Vec<(TrackStatus, usize)> = Vec::new();
    for lane in lanes {
        for (_, s) in &lane.goals {
            match counts.iter_mut().find(|(st, _)| *st == s.status) {
                Some((_, n)) => *n += 1,
                None => counts.push((s.status, 1)),
            }
        }
    }
    crate::sort::sort(&mut counts);
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    let summary = counts
        .iter()
        .map(|(s, n)| format!("{n} {}", status_word(*s)))
        .collect::<Vec<_>>()
        .join(", ");
    let desc = format!(
        "Timeline of {total} goals by horizon from {} to {}, as of {}: {}. Bars run from each goal's start to its deadline; diamonds mark milestones; the red line marks today.",
        t0.year(),
        t1.year() - 1,
        date::format_date(today),
        if summary.is_empty() {
            "none".to_string()
        } else {
            summary
        }
    );

    let mut o = String::new();
    let _ = writeln!(
        o,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" aria-labelledby="roadmap-title roadmap-desc" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif">"##,
        width = width,
        height = height
    );
    let _ = writeln!(o, r#"<title id="roadmap-title">{}</title>"#, xml(title));
    let _ = writeln!(o, r#"<desc id="roadmap-desc">{}</desc>"#, xml(&desc));
    let _ = writeln!(o, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
    let _ = writeln!(
        o,
        r##"<text x="24" y="36" font-size="22" font-weight="600" fill="#1a1a1a">{}</text>"##,
        xml(title)
    );
    let _ = writeln!(
        o,
        r##"<text x="24" y="58" font-size="13" fill="#424242">As of {} · {}</text>"##,
        date::format_date(today),
        xml(&format!("{total} goals"))
    );

    // Lane backgrounds first, so the grid and the today line show on them.
    let _ = writeln!(o, r#"<g aria-hidden="true">"#);
    let mut lane_y = TOP;
    for (li, lane) in lanes.iter().enumerate() {
        let lane_h = LANE_HEAD + 8.0 + lane.goals.len().max(1) as f64 * ROW;
        let shade = if li % 2 == 0 { "#f5f7fa" } else { "#ffffff" };
        let _ = writeln!(
            o,
            r##"<rect x="12" y="{lane_y:.1}" width="{:.1}" height="{lane_h:.1}" fill="{shade}" stroke="#e0e0e0"/>"##,
            width - 24.0,
            lane_y = lane_y,
            lane_h = lane_h
        );
        lane_y += lane_h;
    }
    let _ = writeln!(o, "</g>");

    // Axis: a line per year, labelled; quarters as faint lines when they fit.
    let _ = writeln!(o, r#"<g aria-hidden="true">"#);
    let years = t1.year() - t0.year();
    let label_every = if years > 12 { 2 } else { 1 };
    for y in t0.year()..=t1.year() {
        let Some(d) = NaiveDate::from_ymd_opt(y, 1, 1) else {
            continue;
        };
        let xx = x(d);
        let _ = writeln!(
            o,
            r##"<line x1="{xx:.1}" y1="{:.1}" x2="{xx:.1}" y2="{:.1}" stroke="#9e9e9e" stroke-width="1"/>"##,
            TOP - 14.0,
            TOP + body,
            xx = xx
        );
        if y < t1.year() && (y - t0.year()) % label_every == 0 {
            let _ = writeln!(
                o,
                r##"<text x="{:.1}" y="{:.1}" font-size="13" fill="#424242">{y}</text>"##,
                xx + 4.0,
                TOP - 18.0
            );
        }
        if years <= 6 && y < t1.year() {
            for m in [4, 7, 10] {
                if let Some(q) = NaiveDate::from_ymd_opt(y, m, 1) {
                    let qx = x(q);
                    let _ = writeln!(
                        o,
                        r##"<line x1="{qx:.1}" y1="{:.1}" x2="{qx:.1}" y2="{:.1}" stroke="#e0e0e0" stroke-width="1"/>"##,
                        TOP - 6.0,
                        TOP + body,
                        qx = qx
                    );
                }
            }
        }
    }
    let _ = writeln!(o, "</g>");

    let tx = x(today);
    let _ = writeln!(
        o,
        r##"<g><title>Today, {0}</title><line x1="{tx:.1}" y1="{1:.1}" x2="{tx:.1}" y2="{2:.1}" stroke="#d32f2f" stroke-width="2" stroke-dasharray="6 4"/><text x="{3:.1}" y="{4:.1}" font-size="12" font-weight="600" fill="#b71c1c">Today {0}</text></g>"##,
        date::format_date(today),
        TOP - 8.0,
        TOP + body,
        (tx + 4.0).min(x1 - 110.0),
        TOP - 4.0,
        tx = tx
    );

    let mut y = TOP;
    for lane in lanes {
        let lane_h = LANE_HEAD + 8.0 + lane.goals.len().max(1) as f64 * ROW;
        let _ = writeln!(o, r#"<g role="list" aria-label="{}">"#, xml(lane.name));
        let _ = writeln!(
            o,
            r##"<text x="24" y="{:.1}" font-size="15" font-weight="600" fill="#1a1a1a">{}</text>"##,
            y + 22.0,
            xml(lane.name)
        );
        let mut row_y = y + LANE_HEAD + 8.0;
        if lane.goals.is_empty() {
            let _ = writeln!(
                o,
                r##"<text x="{x0}" y="{:.1}" font-size="13" fill="#616161">No goals yet</text>"##,
                row_y + 24.0,
                x0 = x0
            );
        }
        for (_, s) in &lane.goals {
            let status = status_word(s.status);
            let label = format!("{} · {:.0}% · {status}", truncate(&s.title, 80), s.percent);
            let when = match (s.start, s.deadline) {
                (Some(a), Some(b)) => {
                    format!("{} to {}", date::format_date(a), date::format_date(b))
                }
                (None, Some(b)) => format!("due {}", date::format_date(b)),
                _ => "no deadline".to_string(),
            };
            let _ = writeln!(o, r#"<g role="listitem">"#);
            let _ = writeln!(
                o,
                "<title>{}</title>",
                xml(&format!(
                    "{}: {when}, {:.0}% done, {status}",
                    s.title, s.percent
                ))
            );
            let bar_y = row_y + 20.0;
            let (bx, bw) = match (s.start, s.deadline) {
                (Some(a), Some(b)) => (x(a), (x(b.max(a)) - x(a)).max(4.0)),
                (None, Some(b)) => (x(b) - 4.0, 8.0),
                _ => (x0, 0.0),
            };
            // The label sits above its bar, pulled left if it would run off
            // the right edge (about 7 px per character at 13 px).
            let est = label.chars().count() as f64 * 7.0;
            let lx = bx.min(x1 - est).max(x0);
            let _ = writeln!(
                o,
                r##"<text x="{lx:.1}" y="{:.1}" font-size="13" fill="#1a1a1a">{}</text>"##,
                row_y + 14.0,
                xml(&label),
                lx = lx
            );
            if bw > 0.0 {
                let fill = colour(s.status);
                let _ = writeln!(
                    o,
                    r##"<rect x="{bx:.1}" y="{bar_y:.1}" width="{bw:.1}" height="16" rx="3" fill="{fill}" fill-opacity="0.25" stroke="{fill}" stroke-width="1.5"/>"##,
                    bx = bx,
                    bar_y = bar_y,
                    bw = bw
                );
                let done_w = bw * (s.percent / 100.0).clamp(0.0, 1.0);
                if done_w > 0.0 {
                    let _ = writeln!(
                        o,
                        r##"<rect x="{bx:.1}" y="{bar_y:.1}" width="{done_w:.1}" height="16" rx="3" fill="{fill}"/>"##,
                        bx = bx,
                        bar_y = bar_y,
                        done_w = done_w
                    );
                }
            }
            for m in milestones(plan, &s.goal_id) {
                let Some(d) = m.date else { continue };
                let (mx, my) = (x(d), bar_y + 8.0);
                let fill = if m.status == Status::Done {
                    "#00897b"
                } else {
                    "#263238"
                };
                let state = if m.status == Status::Done {
                    "done"
                } else {
                    "open"
                };
                let _ = writeln!(
                    o,
                    r##"<path d="M{mx:.1} {:.1} L{:.1} {my:.1} L{mx:.1} {:.1} L{:.1} {my:.1} Z" fill="{fill}" stroke="#ffffff" stroke-width="1.5"><title>{}</title></path>"##,
                    my - 9.0,
                    mx + 9.0,
                    my + 9.0,
                    mx - 9.0,
                    xml(&format!(
                        "Milestone: {}, {} ({state})",
                        m.title,
                        date::format_date(d)
                    )),
                    mx = mx,
                    my = my
                );
            }
            let _ = writeln!(o, "</g>");
            row_y += ROW;
        }
        let _ = writeln!(o, "</g>");
        y += lane_h;
    }

    // Legend: every status, the milestone diamond and the today line.
    let _ = writeln!(o, r#"<g aria-label="Legend">"#);
    let mut lx = 24.0;
    for s in [
        TrackStatus::Ahead,
        TrackStatus::OnTrack,
        TrackStatus::AtRisk,
        TrackStatus::OffTrack,
        TrackStatus::Overdue,
        TrackStatus::Done,
        TrackStatus::Abandoned,
    ] {
        let word = status_word(s);
        let _ = writeln!(
            o,
            r##"<rect x="{lx:.1}" y="{:.1}" width="18" height="12" rx="2" fill="{}"/><text x="{:.1}" y="{:.1}" font-size="13" fill="#1a1a1a">{word}</text>"##,
            legend_y,
            colour(s),
            lx + 24.0,
            legend_y + 11.0,
            lx = lx
        );
        lx += 24.0 + word.chars().count() as f64 * 7.5 + 22.0;
    }
    let _ = writeln!(
        o,
        r##"<path d="M{0:.1} {1:.1} L{2:.1} {3:.1} L{0:.1} {4:.1} L{5:.1} {3:.1} Z" fill="#263238"/><text x="{6:.1}" y="{7:.1}" font-size="13" fill="#1a1a1a">milestone</text>"##,
        lx + 8.0,
        legend_y - 2.0,
        lx + 16.0,
        legend_y + 6.0,
        legend_y + 14.0,
        lx,
        lx + 24.0,
        legend_y + 11.0
    );
    lx += 24.0 + 9.0 * 7.5 + 22.0;
    let _ = writeln!(
        o,
        r##"<line x1="{lx:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#d32f2f" stroke-width="2" stroke-dasharray="6 4"/><text x="{:.1}" y="{:.1}" font-size="13" fill="#1a1a1a">today</text>"##,
        legend_y + 6.0,
        lx + 18.0,
        legend_y + 6.0,
        lx + 24.0,
        legend_y + 11.0,
        lx = lx
    );
    let _ = writeln!(
        o,
        r##"<text x="24" y="{:.1}" font-size="12" fill="#424242">Filled part of a bar: progress so far. Outline: start to deadline.</text>"##,
        legend_y + 36.0
    );
    let _ = writeln!(o, "</g>");
    o.push_str("</svg>\n");
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_text_is_escaped() {
        assert_eq!(
            xml("R&D <lead> \"x\""),
            "R&amp;D &lt;lead&gt; &quot;x&quot;"
        );
    }
}
