//! Entities: recognise mentions in each document, then resolve them across documents.
//!
//! [`recognise`] works on one document at a time; [`resolve`] merges the mentions of every
//! document into one [`EntityTable`], where each entity stands for one real-world thing.

use serde::Serialize;

/// What an entity is. Serialised as the report's `kind` strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Person,
    Organization,
    Place,
    Date,
    Quantity,
    Group,
    Other,
}

/// One mention found in one document: a byte span of its text.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// A normalised value where the text allows: ISO date for dates, number and unit for
    /// quantities.
    pub value: Option<String>,
}

/// A mention placed in its document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct DocSpan {
    pub doc: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug)]
pub struct Entity {
    /// The canonical name: the fullest, properly accented form seen.
    pub name: String,
    pub kind: Kind,
    /// Every distinct surface form seen.
    pub aliases: Vec<String>,
    /// Sorted by document, then offset.
    pub mentions: Vec<DocSpan>,
    /// Normalised value for dates and quantities.
    pub value: Option<String>,
}

/// All entities of a batch, with a per-document index from spans to entities.
#[derive(Clone, Debug, Default)]
pub struct EntityTable {
    pub entities: Vec<Entity>,
    /// For each document, `(start, end, entity index)` sorted by start.
    by_doc: Vec<Vec<(usize, usize, usize)>>,
}

impl EntityTable {
    pub fn new(entities: Vec<Entity>, documents: usize) -> EntityTable {
        let mut by_doc = vec![Vec::new(); documents];
        for (i, e) in entities.iter().enumerate() {
            for m in &e.mentions {
                if let Some(list) = by_doc.get_mut(m.doc) {
                    list.push((m.start, m.end, i));
                }
            }
        }
        for list in &mut by_doc {
            list.sort_unstable();
        }
        EntityTable { entities, by_doc }
    }

    /// The mentions of one document, `(start, end, entity index)` sorted by start.
    pub fn mentions_in(&self, doc: usize) -> &[(usize, usize, usize)] {
        self.by_doc.get(doc).map_or(&[], Vec::as_slice)
    }

    /// The entity whose mention in `doc` overlaps `start..end` most, if any.
    pub fn entity_at(&self, doc: usize, start: usize, end: usize) -> Option<usize> {
        self.mentions_in(doc)
            .iter()
            .filter(|(s, e, _)| *s < end && start < *e)
            .max_by_key(|(s, e, _)| (*e).min(end) - (*s).max(start))
            .map(|m| m.2)
    }
}

/// Finds the entity mentions in one document's text. `published` (ISO date) anchors relative
/// dates such as "on Tuesday".
pub fn recognise(text: &str, published: Option<&str>) -> Vec<Mention> {
    let _ = published;
    // Placeholder recogniser: runs of capitalised words that do not start a sentence.
    let mut out = Vec::new();
    let tokens = crate::text::tokens(text);
    let mut i = 0;
    while i < tokens.len() {
        let sentence_start = i == 0 || matches!(tokens[i - 1].text, "." | "!" | "?" | "“" | "\"");
        if tokens[i].is_capitalised() && !sentence_start {
            let start = tokens[i].start;
            let mut j = i;
            while j + 1 < tokens.len() && tokens[j + 1].is_capitalised() {
                j += 1;
            }
            out.push(Mention {
                start,
                end: tokens[j].end,
                kind: Kind::Other,
                value: None,
            });
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// Merges the mentions of every document into entities.
pub fn resolve(texts: &[&str], mentions: Vec<Vec<Mention>>) -> EntityTable {
    use std::collections::BTreeMap;
    let mut by_key: BTreeMap<(Kind, String), Entity> = BTreeMap::new();
    for (doc, list) in mentions.into_iter().enumerate() {
        for m in list {
            let surface = &texts[doc][m.start..m.end];
            let entity = by_key
                .entry((m.kind, crate::text::fold(surface)))
                .or_insert_with(|| Entity {
                    name: surface.to_string(),
                    kind: m.kind,
                    aliases: Vec::new(),
                    mentions: Vec::new(),
                    value: m.value.clone(),
                });
            if !entity.aliases.iter().any(|a| a == surface) {
                entity.aliases.push(surface.to_string());
            }
            entity.mentions.push(DocSpan {
                doc,
                start: m.start,
                end: m.end,
            });
        }
    }
    EntityTable::new(by_key.into_values().collect(), texts.len())
}
