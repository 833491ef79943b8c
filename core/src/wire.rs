//! A compact binary form of [`Recognised`] documents, of a batch's texts and of their
//! [`Comparison`] (all but its facts), for the page's workers to hand each other (one
//! `ArrayBuffer`, transferred), and of a [`Report`], for the worker to hand the page (in
//! pieces): the page reads it in a fraction of the time its JSON took to parse. Hand-written
//! because serde's derived deserialisers for these types would add more to the download than
//! this whole module: the format only ever travels between two copies of the same build, so it
//! needs no versioning and no self-description ([`FORMAT`] lets the page check that its worker
//! is of its own build). (A report's JSON, the public contract, is what
//! the page exports, written from the report it read.)
//!
//! Numbers are little-endian `u32`s (texts are at most [`crate::ingest::MAX_TEXT_BYTES`] long),
//! fractions `f64`s, strings their UTF-8 length then bytes, options and results a tag byte then
//! the value, lists their length then items. Decoding checks everything (lengths, UTF-8, tags)
//! and gives `None` for bytes it did not write.

use crate::compare::{Comparison, Overlap, Passage};
use crate::entities::{Kind, Mention};
use crate::ingest::{Article, RemovalReason, Removed};
use crate::pipeline::Recognised;
use crate::report::{
    Document, Entity, Fact, FactValue, InputError, Mention as ReportMention,
    Overlap as ReportOverlap, Passage as ReportPassage, Quote, RemovedText, Report, Span,
};

/// This build's form of what this module writes: a hash of its source and of the report's
/// types. The page checks that its worker's is its own before it reads a report from it (were
/// a stale worker ever served beside a new page, the person is told to reload instead of being
/// shown a report that cannot be read).
pub const FORMAT: u32 = fnv1a(
    fnv1a(0x811c_9dc5, include_bytes!("wire.rs")),
    include_bytes!("report.rs"),
);

/// FNV-1a over `bytes`, from `hash`.
const fn fnv1a(mut hash: u32, bytes: &[u8]) -> u32 {
    let mut i = 0;
    while i < bytes.len() {
        hash = (hash ^ bytes[i] as u32).wrapping_mul(0x0100_0193);
        i += 1;
    }
    hash
}

/// The bytes of `docs`.
pub fn encode(docs: &[Recognised]) -> Vec<u8> {
    let size: usize = docs
        .iter()
        .map(|d| {
            d.result
                .as_ref()
                .map_or(64, |(a, m)| a.text.len() + m.len() * 16 + 256)
        })
        .sum();
    let mut out = Out::whole(size);
    docs.len().put(&mut out);
    for doc in docs {
        doc.put(&mut out);
    }
    out.bytes
}

/// The documents [`encode`] wrote, or `None` when `bytes` are not such a list.
pub fn decode(bytes: &[u8]) -> Option<Vec<Recognised>> {
    take_all(bytes)
}

/// The bytes of a batch's texts (see `Batch::texts`).
pub fn encode_texts(texts: &[&str]) -> Vec<u8> {
    let mut out = Out::whole(texts.iter().map(|t| t.len() + 4).sum::<usize>() + 4);
    texts.len().put(&mut out);
    for text in texts {
        put_str(text, &mut out);
    }
    out.bytes
}

/// The texts [`encode_texts`] wrote.
pub fn decode_texts(bytes: &[u8]) -> Option<Vec<String>> {
    take_all(bytes)
}

/// The bytes of a comparison's overlaps and unique sentences (what
/// [`crate::compare::compare_texts`] finds; its `facts` are left out).
pub fn encode_comparison(comparison: &Comparison) -> Vec<u8> {
    let mut out = Out::whole(0);
    comparison.overlaps.put(&mut out);
    comparison.unique.put(&mut out);
    out.bytes
}

/// The comparison [`encode_comparison`] wrote (with no facts).
pub fn decode_comparison(bytes: &[u8]) -> Option<Comparison> {
    let (overlaps, unique) = take_all(bytes)?;
    Some(Comparison {
        overlaps,
        facts: Vec::new(),
        unique,
    })
}

/// The bytes of a report, for the page (it reads them several times faster than the report's
/// JSON), given to `emit` in pieces of about `chunk` bytes as they are made (a caller can copy
/// each out and never hold the whole): joined, they are what [`decode_report`] reads.
pub fn encode_report(report: &Report, chunk: usize, emit: &mut dyn FnMut(&[u8])) {
    let mut out = Out {
        bytes: Vec::new(),
        cut: Some(Cut { chunk, emit }),
    };
    // The lists in the order `ReportReader::read` takes them (its list numbers); naming every
    // field, so that a new one fails to compile until it is written (and read).
    let Report {
        version,
        documents,
        errors,
        entities,
        quotes,
        overlaps,
        facts,
    } = report;
    version.put(&mut out);
    documents.put(&mut out);
    errors.put(&mut out);
    entities.put(&mut out);
    quotes.put(&mut out);
    overlaps.put(&mut out);
    facts.put(&mut out);
    out.emit_rest();
}

/// The report [`encode_report`] wrote.
pub fn decode_report(bytes: &[u8]) -> Option<Report> {
    let mut reader = ReportReader::new(bytes.to_vec())?;
    reader.read(usize::MAX)?;
    reader.finish()
}

/// How many lists a report has (documents, errors, entities, quotes, overlaps, facts).
const REPORT_LISTS: usize = 6;

/// Reads the report [`encode_report`] wrote a few items at a time, for a caller that must not
/// hold its thread for long: the page's, where a report of thousands of articles took one task
/// of 300 ms to read.
pub struct ReportReader {
    bytes: Vec<u8>,
    at: usize,
    version: u32,
    documents: Vec<Document>,
    errors: Vec<InputError>,
    entities: Vec<Entity>,
    quotes: Vec<Quote>,
    overlaps: Vec<ReportOverlap>,
    facts: Vec<Fact>,
    /// The list being read (in the order the report's fields are written; [`REPORT_LISTS`]
    /// once all are read), and how many of its items are left once its length is read.
    list: usize,
    left: Option<usize>,
}

impl ReportReader {
    /// A reader of `bytes`; `None` when they do not start as a report does.
    pub fn new(bytes: Vec<u8>) -> Option<ReportReader> {
        let mut input = &bytes[..];
        let version = u32::take(&mut input)?;
        Some(ReportReader {
            at: bytes.len() - input.len(),
            bytes,
            version,
            documents: Vec::new(),
            errors: Vec::new(),
            entities: Vec::new(),
            quotes: Vec::new(),
            overlaps: Vec::new(),
            facts: Vec::new(),
            list: 0,
            left: None,
        })
    }

    /// The bytes it reads, in all.
    pub fn size(&self) -> usize {
        self.bytes.len()
    }

    /// Reads up to `items` more items of the report's lists: `Some(true)` once all are read,
    /// `None` for bytes [`encode_report`] did not write.
    pub fn read(&mut self, mut items: usize) -> Option<bool> {
        let mut input = &self.bytes[self.at..];
        let (left, budget) = (&mut self.left, &mut items);
        while *budget > 0 {
            // In the order `encode_report` writes them.
            let done = match self.list {
                0 => take_some(&mut input, &mut self.documents, left, budget),
                1 => take_some(&mut input, &mut self.errors, left, budget),
                2 => take_some(&mut input, &mut self.entities, left, budget),
                3 => take_some(&mut input, &mut self.quotes, left, budget),
                4 => take_some(&mut input, &mut self.overlaps, left, budget),
                5 => take_some(&mut input, &mut self.facts, left, budget),
                _ => break,
            }?;
            if done {
                (self.list, *left) = (self.list + 1, None);
            }
        }
        self.at = self.bytes.len() - input.len();
        Some(self.list == REPORT_LISTS)
    }

    /// The report, once every item is read and nothing is left over.
    pub fn finish(self) -> Option<Report> {
        (self.list == REPORT_LISTS && self.at == self.bytes.len()).then_some(Report {
            version: self.version,
            documents: self.documents,
            errors: self.errors,
            entities: self.entities,
            quotes: self.quotes,
            overlaps: self.overlaps,
            facts: self.facts,
        })
    }
}

/// Takes items of a list into `list` while `budget` lasts (its length first, into `left`, if
/// not yet taken); whether the list is done.
fn take_some<T: Wire>(
    input: &mut &[u8],
    list: &mut Vec<T>,
    left: &mut Option<usize>,
    budget: &mut usize,
) -> Option<bool> {
    let n = match *left {
        Some(n) => n,
        None => {
            let n = usize::take(input)?;
            // Every item takes at least one byte: a bogus length cannot reserve more than that.
            list.reserve(n.min(input.len()));
            n
        }
    };
    let now = n.min(*budget);
    for _ in 0..now {
        list.push(T::take(input)?);
    }
    *budget -= now;
    *left = Some(n - now);
    Some(n == now)
}

/// A `T` that takes every one of `bytes`.
fn take_all<T: Wire>(mut bytes: &[u8]) -> Option<T> {
    let value = T::take(&mut bytes)?;
    bytes.is_empty().then_some(value)
}

trait Wire: Sized {
    fn put(&self, out: &mut Out);
    fn take(input: &mut &[u8]) -> Option<Self>;
}

/// Where [`Wire::put`] writes: one buffer, or (`cut`) pieces of about a size, each given to a
/// function as soon as an item of a list has taken it that far (pieces of a report, which the
/// worker copies out of its memory as they are made).
struct Out<'a> {
    bytes: Vec<u8>,
    cut: Option<Cut<'a>>,
}

/// How an [`Out`] is cut: into pieces of about `chunk` bytes, each given to `emit`.
struct Cut<'a> {
    chunk: usize,
    emit: &'a mut dyn FnMut(&[u8]),
}

impl Out<'_> {
    /// One buffer, with room for `capacity` bytes.
    fn whole(capacity: usize) -> Out<'static> {
        Out {
            bytes: Vec::with_capacity(capacity),
            cut: None,
        }
    }

    /// An item of a list is written: where pieces are cut, gives the piece once it has its size.
    fn item_done(&mut self) {
        if let Some(cut) = &mut self.cut {
            if self.bytes.len() >= cut.chunk {
                (cut.emit)(&self.bytes);
                self.bytes.clear();
            }
        }
    }

    /// Gives what is left of the last piece.
    fn emit_rest(mut self) {
        if let Some(cut) = &mut self.cut {
            if !self.bytes.is_empty() {
                (cut.emit)(&self.bytes);
            }
        }
    }
}

fn take_bytes<'a>(input: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    if input.len() < n {
        return None;
    }
    let (head, rest) = input.split_at(n);
    *input = rest;
    Some(head)
}

impl Wire for u32 {
    fn put(&self, out: &mut Out) {
        out.bytes.extend_from_slice(&self.to_le_bytes());
    }
    fn take(input: &mut &[u8]) -> Option<u32> {
        Some(u32::from_le_bytes(take_bytes(input, 4)?.try_into().ok()?))
    }
}

impl Wire for usize {
    fn put(&self, out: &mut Out) {
        // Lengths and offsets of texts far below 4 GB (MAX_TEXT_BYTES); saturating keeps a
        // wrong value from passing as a right one.
        (u32::try_from(*self).unwrap_or(u32::MAX)).put(out);
    }
    fn take(input: &mut &[u8]) -> Option<usize> {
        u32::take(input).map(|n| n as usize)
    }
}

impl Wire for u8 {
    fn put(&self, out: &mut Out) {
        out.bytes.push(*self);
    }
    fn take(input: &mut &[u8]) -> Option<u8> {
        Some(take_bytes(input, 1)?[0])
    }
}

impl Wire for bool {
    fn put(&self, out: &mut Out) {
        u8::from(*self).put(out);
    }
    fn take(input: &mut &[u8]) -> Option<bool> {
        match u8::take(input)? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
}

impl Wire for f64 {
    fn put(&self, out: &mut Out) {
        out.bytes.extend_from_slice(&self.to_le_bytes());
    }
    fn take(input: &mut &[u8]) -> Option<f64> {
        Some(f64::from_le_bytes(take_bytes(input, 8)?.try_into().ok()?))
    }
}

fn put_str(s: &str, out: &mut Out) {
    s.len().put(out);
    out.bytes.extend_from_slice(s.as_bytes());
}

impl Wire for String {
    fn put(&self, out: &mut Out) {
        put_str(self, out);
    }
    fn take(input: &mut &[u8]) -> Option<String> {
        let n = usize::take(input)?;
        String::from_utf8(take_bytes(input, n)?.to_vec()).ok()
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, out: &mut Out) {
        self.is_some().put(out);
        if let Some(value) = self {
            value.put(out);
        }
    }
    fn take(input: &mut &[u8]) -> Option<Option<T>> {
        Some(if bool::take(input)? {
            Some(T::take(input)?)
        } else {
            None
        })
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn put(&self, out: &mut Out) {
        self.len().put(out);
        for item in self {
            item.put(out);
            out.item_done();
        }
    }
    fn take(input: &mut &[u8]) -> Option<Vec<T>> {
        let n = usize::take(input)?;
        // Every item takes at least one byte: a bogus length cannot reserve more than the input.
        let mut items = Vec::with_capacity(n.min(input.len()));
        for _ in 0..n {
            items.push(T::take(input)?);
        }
        Some(items)
    }
}

impl<T: Wire, U: Wire> Wire for (T, U) {
    fn put(&self, out: &mut Out) {
        self.0.put(out);
        self.1.put(out);
    }
    fn take(input: &mut &[u8]) -> Option<(T, U)> {
        Some((T::take(input)?, U::take(input)?))
    }
}

impl Wire for std::ops::Range<usize> {
    fn put(&self, out: &mut Out) {
        self.start.put(out);
        self.end.put(out);
    }
    fn take(input: &mut &[u8]) -> Option<std::ops::Range<usize>> {
        Some(usize::take(input)?..usize::take(input)?)
    }
}

impl<T: Wire> Wire for Result<T, String> {
    fn put(&self, out: &mut Out) {
        self.is_ok().put(out);
        match self {
            Ok(value) => value.put(out),
            Err(e) => e.put(out),
        }
    }
    fn take(input: &mut &[u8]) -> Option<Result<T, String>> {
        Some(if bool::take(input)? {
            Ok(T::take(input)?)
        } else {
            Err(String::take(input)?)
        })
    }
}

/// A fieldless enum as one byte: `$enum`'s variants in a fixed order. Writing matches every
/// variant, so a new one fails to compile until it is given a number here.
macro_rules! wire_enum {
    ($enum:ident { $($variant:ident = $n:literal),* $(,)? }) => {
        impl Wire for $enum {
            fn put(&self, out: &mut Out) {
                out.bytes.push(match self { $($enum::$variant => $n,)* });
            }
            fn take(input: &mut &[u8]) -> Option<$enum> {
                match u8::take(input)? {
                    $($n => Some($enum::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

wire_enum!(Kind {
    Person = 0,
    Organization = 1,
    Place = 2,
    Date = 3,
    Quantity = 4,
    Group = 5,
    Other = 6,
});

wire_enum!(RemovalReason {
    SocialPrompt = 0,
    Newsletter = 1,
    RelatedLinks = 2,
    CommentForm = 3,
    AuthorBio = 4,
    TrackingId = 5,
    ShareHint = 6,
    Navigation = 7,
    Advertisement = 8,
    RepeatedAcrossBatch = 9,
    Metadata = 10,
    OutletCredit = 11,
    Other = 12,
});

/// A struct as its fields in order; writing destructures it, so a new field fails to compile
/// until it is added here.
macro_rules! wire_struct {
    ($struct:ident { $($field:ident),* $(,)? }) => {
        impl Wire for $struct {
            fn put(&self, out: &mut Out) {
                let $struct { $($field),* } = self;
                $($field.put(out);)*
            }
            fn take(input: &mut &[u8]) -> Option<$struct> {
                Some($struct { $($field: Wire::take(input)?),* })
            }
        }
    };
}

wire_struct!(Removed { text, reason });
wire_struct!(Article {
    name,
    title,
    source,
    published,
    text,
    removed,
    warnings,
    author,
});
wire_struct!(Mention {
    start,
    end,
    kind,
    value,
    role,
    role_phrase,
    alias_of,
});
wire_struct!(Recognised { name, keep, result });
wire_struct!(Passage {
    a_start,
    a_end,
    b_start,
    b_end,
});
wire_struct!(Overlap {
    a,
    b,
    score,
    similarity,
    passages,
});

wire_struct!(Document {
    id,
    name,
    title,
    source,
    published,
    text,
    warnings,
    removed,
    unique,
});
wire_struct!(RemovedText { text, reason });
wire_struct!(InputError { name, error });
wire_struct!(Entity {
    id,
    name,
    kind,
    aliases,
    mentions,
    value,
});
wire_struct!(Span { start, end });
wire_struct!(ReportMention { doc, start, end });
wire_struct!(Quote {
    id,
    doc,
    start,
    end,
    text,
    parts,
    kind,
    speaker,
    speaker_mention,
    cue,
    group,
});
wire_struct!(ReportOverlap {
    a,
    b,
    score,
    similarity,
    passages,
});
wire_struct!(ReportPassage {
    a_start,
    a_end,
    b_start,
    b_end,
});
wire_struct!(Fact {
    subject,
    agree,
    values,
});
wire_struct!(FactValue { value, mentions });

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{recognise_input, Input, Options};

    fn docs() -> Vec<Recognised> {
        let text = "Pristina, 3 May 2024 — Kosovo Force (KFOR) said 120 troops were sent. \
                    “We stay,” said General Özlem Kaya.\n\nShare this article\n\nMore text.";
        let mut input = Input::new("a.txt", text);
        input.keep = vec!["Share this article".into()];
        vec![
            recognise_input(&input, &Options::default()),
            recognise_input(
                &Input::new("b.png", &b"\x89PNG\r\n\x1a\n\0"[..]),
                &Options::default(),
            ),
        ]
    }

    #[test]
    fn the_format_is_the_hash_of_this_source() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/");
        let read = |name: &str| std::fs::read(format!("{dir}{name}")).unwrap();
        let hash = fnv1a(fnv1a(0x811c_9dc5, &read("wire.rs")), &read("report.rs"));
        assert_eq!(FORMAT, hash);
        assert_ne!(fnv1a(0x811c_9dc5, b"a"), fnv1a(0x811c_9dc5, b"b"));
    }

    #[test]
    fn documents_come_back_as_they_went() {
        let docs = docs();
        let (article, mentions) = docs[0].result.as_ref().unwrap();
        assert!(mentions.len() >= 3 && !article.text.is_empty());
        assert!(docs[1].result.is_err());
        assert_eq!(decode(&encode(&docs)), Some(docs));
    }

    #[test]
    fn every_byte_of_an_enum_reads_back_as_written_or_not_at_all() {
        for b in 0..=u8::MAX {
            for put in [
                Kind::take(&mut &[b][..]).map(|k| k.put_vec()),
                RemovalReason::take(&mut &[b][..]).map(|r| r.put_vec()),
            ] {
                assert!(put.is_none_or(|bytes| bytes == [b]));
            }
        }
        assert!(Kind::take(&mut &[6][..]).is_some() && Kind::take(&mut &[7][..]).is_none());
        assert!(RemovalReason::take(&mut &[12][..]).is_some());
        assert!(RemovalReason::take(&mut &[13][..]).is_none());
    }

    #[test]
    fn cut_or_altered_bytes_are_refused_without_panicking() {
        let bytes = encode(&docs());
        for n in 0..bytes.len() {
            assert_eq!(decode(&bytes[..n]), None, "cut at {n}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode(&longer), None);
        // A length that claims more than there is.
        assert_eq!(decode(&[255, 255, 255, 255, 1]), None);
    }

    #[test]
    fn texts_and_their_comparison_come_back_as_they_went() {
        let shared = "The harbour strike ended on Tuesday after nine days of talks between the \
                      union and the port authority.";
        let a = format!("Dockers went back to work. {shared} Ships waited offshore for cargo deliveries to resume.");
        let b = format!("{shared} The union called it a victory. Ферма “Зоря” закрита.");
        let texts = [a.as_str(), b.as_str(), "", "An unrelated note on rainfall."];
        let bytes = encode_texts(&texts);
        assert_eq!(decode_texts(&bytes), Some(texts.map(String::from).to_vec()));
        assert_eq!(decode_texts(&bytes[..bytes.len() - 1]), None);

        let comparison = crate::compare::compare_texts(&texts);
        let overlap = &comparison.overlaps[0];
        assert!((overlap.a, overlap.b) == (0, 1) && !overlap.passages.is_empty());
        assert!(overlap.score > 0.0 && overlap.similarity > 0.0);
        assert!(comparison.unique.iter().any(|u| !u.is_empty()));
        let bytes = encode_comparison(&comparison);
        let back = decode_comparison(&bytes).unwrap();
        assert_eq!(back.overlaps, comparison.overlaps);
        assert_eq!(back.unique, comparison.unique);
        assert!(back.facts.is_empty());
        for n in 0..bytes.len() {
            assert!(decode_comparison(&bytes[..n]).is_none(), "cut at {n}");
        }
    }

    trait PutVec: Wire {
        fn put_vec(&self) -> Vec<u8> {
            let mut out = Out::whole(0);
            self.put(&mut out);
            out.bytes
        }
    }
    impl<T: Wire> PutVec for T {}
}
