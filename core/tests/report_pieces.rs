//! The report's JSON in pieces (what the page's worker sends, so the page can parse it a piece at
//! a time): joined, the pieces are exactly the report's JSON, and parsed, the report itself.

use newslens_core::report::{json_pieces, ReportBuilder, Section};
use newslens_core::{analyse, Input, Options};

fn fixture(name: &str) -> Input {
    let path = format!("{}/../tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    Input::new(name, std::fs::read(path).expect("fixture"))
}

fn report() -> newslens_core::report::Report {
    let mut inputs: Vec<Input> = [
        "harbour-strike-wire.txt",
        "harbour-strike-daily.html",
        "harbour-strike-gazette.md",
    ]
    .into_iter()
    .map(fixture)
    .collect();
    inputs.push(Input::new("empty.txt", ""));
    let report = analyse(&inputs, &Options::default());
    // Every list has something in it, so every section is cut.
    assert!(!report.documents.is_empty() && !report.entities.is_empty());
    assert!(!report.quotes.is_empty() && !report.overlaps.is_empty());
    assert!(!report.errors.is_empty());
    report
}

#[test]
fn joined_pieces_are_the_reports_json_and_parse_back_to_it() {
    let report = report();
    let whole = serde_json::to_string(&report).unwrap();
    for chunk in [0, 1, 200, 5_000, usize::MAX] {
        let pieces = json_pieces(&report, chunk).unwrap();
        let joined: String = pieces.iter().map(|p| p.json.as_str()).collect();
        assert_eq!(joined, whole, "chunk {chunk}");
        let mut builder = ReportBuilder::default();
        for p in &pieces {
            builder.add(p.section, &p.json).unwrap();
        }
        assert_eq!(builder.finish(), report, "chunk {chunk}");
    }
}

#[test]
fn pieces_are_cut_at_about_the_chunk_size() {
    let report = report();
    let small = json_pieces(&report, 1).unwrap();
    let entities = small
        .iter()
        .filter(|p| p.section == Section::Entities)
        .count();
    assert_eq!(entities, report.entities.len(), "one entity per piece");
    let whole = json_pieces(&report, usize::MAX).unwrap();
    assert_eq!(
        whole
            .iter()
            .filter(|p| p.section == Section::Entities)
            .count(),
        1
    );
    for p in &small {
        assert_eq!(Section::from_name(p.section.name()), Some(p.section));
    }
}

#[test]
fn a_broken_piece_is_an_error_not_a_panic() {
    let mut builder = ReportBuilder::default();
    assert!(builder.add(Section::Entities, "{\"id\":").is_err());
    assert!(builder.add(Section::Version, "\"one\"").is_err());
}
