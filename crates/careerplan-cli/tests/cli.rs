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
fn lint_time_conventions_are_options() {
    // Said on Wednesday 2026-12-02: "next thursday" is the 10th by default,
    // the 3rd when the nearest is meant; weeks end on Sunday or Saturday.
    let base = [
        "lint",
        "--today",
        "2026-12-02",
        "--lines",
        "tests/data/time-goals.txt",
    ];
    check("lint-time-text", &base, None, 1);
    let deadlines = |extra: &[&str]| -> Vec<serde_json::Value> {
        let mut args = base.to_vec();
        args.extend(["--format", "jsonl"]);
        args.extend(extra);
        let out = run(&args, None);
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["deadline"].clone())
            .collect()
    };
    let default = deadlines(&[]);
    assert_eq!(default[0], "2026-12-10");
    assert_eq!(default[1], "2026-12-13");
    assert_eq!(default[2], serde_json::Value::Null);
    assert_eq!(default[3], "2025-12-31");
    assert_eq!(default[4], "2027-09-30");
    assert_eq!(default[5], "2027-03-14");
    let other = deadlines(&["--next-weekday", "nearest", "--week-start", "sunday"]);
    assert_eq!(other[0], "2026-12-03");
    assert_eq!(other[1], "2026-12-12");
    let out = run(&[&base[..], &["--week-start", "friday"]].concat(), None);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown option value is bad usage"
    );
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
    let plan = careerplan::plan::load_plan(
        std::str::from_utf8(&out.stdout).unwrap(),
        &Default::default(),
    )
    .unwrap();
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

/// Statements on stdin, one of them over `max_text_bytes` (64 KiB).
fn lines_with_a_long_one() -> Vec<u8> {
    let mut text = String::from("Try to get better at sales soon.\n");
    text.push_str(&"grow ".repeat(14_000));
    text.push_str("\nPass the CCNA exam by June 2027.\n");
    text.into_bytes()
}

#[test]
fn lint_lines_one_long_line_costs_that_line_only() {
    let input = lines_with_a_long_one();
    let args = [
        "lint",
        "--today",
        "2026-11-22",
        "--format",
        "jsonl",
        "--lines",
        "-",
    ];
    let out = check("lint-jsonl-long-line", &args, Some(&input), 1);
    let items: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(items.len(), 3);
    assert_eq!(items[0]["text"], "Try to get better at sales soon.");
    assert_eq!(
        items[1],
        serde_json::json!({"error": {
            "code": "limit-exceeded",
            "message": "the text has 70000 bytes, more than the limit of 65536 for one goal statement (limit max_text_bytes)",
            "path": "<stdin>:2",
            "limit": "max_text_bytes",
        }})
    );
    assert_eq!(items[2]["deadline"], "2027-06-30");
    // The other formats keep the line's place too.
    check(
        "lint-text-long-line",
        &[
            "lint",
            "--today",
            "2026-11-22",
            "--format",
            "text",
            "--lines",
            "-",
        ],
        Some(&input),
        1,
    );
    let out = run(
        &[
            "lint",
            "--today",
            "2026-11-22",
            "--format",
            "json",
            "--lines",
            "-",
        ],
        Some(&input),
    );
    assert_eq!(out.status.code(), Some(1));
    let all: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(all[1]["error"]["code"], "limit-exceeded");
    assert_eq!(all.as_array().unwrap().len(), 3);
}

/// Read one line of a command's output, close the pipe, and expect the
/// command to stop quietly with status 0 (no panic, no message).
fn stops_quietly_when_the_reader_goes(args: &[&str]) {
    use std::io::BufRead;
    let mut child = Command::new(env!("CARGO_BIN_EXE_careerplan"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut reader = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    reader.read_line(&mut first).unwrap();
    assert!(!first.is_empty(), "{args:?} printed nothing");
    drop(reader);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
    assert_eq!(stderr, "", "{args:?}");
}

#[test]
fn a_closed_output_pipe_ends_every_command_quietly() {
    let onet = root().join("../../../shared/data/onet");
    assert!(onet.join("Skills.txt").exists(), "O*NET test data missing");
    let onet = onet.to_str().unwrap();
    // Outputs far larger than a pipe's buffer, so the writes meet the closed pipe.
    stops_quietly_when_the_reader_goes(&["roles", "--onet", onet, "--format", "json"]);
    stops_quietly_when_the_reader_goes(&["roles", "--onet", onet]);
    stops_quietly_when_the_reader_goes(&["rank", "--plan", PLAN, "--onet", onet]);
    stops_quietly_when_the_reader_goes(&[
        "schedule",
        "--plan",
        PLAN,
        "--from",
        "2026-01-01",
        "--to",
        "2099-12-31",
        "--prompts",
    ]);
    stops_quietly_when_the_reader_goes(&[
        "schedule",
        "--plan",
        PLAN,
        "--from",
        "2026-01-01",
        "--to",
        "2099-12-31",
        "--format",
        "ics",
    ]);
}

#[test]
fn a_byte_order_mark_is_skipped_in_files_and_stdin() {
    let plan = std::fs::read(root().join(PLAN)).unwrap();
    let with_bom = [b"\xef\xbb\xbf".as_slice(), &plan].concat();
    let out = run(&["validate", "-"], Some(&with_bom));
    assert_eq!(out.status.code(), Some(0), "{:?}", out);
    let plain = run(
        &["status", "--plan", "-", "--today", "2026-11-22"],
        Some(&plan),
    );
    let marked = run(
        &["status", "--plan", "-", "--today", "2026-11-22"],
        Some(&with_bom),
    );
    assert_eq!(marked.stdout, plain.stdout);
    // Spans of the first statement count from its first letter, not from the mark.
    let lines = b"Try to get better at sales soon.\nGrow.\n";
    let marked_lines = [b"\xef\xbb\xbf".as_slice(), lines].concat();
    let args = [
        "lint",
        "--today",
        "2026-11-22",
        "--format",
        "jsonl",
        "--lines",
        "-",
    ];
    let plain = run(&args, Some(lines));
    let marked = run(&args, Some(&marked_lines));
    assert_eq!(
        String::from_utf8(marked.stdout).unwrap(),
        String::from_utf8(plain.stdout).unwrap()
    );
}

#[test]
fn every_command_that_reads_a_plan_refuses_an_invalid_one() {
    let invalid = "tests/data/invalid.json";
    let cases: [(&str, Vec<&str>); 7] = [
        (
            "status",
            vec!["status", "--plan", invalid, "--today", "2026-11-22"],
        ),
        (
            "roadmap",
            vec!["roadmap", "--plan", invalid, "--today", "2026-11-22"],
        ),
        (
            "schedule",
            vec!["schedule", "--plan", invalid, "--from", "2026-11-22"],
        ),
        (
            "gap",
            vec![
                "gap",
                "--plan",
                invalid,
                "--role",
                "team-lead",
                "--today",
                "2026-11-22",
            ],
        ),
        ("rank", vec!["rank", "--plan", invalid]),
        ("lint", vec!["lint", "--today", "2026-11-22", invalid]),
        (
            "lint-json",
            vec!["lint", "--today", "2026-11-22", "--format", "json", invalid],
        ),
    ];
    let validate = run(&["validate", "--format", "json", invalid], None);
    assert_eq!(validate.status.code(), Some(1));
    let validation: serde_json::Value = serde_json::from_slice(&validate.stdout).unwrap();
    let errors: Vec<&serde_json::Value> = validation["problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["severity"] == "error")
        .collect();
    assert!(errors.iter().any(|p| p["code"] == "level-out-of-scale"));
    let mut first_stderr = None;
    for (name, args) in &cases {
        let out = run(args, None);
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}: {stderr}");
        assert!(out.stdout.is_empty(), "{name} went on: {stderr}");
        // Each problem `validate` finds, with the same code, one line each.
        for p in &errors {
            let line = format!(
                ": {}: {} [{}]",
                p["path"].as_str().unwrap(),
                p["message"].as_str().unwrap(),
                p["code"].as_str().unwrap()
            );
            assert!(stderr.contains(&line), "{name} lacks {line}:\n{stderr}");
        }
        assert!(!stderr.contains("invalid-value"), "{name}: {stderr}");
        // The same report from every command.
        match &first_stderr {
            None => first_stderr = Some(stderr),
            Some(first) => assert_eq!(&stderr, first, "{name}"),
        }
    }
    golden("invalid-plan.stderr", first_stderr.as_deref().unwrap());
}

#[test]
fn format_names_match_the_readme() {
    let today = ["--today", "2026-11-22"];
    // roadmap: text is the Markdown, which `md` and `markdown` both name.
    let md = run(
        &[&["roadmap", "--plan", PLAN, "--format", "md"][..], &today].concat(),
        None,
    );
    for format in ["markdown", "text"] {
        let out = run(
            &[&["roadmap", "--plan", PLAN, "--format", format][..], &today].concat(),
            None,
        );
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(out.stdout, md.stdout, "--format {format}");
    }
    let out = check(
        "roadmap-json",
        &[&["roadmap", "--plan", PLAN, "--format", "json"][..], &today].concat(),
        None,
        0,
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let lanes: Vec<&str> = v["lanes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["name"].as_str().unwrap())
        .collect();
    assert_eq!(lanes, ["Short term", "Mid term", "Long term"]);
    // schema: JSON (the default) and an outline for people.
    let json = run(&["schema", "--format", "json"], None);
    let default = run(&["schema"], None);
    assert_eq!(json.stdout, default.stdout);
    check("schema-text", &["schema", "--format", "text"], None, 0);
    // import-resume: the plan as JSON (the default), or its outline as text.
    let out = check(
        "import-resume-text",
        &[
            "import-resume",
            "--format",
            "text",
            "tests/data/resume.json",
        ],
        None,
        0,
    );
    assert!(serde_json::from_slice::<serde_json::Value>(&out.stdout).is_err());
    // Every command accepts --format text and --format json.
    let commands: [&[&str]; 11] = [
        &["validate", PLAN],
        &["schema"],
        &["demo", "--today", "2026-11-22"],
        &["lint", "--today", "2026-11-22", PLAN],
        &["rules"],
        &[
            "gap",
            "--plan",
            PLAN,
            "--role",
            "team-lead",
            "--today",
            "2026-11-22",
        ],
        &["rank", "--plan", PLAN],
        &["roles"],
        &["import-resume", "tests/data/resume.json"],
        &["schedule", "--plan", PLAN, "--from", "2026-11-22"],
        &["status", "--plan", PLAN, "--today", "2026-11-22"],
    ];
    for command in commands
        .iter()
        .chain([&["roadmap", "--plan", PLAN][..]].iter())
    {
        for format in ["text", "json"] {
            let out = run(&[command, &["--format", format][..]].concat(), None);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(
                matches!(out.status.code(), Some(0 | 1)),
                "{command:?} --format {format}: {stderr}"
            );
            if format == "json" {
                serde_json::from_slice::<serde_json::Value>(&out.stdout)
                    .unwrap_or_else(|e| panic!("{command:?} --format json: {e}"));
            }
        }
    }
}

#[test]
fn rank_reports_profile_coverage_and_warns_when_low() {
    let out = check(
        "rank-low-coverage",
        &["rank", "--plan", "tests/data/odd-skills.json", "--top", "3"],
        None,
        0,
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr
            .starts_with("careerplan: warning: the catalog names only 1 of the profile's 3 skills"),
        "{stderr}"
    );
    // JSON output stays the ranking; the warning is on stderr there too.
    let out = run(
        &[
            "rank",
            "--plan",
            "tests/data/odd-skills.json",
            "--format",
            "json",
        ],
        None,
    );
    assert!(
        serde_json::from_slice::<serde_json::Value>(&out.stdout)
            .unwrap()
            .is_array()
    );
    assert!(String::from_utf8(out.stderr).unwrap().contains("warning"));
    // Against O*NET, the example's everyday skill names reach its elements.
    let onet = root().join("../../../shared/data/onet");
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
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Profile coverage: the catalog names 7 of 7 skills (100%), 6 through the O*NET crosswalk."),
        "{text}"
    );
    assert!(out.stderr.is_empty());
}

const ESCO_FIXTURE: &str = "../careerplan/tests/data/esco";
const ESCO_DATA_SCIENTIST: &str = "a1b2c3d4-0000-4000-8000-000000000001";

/// Run a command that must succeed and print JSON; its output, parsed.
fn json_ok(args: &[&str], stdin: Option<&[u8]>) -> serde_json::Value {
    let out = run(args, stdin);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{args:?}: {e}"))
}

#[test]
fn draft_against_a_built_in_role() {
    let args = [
        "draft",
        "--plan",
        PLAN,
        "--role",
        "program-manager",
        "--start",
        "2026-12-07",
    ];
    check("draft-text", &args, None, 0);
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let out = check("draft-json", &json_args, None, 0);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // The drafted plan validates, drafting it again adds nothing, and it
    // schedules at once.
    let plan = serde_json::to_string(&v["plan"]).unwrap();
    let valid = json_ok(
        &["validate", "--format", "json", "-"],
        Some(plan.as_bytes()),
    );
    assert_eq!(valid["valid"], true);
    let mut again_args = json_args.clone();
    again_args[2] = "-";
    let again = json_ok(&again_args, Some(plan.as_bytes()));
    assert_eq!(again["added_goals"], serde_json::json!([]));
    assert_eq!(again["added_actions"], serde_json::json!([]));
    let events = json_ok(
        &[
            "schedule",
            "--plan",
            "-",
            "--from",
            "2026-12-07",
            "--to",
            "2027-12-31",
            "--format",
            "json",
        ],
        Some(plan.as_bytes()),
    );
    assert!(events.to_string().contains("draft-program-manager"));
}

#[test]
fn draft_against_onet_and_esco_occupations() {
    let onet = root().join("../../../shared/data/onet");
    let v = json_ok(
        &[
            "draft",
            "--plan",
            PLAN,
            "--role",
            "15-2041.00",
            "--onet",
            onet.to_str().unwrap(),
            "--start",
            "2026-12-07",
            "--hours-per-week",
            "15",
            "--format",
            "json",
        ],
        None,
    );
    assert!(v["attribution"].as_str().unwrap().contains("O*NET"));
    assert_eq!(v["feasibility"]["feasible"], true);
    assert!(!v["added_goals"].as_array().unwrap().is_empty());
    check(
        "draft-esco-text",
        &[
            "draft",
            "--plan",
            PLAN,
            "--role",
            ESCO_DATA_SCIENTIST,
            "--esco",
            ESCO_FIXTURE,
            "--start",
            "2026-12-07",
        ],
        None,
        0,
    );
}

#[test]
fn roles_and_gap_from_esco() {
    check(
        "roles-esco-text",
        &["roles", "--esco", ESCO_FIXTURE],
        None,
        0,
    );
    let v = json_ok(
        &[
            "gap",
            "--plan",
            PLAN,
            "--role",
            ESCO_DATA_SCIENTIST,
            "--esco",
            ESCO_FIXTURE,
            "--format",
            "json",
        ],
        None,
    );
    assert!(v["attribution"].as_str().unwrap().contains("ESCO"));
    let out = run(&["roles", "--esco", "/nonexistent"], None);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["roles", "--esco", "tests/golden"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("occupationSkillRelations"));
}
