//! The worker's warm-up: the page renders every pane of its report once before it says it is
//! ready (so the browser has compiled the interface's code by the first real report), so the
//! report must have something for each pane.

#[test]
fn the_warm_up_report_has_something_for_every_pane() {
    let report = newslens_core::warm_up();
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    assert_eq!(
        report.documents.len(),
        2,
        "the article as text and as a page"
    );
    for kind in ["person", "organization", "place", "date", "quantity"] {
        assert!(
            report.entities.iter().any(|e| e.kind == kind),
            "no {kind} among {:?}",
            report
                .entities
                .iter()
                .map(|e| (&e.name, &e.kind))
                .collect::<Vec<_>>()
        );
    }
    assert!(report.quotes.len() >= 4, "{} quotes", report.quotes.len());
    assert!(!report.overlaps.is_empty(), "the two copies overlap");
    // The reading view marks removed lines: the page copy's navigation and footer.
    assert!(report.documents.iter().any(|d| !d.removed.is_empty()));
}
