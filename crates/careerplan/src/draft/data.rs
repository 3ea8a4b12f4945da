//! The drafter's vocabulary, `data/draft/draft.json`: goal titles, skill
//! groups, and per kind of action a title, a share of the effort and typical
//! obstacles with mitigations.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::plan::Obstacle;
use crate::skills::fold;

const DRAFT_JSON: &str = include_str!("../../data/draft/draft.json");

/// Title templates.
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct Titles {
    /// The goal for the role: `{role}`, `{date}`.
    pub role_goal: String,
    /// A goal for a group of skills: `{skills}`, `{scale}`, `{date}`.
    pub skill_goal: String,
    /// One skill inside `{skills}`: `{skill}`, `{from}`, `{to}`.
    pub skill_part: String,
}

/// Skills that belong together in one goal.
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct SkillGroup {
    pub name: String,
    pub skills: Vec<String>,
}

/// External ids (O*NET element ids) under a common parent.
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct IdGroup {
    pub prefix: String,
    pub name: String,
}

/// One kind of action.
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct ActionTemplate {
    pub title: String,
    /// Title when a learning activity from the catalog is used.
    #[serde(default)]
    pub activity_title: Option<String>,
    /// Assessor wording with a contact (`{contact}`) and without one.
    #[serde(default)]
    pub with_contact: Option<String>,
    #[serde(default)]
    pub without_contact: Option<String>,
    /// Share of a skill's estimated hours.
    pub share: f64,
    pub obstacles: Vec<Obstacle>,
}

/// The three kinds of action drafted per goal.
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct Actions {
    pub learning: ActionTemplate,
    pub practice: ActionTemplate,
    pub feedback: ActionTemplate,
}

/// The whole file.
#[derive(Debug, Clone, Default, Deserialize)]
pub(crate) struct DraftData {
    #[allow(dead_code)]
    pub note: String,
    pub titles: Titles,
    pub skill_groups: Vec<SkillGroup>,
    pub external_id_groups: Vec<IdGroup>,
    pub actions: Actions,
}

impl DraftData {
    /// The group of a skill: its named group in the file, else the O*NET
    /// parent of its external id (the longest prefix listed), else none.
    pub fn group_of(&self, skill: &str, external_id: Option<&str>) -> Option<String> {
        let key = fold(skill);
        if let Some(g) = self
            .skill_groups
            .iter()
            .find(|g| g.skills.iter().any(|s| fold(s) == key))
        {
            return Some(format!("group:{}", g.name));
        }
        let id = external_id?;
        self.external_id_groups
            .iter()
            .filter(|g| {
                id.strip_prefix(g.prefix.as_str())
                    .is_some_and(|rest| rest.starts_with('.'))
            })
            .max_by_key(|g| g.prefix.len())
            .map(|g| format!("id:{}", g.name))
    }
}

/// The parsed file (a unit test checks it parses; an empty default would
/// only follow from a build defect).
pub(crate) fn draft_data() -> &'static DraftData {
    static DATA: OnceLock<DraftData> = OnceLock::new();
    DATA.get_or_init(|| crate::json::from_text(DRAFT_JSON, "").unwrap_or_default())
}

/// Fill `{name}` placeholders.
pub(crate) fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_parses_and_templates_use_known_placeholders() {
        let data: DraftData = crate::json::from_text(DRAFT_JSON, "").unwrap();
        let check = |t: &str, known: &[&str]| {
            let mut rest = t;
            while let Some(i) = rest.find('{') {
                let j = rest[i..].find('}').unwrap() + i;
                assert!(known.contains(&&rest[i + 1..j]), "{t}: {}", &rest[i..=j]);
                rest = &rest[j + 1..];
            }
        };
        check(&data.titles.role_goal, &["role", "date"]);
        check(&data.titles.skill_goal, &["skills", "scale", "date"]);
        check(&data.titles.skill_part, &["skill", "from", "to"]);
        let a = &data.actions;
        for t in [&a.learning, &a.practice, &a.feedback] {
            check(&t.title, &["skill", "skills", "from", "to", "assessor"]);
            assert!(!t.obstacles.is_empty());
            assert!(t.obstacles.iter().all(|o| o.mitigation.is_some()));
        }
        check(
            a.learning.activity_title.as_deref().unwrap(),
            &["activity", "skill"],
        );
        check(a.feedback.with_contact.as_deref().unwrap(), &["contact"]);
        assert!(a.feedback.without_contact.is_some());
        let shares = a.learning.share + a.practice.share + a.feedback.share;
        assert!((shares - 1.0).abs() < 1e-9, "shares sum to {shares}");
    }

    #[test]
    fn every_grouped_skill_is_in_one_group_only() {
        let data = draft_data();
        let mut seen = std::collections::HashMap::new();
        for g in &data.skill_groups {
            for s in &g.skills {
                if let Some(other) = seen.insert(fold(s), &g.name) {
                    panic!("{s} is in {other} and {}", g.name);
                }
            }
        }
        assert_eq!(
            data.group_of("leadership", None).as_deref(),
            Some("group:people leadership")
        );
        assert_eq!(
            data.group_of("Oddity", Some("2.B.5.a")).as_deref(),
            Some("id:resource management skills")
        );
        assert_eq!(data.group_of("Oddity", Some("2.C.10")), None);
        assert_eq!(data.group_of("Oddity", None), None);
    }
}
