//! The page spreads reading and recognition over several workers (`recognise_input`), sends
//! the results between them (`wire`) and puts the batch together in one (`analyse_recognised`):
//! the report must be the one `analyse` gives for the same inputs. The batch's comparison of
//! texts may be made elsewhere too (`Batch`, `compare_texts`), with the same report.

use newslens_core::compare::compare_texts;
use newslens_core::report::Report;
use newslens_core::{
    analyse, analyse_recognised, recognise_input, wire, Batch, Input, Options, Recognised,
};

/// Four reports from one outlet that each end in the same short line naming an organisation:
/// the batch removes that line, after each document's mentions were found.
fn inputs() -> Vec<Input> {
    let body = |town: &str, n: u32| {
        format!(
            "The {town} council met on Monday to vote on the new pier, which will cost {n} million \
             euros.\n\n“We waited long enough,” said Mayor Ana Petrović after the vote.\n\n\
             Follow the Harbour Authority of Rijeka for updates.\n"
        )
    };
    let mut inputs: Vec<Input> = ["Split", "Zadar", "Pula", "Rijeka"]
        .iter()
        .zip(1..)
        .map(|(town, n)| Input::new(format!("{town}.txt"), body(town, n * 10)))
        .collect();
    inputs.insert(
        2,
        Input::new("photo.png", &b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..]),
    );
    // A person restored the line in one document: there it stays.
    inputs[3].keep = vec!["Follow the Harbour Authority of Rijeka for updates.".into()];
    inputs
}

/// The report of the inputs analysed as one batch, and each input recognised on its own.
fn whole_and_apart(options: &Options) -> (Report, Vec<Recognised>) {
    let inputs = inputs();
    let whole = analyse(&inputs, options);
    let docs = inputs.iter().map(|i| recognise_input(i, options)).collect();
    (whole, docs)
}

fn json(report: &Report) -> String {
    serde_json::to_string(report).unwrap()
}

#[test]
fn documents_recognised_apart_and_sent_give_the_report_of_the_whole_batch() {
    for options in [Options::default(), Options { raw: true }] {
        let (whole, docs) = whole_and_apart(&options);
        if !options.raw {
            // The repeated line held mentions when each document was read alone.
            let (article, mentions) = docs[0].result.as_ref().unwrap();
            let line = article.text.find("Follow the Harbour").unwrap();
            assert!(mentions.iter().any(|m| m.start > line));
            let follow = |doc: usize| {
                let removed = &whole.documents[doc].removed;
                removed
                    .iter()
                    .any(|r| r.text.starts_with("Follow the Harbour"))
            };
            assert!(
                follow(0) && !follow(2),
                "removed, but where it was restored"
            );
        }
        assert_eq!(whole.errors.len(), 1);
        let sent = wire::decode(&wire::encode(&docs)).unwrap();
        assert_eq!(sent, docs);
        assert_eq!(
            json(&analyse_recognised(sent, &options, |_| {})),
            json(&whole)
        );
    }
}

#[test]
fn texts_compared_elsewhere_give_the_report_of_the_whole_batch() {
    let options = Options::default();
    let (whole, docs) = whole_and_apart(&options);
    let (batch, mentions) = Batch::new(docs, &options);
    // The texts as the batch left them: the repeated line is gone.
    let texts = wire::decode_texts(&wire::encode_texts(&batch.texts())).unwrap();
    assert_eq!(texts.len(), 4);
    assert!(!texts[0].contains("Follow the Harbour") && texts[2].contains("Follow the Harbour"));
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let comparison = wire::decode_comparison(&wire::encode_comparison(&compare_texts(&texts)));
    // The stages each part announces, in order: the comparison's own is the caller's.
    let mut stages = Vec::new();
    let statements = batch.statements(mentions, &mut |s| stages.push(s.name()));
    let draft = batch.draft(&statements);
    let mut comparison = comparison.unwrap();
    let report = batch.report(Some(draft), &statements, &mut comparison, &mut |s| {
        stages.push(s.name())
    });
    assert_eq!(stages, ["resolve", "quotes", "group", "report", "done"]);
    assert!(!report.overlaps.is_empty() && !report.facts.is_empty());
    assert_eq!(json(&report), json(&whole));
}
