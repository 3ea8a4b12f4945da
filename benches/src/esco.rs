//! ESCO's official three-file CSV layout, written from the shared
//! `occupation_skill_relations_by_label.tsv.gz` (occupation URI, label, ISCO
//! code, relation type, skill label per row). The benchmark and the core's
//! scale test (`crates/careerplan/tests/esco.rs`, which includes this file)
//! both import what it writes.
//!
//! The TSV has no skill URIs, descriptions or alternative labels, so they are
//! made up deterministically: a skill's URI is
//! `http://data.europa.eu/esco/skill/<UUID-shaped FNV-1a hash of its label>`,
//! every occupation and skill gets a description with a comma (so it is
//! quoted, as ESCO's are) and every skill two alternative labels on two lines
//! of one quoted field, as ESCO writes them.

use std::collections::HashMap;

/// The three files of one language.
#[derive(Debug, Clone, Default)]
pub struct EscoFiles {
    /// `occupations_<lang>.csv`.
    pub occupations: String,
    /// `skills_<lang>.csv`.
    pub skills: String,
    /// `occupationSkillRelations_<lang>.csv`.
    pub relations: String,
    /// Occupations written.
    pub occupation_count: usize,
    /// Skills written.
    pub skill_count: usize,
    /// Relation rows written.
    pub relation_count: usize,
}

fn fnv(text: &str, seed: u64) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325_u64 ^ seed;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A UUID-shaped id from a label.
pub fn uuid_of(label: &str) -> String {
    let (a, b) = (fnv(label, 1), fnv(label, 2));
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xffff,
        b >> 48,
        b & 0xffff_ffff_ffff
    )
}

/// One CSV field, quoted when it must be.
fn field(out: &mut String, text: &str) {
    if text.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

fn row(out: &mut String, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(out, f);
    }
    out.push('\n');
}

impl EscoFiles {
    /// The three texts as `esco::import` reads them.
    pub fn sources(&self) -> careerplan::skills::esco::EscoSources<'_> {
        careerplan::skills::esco::EscoSources {
            occupations: &self.occupations,
            skills: &self.skills,
            relations: &self.relations,
        }
    }
}

/// The three files from the TSV's text (with its header row).
pub fn esco_files_from_tsv(tsv: &str) -> EscoFiles {
    let mut files = EscoFiles::default();
    files.occupations.push_str("conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,description,code\n");
    files.skills.push_str("conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,hiddenLabels,status,modifiedDate,scopeNote,definition,inScheme,description\n");
    files
        .relations
        .push_str("occupationUri,occupationLabel,relationType,skillType,skillUri,skillLabel\n");
    let mut occupations: HashMap<String, ()> = HashMap::new();
    let mut skills: HashMap<String, String> = HashMap::new();
    let scheme = "http://data.europa.eu/esco/concept-scheme/occupations";
    for line in tsv.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [occ_uri, occ_label, isco, relation, skill_label] = cols[..] else {
            continue;
        };
        if !occupations.contains_key(occ_uri) {
            occupations.insert(occ_uri.to_string(), ());
            let description = format!(
                "{occ_label}s do the work of ISCO-08 unit group {isco}, as ESCO \"describes\" it."
            );
            let code = format!("{isco}.{}", occupations.len());
            row(
                &mut files.occupations,
                &[
                    "Occupation",
                    occ_uri,
                    isco,
                    occ_label,
                    "",
                    "",
                    "released",
                    "2023-01-01T00:00:00Z",
                    "",
                    "",
                    "",
                    scheme,
                    &description,
                    &code,
                ],
            );
        }
        let skill_uri = match skills.get(skill_label) {
            Some(uri) => uri.clone(),
            None => {
                let uri = format!("http://data.europa.eu/esco/skill/{}", uuid_of(skill_label));
                let alt = format!("{skill_label} skills\nability in {skill_label}");
                let description = format!("Knowledge of, or ability in, {skill_label}.");
                row(
                    &mut files.skills,
                    &[
                        "KnowledgeSkillCompetence",
                        &uri,
                        "skill/competence",
                        "sector-specific",
                        skill_label,
                        &alt,
                        "",
                        "released",
                        "2023-01-01T00:00:00Z",
                        "",
                        "",
                        "http://data.europa.eu/esco/concept-scheme/skills",
                        &description,
                    ],
                );
                skills.insert(skill_label.to_string(), uri.clone());
                uri
            }
        };
        row(
            &mut files.relations,
            &[
                occ_uri,
                occ_label,
                relation,
                "skill/competence",
                &skill_uri,
                skill_label,
            ],
        );
        files.relation_count += 1;
    }
    files.occupation_count = occupations.len();
    files.skill_count = skills.len();
    files
}
