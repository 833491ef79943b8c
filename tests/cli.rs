//! The `analyse` command as a user runs it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn analyse(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_analyse"))
        .args(args)
        .output()
        .expect("analyse runs")
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("newslens-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

#[test]
fn json_report_of_fixture_articles() {
    let files = [
        "harbour-strike-wire.txt",
        "harbour-strike-daily.html",
        "harbour-strike-gazette.md",
    ]
    .map(fixture);
    let args: Vec<&str> = std::iter::once("--json")
        .chain(files.iter().map(String::as_str))
        .collect();
    let report = json(&analyse(&args));
    assert_eq!(report["version"], 1);
    let docs = report["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0]["id"], "d0");
    assert_eq!(
        docs[0]["name"], "harbour-strike-wire.txt",
        "documents are named by file name, not path"
    );
    assert!(!report["entities"].as_array().unwrap().is_empty());
    assert!(!report["quotes"].as_array().unwrap().is_empty());
    assert_eq!(
        report["overlaps"].as_array().unwrap().len(),
        3,
        "one entry per pair"
    );
    assert!(report["errors"].as_array().unwrap().is_empty());
}

#[test]
fn unreadable_files_are_errors_and_the_rest_goes_on() {
    let dir = temp_dir("errors");
    let png = dir.join("photo.png");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01").unwrap();
    let missing = dir.join("missing.txt");
    let article = fixture("harbour-strike-wire.txt");
    let report = json(&analyse(&[
        "--json",
        png.to_str().unwrap(),
        missing.to_str().unwrap(),
        dir.to_str().unwrap(),
        &article,
    ]));
    assert_eq!(report["documents"].as_array().unwrap().len(), 1);
    let errors = report["errors"].as_array().unwrap();
    let names: Vec<&str> = errors.iter().map(|e| e["name"].as_str().unwrap()).collect();
    assert!(
        names.contains(&"photo.png") && names.contains(&"missing.txt"),
        "{names:?}"
    );
    assert_eq!(errors.len(), 3, "the directory is an error too: {errors:?}");
    assert!(errors
        .iter()
        .all(|e| !e["error"].as_str().unwrap().is_empty()));
}

/// `analyse --json` of the three harbour-strike fixtures with one environment variable set.
fn analyse_harbour_with(var: &str, value: &str) -> Output {
    let files = [
        "harbour-strike-wire.txt",
        "harbour-strike-gazette.md",
        "harbour-strike-daily.html",
    ];
    let paths: Vec<String> = files.iter().map(|f| fixture(f)).collect();
    Command::new(env!("CARGO_BIN_EXE_analyse"))
        .arg("--json")
        .args(&paths)
        .env(var, value)
        .output()
        .expect("analyse runs")
}

/// The report's documents' names and its one error's name, after a file was left out.
fn left_out(report: &serde_json::Value) -> (Vec<&str>, &str) {
    let names = report["documents"].as_array().unwrap().iter();
    let errors = report["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0]["error"], newslens_core::LEFT_OUT);
    let names = names.map(|d| d["name"].as_str().unwrap()).collect();
    (names, errors[0]["name"].as_str().unwrap())
}

#[test]
fn a_file_the_analysis_stops_on_is_left_out_and_the_rest_goes_on() {
    // `NEWSLENS_CRASH_ON` makes the analysis stop on that file as a fault of its own would.
    let report = json(&analyse_harbour_with(
        "NEWSLENS_CRASH_ON",
        "harbour-strike-gazette.md",
    ));
    let (names, left) = left_out(&report);
    assert_eq!(
        names,
        ["harbour-strike-wire.txt", "harbour-strike-daily.html"]
    );
    assert_eq!(left, "harbour-strike-gazette.md");
    assert!(!report["entities"].as_array().unwrap().is_empty());
}

#[test]
fn a_fault_of_the_batch_is_traced_to_its_file_or_stops_with_a_message() {
    // `NEWSLENS_CRASH_IN_BATCH` makes the batch's steps (after each file is read alone) stop
    // on a batch holding all the files named.
    let run = |names| analyse_harbour_with("NEWSLENS_CRASH_IN_BATCH", names);
    let report = json(&run("harbour-strike-daily.html"));
    let (names, left) = left_out(&report);
    assert_eq!(
        names,
        ["harbour-strike-wire.txt", "harbour-strike-gazette.md"]
    );
    assert_eq!(left, "harbour-strike-daily.html");
    assert!(!report["overlaps"].as_array().unwrap().is_empty());

    // Two files that fail only together: no file alone is to blame, and no report is written.
    let out = run("harbour-strike-wire.txt,harbour-strike-daily.html");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("with these files together"), "{stderr}");
}

#[test]
fn raw_offsets_index_the_file_text() {
    let dir = temp_dir("raw");
    let path = dir.join("raw.txt");
    let text = "Read more\n  Ms. Anna Novák said: “We will rebuild the bridge in Brno.”\n";
    std::fs::write(&path, text).unwrap();
    let report = json(&analyse(&["--raw", "--json", path.to_str().unwrap()]));
    assert_eq!(
        report["documents"][0]["text"], text,
        "--raw keeps the text as it is"
    );
    let chars: Vec<char> = text.chars().collect();
    for q in report["quotes"].as_array().unwrap() {
        let (s, e) = (
            q["start"].as_u64().unwrap() as usize,
            q["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            q["text"].as_str().unwrap(),
            chars[s..e].iter().collect::<String>()
        );
    }
    assert!(report["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|q| q["text"] == "We will rebuild the bridge in Brno."));
}

#[test]
fn summary_without_json() {
    let out = analyse(&[&fixture("harbour-strike-gazette.md")]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("1 documents, 0 errors"), "{text}");
    assert!(text.contains("entities"));
}

#[test]
fn misuse_exits_2_with_one_line() {
    for args in [&[][..], &["--frobnicate", "x.txt"][..], &["--json"][..]] {
        let out = analyse(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with("analyse: "), "{err}");
    }
}

#[test]
fn standard_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_analyse"))
        .args(["--json", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all("The mayor of Ghent, Ruth Peeters, opened the bridge.".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let report = json(&out);
    assert_eq!(report["documents"][0]["name"], "stdin");
}
