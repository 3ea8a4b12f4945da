//! Named data files for the catalog imports ([`onet::import_files`],
//! [`esco::import_files`]): the one place that knows which files an import
//! reads and which of them may be missing.
//!
//! The library does no file I/O. A face hands in a [`NamedFiles`]: the CLI
//! and Python a directory they read themselves (each within its own size
//! limits and with its own I/O errors), JavaScript the texts it was given,
//! a test a map of texts. The import asks it for files by name, applies the
//! layout and the missing-file rules, and parses what it got, so every face
//! refuses the same incomplete download with the same message.
//!
//! ```
//! use std::collections::BTreeMap;
//! use careerplan::skills::files::FilesError;
//! use careerplan::skills::onet::{import_files, OnetOptions};
//! // No ratings file at all: the import says what is missing.
//! let mut files: BTreeMap<String, String> = BTreeMap::new();
//! files.insert("Occupation Data.txt".into(), "O*NET-SOC Code\tTitle\tDescription\n".into());
//! let err = import_files(&mut files, &OnetOptions::default(), true).unwrap_err();
//! let FilesError::Missing(err) = err else { panic!("{err:?}") };
//! assert_eq!(err.code(), "invalid-argument");
//! assert!(err.message().contains("Skills.txt"));
//! ```
//!
//! [`onet::import_files`]: super::onet::import_files
//! [`esco::import_files`]: super::esco::import_files

use std::collections::{BTreeMap, HashMap};
use std::convert::Infallible;

use crate::Error;

/// A source of data files by name: a directory, the texts a JavaScript
/// caller passed, an archive, a map in a test.
pub trait NamedFiles {
    /// The source's own failure to read a file (an I/O error naming the
    /// path, a size limit): passed through as [`FilesError::Read`].
    type Error;

    /// The text of the file `name`, or `None` when there is no such file.
    ///
    /// # Errors
    /// The source's own, for a file that is there but cannot be read.
    fn read(&mut self, name: &str) -> Result<Option<String>, Self::Error>;

    /// The names of the files the source holds (for an import whose file
    /// names vary, such as ESCO's `<lang>` suffix).
    ///
    /// # Errors
    /// The source's own, when it cannot be listed.
    fn names(&mut self) -> Result<Vec<String>, Self::Error>;
}

/// Why an import from [`NamedFiles`] failed.
#[derive(Debug, Clone, PartialEq)]
pub enum FilesError<E> {
    /// The source could not read a file: its own error.
    Read(E),
    /// A file the import needs is not there (code `invalid-argument`, path
    /// `files`; the message names the files). A face that reads a directory
    /// reports it as its "file not found" (Python's `FileNotFoundError`).
    Missing(Error),
    /// The files are there but do not fit their layout (`invalid-table`
    /// with `file:line`), or an option is out of range.
    Invalid(Error),
}

impl<E> FilesError<E> {
    /// The error of a source that cannot fail as a core [`Error`].
    pub fn into_error(self) -> Error
    where
        E: Into<Error>,
    {
        match self {
            FilesError::Read(e) => e.into(),
            FilesError::Missing(e) | FilesError::Invalid(e) => e,
        }
    }
}

impl FilesError<Infallible> {
    /// The core [`Error`] of an import from texts in memory (a map), whose
    /// reading cannot fail.
    pub fn into_core(self) -> Error {
        match self {
            FilesError::Read(never) => match never {},
            FilesError::Missing(e) | FilesError::Invalid(e) => e,
        }
    }
}

/// The error for files an import needs and did not find.
pub(crate) fn missing<E>(message: String) -> FilesError<E> {
    FilesError::Missing(Error::InvalidArgument {
        path: "files".into(),
        message,
    })
}

/// Read `name` from `files`, as a [`FilesError`].
pub(crate) fn read<F: NamedFiles + ?Sized>(
    files: &mut F,
    name: &str,
) -> Result<Option<String>, FilesError<F::Error>> {
    files.read(name).map_err(FilesError::Read)
}

/// Texts by file name, e.g. the contents a JavaScript caller passed.
impl NamedFiles for BTreeMap<String, String> {
    type Error = Infallible;

    fn read(&mut self, name: &str) -> Result<Option<String>, Infallible> {
        Ok(self.remove(name))
    }

    fn names(&mut self) -> Result<Vec<String>, Infallible> {
        Ok(self.keys().cloned().collect())
    }
}

/// Texts by file name.
impl NamedFiles for HashMap<String, String> {
    type Error = Infallible;

    fn read(&mut self, name: &str) -> Result<Option<String>, Infallible> {
        Ok(self.remove(name))
    }

    fn names(&mut self) -> Result<Vec<String>, Infallible> {
        let mut names: Vec<String> = self.keys().cloned().collect();
        crate::sort::sort(&mut names);
        Ok(names)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::skills::esco::{self, EscoOptions};
    use crate::skills::onet::{self, OnetOptions};

    const HEADER: &str = "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tN\tStandard Error\tLower CI Bound\tUpper CI Bound\tRecommend Suppress\tNot Relevant\tDate\tDomain Source\n";
    const ROWS: &str = "11-1011.00\t2.A.1.a\tReading Comprehension\tIM\t4.12\t8\t0.125\t3.88\t4.37\tN\t\t08/2023\tAnalyst\n\
                        11-1011.00\t2.A.1.a\tReading Comprehension\tLV\t4.62\t8\t0.183\t4.2664\t4.9836\tN\tN\t08/2023\tAnalyst\n";

    fn files(entries: &[(&str, String)]) -> BTreeMap<String, String> {
        entries
            .iter()
            .map(|(k, v)| ((*k).to_string(), v.clone()))
            .collect()
    }

    /// A source whose reads fail, as a directory with an unreadable file.
    struct Broken;

    impl NamedFiles for Broken {
        type Error = String;
        fn read(&mut self, name: &str) -> Result<Option<String>, String> {
            Err(format!("{name}: permission denied"))
        }
        fn names(&mut self) -> Result<Vec<String>, String> {
            Err("cannot list".into())
        }
    }

    #[test]
    fn onet_needs_a_ratings_file() {
        let mut none = files(&[(onet::README_FILE, "O*NET 29.2 Database\n".into())]);
        let err = onet::import_files(&mut none, &OnetOptions::default(), true).unwrap_err();
        let FilesError::Missing(err) = err else {
            panic!("{err:?}")
        };
        assert_eq!((err.code(), err.path()), ("invalid-argument", "files"));
        assert!(err.message().contains("Skills.txt") && err.message().contains("Knowledge.txt"));
        // Knowledge.txt alone does, unless the caller leaves it out.
        let knowledge = || files(&[(onet::KNOWLEDGE_FILE, format!("{HEADER}{ROWS}"))]);
        onet::import_files(&mut knowledge(), &OnetOptions::default(), true).unwrap();
        assert!(matches!(
            onet::import_files(&mut knowledge(), &OnetOptions::default(), false),
            Err(FilesError::Missing(_))
        ));
    }

    #[test]
    fn onet_reads_the_version_unless_the_options_set_it() {
        let all = || {
            files(&[
                (onet::SKILLS_FILE, format!("{HEADER}{ROWS}")),
                (onet::README_FILE, "O*NET 29.2 Database\n".into()),
            ])
        };
        let out = onet::import_files(&mut all(), &OnetOptions::default(), true).unwrap();
        assert!(out.catalog.attribution.unwrap().contains("O*NET 29.2"));
        let options = OnetOptions {
            version: Some("30.0".into()),
            ..OnetOptions::default()
        };
        let out = onet::import_files(&mut all(), &options, true).unwrap();
        assert!(out.catalog.attribution.unwrap().contains("O*NET 30.0"));
    }

    #[test]
    fn a_bad_row_and_a_failed_read_keep_their_kinds() {
        let mut bad = files(&[(onet::SKILLS_FILE, format!("{HEADER}11-1011.00\tx\n"))]);
        let err = onet::import_files(&mut bad, &OnetOptions::default(), true).unwrap_err();
        let FilesError::Invalid(err) = err else {
            panic!("{err:?}")
        };
        assert_eq!((err.code(), err.path()), ("invalid-table", "Skills.txt:2"));
        assert_eq!(
            onet::import_files(&mut Broken, &OnetOptions::default(), true).unwrap_err(),
            FilesError::Read("Skills.txt: permission denied".to_string())
        );
        assert_eq!(
            esco::import_files(&mut Broken, &EscoOptions::default()).unwrap_err(),
            FilesError::Read("cannot list".to_string())
        );
    }

    fn esco_dir() -> BTreeMap<String, String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/esco");
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                let name = e.file_name().into_string().unwrap();
                (name, std::fs::read_to_string(e.path()).unwrap())
            })
            .collect()
    }

    #[test]
    fn esco_finds_its_language_and_needs_all_three_files() {
        let out = esco::import_files(&mut esco_dir(), &EscoOptions::default()).unwrap();
        assert!(!out.catalog.roles.is_empty());
        for name in esco::file_names("en") {
            let mut partial = esco_dir();
            partial.remove(&name);
            let err = esco::import_files(&mut partial, &EscoOptions::default()).unwrap_err();
            let FilesError::Missing(err) = err else {
                panic!("{err:?}")
            };
            assert_eq!(err.code(), "invalid-argument");
            let expected = if name.starts_with("occupationSkillRelations") {
                "occupationSkillRelations_<lang>.csv".to_string()
            } else {
                name.clone()
            };
            assert!(err.message().contains(&expected), "{err}");
        }
        // A bad row is reported with the detected language's file name.
        let mut bad = esco_dir();
        bad.insert(
            "occupationSkillRelations_en.csv".into(),
            "occupationUri,skillUri\n".into(),
        );
        let err = esco::import_files(&mut bad, &EscoOptions::default()).unwrap_err();
        assert_eq!(err.into_core().path(), "occupationSkillRelations_en.csv:1");
    }
}
