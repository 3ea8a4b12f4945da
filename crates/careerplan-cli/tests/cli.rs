//! Golden tests of the CLI: stdout, stderr and exit status of each command.
//!
//! Regenerate the golden files with `UPDATE_GOLDEN=1 cargo test -p careerplan-cli`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on failure

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_careerplan"));
    cmd.args(args).current_dir(root());
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn careerplan");
    if let Some(bytes) = stdin {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    child.wait_with_output().unwrap()
}

/// Compare `actual` with the golden file, or rewrite it under UPDATE_GOLDEN.
fn golden(name: &str, actual: &str) {
    let path: PathBuf = root().join("tests/golden").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing {}; run with UPDATE_GOLDEN=1", path.display()));
    assert_eq!(actual, expected, "output differs from {}", path.display());
}

fn check(name: &str, args: &[&str], stdin: Option<&[u8]>, status: i32) -> Output {
    let out = run(args, stdin);
    let stdout = String::from_utf8(out.stdout.clone()).unwrap();
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    golden(&format!("{name}.stdout"), &stdout);
    golden(&format!("{name}.stderr"), &stderr);
    assert_eq!(out.status.code(), Some(status), "{name}: {stderr}");
    assert!(!stderr.contains("panicked"), "{name}: {stderr}");
    out
}

#[test]
fn validate_valid_plan() {
    check(
        "validate-valid",
        &["validate", "../../examples/data/plan.json"],
        None,
        0,
    );
    let out = check(
        "validate-valid-json",
        &[
            "validate",
            "--format",
            "json",
            "../../examples/data/plan.json",
        ],
        None,
        0,
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v, serde_json::json!({"valid": true, "problems": []}));
}

#[test]
fn validate_invalid_plan_names_each_problem() {
    check(
        "validate-invalid",
        &["validate", "tests/data/invalid.json"],
        None,
        1,
    );
    let out = check(
        "validate-invalid-json",
        &["validate", "--format", "json", "tests/data/invalid.json"],
        None,
        1,
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["valid"], false);
    let codes: Vec<&str> = v["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect();
    for code in [
        "duplicate-id",
        "dangling-reference",
        "goal-cycle",
        "child-after-parent",
        "level-out-of-scale",
    ] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
    for p in v["problems"].as_array().unwrap() {
        for key in ["code", "severity", "path", "message"] {
            assert!(p.get(key).is_some(), "{p} lacks {key}");
        }
    }
}

#[test]
fn validate_bad_date_and_malformed_file() {
    check(
        "validate-bad-date",
        &["validate", "tests/data/bad-date.json"],
        None,
        1,
    );
    check(
        "validate-malformed",
        &["validate", "tests/data/malformed.json"],
        None,
        2,
    );
    check(
        "validate-missing-file",
        &["validate", "tests/data/does-not-exist.json"],
        None,
        2,
    );
}

#[test]
fn validate_reads_stdin_and_rejects_invalid_utf8() {
    let plan = std::fs::read(root().join("../../examples/data/plan.json")).unwrap();
    let out = run(&["validate", "-"], Some(&plan));
    assert_eq!(out.status.code(), Some(0));
    check(
        "validate-invalid-utf8",
        &["validate", "-"],
        Some(b"{\"id\": \"\xff\"}"),
        2,
    );
}

#[test]
fn bad_usage_exits_2() {
    let out = run(&["validate"], None);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["frobnicate"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn schema_prints_the_checked_in_schema() {
    let out = run(&["schema"], None);
    assert_eq!(out.status.code(), Some(0));
    let checked_in =
        std::fs::read_to_string(root().join("../../schema/careerplan.schema.json")).unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), checked_in);
}

#[test]
fn demo_summarises_the_example_plan() {
    let out = check("demo", &["demo", "--today", "2026-11-22"], None, 0);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Become a senior project manager within five years."));
    let out = run(&["demo", "--format", "json", "--today", "2026-11-22"], None);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["plan"]["id"], "plan-jordan-2026");
}

const PLAN: &str = "../../examples/data/plan.json";

#[test]
fn schedule_lists_reviews_in_every_format() {
    let base = [
        "schedule",
        "--plan",
        PLAN,
        "--today",
        "2026-11-22",
        "--from",
        "2026-11-22",
        "--to",
        "2027-03-31",
    ];
    check("schedule-text", &base, None, 0);
    let mut json_args = base.to_vec();
    json_args.extend(["--format", "json"]);
    let out = check("schedule-json", &json_args, None, 0);
    let events: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let dates: Vec<&str> = events
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["date"].as_str().unwrap())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "sorted by date");
    for e in events.as_array().unwrap() {
        for key in ["date", "kind", "subject_id", "title"] {
            assert!(e.get(key).is_some(), "{e} lacks {key}");
        }
    }
    let mut ics_args = base.to_vec();
    ics_args.extend(["--format", "ics"]);
    let out = check("schedule-ics", &ics_args, None, 0);
    let ics = String::from_utf8(out.stdout).unwrap();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
}

#[test]
fn status_and_roadmap() {
    check(
        "status-text",
        &["status", "--plan", PLAN, "--today", "2026-11-22"],
        None,
        0,
    );
    let out = run(
        &[
            "status",
            "--plan",
            PLAN,
            "--today",
            "2026-11-22",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap();
    check(
        "roadmap-md",
        &[
            "roadmap",
            "--plan",
            PLAN,
            "--today",
            "2026-11-22",
            "--format",
            "md",
        ],
        None,
        0,
    );
    check(
        "roadmap-mermaid",
        &[
            "roadmap",
            "--plan",
            PLAN,
            "--today",
            "2026-11-22",
            "--format",
            "mermaid",
        ],
        None,
        0,
    );
    let out = run(
        &[
            "roadmap",
            "--plan",
            PLAN,
            "--today",
            "2026-11-22",
            "--format",
            "svg",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stdout).unwrap().starts_with("<svg"));
    // A bad date argument is bad usage.
    let out = run(&["status", "--plan", PLAN, "--today", "2026-02-30"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn lint_lines_follows_the_jsonl_contract() {
    let args = [
        "lint",
        "--today",
        "2026-11-22",
        "--format",
        "jsonl",
        "--lines",
        "tests/data/goals.txt",
    ];
    let out = check("lint-jsonl", &args, None, 1);
    let input = std::fs::read_to_string(root().join("tests/data/goals.txt")).unwrap();
    let count = String::from_utf8(out.stdout).unwrap().lines().count();
    assert_eq!(count, input.lines().count(), "one object per input line");
    let stdout = String::from_utf8(run(&args, None).stdout).unwrap();
    for (text, line) in input.lines().zip(stdout.lines()) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["text"], text, "in order");
        assert!(v["deadline"].is_null() || v["deadline"].as_str().unwrap().len() == 10);
        for c in [
            "specific",
            "measurable",
            "achievable",
            "relevant",
            "time_bound",
        ] {
            let score = v["criteria"][c]["score"].as_u64().unwrap();
            assert!(score <= 100);
            assert!(v["criteria"][c]["met"].is_boolean() || v["criteria"][c]["met"].is_null());
        }
        for d in v["diagnostics"].as_array().unwrap() {
            for key in [
                "code",
                "criterion",
                "severity",
                "message",
                "span",
                "suggestion",
            ] {
                assert!(d.get(key).is_some(), "{d} lacks {key}");
            }
            let (start, end) = (
                d["span"]["start"].as_u64().unwrap() as usize,
                d["span"]["end"].as_u64().unwrap() as usize,
            );
            assert!(
                start <= end
                    && end <= text.len()
                    && text.is_char_boundary(start)
                    && text.is_char_boundary(end)
            );
        }
    }
}

#[test]
fn lint_text_underlines_and_plan_lint() {
    check(
        "lint-text",
        &[
            "lint",
            "--today",
            "2026-11-22",
            "--lines",
            "tests/data/goals.txt",
        ],
        None,
        1,
    );
    check(
        "lint-plan",
        &["lint", "--today", "2026-11-22", PLAN],
        None,
        0,
    );
    let out = run(
        &["lint", "--today", "2026-11-22", "--format", "json", PLAN],
        None,
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["goals"].as_array().unwrap().len(), 5);
    // Reading the goals from stdin gives the same output as from a file.
    let clean = b"Earn the PMP certification by June 2027.\n";
    let out = run(
        &[
            "lint",
            "--today",
            "2026-11-22",
            "--format",
            "jsonl",
            "--lines",
            "-",
        ],
        Some(clean),
    );
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["deadline"], "2027-06-30");
    // Neither a plan nor --lines, or both: bad usage.
    assert_eq!(run(&["lint"], None).status.code(), Some(2));
    assert_eq!(
        run(&["lint", PLAN, "--lines", "-"], None).status.code(),
        Some(2)
    );
}

#[test]
fn rules_list_and_explain() {
    check("rules", &["rules"], None, 0);
    check("rules-hedge", &["rules", "hedge"], None, 0);
    check(
        "rules-generic-outcome",
        &["rules", "generic-outcome"],
        None,
        0,
    );
    check("rules-compound-goal", &["rules", "compound-goal"], None, 0);
    check(
        "rules-implausible-rate",
        &["rules", "implausible-rate"],
        None,
        0,
    );
    let out = run(&["rules", "--format", "json"], None);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.as_array().unwrap().len() >= 10);
    check("rules-unknown", &["rules", "no-such-rule"], None, 2);
}

#[test]
fn gap_rank_and_roles() {
    check(
        "gap-text",
        &[
            "gap",
            "--plan",
            PLAN,
            "--role",
            "senior-project-manager",
            "--today",
            "2026-11-22",
        ],
        None,
        0,
    );
    let out = check(
        "gap-json",
        &[
            "gap",
            "--plan",
            PLAN,
            "--role",
            "senior-project-manager",
            "--today",
            "2026-11-22",
            "--format",
            "json",
        ],
        None,
        0,
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["role_id"], "senior-project-manager");
    let readiness = v["readiness"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&readiness));
    for s in v["skills"].as_array().unwrap() {
        for key in ["skill", "current", "required", "gap", "weight"] {
            assert!(s.get(key).is_some(), "{s} lacks {key}");
        }
    }
    check(
        "rank-text",
        &["rank", "--plan", PLAN, "--top", "5"],
        None,
        0,
    );
    let out = run(&["rank", "--plan", PLAN, "--format", "json"], None);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let entries = v.as_array().unwrap();
    assert!(entries.len() >= 25);
    let scores: Vec<f64> = entries
        .iter()
        .map(|e| e["readiness"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "best first");
    for e in entries {
        for key in ["role_id", "title", "readiness", "tier"] {
            assert!(e.get(key).is_some(), "{e} lacks {key}");
        }
    }
    check("roles-text", &["roles"], None, 0);
    let out = run(&["roles", "--format", "json"], None);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for r in v.as_array().unwrap() {
        assert!(r["id"].is_string() && r["title"].is_string() && r["requirements"].is_array());
    }
    check(
        "gap-unknown-role",
        &["gap", "--plan", PLAN, "--role", "astronaut"],
        None,
        2,
    );
}

#[test]
fn roles_from_onet() {
    let onet = root().join("../../../shared/data/onet");
    assert!(
        onet.join("Skills.txt").exists(),
        "the O*NET test data is missing: {}",
        onet.display()
    );
    let out = run(
        &[
            "roles",
            "--onet",
            onet.to_str().unwrap(),
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 879);
    let out = run(
        &[
            "rank",
            "--plan",
            PLAN,
            "--top",
            "3",
            "--onet",
            onet.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(
        String::from_utf8(out.stdout).unwrap().contains("O*NET"),
        "attribution shown"
    );
    let out = run(&["roles", "--onet", "/nonexistent"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn import_resume_reports_unknown_levels() {
    let out = check(
        "import-resume",
        &["import-resume", "tests/data/resume.json"],
        None,
        0,
    );
    let plan = careerplan::plan::load_plan(std::str::from_utf8(&out.stdout).unwrap()).unwrap();
    assert_eq!(plan.owner.unwrap().name, "Priya Natarajan");
    assert!(plan.profile.skills.iter().any(|s| s.skill == "SQL"));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("Wizardly"), "{stderr}");
}

#[test]
fn onet_files_are_read_within_the_input_limit() {
    // A Skills.txt past max_input_bytes (16 MiB) is refused with the limit's
    // code, not read whole into memory.
    let dir = std::env::temp_dir().join(format!("careerplan-onet-limit-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("Skills.txt"), vec![b'x'; 17 << 20]).unwrap();
    let out = run(&["roles", "--onet", dir.to_str().unwrap()], None);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("Skills.txt") && stderr.contains("[limit-exceeded]"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}
