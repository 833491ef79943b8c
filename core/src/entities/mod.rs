//! Entities: recognise mentions in each document, then resolve them across documents.
//!
//! [`recognise`] works on one document at a time; [`resolve`] merges the mentions of every
//! document into one [`EntityTable`], where each entity stands for one real-world thing.

use serde::Serialize;

mod dates;
mod gazetteer;
mod recognise;
mod resolve;
pub mod tagger;
pub use dates::is_vague as is_vague_date;

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
    /// The title or role word before a name ("president"), or the role a role phrase names.
    pub role: Option<String>,
    /// A role phrase ("the Serbian president") standing for a person named elsewhere.
    pub role_phrase: bool,
    /// The folded name this mention abbreviates (an acronym defined in the text).
    pub alias_of: Option<String>,
}

impl Mention {
    pub fn new(start: usize, end: usize, kind: Kind, value: Option<String>) -> Mention {
        Mention {
            start,
            end,
            kind,
            value,
            role: None,
            role_phrase: false,
            alias_of: None,
        }
    }
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
    recognise::recognise(text, published)
}

/// Merges the mentions of every document into entities.
pub fn resolve(texts: &[&str], mentions: Vec<Vec<Mention>>) -> EntityTable {
    resolve::resolve(texts, mentions)
}
