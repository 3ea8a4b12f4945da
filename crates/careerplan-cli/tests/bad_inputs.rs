//! The bad-input corpus (`tests/bad-inputs/manifest.json`) through the
//! `careerplan` binary: every case ends with the expected exit status, the
//! stable code and path, no panic, no hang and no partial output.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic on failure

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// No case may take longer than this (a debug build; most take milliseconds).
const HANG: Duration = Duration::from_secs(120);

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/bad-inputs")
}

/// The input of a case: its file, or the parts of its `generate` spec.
fn input(case: &Value) -> Vec<u8> {
    if let Some(file) = case["file"].as_str() {
        let path = corpus_dir().join(file);
        return std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    let mut out = String::new();
    for part in case["generate"].as_array().expect("file or generate") {
        match part {
            Value::String(s) => out.push_str(s),
            spec => {
                let unit = spec["repeat"].as_str().unwrap();
                let sep = spec["sep"].as_str().unwrap_or("");
                let count = spec["count"].as_u64().unwrap();
                for i in 0..count {
                    if i > 0 {
                        out.push_str(sep);
                    }
                    if unit.contains("{i}") {
                        out.push_str(&unit.replace("{i}", &i.to_string()));
                    } else {
                        out.push_str(unit);
                    }
                }
            }
        }
    }
    out.into_bytes()
}

struct Run {
    status: i32,
    stdout: String,
    stderr: String,
    took: Duration,
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_careerplan"))
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(bytes) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        let bytes = bytes.to_vec();
        // A writer thread, so a child that stops reading cannot block us.
        std::thread::spawn(move || {
            let _ = pipe.write_all(&bytes);
        });
    }
    let out_pipe = child.stdout.take().unwrap();
    let err_pipe = child.stderr.take().unwrap();
    let read = |mut p: Box<dyn std::io::Read + Send>| {
        std::thread::spawn(move || {
            let mut s = Vec::new();
            let _ = p.read_to_end(&mut s);
            String::from_utf8_lossy(&s).into_owned()
        })
    };
    let out = read(Box::new(out_pipe));
    let err = read(Box::new(err_pipe));
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > HANG {
            let _ = child.kill();
            panic!("careerplan {args:?} still running after {HANG:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Run {
        status: status.code().unwrap_or(-1),
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
        took: started.elapsed(),
    }
}

/// Codes that `validate` treats as unreadable input (exit 2).
const UNREADABLE: [&str; 4] = [
    "invalid-json",
    "unsupported-schema-version",
    "limit-exceeded",
    "invalid-utf8",
];
/// Codes that mean the document could not be loaded at all.
const LOAD_CODES: [&str; 7] = [
    "invalid-json",
    "invalid-value",
    "invalid-date",
    "unsupported-schema-version",
    "migration-failed",
    "limit-exceeded",
    "invalid-utf8",
];

fn check(
    name: &str,
    entry: &str,
    expect: &Value,
    bytes: &[u8],
    file: &Path,
    case: &Value,
    today: &str,
) {
    let f = file.to_str().unwrap();
    let window: Vec<&str> = case["window"]
        .as_array()
        .map(|w| w.iter().map(|d| d.as_str().unwrap()).collect())
        .unwrap_or_default();
    let (args, stdin): (Vec<&str>, Option<&[u8]>) = match entry {
        "load" | "validate" => (vec!["validate", "--format", "json", f], None),
        "stdin" => (vec!["validate", "--format", "json", "-"], Some(bytes)),
        "lint-lines" => (
            vec!["lint", "--today", today, "--format", "jsonl", "--lines", f],
            None,
        ),
        "lint-plan" => (vec!["lint", "--today", today, "--format", "json", f], None),
        "catalog" => (vec!["roles", "--catalog", f, "--format", "json"], None),
        "resume" => (vec!["import-resume", f], None),
        "schedule" => (
            vec![
                "schedule", "--plan", f, "--from", window[0], "--to", window[1], "--format", "json",
            ],
            None,
        ),
        other => panic!("{name}: unknown entry point {other:?}"),
    };
    let r = run(&args, stdin);
    let what = format!(
        "{name} [{entry}]: exit {}\nstderr: {}\nstdout: {}",
        r.status,
        r.stderr,
        r.stdout.chars().take(500).collect::<String>()
    );
    eprintln!("{name:<28} {entry:<10} exit {} in {:?}", r.status, r.took);
    assert!(!r.stderr.contains("panicked"), "{what}");
    assert!(!r.stderr.contains("RUST_BACKTRACE"), "{what}");
    let validate_like = matches!(entry, "load" | "validate" | "stdin");
    // Whatever reached stdout is one complete document (or JSON lines).
    let stdout_json: Option<Value> = if r.stdout.is_empty() || entry == "lint-lines" {
        None
    } else {
        Some(serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{what}\n{e}")))
    };
    if let Some(error) = expect.get("error")
        && entry == "lint-lines"
    {
        // One bad line costs that line: an error item in its place, the
        // other lines linted, exit 1.
        let code = error["code"].as_str().unwrap();
        assert_eq!(r.status, 1, "{what}");
        let lines = std::str::from_utf8(bytes).unwrap().lines().count();
        assert_eq!(r.stdout.lines().count(), lines, "{what}");
        let items: Vec<Value> = r
            .stdout
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert!(
            items.iter().any(|i| i["error"]["code"] == code),
            "no error item with code {code}: {what}"
        );
        for item in items.iter().filter(|i| i.get("error").is_some()) {
            assert!(
                item["error"]["path"].as_str().unwrap().contains(':'),
                "{what}"
            );
        }
        return;
    }
    if let Some(problems) = expect.get("invalid_plan").and_then(Value::as_array) {
        assert_eq!(r.status, 1, "{what}");
        assert!(r.stdout.is_empty(), "output from an invalid plan: {what}");
        for p in problems {
            let at = format!("{}: ", p["path"].as_str().unwrap());
            let code = format!("[{}]", p["code"].as_str().unwrap());
            assert!(
                r.stderr
                    .lines()
                    .any(|l| l.contains(&at) && l.ends_with(&code)),
                "{p} not on stderr: {what}"
            );
        }
        return;
    }
    if let Some(error) = expect.get("error") {
        let code = error["code"].as_str().unwrap();
        let path = error["path"].as_str().unwrap();
        // An input refused while reading (too large, not UTF-8) never
        // reaches `validate`, which otherwise prints its verdict.
        if validate_like && let Some(doc) = &stdout_json {
            let want = if UNREADABLE.contains(&code) { 2 } else { 1 };
            assert_eq!(r.status, want, "{what}");
            assert_eq!(doc["valid"], false, "{what}");
            let first = &doc["problems"][0];
            assert_eq!(
                (first["code"].as_str(), first["path"].as_str()),
                (Some(code), Some(path)),
                "{what}"
            );
        } else {
            assert_eq!(r.status, 2, "{what}");
            assert!(r.stdout.is_empty(), "partial output: {what}");
        }
        if r.status == 2 {
            assert!(r.stderr.contains(&format!("[{code}]")), "{what}");
            if !path.is_empty() {
                assert!(r.stderr.contains(&format!("{path}: ")), "{what}");
            }
            assert_eq!(r.stderr.lines().count(), 1, "one line on stderr: {what}");
        }
        return;
    }
    assert!(matches!(r.status, 0 | 1), "{what}");
    if validate_like {
        let doc = stdout_json.expect("validate prints its verdict");
        let problems = doc["problems"].as_array().unwrap();
        for p in problems {
            assert!(!LOAD_CODES.contains(&p["code"].as_str().unwrap()), "{what}");
        }
        if let Some(expected) = expect.get("problems").and_then(Value::as_array) {
            if expected.is_empty() {
                assert_eq!(doc["valid"], true, "{what}");
            }
            for e in expected {
                assert!(
                    problems
                        .iter()
                        .any(|p| p["code"] == e["code"] && p["path"] == e["path"]),
                    "missing {e}: {what}"
                );
            }
        }
        if expect["roundtrip"] == true {
            let text = std::str::from_utf8(bytes).unwrap();
            let plan = careerplan::plan::load_plan(text, &Default::default()).unwrap();
            let original: Value = serde_json::from_str(text).unwrap();
            assert_eq!(
                plan.to_value(),
                original,
                "{name}: the round trip lost data"
            );
        }
    } else if entry == "lint-lines" {
        let lines = std::str::from_utf8(bytes).unwrap().lines().count();
        assert_eq!(r.stdout.lines().count(), lines, "{what}");
        for line in r.stdout.lines() {
            let _: Value = serde_json::from_str(line).unwrap();
        }
    } else {
        assert!(stdout_json.is_some() || entry == "resume", "{what}");
    }
}

#[test]
fn every_case_fails_cleanly_or_succeeds_as_documented() {
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(corpus_dir().join("manifest.json")).unwrap())
            .unwrap();
    let today = manifest["today"].as_str().unwrap();
    let dir = std::env::temp_dir().join(format!("careerplan-bad-inputs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut ran = 0;
    let mut failures = Vec::new();
    for case in manifest["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let bytes = input(case);
        let file = dir.join(name);
        std::fs::write(&file, &bytes).unwrap();
        for (entry, expect) in case["expect"].as_object().unwrap() {
            // Run every case, then report every failure at once.
            let outcome = std::panic::catch_unwind(|| {
                check(name, entry, expect, &bytes, &file, case, today);
            });
            if let Err(payload) = outcome {
                let message = payload
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| payload.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                failures.push(message);
            }
            ran += 1;
        }
        std::fs::remove_file(&file).unwrap();
    }
    assert!(
        failures.is_empty(),
        "{} of {ran} checks failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    // Nothing but our own inputs was ever written there.
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
    std::fs::remove_dir(&dir).unwrap();
    assert!(ran > 50, "only {ran} checks ran");
}
