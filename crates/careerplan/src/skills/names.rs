//! Skill names: normalisation, aliases and external ids.
//!
//! People, catalogs and O*NET spell one skill many ways: `"Project
//! Management"`, `"project-management"`, `"PROJECT MANAGEMENT "`, `"JS"` for
//! JavaScript. Two names denote the same skill when their *keys* are equal,
//! after an alias, if any, has replaced the name by its canonical form.
//!
//! # The key
//! [`fold`] computes it: Unicode compatibility decomposition (NFKD) with
//! combining marks removed (so `"Résumé"` and full-width letters match their
//! plain forms), lower case, `&` read as `and`, apostrophes dropped, and every
//! other character that is not a letter, digit, `+` or `#` treated as a word
//! break; runs of breaks become one space and the ends are trimmed. `+` and
//! `#` are kept because `C`, `C++` and `C#` are different skills.
//!
//! # The vocabulary
//! [`SkillVocabulary`] lists canonical skills with their aliases and external
//! ids (an O*NET element id such as `2.A.1.a`, an ESCO URI). The built-in one
//! is `data/skills.json`; catalogs and options add aliases on top of it
//! (`{"JS": "JavaScript"}`). A name that the vocabulary does not know is not an
//! error: it stands for itself, under its own key.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Error;

/// The comparison key of a skill name or level word; see the module docs.
///
/// ```
/// use careerplan::skills::names::fold;
/// assert_eq!(fold("  Project-Management "), "project management");
/// assert_eq!(fold("Résumé writing"), "resume writing");
/// assert_eq!(fold("R&D"), "r and d");
/// assert_ne!(fold("C++"), fold("C#"));
/// ```
pub fn fold(name: &str) -> String {
    if name.is_ascii() {
        // ASCII decomposes to itself: skip the table (most names, all of
        // ESCO's English labels).
        return fold_ascii(name);
    }
    let mut key = Key {
        text: String::with_capacity(name.len()),
        pending_space: false,
    };
    for c in name.chars() {
        super::decompose::decompose_without_marks(c, |d| key.push(d));
    }
    key.text
}

/// [`fold`] of ASCII text: [`Key::push`]'s rules byte by byte, without a
/// call per character (an ESCO import folds some 40,000 labels; this is
/// several times faster). A unit test holds the two to the same output.
fn fold_ascii(name: &str) -> String {
    // Bytes rather than chars: pushing a byte is a store, pushing a char an
    // encoding step.
    let mut text: Vec<u8> = Vec::with_capacity(name.len());
    let mut pending_space = false;
    for &b in name.as_bytes() {
        match b {
            b'\'' => {}
            b'&' => {
                // "R&D" is "r and d": a word of its own.
                if !text.is_empty() {
                    text.push(b' ');
                }
                text.extend_from_slice(b"and");
                pending_space = true;
            }
            _ if b.is_ascii_alphanumeric() || b == b'+' || b == b'#' => {
                if pending_space && !text.is_empty() {
                    text.push(b' ');
                }
                pending_space = false;
                text.push(b.to_ascii_lowercase());
            }
            _ => pending_space = true,
        }
    }
    // Only ASCII bytes were pushed: always valid UTF-8.
    String::from_utf8(text).unwrap_or_default()
}

/// A key being built by [`fold`] from decomposed characters.
struct Key {
    text: String,
    /// A word break was seen since the last word character.
    pending_space: bool,
}

impl Key {
    fn push(&mut self, c: char) {
        if matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}') {
            return;
        }
        if c == '&' {
            self.pending_space = true;
            "and".chars().for_each(|a| self.push_word_char(a));
            self.pending_space = true;
        } else if c.is_alphanumeric() || c == '+' || c == '#' {
            crate::chars::to_lowercase(c, |l| self.push_word_char(l));
        } else {
            self.pending_space = true;
        }
    }

    fn push_word_char(&mut self, c: char) {
        if self.pending_space && !self.text.is_empty() {
            self.text.push(' ');
        }
        self.pending_space = false;
        self.text.push(c);
    }
}

/// One canonical skill of a vocabulary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, crate::FromValue, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SkillEntry {
    /// The canonical name, as shown in reports.
    pub name: String,
    /// Other names for the same skill.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Ids of the skill in external taxonomies: an O*NET element id such as
    /// `2.A.1.a`, an ESCO skill URI.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub external_ids: Vec<String>,
}

/// The file form of a vocabulary (`data/skills.json`).
#[derive(
    Debug, Clone, Default, PartialEq, Serialize, Deserialize, crate::FromValue, JsonSchema,
)]
#[serde(deny_unknown_fields)]
pub struct VocabularyFile {
    /// What the file is and where it comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The canonical skills.
    pub skills: Vec<SkillEntry>,
}

/// Canonical skills, their aliases and external ids; see the module docs.
#[derive(Debug, Clone, Default)]
pub struct SkillVocabulary {
    /// key of a name or alias -> canonical display name
    by_key: HashMap<String, String>,
    /// external id -> canonical display name
    by_external_id: HashMap<String, String>,
}

const BUILTIN_JSON: &str = include_str!("../../data/skills.json");

impl SkillVocabulary {
    /// Every name and alias the vocabulary knows, as keys (folded), in no
    /// particular order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.by_key.keys().map(String::as_str)
    }

    /// The built-in vocabulary from `data/skills.json`.
    pub fn builtin() -> &'static SkillVocabulary {
        static VOCAB: OnceLock<SkillVocabulary> = OnceLock::new();
        // The file ships with the crate and a unit test parses it, so failure
        // here is a build defect; an empty vocabulary keeps names as written.
        VOCAB.get_or_init(|| SkillVocabulary::from_json(BUILTIN_JSON).unwrap_or_default())
    }

    /// Read a vocabulary in the format of `data/skills.json`.
    ///
    /// # Errors
    /// [`Error::InvalidJson`] or [`Error::InvalidValue`] with the path of the
    /// bad field; [`Error::InvalidValue`] when one alias names two skills.
    pub fn from_json(text: &str) -> Result<SkillVocabulary, Error> {
        let file: VocabularyFile = crate::json::from_text(text, "")?;
        let mut vocab = SkillVocabulary::default();
        for (i, entry) in file.skills.iter().enumerate() {
            vocab.add_entry(entry, &format!("skills[{i}]"))?;
        }
        Ok(vocab)
    }

    /// Add a canonical skill with its aliases and external ids.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] at `path` when the name or an alias already
    /// denotes a different skill.
    pub fn add_entry(&mut self, entry: &SkillEntry, path: &str) -> Result<(), Error> {
        let canonical = entry.name.trim().to_string();
        let names = std::iter::once(&entry.name).chain(entry.aliases.iter());
        for (j, name) in names.enumerate() {
            let field = if j == 0 {
                format!("{path}.name")
            } else {
                format!("{path}.aliases[{}]", j - 1)
            };
            self.insert_key(fold(name), &canonical, &field)?;
        }
        for id in &entry.external_ids {
            self.by_external_id
                .insert(id.trim().to_string(), canonical.clone());
        }
        Ok(())
    }

    fn insert_key(&mut self, key: String, canonical: &str, path: &str) -> Result<(), Error> {
        if key.is_empty() {
            return Err(Error::InvalidValue {
                path: path.to_string(),
                message: "skill name is empty".into(),
            });
        }
        match self.by_key.get(&key) {
            Some(existing) if fold(existing) != fold(canonical) => Err(Error::InvalidValue {
                path: path.to_string(),
                message: format!("{key:?} already denotes the skill {existing:?}"),
            }),
            Some(_) => Ok(()),
            None => {
                self.by_key.insert(key, canonical.to_string());
                Ok(())
            }
        }
    }

    /// Add aliases, each `alias -> canonical name`, on top of this
    /// vocabulary; a later alias replaces an earlier meaning of the same key.
    /// `path` names the map in errors (`aliases`).
    ///
    /// The canonical name itself is resolved first, so `{"JS": "javascript"}`
    /// points at the vocabulary's `JavaScript`.
    ///
    /// # Errors
    /// [`Error::InvalidValue`] when an alias or its target is empty.
    pub fn add_aliases(
        &mut self,
        aliases: &BTreeMap<String, String>,
        path: &str,
    ) -> Result<(), Error> {
        for (alias, target) in aliases {
            let key = fold(alias);
            let canonical = self.canonical_name(target).into_owned();
            if key.is_empty() || fold(&canonical).is_empty() {
                return Err(Error::InvalidValue {
                    path: format!("{path}.{alias}"),
                    message: "an alias and its skill must both be non-empty".into(),
                });
            }
            self.by_key.insert(key, canonical);
        }
        Ok(())
    }

    /// The canonical name of `name`: the vocabulary's spelling if it knows the
    /// name or an alias of it, else `name` trimmed.
    ///
    /// ```
    /// use careerplan::skills::names::SkillVocabulary;
    /// let v = SkillVocabulary::builtin();
    /// assert_eq!(v.canonical_name("js"), "JavaScript");
    /// assert_eq!(v.canonical_name(" Basket weaving "), "Basket weaving");
    /// ```
    pub fn canonical_name<'n>(&self, name: &'n str) -> Cow<'n, str> {
        match self.by_key.get(&fold(name)) {
            Some(c) => Cow::Owned(c.clone()),
            None => Cow::Borrowed(name.trim()),
        }
    }

    /// The canonical name of the skill with this external id (e.g. the O*NET
    /// element id `2.A.1.a`), if the vocabulary knows it.
    pub fn by_external_id(&self, id: &str) -> Option<&str> {
        self.by_external_id.get(id.trim()).map(String::as_str)
    }

    /// The comparison key of the skill `name` denotes: [`fold`] of its
    /// canonical name.
    pub fn key(&self, name: &str) -> String {
        let folded = fold(name);
        match self.by_key.get(&folded) {
            Some(c) => fold(c),
            None => folded,
        }
    }

    /// Whether the vocabulary knows `name` (as a canonical name or an alias).
    pub fn knows(&self, name: &str) -> bool {
        self.by_key.contains_key(&fold(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_ascii_follows_the_general_rules() {
        let general = |name: &str| {
            let mut key = Key {
                text: String::new(),
                pending_space: false,
            };
            name.chars().for_each(|c| key.push(c));
            key.text
        };
        // Every ASCII character alone, after a word and between two words.
        for b in 0..=127u8 {
            let c = char::from(b);
            for name in [
                format!("{c}"),
                format!("a{c}"),
                format!("{c}b"),
                format!("a {c}b"),
            ] {
                assert_eq!(fold_ascii(&name), general(&name), "{name:?}");
            }
        }
        for name in [
            "  R&D  ",
            "&&x",
            "Node.js & C++/C#",
            "O'Reilly's",
            "a - b",
            "",
        ] {
            assert_eq!(fold_ascii(name), general(name), "{name:?}");
        }
    }

    #[test]
    fn fold_normalises_case_space_punctuation_and_unicode() {
        assert_eq!(fold("Project\u{a0}Management"), "project management");
        assert_eq!(fold("project_management"), "project management");
        assert_eq!(fold("ＪＡＶＡ"), "java");
        assert_eq!(fold("Naïve Bayes"), "naive bayes");
        assert_eq!(fold("People’s skills"), "peoples skills");
        assert_eq!(
            fold("Research & Development"),
            fold("research and development")
        );
        assert_eq!(fold("C#"), "c#");
        assert_eq!(fold("c++"), "c++");
        assert_eq!(fold("Node.js"), "node js");
        assert_eq!(fold(" -- "), "");
        assert_eq!(fold("ﬁnance"), "finance");
    }

    #[test]
    fn builtin_vocabulary_parses_and_resolves_aliases() {
        let file: VocabularyFile = crate::json::from_text(BUILTIN_JSON, "").unwrap();
        assert!(
            file.skills.len() >= 68,
            "O*NET skills and knowledge areas are listed"
        );
        let v = SkillVocabulary::from_json(BUILTIN_JSON).unwrap();
        assert_eq!(v.canonical_name("JS"), "JavaScript");
        assert_eq!(v.canonical_name("ecmascript"), "JavaScript");
        assert_eq!(v.key("JS"), "javascript");
        assert_eq!(v.by_external_id("2.A.1.a"), Some("Reading Comprehension"));
        assert_eq!(v.by_external_id("2.C.4.a"), Some("Mathematics (knowledge)"));
        assert_eq!(v.by_external_id("2.A.1.e"), Some("Mathematics"));
        assert!(v.knows("project mgmt"));
        assert!(!v.knows("basket weaving"));
    }

    #[test]
    fn conflicting_aliases_are_errors() {
        let text = r#"{"skills": [{"name": "JavaScript", "aliases": ["JS"]},
                                  {"name": "Java", "aliases": ["js"]}]}"#;
        let err = SkillVocabulary::from_json(text).unwrap_err();
        assert_eq!(err.path(), "skills[1].aliases[0]");
        let err =
            SkillVocabulary::from_json(r#"{"skills": [{"name": "x", "alias": []}]}"#).unwrap_err();
        assert_eq!(err.code(), "invalid-value");
    }

    #[test]
    fn added_aliases_point_at_canonical_names() {
        let mut v = SkillVocabulary::builtin().clone();
        let aliases = BTreeMap::from([("EcmaScript 6".to_string(), "js".to_string())]);
        v.add_aliases(&aliases, "aliases").unwrap();
        assert_eq!(v.canonical_name("ecmascript-6"), "JavaScript");
        let bad = BTreeMap::from([("".to_string(), "x".to_string())]);
        assert_eq!(
            v.add_aliases(&bad, "aliases").unwrap_err().path(),
            "aliases."
        );
    }
}
