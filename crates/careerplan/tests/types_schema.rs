//! `schema/types.schema.json`: the JSON Schema of every shape that crosses a
//! binding (the plan, the options the functions take, the reports they
//! return), generated from the Rust types. The bindings' type declarations
//! (Python `careerplan/types.py`, TypeScript `src/types.d.ts`) are generated
//! from that file by `scripts/gen_types.py`, so the Rust types are the one
//! source of every shape.
//!
//! What a caller writes is described as serde reads it (an `Option` field may
//! be left out); what a report holds is described as serde writes it (a field
//! written as `null` is required and nullable, one skipped when empty is
//! optional). A type that is both (the plan inside a draft report) is
//! described as read.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on failure
#![allow(clippy::disallowed_methods)] // std's sorts: tests are not in the WebAssembly build
use std::path::PathBuf;

use careerplan::{draft, error, limits, plan, progress, schedule, skills, smart};
use schemars::generate::{Contract, SchemaGenerator, SchemaSettings};
use serde_json::{Map, Value};

/// The shapes callers write: documents and options.
fn inputs(generator: &mut SchemaGenerator) {
    generator.subschema_for::<plan::Plan>();
    generator.subschema_for::<limits::Limits>();
    generator.subschema_for::<schedule::AgendaOptions>();
    generator.subschema_for::<schedule::IcsOptions>();
    generator.subschema_for::<schedule::Prompts>();
    generator.subschema_for::<progress::RoadmapOptions>();
    generator.subschema_for::<progress::RoadmapFormat>();
    generator.subschema_for::<progress::ProgressOptions>();
    generator.subschema_for::<smart::LintConfig>();
    generator.subschema_for::<smart::Context>();
    generator.subschema_for::<skills::GapOptions>();
    generator.subschema_for::<skills::RankOptions>();
    generator.subschema_for::<skills::RoleCatalog>();
    generator.subschema_for::<skills::Person>();
    generator.subschema_for::<skills::LearningCatalog>();
    generator.subschema_for::<skills::onet::OnetOptions>();
    generator.subschema_for::<skills::esco::EscoOptions>();
    generator.subschema_for::<skills::resume::ResumeOptions>();
    generator.subschema_for::<draft::DraftOptions>();
}

/// The shapes the library returns.
fn outputs(generator: &mut SchemaGenerator) {
    generator.subschema_for::<plan::Problem>();
    generator.subschema_for::<schedule::ReviewEvent>();
    generator.subschema_for::<progress::GoalProgress>();
    generator.subschema_for::<progress::PlanStatus>();
    generator.subschema_for::<smart::LintReport>();
    generator.subschema_for::<smart::PlanLintReport>();
    generator.subschema_for::<smart::RuleInfo>();
    generator.subschema_for::<error::ErrorItem>();
    generator.subschema_for::<skills::GapReport>();
    generator.subschema_for::<skills::RankEntry>();
    generator.subschema_for::<skills::TransferReport>();
    generator.subschema_for::<skills::GapMatrix>();
    generator.subschema_for::<skills::Coverage>();
    generator.subschema_for::<skills::onet::OnetStats>();
    generator.subschema_for::<skills::esco::EscoStats>();
    generator.subschema_for::<skills::resume::ResumeImport>();
    generator.subschema_for::<draft::DraftReport>();
}

fn definitions(contract: Contract, roots: fn(&mut SchemaGenerator)) -> Map<String, Value> {
    let mut generator = SchemaSettings::draft2020_12()
        .with(|s| s.contract = contract)
        .into_generator();
    roots(&mut generator);
    generator.take_definitions(true)
}

/// The file's text: one schema whose `$defs` hold every shape, in name order.
fn types_schema_json() -> String {
    let mut defs = definitions(Contract::Deserialize, inputs);
    let read: Vec<String> = defs.keys().cloned().collect();
    for (name, def) in definitions(Contract::Serialize, outputs) {
        defs.entry(name).or_insert(def);
    }
    let mut sorted: Vec<(String, Value)> = defs.into_iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let schema = serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "careerplan types",
        "description": "Every JSON shape that crosses careerplan's bindings, generated from the Rust types (crates/careerplan/tests/types_schema.rs). Inputs (the types named in x-inputs) are described as read, reports as written.",
        "x-inputs": read,
        "$defs": Value::Object(sorted.into_iter().collect()),
    });
    let mut text = serde_json::to_string_pretty(&schema).unwrap();
    text.push('\n');
    text
}

#[test]
fn checked_in_types_schema_is_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../schema/types.schema.json");
    let generated = types_schema_json();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).expect("write schema");
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "schema/types.schema.json is stale; regenerate it and the bindings' types with\n  \
         UPDATE_SCHEMA=1 cargo test -p careerplan --test types_schema && python3 scripts/gen_types.py"
    );
}
