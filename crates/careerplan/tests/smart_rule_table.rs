//! The rule table in the `smart` module docs lists every rule of
//! `data/smart/rules.json`, in the catalogue's order, with its criterion,
//! default severity and scope (`(context)` or `(plan)` before the
//! description; nothing for a text rule).

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on failure

use std::path::PathBuf;

/// The rows of the `# Rules` table: (code, criterion, severity, scope).
fn table_rows(docs: &str) -> Vec<(String, String, String, String)> {
    let section = docs
        .split("\n//! # Rules\n")
        .nth(1)
        .expect("the smart module docs have a `# Rules` section");
    section
        .lines()
        .map_while(|l| l.strip_prefix("//!"))
        .map(str::trim)
        .take_while(|l| !l.starts_with('#'))
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split(" | ").map(str::trim).collect();
            assert_eq!(cells.len(), 4, "a rule row has four cells: {l}");
            let scope = if cells[3].starts_with("(context)") {
                "context"
            } else if cells[3].starts_with("(plan)") {
                "plan"
            } else {
                "text"
            };
            (
                cells[0].trim_matches('`').to_string(),
                cells[1].to_string(),
                cells[2].to_string(),
                scope.to_string(),
            )
        })
        .collect()
}

#[test]
fn module_docs_list_every_rule_as_the_catalogue_does() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/smart/mod.rs");
    let docs = std::fs::read_to_string(&path).expect("read src/smart/mod.rs");
    let table = table_rows(&docs);
    let catalogue: Vec<(String, String, String, String)> = careerplan::smart::rules()
        .iter()
        .map(|r| {
            let v = serde_json::to_value(r).unwrap();
            let s = |k: &str| v[k].as_str().unwrap().to_string();
            (s("code"), s("criterion"), s("severity"), s("scope"))
        })
        .collect();
    assert_eq!(
        catalogue.len(),
        29,
        "rules.json's rule count changed: update this test"
    );
    for rule in &catalogue {
        assert!(
            table.iter().any(|row| row.0 == rule.0),
            "rule `{}` is missing from the table in src/smart/mod.rs",
            rule.0
        );
    }
    for (row, rule) in table.iter().zip(&catalogue) {
        assert_eq!(
            row, rule,
            "the rule table in src/smart/mod.rs (left: code, criterion, default severity, \
             scope) differs from data/smart/rules.json (right)"
        );
    }
    assert_eq!(
        table.len(),
        catalogue.len(),
        "the table has rules rules.json lacks"
    );
}
