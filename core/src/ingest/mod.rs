//! Ingest: from the bytes of a file to a clean article body with its metadata.
//!
//! Steps, one module each: [`sniff`] the format by content (then name), [`decode`] the bytes,
//! extract the text ([`html`] over the tolerant [`dom`], [`markdown`], [`docx`], [`pdf`]), take metadata and remove boilerplate
//! ([`plain`], [`boilerplate`], [`metadata`]), then drop lines that repeat across the batch.
//! Everything removed is kept in [`Article::removed`] with its reason, in document order.

pub mod boilerplate;
pub mod decode;
pub mod docx;
pub mod dom;
pub mod html;
pub mod markdown;
pub mod metadata;
pub mod pdf;
pub mod plain;
pub mod sniff;

use crate::pipeline::Input;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;
use sniff::Format;

/// Why a line or block was removed from the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovalReason {
    SocialPrompt,
    Newsletter,
    RelatedLinks,
    CommentForm,
    AuthorBio,
    TrackingId,
    ShareHint,
    Navigation,
    /// An advertisement label ("Advertisement", "Anzeige", "Story continues below").
    Advertisement,
    RepeatedAcrossBatch,
    Metadata,
    /// A closing line naming the outlet or its staff.
    OutletCredit,
    Other,
}

/// A piece of the input left out of the body, kept so a person can see and restore it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Removed {
    pub text: String,
    pub reason: RemovalReason,
}

/// An article as the analysis sees it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    pub name: String,
    pub title: Option<String>,
    /// The outlet.
    pub source: Option<String>,
    /// ISO date (`2023-11-22`).
    pub published: Option<String>,
    /// The cleaned body: every report offset points into it.
    pub text: String,
    pub removed: Vec<Removed>,
    pub warnings: Vec<String>,
    /// The byline, when one was found.
    pub author: Option<String>,
}

/// Inputs larger than this are refused with a message (the page and `analyse` both apply it).
pub const MAX_INPUT_BYTES: usize = 50_000_000;

/// Decoded text longer than this (in bytes) is cut, with a warning, so analysis stays responsive.
pub const MAX_TEXT_BYTES: usize = 5_000_000;

/// Reads every input, then drops the lines repeated across the batch. An input that cannot be
/// read gives an error message for that input alone. With `raw`, each input's decoded text is
/// the body as it is (BOM stripped, nothing else). (The analysis reads its inputs one at a time
/// and drops the repeated lines when it puts the batch together: `pipeline::Batch::new`.)
pub fn ingest_batch(inputs: &[Input], raw: bool) -> Vec<Result<Article, String>> {
    let mut out: Vec<_> = inputs.iter().map(|input| ingest_one(input, raw)).collect();
    if !raw {
        let keeps: Vec<Vec<String>> = inputs.iter().map(|input| input.keep.clone()).collect();
        remove_repeated(&mut out, &keeps, |_, _, _| {});
    }
    out
}

/// Why an input of `bytes` bytes, over [`MAX_INPUT_BYTES`], is not read (the page and the
/// command line refuse such files before reading them, with the same words).
pub fn too_large(bytes: u64) -> String {
    format!(
        "file too large ({} MB; the limit is {} MB)",
        bytes / 1_000_000,
        MAX_INPUT_BYTES / 1_000_000
    )
}

/// Reads one input.
pub fn ingest_one(input: &Input, raw: bool) -> Result<Article, String> {
    let bytes = &input.bytes;
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("empty file: there is no text in it".into());
    }
    let format = sniff::sniff(&input.name, bytes);
    let mut article = Article {
        name: input.name.clone(),
        ..Article::default()
    };
    if raw {
        if let Format::Unsupported(what) = format {
            return Err(format!("not a text document: this looks like {what}"));
        }
        let d = decode::decode(bytes, format == Format::Html);
        article.warnings.extend(d.warning);
        article.text = d.text;
        return Ok(article);
    }
    let cleaned = match format {
        Format::Unsupported(what) => {
            return Err(format!("not a supported document: this looks like {what}"))
        }
        Format::Pdf => {
            let text = limit(pdf::extract(bytes)?, &mut article.warnings);
            plain::clean(&text, true, &input.keep)
        }
        Format::Docx => {
            let text = limit(docx::extract(bytes)?, &mut article.warnings);
            plain::clean(&text, true, &input.keep)
        }
        Format::Html => {
            let d = decode::decode(bytes, true);
            article.warnings.extend(d.warning);
            let text = limit(d.text, &mut article.warnings);
            html::extract(&text, &input.keep)
        }
        Format::Markdown | Format::Text => {
            let d = decode::decode(bytes, false);
            article.warnings.extend(d.warning);
            let text = limit(d.text, &mut article.warnings)
                .replace("\r\n", "\n")
                .replace('\r', "\n");
            if format == Format::Markdown {
                let md = markdown::to_text(&text);
                let mut c = plain::clean(&md.text, md.title.is_none(), &input.keep);
                if md.title.is_some() {
                    c.title = md.title;
                }
                c
            } else {
                plain::clean(&text, true, &input.keep)
            }
        }
    };
    article.title = cleaned.title.map(without_invisible);
    article.source = cleaned.source;
    article.published = cleaned.published;
    article.author = cleaned.author;
    article.text = without_invisible(cleaned.text);
    article.removed = cleaned.removed;
    if article.text.trim().is_empty() {
        article.warnings.push("no article text found".to_string());
    }
    Ok(article)
}

/// `text` without the characters a page never shows, which split the words they stand in:
/// soft hyphens ("Netan\u{ad}yahu", hyphenation hints), zero-width spaces and word joiners.
fn without_invisible(text: String) -> String {
    const INVISIBLE: [char; 4] = ['\u{ad}', '\u{200b}', '\u{2060}', '\u{feff}'];
    // Their UTF-8 forms begin with one of three bytes, which never stand inside a character:
    // a byte search finds the few places to look (a search by characters decodes them all).
    let found = memchr::memchr3_iter(0xC2, 0xE2, 0xEF, text.as_bytes())
        .any(|i| text[i..].starts_with(INVISIBLE));
    if found {
        text.replace(INVISIBLE, "")
    } else {
        text
    }
}

/// Whether the person restored `line` (`Input::keep`), so cleaning must leave it in the body.
fn restored(keep: &[String], line: &str) -> bool {
    let line = line.trim();
    keep.iter().any(|k| k == line)
}

/// Cuts `text` at [`MAX_TEXT_BYTES`] (on a char boundary), with a warning.
fn limit(mut text: String, warnings: &mut Vec<String>) -> String {
    if text.len() > MAX_TEXT_BYTES {
        let cut = crate::text::floor_boundary(&text, MAX_TEXT_BYTES);
        text.truncate(cut);
        warnings.push(format!(
            "text truncated to the first {} MB",
            MAX_TEXT_BYTES / 1_000_000
        ));
    }
    text
}

/// Short lines that recur in several documents of the batch are boilerplate of the outlet
/// (a slogan, a "follow us" line in new words): two documents of the same outlet, or three of any.
/// Long lines go only beside text of the documents' own, as an outlet's licence or promotion
/// does ([`long_boilerplate`]): shared wire copy is content the comparison must see. Lines the
/// person restored (`Input::keep`) stay.
/// `keeps[i]`: the lines the person restored in article `i`. `moved(i, a, m)` is called for
/// each article `a` (the `i`th) that lost lines, in order, with where its text's bytes went
/// ([`Moved`]), so that what was found in the text before can follow it.
pub(crate) fn remove_repeated(
    articles: &mut [Result<Article, String>],
    keeps: &[Vec<String>],
    mut moved: impl FnMut(usize, &Article, &Moved),
) {
    let key = |l: &str| crate::text::fold(l.trim());
    let short = |l: &str| (1..=SHORT_LINE_WORDS).contains(&line_words(l));
    // Each article's text and outlet (lower case, "" if unknown).
    let texts: Vec<Option<(&str, String)>> = articles
        .iter()
        .map(|a| {
            let a = a.as_ref().ok()?;
            let source = a.source.as_deref().unwrap_or_default().to_lowercase();
            Some((a.text.as_str(), source))
        })
        .collect();
    let mut seen: FxHashMap<String, (usize, FxHashMap<String, usize>)> = FxHashMap::default();
    for (text, source) in texts.iter().flatten() {
        let mut mine = FxHashSet::default();
        for l in text.lines().filter(|l| short(l)) {
            let k = key(l);
            if mine.insert(k.clone()) {
                let e = seen.entry(k).or_default();
                e.0 += 1;
                *e.1.entry(source.clone()).or_default() += 1;
            }
        }
    }
    let repeated = |k: &str| {
        seen.get(k).is_some_and(|(n, by_source)| {
            *n >= 3 || by_source.iter().any(|(s, c)| !s.is_empty() && *c >= 2)
        })
    };
    let long_lines = long_boilerplate(&texts, |l| short(l) && repeated(&key(l)));
    for (i, ((a, keep), long)) in articles.iter_mut().zip(keeps).zip(long_lines).enumerate() {
        let Ok(a) = a else { continue };
        // (Most articles have no long line to lose: their lines are not hashed again.)
        let long_gone = |l: &str| !long.is_empty() && long.contains(&line_hash(l));
        let removable =
            |l: &str| (short(l) && repeated(&key(l)) || long_gone(l)) && !restored(keep, l);
        if !a.text.lines().any(removable) {
            continue;
        }
        let (text, m) = without_lines(&a.text, |l| {
            let gone = removable(l);
            if gone {
                a.removed.push(Removed {
                    text: l.trim().to_string(),
                    reason: RemovalReason::RepeatedAcrossBatch,
                });
            }
            gone
        });
        a.text = text;
        moved(i, a, &m);
    }
}

/// Lines of more words than this are long (paragraphs), the others short.
const SHORT_LINE_WORDS: usize = 12;

/// The words of a line, counted only as far as one past [`SHORT_LINE_WORDS`] (most lines are
/// paragraphs).
fn line_words(line: &str) -> usize {
    line.split_whitespace().take(SHORT_LINE_WORDS + 1).count()
}

/// A long line is boilerplate of the batch's documents, not text they share, when at least
/// this many print it beside text of their own: an outlet's licence or "about us" paragraph
/// under each of its articles. (Three texts ending their own stories with the same background
/// paragraph keep it.)
const BOILERPLATE_DOCUMENTS: usize = 4;

/// For each text (and its outlet, lower case, `""` if unknown), the [`line_hash`]es of the long
/// lines to remove as boilerplate. Long lines in at least three texts make, with the short
/// lines `short_repeated` picks, runs of repeated lines; a long line is boilerplate when at least [`BOILERPLATE_DOCUMENTS`] texts have it, no line beside its runs is the same
/// in half of them, and the texts whose outlet is known have the same one — and, for a line
/// some text has between lines of its own (not at its start or end), every text's outlet is
/// known. Copies of one story share what is beside their runs too (or are mostly runs); texts
/// that only end alike do not; outlets that end their own stories with one wire paragraph
/// share it; a paragraph several unknown outlets quote in their stories may be wire copy too.
fn long_boilerplate(
    texts: &[Option<(&str, String)>],
    short_repeated: impl Fn(&str) -> bool,
) -> Vec<FxHashSet<u64>> {
    let long = |l: &str| line_words(l) > SHORT_LINE_WORDS;
    let mut in_texts: FxHashMap<u64, u32> = FxHashMap::default();
    for (text, _) in texts.iter().flatten() {
        let mine: FxHashSet<u64> = text.lines().filter(|l| long(l)).map(line_hash).collect();
        for h in mine {
            *in_texts.entry(h).or_default() += 1;
        }
    }
    let mut out = vec![FxHashSet::default(); texts.len()];
    if !in_texts.values().any(|&n| n >= 3) {
        return out;
    }
    let repeated = |l: &str| match long(l) {
        true => in_texts.get(&line_hash(l)).is_some_and(|&n| n >= 3),
        false => short_repeated(l),
    };
    // What is beside a run: the text's start or end, or (for both sides) nothing of the text's
    // own, when the run is most of it: a copy, with a line of its own at most.
    const EDGE: u64 = 1;
    const COPY: u64 = 2;
    // A long line → the texts with it, and the lines before and after its run in each.
    let mut beside: FxHashMap<u64, Vec<(usize, u64, u64)>> = FxHashMap::default();
    let words = |ls: &[&str]| -> usize { ls.iter().map(|l| l.split_whitespace().count()).sum() };
    for (i, text) in texts.iter().enumerate() {
        let Some((text, _)) = text else { continue };
        let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
        let mut all_words = None;
        let mut end = 0;
        while let Some(start) = (end..lines.len()).find(|&j| repeated(lines[j])) {
            end = (start..lines.len())
                .find(|&j| !repeated(lines[j]))
                .unwrap_or(lines.len());
            let run = &lines[start..end];
            if !run.iter().any(|l| long(l)) {
                continue;
            }
            let all_words = *all_words.get_or_insert_with(|| words(&lines));
            let (before, after) = match all_words > 2 * words(run) {
                true => (
                    start.checked_sub(1).map_or(EDGE, |j| line_hash(lines[j])),
                    lines.get(end).map_or(EDGE, |l| line_hash(l)),
                ),
                false => (COPY, COPY),
            };
            for l in run.iter().filter(|l| long(l)) {
                let with_it = beside.entry(line_hash(l)).or_default();
                // Once per text.
                if with_it.last().map(|&(t, ..)| t) != Some(i) {
                    with_it.push((i, before, after));
                }
            }
        }
    }
    for (&line, with_it) in &beside {
        let n = with_it.len();
        if n < BOILERPLATE_DOCUMENTS {
            continue;
        }
        // Each text counts once for each line beside its run.
        let mut same: FxHashMap<u64, usize> = FxHashMap::default();
        for &(_, before, after) in with_it {
            *same.entry(before).or_default() += 1;
            if after != before {
                *same.entry(after).or_default() += 1;
            }
        }
        same.remove(&EDGE);
        let outlets: FxHashSet<&str> = with_it
            .iter()
            .filter_map(|&(i, ..)| texts[i].as_ref().map(|t| t.1.as_str()))
            .collect();
        let known = outlets.iter().filter(|o| !o.is_empty()).count();
        let middle = with_it
            .iter()
            .any(|&(_, b, a)| b != EDGE && a != EDGE && b != COPY);
        if same.values().any(|&c| 2 * c >= n)
            || known > 1
            || (middle && (known == 0 || outlets.len() > 1))
        {
            continue;
        }
        for &(i, ..) in with_it {
            out[i].insert(line);
        }
    }
    out
}

/// A line's hash, its spaces at either end left out (lines repeated word for word).
fn line_hash(line: &str) -> u64 {
    crate::text::hash64(line.trim())
}

/// `text` without the lines `remove` picks (given in order), blank lines then kept to one in a
/// row and the whole trimmed; and where its bytes were in `text`.
fn without_lines(text: &str, mut remove: impl FnMut(&str) -> bool) -> (String, Moved) {
    let mut out = String::with_capacity(text.len());
    let mut from: Vec<u32> = Vec::with_capacity(text.len());
    // The line breaks `out` ends with: two at most, one blank line.
    let mut breaks = 0;
    let mut at = 0;
    for line in text.split('\n') {
        let start = at;
        at += line.len() + 1;
        if remove(line) {
            continue;
        }
        if !line.is_empty() {
            breaks = 0;
            out.push_str(line);
            from.extend(start as u32..(start + line.len()) as u32);
        }
        // The last line's break (after the text's end) is trimmed below.
        if breaks < 2 {
            out.push('\n');
            from.push((start + line.len()) as u32);
            breaks += 1;
        }
    }
    let end = out.trim_end().len();
    let start = end - out[..end].trim_start().len();
    from.truncate(end);
    from.drain(..start);
    out.truncate(end);
    out.drain(..start);
    (out, Moved(from))
}

/// Where each byte of a text with lines removed was before ([`remove_repeated`]); texts are
/// under 4 GB ([`MAX_TEXT_BYTES`]).
pub(crate) struct Moved(Vec<u32>);

/// What became of a span of a text that lost lines.
#[derive(Debug, PartialEq)]
pub(crate) enum Fate {
    /// All of it stayed, together, here.
    Moved(std::ops::Range<usize>),
    /// All of it went.
    Removed,
    /// Some of it went.
    Cut,
}

impl Moved {
    /// What became of the bytes `start..end` of the text before.
    pub(crate) fn span(&self, start: usize, end: usize) -> Fate {
        let from = &self.0;
        let i = from.partition_point(|&b| (b as usize) < start);
        let at = |j: usize| from.get(j).map(|&b| b as usize);
        if !matches!(at(i), Some(b) if b < end.max(start + 1)) {
            return Fate::Removed;
        }
        // Bytes only ever go, so the first and last in place means all between are too.
        let last = i + end.saturating_sub(start).max(1) - 1;
        match (at(i), at(last)) {
            (Some(first), _) if end == start && first == start => Fate::Moved(i..i),
            (Some(first), Some(b)) if first == start && b == end - 1 => Fate::Moved(i..last + 1),
            _ => Fate::Cut,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(name: &str, bytes: &[u8]) -> Result<Article, String> {
        ingest_batch(&[Input::new(name, bytes.to_vec())], false).remove(0)
    }

    #[test]
    fn hostile_files_give_clean_errors() {
        for (name, bytes) in [
            ("a.txt", &b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..]),
            ("a.txt", b"PK\x03\x04\x14\0\0\0\x08\0garbage"),
            ("a.bin", &[0u8, 159, 146, 150, 0, 1, 2, 3, 0, 0]),
            ("a.pdf", b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj"),
            ("a.docx", b"PK\x03\x04 truncated"),
        ] {
            let r = one(name, bytes);
            assert!(r.is_err(), "{name}: {r:?}");
            assert!(!r.unwrap_err().is_empty());
        }
    }

    #[test]
    fn encodings() {
        let a = one("a.txt", b"Caf\xE9 owners met on Monday.\n").unwrap();
        assert_eq!(a.text, "Café owners met on Monday.");
        assert!(!a.warnings.is_empty());
        let u16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(
                "Vučić met the mayor.\r\n"
                    .encode_utf16()
                    .flat_map(|u| u.to_le_bytes()),
            )
            .collect();
        assert_eq!(one("a.txt", &u16).unwrap().text, "Vučić met the mayor.");
        let bad = one("a.txt", b"ok \xC3\x28 text \xFF\xFE here").unwrap();
        assert!(bad.text.contains("text"));
    }

    #[test]
    fn invisible_characters_do_not_split_words() {
        let a = one(
            "a.txt",
            "Benjamin Netan\u{ad}yahu met Vladi\u{200b}mir Putin.\n".as_bytes(),
        );
        assert_eq!(a.unwrap().text, "Benjamin Netanyahu met Vladimir Putin.");
        let page = "<html><head><title>Netan&shy;yahu wins</title></head><body><article><p>Benjamin Netan&shy;yahu won the vote on Tuesday, and his party gained seats in the parliament.</p></article></body></html>";
        let a = one("a.html", page.as_bytes()).unwrap();
        assert!(a.text.contains("Benjamin Netanyahu won"), "{}", a.text);
        assert_eq!(a.title.as_deref(), Some("Netanyahu wins"));
    }

    #[test]
    fn raw_keeps_the_characters() {
        let r = ingest_batch(
            &[Input::new(
                "a.txt",
                b"\xEF\xBB\xBF  Line one\r\nRead more\n".to_vec(),
            )],
            true,
        );
        assert_eq!(r[0].as_ref().unwrap().text, "  Line one\r\nRead more\n");
    }

    #[test]
    fn oversized_is_refused_and_big_is_truncated() {
        let big = vec![b'a'; MAX_INPUT_BYTES + 1];
        assert!(one("a.txt", &big).unwrap_err().contains("too large"));
        let mut text = "word ".repeat(MAX_TEXT_BYTES / 5 + 10).into_bytes();
        text.extend("é".as_bytes());
        let a = one("a.txt", &text).unwrap();
        assert!(a.warnings.iter().any(|w| w.contains("truncated")));
    }

    #[test]
    fn every_format_end_to_end() {
        let body =
            "The harbour council voted on Monday to rebuild the old pier, which storms damaged.";
        let xml = format!("<w:document><w:body><w:p><w:r><w:t>Harbour town votes on its pier</w:t></w:r></w:p><w:p><w:r><w:t>{body}</w:t></w:r></w:p><w:p><w:r><w:t>Follow us on Twitter</w:t></w:r></w:p></w:body></w:document>");
        let docx = docx::tests::stored_zip("word/document.xml", xml.as_bytes());
        // A Word file with a wrong extension is still read as one.
        let a = one("story.bin", &docx).unwrap();
        assert_eq!(a.title.as_deref(), Some("Harbour town votes on its pier"));
        assert_eq!(a.text, body);
        assert_eq!(
            a.removed.last().map(|r| r.reason),
            Some(RemovalReason::SocialPrompt)
        );

        let md = format!("# Harbour town votes on its pier\n\n*By Jane Roe*\n\n{body}\n");
        let a = one("story.md", md.as_bytes()).unwrap();
        assert_eq!(a.title.as_deref(), Some("Harbour town votes on its pier"));
        assert_eq!(a.text, body);

        // A Windows-1252 page that declares its charset, saved as .txt.
        let mut page = b"<!DOCTYPE html><html><head><meta charset=windows-1252><title>Pier \x96 vote</title></head><body><p>".to_vec();
        page.extend(b"The caf\xE9 owners \x93welcomed\x94 the vote on the pier, which storms damaged last winter.</p><script>var hidden = 1;</script><style>p{}</style></body></html>");
        let a = one("page.txt", &page).unwrap();
        assert!(
            a.text.contains("café owners “welcomed” the vote"),
            "{}",
            a.text
        );
        assert!(!a.text.contains("hidden") && !a.text.contains("p{}"));
        assert_eq!(a.title.as_deref(), Some("Pier – vote"));
        assert!(a.warnings.is_empty());
    }

    #[test]
    fn lines_go_with_their_bytes_and_blank_lines_are_kept_to_one() {
        // What the batch's pass did before it kept where bytes went: the text, rebuilt.
        let rebuilt = |text: &str, gone: &dyn Fn(&str) -> bool| {
            let mut body = String::new();
            for l in text.split('\n').filter(|l| !gone(l)) {
                body.push_str(l);
                body.push('\n');
            }
            while body.contains("\n\n\n") {
                body = body.replace("\n\n\n", "\n\n");
            }
            body.trim().to_string()
        };
        let pieces = [
            "Gone.", "", "", " ", "\u{a0}", "Pier é", "\r", "Vote", "x y", "Gone. ",
        ];
        let mut seed = 7u64;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..seed % 9 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
                if seed >> 40 & 3 != 0 {
                    text.push('\n');
                }
            }
            seed = seed.wrapping_add(text.len() as u64);
            let gone = |l: &str| l.trim() == "Gone.";
            let (out, moved) = without_lines(&text, gone);
            assert_eq!(out, rebuilt(&text, &gone), "{text:?}");
            // Every byte left came from where `moved` says, and every word that stayed is found.
            for (at, b) in out.bytes().enumerate() {
                assert_eq!(text.as_bytes()[moved.0[at] as usize], b, "{text:?}");
            }
            for (start, word) in text.match_indices("Pier é") {
                let Fate::Moved(span) = moved.span(start, start + word.len()) else {
                    panic!("{text:?}")
                };
                assert_eq!(&out[span], word);
            }
            let mut start = 0;
            for line in text.split('\n') {
                if gone(line) {
                    let fate = moved.span(start, start + line.len());
                    assert_eq!(fate, Fate::Removed, "{text:?}");
                }
                start += line.len() + 1;
            }
        }
        // A span across a removed line did not stay together.
        let (out, moved) = without_lines("a b\nGone.\nc d", |l| l == "Gone.");
        assert_eq!(out, "a b\nc d");
        assert_eq!(moved.span(2, 4), Fate::Moved(2..4));
        assert_eq!(moved.span(4, 9), Fate::Removed);
        assert_eq!(moved.span(2, 11), Fate::Cut);
        assert_eq!(moved.span(6, 13), Fate::Cut);
        assert_eq!(moved.span(10, 13), Fate::Moved(4..7));
    }

    #[test]
    fn repeated_short_lines_across_the_batch() {
        let body = |s: &str| {
            format!("{s} council met on Monday to vote on the pier, which storms damaged.\nThanks for reading, the facts matter.\nThe {s} vote passed by a wide margin, officials said.\n")
        };
        let inputs: Vec<Input> = ["North", "South", "East"]
            .iter()
            .map(|s| Input::new(format!("{s}.txt"), body(s)))
            .collect();
        let out = ingest_batch(&inputs, false);
        for a in out.iter().flatten() {
            assert!(!a.text.contains("the facts matter"), "{}", a.text);
            assert!(a
                .removed
                .iter()
                .any(|r| r.reason == RemovalReason::RepeatedAcrossBatch));
        }
        // A person restores the line in one document: it stays there, and only there.
        let mut inputs = inputs;
        inputs[1].keep = vec!["Thanks for reading, the facts matter.".into()];
        let out = ingest_batch(&inputs, false);
        let texts: Vec<&str> = out.iter().flatten().map(|a| a.text.as_str()).collect();
        assert!(
            texts[1].contains("The South vote passed") && texts[1].contains("the facts matter")
        );
        assert!(!texts[0].contains("the facts matter") && !texts[2].contains("the facts matter"));
    }

    #[test]
    fn a_long_paragraph_under_each_of_an_outlets_stories_goes_but_shared_stories_stay() {
        const LICENCE: &str = "This article is published under the newsroom's terms and may \
            be shared for personal use if the author and the publication are credited in full.";
        let story = |town: &str, k: usize| {
            format!(
                "The {town} council voted {k} to 2 on Monday to rebuild the old pier before the \
                 winter storms, after divers found cracks in its oak piles.\n\nShop owners in \
                 {town} said the closure had cost them half their summer trade, and asked for \
                 help with rents until the work ends in {k} months."
            )
        };
        let towns = ["Marlow", "Henley", "Goring", "Pangbourne", "Wallingford"];
        // Five stories of one outlet, each with its licence at the end; the same story carried
        // by five outlets, each signing it off; three stories ending with one background line.
        let mut inputs: Vec<Input> = towns
            .iter()
            .enumerate()
            .map(|(k, t)| Input::new(format!("{t}.txt"), format!("{}\n\n{LICENCE}", story(t, k))))
            .collect();
        inputs.extend((0..5).map(|k| {
            let copy = format!("{}\n\nReported by desk {k}.", story("Reading", 9));
            Input::new(format!("copy{k}.txt"), copy)
        }));
        let background = "The pier was built in 1890 and has been closed three times since \
            the great flood of 1947, each time for more than a year.";
        inputs.extend(["Cookham", "Bray", "Sonning"].iter().map(|t| {
            Input::new(
                format!("{t}.txt"),
                format!("{}\n\n{background}", story(t, 4)),
            )
        }));
        // Four outlets end their own stories with the same wire paragraph.
        let wire = "Divers from the county found the same rot in four other piers on the \
            river last year, and two of them have since been pulled down.";
        inputs.extend(
            ["Reading", "Caversham", "Streatley", "Benson"]
                .iter()
                .map(|t| {
                    let text = format!("{}\n\n{wire}\n\nSource: {t} Echo", story(t, 6));
                    Input::new(format!("{t}-echo.txt"), text)
                }),
        );
        // One outlet's promotion in the middle of each of its stories; another paragraph in
        // the middle of stories whose outlet is unknown (a quoted wire paragraph, maybe).
        let promo = "Our reporters cover every council meeting on the river so that you do not \
            have to, and you can support their work for less than a coffee a month.";
        let quoted = "The county's engineers said in a statement that every pier on the river \
            would be inspected again before the end of the year.";
        let middle = |t: &str, paragraph: &str, source: &str| {
            let (first, second) = story(t, 7)
                .split_once("\n\n")
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .unwrap();
            format!("{first}\n\n{paragraph}\n\n{second}{source}")
        };
        let places = ["Hurley", "Medmenham", "Bourne End", "Cliveden"];
        inputs.extend(places.iter().map(|t| {
            Input::new(
                format!("{t}-post.txt"),
                middle(t, promo, "\n\nSource: River Post"),
            )
        }));
        inputs.extend(
            places
                .iter()
                .map(|t| Input::new(format!("{t}.txt"), middle(t, quoted, ""))),
        );
        let out = ingest_batch(&inputs, false);
        let texts: Vec<&str> = out.iter().flatten().map(|a| a.text.as_str()).collect();
        for text in &texts[17..21] {
            assert!(
                !text.contains("Our reporters") && text.contains("Shop owners"),
                "{text}"
            );
        }
        for text in &texts[21..] {
            assert!(text.contains(quoted), "{text}");
        }
        for (a, (k, t)) in out.iter().flatten().zip(towns.iter().enumerate()) {
            assert_eq!(a.text, story(t, k));
            let removed = a
                .removed
                .iter()
                .find(|r| r.text.starts_with("This article"));
            assert_eq!(
                removed.map(|r| r.reason),
                Some(RemovalReason::RepeatedAcrossBatch)
            );
        }
        for text in &texts[5..10] {
            assert!(text.starts_with(&story("Reading", 9)), "{text}");
        }
        for text in &texts[10..13] {
            assert!(text.ends_with(background), "{text}");
        }
        for text in &texts[13..17] {
            assert!(text.ends_with(wire), "{text}");
        }
    }

    #[test]
    fn errors_and_restored_lines_stay_with_their_own_input() {
        // The repeated-line pass sees the whole batch; a line one input restored stays in that
        // input alone, and an input that cannot be read keeps its place.
        let body = |s: &str| {
            format!("{s} council met on Monday to vote on the pier.\nFollow the facts with us.\nThe {s} vote passed by a wide margin, officials said.\n")
        };
        let mut inputs: Vec<Input> = ["North", "South", "East", "West"]
            .iter()
            .map(|s| Input::new(format!("{s}.txt"), body(s)))
            .collect();
        inputs.insert(1, Input::new("empty.txt", "  \n"));
        inputs[3].keep = vec!["Follow the facts with us.".into()];
        let read = ingest_batch(&inputs, false);
        assert!(read[1].is_err());
        let kept: Vec<bool> = read
            .iter()
            .map(|r| {
                r.as_ref()
                    .is_ok_and(|a| a.text.contains("Follow the facts"))
            })
            .collect();
        assert_eq!(kept, [false, false, false, true, false]);
    }

    #[test]
    fn restored_lines_stay_in_the_body() {
        let body =
            "The harbour council voted on Monday to rebuild the old pier, which storms damaged.";
        let text = format!("Join us on Telegram\n{body}\nShare this article\n");
        let cleaned = ingest_one(&Input::new("a.txt", text.clone()), false).unwrap();
        assert_eq!(cleaned.text, body);
        let removed: Vec<&str> = cleaned.removed.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(removed, ["Join us on Telegram", "Share this article"]);
        for html in [false, true] {
            let bytes = if html {
                format!("<html><body><article><p>Join us on Telegram</p><p>{body}</p><p>Share this article</p></article></body></html>")
            } else {
                text.clone()
            };
            let mut input = Input::new(if html { "a.html" } else { "a.txt" }, bytes);
            input.keep = vec!["Join us on Telegram".into()];
            let a = ingest_one(&input, false).unwrap();
            assert!(a.text.starts_with("Join us on Telegram"), "{}", a.text);
            assert!(a.text.contains(body) && !a.text.contains("Share this"));
            assert!(a.removed.iter().all(|r| r.text != "Join us on Telegram"));
        }
    }
}
