//! The development set: the five seed articles in `../shared/corpus/seeds/` and the checks in
//! `../shared/corpus/seeds.checks.json`, scored by `../shared/eval/check_report.py`.
//!
//! The corpus is not part of this repository (it is third-party text), so these tests only run
//! where it stands beside the checkout, as it does in CI; elsewhere they say so and pass.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Checks that must keep passing. Raise it when the analysis gets better; never lower it.
const MIN_PASSED: usize = 59;

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    dir.join("corpus/seeds.checks.json").exists().then_some(dir)
}

fn seed_report(shared: &Path) -> (PathBuf, serde_json::Value) {
    let mut seeds: Vec<PathBuf> = std::fs::read_dir(shared.join("corpus/seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    seeds.sort();
    let out = Command::new(env!("CARGO_BIN_EXE_analyse"))
        .arg("--json")
        .args(&seeds)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = std::env::temp_dir().join(format!("newslens-seeds-{}.json", std::process::id()));
    std::fs::write(&path, &out.stdout).unwrap();
    (path, serde_json::from_slice(&out.stdout).unwrap())
}

#[test]
fn seed_report_is_complete() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared/corpus is not beside this checkout");
        return;
    };
    let (_, report) = seed_report(&shared);
    for key in ["documents", "entities", "quotes", "overlaps"] {
        assert!(
            !report[key].as_array().unwrap().is_empty(),
            "{key} is empty"
        );
    }
    assert_eq!(report["documents"].as_array().unwrap().len(), 5);
    assert!(report["errors"].as_array().unwrap().is_empty());
}

#[test]
fn seed_checks_do_not_regress() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared/corpus is not beside this checkout");
        return;
    };
    let (path, _) = seed_report(&shared);
    let out = Command::new("python3")
        .arg(shared.join("eval/check_report.py"))
        .arg(shared.join("corpus/seeds.checks.json"))
        .arg(&path)
        .output()
        .expect("python3 runs the checker");
    let text = String::from_utf8_lossy(&out.stdout);
    let summary = text.lines().last().unwrap_or_default();
    let passed: usize = summary
        .strip_prefix("seeds: ")
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("unexpected checker output: {text}"));
    eprintln!("{text}");
    assert!(
        passed >= MIN_PASSED,
        "{passed} seed checks pass, fewer than {MIN_PASSED}:\n{text}"
    );
}
