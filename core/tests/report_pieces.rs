//! The report in pieces: in binary form, as the page's worker sends it to the page, and as JSON,
//! as the page writes it for "Export JSON". Joined, the binary pieces read back as the report,
//! and the JSON pieces are exactly the report's JSON.

use newslens_core::report::{json_pieces, Section};
use newslens_core::{analyse, wire, Input, Options};

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
    }
    assert_eq!(
        serde_json::from_str::<newslens_core::report::Report>(&whole).unwrap(),
        report
    );
}

/// The binary pieces, each as `encode_report` gave it.
fn binary_pieces(report: &newslens_core::report::Report, chunk: usize) -> Vec<Vec<u8>> {
    let mut pieces = Vec::new();
    wire::encode_report(report, chunk, &mut |piece| pieces.push(piece.to_vec()));
    pieces
}

#[test]
fn joined_binary_pieces_read_back_as_the_report() {
    let report = report();
    let whole = binary_pieces(&report, usize::MAX);
    assert_eq!(whole.len(), 1);
    for chunk in [0, 1, 200, 5_000] {
        let pieces = binary_pieces(&report, chunk);
        assert!(pieces.len() > 1, "chunk {chunk}");
        // Cut only after an item that reached the chunk's size.
        assert!(pieces[..pieces.len() - 1].iter().all(|p| p.len() >= chunk));
        assert_eq!(pieces.concat(), whole[0], "chunk {chunk}");
    }
    assert_eq!(wire::decode_report(&whole[0]), Some(report));
}

#[test]
fn cut_binary_reports_are_refused_without_panicking() {
    let bytes = binary_pieces(&report(), usize::MAX).concat();
    for n in (0..bytes.len()).step_by(7).chain([bytes.len() - 1]) {
        assert_eq!(wire::decode_report(&bytes[..n]), None, "cut at {n}");
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
}

#[test]
fn a_report_read_a_few_items_at_a_time_is_the_report() {
    let report = report();
    let bytes = binary_pieces(&report, usize::MAX).concat();
    let items = report.documents.len() + report.entities.len() + report.quotes.len();
    for step in [1, 2, 7, 50] {
        let mut reader = wire::ReportReader::new(bytes.clone()).unwrap();
        let mut reads = 1;
        while !reader.read(step).unwrap() {
            reads += 1;
        }
        assert!(reads >= items / step, "step {step}: {reads} reads");
        assert_eq!(reader.finish(), Some(report.clone()), "step {step}");
    }
    // Cut short, or with bytes to spare: no report, and no panic.
    for n in (0..bytes.len()).step_by(5) {
        let read = wire::ReportReader::new(bytes[..n].to_vec()).and_then(|mut r| {
            while !r.read(3)? {}
            r.finish()
        });
        assert_eq!(read, None, "cut at {n}");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(wire::decode_report(&longer), None);
}
