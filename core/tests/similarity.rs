//! Story similarity: two reports of one event in different words rank above two texts on
//! related topics, which rank above unrelated texts, also when each pair is analysed alone.

use newslens_core::{analyse, Input, Options};

fn similarity(a: &str, b: &str) -> f64 {
    let inputs = [
        Input::new("a.txt", a.as_bytes().to_vec()),
        Input::new("b.txt", b.as_bytes().to_vec()),
    ];
    let report = analyse(&inputs, &Options { raw: true });
    report.overlaps.first().map_or(0.0, |o| o.similarity)
}

const STRIKE_A: &str = "Dock workers in Rotterdam walked out on Monday, halting container traffic at the \
    Maasvlakte terminals. The union FNV Havens said the strike over automation would last 48 hours. \
    Shipping lines diverted vessels to Antwerp and Hamburg while cranes stood idle.";
const STRIKE_B: &str =
    "A 48-hour stoppage by port staff froze the Maasvlakte container terminals in \
    Rotterdam from Monday. FNV Havens called the walkout to protest against automated cranes, and \
    carriers sent ships on to Hamburg and Antwerp instead.";
const PORTS: &str = "Antwerp's port authority reported record container volumes for the year, \
    helped by new automated cranes and deeper berths. Officials said shipping lines value the \
    terminals' reliability.";
const BAKING: &str = "The village bakery won a regional prize for its sourdough, baked overnight in \
    a wood-fired oven. Its owner thanked customers who queue every Saturday morning for fresh loaves.";

#[test]
fn same_story_above_related_above_unrelated() {
    let same = similarity(STRIKE_A, STRIKE_B);
    let related = similarity(STRIKE_A, PORTS);
    let unrelated = similarity(STRIKE_A, BAKING);
    assert!(
        same > related,
        "same story {same:.3} vs related {related:.3}"
    );
    assert!(
        related > unrelated,
        "related {related:.3} vs unrelated {unrelated:.3}"
    );
    assert!(same >= 0.5, "two reports of one event: {same:.3}");
    assert!(unrelated < 0.2, "unrelated texts: {unrelated:.3}");
}

#[test]
fn similarity_is_symmetric() {
    let ab = similarity(STRIKE_A, STRIKE_B);
    let ba = similarity(STRIKE_B, STRIKE_A);
    assert!((ab - ba).abs() < 1e-9);
}

#[test]
fn what_only_one_source_says_is_given_in_characters_of_its_text() {
    let shared = "Ferry crews in Žabljak and Kotor stopped work on Tuesday, the union said. \
        Managers at Plovput d.o.o. offered a 4% rise, which the crews turned down. \
        Passengers queued for hours at the harbour in Tivat before buses were sent.";
    let only_b = "The minister, Željka Vučković, will meet both sides on Friday in Podgorica.";
    let inputs = [
        Input::new("a.txt", shared.as_bytes().to_vec()),
        Input::new("b.txt", format!("{shared} {only_b}").into_bytes()),
    ];
    let report = analyse(&inputs, &Options { raw: true });
    assert_eq!(report.overlaps.len(), 1, "the two share their passage");
    let b = &report.documents[1];
    let chars: Vec<char> = b.text.chars().collect();
    let unique: Vec<String> = b
        .unique
        .iter()
        .map(|s| chars[s.start..s.end].iter().collect())
        .collect();
    assert_eq!(unique, [only_b]);
    assert!(report.documents[0].unique.is_empty());
}
