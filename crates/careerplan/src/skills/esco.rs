//! Import ESCO (the European Skills, Competences, Qualifications and
//! Occupations classification) as a role catalog.
//!
//! ESCO's official CSV download holds, per language, `occupations_<lang>.csv`,
//! `skills_<lang>.csv` and `occupationSkillRelations_<lang>.csv`:
//! comma-separated, a header row, fields quoted when they hold a comma, a
//! quote (doubled) or a line break (alternative labels are one per line
//! inside one quoted field). Columns are found by name, so any ESCO version
//! and language reads: `conceptUri`, `preferredLabel` (both files),
//! `altLabels`, `description`, `iscoGroup` (occupations), `skillType`
//! (skills), and `occupationUri`, `relationType`, `skillUri` (relations).
//! The library does no file I/O: read the three files and pass their text to
//! [`import`].
//!
//! # Mapping
//! - One [`Role`] per occupation with at least one skill relation (others are
//!   counted in [`EscoStats::occupations_without_skills`]): `id` is the last
//!   segment of the occupation URI (its UUID), `external_id` the full URI,
//!   `title` the preferred label, `description` the description, `family`
//!   the ISCO-08 unit group (`iscoGroup`).
//! - One [`Requirement`] per relation: **essential** skills are must-haves
//!   (`required`) with importance [`EscoOptions::essential_importance`]
//!   (default 4, "very important" on O*NET's 1-5 convention); **optional**
//!   skills are nice-to-haves with [`EscoOptions::optional_importance`]
//!   (default 2). `external_id` is the skill URI, `skill` its preferred label.
//! - **Levels.** ESCO says *which* skills an occupation needs, not *how
//!   well*. Every requirement gets [`EscoOptions::level`] on
//!   [`EscoOptions::scale`]: by default level 3, "competent", on `dreyfus-5`
//!   (plans deliberately and owns outcomes: what an occupation expects of
//!   someone who practises it independently). Readiness against an ESCO role
//!   therefore measures breadth at a working level; set your own level or
//!   scale when you know better.
//! - **Aliases.** Each skill's alternative labels become catalog aliases
//!   (`alias -> preferred label`), so a profile that says "JS" or "team
//!   leadership" meets the requirement. An alternative label that another
//!   skill uses as its name, or that two skills share, is left out and
//!   counted in [`EscoStats::ambiguous_aliases`].
//! - **Names stay apart.** Two skills whose labels compare equal after
//!   normalisation (and the built-in vocabulary's aliases) would be one skill
//!   to the gap engine; the later one is named `label (knowledge)` when it is
//!   a knowledge concept, else `label (<first 8 characters of its UUID>)`,
//!   counted in [`EscoStats::renamed_skills`]. A relation repeated for the
//!   same occupation and skill counts once (essential if either row is) and
//!   is counted in [`EscoStats::duplicate_relations`].
//! - Relations naming an occupation or skill missing from its file are left
//!   out and counted; so are relation types other than essential and
//!   optional.
//!
//! # Attribution
//! ESCO is published by the European Commission; its licence asks users to
//! say so. Every imported role and the catalog carry [`ATTRIBUTION`], and
//! results derived from them repeat it.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::files::{self, FilesError, NamedFiles};
use super::names::SkillVocabulary;
use super::role::{Requirement, Role, RoleCatalog};
use crate::Error;
use crate::plan::Extra;
use crate::scale::ScaleRegistry;
use crate::text::SharedStr;

/// The statement ESCO's licence asks for.
pub const ATTRIBUTION: &str =
    "This service uses the ESCO classification of the European Commission.";

/// The file names of one language's download: `occupations_<lang>.csv`,
/// `skills_<lang>.csv`, `occupationSkillRelations_<lang>.csv`.
///
/// ```
/// let [o, s, r] = careerplan::skills::esco::file_names("en");
/// assert_eq!(r, "occupationSkillRelations_en.csv");
/// # let _ = (o, s);
/// ```
pub fn file_names(language: &str) -> [String; 3] {
    [
        format!("occupations_{language}.csv"),
        format!("skills_{language}.csv"),
        format!("occupationSkillRelations_{language}.csv"),
    ]
}

/// The language of a directory listing's ESCO files: the `<lang>` of the
/// first `occupationSkillRelations_<lang>.csv` among `names` (sorted, so
/// the choice is stable).
///
/// ```
/// let lang = careerplan::skills::esco::detect_language(["skills_de.csv", "occupationSkillRelations_de.csv"]);
/// assert_eq!(lang.as_deref(), Some("de"));
/// ```
pub fn detect_language<'a>(names: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut found: Vec<&str> = names
        .into_iter()
        .filter_map(|n| {
            n.strip_prefix("occupationSkillRelations_")?
                .strip_suffix(".csv")
        })
        .filter(|l| !l.is_empty())
        .collect();
    crate::sort::sort(&mut found);
    found.first().map(|l| (*l).to_string())
}

/// Options of [`import`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct EscoOptions {
    /// The level every requirement gets (ESCO has none; default 3).
    pub level: f64,
    /// The built-in scale of `level` (default `dreyfus-5`).
    pub scale: String,
    /// Importance of essential skills (default 4).
    pub essential_importance: f64,
    /// Importance of optional skills (default 2).
    pub optional_importance: f64,
    /// Import optional skills too (default true).
    pub optional: bool,
    /// Copy occupation descriptions into the roles (default true).
    pub descriptions: bool,
    /// Turn alternative labels into aliases (default true).
    pub aliases: bool,
    /// The ESCO version, for the catalog's note (e.g. `"1.2.0"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// The language of the files, for error paths (`occupations_<lang>.csv`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

impl Default for EscoOptions {
    fn default() -> Self {
        EscoOptions {
            level: 3.0,
            scale: "dreyfus-5".into(),
            essential_importance: 4.0,
            optional_importance: 2.0,
            optional: true,
            descriptions: true,
            aliases: true,
            version: None,
            language: None,
        }
    }
}

/// The text of the three ESCO files.
#[derive(Debug, Clone, Copy, Default)]
pub struct EscoSources<'a> {
    /// `occupations_<lang>.csv`.
    pub occupations: &'a str,
    /// `skills_<lang>.csv`.
    pub skills: &'a str,
    /// `occupationSkillRelations_<lang>.csv`.
    pub relations: &'a str,
}

/// Counts of what an import did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EscoStats {
    /// Occupation rows read.
    pub occupation_rows: usize,
    /// Skill rows read.
    pub skill_rows: usize,
    /// Relation rows read.
    pub relation_rows: usize,
    /// Occupations imported as roles.
    pub occupations: usize,
    /// Requirements created.
    pub requirements: usize,
    /// Of which essential (must-haves).
    pub essential: usize,
    /// Of which optional.
    pub optional: usize,
    /// Optional relations left out (`optional: false`).
    pub optional_dropped: usize,
    /// Occupations with no skill relation, not imported.
    pub occupations_without_skills: usize,
    /// Relations repeated for the same occupation and skill.
    pub duplicate_relations: usize,
    /// Relations whose occupation is not in the occupations file.
    pub unknown_occupations: usize,
    /// Relations whose skill is not in the skills file.
    pub unknown_skills: usize,
    /// Relations of another type than essential or optional.
    pub other_relation_types: usize,
    /// Aliases added.
    pub aliases: usize,
    /// Alternative labels left out as ambiguous.
    pub ambiguous_aliases: usize,
    /// Skills renamed to keep equal labels apart.
    pub renamed_skills: usize,
}

/// The result of [`import`]: the catalog and what happened on the way.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EscoImport {
    /// One role per occupation.
    pub catalog: RoleCatalog,
    /// Counts.
    pub stats: EscoStats,
}

/// Build a role catalog from ESCO's three CSV files; see the module docs.
///
/// ```
/// use careerplan::skills::esco::{import, EscoOptions, EscoSources};
/// let occupations = "conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,description\n\
///     Occupation,http://data.europa.eu/esco/occupation/o1,2511,data scientist,,\"Analyses data, builds models.\"\n";
/// let skills = "conceptType,conceptUri,skillType,preferredLabel,altLabels\n\
///     KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/s1,skill/competence,data mining,\"mine data\nKDD\"\n";
/// let relations = "occupationUri,relationType,skillType,skillUri\n\
///     http://data.europa.eu/esco/occupation/o1,essential,skill/competence,http://data.europa.eu/esco/skill/s1\n";
/// let out = import(&EscoSources { occupations, skills, relations }, &EscoOptions::default())?;
/// let role = &out.catalog.roles[0];
/// assert_eq!((role.id.as_str(), role.title.as_str()), ("o1", "data scientist"));
/// let req = &role.requirements[0];
/// assert_eq!((req.skill.as_str(), req.level, req.required), ("data mining", 3.0, true));
/// assert_eq!(out.catalog.aliases["KDD"], "data mining");
/// # Ok::<(), careerplan::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidTable`] (path `<file>:LINE`) for a missing column, a row
/// with too few fields, an empty URI or an unterminated quote;
/// [`Error::InvalidArgument`] (path `options.<field>`) for an unknown scale,
/// a level outside it or a non-positive importance.
pub fn import(sources: &EscoSources<'_>, options: &EscoOptions) -> Result<EscoImport, Error> {
    let registry = ScaleRegistry::with_custom(&[]);
    let scale = registry.require(&options.scale, "options.scale")?;
    if !scale.contains(options.level) {
        return Err(Error::InvalidArgument {
            path: "options.level".into(),
            message: format!(
                "{} is outside the scale {} ({} to {})",
                options.level, scale.id, scale.min, scale.max
            ),
        });
    }
    for (field, v) in [
        ("essential_importance", options.essential_importance),
        ("optional_importance", options.optional_importance),
    ] {
        if !(v.is_finite() && v > 0.0) {
            return Err(Error::InvalidArgument {
                path: format!("options.{field}"),
                message: format!("expected a positive number, got {}", v),
            });
        }
    }
    let names = match &options.language {
        Some(l) => file_names(l),
        None => file_names("<lang>"),
    };
    let mut stats = EscoStats::default();

    // Skills.
    let rows = rows_hint(sources.skills);
    let mut skills: Vec<Skill<'_>> = Vec::with_capacity(rows);
    let mut skill_tails = Tails::with_capacity(rows);
    let mut indexed = Vec::with_capacity(rows);
    {
        let mut table = Table::new(sources.skills, &names[1])?;
        let uri = table.column("conceptUri")?;
        let label = table.column("preferredLabel")?;
        let alt = table.optional_column("altLabels");
        let kind = table.optional_column("skillType");
        let mut fields = Vec::new();
        while let Some(line) = table.next(&mut fields)? {
            stats.skill_rows += 1;
            let u = table.uri(&fields, uri, line)?;
            let take = |c: Option<usize>| {
                c.and_then(|c| fields.get(c))
                    .cloned()
                    .unwrap_or(Cow::Borrowed(""))
            };
            if skill_tails.check(u).map_err(|m| table.bad(line, m))? {
                indexed.push(skills.len() as u32);
            }
            skills.push(Skill {
                uri: u,
                label: trim_cow(table.get(&fields, label, line)?),
                alt: take(alt),
                knowledge: take(kind).trim() == "knowledge",
                name: None,
                used: false,
            });
        }
    }
    let skill_uris = Packed::new(skills.iter().map(|s| s.uri));
    let skill_index = skill_uris.index(&indexed);

    // Occupations.
    let rows = rows_hint(sources.occupations);
    let mut occupations: Vec<Occupation<'_>> = Vec::with_capacity(rows);
    let mut occupation_tails = Tails::with_capacity(rows);
    let mut indexed = Vec::with_capacity(rows);
    {
        let mut table = Table::new(sources.occupations, &names[0])?;
        let uri = table.column("conceptUri")?;
        let label = table.column("preferredLabel")?;
        let description = table.optional_column("description");
        let isco = table.optional_column("iscoGroup");
        let mut fields = Vec::new();
        while let Some(line) = table.next(&mut fields)? {
            stats.occupation_rows += 1;
            let u = table.uri(&fields, uri, line)?;
            let take = |c: Option<usize>| c.and_then(|c| fields.get(c)).cloned();
            if occupation_tails.check(u).map_err(|m| table.bad(line, m))? {
                indexed.push(occupations.len() as u32);
            }
            occupations.push(Occupation {
                uri: u,
                title: table.get(&fields, label, line)?.clone(),
                description: take(description),
                isco: take(isco),
                links: Vec::new(),
            });
        }
    }
    let occupation_uris = Packed::new(occupations.iter().map(|o| o.uri));
    let occupation_index = occupation_uris.index(&indexed);

    // Relations: (skill, essential) per occupation, repeats merged through a
    // per-skill stamp: the last occupation that linked it, and where. The
    // stamps are a vector of their own, small enough to stay in cache.
    let mut stamps: Vec<(u32, u32)> = vec![(u32::MAX, 0); skills.len()];
    {
        // ESCO writes an occupation's relations on consecutive rows: the
        // previous row's look-up answers most rows with one comparison of
        // text already in cache.
        let mut last_occupation: Option<(&str, Option<u32>)> = None;
        let mut table = Table::new(sources.relations, &names[2])?;
        let occ = table.column("occupationUri")?;
        let rel = table.column("relationType")?;
        let skill = table.column("skillUri")?;
        let mut fields = Vec::new();
        while let Some(line) = table.next(&mut fields)? {
            stats.relation_rows += 1;
            let (occ_uri, skill_uri) = (
                table.uri(&fields, occ, line)?,
                table.uri(&fields, skill, line)?,
            );
            // Trimmed only when it is not one of the two words already.
            let relation = match table.get(&fields, rel, line)?.as_ref() {
                word @ ("essential" | "optional") => word,
                other => other.trim(),
            };
            let essential = match relation {
                "essential" => true,
                "optional" => false,
                _ => {
                    stats.other_relation_types += 1;
                    continue;
                }
            };
            let o = match last_occupation {
                Some((uri, o)) if uri == occ_uri => o,
                _ => {
                    let o = occupation_index.get(occ_uri).copied();
                    last_occupation = Some((occ_uri, o));
                    o
                }
            };
            let Some(o) = o else {
                stats.unknown_occupations += 1;
                continue;
            };
            let Some(&s) = skill_index.get(skill_uri) else {
                stats.unknown_skills += 1;
                continue;
            };
            if !essential && !options.optional {
                stats.optional_dropped += 1;
                continue;
            }
            let links = &mut occupations[o as usize].links;
            let stamp = &mut stamps[s as usize];
            if stamp.0 == o {
                stats.duplicate_relations += 1;
                links[stamp.1 as usize].1 |= essential;
                continue;
            }
            *stamp = (o, links.len() as u32);
            links.push((s, essential));
        }
    }
    for (s, stamp) in skills.iter_mut().zip(&stamps) {
        s.used = stamp.0 != u32::MAX;
    }

    // Names: equal labels (after normalisation and the vocabulary) apart.
    let vocab = SkillVocabulary::builtin();
    let mut keys: FastMap<String, u32> = fast_map(skills.len());
    for (i, s) in skills.iter_mut().enumerate() {
        if !s.used {
            continue;
        }
        let key = vocab.key(&s.label);
        if let Some(&first) = keys.get(&key)
            && first != i as u32
        {
            let tail: String = s
                .uri
                .rsplit('/')
                .next()
                .unwrap_or(s.uri)
                .chars()
                .take(8)
                .collect();
            let mut name = if s.knowledge {
                format!("{} (knowledge)", s.label)
            } else {
                format!("{} ({tail})", s.label)
            };
            if keys.contains_key(&vocab.key(&name)) {
                name = format!("{} ({tail})", s.label);
            }
            keys.insert(vocab.key(&name), i as u32);
            s.name = Some(name);
            stats.renamed_skills += 1;
        } else {
            keys.insert(key, i as u32);
        }
    }

    // Each linked skill's name and URI, made once: its requirements share
    // them (and the aliases copy the name).
    let unused = SharedStr::default();
    let shared: Vec<(SharedStr, SharedStr)> = skills
        .iter()
        .map(|s| match s.used {
            true => (s.display().into(), s.uri.into()),
            false => (unused.clone(), unused.clone()),
        })
        .collect();
    let scale = SharedStr::from(options.scale.as_str());

    // Aliases from alternative labels, each folded once.
    let mut aliases: BTreeMap<String, String> = BTreeMap::new();
    if options.aliases {
        let mut alts: Vec<(u32, &str, String)> = Vec::new();
        for (i, s) in skills.iter().enumerate().filter(|(_, s)| s.used) {
            for alt in s.alt.split('\n').map(str::trim).filter(|a| !a.is_empty()) {
                alts.push((i as u32, alt, vocab.key(alt)));
            }
        }
        // Which skill each key belongs to; `None` once two skills claim it.
        let mut claimed: FastMap<&str, Option<u32>> = fast_map(alts.len());
        for (i, _, key) in &alts {
            match keys.get(key) {
                Some(k) if k != i => {
                    stats.ambiguous_aliases += 1;
                    continue;
                }
                Some(_) => continue, // the skill's own name
                None => {}
            }
            claimed
                .entry(key.as_str())
                .and_modify(|c| {
                    if *c != Some(*i) {
                        *c = None;
                    }
                })
                .or_insert(Some(*i));
        }
        // Each kept label with its first 16 bytes as a number, big-endian
        // and zero-padded: numbers compare as the labels' starts do, so the
        // sort compares text only when two labels start alike.
        let mut kept: Vec<(u128, &str, u32)> = Vec::with_capacity(alts.len());
        for (i, alt, key) in &alts {
            match claimed.get(key.as_str()) {
                Some(Some(k)) if k == i => kept.push((text_prefix(alt), alt, *i)),
                Some(None) => stats.ambiguous_aliases += 1,
                _ => {}
            }
        }
        // Sorted and then built in one pass, rather than by an insert at a
        // random place per alias. A label repeated (by one skill: two
        // skills would have made it ambiguous) is one alias.
        crate::sort::sort(&mut kept);
        kept.dedup_by_key(|(_, alt, _)| *alt);
        aliases = crate::sort::sorted_map(
            kept.into_iter()
                .map(|(_, alt, i)| (alt.to_owned(), shared[i as usize].0.as_str().to_owned())),
        );
        stats.aliases = aliases.len();
    }

    // Roles.
    let mut roles = Vec::with_capacity(occupations.len());
    for o in &occupations {
        if o.links.is_empty() {
            stats.occupations_without_skills += 1;
            continue;
        }
        let mut requirements = Vec::with_capacity(o.links.len());
        for &(s, essential) in &o.links {
            if essential {
                stats.essential += 1;
            } else {
                stats.optional += 1;
            }
            let (name, uri) = &shared[s as usize];
            requirements.push(Requirement {
                skill: name.clone(),
                level: options.level,
                scale: scale.clone(),
                importance: if essential {
                    options.essential_importance
                } else {
                    options.optional_importance
                },
                required: essential,
                external_id: Some(uri.clone()),
                low_precision: false,
                extra: Extra::new(),
            });
        }
        stats.requirements += requirements.len();
        let id = uri_tail(o.uri);
        let mut role = Role::new(id, o.title.trim(), requirements);
        role.external_id = Some(o.uri.to_string());
        role.description = o
            .description
            .as_deref()
            .map(str::trim)
            .filter(|d| options.descriptions && !d.is_empty())
            .map(str::to_string);
        role.family = o
            .isco
            .as_deref()
            .map(str::trim)
            .filter(|g| !g.is_empty())
            .map(|g| format!("ISCO-08 {g}"));
        role.attribution = Some(ATTRIBUTION.to_string());
        roles.push(role);
    }
    stats.occupations = roles.len();

    let catalog = RoleCatalog {
        name: Some(match &options.version {
            Some(v) => format!("ESCO {v}"),
            None => "ESCO".to_string(),
        }),
        note: Some(format!(
            "Imported from ESCO: essential skills are must-haves (importance {}), optional ones nice-to-haves (importance {}). ESCO has no proficiency levels: every requirement is level {} on {}.",
            options.essential_importance, options.optional_importance, options.level, options.scale
        )),
        attribution: Some(ATTRIBUTION.to_string()),
        aliases,
        roles,
        ..RoleCatalog::default()
    };
    Ok(EscoImport { catalog, stats })
}

/// The first 16 bytes of `text` as a big-endian number, zeros after a
/// shorter text: `a < b` when `text_prefix(a) < text_prefix(b)`, and equal
/// numbers leave the order to the rest of the texts.
fn text_prefix(text: &str) -> u128 {
    let mut bytes = [0u8; 16];
    let n = text.len().min(16);
    bytes[..n].copy_from_slice(&text.as_bytes()[..n]);
    u128::from_be_bytes(bytes)
}

/// The last non-empty path segment of a URI (ESCO's UUID): "…/abc/" ends
/// in "abc"; a URI of slashes only is its own.
fn uri_tail(uri: &str) -> &str {
    let trimmed = uri.trim_end_matches('/');
    if trimmed.is_empty() {
        return uri;
    }
    memchr::memrchr(b'/', trimmed.as_bytes()).map_or(trimmed, |i| &trimmed[i + 1..])
}

/// The check that no two URIs of a file end in the same id: the id is a
/// role's id and a renamed skill's tag, so two would be an error, not a
/// silent merge.
struct Tails<'a>(FastMap<&'a str, &'a str>);

impl<'a> Tails<'a> {
    fn with_capacity(rows: usize) -> Self {
        Tails(fast_map(rows))
    }

    /// Whether `uri` is new (false for a repeated row: the first stands).
    fn check(&mut self, uri: &'a str) -> Result<bool, String> {
        match self.0.entry(uri_tail(uri)) {
            std::collections::hash_map::Entry::Occupied(e) => {
                let other = *e.get();
                if other == uri {
                    Ok(false)
                } else {
                    Err(format!("{uri} and {other} end in the same id"))
                }
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(uri);
                Ok(true)
            }
        }
    }
}

/// Strings copied side by side, one per row. What the relation rows look
/// up (URIs) and each requirement copies (skill names and URIs) is then
/// read from one block that stays in cache, not from all over a file of
/// several megabytes (those reads' cache misses were a tenth of the import's
/// profile).
struct Packed {
    text: String,
    ends: Vec<usize>,
}

impl Packed {
    fn new<'s>(items: impl Iterator<Item = &'s str> + Clone) -> Packed {
        let mut text = String::with_capacity(items.clone().map(str::len).sum());
        let ends = items
            .map(|s| {
                text.push_str(s);
                text.len()
            })
            .collect();
        Packed { text, ends }
    }

    fn get(&self, i: u32) -> &str {
        let i = i as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }

    /// The rows `rows` by their string (each string once: [`Tails::check`]
    /// keeps repeated rows out).
    fn index(&self, rows: &[u32]) -> FastMap<&str, u32> {
        let mut index = fast_map(rows.len());
        for &i in rows {
            index.insert(self.get(i), i);
        }
        index
    }
}

/// The import's hash maps. Their keys (URIs, folded labels) come from
/// the input, hundreds of thousands of look-ups per import: foldhash hashes
/// them several times faster than the default SipHash, and its per-map
/// random seed still keeps crafted files from forcing collisions. The
/// WebAssembly build keeps std's hasher: there the maps' own copy of the
/// hashing code cost 8.9 KB of the brotli-compressed module, over its budget.
type FastMap<K, V> = HashMap<K, V, FastHasher>;

#[cfg(not(target_arch = "wasm32"))]
type FastHasher = foldhash::fast::RandomState;
#[cfg(target_arch = "wasm32")]
type FastHasher = std::hash::RandomState;

fn fast_map<K, V>(capacity: usize) -> FastMap<K, V> {
    HashMap::with_capacity_and_hasher(capacity, FastHasher::default())
}

/// At least as many as the file's records (its line breaks; more when
/// quoted fields hold some): maps and vectors sized once are never rehashed
/// or copied while they fill.
fn rows_hint(text: &str) -> usize {
    memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1
}

/// `field` trimmed, still borrowed when it was.
fn trim_cow<'a>(field: &Cow<'a, str>) -> Cow<'a, str> {
    match field {
        Cow::Borrowed(s) => Cow::Borrowed(s.trim()),
        Cow::Owned(s) => Cow::Owned(s.trim().to_string()),
    }
}

struct Skill<'a> {
    uri: &'a str,
    /// The preferred label, trimmed once here rather than at each of its
    /// uses (one per requirement).
    label: Cow<'a, str>,
    alt: Cow<'a, str>,
    knowledge: bool,
    /// A name given to keep equal labels apart.
    name: Option<String>,
    /// A relation links it.
    used: bool,
}

impl Skill<'_> {
    fn display(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.label)
    }
}

struct Occupation<'a> {
    uri: &'a str,
    title: Cow<'a, str>,
    description: Option<Cow<'a, str>>,
    isco: Option<Cow<'a, str>>,
    links: Vec<(u32, bool)>,
}

/// A CSV table (RFC 4180: comma-separated, `"` quotes, `""` inside quotes,
/// line breaks inside quoted fields, LF or CRLF) read record by record. A
/// line without a quote is split in place (the common case: ESCO's relation
/// rows); quoted fields borrow the text unless they hold a doubled quote.
struct Table<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
    file: &'a str,
    header: Vec<String>,
}

impl<'a> Table<'a> {
    fn new(text: &'a str, file: &'a str) -> Result<Table<'a>, Error> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut table = Table {
            text,
            pos: 0,
            line: 1,
            file,
            header: Vec::new(),
        };
        let mut fields = Vec::new();
        if table.next(&mut fields)?.is_none() {
            return Err(table.bad(1, "the file is empty; expected a header row".into()));
        }
        table.header = fields.iter().map(|f| f.trim().to_string()).collect();
        Ok(table)
    }

    fn bad(&self, line: usize, message: String) -> Error {
        Error::InvalidTable {
            path: format!("{}:{line}", self.file),
            message,
        }
    }

    fn optional_column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    fn column(&self, name: &str) -> Result<usize, Error> {
        self.optional_column(name).ok_or_else(|| {
            self.bad(
                1,
                format!("the header has no column {name:?}; is this an ESCO CSV file?"),
            )
        })
    }

    fn get<'f>(
        &self,
        fields: &'f [Cow<'a, str>],
        column: usize,
        line: usize,
    ) -> Result<&'f Cow<'a, str>, Error> {
        fields.get(column).ok_or_else(|| {
            self.bad(
                line,
                format!(
                    "expected at least {} comma-separated fields, found {}",
                    column + 1,
                    fields.len()
                ),
            )
        })
    }

    /// A URI field: borrowed (URIs hold no quotes) and not empty.
    fn uri(&self, fields: &[Cow<'a, str>], column: usize, line: usize) -> Result<&'a str, Error> {
        let value = match self.get(fields, column, line)? {
            // URIs hold no spaces; trim only what has some at its ends.
            Cow::Borrowed(s) if s.starts_with(' ') || s.ends_with(' ') => s.trim(),
            Cow::Borrowed(s) => s,
            Cow::Owned(_) => "",
        };
        if value.is_empty() {
            return Err(self.bad(
                line,
                format!("empty or malformed {:?}", self.header[column]),
            ));
        }
        Ok(value)
    }

    /// The next non-blank record into `out`, with the line it starts on.
    fn next(&mut self, out: &mut Vec<Cow<'a, str>>) -> Result<Option<usize>, Error> {
        out.clear();
        loop {
            if self.pos >= self.text.len() {
                return Ok(None);
            }
            let start_line = self.line;
            // The line's end or a quote, whichever comes first, in one SIMD
            // search over the whole line; a quote makes it a case for the
            // full reader. A line without one (ESCO's relation rows, the
            // bulk of the download) is then split on its commas alone,
            // which is cheaper than stopping at every comma to look for
            // all three bytes.
            let rest = &self.text.as_bytes()[self.pos..];
            let end = match memchr::memchr2(b'\n', b'"', rest) {
                Some(i) if rest[i] == b'"' => {
                    self.quoted(out)?;
                    return Ok(Some(start_line));
                }
                Some(i) => i,
                None => rest.len(),
            };
            let line = &self.text[self.pos..self.pos + end];
            self.pos += end + 1;
            self.line += 1;
            // Blank only if it starts blank (a row starts with a URI).
            if line.chars().next().is_none_or(char::is_whitespace) && line.trim().is_empty() {
                continue;
            }
            let line = line.strip_suffix('\r').unwrap_or(line);
            let mut field_start = 0;
            for i in memchr::memchr_iter(b',', line.as_bytes()) {
                out.push(Cow::Borrowed(&line[field_start..i]));
                field_start = i + 1;
            }
            out.push(Cow::Borrowed(&line[field_start..]));
            return Ok(Some(start_line));
        }
    }

    /// Read one record that has quotes, from `pos`.
    fn quoted(&mut self, out: &mut Vec<Cow<'a, str>>) -> Result<(), Error> {
        let text = self.text;
        let bytes = text.as_bytes();
        let start_line = self.line;
        let mut i = self.pos;
        loop {
            // One field starting at i.
            if bytes.get(i) == Some(&b'"') {
                let open = i + 1;
                let mut j = open;
                let mut owned: Option<String> = None;
                loop {
                    let Some(k) = memchr::memchr(b'"', &bytes[j..]).map(|k| k + j) else {
                        return Err(self.bad(start_line, "a quoted field is not closed".into()));
                    };
                    self.line += memchr::memchr_iter(b'\n', &bytes[j..k]).count();
                    if bytes.get(k + 1) == Some(&b'"') {
                        owned.get_or_insert_with(String::new).push_str(&text[j..=k]);
                        j = k + 2;
                        continue;
                    }
                    let field = match owned.take() {
                        Some(mut s) => {
                            s.push_str(&text[j..k]);
                            Cow::Owned(s)
                        }
                        None => Cow::Borrowed(&text[open..k]),
                    };
                    out.push(field);
                    i = k + 1;
                    break;
                }
                // After a closing quote: a comma, the end of the record, or
                // stray text up to the next comma (kept, as readers do).
                let stop = memchr::memchr2(b',', b'\n', &bytes[i..]).map_or(text.len(), |k| k + i);
                if stop > i {
                    let stray = text[i..stop].trim_end_matches('\r');
                    if !stray.is_empty()
                        && let Some(last) = out.pop()
                    {
                        out.push(Cow::Owned(format!("{last}{stray}")));
                    }
                }
                i = stop;
            } else {
                let stop = memchr::memchr2(b',', b'\n', &bytes[i..]).map_or(text.len(), |k| k + i);
                let field = &text[i..stop];
                out.push(Cow::Borrowed(field.strip_suffix('\r').unwrap_or(field)));
                i = stop;
            }
            match bytes.get(i) {
                Some(b',') => i += 1,
                Some(b'\n') => {
                    self.line += 1;
                    self.pos = i + 1;
                    return Ok(());
                }
                _ => {
                    self.pos = text.len();
                    return Ok(());
                }
            }
            if i >= text.len() {
                // A trailing comma at the very end: one more empty field.
                out.push(Cow::Borrowed(""));
                self.pos = text.len();
                return Ok(());
            }
        }
    }
}

/// Import ESCO from its CSV download by name, as a directory holds it: the
/// language is that of the first `occupationSkillRelations_<lang>.csv`
/// among the names ([`detect_language`]; it fills `options.language` when
/// unset), and the three files of [`file_names`] must all be there. Every
/// face reads an ESCO directory through this function.
///
/// ```
/// use std::collections::BTreeMap;
/// use careerplan::skills::esco::{import_files, EscoOptions};
/// use careerplan::skills::files::FilesError;
/// let mut files = BTreeMap::from([
///     ("occupationSkillRelations_de.csv".to_string(), String::new()),
///     ("occupations_de.csv".to_string(), String::new()),
/// ]);
/// let Err(FilesError::Missing(err)) = import_files(&mut files, &EscoOptions::default()) else {
///     panic!("skills_de.csv is missing")
/// };
/// assert!(err.message().contains("skills_de.csv"));
/// ```
///
/// # Errors
/// [`FilesError::Missing`] (code `invalid-argument`, path `files`) when no
/// relations file or one of the three is not there, [`FilesError::Read`]
/// when the source cannot read one, and [`FilesError::Invalid`] for what
/// [`import`] refuses.
pub fn import_files<F: NamedFiles + ?Sized>(
    files: &mut F,
    options: &EscoOptions,
) -> Result<EscoImport, FilesError<F::Error>> {
    let names = files.names().map_err(FilesError::Read)?;
    let Some(language) = detect_language(names.iter().map(String::as_str)) else {
        return Err(files::missing(
            "no ESCO occupationSkillRelations_<lang>.csv found".into(),
        ));
    };
    let [o, s, r] = file_names(&language);
    let mut text = |name: &str| match files::read(files, name)? {
        Some(text) => Ok(text),
        None => Err(files::missing(format!("no ESCO {name} found"))),
    };
    let (occupations, skills, relations) = (text(&o)?, text(&s)?, text(&r)?);
    let mut options = options.clone();
    options.language.get_or_insert(language);
    let sources = EscoSources {
        occupations: &occupations,
        skills: &skills,
        relations: &relations,
    };
    import(&sources, &options).map_err(FilesError::Invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(text: &str) -> Vec<Vec<String>> {
        let mut t = Table::new(text, "t.csv").unwrap();
        let mut out = vec![t.header.clone()];
        let mut fields = Vec::new();
        while t.next(&mut fields).unwrap().is_some() {
            out.push(fields.iter().map(|f| f.to_string()).collect());
        }
        out
    }

    #[test]
    fn csv_quotes_commas_and_line_breaks() {
        let text =
            "a,b,c\r\n1,\"x, y\",\"he said \"\"hi\"\"\"\r\n\n\"multi\nline\",,z\n\"q\"tail,2,3";
        assert_eq!(
            records(text),
            [
                vec!["a", "b", "c"],
                vec!["1", "x, y", "he said \"hi\""],
                vec!["multi\nline", "", "z"],
                vec!["qtail", "2", "3"],
            ]
        );
        let mut t = Table::new("a\n\"open\nforever", "t.csv").unwrap();
        let err = t.next(&mut Vec::new()).unwrap_err();
        assert_eq!((err.code(), err.path()), ("invalid-table", "t.csv:2"));
        let err = Table::new("", "t.csv").err().unwrap();
        assert_eq!(err.path(), "t.csv:1");
    }

    #[test]
    fn line_numbers_count_breaks_inside_quotes() {
        let mut t = Table::new("h\n\"a\nb\"\nc\n", "t.csv").unwrap();
        let mut f = Vec::new();
        assert_eq!(t.next(&mut f).unwrap(), Some(2));
        assert_eq!(t.next(&mut f).unwrap(), Some(4));
        assert_eq!(t.next(&mut f).unwrap(), None);
    }

    #[test]
    fn uris_ending_in_one_id_are_an_error_a_repeated_row_is_not() {
        let occupations = "conceptUri,preferredLabel\nhttp://x/o/1,cook\n";
        let relations =
            "occupationUri,relationType,skillUri\nhttp://x/o/1,essential,http://x/s/1\n";
        let skills = "conceptUri,preferredLabel\nhttp://x/s/1,baking\nhttp://x/s/1,frying\n";
        let sources = EscoSources {
            occupations,
            skills,
            relations,
        };
        let out = import(&sources, &EscoOptions::default()).unwrap();
        assert_eq!(out.catalog.roles[0].requirements[0].skill, "baking");
        let skills = "conceptUri,preferredLabel\nhttp://x/s/1,baking\nhttp://y/s/1,frying\n";
        let err = import(&EscoSources { skills, ..sources }, &EscoOptions::default()).unwrap_err();
        assert_eq!(err.path(), "skills_<lang>.csv:3");
        assert!(err.to_string().contains("end in the same id"), "{err}");
    }

    #[test]
    fn text_prefixes_order_as_the_texts_do() {
        let texts = [
            "",
            "a",
            "a\0",
            "a\0b",
            "ab",
            "ability in x",
            "ability in y",
            "ability in data mining",
            "ability in data minin",
            "b",
            "\u{e9}",
            "zz",
        ];
        for a in texts {
            for b in texts {
                let by_prefix = (text_prefix(a), a).cmp(&(text_prefix(b), b));
                assert_eq!(by_prefix, a.cmp(b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn uri_tail_is_the_last_non_empty_segment() {
        for uri in [
            "http://x/a/b",
            "http://x/a/b/",
            "b",
            "b//",
            "/b",
            "///",
            "",
            "http://x/a//b",
        ] {
            let old = uri.rsplit('/').find(|x| !x.is_empty()).unwrap_or(uri);
            assert_eq!(uri_tail(uri), old, "{uri:?}");
        }
    }

    #[test]
    fn options_are_checked() {
        let src = EscoSources::default();
        let bad = EscoOptions {
            level: 9.0,
            ..EscoOptions::default()
        };
        assert_eq!(import(&src, &bad).unwrap_err().path(), "options.level");
        let bad = EscoOptions {
            scale: "nope".into(),
            ..EscoOptions::default()
        };
        assert_eq!(import(&src, &bad).unwrap_err().path(), "options.scale");
        let bad = EscoOptions {
            optional_importance: 0.0,
            ..EscoOptions::default()
        };
        assert_eq!(
            import(&src, &bad).unwrap_err().path(),
            "options.optional_importance"
        );
    }
}
