//! Facts compared across sources: quantities about the same thing ("1,000 troops" against
//! "1,500 troops") and the days events are dated to ("the attack on 24 September" against "the
//! attack on 23 September"), listed as agreements or disagreements.

use crate::entities::{DocSpan, EntityTable, Kind};
use crate::text::is_letter_or_digit;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug, PartialEq)]
pub struct FactValue {
    /// The normalised value ("1000 troops").
    pub value: String,
    pub mentions: Vec<DocSpan>,
}

/// One thing counted in several sources, with the values each gives.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    /// What is counted: the unit's head word ("troops", "%  turnout").
    pub subject: String,
    pub values: Vec<FactValue>,
    /// All sources give the same value.
    pub agree: bool,
}

/// Groups quantity entities by their unit and day dates by the event they date, and keeps the
/// subjects that documents on the same story (`related`, by index, either order) both give,
/// with the values those documents give.
pub fn compare(
    texts: &[&str],
    entities: &EntityTable,
    related: impl Fn(usize, usize) -> bool,
) -> Vec<Fact> {
    let mut by_subject: BTreeMap<String, Vec<FactValue>> = BTreeMap::new();
    dated_events(texts, entities, &mut by_subject);
    for e in entities
        .entities
        .iter()
        .filter(|e| e.kind == Kind::Quantity)
    {
        let Some(value) = &e.value else { continue };
        let Some((_, unit)) = value.split_once(' ') else {
            continue;
        };
        let subject = unit.rsplit(' ').next().unwrap_or(unit).to_string();
        by_subject.entry(subject).or_default().push(FactValue {
            value: value.clone(),
            mentions: e.mentions.clone(),
        });
    }
    by_subject
        .into_iter()
        .filter_map(|(subject, mut values)| {
            let docs: BTreeSet<usize> = values
                .iter()
                .flat_map(|v| v.mentions.iter().map(|m| m.doc))
                .collect();
            let keep: BTreeSet<usize> = docs
                .iter()
                .copied()
                .filter(|&d| docs.iter().any(|&o| o != d && related(d, o)))
                .collect();
            for v in &mut values {
                v.mentions.retain(|m| keep.contains(&m.doc));
            }
            values.retain(|v| !v.mentions.is_empty());
            (keep.len() > 1).then_some((subject, values))
        })
        .map(|(subject, values)| {
            let agree = values.len() == 1;
            Fact {
                subject,
                values,
                agree,
            }
        })
        .collect()
}

/// Day dates (ISO `YYYY-MM-DD` values) by the event noun right before them: "the strike on
/// Tuesday" dates the strike ("strike (date)"). Verbs ("voted on", "said on") date no event.
fn dated_events(
    texts: &[&str],
    entities: &EntityTable,
    by_subject: &mut BTreeMap<String, Vec<FactValue>>,
) {
    let days = entities.entities.iter().filter(|e| {
        e.kind == Kind::Date
            && e.value.as_ref().is_some_and(|v| {
                v.len() == 10
                    && v.bytes()
                        .enumerate()
                        .all(|(i, b)| matches!(i, 4 | 7) || b.is_ascii_digit())
            })
    });
    for e in days {
        let Some(value) = &e.value else { continue };
        for m in &e.mentions {
            let Some(text) = texts.get(m.doc) else {
                continue;
            };
            let Some(subject) = event_before(&text[..m.start]) else {
                continue;
            };
            let values = by_subject.entry(format!("{subject} (date)")).or_default();
            match values.iter_mut().find(|v| v.value == *value) {
                Some(v) => v.mentions.push(*m),
                None => values.push(FactValue {
                    value: value.clone(),
                    mentions: vec![*m],
                }),
            }
        }
    }
}

/// Past forms that do not end in -ed, and other words that stand before a date without naming
/// an event.
const NOT_EVENTS: &[&str] = &[
    "said",
    "told",
    "began",
    "came",
    "went",
    "held",
    "left",
    "took",
    "made",
    "gave",
    "lost",
    "fell",
    "rose",
    "sent",
    "spent",
    "felt",
    "kept",
    "brought",
    "thought",
    "found",
    "wrote",
    "spoke",
    "became",
    "ran",
    "saw",
    "met",
    "won",
    "hit",
    "put",
    "set",
    "cut",
    "due",
    "late",
    "early",
    "released",
    "issued",
    "posted",
    "published",
    "updated",
    "dated",
    "statement",
    "news",
    "today",
    "week",
    "month",
    "year",
    "time",
    "date",
    "day",
    "days",
    "weeks",
    "months",
    "years",
    "since",
    "until",
    "from",
    "announced",
    "reported",
    "confirmed",
];

/// The event noun of "… strike on|of|in <date>": the word before the preposition, when it is
/// a lower-case word of four letters or more that is not a verb form or a stopword.
fn event_before(before: &str) -> Option<String> {
    let line = before.rsplit('\n').next().unwrap_or(before);
    let mut words = line.split_whitespace().rev();
    let prep = words.next()?;
    if !matches!(prep, "on" | "of" | "in") {
        return None;
    }
    let word = words.next()?.trim_matches(|c: char| !is_letter_or_digit(c));
    let event = word.len() >= 4
        && word.chars().all(|c| c.is_lowercase())
        && !word.ends_with("ed")
        && !word.ends_with("ly")
        && !NOT_EVENTS.contains(&word)
        && !super::words::is_stopword(word);
    event.then(|| word.to_string())
}

#[cfg(test)]
mod tests {
    use crate::{analyse, Input, Options};

    #[test]
    fn days_of_the_same_event_are_compared() {
        let a = "Harbour strike\n\nThe strike on 3 March 2024 closed the port of Delft, the union said on 5 March 2024.";
        let b =
            "Port closed\n\nThe strike on 4 March 2024 closed the port of Delft, officials said.";
        let c = "Port news\n\nThe strike on 3 March 2024 closed the port of Delft for a day.";
        let report = analyse(
            &[
                Input::new("a.txt", a),
                Input::new("b.txt", b),
                Input::new("c.txt", c),
            ],
            &Options::default(),
        );
        let fact = report
            .facts
            .iter()
            .find(|f| f.subject == "strike (date)")
            .expect("the strike's date is compared");
        assert!(!fact.agree);
        let values: Vec<&str> = fact.values.iter().map(|v| v.value.as_str()).collect();
        assert_eq!(values, ["2024-03-03", "2024-03-04"]);
        assert_eq!(fact.values[0].mentions.len(), 2);
        // "said on 5 March" dates no event.
        assert!(report.facts.iter().all(|f| !f.subject.starts_with("said")));
    }
}
