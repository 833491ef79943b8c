//! Facts compared across sources: quantities about the same thing ("1,000 troops" against
//! "1,500 troops"), listed as agreements or disagreements.

use crate::entities::{DocSpan, EntityTable, Kind};
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

/// Groups quantity entities by their unit and keeps the units more than one source gives.
pub fn compare(_texts: &[&str], entities: &EntityTable) -> Vec<Fact> {
    let mut by_subject: BTreeMap<String, Vec<FactValue>> = BTreeMap::new();
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
        .filter(|(_, values)| {
            values
                .iter()
                .flat_map(|v| v.mentions.iter().map(|m| m.doc))
                .collect::<BTreeSet<_>>()
                .len()
                > 1
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
