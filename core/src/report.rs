//! The public report format, version 1 (`shared/spec/report-v1.md`).
//!
//! Field names and meanings here are a contract: add fields freely, never rename or drop one.
//! Every offset is in characters (Unicode scalar values) of the document's `text`; the stages
//! work in bytes and [`build`] converts once, at the end.

use crate::compare::Comparison;
use crate::entities::{EntityTable, Kind};
use crate::ingest::{Article, RemovalReason};
use crate::quotes::{self, QuoteKind};
use crate::text::CharOffsets;
use serde::{Deserialize, Serialize};

pub const VERSION: u32 = 1;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub version: u32,
    pub documents: Vec<Document>,
    pub errors: Vec<InputError>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    pub overlaps: Vec<Overlap>,
    /// Quantities compared across sources (an addition to v1).
    #[serde(default)]
    pub facts: Vec<Fact>,
}

/// Something counted in several sources, and the values each gives (an addition to v1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    pub subject: String,
    pub agree: bool,
    pub values: Vec<FactValue>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FactValue {
    pub value: String,
    pub mentions: Vec<Mention>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub name: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub published: Option<String>,
    pub text: String,
    pub warnings: Vec<String>,
    /// What boilerplate removal left out of `text`, and why (an addition to v1).
    #[serde(default)]
    pub removed: Vec<RemovedText>,
    /// Sentences no other document of the batch says (an addition to v1).
    #[serde(default)]
    pub unique: Vec<Span>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RemovedText {
    pub text: String,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InputError {
    pub name: String,
    pub error: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub aliases: Vec<String>,
    pub mentions: Vec<Mention>,
    /// Normalised value for dates (ISO) and quantities (an addition to v1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

impl Entity {
    /// How many documents mention the entity. The analysis lists mentions in document order:
    /// when the documents' ids ("d12") say so, their runs are counted; other lists are sorted
    /// (sorting ids as strings for every entity took the page tens of milliseconds for 20,000
    /// entities).
    pub fn sources(&self) -> usize {
        let mut docs: Vec<&str> = self.mentions.iter().map(|m| m.doc.as_str()).collect();
        docs.dedup();
        // "d" and a number written without leading zeros, of up to nine digits.
        let number = |id: &str| {
            let digits = id.strip_prefix('d')?.as_bytes();
            let canonical = matches!(digits.len(), 1..=9)
                && digits.iter().all(u8::is_ascii_digit)
                && (digits[0] != b'0' || digits.len() == 1);
            canonical.then(|| {
                digits
                    .iter()
                    .fold(0u32, |n, &d| n * 10 + u32::from(d - b'0'))
            })
        };
        let mut last = None;
        let in_order = docs.iter().all(|id| {
            let n = number(id);
            let later = n.is_some() && n > last;
            last = n;
            later
        });
        if !in_order {
            docs.sort_unstable();
            docs.dedup();
        }
        docs.len()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub doc: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub id: String,
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The quoted pieces of a quote split by its attribution (“…,” she said. “…”), in order;
    /// empty for a quote in one piece (an addition to v1). `text` joins the pieces.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Span>,
    pub kind: String,
    pub speaker: Option<String>,
    pub speaker_mention: Option<Span>,
    pub cue: Option<String>,
    pub group: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Overlap {
    pub a: String,
    pub b: String,
    pub score: f64,
    pub similarity: f64,
    pub passages: Vec<Passage>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    pub a_start: usize,
    pub a_end: usize,
    pub b_start: usize,
    pub b_end: usize,
}

impl Report {
    /// The document with this id (`d3` is found at index 3 without a search).
    pub fn document(&self, id: &str) -> Option<&Document> {
        by_id(&self.documents, id, 'd', |d| &d.id)
    }

    /// The entity with this id (`e3` is found at index 3 without a search).
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        by_id(&self.entities, id, 'e', |e| &e.id)
    }

    /// Who said a quote, as people read it: the speaker entity's name, else the words that name
    /// a speaker who is no entity ("the commission says", "it said"); `None` when unknown.
    pub fn speaker_name(&self, q: &Quote) -> Option<String> {
        if let Some(e) = q.speaker.as_deref().and_then(|id| self.entity(id)) {
            return Some(e.name.clone());
        }
        let m = q.speaker_mention?;
        let text = &self.document(&q.doc)?.text;
        let name: String = text.chars().skip(m.start).take(m.end - m.start).collect();
        (!name.trim().is_empty()).then_some(name)
    }
}

/// The item of `list` with this id: ids are a prefix and the index, so look there first.
fn by_id<'a, T>(
    list: &'a [T],
    id: &str,
    prefix: char,
    id_of: impl Fn(&T) -> &str,
) -> Option<&'a T> {
    let at = id
        .strip_prefix(prefix)
        .and_then(|n| n.parse::<usize>().ok())
        .and_then(|i| list.get(i))
        .filter(|x| id_of(x) == id);
    at.or_else(|| list.iter().find(|x| id_of(x) == id))
}

pub fn doc_id(i: usize) -> String {
    format!("d{i}")
}

/// A fieldless enum's name in the report (its serde name), worked out once per value: a report
/// of thousands of entities asked serde for the same few names thousands of times.
fn names<K: Serialize + Copy + PartialEq>() -> impl FnMut(K) -> String {
    let mut known: Vec<(K, String)> = Vec::new();
    move |value| {
        if let Some((_, name)) = known.iter().find(|(k, _)| *k == value) {
            return name.clone();
        }
        let name = serde_json::to_value(value)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        known.push((value, name.clone()));
        name
    }
}

/// Which part of a report a piece of its JSON holds (see [`json_pieces`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// Punctuation and field names between the others.
    Glue,
    Version,
    Documents,
    Errors,
    Entities,
    Quotes,
    Overlaps,
    Facts,
}

impl Section {
    pub fn name(self) -> &'static str {
        match self {
            Section::Glue => "glue",
            Section::Version => "version",
            Section::Documents => "documents",
            Section::Errors => "errors",
            Section::Entities => "entities",
            Section::Quotes => "quotes",
            Section::Overlaps => "overlaps",
            Section::Facts => "facts",
        }
    }
}

/// A piece of a report's JSON: glue, the version, or whole items of one list joined by commas.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    pub section: Section,
    pub json: String,
}

/// Bytes per piece of the report's JSON as the page cuts it (and of its binary form, see
/// `wire::encode_report`, as the page's worker cuts that).
pub const PIECE_BYTES: usize = 64 * 1024;

/// The report's JSON, exactly `serde_json::to_string(report)` once concatenated, cut at item
/// boundaries into pieces of about `chunk` bytes: the page copies each out of its memory as it
/// is made when it exports a report, and never holds the whole JSON there.
pub fn json_pieces(report: &Report, chunk: usize) -> serde_json::Result<Vec<Piece>> {
    let mut out = Vec::new();
    json_pieces_each(report, chunk, &mut |piece| out.push(piece))?;
    Ok(out)
}

/// [`json_pieces`], each given to `emit` as soon as it is made: the caller can send each one on
/// and let it go, and never hold the report's JSON whole beside the report.
pub fn json_pieces_each(
    report: &Report,
    chunk: usize,
    emit: &mut dyn FnMut(Piece),
) -> serde_json::Result<()> {
    let mut out = Pieces {
        pending: None,
        emit,
    };
    out.glue("{\"version\":");
    out.push(Piece {
        section: Section::Version,
        json: serde_json::to_string(&report.version)?,
    });
    out.items(Section::Documents, &report.documents, chunk)?;
    out.items(Section::Errors, &report.errors, chunk)?;
    out.items(Section::Entities, &report.entities, chunk)?;
    out.items(Section::Quotes, &report.quotes, chunk)?;
    out.items(Section::Overlaps, &report.overlaps, chunk)?;
    out.items(Section::Facts, &report.facts, chunk)?;
    out.glue("}");
    if let Some(last) = out.pending.take() {
        (out.emit)(last);
    }
    Ok(())
}

/// Pieces on their way out: the last one waits, so that glue that follows glue joins it.
struct Pieces<'a> {
    pending: Option<Piece>,
    emit: &'a mut dyn FnMut(Piece),
}

impl Pieces<'_> {
    fn push(&mut self, piece: Piece) {
        if let Some(last) = self.pending.replace(piece) {
            (self.emit)(last);
        }
    }

    fn glue(&mut self, text: &str) {
        match &mut self.pending {
            Some(last) if last.section == Section::Glue => last.json.push_str(text),
            _ => self.push(Piece {
                section: Section::Glue,
                json: text.to_string(),
            }),
        }
    }

    fn items<T: Serialize>(
        &mut self,
        section: Section,
        list: &[T],
        chunk: usize,
    ) -> serde_json::Result<()> {
        self.glue(&format!(",\"{}\":[", section.name()));
        let mut current = String::new();
        for item in list {
            if !current.is_empty() && current.len() >= chunk {
                self.push(Piece {
                    section,
                    json: std::mem::take(&mut current),
                });
                self.glue(",");
            }
            if !current.is_empty() {
                current.push(',');
            }
            current.push_str(&serde_json::to_string(item)?);
        }
        if !current.is_empty() {
            self.push(Piece {
                section,
                json: current,
            });
        }
        self.glue("]");
        Ok(())
    }
}

/// The parts of a report that need no comparison of the texts: its documents (all but what
/// only each says), entities and quotes, with byte offsets made character offsets. The page's
/// worker makes it while a helper compares the texts, and [`finish`]es it with their comparison.
pub struct Draft {
    report: Report,
    offsets: Vec<CharOffsets>,
}

/// The [`Draft`] of a report from the articles, their entities and their quotes.
pub fn draft(articles: &[Article], table: &EntityTable, quotes: &[quotes::Quote]) -> Draft {
    let offsets: Vec<CharOffsets> = articles.iter().map(|a| CharOffsets::new(&a.text)).collect();
    let ch = |doc: usize, byte: usize| offsets[doc].char_offset(&articles[doc].text, byte);

    let (mut kind_name, mut quote_kind_name, mut reason_name) = (
        names::<Kind>(),
        names::<QuoteKind>(),
        names::<RemovalReason>(),
    );
    // Made once: an id for each of thousands of mentions was most of the report's formatting.
    let doc_ids: Vec<String> = (0..articles.len()).map(doc_id).collect();
    let mention = |m: &crate::entities::DocSpan| Mention {
        doc: doc_ids[m.doc].clone(),
        start: ch(m.doc, m.start),
        end: ch(m.doc, m.end),
    };

    let documents = articles
        .iter()
        .enumerate()
        .map(|(i, a)| Document {
            id: doc_ids[i].clone(),
            name: a.name.clone(),
            title: a.title.clone(),
            source: a.source.clone(),
            published: a.published.clone(),
            text: a.text.clone(),
            warnings: a.warnings.clone(),
            removed: a
                .removed
                .iter()
                .map(|r| RemovedText {
                    text: r.text.clone(),
                    reason: reason_name(r.reason),
                })
                .collect(),
            unique: Vec::new(),
        })
        .collect();

    let entities = table
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| Entity {
            id: format!("e{i}"),
            name: e.name.clone(),
            kind: kind_name(e.kind),
            aliases: e.aliases.clone(),
            mentions: e.mentions.iter().map(mention).collect(),
            value: e.value.clone(),
        })
        .collect();

    let quotes = quotes
        .iter()
        .enumerate()
        .map(|(i, q)| Quote {
            id: format!("q{i}"),
            doc: doc_ids[q.doc].clone(),
            start: ch(q.doc, q.start),
            end: ch(q.doc, q.end),
            text: q.words(&articles[q.doc].text),
            parts: if q.parts.len() > 1 {
                q.parts
                    .iter()
                    .map(|&(s, e)| Span {
                        start: ch(q.doc, s),
                        end: ch(q.doc, e),
                    })
                    .collect()
            } else {
                Vec::new()
            },
            kind: quote_kind_name(q.kind),
            speaker: q.speaker.map(|s| format!("e{s}")),
            speaker_mention: q.speaker_mention.map(|(s, e)| Span {
                start: ch(q.doc, s),
                end: ch(q.doc, e),
            }),
            cue: q.cue.clone(),
            group: q.group.map(|g| format!("g{g}")),
        })
        .collect();

    Draft {
        report: Report {
            version: VERSION,
            documents,
            errors: Vec::new(),
            entities,
            quotes,
            overlaps: Vec::new(),
            facts: Vec::new(),
        },
        offsets,
    }
}

/// The report: its [`Draft`] with the comparison of the texts (what only each document says,
/// the overlaps between documents, the facts they agree or disagree on) added. `articles` are
/// those the draft was made from.
pub fn finish(draft: Draft, articles: &[Article], comparison: &Comparison) -> Report {
    let Draft {
        mut report,
        offsets,
    } = draft;
    let ch = |doc: usize, byte: usize| offsets[doc].char_offset(&articles[doc].text, byte);
    let doc_ids: Vec<&str> = report.documents.iter().map(|d| d.id.as_str()).collect();
    let mention = |m: &crate::entities::DocSpan| Mention {
        doc: doc_ids[m.doc].to_string(),
        start: ch(m.doc, m.start),
        end: ch(m.doc, m.end),
    };
    let unique: Vec<Vec<Span>> = (0..articles.len())
        .map(|i| {
            comparison
                .unique
                .get(i)
                .into_iter()
                .flatten()
                .map(|r| Span {
                    start: ch(i, r.start),
                    end: ch(i, r.end),
                })
                .collect()
        })
        .collect();

    let overlaps = comparison
        .overlaps
        .iter()
        .map(|o| Overlap {
            a: doc_ids[o.a].to_string(),
            b: doc_ids[o.b].to_string(),
            score: round4(o.score),
            similarity: round4(o.similarity),
            passages: o
                .passages
                .iter()
                .map(|p| Passage {
                    a_start: ch(o.a, p.a_start),
                    a_end: ch(o.a, p.a_end),
                    b_start: ch(o.b, p.b_start),
                    b_end: ch(o.b, p.b_end),
                })
                .collect(),
        })
        .collect();

    let facts = comparison
        .facts
        .iter()
        .map(|f| Fact {
            subject: f.subject.clone(),
            agree: f.agree,
            values: f
                .values
                .iter()
                .map(|v| FactValue {
                    value: v.value.clone(),
                    mentions: v.mentions.iter().map(mention).collect(),
                })
                .collect(),
        })
        .collect();

    for (document, unique) in report.documents.iter_mut().zip(unique) {
        document.unique = unique;
    }
    report.overlaps = overlaps;
    report.facts = facts;
    report
}

/// Scores are rounded so reports diff cleanly across platforms.
fn round4(x: f64) -> f64 {
    if x.is_finite() {
        (x.clamp(0.0, 1.0) * 10_000.0).round() / 10_000.0
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(speaker: Option<&str>, mention: Option<(usize, usize)>) -> Quote {
        Quote {
            id: "q0".into(),
            doc: "d1".into(),
            start: 0,
            end: 4,
            text: "Yes.".into(),
            parts: Vec::new(),
            kind: "direct".into(),
            speaker: speaker.map(str::to_string),
            speaker_mention: mention.map(|(start, end)| Span { start, end }),
            cue: Some("said".into()),
            group: None,
        }
    }

    #[test]
    fn sources_count_each_document_once_whatever_its_id() {
        let entity = |docs: &[&str]| Entity {
            id: "e0".into(),
            name: "Harbour Union".into(),
            kind: "organization".into(),
            aliases: Vec::new(),
            mentions: docs
                .iter()
                .map(|d| Mention {
                    doc: d.to_string(),
                    start: 0,
                    end: 1,
                })
                .collect(),
            value: None,
        };
        assert_eq!(entity(&[]).sources(), 0);
        assert_eq!(entity(&["d3", "d3"]).sources(), 1);
        assert_eq!(entity(&["d2", "d2", "d9", "d10", "d10"]).sources(), 3);
        // Out of order, or ids that are not the analysis' own: sorted as strings.
        assert_eq!(entity(&["d2", "d10", "d9", "d10"]).sources(), 3);
        assert_eq!(entity(&["d1", "d01", "d1", "x", "d+1"]).sources(), 4);
        assert_eq!(entity(&["a", "b", "a"]).sources(), 2);
    }

    #[test]
    fn speakers_are_named_by_their_entity_else_by_the_phrase_in_the_text() {
        let report = Report {
            documents: vec![
                Document {
                    id: "d0".into(),
                    ..Document::default()
                },
                Document {
                    id: "d1".into(),
                    text: "“Yes,” the Žabljak commission said.".into(),
                    ..Document::default()
                },
            ],
            // Out of index order: a lookup must not trust the index alone.
            entities: vec![Entity {
                id: "e1".into(),
                name: "Ann Lee".into(),
                kind: "person".into(),
                aliases: Vec::new(),
                mentions: Vec::new(),
                value: None,
            }],
            ..Report::default()
        };
        let name = |q: &Quote| report.speaker_name(q);
        assert_eq!(
            name(&quote(Some("e1"), Some((7, 10)))).as_deref(),
            Some("Ann Lee")
        );
        assert_eq!(
            name(&quote(None, Some((7, 29)))).as_deref(),
            Some("the Žabljak commission")
        );
        assert_eq!(name(&quote(None, None)), None);
        assert_eq!(report.document("d1").map(|d| d.id.as_str()), Some("d1"));
        assert!(report.entity("e0").is_none() && report.document("d9").is_none());
    }
}
