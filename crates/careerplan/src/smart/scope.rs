//! What the linter knows about how long roles take to reach, for callers
//! that set deadlines (the plan drafter) rather than judge them.

use super::lexicon::{Cat, lexicon};
use super::token::Tokens;

/// The shortest span, in months, in which a role with this title is
/// realistically reached from outside, when the title names a senior role
/// (`data/smart/senior_roles.txt`: "chief" 24, "director" 6, ...); the
/// longest when it names several. A goal that aims at the role sooner is
/// flagged `extreme-scope`.
///
/// ```
/// use careerplan::smart::senior_role_months;
/// assert_eq!(senior_role_months("Chief Executives"), Some(24));
/// assert_eq!(senior_role_months("Data analyst"), None);
/// ```
pub fn senior_role_months(title: &str) -> Option<u32> {
    let lex = lexicon();
    let t = Tokens::new(title, lex);
    lex.match_phrases(&t)
        .all()
        .iter()
        .filter_map(|m| match m.cat {
            Cat::SeniorRole(months) => Some(u32::from(months)),
            _ => None,
        })
        .max()
}
