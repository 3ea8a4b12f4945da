//! A plain-text outline of a plan: who, what they aim for, and the goal tree.

use std::fmt::Write;

use super::{Goal, Plan, Status};

fn status_label(status: Status) -> &'static str {
    match status {
        Status::NotStarted => "not started",
        Status::InProgress => "in progress",
        Status::Blocked => "blocked",
        Status::Done => "done",
        Status::Abandoned => "abandoned",
    }
}

/// Render the plan's owner, aspirations and goal tree as indented text.
///
/// Goals appear under their parent, in document order; a goal whose parent
/// is missing (or that sits in a cycle) is listed at the top level so nothing
/// is hidden.
///
/// ```
/// let plan = careerplan::plan::load_plan(r#"{"schema_version": 1, "id": "p",
///   "goals": [{"id": "a", "title": "Lead a team"}, {"id": "b", "title": "Run a pilot", "parent_id": "a"}]}"#, &Default::default())?;
/// let text = careerplan::plan::outline::outline(&plan);
/// assert!(text.contains("- Lead a team [not started]\n    - Run a pilot [not started]"));
/// # Ok::<(), careerplan::Error>(())
/// ```
pub fn outline(plan: &Plan) -> String {
    let mut out = String::new();
    match &plan.owner {
        Some(owner) => {
            let _ = write!(out, "Career plan of {}", owner.name);
            if let Some(role) = &owner.current_role {
                let _ = write!(out, ", {role}");
            }
            if let Some(org) = &owner.organization {
                let _ = write!(out, " at {org}");
            }
            out.push('\n');
        }
        None => {
            let _ = writeln!(out, "Career plan {}", plan.id);
        }
    }
    for a in &plan.aspirations {
        let _ = writeln!(out, "Aspiration: {}", a.statement);
    }
    if !plan.goals.is_empty() {
        let _ = writeln!(out, "\nGoals:");
    }
    let goal_tree = plan.goal_tree();
    let tree = Tree {
        plan,
        children: goal_tree.children,
    };
    let mut shown = vec![false; plan.goals.len()];
    for (i, parent) in goal_tree.parent.iter().enumerate() {
        if parent.is_none() {
            tree.write_goal(i, 0, &mut shown, &mut out);
        }
    }
    // Goals caught in a cycle have no root; show them rather than hide them.
    for i in 0..plan.goals.len() {
        if !shown[i] {
            tree.write_goal(i, 0, &mut shown, &mut out);
        }
    }
    let open = plan.actions.iter().filter(|a| a.status.is_open()).count();
    let _ = writeln!(
        out,
        "\n{} goals, {} actions ({} open), {} contacts, {} reviews",
        plan.goals.len(),
        plan.actions.len(),
        open,
        plan.contacts.len(),
        plan.reviews.len()
    );
    out
}

struct Tree<'a> {
    plan: &'a Plan,
    children: Vec<Vec<usize>>,
}

impl Tree<'_> {
    fn write_goal(&self, index: usize, depth: usize, shown: &mut [bool], out: &mut String) {
        if shown[index] {
            return;
        }
        shown[index] = true;
        let g: &Goal = &self.plan.goals[index];
        let _ = write!(out, "{:indent$}- {}", "", g.title, indent = depth * 4);
        let mut facts = Vec::new();
        if let Some(h) = g.horizon {
            facts.push(h.as_str().to_string());
        }
        if let Some(d) = g.deadline {
            facts.push(format!("due {d}"));
        }
        facts.push(status_label(g.status).to_string());
        let _ = writeln!(out, " [{}]", facts.join(", "));
        for &j in &self.children[index] {
            self.write_goal(j, depth + 1, shown, out);
        }
    }
}
