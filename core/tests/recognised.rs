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

#[test]
fn mentions_follow_their_text_when_the_batch_removes_lines() {
    // A short line three documents share (with a place in it), first in one, amid blank lines in
    // another: it goes, and the mentions after it move with their words.
    let line = "Lanterns glowed over the Maas in Rotterdam.";
    let story = |who: &str, n: u32| {
        format!(
            "Mayor {who} opened the new ferry pier on Monday, {n} years after the storm.\n\n\
             The Port of Rotterdam paid 40 million euros, said Mayor {who}.\n"
        )
    };
    let texts = [
        format!("{line}\n\n{}", story("Ana Petrović", 3)),
        format!(
            "{}\n\n\n{line}\n\n\n\nShips from Antwerp came too.\n",
            story("Ahmed Aboutaleb", 4)
        ),
        format!("{}\n{line}\n", story("Ivo Opstelten", 5)),
    ];
    let options = Options::default();
    let docs: Vec<Recognised> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| recognise_input(&Input::new(format!("{i}.txt"), t.as_str()), &options))
        .collect();
    let before: Vec<(String, Vec<newslens_core::entities::Mention>)> = docs
        .iter()
        .map(|d| d.result.clone().map(|(a, m)| (a.text, m)).unwrap())
        .collect();
    let (batch, mentions) = Batch::new(docs, &options);
    for (doc, ((old, found), (new, moved))) in before
        .iter()
        .zip(batch.texts().iter().zip(&mentions))
        .enumerate()
    {
        assert!(!new.contains("Lanterns") && new.contains("Ships from Antwerp") == (doc == 1));
        let gone = old.find(line).unwrap()..old.find(line).unwrap() + line.len();
        assert!(
            found.iter().any(|m| gone.contains(&m.start)),
            "{doc}: a mention in the line"
        );
        let stayed: Vec<(&str, _)> = found
            .iter()
            .filter(|m| !gone.contains(&m.start))
            .map(|m| (&old[m.start..m.end], m.kind))
            .collect();
        let now: Vec<(&str, _)> = moved
            .iter()
            .map(|m| (&new[m.start..m.end], m.kind))
            .collect();
        assert!(
            now.iter().any(|(s, _)| s.contains("Port of Rotterdam")),
            "{doc}: {now:?}"
        );
        assert_eq!(now, stayed, "{doc}");
    }
}

#[test]
fn a_mention_that_ran_into_a_removed_line_is_found_again() {
    // Three match previews whose kick-off time is a line of its own, right under the day: read
    // with it, the day and the time are one date ("1 March 2000"); without it, the day alone.
    let preview = |home: &str| {
        format!("{home} v Harbour Town\n\n{home} play Harbour Town at Ewood Park on Tuesday, 1 March\n2000 GMT\n\nTickets are sold out.\n")
    };
    let options = Options::default();
    let docs: Vec<Recognised> = ["Blackburn", "Burnley", "Preston"]
        .iter()
        .map(|home| recognise_input(&Input::new(format!("{home}.txt"), preview(home)), &options))
        .collect();
    let (article, before) = docs[0].result.as_ref().unwrap();
    let date = |text: &str, m: &newslens_core::entities::Mention| text[m.start..m.end].to_string();
    assert!(before
        .iter()
        .any(|m| date(&article.text, m) == "1 March\n2000"));
    let (batch, mentions) = Batch::new(docs, &Options::default());
    let text = batch.texts()[0];
    assert!(!text.contains("GMT"));
    let dates: Vec<String> = mentions[0].iter().map(|m| date(text, m)).collect();
    assert!(dates.iter().any(|d| d == "1 March"), "{dates:?}");
}
