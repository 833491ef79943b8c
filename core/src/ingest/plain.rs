//! Plain text (and text extracted from HTML, Markdown and DOCX): metadata from the first lines,
//! then line- and block-based boilerplate removal.
//!
//! Contract: the body is the kept lines, each trimmed, with runs of blank lines collapsed to one;
//! every removed line is kept in `removed`, in document order, with its reason. Linear in the
//! size of the text (the cohesion test uses one word set for the whole document).

use super::boilerplate::{self as bp, classify_line, is_headline_like};
use super::metadata::{dateline, parse_date, split_title_outlet};
use super::{RemovalReason, Removed};
use crate::text::fold;
use crate::text::is_letter_or_digit;
use rustc_hash::FxHashSet;
use std::ops::Range;

/// What the text path found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cleaned {
    pub text: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub published: Option<String>,
    pub author: Option<String>,
    pub removed: Vec<Removed>,
}

struct Line {
    text: String,
    removed: Option<RemovalReason>,
}

impl Line {
    fn kept(&self) -> bool {
        self.removed.is_none() && !self.text.is_empty()
    }
}

/// Cleans `text`. With `find_title`, a first headline-like line becomes the title (HTML already
/// has one from its metadata).
///
/// Lines in `keep` (as `removed` shows them: the person restored them) stay in the body.
pub fn clean(text: &str, find_title: bool, keep: &[String]) -> Cleaned {
    let mut out = Cleaned::default();
    let mut pre_removed: Vec<Removed> = Vec::new();
    let mut lines: Vec<Line> = text
        .lines()
        .map(|l| Line {
            text: l.trim().to_string(),
            removed: None,
        })
        .collect();

    // 1. Lines that are boilerplate on their own, and metadata lines. Past the text's first
    // lines (title, byline, an outlet and a date), a date line with no label ("Published") is
    // metadata when it is the only one (a date below the story); several are a timeline's or a
    // list's content ("2 March 2024" over each part, "Ana Lee, Split, 3 March 2023, 120 euros").
    let head = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.text.is_empty())
        .nth(HEAD_LINES)
        .map_or(lines.len(), |(i, _)| i);
    let mut date_lines: Vec<Option<(String, bool)>> =
        lines.iter().map(|l| date_line(&l.text)).collect();
    let dated = date_lines[head..]
        .iter()
        .filter(|d| d.as_ref().is_some_and(|(_, labelled)| !labelled))
        .count();
    for (i, l) in lines.iter_mut().enumerate() {
        if l.text.is_empty() {
            continue;
        }
        let metadata_date = |&(_, labelled): &(String, bool)| labelled || i < head || dated <= 1;
        if let Some(r) = classify_line(&l.text) {
            l.removed = Some(r);
        } else if let Some(s) = bp::source_line(&l.text) {
            out.source.get_or_insert(s);
            l.removed = Some(RemovalReason::Metadata);
        } else if let Some(a) = byline(&l.text) {
            out.author.get_or_insert(a);
            if let Some(d) = parse_date(&l.text) {
                out.published.get_or_insert(d);
            }
            l.removed = Some(RemovalReason::Metadata);
        } else if let Some((d, _)) = date_lines[i].take().filter(metadata_date) {
            out.published.get_or_insert(d);
            if out.source.is_none() {
                out.source = outlet_before_date(&l.text);
            }
            l.removed = Some(RemovalReason::Metadata);
        } else if bp::is_reading_time(&l.text) {
            if let Some(d) = parse_date(&l.text) {
                out.published.get_or_insert(d);
            }
            l.removed = Some(RemovalReason::Metadata);
        }
    }

    // 2. Title: the first kept line, when it reads like a headline and text follows it.
    let first = lines.iter().position(Line::kept);
    if let Some(i) = first {
        let rest = lines[i + 1..].iter().any(Line::kept);
        if find_title
            && rest
            && is_headline_like(&lines[i].text, 30)
            && dateline(&lines[i].text).is_none()
            && !bp::is_related_header(&lines[i].text)
            && !bp::is_inline_related(&lines[i].text)
        {
            let (title, outlet) = split_title_outlet(&lines[i].text);
            out.title = Some(title);
            if out.source.is_none() {
                out.source = outlet;
            }
            lines[i].removed = Some(RemovalReason::Metadata);
        }
    }

    // 3. A dateline opening the first body paragraph.
    if let Some(i) = lines.iter().position(Line::kept) {
        if let Some((len, date, outlet)) = dateline(&lines[i].text)
            .filter(|(len, _, _)| !super::restored(keep, &lines[i].text[..*len]))
        {
            let prefix = lines[i].text[..len].trim().to_string();
            lines[i].text = lines[i].text[len..].trim().to_string();
            out.published = out.published.take().or(date);
            out.source = out.source.take().or(Some(outlet));
            pre_removed.push(Removed {
                text: prefix,
                reason: RemovalReason::Metadata,
            });
        }
    }

    related_blocks(&mut lines);
    off_topic_headlines(&mut lines);
    trailing(&mut lines);

    // Outlet credit from the closing lines when nothing else named the outlet is not guessed:
    // a credit line is too often a section or author name.
    out.removed = pre_removed;
    let mut body = String::with_capacity(text.len());
    let mut blank = false;
    for l in &lines {
        if let Some(reason) = l.removed.filter(|_| !super::restored(keep, &l.text)) {
            out.removed.push(Removed {
                text: l.text.clone(),
                reason,
            });
            continue;
        }
        if l.text.is_empty() {
            blank = !body.is_empty();
            continue;
        }
        if !body.is_empty() {
            body.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        body.push_str(&l.text);
    }
    out.text = body;
    out
}

/// What opens a byline: "By", its German, French and Spanish forms, a label ("Autor:"), or a
/// kind of piece ("Ein Kommentar von").
fn byline_prefix() -> &'static regex::Regex {
    static R: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    R.get_or_init(|| {
        regex::Regex::new(
            r"^(?:(?:By|BY|by|Von|VON|von|Par|PAR|par|Por|POR|por):?\s+|(?i:(?:ein|eine|un|une)\s+[^\W\d_]+\s+(?:von|de)\s+)|(?i:autor|autorin|autoren|text|auteur|auteure|autore|author|written by|reporting by|geschrieben von)\s*:\s*)",
        )
        .expect("byline pattern")
    })
}

/// The name in a byline without its opening word ("By Jane Roe", "Von Max Muster"); the text
/// as it is when it has none.
pub fn without_byline_prefix(s: &str) -> &str {
    byline_prefix().find(s).map_or(s, |m| &s[m.end()..])
}

/// `By Jane Roe`, `Von Max Muster`, `Autor: Max Muster` (a few capitalised words) gives the
/// author.
fn byline(line: &str) -> Option<String> {
    let m = byline_prefix().find(line)?;
    // The name ends at a separator or an aside ("Par X (avec Y)", "Von X, Berlin").
    let rest = line[m.end()..].split(['|', ',', '(']).next()?.trim();
    let n = rest.split_whitespace().count();
    ((1..=5).contains(&n)
        && rest.split_whitespace().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase())
                || matches!(
                    w,
                    "and"
                        | "de"
                        | "van"
                        | "von"
                        | "und"
                        | "et"
                        | "y"
                        | "e"
                        | "del"
                        | "da"
                        | "di"
                        | "zu"
                        | "la"
                        | "le"
                        | "der"
                        | "dos"
                        | "du"
                )
        }))
    .then(|| rest.to_string())
}

/// `Published: 22 November 2023`, `Updated 2023-11-22 10:00` alone on a line.
/// Words that name a news outlet rather than a place ("Port Gazette, 14 March 2024").
const OUTLET_WORDS: &[&str] = &[
    "gazette",
    "times",
    "news",
    "post",
    "daily",
    "herald",
    "journal",
    "tribune",
    "press",
    "wire",
    "agency",
    "radio",
    "tv",
    "telegraph",
    "guardian",
    "observer",
    "chronicle",
    "review",
    "magazine",
    "monitor",
    "express",
    "mail",
    "courier",
    "today",
    "insider",
    "weekly",
    "reporter",
    "standard",
    "independent",
    "network",
    "media",
    "broadcasting",
];

/// The same in German, French, Spanish and Italian; German ones also end compounds
/// ("Morgenpost", "Tagesspiegel", "Abendzeitung").
const FOREIGN_OUTLET_WORDS: &[&str] = &[
    "zeitung",
    "post",
    "blatt",
    "bote",
    "kurier",
    "anzeiger",
    "spiegel",
    "rundschau",
    "nachrichten",
    "presse",
    "echo",
    "rundfunk",
    "quotidien",
    "dépêche",
    "diario",
    "periódico",
    "noticias",
    "corriere",
    "gazzetta",
    "giornale",
    "messaggero",
];

/// The outlet in an `Outlet Name, date` line, when its name has a news-outlet word.
fn outlet_before_date(line: &str) -> Option<String> {
    let (name, _) = line.split_once(',')?;
    let name = name.trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let ok = (1..=5).contains(&words.len())
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        && words.iter().any(|w| {
            let w = w.to_lowercase();
            let w = w.trim_matches(|c: char| !is_letter_or_digit(c));
            OUTLET_WORDS.contains(&w) || FOREIGN_OUTLET_WORDS.iter().any(|o| w.ends_with(o))
        });
    ok.then(|| name.to_string())
}

/// Words that label a date line ("Updated 2023-11-22", "Stand: 23.11.2026").
const DATE_LABELS: &[&str] = &[
    "published",
    "posted",
    "updated",
    "date",
    "last updated",
    "first published",
    "stand",
    "veröffentlicht",
    "aktualisiert",
    "zuletzt aktualisiert",
    "erschienen",
    "erstellt",
    "datum",
    "publié",
    "mis à jour",
    "modifié",
    "publicado",
    "actualizado",
    "pubblicato",
    "aggiornato",
];

/// Other words a date line is made of: times, zones, weekdays (English ones are
/// [`crate::text::WEEKDAYS`]), small words around them.
const DATE_WORDS: &[&str] = &[
    "uhr",
    "am",
    "um",
    "at",
    "on",
    "the",
    "of",
    "à",
    "le",
    "de",
    "del",
    "el",
    "il",
    "alle",
    "ore",
    "h",
    "gmt",
    "utc",
    "cet",
    "cest",
    "mez",
    "mesz",
    "est",
    "edt",
    "pst",
    "pdt",
    "bst",
    "pm",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonnabend",
    "sonntag",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
    "lunedì",
    "martedì",
    "mercoledì",
    "giovedì",
    "venerdì",
    "sabato",
    "domenica",
];

/// Every word of the line belongs to a date: numbers, times ("13h36"), months, labels and
/// [`DATE_WORDS`] ("23. November 2026, 14:05 Uhr", "04.05.2015 à 13h36 • Mis à jour le").
/// A row of numbers (a table) is not one: a word must say "date".
fn only_date_words(line: &str) -> bool {
    let words = bp::words(line);
    let number = |w: &str| w.chars().all(|c| c.is_ascii_digit());
    words.iter().any(|w| !number(w))
        && words.iter().all(|w| {
            let w = w.as_str();
            number(w)
                || w.split_once('h').is_some_and(|(a, b)| {
                    (1..=2).contains(&a.len())
                        && b.len() <= 2
                        && (a.chars().chain(b.chars())).all(|c| c.is_ascii_digit())
                })
                || super::metadata::month(w).is_some()
                || DATE_WORDS.contains(&w)
                || crate::text::WEEKDAYS.contains(&w)
                || DATE_LABELS.iter().any(|l| l.split(' ').any(|x| x == w))
        })
}

/// A short line that is only a date, labelled, or `Name, date`: the date, and whether it was
/// labelled.
fn date_line(line: &str) -> Option<(String, bool)> {
    // Counted only as far as the longest date line: paragraphs are no date lines.
    let words = line.split_whitespace().take(15).count();
    if words > 14 {
        return None;
    }
    let l = line.to_lowercase();
    let labelled = DATE_LABELS.iter().any(|p| l.starts_with(p));
    // "Published 3 March 2024, 14:05 GMT | Updated 4 March 2024": a labelled line may be longer,
    // as long as it is no sentence ("Published on 3 March, the report found a drop.").
    let short = words <= 8 || labelled && !line.ends_with(['.', '!', '?']);
    if !short {
        return None;
    }
    let date = parse_date(line)?;
    // "Port Gazette, 14 March 2024": a few capitalised words before a comma.
    let named = words <= 8
        && line.split_once(',').is_some_and(|(name, _)| {
            name.split_whitespace().count() <= 5
                && name
                    .split_whitespace()
                    .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
        });
    (labelled || named || words <= 4 || only_date_words(line)).then_some((date, labelled))
}

/// The first lines of a text, where a date line is always metadata (see [`clean`]).
const HEAD_LINES: usize = 4;

/// Index of the next line that is not blank, from `i`.
fn next_nonblank(lines: &[Line], mut i: usize) -> Option<usize> {
    while i < lines.len() {
        if !lines[i].text.is_empty() {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// "Read more" / "Related" headers and the headline lines that follow them.
fn related_blocks(lines: &mut [Line]) {
    let mut i = 0;
    while i < lines.len() {
        if lines[i].kept() && bp::is_inline_related(&lines[i].text) {
            lines[i].removed = Some(RemovalReason::RelatedLinks);
        }
        if !(lines[i].kept() && bp::is_related_header(&lines[i].text)) {
            i += 1;
            continue;
        }
        lines[i].removed = Some(RemovalReason::RelatedLinks);
        let mut j = i + 1;
        let mut taken = 0;
        while let Some(k) = next_nonblank(lines, j) {
            let l = &lines[k];
            if l.removed.is_some() || taken >= 15 {
                break;
            }
            let item = (bp::is_bulleted(&l.text) && bp::word_count(&l.text) <= 40)
                || is_headline_like(&l.text, 20);
            if !item {
                break;
            }
            lines[k].removed = Some(RemovalReason::RelatedLinks);
            taken += 1;
            j = k + 1;
        }
        i = j.max(i + 1);
    }
}

/// The words of four letters or more of a folded line.
fn content_words(folded: &str) -> Vec<&str> {
    folded
        .split(|c: char| !is_letter_or_digit(c))
        .filter(|w| w.chars().count() >= 4 && !w.chars().all(|c| c.is_ascii_digit()))
        .collect()
}

/// Reads as body text: a long line or one that ends a sentence.
fn is_body(line: &str) -> bool {
    !is_headline_like(line, 40) || bp::word_count(line) >= 15
}

/// A headline-like line between body paragraphs whose words the rest of the article does not
/// use is a link to another story (a subheading of this story shares its vocabulary): alone, or
/// with up to [`HEADLINE_RUN`] such lines in a row, all of them off the story's words (links to
/// a few stories, each a paragraph of its own link). Not a list's items, which may be an
/// article's own short points, nor a run with a line of another kind (a subheading before a
/// hard-wrapped paragraph's first line) or inside a hard-wrapped sentence (a list of names).
fn off_topic_headlines(lines: &mut [Line]) {
    let kept: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].kept()).collect();
    if kept.len() < 3 {
        return;
    }
    let body: Vec<bool> = kept.iter().map(|&i| is_body(&lines[i].text)).collect();
    let headline = |k: usize| {
        let text = &lines[kept[k]].text;
        is_headline_like(text, 16) && bp::word_count(text) >= 3
    };
    let listed = |k: usize| {
        let text = lines[kept[k]].text.trim_start();
        bp::strip_bullet(text).len() != text.len()
    };
    // A line of a hard-wrapped paragraph: the next line goes on with its sentence.
    let wrapped = |k: usize| {
        let next = lines.get(kept[k] + 1).map_or("", |l| l.text.as_str());
        next.chars().next().is_some_and(char::is_lowercase)
    };
    // The run starts a paragraph: after a blank line, or a line that ends a sentence.
    let opens = |k: usize| {
        let before = &lines[kept[k] - 1].text;
        before.is_empty() || before.ends_with(['.', '!', '?', '"', '”', '’', '\'', '…'])
    };
    // Runs of lines that are not body text, each between two body lines.
    let mut runs: Vec<Range<usize>> = Vec::new();
    let mut n = 1;
    while n < kept.len() - 1 {
        let end = (n..kept.len()).find(|&k| body[k]).unwrap_or(kept.len());
        let run = n..end;
        let judged = match run.len() {
            0 => false,
            1 => headline(n),
            len => {
                len <= HEADLINE_RUN
                    && opens(n)
                    && run
                        .clone()
                        .all(|k| headline(k) && !listed(k) && !wrapped(k))
            }
        };
        if judged && body[n - 1] && end < kept.len() {
            runs.push(run);
        }
        n = end.max(n + 1);
    }
    // Most articles have none: then there is no vocabulary to gather.
    if runs.is_empty() {
        return;
    }
    let folded: Vec<String> = kept.iter().map(|&i| fold(&lines[i].text)).collect();
    let counts: Vec<Vec<&str>> = folded.iter().map(|f| content_words(f)).collect();
    // Words of the body lines (headline-like lines themselves do not vouch for each other).
    let vocab: FxHashSet<&str> = (0..kept.len())
        .filter(|&n| body[n])
        .flat_map(|n| counts[n].iter().copied())
        .collect();
    // The body words that may stand inside a compound (see below).
    let stems: Vec<&str> = vocab
        .iter()
        .copied()
        .filter(|v| v.chars().count() >= 5)
        .collect();
    let off_topic = |n: usize| {
        let w = &counts[n];
        // A compound shares the body's words inside it (German "Hafensanierung" beside
        // "Sanierung des Hafens"): a long word counts when a body word of five letters or more
        // is part of it.
        let shared = w
            .iter()
            .filter(|x| {
                vocab.contains(**x)
                    || (x.chars().count() >= 8 && stems.iter().any(|v| x.contains(*v)))
            })
            .count();
        w.len() >= 2 && shared * 3 < w.len()
    };
    for run in runs {
        if run.clone().all(off_topic) {
            for k in run {
                lines[kept[k]].removed = Some(RemovalReason::RelatedLinks);
            }
        }
    }
}

/// The most headline-like lines in a row that [`off_topic_headlines`] judges each on its words.
const HEADLINE_RUN: usize = 5;

/// Closing lines: author bios, a trailing outlet credit, a dangling "see here:" pointer.
fn trailing(lines: &mut [Line]) {
    let kept: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].kept()).collect();
    if kept.len() < 2 {
        return;
    }
    // Author bios among the last three paragraphs, and everything after one.
    let tail_from = kept.len().saturating_sub(3).max(1);
    if let Some(pos) = (tail_from..kept.len()).find(|&n| bp::is_author_bio(&lines[kept[n]].text)) {
        for &i in &kept[pos..] {
            lines[i].removed = Some(RemovalReason::AuthorBio);
        }
    }
    for _ in 0..3 {
        let kept: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].kept()).collect();
        if kept.len() < 2 {
            return;
        }
        let last = *kept.last().unwrap_or(&0);
        let t = lines[last].text.as_str();
        let n = bp::word_count(t);
        // A credit follows body text; short lines after short lines are a list or a table.
        let after_body = kept.len() >= 2 && is_body(&lines[kept[kept.len() - 2]].text);
        let credit =
            n <= 6 && after_body && is_headline_like(t, 6) && !t.ends_with(['?', '!', '"', '”']);
        let pointer = t.ends_with(':') && n <= 15;
        if credit {
            lines[last].removed = Some(RemovalReason::OutletCredit);
        } else if pointer {
            lines[last].removed = Some(RemovalReason::Other);
        } else {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY1: &str = "The harbour council voted on Monday to rebuild the old pier, which storms damaged last winter.";
    const BODY2: &str = "Fishermen welcomed the decision, saying the pier had been unusable for months and costly to avoid.";

    #[test]
    fn title_dateline_and_source() {
        let t = format!("Harbour town votes to rebuild its pier\n\n date 2021-03-04 (EXAMPLEWIRE) {BODY1}\n{BODY2}\nSource: Coast Daily\n");
        let c = clean(&t, true, &[]);
        assert_eq!(
            c.title.as_deref(),
            Some("Harbour town votes to rebuild its pier")
        );
        assert_eq!(c.published.as_deref(), Some("2021-03-04"));
        assert_eq!(c.source.as_deref(), Some("Coast Daily"));
        assert!(c.text.starts_with("The harbour council"));
        assert!(!c.text.contains("Coast Daily"));
    }

    #[test]
    fn a_timelines_dates_are_its_content_and_a_lone_date_below_the_story_is_not() {
        let timeline = format!(
            "Harbour strike: a timeline\n\nBy Ana Lee\n\nPort Gazette, 14 March 2024\n\n{BODY1}\n\n\
             2 March 2024\n\n{BODY2}\n\n11 March 2024\n\n{BODY1}\n"
        );
        let c = clean(&timeline, true, &[]);
        assert_eq!(c.published.as_deref(), Some("2024-03-14"));
        assert_eq!(c.source.as_deref(), Some("Port Gazette"));
        assert!(c.text.contains("2 March 2024") && c.text.contains("11 March 2024"));
        assert!(!c.text.contains("Port Gazette"), "{}", c.text);
        let dated_below =
            format!("Harbour strike ends\n\n{BODY1}\n\n{BODY2}\n\n{BODY1}\n\n14 March 2024\n");
        let c = clean(&dated_below, true, &[]);
        assert!(!c.text.contains("14 March 2024"), "{}", c.text);
        assert_eq!(c.published.as_deref(), Some("2024-03-14"));
    }

    #[test]
    fn long_labelled_date_line_then_dateline() {
        let t = format!(
            "Harbour town votes to rebuild its pier\nPublished 4 March 2021, 14:05 GMT | Updated 5 March 2021\n\nCOVE, March 4, 2021 (Coast Wire) — {BODY1}\n{BODY2}\n"
        );
        let c = clean(&t, true, &[]);
        assert_eq!(c.published.as_deref(), Some("2021-03-04"));
        assert_eq!(c.source.as_deref(), Some("Coast Wire"));
        assert!(c.text.starts_with("The harbour council"), "{}", c.text);
        // A sentence opening with the label stays.
        let body = "Published on 4 March 2021, the harbour report found a sharp drop in catches.";
        let c = clean(&format!("{BODY1}\n{body}\n{BODY2}\n"), false, &[]);
        assert!(c.text.contains(body));
    }

    #[test]
    fn related_block_and_prompts() {
        let t = format!(
            "{BODY1}\nRead also:\n- Mountain village opens a new school\n- Storm closes the ferry line\n{BODY2}\nJoin us on Telegram\nLeave a Reply\n"
        );
        let c = clean(&t, true, &[]);
        assert_eq!(c.text, format!("{BODY1}\n{BODY2}"));
        let reasons: Vec<_> = c.removed.iter().map(|r| r.reason).collect();
        use RemovalReason::*;
        assert_eq!(
            reasons,
            vec![
                RelatedLinks,
                RelatedLinks,
                RelatedLinks,
                SocialPrompt,
                CommentForm
            ]
        );
    }

    #[test]
    fn off_topic_headline_goes_subheading_stays() {
        let t = format!("{BODY1}\nPier repairs worry fishermen\n{BODY2}\nCelebrity chef opens bistro downtown\n{BODY1}\n");
        let c = clean(&t, false, &[]);
        assert!(c.text.contains("Pier repairs worry fishermen"));
        assert!(!c.text.contains("Celebrity chef"));
    }

    #[test]
    fn links_to_other_stories_in_a_row_go_an_articles_own_list_stays() {
        let links = "Celebrity chef opens bistro downtown\nMountain railway gets new carriages\nLocal choir wins national title";
        let t = format!("{BODY1}\n{links}\n{BODY2}\n");
        let c = clean(&t, false, &[]);
        assert_eq!(c.text, format!("{BODY1}\n{BODY2}"));
        assert!(c
            .removed
            .iter()
            .all(|r| r.reason == RemovalReason::RelatedLinks));
        // Items of a list are the article's own points, whatever their words.
        let points = "- Free ferry rides for pupils\n- Longer opening hours at the library";
        let c = clean(&format!("{BODY1}\n{points}\n{BODY2}\n"), false, &[]);
        assert!(c.text.contains("Free ferry rides"), "{}", c.text);
        // More headline-like lines in a row than a few links are not judged as links.
        let many = [links, links].join("\n");
        let c = clean(&format!("{BODY1}\n{many}\n{BODY2}\n"), false, &[]);
        assert!(c.text.contains("Celebrity chef"), "{}", c.text);
    }

    #[test]
    fn german_subheadings_share_words_inside_compounds() {
        let b1 = "Der Stadtrat will den Hafen bis zum Sommer sanieren lassen, die Kosten trägt vor allem das Land.";
        let b2 = "Fischer begrüßten den Plan, Wirte am Kai fürchten dagegen monatelange Baustellen vor ihren Türen.";
        let t = format!("{b1}\nHafenbaustellen ängstigen Kaiwirte\n{b2}\nPromi-Koch eröffnet Bistro in Bergdorf\n{b1}\n");
        let c = clean(&t, false, &[]);
        assert!(
            c.text.contains("Hafenbaustellen ängstigen Kaiwirte"),
            "{}",
            c.text
        );
        assert!(!c.text.contains("Promi-Koch"));
    }

    #[test]
    fn bio_and_credit_at_end() {
        let t = format!("{BODY1}\n{BODY2}\n\nJane Roe is a seasoned journalist who writes about coasts.\nCoast Daily Staff");
        let c = clean(&t, false, &[]);
        assert_eq!(c.text, format!("{BODY1}\n{BODY2}"));
        assert_eq!(c.removed[0].reason, RemovalReason::AuthorBio);
    }

    #[test]
    fn a_link_list_header_is_not_the_title() {
        let c = clean(
            &format!("Read more\nJoin us on Telegram\n{BODY1}\n"),
            true,
            &[],
        );
        assert_eq!(c.title, None);
        assert_eq!(c.text, BODY1);
    }

    #[test]
    fn outlet_and_date_lines() {
        for (head, source, author, date) in [
            (
                "Port Courier, 4 March 2021",
                Some("Port Courier"),
                None,
                "2021-03-04",
            ),
            (
                "Kieler Morgenpost, 23.11.2026",
                Some("Kieler Morgenpost"),
                None,
                "2026-11-23",
            ),
            ("Lisbon, 4 March 2021", None, None, "2021-03-04"),
            (
                "By Jane Roe, March 4, 2021",
                None,
                Some("Jane Roe"),
                "2021-03-04",
            ),
        ] {
            let c = clean(&format!("{head}\n{BODY1}\n{BODY2}"), false, &[]);
            assert_eq!(
                (
                    c.source.as_deref(),
                    c.author.as_deref(),
                    c.published.as_deref()
                ),
                (source, author, Some(date)),
                "{head}"
            );
        }
    }

    #[test]
    fn german_and_french_text() {
        let b1 = "Der Stadtrat hat am Montag beschlossen, die beschädigte Hafenmole bis zum Sommer zu sanieren.";
        let b2 = "Fischer und Wirte begrüßten die Entscheidung, weil die Mole seit Monaten gesperrt ist.";
        for (head, author, date) in [
            (
                "Von Max Muster\n23. November 2026, 14:05 Uhr",
                "Max Muster",
                "2026-11-23",
            ),
            (
                "Stand: 23.11.2026 | Lesedauer: 3 Min.\nAutorin: Erika Beispiel",
                "Erika Beispiel",
                "2026-11-23",
            ),
            (
                "Ein Kommentar von Max Muster\nMontag, 23.11.2026, 14:05 Uhr",
                "Max Muster",
                "2026-11-23",
            ),
            (
                "Par Jean Exemple et Marie Modèle\n04.05.2015 à 13h36 • Mis à jour le",
                "Jean Exemple et Marie Modèle",
                "2015-05-04",
            ),
            (
                "Von: Max Muster\nErstellt: 23.11.2026, 14:05 Uhr",
                "Max Muster",
                "2026-11-23",
            ),
            (
                "Par Jean Exemple (avec Marie Modèle)\nPublié le 1er mars 2023 à 10h",
                "Jean Exemple",
                "2023-03-01",
            ),
        ] {
            let t = format!("Stadtrat beschließt Sanierung der Hafenmole\n{head}\n\n{b1}\nWerbung\n{b2}\nMehr zum Thema:\n- Hafenamt sucht neue Lotsen\n- Leuchtturm wird Museum\n");
            let c = clean(&t, true, &[]);
            assert_eq!(
                c.title.as_deref(),
                Some("Stadtrat beschließt Sanierung der Hafenmole")
            );
            assert_eq!(
                (c.author.as_deref(), c.published.as_deref()),
                (Some(author), Some(date)),
                "{head}"
            );
            assert_eq!(c.text, format!("{b1}\n{b2}"), "{head}");
        }
        // A sentence opening with "Von" is no byline.
        assert_eq!(byline("Von Berlin aus fuhr er weiter."), None);
    }

    #[test]
    fn closing_lists_stay() {
        let t = format!("{BODY1}\nResults:\nNorth v South\nEast v West\nHarbour v Hill");
        assert!(clean(&t, false, &[]).text.ends_with("Harbour v Hill"));
    }

    #[test]
    fn empty_and_tiny_inputs() {
        assert_eq!(clean("", true, &[]).text, "");
        assert_eq!(clean("One line only", true, &[]).text, "One line only");
        assert_eq!(clean("\n\n\n", true, &[]).text, "");
    }
}
