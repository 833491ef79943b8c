//! Who said a quote, and with what cue: the name, pronoun or role phrase next to a reporting
//! verb right after the quote (“…,” X said), or the subject of a cue before it (X said that “…”,
//! according to X, “…”), or, for the second half of a split quote, the speaker of the first.

use super::cues;
use super::marks::Span;
use crate::entities::{EntityTable, Kind};
use std::ops::Range;

/// A span that can name a speaker, with the entity it stands for when known.
#[derive(Clone, Copy, Debug)]
pub struct Candidate {
    pub start: usize,
    pub end: usize,
    pub entity: Option<usize>,
}

pub struct Attribution {
    pub speaker: Option<usize>,
    pub mention: Option<(usize, usize)>,
    pub cue: Option<String>,
}

/// How far back a pronoun may look for the person it stands for.
const PRONOUN_REACH: usize = 500;

/// Speaker candidates of a document: entity mentions that can speak, and personal pronouns
/// resolved to the nearest person named before them.
pub fn candidates(doc: usize, text: &str, table: &EntityTable) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = table
        .mentions_in(doc)
        .iter()
        .filter(|(_, _, e)| !matches!(table.entities[*e].kind, Kind::Date | Kind::Quantity))
        .map(|&(start, end, e)| Candidate {
            start,
            end,
            entity: Some(e),
        })
        .collect();
    let persons: Vec<(usize, usize)> = table
        .mentions_in(doc)
        .iter()
        .filter(|(_, _, e)| table.entities[*e].kind == Kind::Person)
        .map(|&(s, _, e)| (s, e))
        .collect();
    for t in crate::text::tokens(text) {
        if matches!(t.text, "he" | "He" | "she" | "She" | "they" | "They") {
            let entity = if t.text.eq_ignore_ascii_case("they") {
                None
            } else {
                persons
                    .iter()
                    .rev()
                    .find(|(s, _)| *s < t.start && t.start - *s <= PRONOUN_REACH)
                    .map(|p| p.1)
            };
            out.push(Candidate {
                start: t.start,
                end: t.end,
                entity,
            });
        }
    }
    out.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    out
}

fn first_in(cands: &[Candidate], range: Range<usize>) -> Option<Candidate> {
    cands
        .iter()
        .find(|c| c.start >= range.start && c.end <= range.end)
        .copied()
}

fn last_in(cands: &[Candidate], range: Range<usize>) -> Option<Candidate> {
    cands
        .iter()
        .rev()
        .find(|c| c.start >= range.start && c.end <= range.end)
        .copied()
}

fn found(c: Candidate, cue: String) -> Attribution {
    Attribution {
        speaker: c.entity,
        mention: Some((c.start, c.end)),
        cue: Some(cue),
    }
}

/// Attributes one quote. `after` and `before` are the byte ranges of the reporter's words after
/// the closing mark and before the opening mark, within the quote's sentence.
pub fn attribute(
    text: &str,
    q: &Span,
    after: Range<usize>,
    before: Range<usize>,
    cands: &[Candidate],
) -> Option<Attribution> {
    // “…,” the Serbian president said. / “…,” said John Kirby, a spokesman …
    if let Some((cs, ce, cue)) = cues::find(&text[after.clone()], false) {
        let (cs, ce) = (after.start + cs, after.start + ce);
        // The speaker stands next to the cue: between the quote and the cue, or right after it.
        if let Some(c) = last_in(cands, q.close..cs) {
            return Some(found(c, cue));
        }
        if let Some(c) = first_in(cands, ce..after.end.min(ce + 80)) {
            return Some(found(c, cue));
        }
    }
    // X said that “…” / X responded by saying “…” / According to X, “…”
    if let Some((cs, ce, cue)) = cues::find(&text[before.clone()], true) {
        let (cs, ce) = (before.start + cs, before.start + ce);
        let according = cue.eq_ignore_ascii_case("according to");
        let c = if according {
            first_in(cands, ce..q.open)
        } else {
            last_in(cands, before.start..cs)
        };
        if let Some(c) = c.or_else(|| first_in(cands, ce..q.open)) {
            return Some(found(c, cue));
        }
        return Some(Attribution {
            speaker: None,
            mention: None,
            cue: Some(cue),
        });
    }
    None
}
