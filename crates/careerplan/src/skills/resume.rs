//! Import the `skills` section of a [JSON Resume](https://jsonresume.org/schema)
//! as profile skill assessments.
//!
//! Each entry `{"name", "level", "keywords"}` becomes an assessment of `name`
//! at the level its free-text `level` denotes; each keyword becomes an
//! assessment at the same level (turn off with
//! [`ResumeOptions::keywords`]), since a resume lists keywords as the parts of
//! the skill the person practises.
//!
//! # Level words
//! A [`LevelLexicon`] maps words to levels on one scale; the built-in one is
//! `data/resume_levels.json` (`"Beginner"` -> novice (1), `"Intermediate"`
//! -> competent (3), `"Advanced"` -> proficient (4), `"Master"` -> expert (5)
//! on `dreyfus-5`, and more). A word is looked up, after [`fold`], in the
//! lexicon (options' `levels` first, then the built-in or replacement
//! lexicon), then among the named levels of the lexicon's scale; a fraction
//! (`"4/5"`) or percentage (`"80%"`) is read as a proficiency. Anything else
//! is **not guessed**: the entry is left out and listed in
//! [`ResumeImport::issues`] with its JSON path, so the lexicon can be
//! extended. Entries without a level are treated the same way unless
//! [`ResumeOptions::default_level`] says what to assume.

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::names::fold;
use crate::Error;
use crate::decimal::parse_f64;
use crate::plan::{AssessmentSource, Extra, Profile, SkillAssessment, date};
use crate::scale::{Scale, ScaleRegistry};

/// Level words and the levels they denote on one scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LevelLexicon {
    /// What the lexicon is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The scale of the levels (default `dreyfus-5`).
    #[serde(default = "default_scale")]
    pub scale: String,
    /// Word -> level.
    pub levels: BTreeMap<String, f64>,
}

fn default_scale() -> String {
    "dreyfus-5".to_string()
}

const BUILTIN_JSON: &str = include_str!("../../data/resume_levels.json");

impl LevelLexicon {
    /// The built-in lexicon, `data/resume_levels.json`.
    pub fn builtin() -> &'static LevelLexicon {
        static LEXICON: OnceLock<LevelLexicon> = OnceLock::new();
        // Shipped with the crate and parsed by a unit test; the fallback is
        // only reachable through a build defect.
        LEXICON.get_or_init(|| {
            crate::json::from_text(BUILTIN_JSON, "").unwrap_or(LevelLexicon {
                note: None,
                scale: default_scale(),
                levels: BTreeMap::new(),
            })
        })
    }
}

/// Options of [`profile_from_json_resume`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct ResumeOptions {
    /// A lexicon replacing the built-in one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lexicon: Option<LevelLexicon>,
    /// Extra words -> levels on the lexicon's scale, consulted first.
    pub levels: BTreeMap<String, f64>,
    /// Custom scales (if the lexicon uses one).
    pub scales: Vec<Scale>,
    /// Import keywords as skills at their entry's level (default true).
    pub keywords: bool,
    /// Level to assume for entries without a level; `None` (default) leaves
    /// them out and reports them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default_level: Option<f64>,
    /// Date to record as `assessed_on`.
    #[serde(with = "date::optional", skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<NaiveDate>")]
    pub assessed_on: Option<NaiveDate>,
}

impl Default for ResumeOptions {
    fn default() -> Self {
        ResumeOptions {
            lexicon: None,
            levels: BTreeMap::new(),
            scales: Vec::new(),
            keywords: true,
            default_level: None,
            assessed_on: None,
        }
    }
}

/// Why a resume entry was not imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ResumeIssueKind {
    /// The level word is not in the lexicon.
    UnknownLevel,
    /// The entry has no level (and no default was given).
    MissingLevel,
    /// The entry has no name.
    EmptyName,
    /// The skill was already imported (from an earlier entry or keyword).
    Duplicate,
}

/// A resume entry that was not imported, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ResumeIssue {
    /// JSON path of the entry, e.g. `skills[2].level`.
    pub path: String,
    /// What went wrong.
    pub kind: ResumeIssueKind,
    /// The skill's name as written.
    pub skill: String,
    /// The level text as written, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
}

/// The result of [`profile_from_json_resume`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ResumeImport {
    /// A profile with the imported skills.
    pub profile: Profile,
    /// `basics.name` of the resume.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `basics.label` of the resume (usually the current job title).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Entries left out, each with its path and reason.
    pub issues: Vec<ResumeIssue>,
}

/// Read the `skills` of a JSON Resume document into profile assessments; see
/// the module docs.
///
/// ```
/// use careerplan::skills::resume::{profile_from_json_resume, ResumeOptions};
/// let out = profile_from_json_resume(r#"{"skills": [
///   {"name": "Web Development", "level": "Master", "keywords": ["HTML", "CSS"]},
///   {"name": "Go", "level": "Wizard"}]}"#, &ResumeOptions::default())?;
/// let names: Vec<&str> = out.profile.skills.iter().map(|s| s.skill.as_str()).collect();
/// assert_eq!(names, ["Web Development", "HTML", "CSS"]);
/// assert_eq!(out.profile.skills[0].level, 5.0);
/// assert_eq!(out.issues[0].path, "skills[1].level");
/// # Ok::<(), careerplan::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidJson`] for malformed text; [`Error::InvalidValue`] with
/// the path when `skills` or an entry has the wrong shape, the lexicon's scale
/// is unknown or one of its levels lies outside it.
pub fn profile_from_json_resume(
    json: &str,
    options: &ResumeOptions,
) -> Result<ResumeImport, Error> {
    crate::limits::Limits::default().check_json_text(json)?;
    profile_from_json_resume_value(&crate::json::parse_value(json, "")?, options)
}

/// [`profile_from_json_resume`] over a parsed document.
///
/// # Errors
/// As [`profile_from_json_resume`].
pub fn profile_from_json_resume_value(
    doc: &Value,
    options: &ResumeOptions,
) -> Result<ResumeImport, Error> {
    let lexicon = options
        .lexicon
        .as_ref()
        .unwrap_or_else(|| LevelLexicon::builtin());
    let registry = ScaleRegistry::with_custom(&options.scales);
    let lexicon_path = if options.lexicon.is_some() {
        "options.lexicon"
    } else {
        "lexicon"
    };
    let scale = registry.require(&lexicon.scale, &format!("{lexicon_path}.scale"))?;
    let words = Words::new(lexicon, options, scale, lexicon_path)?;
    if let Some(l) = options.default_level
        && !scale.contains(l)
    {
        return Err(outside(scale, l, "options.default_level".into()));
    }
    let basics = doc.get("basics");
    let text = |v: Option<&Value>| {
        v.and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let mut out = ResumeImport {
        profile: Profile::default(),
        name: text(basics.and_then(|b| b.get("name"))),
        label: text(basics.and_then(|b| b.get("label"))),
        issues: Vec::new(),
    };
    let entries = match doc.get("skills") {
        None | Some(Value::Null) => return Ok(out),
        Some(Value::Array(a)) => a,
        Some(_) => return Err(shape("skills", "expected a list of skills")),
    };
    let mut seen: HashSet<String> = HashSet::new();
    for (i, entry) in entries.iter().enumerate() {
        let Value::Object(map) = entry else {
            return Err(shape(
                &format!("skills[{i}]"),
                "expected an object with name, level and keywords",
            ));
        };
        let name = match map.get("name") {
            None | Some(Value::Null) => String::new(),
            Some(Value::String(s)) => s.trim().to_string(),
            Some(_) => return Err(shape(&format!("skills[{i}].name"), "expected a string")),
        };
        let level_text = match map.get("level") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.trim().is_empty() => None,
            Some(Value::String(s)) => Some(s.trim().to_string()),
            Some(Value::Number(n)) => Some(n.to_string()),
            Some(_) => return Err(shape(&format!("skills[{i}].level"), "expected a string")),
        };
        let keywords: Vec<String> = match map.get("keywords") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(a)) => a
                .iter()
                .enumerate()
                .map(|(j, k)| match k {
                    Value::String(s) => Ok(s.trim().to_string()),
                    _ => Err(shape(
                        &format!("skills[{i}].keywords[{j}]"),
                        "expected a string",
                    )),
                })
                .collect::<Result<_, _>>()?,
            Some(_) => {
                return Err(shape(
                    &format!("skills[{i}].keywords"),
                    "expected a list of strings",
                ));
            }
        };
        if name.is_empty() && keywords.is_empty() {
            out.issues.push(ResumeIssue {
                path: format!("skills[{i}].name"),
                kind: ResumeIssueKind::EmptyName,
                skill: name,
                level: level_text,
            });
            continue;
        }
        let level = match &level_text {
            Some(t) => match words.level(t) {
                Some(l) => l,
                None => {
                    out.issues.push(ResumeIssue {
                        path: format!("skills[{i}].level"),
                        kind: ResumeIssueKind::UnknownLevel,
                        skill: name,
                        level: level_text.clone(),
                    });
                    continue;
                }
            },
            None => match options.default_level {
                Some(l) => l,
                None => {
                    out.issues.push(ResumeIssue {
                        path: format!("skills[{i}].level"),
                        kind: ResumeIssueKind::MissingLevel,
                        skill: name,
                        level: None,
                    });
                    continue;
                }
            },
        };
        let evidence = match &level_text {
            Some(t) => format!("JSON Resume: {t:?}"),
            None => "JSON Resume (no level given; default assumed)".to_string(),
        };
        let mut add = |skill: &str, path: String, evidence: String, out: &mut ResumeImport| {
            if skill.is_empty() {
                return;
            }
            if !seen.insert(fold(skill)) {
                out.issues.push(ResumeIssue {
                    path,
                    kind: ResumeIssueKind::Duplicate,
                    skill: skill.to_string(),
                    level: level_text.clone(),
                });
                return;
            }
            out.profile.skills.push(SkillAssessment {
                skill: skill.to_string(),
                level,
                scale: scale.id.clone(),
                assessed_on: options.assessed_on,
                evidence: Some(evidence),
                source: AssessmentSource::SelfAssessed,
                extra: Extra::new(),
            });
        };
        if name.is_empty() {
            out.issues.push(ResumeIssue {
                path: format!("skills[{i}].name"),
                kind: ResumeIssueKind::EmptyName,
                skill: String::new(),
                level: level_text.clone(),
            });
        } else {
            add(
                &name,
                format!("skills[{i}].name"),
                evidence.clone(),
                &mut out,
            );
        }
        if options.keywords {
            for (j, k) in keywords.iter().enumerate() {
                let ev = if name.is_empty() {
                    evidence.clone()
                } else {
                    format!("{evidence}, keyword of {name:?}")
                };
                add(k, format!("skills[{i}].keywords[{j}]"), ev, &mut out);
            }
        }
    }
    Ok(out)
}

/// The merged word list, keys folded.
struct Words<'a> {
    map: BTreeMap<String, f64>,
    scale: &'a Scale,
}

impl<'a> Words<'a> {
    fn new(
        lexicon: &LevelLexicon,
        options: &ResumeOptions,
        scale: &'a Scale,
        path: &str,
    ) -> Result<Words<'a>, Error> {
        let mut map = BTreeMap::new();
        for (word, &level) in &lexicon.levels {
            if !scale.contains(level) {
                return Err(outside(scale, level, format!("{path}.levels.{word}")));
            }
            map.insert(fold(word), level);
        }
        for (word, &level) in &options.levels {
            if !scale.contains(level) {
                return Err(outside(scale, level, format!("options.levels.{word}")));
            }
            map.insert(fold(word), level);
        }
        Ok(Words { map, scale })
    }

    fn level(&self, text: &str) -> Option<f64> {
        let key = fold(text);
        if let Some(&l) = self.map.get(&key) {
            return Some(l);
        }
        if let Some(l) = self.scale.level_by_name(text) {
            return Some(l);
        }
        // Rounded so that "3/5" reads as 3 on dreyfus-5, not 2.9999999999999996.
        proficiency(text).map(|p| (self.scale.denormalize(p) * 1e6).round() / 1e6)
    }
}

/// `"4/5"` -> 0.8, `"80%"` -> 0.8; `None` for anything else or out of 0..=1.
fn proficiency(text: &str) -> Option<f64> {
    let t = text.trim();
    let p = if let Some(pct) = t.strip_suffix('%') {
        parse_f64(pct.trim())? / 100.0
    } else {
        let (a, b) = t.split_once('/')?;
        let (a, b) = (parse_f64(a.trim())?, parse_f64(b.trim())?);
        if b <= 0.0 {
            return None;
        }
        a / b
    };
    (p.is_finite() && (0.0..=1.0).contains(&p)).then_some(p)
}

fn shape(path: &str, message: &str) -> Error {
    Error::InvalidValue {
        path: path.to_string(),
        message: message.to_string(),
    }
}

fn outside(scale: &Scale, level: f64, path: String) -> Error {
    Error::InvalidValue {
        path,
        message: scale.outside_message(level),
    }
}

impl ResumeImport {
    /// A new plan whose profile is the imported one, owned by the resume's
    /// `basics.name` (with `basics.label` as current role); its id is
    /// `plan-` and the name in lowercase words joined by hyphens, or
    /// `imported-plan` without a name.
    ///
    /// ```
    /// use careerplan::skills::resume::{profile_from_json_resume, ResumeOptions};
    /// let import = profile_from_json_resume(r#"{"basics": {"name": "Ana Díaz", "label": "Analyst"},
    ///     "skills": [{"name": "SQL", "level": "Advanced"}]}"#, &ResumeOptions::default())?;
    /// let plan = import.into_plan();
    /// assert_eq!(plan.id, "plan-ana-díaz");
    /// assert_eq!(plan.owner.unwrap().current_role.as_deref(), Some("Analyst"));
    /// # Ok::<(), careerplan::Error>(())
    /// ```
    pub fn into_plan(self) -> crate::plan::Plan {
        let id = self.name.as_deref().map_or_else(
            || "imported-plan".to_string(),
            |n| format!("plan-{}", slug(n)),
        );
        let mut plan = crate::plan::Plan::new(id);
        if let Some(name) = self.name {
            plan.owner = Some(crate::plan::Owner {
                name,
                current_role: self.label,
                organization: None,
                extra: Default::default(),
            });
        }
        plan.profile = self.profile;
        plan
    }
}

/// A lowercase, hyphenated id from a name.
fn slug(name: &str) -> String {
    let mut lower = String::with_capacity(name.len());
    name.chars().for_each(|c| lower.extend(c.to_lowercase()));
    let mut out = String::new();
    for c in lower.chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

impl std::fmt::Display for ResumeIssue {
    /// One line naming the entry and why it was left out, e.g.
    /// `skills[2].level: "Guru" (Rust) is not a known level word`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = self.level.as_deref().unwrap_or("");
        match self.kind {
            ResumeIssueKind::UnknownLevel => write!(
                f,
                "{}: {level:?} ({}) is not a known level word; add it to the lexicon's levels",
                self.path, self.skill
            ),
            ResumeIssueKind::MissingLevel => {
                write!(
                    f,
                    "{}: {} has no level; give a default level to import it",
                    self.path, self.skill
                )
            }
            ResumeIssueKind::EmptyName => write!(f, "{}: the entry has no name", self.path),
            ResumeIssueKind::Duplicate => {
                write!(
                    f,
                    "{}: {} was already imported from an earlier entry",
                    self.path, self.skill
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_lexicon_parses_and_fits_its_scale() {
        let lex: LevelLexicon = crate::json::from_text(BUILTIN_JSON, "").unwrap();
        let reg = ScaleRegistry::with_custom(&[]);
        let scale = reg.get(&lex.scale).unwrap();
        assert!(lex.levels.values().all(|&l| scale.contains(l)));
        for (w, l) in [
            ("beginner", 1.0),
            ("intermediate", 3.0),
            ("advanced", 4.0),
            ("master", 5.0),
        ] {
            assert_eq!(lex.levels[w], l);
        }
    }

    #[test]
    fn words_fractions_and_scale_names_are_read() {
        let json = r#"{"basics": {"name": "Ada", "label": "Analyst"}, "skills": [
            {"name": "SQL", "level": "  ADVANCED "},
            {"name": "R", "level": "3/5"},
            {"name": "Excel", "level": "80%"},
            {"name": "Python", "level": "Advanced-Beginner"},
            {"name": "Rust", "level": "Wizard"},
            {"name": "Go"},
            {"name": "sql", "level": "Beginner"},
            {"level": "Beginner"},
            {"name": "Stats", "level": "Expert", "keywords": ["Regression", "SQL"]}]}"#;
        let out = profile_from_json_resume(json, &ResumeOptions::default()).unwrap();
        assert_eq!(
            (out.name.as_deref(), out.label.as_deref()),
            (Some("Ada"), Some("Analyst"))
        );
        let got: Vec<(&str, f64)> = out
            .profile
            .skills
            .iter()
            .map(|s| (s.skill.as_str(), s.level))
            .collect();
        assert_eq!(
            got,
            [
                ("SQL", 4.0),
                ("R", 3.0),
                ("Excel", 4.0),
                ("Python", 2.0),
                ("Stats", 5.0),
                ("Regression", 5.0)
            ]
        );
        let issues: Vec<(&str, ResumeIssueKind)> = out
            .issues
            .iter()
            .map(|i| (i.path.as_str(), i.kind))
            .collect();
        assert_eq!(
            issues,
            [
                ("skills[4].level", ResumeIssueKind::UnknownLevel),
                ("skills[5].level", ResumeIssueKind::MissingLevel),
                ("skills[6].name", ResumeIssueKind::Duplicate),
                ("skills[7].name", ResumeIssueKind::EmptyName),
                ("skills[8].keywords[1]", ResumeIssueKind::Duplicate),
            ]
        );
        assert_eq!(out.issues[0].level.as_deref(), Some("Wizard"));
    }

    #[test]
    fn lexicon_is_overridable() {
        let opts = ResumeOptions {
            levels: BTreeMap::from([("wizard".to_string(), 5.0)]),
            default_level: Some(2.0),
            keywords: false,
            assessed_on: NaiveDate::from_ymd_opt(2026, 1, 2),
            ..ResumeOptions::default()
        };
        let json = r#"{"skills": [{"name": "Rust", "level": "Wizard", "keywords": ["cargo"]}, {"name": "Go"}]}"#;
        let out = profile_from_json_resume(json, &opts).unwrap();
        assert_eq!(out.profile.skills.len(), 2);
        assert_eq!(out.profile.skills[0].level, 5.0);
        assert_eq!(out.profile.skills[1].level, 2.0);
        assert_eq!(
            out.profile.skills[1].assessed_on,
            NaiveDate::from_ymd_opt(2026, 1, 2)
        );
        assert!(out.issues.is_empty());
        let pct = ResumeOptions {
            lexicon: Some(LevelLexicon {
                note: None,
                scale: "percent".into(),
                levels: BTreeMap::from([("ok".to_string(), 50.0)]),
            }),
            ..ResumeOptions::default()
        };
        let out = profile_from_json_resume(
            r#"{"skills": [{"name": "A", "level": "OK"}, {"name": "B", "level": "3/4"}]}"#,
            &pct,
        )
        .unwrap();
        assert_eq!(out.profile.skills[0].scale, "percent");
        assert_eq!(out.profile.skills[1].level, 75.0);
    }

    #[test]
    fn bad_shapes_and_lexicons_are_errors() {
        let o = ResumeOptions::default();
        assert_eq!(
            profile_from_json_resume(r#"{"skills": {}}"#, &o)
                .unwrap_err()
                .path(),
            "skills"
        );
        assert_eq!(
            profile_from_json_resume(r#"{"skills": [3]}"#, &o)
                .unwrap_err()
                .path(),
            "skills[0]"
        );
        assert_eq!(
            profile_from_json_resume(r#"{"skills": [{"name": "a", "keywords": [1]}]}"#, &o)
                .unwrap_err()
                .path(),
            "skills[0].keywords[0]"
        );
        let bad = ResumeOptions {
            levels: BTreeMap::from([("huge".to_string(), 9.0)]),
            ..ResumeOptions::default()
        };
        assert_eq!(
            profile_from_json_resume("{}", &bad).unwrap_err().path(),
            "options.levels.huge"
        );
        assert!(
            profile_from_json_resume("{}", &o)
                .unwrap()
                .profile
                .skills
                .is_empty()
        );
    }
}
