//! Batch linting for data platforms: a column of statements, each of which
//! may be missing, with one result per row.
//!
//! [`Linter::lint_many`] lints a list of statements and names a bad one by
//! its place in the list (`texts[i]`); a table of every goal in a company
//! has missing statements (SQL NULLs) as well as the odd pasted essay, and
//! each row's error is that row's own (path `text`, as [`Linter::lint_text`]
//! gives it), beside the other rows' reports, as in [`rank_each`] and
//! [`agenda_each`].
//!
//! [`rank_each`]: crate::skills::rank_each
//! [`agenda_each`]: crate::schedule::agenda_each

use super::{Context, LintReport, Linter};
use crate::Error;

impl Linter {
    /// Lint a column of statements, each of which may be missing (`None`):
    /// one result per row, in order. A row is `Ok` with exactly the report
    /// of [`Linter::lint_text`], or `Err` with that row's error alone:
    /// [`Error::InvalidValue`] (path `text`) for a missing statement,
    /// [`Error::LimitExceeded`] (path `text`) for one longer than
    /// `limits.max_text_bytes`.
    ///
    /// With the `parallel` feature the rows are shared out over rayon's
    /// current pool (the global one, or the pool the caller `install`ed).
    ///
    /// ```
    /// use careerplan::smart::{Context, LintConfig, Linter};
    /// let linter = Linter::new(LintConfig {
    ///     today: chrono::NaiveDate::from_ymd_opt(2026, 11, 22),
    ///     ..LintConfig::default()
    /// })?;
    /// let rows = [Some("Pass the CCNA exam by June 2027."), None];
    /// let out = linter.lint_each(&rows, &Context::default());
    /// assert_eq!(out[0].as_ref().unwrap().deadline.unwrap().to_string(), "2027-06-30");
    /// assert_eq!(out[1].as_ref().unwrap_err().code(), "invalid-value");
    /// # Ok::<(), careerplan::Error>(())
    /// ```
    pub fn lint_each<S: AsRef<str> + Sync>(
        &self,
        texts: &[Option<S>],
        ctx: &Context,
    ) -> Vec<Result<LintReport, Error>> {
        let one = |text: &Option<S>| match text {
            Some(text) => self.lint_text(text.as_ref(), ctx),
            None => Err(Error::InvalidValue {
                path: "text".into(),
                message: "expected a goal statement, got null".into(),
            }),
        };
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            texts.par_iter().map(one).collect()
        }
        #[cfg(not(feature = "parallel"))]
        {
            texts.iter().map(one).collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::Limits;
    use crate::smart::LintConfig;

    #[test]
    fn each_row_is_the_single_lint_or_its_own_error() {
        let linter = Linter::new(LintConfig {
            today: chrono::NaiveDate::from_ymd_opt(2026, 11, 22),
            limits: Limits {
                max_text_bytes: 40,
                ..Limits::default()
            },
            ..LintConfig::default()
        })
        .unwrap();
        let long = "Publish many posts ".repeat(5);
        let rows = [
            Some("Publish 4 posts by June 2027."),
            None,
            Some(long.as_str()),
            Some("Grow."),
        ];
        let ctx = Context::default();
        let out = linter.lint_each(&rows, &ctx);
        assert_eq!(out.len(), 4);
        assert_eq!(
            out[0].as_ref().unwrap(),
            &linter
                .lint_text("Publish 4 posts by June 2027.", &ctx)
                .unwrap()
        );
        let null = out[1].as_ref().unwrap_err();
        assert_eq!((null.code(), null.path()), ("invalid-value", "text"));
        let long = out[2].as_ref().unwrap_err();
        assert_eq!(
            (long.code(), long.path(), long.limit()),
            ("limit-exceeded", "text", Some("max_text_bytes"))
        );
        assert_eq!(out[3], linter.lint_text("Grow.", &ctx));
    }
}
