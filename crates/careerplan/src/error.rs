//! The library's error type: every failure is a value with a stable code and,
//! where it concerns a document, the JSON path of the offending field.

/// An error from any part of the library.
///
/// Each variant has a stable [`code`](Error::code) (kebab-case, never renamed)
/// and, where it concerns an input document, the JSON [`path`](Error::path) of
/// the bad field, such as `goals[2].deadline`. The `Display` form is one line:
/// `goals[2].deadline: expected a date as YYYY-MM-DD, got "2027-02-30"`.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input is not well-formed JSON.
    #[error("{}line {line}, column {column}: {message}", path_prefix(path))]
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
    /// a missing required field, an unknown enum value, an impossible date.
    #[error("{}{message}", path_prefix(path))]
    InvalidValue {
        /// JSON path of the bad field, e.g. `goals[2].deadline`.
        path: String,
        /// What was expected and what was found.
        message: String,
    },
    /// The document was written by a newer version of the library.
    #[error(
        "schema_version: the document has schema version {found}, but this library reads versions up to {supported}; upgrade careerplan"
    )]
    UnsupportedSchemaVersion {
        /// The version in the document.
        found: u64,
        /// The newest version this library understands.
        supported: u32,
    },
    /// A migration from an older schema version could not be applied.
    #[error(
        "{}cannot migrate from schema version {from}: {message}",
        path_prefix(path)
    )]
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
    #[error("{path}: {message}")]
    InvalidTable {
        /// `file:line` (1-based, the header is line 1), e.g. `Skills.txt:1042`.
        path: String,
        /// What is wrong, naming the column and the value.
        message: String,
    },
    /// An argument to a library function (not a document field) is invalid,
    /// e.g. an option out of range.
    #[error("{}{message}", path_prefix(path))]
    InvalidArgument {
        /// Name or path of the argument.
        path: String,
        /// What is wrong with it.
        message: String,
    },
    /// The input or the work it asks for is larger than a
    /// [`Limits`](crate::limits::Limits) field allows.
    #[error("{}{message} (limit {limit})", path_prefix(path))]
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
    #[error("not UTF-8 text (invalid byte at offset {offset})")]
    InvalidUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
}

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
}

/// An error as data, for a batch that reports a failed item in its place
/// instead of failing as a whole (`careerplan lint --lines`, `lint_many`
/// with `errors="item"`): `{"error": {"code", "message", "path", "limit"}}`.
///
/// ```
/// let err = careerplan::plan::load_plan("{").unwrap_err();
/// let item = careerplan::error::ErrorItem::from(&err);
/// assert_eq!(item.error.code, "invalid-json");
/// let json = serde_json::to_string(&item).unwrap();
/// assert!(json.starts_with(r#"{"error":{"code":"invalid-json","message":"#));
/// ```
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ErrorItem {
    /// What went wrong.
    pub error: ErrorInfo,
}

/// The fields of an [`Error`] as plain data, the same on every face.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ErrorInfo {
    /// [`Error::code`].
    pub code: &'static str,
    /// [`Error::message`]: the message without the path.
    pub message: String,
    /// [`Error::path`].
    pub path: String,
    /// [`Error::limit`], for `limit-exceeded` only.
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

fn path_prefix(path: &str) -> String {
    if path.is_empty() {
        String::new()
    } else {
        format!("{path}: ")
    }
}

impl Error {
    /// The stable, kebab-case code of this error, e.g. `invalid-value`.
    ///
    /// ```
    /// let err = careerplan::plan::load_plan("{").unwrap_err();
    /// assert_eq!(err.code(), "invalid-json");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidJson { .. } => "invalid-json",
            Error::InvalidValue { message, .. }
                if message.starts_with(crate::plan::date::DATE_ERROR_PREFIX) =>
            {
                "invalid-date"
            }
            Error::InvalidValue { .. } => "invalid-value",
            Error::UnsupportedSchemaVersion { .. } => "unsupported-schema-version",
            Error::Migration { .. } => "migration-failed",
            Error::InvalidArgument { .. } => "invalid-argument",
            Error::InvalidTable { .. } => "invalid-table",
            Error::LimitExceeded { .. } => "limit-exceeded",
            Error::InvalidUtf8 { .. } => "invalid-utf8",
        }
    }

    /// The JSON path of the offending field, or `""` when the error concerns
    /// the whole input.
    pub fn path(&self) -> &str {
        match self {
            Error::InvalidJson { path, .. }
            | Error::InvalidValue { path, .. }
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

    /// The message without the path prefix.
    pub fn message(&self) -> String {
        match self {
            Error::InvalidJson {
                line,
                column,
                message,
                ..
            } => format!("line {line}, column {column}: {message}"),
            Error::InvalidValue { message, .. }
            | Error::InvalidArgument { message, .. }
            | Error::InvalidTable { message, .. } => message.clone(),
            Error::LimitExceeded { limit, message, .. } => format!("{message} (limit {limit})"),
            Error::Migration { from, message, .. } => {
                format!("cannot migrate from schema version {from}: {message}")
            }
            other => {
                let text = other.to_string();
                match text.split_once(": ") {
                    Some((_, rest)) => rest.to_string(),
                    None => text,
                }
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
            Category::Data => Error::InvalidValue { path, message },
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
