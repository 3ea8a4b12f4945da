//! The library's error type: every failure is a value with a stable code and,
//! where it concerns a document, the JSON path of the offending field.

/// What kind of failure an [`Error`] is: the source of its stable
/// [`code`](ErrorKind::code). Match on the kind (or the code) rather than on
/// the message, whose wording may improve.
///
/// ```
/// use careerplan::error::ErrorKind;
/// let err = careerplan::plan::load_plan(r#"{"schema_version": 1, "id": "p",
///     "goals": [{"id": "g", "title": "t", "deadline": "2027-02-30"}]}"#, &Default::default()).unwrap_err();
/// assert_eq!(err.kind(), ErrorKind::InvalidDate);
/// assert_eq!(err.kind().code(), "invalid-date");
/// assert_eq!(err.to_string(), format!("{}: {}", err.path(), err.message()));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// `invalid-json`: the input is not well-formed JSON.
    InvalidJson,
    /// `invalid-value`: well-formed input whose content does not fit.
    InvalidValue,
    /// `invalid-date`: a date that is malformed or does not exist.
    InvalidDate,
    /// `unsupported-schema-version`: a document from a newer version.
    UnsupportedSchemaVersion,
    /// `migration-failed`: an older document that cannot be migrated.
    MigrationFailed,
    /// `invalid-table`: a row of a data file that does not fit its layout.
    InvalidTable,
    /// `invalid-argument`: an argument (not a document field) is invalid.
    InvalidArgument,
    /// `limit-exceeded`: the input or the work is over a [`Limits`] field.
    ///
    /// [`Limits`]: crate::limits::Limits
    LimitExceeded,
    /// `invalid-utf8`: input bytes that are not UTF-8 text.
    InvalidUtf8,
}

impl ErrorKind {
    /// Every kind, in the order of the documentation.
    pub const ALL: [ErrorKind; 9] = [
        ErrorKind::InvalidJson,
        ErrorKind::InvalidValue,
        ErrorKind::InvalidDate,
        ErrorKind::UnsupportedSchemaVersion,
        ErrorKind::MigrationFailed,
        ErrorKind::InvalidTable,
        ErrorKind::InvalidArgument,
        ErrorKind::LimitExceeded,
        ErrorKind::InvalidUtf8,
    ];

    /// The stable, kebab-case code of this kind, e.g. `invalid-value`; never
    /// renamed (tests, golden files and the bindings' exception classes
    /// rely on it).
    pub const fn code(self) -> &'static str {
        match self {
            ErrorKind::InvalidJson => "invalid-json",
            ErrorKind::InvalidValue => "invalid-value",
            ErrorKind::InvalidDate => "invalid-date",
            ErrorKind::UnsupportedSchemaVersion => "unsupported-schema-version",
            ErrorKind::MigrationFailed => "migration-failed",
            ErrorKind::InvalidTable => "invalid-table",
            ErrorKind::InvalidArgument => "invalid-argument",
            ErrorKind::LimitExceeded => "limit-exceeded",
            ErrorKind::InvalidUtf8 => "invalid-utf8",
        }
    }
}

impl std::fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// An error from any part of the library.
///
/// Each variant is of one [`ErrorKind`], which gives its stable
/// [`code`](Error::code) (kebab-case, never renamed), and, where it concerns
/// an input document, carries the JSON [`path`](Error::path) of the bad
/// field, such as `goals[2].deadline`. The `Display` form is one line, the
/// path then the [`message`](Error::message):
/// `goals[2].deadline: expected a date as YYYY-MM-DD, got "2027-02-30"`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// The input is not well-formed JSON.
    InvalidJson {
        /// Where the parser was when it failed (may be empty).
        path: String,
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// Well-formed JSON whose content does not fit the model: a wrong type,
    /// a missing required field, an unknown enum value.
    InvalidValue {
        /// JSON path of the bad field, e.g. `goals[2].priority`.
        path: String,
        /// What was expected and what was found.
        message: String,
    },
    /// A date that is not `YYYY-MM-DD` or does not exist (`2027-02-30`); a
    /// kind of invalid value with a code of its own.
    InvalidDate {
        /// JSON path of the date, e.g. `goals[2].deadline`, or the name of
        /// a date argument (`today`).
        path: String,
        /// The text found and, for an impossible date, why.
        message: String,
    },
    /// The document was written by a newer version of the library.
    UnsupportedSchemaVersion {
        /// The version in the document.
        found: u64,
        /// The newest version this library understands.
        supported: u32,
    },
    /// A migration from an older schema version could not be applied.
    Migration {
        /// The version being migrated from.
        from: u32,
        /// JSON path of the field that blocked the migration.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// A row of a tab-separated data file (such as O*NET's `Skills.txt`)
    /// that does not fit the expected layout.
    InvalidTable {
        /// `file:line` (1-based, the header is line 1), e.g. `Skills.txt:1042`.
        path: String,
        /// What is wrong, naming the column and the value.
        message: String,
    },
    /// An argument to a library function (not a document field) is invalid,
    /// e.g. an option out of range.
    InvalidArgument {
        /// Name or path of the argument.
        path: String,
        /// What is wrong with it.
        message: String,
    },
    /// The input or the work it asks for is larger than a
    /// [`Limits`](crate::limits::Limits) field allows.
    LimitExceeded {
        /// The name of the limit, a field of
        /// [`Limits`](crate::limits::Limits), e.g. `max_depth`.
        limit: &'static str,
        /// JSON path of the offending part (`""`: the whole input).
        path: String,
        /// What was found and the limit's value.
        message: String,
    },
    /// Input bytes that are not UTF-8 text (a file or stdin; strings from
    /// Python and JavaScript are always text).
    InvalidUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
}

/// The path, then the message: `goals[2].deadline: expected a date ...`
/// (the message alone when the path is empty).
impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = self.path();
        if !path.is_empty() {
            write!(f, "{path}: ")?;
        }
        f.write_str(&self.message())
    }
}

impl std::error::Error for Error {}

/// What a batch does with an item that fails (`lint_many(...,
/// errors=...)` in Python, `lintMany(texts, {errors})` in JavaScript).
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum OnItemError {
    /// The whole call fails with the first item's error (the default).
    #[default]
    Raise,
    /// The item becomes an [`ErrorItem`] in its place; the others are done.
    Item,
}

impl OnItemError {
    /// Read `"raise"` or `"item"`; anything else is
    /// [`Error::InvalidArgument`] at `path`.
    ///
    /// ```
    /// use careerplan::error::OnItemError;
    /// assert_eq!(OnItemError::parse("item", "errors")?, OnItemError::Item);
    /// assert_eq!(OnItemError::parse("skip", "errors").unwrap_err().path(), "errors");
    /// # Ok::<(), careerplan::Error>(())
    /// ```
    pub fn parse(text: &str, path: &str) -> Result<OnItemError, Error> {
        match text {
            "raise" => Ok(OnItemError::Raise),
            "item" => Ok(OnItemError::Item),
            other => Err(Error::InvalidArgument {
                path: path.to_string(),
                message: format!("expected \"raise\" or \"item\", got {other:?}"),
            }),
        }
    }

    /// A batch's results under this rule, as the values and, beside them,
    /// the error items: with `Raise` the first error fails the batch (and
    /// there are no items); with `Item` each error becomes the item in its
    /// place, and its value a copy of `stand_in` (never shown: the item
    /// reads as its error). Both faces' `lint_many` return this shape.
    ///
    /// ```
    /// use careerplan::error::OnItemError;
    /// use careerplan::Error;
    /// let bad = || Error::InvalidArgument { path: "texts[1]".into(), message: "too long".into() };
    /// let (values, items) = OnItemError::Item.split(vec![Ok(1), Err(bad())], 0)?;
    /// assert_eq!(values, [1, 0]);
    /// assert_eq!((items[0].is_none(), items[1].as_ref().unwrap().error.path.as_str()), (true, "texts[1]"));
    /// let err = OnItemError::Raise.split(vec![Ok(1), Err(bad())], 0).unwrap_err();
    /// assert_eq!(err.path(), "texts[1]");
    /// assert_eq!(OnItemError::Raise.split(vec![Ok(1)], 0)?, (vec![1], vec![]));
    /// # Ok::<(), careerplan::Error>(())
    /// ```
    ///
    /// # Errors
    /// With `Raise`, the first error of `results`.
    #[allow(clippy::type_complexity)]
    pub fn split<T: Clone>(
        self,
        results: Vec<Result<T, Error>>,
        stand_in: T,
    ) -> Result<(Vec<T>, Vec<Option<ErrorItem>>), Error> {
        // One plain loop for both rules: iterator adapters (`unzip`, a
        // `Result` collect) over large values cost the WebAssembly module
        // about 2.4 KB with brotli, measured.
        let item = self == OnItemError::Item;
        let mut values = Vec::with_capacity(results.len());
        let mut items = Vec::with_capacity(if item { results.len() } else { 0 });
        for result in results {
            match result {
                Ok(value) => {
                    values.push(value);
                    if item {
                        items.push(None);
                    }
                }
                Err(err) if item => {
                    values.push(stand_in.clone());
                    items.push(Some(ErrorItem::from(&err)));
                }
                Err(err) => return Err(err),
            }
        }
        Ok((values, items))
    }
}

/// An error as data, for a batch that reports a failed item in its place
/// instead of failing as a whole (`careerplan lint --lines`, `lint_many`
/// with `errors="item"`): `{"error": {"code", "message", "path", "limit"}}`.
///
/// ```
/// let err = careerplan::plan::load_plan("{", &Default::default()).unwrap_err();
/// let item = careerplan::error::ErrorItem::from(&err);
/// assert_eq!(item.error.code, "invalid-json");
/// let json = serde_json::to_string(&item).unwrap();
/// assert!(json.starts_with(r#"{"error":{"code":"invalid-json","message":"#));
/// ```
#[derive(Debug, Clone, PartialEq, serde::Serialize, schemars::JsonSchema)]
pub struct ErrorItem {
    /// What went wrong.
    pub error: ErrorInfo,
}

/// The fields of an [`Error`] as plain data, the same on every face.
#[derive(Debug, Clone, PartialEq, serde::Serialize, schemars::JsonSchema)]
pub struct ErrorInfo {
    /// The stable kebab-case code, e.g. `invalid-json` ([`Error::code`]).
    pub code: &'static str,
    /// [`Error::message`]: the message without the path.
    pub message: String,
    /// The JSON path of the bad field, `""` for the whole input ([`Error::path`]).
    pub path: String,
    /// The name of the limit, for `limit-exceeded` only ([`Error::limit`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<&'static str>,
}

impl From<&Error> for ErrorItem {
    fn from(err: &Error) -> ErrorItem {
        ErrorItem {
            error: ErrorInfo {
                code: err.code(),
                message: err.message(),
                path: err.path().to_string(),
                limit: err.limit(),
            },
        }
    }
}

/// Bytes as text, or [`Error::InvalidUtf8`] (code `invalid-utf8`, path `""`)
/// naming the first bad byte: the one check the callers that read files and
/// stdin share.
///
/// ```
/// assert_eq!(careerplan::error::text_from_utf8(b"ok".to_vec())?, "ok");
/// let err = careerplan::error::text_from_utf8(vec![b'a', 0xff]).unwrap_err();
/// assert_eq!((err.code(), err.path()), ("invalid-utf8", ""));
/// # Ok::<(), careerplan::Error>(())
/// ```
///
/// # Errors
/// [`Error::InvalidUtf8`].
pub fn text_from_utf8(bytes: Vec<u8>) -> Result<String, Error> {
    String::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })
}

/// Every date error message starts with this. A date field read through
/// serde fails with text only, so the reader's error is told apart by it
/// ([`is_date_error`]) where it becomes an [`Error`] ([`Error::value`]);
/// `document::date::parse_date` writes it.
pub(crate) const DATE_ERROR_PREFIX: &str = "expected a date as YYYY-MM-DD";

/// Whether a serde error message is the date reader's.
pub(crate) fn is_date_error(message: &str) -> bool {
    message.starts_with(DATE_ERROR_PREFIX)
}

impl Error {
    /// What kind of error this is.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::InvalidJson { .. } => ErrorKind::InvalidJson,
            Error::InvalidValue { .. } => ErrorKind::InvalidValue,
            Error::InvalidDate { .. } => ErrorKind::InvalidDate,
            Error::UnsupportedSchemaVersion { .. } => ErrorKind::UnsupportedSchemaVersion,
            Error::Migration { .. } => ErrorKind::MigrationFailed,
            Error::InvalidArgument { .. } => ErrorKind::InvalidArgument,
            Error::InvalidTable { .. } => ErrorKind::InvalidTable,
            Error::LimitExceeded { .. } => ErrorKind::LimitExceeded,
            Error::InvalidUtf8 { .. } => ErrorKind::InvalidUtf8,
        }
    }

    /// The stable, kebab-case code of this error, e.g. `invalid-value`: its
    /// [`kind`](Error::kind)'s.
    ///
    /// ```
    /// let err = careerplan::plan::load_plan("{", &Default::default()).unwrap_err();
    /// assert_eq!(err.code(), "invalid-json");
    /// ```
    pub fn code(&self) -> &'static str {
        self.kind().code()
    }

    /// A value that does not fit the model, at `path`: an
    /// [`Error::InvalidDate`] when the message is the date reader's (a
    /// date field read through serde, whose errors are text), else an
    /// [`Error::InvalidValue`]. The one place a message decides a kind.
    pub(crate) fn value(path: String, message: String) -> Error {
        if is_date_error(&message) {
            Error::InvalidDate { path, message }
        } else {
            Error::InvalidValue { path, message }
        }
    }

    /// The JSON path of the offending field, or `""` when the error concerns
    /// the whole input.
    pub fn path(&self) -> &str {
        match self {
            Error::InvalidJson { path, .. }
            | Error::InvalidValue { path, .. }
            | Error::InvalidDate { path, .. }
            | Error::Migration { path, .. }
            | Error::InvalidArgument { path, .. }
            | Error::InvalidTable { path, .. }
            | Error::LimitExceeded { path, .. } => path,
            Error::UnsupportedSchemaVersion { .. } => "schema_version",
            Error::InvalidUtf8 { .. } => "",
        }
    }

    /// The same error at another path: for a caller that knows where the
    /// input came from better than the function that failed did (the
    /// `i`-th text of a batch). Errors without a path are returned as they are.
    pub fn at_path(mut self, new: String) -> Error {
        match &mut self {
            Error::InvalidJson { path, .. }
            | Error::InvalidValue { path, .. }
            | Error::InvalidDate { path, .. }
            | Error::Migration { path, .. }
            | Error::InvalidArgument { path, .. }
            | Error::InvalidTable { path, .. }
            | Error::LimitExceeded { path, .. } => *path = new,
            Error::UnsupportedSchemaVersion { .. } | Error::InvalidUtf8 { .. } => {}
        }
        self
    }

    /// The name of the [`Limits`](crate::limits::Limits) field exceeded,
    /// for [`Error::LimitExceeded`].
    pub fn limit(&self) -> Option<&'static str> {
        match self {
            Error::LimitExceeded { limit, .. } => Some(limit),
            _ => None,
        }
    }

    /// The message without the path; `Display` writes the path before it.
    pub fn message(&self) -> String {
        match self {
            Error::InvalidJson {
                line,
                column,
                message,
                ..
            } => format!("line {line}, column {column}: {message}"),
            Error::InvalidValue { message, .. }
            | Error::InvalidDate { message, .. }
            | Error::InvalidArgument { message, .. }
            | Error::InvalidTable { message, .. } => message.clone(),
            Error::LimitExceeded { limit, message, .. } => format!("{message} (limit {limit})"),
            Error::Migration { from, message, .. } => {
                format!("cannot migrate from schema version {from}: {message}")
            }
            Error::UnsupportedSchemaVersion { found, supported } => format!(
                "the document has schema version {found}, but this library reads versions up to {supported}; upgrade careerplan"
            ),
            Error::InvalidUtf8 { offset } => {
                format!("not UTF-8 text (invalid byte at offset {offset})")
            }
        }
    }

    /// Build an error from a serde_json failure and the path where it happened.
    pub(crate) fn from_json(path: String, err: &serde_json::Error) -> Error {
        use serde_json::error::Category;
        let message = strip_position(&err.to_string());
        match err.classify() {
            Category::Syntax | Category::Eof | Category::Io => Error::InvalidJson {
                path,
                line: err.line(),
                column: err.column(),
                message,
            },
            Category::Data => Error::value(path, message),
        }
    }
}

/// serde_json appends " at line L column C" to its messages; we report the
/// position in fields of our own, so the message stays one clean clause.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// A path such as `goals[2].deadline` (`serde_path_to_error` writes the
/// whole document as `.`) below `root`; empty `root` and empty path: the
/// whole document, `""`.
pub(crate) fn join_path(root: &str, inner: &str) -> String {
    match (root, inner) {
        (root, "" | ".") => root.to_string(),
        ("", inner) => inner.to_string(),
        (root, inner) if inner.starts_with('[') => format!("{root}{inner}"),
        (root, inner) => format!("{root}.{inner}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One error of each kind.
    fn one_of_each() -> Vec<Error> {
        let (path, message) = (|| "goals[0].x".to_string(), || "bad".to_string());
        vec![
            Error::InvalidJson {
                path: path(),
                line: 1,
                column: 2,
                message: message(),
            },
            Error::InvalidValue {
                path: path(),
                message: message(),
            },
            Error::InvalidDate {
                path: path(),
                message: message(),
            },
            Error::UnsupportedSchemaVersion {
                found: 9,
                supported: 1,
            },
            Error::Migration {
                from: 0,
                path: path(),
                message: message(),
            },
            Error::InvalidTable {
                path: "Skills.txt:2".into(),
                message: message(),
            },
            Error::InvalidArgument {
                path: path(),
                message: message(),
            },
            Error::LimitExceeded {
                limit: "max_depth",
                path: path(),
                message: message(),
            },
            Error::InvalidUtf8 { offset: 3 },
        ]
    }

    #[test]
    fn codes_come_from_the_kind_and_never_change() {
        let codes: Vec<&str> = one_of_each().iter().map(Error::code).collect();
        assert_eq!(
            codes,
            [
                "invalid-json",
                "invalid-value",
                "invalid-date",
                "unsupported-schema-version",
                "migration-failed",
                "invalid-table",
                "invalid-argument",
                "limit-exceeded",
                "invalid-utf8",
            ]
        );
        let kinds: Vec<ErrorKind> = one_of_each().iter().map(Error::kind).collect();
        assert_eq!(kinds, ErrorKind::ALL);
    }

    #[test]
    fn display_is_the_path_then_the_message() {
        for err in one_of_each() {
            let expected = match err.path() {
                "" => err.message(),
                path => format!("{path}: {}", err.message()),
            };
            assert_eq!(err.to_string(), expected);
        }
        let [json, _, _, version, _, _, _, limit, utf8]: [Error; 9] =
            one_of_each().try_into().unwrap();
        assert_eq!(json.to_string(), "goals[0].x: line 1, column 2: bad");
        assert_eq!(
            version.to_string(),
            "schema_version: the document has schema version 9, but this library reads versions up to 1; upgrade careerplan"
        );
        assert_eq!(limit.message(), "bad (limit max_depth)");
        assert_eq!(
            utf8.to_string(),
            "not UTF-8 text (invalid byte at offset 3)"
        );
    }

    #[test]
    fn a_date_read_through_serde_is_an_invalid_date() {
        let err = crate::plan::load_plan(
            r#"{"schema_version": 1, "id": "p", "goals": [{"id": "g", "title": "t", "deadline": "2027-02-30"}]}"#, &Default::default(),
        )
        .unwrap_err();
        assert!(matches!(err, Error::InvalidDate { .. }), "{err:?}");
        assert_eq!(err.path(), "goals[0].deadline");
        let moved = err.at_path("plans[3].goals[0].deadline".into());
        assert_eq!(moved.kind(), ErrorKind::InvalidDate);
        assert_eq!(
            Error::value("x".into(), "expected a string".into()).kind(),
            ErrorKind::InvalidValue
        );
    }
}
