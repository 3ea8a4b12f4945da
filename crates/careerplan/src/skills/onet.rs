//! Import O*NET's skill and knowledge ratings as a role catalog.
//!
//! O*NET (the U.S. Department of Labor's occupational database) rates every
//! occupation on 35 skills (`Skills.txt`) and 33 knowledge areas
//! (`Knowledge.txt`), each on two scales: importance `IM` (1 to 5) and level
//! `LV` (0 to 7). Its files are tab-separated with a header row; titles and
//! descriptions are in `Occupation Data.txt`. The library does no file I/O:
//! read the files (named by [`SKILLS_FILE`], [`KNOWLEDGE_FILE`],
//! [`OCCUPATIONS_FILE`]) and pass their text to [`import`].
//!
//! # Mapping
//! - One [`Role`] per O*NET-SOC code that has ratings; `id` is the code
//!   (`11-1011.00`), `title` and `description` come from `Occupation Data.txt`
//!   (a code without a title there keeps the code as title and is listed in
//!   [`OnetStats::missing_titles`]).
//! - One [`Requirement`] per element: `level` is the `LV` value on the
//!   `onet-level-0-7` scale, `importance` the `IM` value (so importance is
//!   the weight), `required` (must-have) when importance is at least
//!   [`OnetOptions::must_have_importance`] (default 4, "very important"),
//!   `external_id` the element id (`2.A.1.a`). Skill names come from the
//!   vocabulary by element id, else O*NET's element name; the knowledge area
//!   *Mathematics* is named `Mathematics (knowledge)` to keep it apart from the
//!   skill *Mathematics*.
//! - An element with only one of its two ratings is left out and counted in
//!   [`OnetStats::incomplete`].
//!
//! # Flags
//! - **Not Relevant** (`Y` on an `LV` row): O*NET judges the level
//!   meaningless because the element hardly matters for the occupation. By
//!   default the requirement is **dropped** ([`FlagPolicy::Drop`]): a person
//!   without, say, *Repairing* should not lose readiness for Chief Executive.
//!   With [`FlagPolicy::Keep`] it stays, with the level as rated.
//! - **Recommend Suppress** (`Y` on an `IM` or `LV` row): the estimate is
//!   imprecise (large standard error or few raters). By default the
//!   requirement is **kept** and marked `low_precision`, which gap reports
//!   repeat; [`FlagPolicy::Drop`] leaves it out.
//!
//! Both are counted in [`OnetStats`].
//!
//! # Attribution
//! Every imported role, and the catalog, carries [`attribution`]`(version)`,
//! the credit line the O*NET licence (CC BY 4.0) asks for; results derived
//! from the roles repeat it.

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::files::{self, FilesError, NamedFiles};
use super::names::{SkillVocabulary, fold};
use super::role::{Requirement, Role, RoleCatalog};
use crate::Error;
use crate::decimal::parse_f64;
use crate::plan::Extra;
use crate::text::SharedStr;

/// O*NET's skill ratings file.
pub const SKILLS_FILE: &str = "Skills.txt";
/// O*NET's knowledge ratings file.
pub const KNOWLEDGE_FILE: &str = "Knowledge.txt";
/// O*NET's occupation titles and descriptions.
pub const OCCUPATIONS_FILE: &str = "Occupation Data.txt";
/// O*NET's read-me, which names the database version.
pub const README_FILE: &str = "ONET_Read_Me.txt";

/// The scale of imported levels.
pub const LEVEL_SCALE: &str = "onet-level-0-7";

/// The attribution O*NET's licence asks for, without a version number; see
/// [`attribution`].
pub const ATTRIBUTION: &str = "This includes information from the O*NET Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. careerplan has modified all or some of this information. USDOL/ETA has not approved, endorsed, or tested these modifications.";

/// The attribution line for results derived from O*NET `version` (e.g.
/// `"29.2"`), or the versionless [`ATTRIBUTION`].
///
/// ```
/// let line = careerplan::skills::onet::attribution(Some("29.2"));
/// assert!(line.starts_with("This includes information from the O*NET 29.2 Database"));
/// ```
pub fn attribution(version: Option<&str>) -> String {
    match version {
        Some(v) if !v.trim().is_empty() => {
            ATTRIBUTION.replacen("O*NET Database", &format!("O*NET {} Database", v.trim()), 1)
        }
        _ => ATTRIBUTION.to_string(),
    }
}

/// The database version named in O*NET's read-me (`"O*NET 29.2 Database"`).
///
/// ```
/// let v = careerplan::skills::onet::detect_version("O*NET 29.2 Database\nFebruary 2025 Release");
/// assert_eq!(v.as_deref(), Some("29.2"));
/// ```
pub fn detect_version(readme: &str) -> Option<String> {
    readme.lines().find_map(|line| {
        let rest = line.trim().strip_prefix("O*NET ")?;
        let version = rest.split_whitespace().next()?;
        (version.chars().next()?.is_ascii_digit()
            && version.chars().all(|c| c.is_ascii_digit() || c == '.'))
        .then(|| version.to_string())
    })
}

/// What to do with ratings O*NET flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FlagPolicy {
    /// Keep the requirement (a suppressed one is marked `low_precision`).
    Keep,
    /// Leave the requirement out.
    Drop,
}

/// Options of [`import`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct OnetOptions {
    /// The database version, for the attribution line (see [`detect_version`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Ratings flagged Not Relevant (default: drop).
    pub not_relevant: FlagPolicy,
    /// Ratings flagged Recommend Suppress (default: keep, marked).
    pub recommend_suppress: FlagPolicy,
    /// Importance from which a requirement is a must-have (default 4).
    pub must_have_importance: f64,
    /// Copy occupation descriptions into the roles (default true).
    pub descriptions: bool,
}

impl Default for OnetOptions {
    fn default() -> Self {
        OnetOptions {
            version: None,
            not_relevant: FlagPolicy::Drop,
            recommend_suppress: FlagPolicy::Keep,
            must_have_importance: 4.0,
            descriptions: true,
        }
    }
}

/// The text of the O*NET files to import.
#[derive(Debug, Clone, Copy, Default)]
pub struct OnetSources<'a> {
    /// `Skills.txt`.
    pub skills: Option<&'a str>,
    /// `Knowledge.txt`.
    pub knowledge: Option<&'a str>,
    /// `Occupation Data.txt`.
    pub occupations: Option<&'a str>,
}

/// Counts of what an import did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OnetStats {
    /// Data rows read (headers excluded).
    pub rows: usize,
    /// Occupations imported as roles.
    pub occupations: usize,
    /// Requirements created.
    pub requirements: usize,
    /// Requirements left out because their level was flagged Not Relevant.
    pub not_relevant_dropped: usize,
    /// Requirements kept although flagged Not Relevant.
    pub not_relevant_kept: usize,
    /// Requirements left out because a rating was flagged Recommend Suppress.
    pub suppressed_dropped: usize,
    /// Requirements kept and marked `low_precision`.
    pub suppressed_kept: usize,
    /// Elements with an importance or a level but not both, left out.
    pub incomplete: usize,
    /// Rows on scales other than IM and LV, ignored.
    pub other_scale_rows: usize,
    /// Occupation codes with ratings but no title in `Occupation Data.txt`.
    pub missing_titles: Vec<String>,
}

/// The result of [`import`]: the catalog and what happened on the way.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OnetImport {
    /// One role per occupation.
    pub catalog: RoleCatalog,
    /// Counts.
    pub stats: OnetStats,
}

/// Build a role catalog from O*NET files; see the module docs for the
/// mapping and the flags. At least one of `skills` and `knowledge` must be
/// given.
///
/// ```
/// use careerplan::skills::onet::{import, OnetOptions, OnetSources};
/// let skills = "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tN\tStandard Error\tLower CI Bound\tUpper CI Bound\tRecommend Suppress\tNot Relevant\tDate\tDomain Source\n\
/// 11-1011.00\t2.A.1.a\tReading Comprehension\tIM\t4.12\t8\t0.125\t3.88\t4.37\tN\t\t08/2023\tAnalyst\n\
/// 11-1011.00\t2.A.1.a\tReading Comprehension\tLV\t4.62\t8\t0.183\t4.2664\t4.9836\tN\tN\t08/2023\tAnalyst\n";
/// let out = import(&OnetSources { skills: Some(skills), ..Default::default() }, &OnetOptions::default())?;
/// let req = &out.catalog.roles[0].requirements[0];
/// assert_eq!((req.skill.as_str(), req.level, req.importance, req.required), ("Reading Comprehension", 4.62, 4.12, true));
/// assert!(out.catalog.roles[0].attribution.is_some());
/// # Ok::<(), careerplan::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidTable`] (path `Skills.txt:LINE`) for a missing column, a
/// short row, a value that is not a number or lies outside its scale;
/// [`Error::InvalidArgument`] when neither ratings file is given or an option
/// is out of range.
pub fn import(sources: &OnetSources<'_>, options: &OnetOptions) -> Result<OnetImport, Error> {
    if !(options.must_have_importance.is_finite()) {
        return Err(Error::InvalidArgument {
            path: "options.must_have_importance".into(),
            message: format!("expected a number, got {}", options.must_have_importance),
        });
    }
    if sources.skills.is_none() && sources.knowledge.is_none() {
        return Err(Error::InvalidArgument {
            path: "sources".into(),
            message: format!("give at least one of {SKILLS_FILE} and {KNOWLEDGE_FILE}"),
        });
    }
    let mut acc = Accumulator::default();
    let mut stats = OnetStats::default();
    if let Some(text) = sources.skills {
        read_ratings(text, SKILLS_FILE, false, &mut acc, &mut stats)?;
    }
    if let Some(text) = sources.knowledge {
        read_ratings(text, KNOWLEDGE_FILE, true, &mut acc, &mut stats)?;
    }
    let titles = match sources.occupations {
        Some(text) => read_occupations(text)?,
        None => HashMap::new(),
    };
    // Each element's name and id made once, shared by its requirements.
    let names: Vec<SharedStr> = element_names(&acc.elements, SkillVocabulary::builtin())
        .iter()
        .map(|n| n.as_str().into())
        .collect();
    let ids: Vec<SharedStr> = acc.elements.iter().map(|e| e.id.into()).collect();
    let line = attribution(options.version.as_deref());
    let scale = SharedStr::from(LEVEL_SCALE);
    let mut roles = Vec::with_capacity(acc.roles.len());
    for (code, slots) in &acc.roles {
        let mut requirements = Vec::with_capacity(slots.len());
        for (e, slot) in slots.iter().enumerate() {
            let (Some(im), Some(lv)) = (slot.importance, slot.level) else {
                if slot.importance.is_some() || slot.level.is_some() {
                    stats.incomplete += 1;
                }
                continue;
            };
            if slot.not_relevant {
                match options.not_relevant {
                    FlagPolicy::Drop => {
                        stats.not_relevant_dropped += 1;
                        continue;
                    }
                    FlagPolicy::Keep => stats.not_relevant_kept += 1,
                }
            }
            if slot.suppress {
                match options.recommend_suppress {
                    FlagPolicy::Drop => {
                        stats.suppressed_dropped += 1;
                        continue;
                    }
                    FlagPolicy::Keep => stats.suppressed_kept += 1,
                }
            }
            requirements.push(Requirement {
                skill: names[e].clone(),
                level: lv,
                scale: scale.clone(),
                importance: im,
                required: im >= options.must_have_importance,
                external_id: Some(ids[e].clone()),
                low_precision: slot.suppress,
                extra: Extra::new(),
            });
        }
        stats.requirements += requirements.len();
        let (title, description) = match titles.get(code) {
            Some(&(t, d)) => (
                t.to_string(),
                Some(d).filter(|d| options.descriptions && !d.is_empty()),
            ),
            None => {
                stats.missing_titles.push(code.to_string());
                (code.to_string(), None)
            }
        };
        let mut role = Role::new(*code, title, requirements);
        role.description = description.map(str::to_string);
        role.attribution = Some(line.clone());
        roles.push(role);
    }
    stats.occupations = roles.len();
    let version = options
        .version
        .as_deref()
        .map(|v| format!("{v} "))
        .unwrap_or_default();
    let catalog = RoleCatalog {
        name: Some(format!("O*NET {version}occupations")),
        note: Some(format!(
            "Imported from O*NET {version}{}. Level = LV on onet-level-0-7, importance = IM (1-5), must-have from importance {}. Not Relevant ratings: {}; Recommend Suppress ratings: {}.",
            [
                sources.skills.map(|_| SKILLS_FILE),
                sources.knowledge.map(|_| KNOWLEDGE_FILE)
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" and "),
            options.must_have_importance,
            policy_words(options.not_relevant, "dropped", "kept"),
            policy_words(
                options.recommend_suppress,
                "dropped",
                "kept and marked low_precision"
            ),
        )),
        attribution: Some(line),
        roles,
        ..RoleCatalog::default()
    };
    Ok(OnetImport { catalog, stats })
}

fn policy_words(p: FlagPolicy, drop: &'static str, keep: &'static str) -> &'static str {
    match p {
        FlagPolicy::Drop => drop,
        FlagPolicy::Keep => keep,
    }
}

#[derive(Default, Clone, Copy)]
struct Slot {
    importance: Option<f64>,
    level: Option<f64>,
    not_relevant: bool,
    suppress: bool,
}

struct Element<'a> {
    id: &'a str,
    name: &'a str,
    knowledge: bool,
}

#[derive(Default)]
struct Accumulator<'a> {
    elements: Vec<Element<'a>>,
    element_index: HashMap<&'a str, usize>,
    /// Occupations in order of first appearance, each with one slot per element.
    roles: Vec<(&'a str, Vec<Slot>)>,
    role_index: HashMap<&'a str, usize>,
}

/// Column positions found in a header.
struct Columns {
    code: usize,
    element_id: usize,
    element_name: usize,
    scale: usize,
    value: usize,
    suppress: usize,
    not_relevant: usize,
    needed: usize,
}

fn header_columns(header: &str, file: &str) -> Result<Columns, Error> {
    let names: Vec<&str> = header.split('\t').map(str::trim).collect();
    let find = |name: &str| {
        names
            .iter()
            .position(|n| *n == name)
            .ok_or_else(|| Error::InvalidTable {
                path: format!("{file}:1"),
                message: format!(
                    "the header has no column {name:?}; is this an O*NET ratings file?"
                ),
            })
    };
    let c = Columns {
        code: find("O*NET-SOC Code")?,
        element_id: find("Element ID")?,
        element_name: find("Element Name")?,
        scale: find("Scale ID")?,
        value: find("Data Value")?,
        suppress: find("Recommend Suppress")?,
        not_relevant: find("Not Relevant")?,
        needed: 0,
    };
    let needed = [
        c.code,
        c.element_id,
        c.element_name,
        c.scale,
        c.value,
        c.suppress,
        c.not_relevant,
    ]
    .into_iter()
    .max()
    .unwrap_or(0)
        + 1;
    Ok(Columns { needed, ..c })
}

fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .enumerate()
        .map(|(i, l)| (i + 1, l))
}

/// Split on an ASCII byte by scanning bytes: for short fields this beats
/// `str::split` with a `char` pattern (whose searcher is set up per field);
/// slicing at an ASCII byte is always a char boundary.
fn split_byte(text: &str, sep: u8) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        match bytes[start..].iter().position(|&b| b == sep) {
            Some(i) => {
                let field = &text[start..start + i];
                start += i + 1;
                Some(field)
            }
            None => {
                done = true;
                Some(&text[start..])
            }
        }
    })
}

fn read_ratings<'a>(
    text: &'a str,
    file: &str,
    knowledge: bool,
    acc: &mut Accumulator<'a>,
    stats: &mut OnetStats,
) -> Result<(), Error> {
    let text = crate::text::strip_bom(text);
    let mut rows = lines(text);
    let header = rows.next().map(|(_, l)| l).unwrap_or("");
    let cols = header_columns(header, file)?;
    let mut fields: Vec<&str> = Vec::with_capacity(cols.needed);
    for (line_no, line) in rows {
        if line.trim().is_empty() {
            continue;
        }
        fields.clear();
        fields.extend(split_byte(line, b'\t').take(cols.needed));
        let bad = |message: String| Error::InvalidTable {
            path: format!("{file}:{line_no}"),
            message,
        };
        if fields.len() < cols.needed {
            return Err(bad(format!(
                "expected at least {} tab-separated columns, found {}",
                cols.needed,
                fields.len()
            )));
        }
        stats.rows += 1;
        let (is_importance, range) = match fields[cols.scale] {
            "IM" => (true, (1.0, 5.0)),
            "LV" => (false, (0.0, 7.0)),
            _ => {
                stats.other_scale_rows += 1;
                continue;
            }
        };
        let raw = fields[cols.value].trim();
        let value =
            parse_f64(raw).ok_or_else(|| bad(format!("Data Value {raw:?} is not a number")))?;
        if !(value.is_finite() && value >= range.0 && value <= range.1) {
            return Err(bad(format!(
                "Data Value {} is outside the {} scale ({} to {})",
                value, fields[cols.scale], range.0, range.1
            )));
        }
        let code = fields[cols.code].trim();
        let element_id = fields[cols.element_id].trim();
        if code.is_empty() || element_id.is_empty() {
            return Err(bad("empty O*NET-SOC Code or Element ID".into()));
        }
        let e = match acc.element_index.get(element_id) {
            Some(&e) => e,
            None => {
                acc.elements.push(Element {
                    id: element_id,
                    name: fields[cols.element_name].trim(),
                    knowledge,
                });
                acc.element_index.insert(element_id, acc.elements.len() - 1);
                acc.elements.len() - 1
            }
        };
        // Rows come grouped by occupation: check the last one first.
        let last = acc
            .roles
            .len()
            .checked_sub(1)
            .filter(|&r| acc.roles[r].0 == code);
        let r = match last.or_else(|| acc.role_index.get(code).copied()) {
            Some(r) => r,
            None => {
                acc.roles.push((code, Vec::new()));
                acc.role_index.insert(code, acc.roles.len() - 1);
                acc.roles.len() - 1
            }
        };
        let slots = &mut acc.roles[r].1;
        if slots.len() <= e {
            slots.resize(acc.elements.len().max(e + 1), Slot::default());
        }
        let slot = &mut slots[e];
        let flag = |i: usize| fields[i].trim() == "Y";
        let duplicate = if is_importance {
            slot.importance.replace(value).is_some()
        } else {
            slot.not_relevant = flag(cols.not_relevant);
            slot.level.replace(value).is_some()
        };
        if duplicate {
            return Err(bad(format!(
                "a second {} rating of {element_id} for {code}",
                fields[cols.scale]
            )));
        }
        slot.suppress |= flag(cols.suppress);
    }
    Ok(())
}

fn read_occupations(text: &str) -> Result<HashMap<&str, (&str, &str)>, Error> {
    let text = crate::text::strip_bom(text);
    let mut rows = lines(text);
    let header: Vec<&str> = rows
        .next()
        .map(|(_, l)| l)
        .unwrap_or("")
        .split('\t')
        .map(str::trim)
        .collect();
    let find = |name: &str| {
        header
            .iter()
            .position(|n| *n == name)
            .ok_or_else(|| Error::InvalidTable {
                path: format!("{OCCUPATIONS_FILE}:1"),
                message: format!("the header has no column {name:?}"),
            })
    };
    let (code, title) = (find("O*NET-SOC Code")?, find("Title")?);
    let description = header.iter().position(|n| *n == "Description");
    let mut out = HashMap::new();
    for (line_no, line) in rows {
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() <= code.max(title) {
            return Err(Error::InvalidTable {
                path: format!("{OCCUPATIONS_FILE}:{line_no}"),
                message: format!(
                    "expected at least {} tab-separated columns, found {}",
                    code.max(title) + 1,
                    fields.len()
                ),
            });
        }
        let d = description
            .and_then(|d| fields.get(d))
            .map_or("", |d| d.trim());
        out.insert(fields[code].trim(), (fields[title].trim(), d));
    }
    Ok(out)
}

/// Canonical names per element: the vocabulary's name for the element id,
/// else O*NET's name; a knowledge area whose name a skill already uses gets
/// ` (knowledge)` appended.
fn element_names(elements: &[Element<'_>], vocab: &SkillVocabulary) -> Vec<String> {
    let mut names: Vec<String> = elements
        .iter()
        .map(|e| vocab.by_external_id(e.id).unwrap_or(e.name).to_string())
        .collect();
    let skill_keys: std::collections::HashSet<String> = elements
        .iter()
        .zip(&names)
        .filter(|(e, _)| !e.knowledge)
        .map(|(_, n)| fold(n))
        .collect();
    for (e, name) in elements.iter().zip(names.iter_mut()) {
        if e.knowledge && skill_keys.contains(&fold(name)) {
            name.push_str(" (knowledge)");
        }
    }
    names
}

/// Import O*NET from its database files by name, as a directory holds
/// them: [`SKILLS_FILE`], [`KNOWLEDGE_FILE`] (unless `knowledge` is false),
/// [`OCCUPATIONS_FILE`] for titles, and [`README_FILE`] for the version in
/// the attribution (unless `options.version` is set). Absent files are
/// skipped, but at least one ratings file must be there. Every face reads
/// O*NET through this function, so each applies the same rules.
///
/// ```
/// use std::collections::BTreeMap;
/// use careerplan::skills::onet::{import_files, OnetOptions};
/// let mut files = BTreeMap::from([
///     ("Skills.txt".to_string(), "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tN\tStandard Error\tLower CI Bound\tUpper CI Bound\tRecommend Suppress\tNot Relevant\tDate\tDomain Source\n".to_string()),
///     ("ONET_Read_Me.txt".to_string(), "O*NET 29.2 Database\n".to_string()),
/// ]);
/// let out = import_files(&mut files, &OnetOptions::default(), true).map_err(|e| e.into_core())?;
/// assert!(out.catalog.attribution.unwrap().contains("O*NET 29.2 Database"));
/// # Ok::<(), careerplan::Error>(())
/// ```
///
/// # Errors
/// [`FilesError::Missing`] (code `invalid-argument`, path `files`) when
/// neither ratings file is there, [`FilesError::Read`] when the source
/// cannot read one, and [`FilesError::Invalid`] for what [`import`] refuses.
pub fn import_files<F: NamedFiles + ?Sized>(
    files: &mut F,
    options: &OnetOptions,
    knowledge: bool,
) -> Result<OnetImport, FilesError<F::Error>> {
    let skills = files::read(files, SKILLS_FILE)?;
    let knowledge = match knowledge {
        true => files::read(files, KNOWLEDGE_FILE)?,
        false => None,
    };
    if skills.is_none() && knowledge.is_none() {
        return Err(files::missing(format!(
            "no O*NET {SKILLS_FILE} or {KNOWLEDGE_FILE} found"
        )));
    }
    let occupations = files::read(files, OCCUPATIONS_FILE)?;
    let mut options = options.clone();
    if options.version.is_none() {
        options.version = files::read(files, README_FILE)?
            .as_deref()
            .and_then(detect_version);
    }
    let sources = OnetSources {
        skills: skills.as_deref(),
        knowledge: knowledge.as_deref(),
        occupations: occupations.as_deref(),
    };
    import(&sources, &options).map_err(FilesError::Invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tN\tStandard Error\tLower CI Bound\tUpper CI Bound\tRecommend Suppress\tNot Relevant\tDate\tDomain Source";

    fn file(rows: &[&str]) -> String {
        let mut s = String::from(HEADER);
        for r in rows {
            s.push('\n');
            s.push_str(&r.replace(' ', "\t"));
        }
        s
    }

    fn skills() -> String {
        file(&[
            "11-1011.00 2.A.1.a Reading_Comprehension IM 4.12 8 0.1 3 4 N  08/2023 Analyst",
            "11-1011.00 2.A.1.a Reading_Comprehension LV 4.62 8 0.1 4 5 N N 08/2023 Analyst",
            "11-1011.00 2.B.3.l Repairing IM 1.00 8 0 1 1 N  08/2023 Analyst",
            "11-1011.00 2.B.3.l Repairing LV 0.00 8 0 0 0 N Y 08/2023 Analyst",
            "11-1011.00 2.A.1.e Mathematics IM 2.50 8 0 1 1 N  08/2023 Analyst",
            "11-1011.00 2.A.1.e Mathematics LV 3.00 8 0 0 0 Y N 08/2023 Analyst",
            "15-1252.00 2.A.1.a Reading_Comprehension IM 3.50 8 0.1 3 4 N  08/2023 Analyst",
        ])
    }

    #[test]
    fn flags_follow_the_policies() {
        let src = skills();
        let sources = OnetSources {
            skills: Some(&src),
            ..Default::default()
        };
        let out = import(&sources, &OnetOptions::default()).unwrap();
        let ceo = &out.catalog.roles[0];
        assert_eq!(
            ceo.requirements.len(),
            2,
            "Repairing is Not Relevant and dropped"
        );
        assert_eq!(
            ceo.requirements[0].skill,
            "Reading_Comprehension".replace('_', " ")
        );
        assert!(ceo.requirements[1].low_precision);
        assert!(!ceo.requirements[1].required);
        assert_eq!(out.stats.not_relevant_dropped, 1);
        assert_eq!(out.stats.suppressed_kept, 1);
        assert_eq!(out.stats.incomplete, 1, "15-1252.00 has IM without LV");
        assert_eq!(out.stats.missing_titles, ["11-1011.00", "15-1252.00"]);
        let keep = OnetOptions {
            not_relevant: FlagPolicy::Keep,
            recommend_suppress: FlagPolicy::Drop,
            ..OnetOptions::default()
        };
        let out = import(&sources, &keep).unwrap();
        let names: Vec<&str> = out.catalog.roles[0]
            .requirements
            .iter()
            .map(|r| r.skill.as_str())
            .collect();
        assert_eq!(names, ["Reading Comprehension", "Repairing"]);
        assert_eq!(out.stats.suppressed_dropped, 1);
    }

    #[test]
    fn knowledge_mathematics_is_kept_apart() {
        let s = skills();
        let k = file(&[
            "11-1011.00 2.C.4.a Mathematics IM 3.00 8 0 1 1 N  08/2023 Incumbent",
            "11-1011.00 2.C.4.a Mathematics LV 4.00 8 0 1 1 N N 08/2023 Incumbent",
        ]);
        let occ = "O*NET-SOC Code\tTitle\tDescription\n11-1011.00\tChief Executives\tRun things.\n";
        let sources = OnetSources {
            skills: Some(&s),
            knowledge: Some(&k),
            occupations: Some(occ),
        };
        let out = import(
            &sources,
            &OnetOptions {
                version: Some("29.2".into()),
                ..OnetOptions::default()
            },
        )
        .unwrap();
        let ceo = &out.catalog.roles[0];
        assert_eq!(ceo.title, "Chief Executives");
        assert_eq!(ceo.description.as_deref(), Some("Run things."));
        assert!(
            ceo.requirements
                .iter()
                .any(|r| r.skill == "Mathematics (knowledge)")
        );
        assert!(ceo.requirements.iter().any(|r| r.skill == "Mathematics"));
        assert!(
            ceo.attribution
                .as_deref()
                .unwrap()
                .contains("O*NET 29.2 Database")
        );
        crate::skills::CompiledCatalog::new(&out.catalog, &Default::default()).unwrap();
    }

    #[test]
    fn bad_rows_are_reported_by_line() {
        let s = file(&["11-1011.00 2.A.1.a Reading IM high 8 0.1 3 4 N  08/2023 Analyst"]);
        let err = import(
            &OnetSources {
                skills: Some(&s),
                ..Default::default()
            },
            &OnetOptions::default(),
        )
        .unwrap_err();
        assert_eq!((err.code(), err.path()), ("invalid-table", "Skills.txt:2"));
        let s = file(&["11-1011.00 2.A.1.a Reading LV 7.5 8 0.1 3 4 N N 08/2023 Analyst"]);
        let err = import(
            &OnetSources {
                skills: Some(&s),
                ..Default::default()
            },
            &OnetOptions::default(),
        )
        .unwrap_err();
        assert!(err.to_string().contains("outside"), "{err}");
        let err = import(
            &OnetSources {
                skills: Some("a\tb\n"),
                ..Default::default()
            },
            &OnetOptions::default(),
        )
        .unwrap_err();
        assert_eq!(err.path(), "Skills.txt:1");
        let s = file(&["11-1011.00 2.A.1.a"]);
        let err = import(
            &OnetSources {
                skills: Some(&s),
                ..Default::default()
            },
            &OnetOptions::default(),
        )
        .unwrap_err();
        assert!(err.to_string().contains("columns"), "{err}");
        let err = import(&OnetSources::default(), &OnetOptions::default()).unwrap_err();
        assert_eq!(err.code(), "invalid-argument");
    }

    #[test]
    fn version_is_read_from_the_readme() {
        assert_eq!(
            detect_version("O*NET 29.2 Database\n").as_deref(),
            Some("29.2")
        );
        assert_eq!(detect_version("hello\nO*NET Center"), None);
        assert_eq!(attribution(None), ATTRIBUTION);
    }
}
