//! The checked-in JSON Schema must match the one generated from the types.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on failure

use std::path::PathBuf;

#[test]
fn checked_in_schema_is_current() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../schema/careerplan.schema.json");
    let generated = careerplan::plan::schema::plan_schema_json();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).expect("write schema");
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "schema/careerplan.schema.json is stale; regenerate it with\n  \
         UPDATE_SCHEMA=1 cargo test -p careerplan --test schema\n\
         (or: cargo run -p careerplan-cli -- schema > schema/careerplan.schema.json)"
    );
}

#[test]
fn schema_describes_the_document() {
    let schema: serde_json::Value =
        serde_json::from_str(&careerplan::plan::schema::plan_schema_json()).unwrap();
    let props = &schema["properties"];
    for key in [
        "schema_version",
        "id",
        "profile",
        "goals",
        "actions",
        "contacts",
        "reviews",
    ] {
        assert!(props.get(key).is_some(), "schema lacks {key}");
    }
    assert_eq!(
        schema["required"],
        serde_json::json!(["schema_version", "id"])
    );
    // Dates are strings with the date format, so generic validators check them.
    let goal = &schema["$defs"]["Goal"]["properties"]["deadline"];
    assert!(goal.to_string().contains("\"format\":\"date\""), "{goal}");
}
