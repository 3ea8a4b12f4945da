//! Resource limits: how much input the library accepts and how much work one
//! call may do, so that no input can exhaust memory or run for minutes.
//!
//! | limit | default | checked by | path of the error |
//! |---|---|---|---|
//! | `max_input_bytes` | 16 MiB | [`plan::load_plan`](crate::plan::load_plan) of text (and every loader built on it) | `""` |
//! | `max_depth` | 64 | the same, on the JSON text or value | the container one level too deep, e.g. `x[0][0]` |
//! | `max_entities` | 10,000 | the same, per list of the plan (`goals`, `actions`, `profile.skills`, ...) | the list, e.g. `goals` |
//! | `max_text_bytes` | 64 KiB | [`Linter::lint_text`](crate::smart::Linter::lint_text), `lint_many`, `lint_goal`, `lint_plan`, `lint_each` | `text` (per row for `lint_each`), `texts[i]`, `title`, `goals[i].title` |
//! | `max_agenda_years` | 100 | [`schedule::agenda`](crate::schedule::agenda), `overdue`, `next_review`, `to_ics` | `to` |
//! | `max_events` | 1,000,000 | the same, counting occurrences before deduplication | `""` |
//!
//! Exceeding a limit is [`Error::LimitExceeded`] (code `limit-exceeded`)
//! naming the limit. The defaults are far above any real career plan (a
//! plan of 10,000 goals is already a data error) and keep the worst case in
//! the tens of megabytes and well under a second. Every text matcher in the
//! linter runs in time linear in its input, so the text limit bounds time,
//! not correctness.
//!
//! `Limits` is serde (`snake_case` keys, every field optional), so it can be
//! given where options are: `LintConfig.limits`, `AgendaOptions.limits`.
//!
//! ```
//! use careerplan::limits::Limits;
//! let tight = Limits { max_entities: 1, ..Limits::default() };
//! let json = r#"{"schema_version": 1, "id": "p",
//!   "goals": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}]}"#;
//! let err = careerplan::plan::load_plan(json, &tight).unwrap_err();
//! assert_eq!((err.code(), err.path()), ("limit-exceeded", "goals"));
//! assert!(careerplan::plan::load_plan(json, &Limits::default()).is_ok());
//! ```

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Error;

/// Limits on input size and on the work of one call; see the
/// [module docs](self) for what each one bounds and its default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    /// Largest JSON document read, in bytes (UTF-8). Default 16 MiB.
    pub max_input_bytes: u64,
    /// Deepest nesting of arrays and objects in a document (the root
    /// object is depth 1). Default 64; no face reads deeper than
    /// [`MAX_NESTING`] (serde_json's own guard, 128).
    pub max_depth: u32,
    /// Most entries in any one list of a plan (`goals`, `actions`,
    /// `contacts`, `reviews`, `profile.skills`, ...). Default 10,000.
    pub max_entities: u64,
    /// Longest goal statement linted, in bytes. Default 64 KiB.
    pub max_text_bytes: u64,
    /// Longest agenda window (`from` to `to`), in years of 366 days.
    /// Default 100.
    pub max_agenda_years: u32,
    /// Most event occurrences one agenda expands to. Default 1,000,000.
    pub max_events: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 16 * 1024 * 1024,
            max_depth: 64,
            max_entities: 10_000,
            max_text_bytes: 64 * 1024,
            max_agenda_years: 100,
            max_events: 1_000_000,
        }
    }
}

impl Limits {
    /// Limits that never trigger (every field at its type's maximum), for
    /// trusted input.
    pub fn none() -> Limits {
        Limits {
            max_input_bytes: u64::MAX,
            max_depth: u32::MAX,
            max_entities: u64::MAX,
            max_text_bytes: u64::MAX,
            max_agenda_years: u32::MAX,
            max_events: u64::MAX,
        }
    }

    /// Check the size of an input of `len` bytes (a reader may stop at
    /// `max_input_bytes + 1`: the error does not state the full size).
    ///
    /// # Errors
    /// [`Error::LimitExceeded`] for `max_input_bytes`, path `path`.
    pub fn check_input_bytes(&self, len: usize, path: &str) -> Result<(), Error> {
        if len as u64 > self.max_input_bytes {
            return Err(exceeded(
                "max_input_bytes",
                path,
                format!(
                    "the input is larger than the limit of {} bytes",
                    self.max_input_bytes
                ),
            ));
        }
        Ok(())
    }

    /// Check the size and nesting depth of a JSON document before parsing.
    ///
    /// # Errors
    /// As [`check_input_bytes`](Limits::check_input_bytes) and
    /// [`check_json_depth`](Limits::check_json_depth).
    pub fn check_json_text(&self, json: &str) -> Result<(), Error> {
        self.check_input_bytes(json.len(), "")?;
        self.check_json_depth(json)
    }

    /// Check the size of a text to lint.
    ///
    /// # Errors
    /// [`Error::LimitExceeded`] for `max_text_bytes`, path `text`.
    pub fn check_text(&self, text: &str) -> Result<(), Error> {
        if text.len() as u64 > self.max_text_bytes {
            return Err(exceeded(
                "max_text_bytes",
                "text",
                format!(
                    "the text has {} bytes, more than the limit of {} for one goal statement",
                    text.len(),
                    self.max_text_bytes
                ),
            ));
        }
        Ok(())
    }

    /// Check the nesting depth of JSON text in one pass over its bytes,
    /// before any parser recurses into it. Malformed text is left to the
    /// parser; only the depth is judged here.
    ///
    /// # Errors
    /// [`Error::LimitExceeded`] for `max_depth`, at the path of the first
    /// container nested too deep.
    pub fn check_json_depth(&self, json: &str) -> Result<(), Error> {
        enum Frame {
            Array(usize),
            /// The byte range of the current key, once read.
            Object(Option<(usize, usize)>, bool),
        }
        let b = json.as_bytes();
        let mut stack: Vec<Frame> = Vec::new();
        let mut i = 0;
        while i < b.len() {
            match b[i] {
                b'"' => {
                    let start = i + 1;
                    i += 1;
                    while i < b.len() && b[i] != b'"' {
                        i += if b[i] == b'\\' { 2 } else { 1 };
                    }
                    if let Some(Frame::Object(key, expecting)) = stack.last_mut()
                        && *expecting
                    {
                        *key = Some((start, i.min(b.len())));
                        *expecting = false;
                    }
                }
                open @ (b'[' | b'{') => {
                    if stack.len() as u64 >= u64::from(self.max_depth) {
                        let path = render_path(json, &stack, |f| match f {
                            Frame::Array(n) => Segment::Index(*n),
                            Frame::Object(Some((s, e)), _) => Segment::Key(*s, *e),
                            Frame::Object(None, _) => Segment::Key(0, 0),
                        });
                        return Err(self.depth_error(path));
                    }
                    stack.push(if open == b'[' {
                        Frame::Array(0)
                    } else {
                        Frame::Object(None, true)
                    });
                }
                b']' | b'}' => {
                    stack.pop();
                }
                b',' => match stack.last_mut() {
                    Some(Frame::Array(n)) => *n += 1,
                    Some(Frame::Object(_, expecting)) => *expecting = true,
                    None => {}
                },
                _ => {}
            }
            i += 1;
        }
        Ok(())
    }

    /// Check the nesting depth of an already-parsed JSON value (a Python
    /// dict or a JS object read into one).
    ///
    /// # Errors
    /// As [`check_json_depth`](Limits::check_json_depth).
    pub fn check_value_depth(&self, value: &serde_json::Value) -> Result<(), Error> {
        // The recursion stops one level below `max_depth`, so its own depth
        // is bounded.
        fn walk(v: &serde_json::Value, depth: u64, max: u64) -> Result<(), Vec<String>> {
            if !(v.is_array() || v.is_object()) {
                return Ok(());
            }
            if depth > max {
                return Err(Vec::new());
            }
            let descend = |segment: &dyn Fn() -> String, child| {
                walk(child, depth + 1, max).map_err(|mut path| {
                    path.push(segment());
                    path
                })
            };
            match v {
                serde_json::Value::Array(items) => {
                    for (i, child) in items.iter().enumerate() {
                        descend(&|| format!("[{i}]"), child)?;
                    }
                }
                serde_json::Value::Object(map) => {
                    for (k, child) in map {
                        descend(&|| format!(".{k}"), child)?;
                    }
                }
                _ => {}
            }
            Ok(())
        }
        walk(value, 1, u64::from(self.max_depth)).map_err(|segments| {
            let mut path: String = segments.into_iter().rev().collect();
            if path.starts_with('.') {
                path.remove(0);
            }
            self.depth_error(path)
        })
    }

    fn depth_error(&self, path: String) -> Error {
        exceeded(
            "max_depth",
            &path,
            format!(
                "arrays and objects are nested more than {} deep",
                self.max_depth
            ),
        )
    }

    /// Check the length of lists, given as `(path, length)` pairs (a
    /// document checks its own lists this way:
    /// [`Plan::check_limits`](crate::plan::Plan::check_limits)).
    ///
    /// # Errors
    /// [`Error::LimitExceeded`] for `max_entities`, at the first long list's
    /// path.
    pub fn check_entities(&self, lists: &[(&str, usize)]) -> Result<(), Error> {
        for &(path, len) in lists {
            if len as u64 > self.max_entities {
                return Err(exceeded(
                    "max_entities",
                    path,
                    format!(
                        "{len} entries, more than the limit of {}",
                        self.max_entities
                    ),
                ));
            }
        }
        Ok(())
    }

    /// Check an agenda window of `days` days.
    pub(crate) fn check_span(&self, days: i64) -> Result<(), Error> {
        if days > i64::from(self.max_agenda_years).saturating_mul(366) {
            return Err(exceeded(
                "max_agenda_years",
                "to",
                format!(
                    "the window spans {days} days, more than the limit of {} years",
                    self.max_agenda_years
                ),
            ));
        }
        Ok(())
    }

    /// The error for an agenda that expands to more than `max_events`.
    pub(crate) fn events_error(&self) -> Error {
        exceeded(
            "max_events",
            "",
            format!(
                "the agenda has more than {} events; choose a shorter window or fewer kinds",
                self.max_events
            ),
        )
    }
}

enum Segment {
    Index(usize),
    Key(usize, usize),
}

fn render_path<F>(json: &str, stack: &[F], segment: impl Fn(&F) -> Segment) -> String {
    let mut path = String::new();
    for frame in stack {
        match segment(frame) {
            Segment::Index(n) => path.push_str(&format!("[{n}]")),
            Segment::Key(s, e) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(json.get(s..e).unwrap_or(""));
            }
        }
    }
    path
}

fn exceeded(limit: &'static str, path: &str, message: String) -> Error {
    Error::LimitExceeded {
        limit,
        path: path.to_string(),
        message,
    }
}

/// The nesting no face reads, whatever the [`Limits`]: serde_json's
/// recursion limit, which JSON text meets first (it reads fewer nested
/// arrays and objects than this). The bindings convert
/// host objects (Python dicts and lists, JavaScript objects) down to this
/// depth and refuse deeper ones (a list that contains itself) as an invalid
/// value with its path; [`Limits::max_depth`] (64 by default, never more
/// than this in effect) is then checked by the core, the same on every face.
pub const MAX_NESTING: usize = 128;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_nesting_is_the_json_parsers_guard() {
        let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        // serde_json's recursion limit: fewer containers than it are read.
        assert!(crate::json::parse_value(&nested(MAX_NESTING - 1), "").is_ok());
        assert!(crate::json::parse_value(&nested(MAX_NESTING), "").is_err());
        assert!(Limits::default().max_depth as usize <= MAX_NESTING);
    }

    #[test]
    fn depth_paths_name_the_container() {
        let limits = Limits {
            max_depth: 3,
            ..Limits::default()
        };
        assert!(limits.check_json_depth(r#"{"a": [{"b": 1}]}"#).is_ok());
        let err = limits
            .check_json_depth(r#"{"s": "[[[[", "a": [1, {"b": [[2]]}]}"#)
            .unwrap_err();
        assert_eq!((err.code(), err.path()), ("limit-exceeded", "a[1].b"));
        let value: serde_json::Value =
            serde_json::from_str(r#"{"s": "[[[[", "a": [1, {"b": [[2]]}]}"#).unwrap();
        let err = limits.check_value_depth(&value).unwrap_err();
        assert_eq!(err.path(), "a[1].b");
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let err = Limits::default().check_json_depth(&deep).unwrap_err();
        assert_eq!(err.path().matches("[0]").count(), 64);
    }

    #[test]
    fn escaped_quotes_do_not_end_strings() {
        let limits = Limits {
            max_depth: 1,
            ..Limits::default()
        };
        assert!(
            limits
                .check_json_depth(r#"{"k\"[": "v\\", "w": "{"}"#)
                .is_ok()
        );
    }
}
