//! Who said a quote, and with what cue: the name, pronoun or role phrase next to a reporting
//! verb right after the quote (“…,” X said), or the subject of a cue before it (X said that “…”,
//! according to X, “…”), or, for the second half of a split quote, the speaker of the first.

use super::cues;
use super::marks::Span;
use super::phrases;
use crate::entities::{EntityTable, Kind};
use crate::text::Token;
use crate::text::{is_letter, is_letter_or_digit};
use std::ops::Range;

/// A span that can name a speaker, with the entity it stands for when known.
#[derive(Clone, Copy, Debug)]
pub struct Candidate {
    pub start: usize,
    pub end: usize,
    pub entity: Option<usize>,
    /// A person, organisation, pronoun or role phrase: what usually speaks. Places, groups and
    /// other names speak only when nothing else stands by the cue ("Russia said").
    pub speaker_like: bool,
}

pub struct Attribution {
    pub speaker: Option<usize>,
    pub mention: Option<(usize, usize)>,
    pub cue: Option<String>,
}

/// How far back a pronoun may look for the person it stands for.
const PRONOUN_REACH: usize = 500;

/// A document's speaker candidates ([`candidates`]), in order of their start, and the length
/// of the longest (for searches by where they end).
pub struct Candidates {
    list: Vec<Candidate>,
    longest: usize,
}

impl std::ops::Deref for Candidates {
    type Target = [Candidate];

    fn deref(&self) -> &[Candidate] {
        &self.list
    }
}

/// Speaker candidates of a document: entity mentions that can speak, and personal pronouns
/// resolved to the nearest person named before them.
pub fn candidates(doc: usize, text: &str, table: &EntityTable) -> Candidates {
    let mut out: Vec<Candidate> = table
        .mentions_in(doc)
        .iter()
        .filter(|(_, _, e)| !matches!(table.entities[*e].kind, Kind::Date | Kind::Quantity))
        .map(|&(start, end, e)| Candidate {
            start,
            end,
            entity: Some(e),
            speaker_like: matches!(table.entities[e].kind, Kind::Person | Kind::Organization),
        })
        .collect();
    let persons: Vec<(usize, usize)> = table
        .mentions_in(doc)
        .iter()
        .filter(|(_, _, e)| table.entities[*e].kind == Kind::Person)
        .map(|&(s, _, e)| (s, e))
        .collect();
    for t in pronouns(text) {
        let entity = if t.text.eq_ignore_ascii_case("they") {
            None
        } else {
            // The last person named before the pronoun, if near enough (mentions are in order).
            let before = persons.partition_point(|(s, _)| *s < t.start);
            persons[..before]
                .last()
                .filter(|(s, _)| t.start - *s <= PRONOUN_REACH)
                .map(|p| p.1)
        };
        out.push(Candidate {
            start: t.start,
            end: t.end,
            entity,
            speaker_like: true,
        });
    }
    // (Spans in a document's mentions never overlap, and a pronoun is no mention: the keys
    // differ, so an unstable sort gives the stable order, with less code.)
    out.sort_unstable_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
    let longest = out.iter().map(|c| c.end - c.start).max().unwrap_or(0);
    Candidates { list: out, longest }
}

/// The tokens "he", "she" and "they" of a text (capitalised or not), in order. A token never
/// spans whitespace and the tokens after whitespace do not depend on what came before it, so
/// only the stretches between whitespace that hold an "he" are tokenised, not the whole text.
fn pronouns(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // Where the last stretch tokenised ends.
    let mut done = 0;
    for e in memchr::memchr_iter(b'e', bytes) {
        if e == 0 || e <= done || !matches!(bytes[e - 1], b'h' | b'H') {
            continue;
        }
        let start = text[..e]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let end = text[e..]
            .char_indices()
            .find(|(_, c)| c.is_whitespace())
            .map_or(text.len(), |(i, _)| e + i);
        done = end;
        out.extend(
            crate::text::tokens(&text[start..end])
                .into_iter()
                .filter(|t| matches!(t.text, "he" | "He" | "she" | "She" | "they" | "They"))
                .map(|t| Token {
                    start: start + t.start,
                    end: start + t.end,
                    text: t.text,
                }),
        );
    }
    out
}

/// The first of `candidates` that usually speaks, else the first at all.
fn preferred<'a>(mut candidates: impl Iterator<Item = &'a Candidate> + Clone) -> Option<Candidate> {
    candidates
        .clone()
        .find(|c| c.speaker_like)
        .or_else(|| candidates.next())
        .copied()
}

/// The candidates that start in `starts`, found by a search: candidates are in order of their
/// start, and a document of thousands of quotes has tens of thousands of them.
fn starting_in(cands: &[Candidate], starts: Range<usize>) -> &[Candidate] {
    let from = cands.partition_point(|c| c.start < starts.start);
    let to = from + cands[from..].partition_point(|c| c.start < starts.end);
    &cands[from..to]
}

/// The candidates inside `range`, in order.
fn inside<'a>(
    cands: &'a [Candidate],
    range: &Range<usize>,
) -> impl DoubleEndedIterator<Item = &'a Candidate> + Clone {
    let end = range.end;
    starting_in(cands, range.start..end.saturating_add(1))
        .iter()
        .filter(move |c| c.end <= end)
}

/// The first candidate inside `range`, preferring those that usually speak.
fn first_in(cands: &[Candidate], range: Range<usize>) -> Option<Candidate> {
    preferred(inside(cands, &range))
}

/// The last candidate inside `range`, preferring those that usually speak.
fn last_in(cands: &[Candidate], range: Range<usize>) -> Option<Candidate> {
    preferred(inside(cands, &range).rev())
}

/// The speaker-like candidate that starts at `start`.
fn speaker_at(cands: &[Candidate], start: usize) -> Option<Candidate> {
    starting_in(cands, start..start + 1)
        .iter()
        .find(|c| c.speaker_like)
        .copied()
}

/// The subject of a cue: the last candidate before it, but before the appositions that end
/// right at the cue ("Ann Lee, head of the union, said": Ann Lee, not the union; "Ann Lee, the
/// minister, a member of the board, said": Ann Lee; "The mayor, who met Ann Lee, said": the
/// mayor). Past the first apposition, the subject is
/// a person, organisation or pronoun.
fn subject_before(text: &str, cands: &[Candidate], range: Range<usize>) -> Option<Candidate> {
    /// Appositions looked through.
    const APPOSITIONS: usize = 3;
    let lead = text[range.clone()].trim_end();
    // "The lawmaker, who represents the port, said": a noun phrase that opens its clause before
    // an apposition speaks when no name does.
    let mut noun_phrase = None;
    if let Some(mut inner) = lead.strip_suffix(',') {
        for n in 0..APPOSITIONS {
            let Some(open) = inner.rfind(',') else { break };
            let comma = range.start + open;
            let subject = last_in(cands, range.start..comma)
                .filter(|c| text[c.end..comma].trim().is_empty() && (n == 0 || c.speaker_like));
            if subject.is_some() {
                return subject;
            }
            noun_phrase = noun_phrase.or_else(|| {
                phrases::before_cue(text, range.start..comma, comma).filter(|&(s, _)| {
                    let lead = text[range.start..s].trim_end();
                    lead.is_empty() || lead.ends_with(',')
                })
            });
            inner = &inner[..open];
        }
    }
    noun_phrase.map(phrase).or_else(|| last_in(cands, range))
}

/// A speaker named by a noun phrase or pronoun found by [`phrases`]: no entity.
fn phrase((start, end): (usize, usize)) -> Candidate {
    Candidate {
        start,
        end,
        entity: None,
        speaker_like: true,
    }
}

/// The subject of a cue that ends `range`: a name or pronoun right before it, past auxiliaries
/// and adverbs ("Ann Lee also said", "she has said"), else the noun phrase right before it
/// ("the commission says", "a doctor had typed"), else the subject of the clause when the cue
/// continues it ("Ann Lee criticised the plan and said", "…, saying"), else
/// [`subject_before`]. The clause may open before `range`, at `clause_start`, when a quoted term
/// earlier in the sentence cut the reporter's words short ("Ann Lee spoke at a “town hall” and
/// said").
fn subject(
    text: &str,
    cands: &[Candidate],
    range: Range<usize>,
    clause_start: usize,
) -> Option<Candidate> {
    let adjacent = inside(cands, &range)
        .rev()
        .find(|c| {
            c.speaker_like
                && text[c.end..range.end]
                    .split_whitespace()
                    .all(phrases::adverb)
        })
        .filter(|c| {
            phrases::before_cue(text, c.start..range.end, range.end)
                .is_none_or(|(s, _)| s <= c.start)
        })
        .copied();
    // A participle ("…, saying") or "according to" has no subject right before it.
    let cue = &text[range.end..];
    let verb = cue
        .split(|c: char| !is_letter_or_digit(c))
        .next()
        .unwrap_or("");
    let participle = verb.ends_with("ing") || verb.eq_ignore_ascii_case("according");
    adjacent
        .or_else(|| {
            (!participle)
                .then(|| relative_who(text, cands, &range))
                .flatten()
        })
        .or_else(|| {
            (!participle)
                .then(|| phrases::before_cue(text, range.clone(), range.end))
                .flatten()
                .map(phrase)
        })
        .or_else(|| {
            clause_subject(
                text,
                cands,
                clause_start.min(range.start)..range.end,
                participle,
            )
        })
        .or_else(|| {
            // (An apposition ends at a finite cue, not at a participle.)
            if participle {
                finite_subject(text, cands, clause_start.min(range.start)..range.end)
                    .or_else(|| last_in(cands, range))
            } else {
                subject_before(text, cands, range)
            }
        })
}

/// "Ann Lee, who has long said …": the relative pronoun after a comma and right before a cue
/// (past auxiliaries and adverbs) is the speaker as written, and stands for the name before
/// its comma.
fn relative_who(text: &str, cands: &[Candidate], range: &Range<usize>) -> Option<Candidate> {
    let mut lead = text[range.clone()].trim_end();
    loop {
        let word = lead.split_whitespace().next_back().unwrap_or("");
        let from = lead.len() - word.len();
        // (A restrictive "who" with no comma before it is part of its noun phrase.)
        if word == "who" && lead[..from].trim_end().ends_with(',') {
            let start = range.start + from;
            let entity = inside(cands, &(range.start..start))
                .rev()
                .find(|c| c.speaker_like)
                .filter(|c| text[c.end..start].trim() == ",")
                .and_then(|c| c.entity);
            return Some(Candidate {
                start,
                end: start + word.len(),
                entity,
                speaker_like: true,
            });
        }
        if word.is_empty() || !phrases::adverb(word) {
            return None;
        }
        lead = lead[..from].trim_end();
    }
}

/// The subject of the clause that a cue continues: "Ann Lee criticised the plan and [said]",
/// "Ann Lee, speaking on radio, called it a “…” and then [said]", "Ann Lee wrote a letter,
/// [saying]", "Ann Lee said it was “…,” [adding]", "calling it costly and [asserting]", "Ann
/// Lee began by [saying]": the name, pronoun or noun phrase opening the clause (see [`opening_subject`]).
fn clause_subject(
    text: &str,
    cands: &[Candidate],
    range: Range<usize>,
    participle: bool,
) -> Option<Candidate> {
    let lead = text[range.clone()].trim_end();
    let mut words = lead
        .split_whitespace()
        .rev()
        .skip_while(|w| phrases::adverb(w));
    let continues = match words.next() {
        // "…, saying" / "began by saying"
        Some(w) if participle => {
            w.trim_end_matches(['”', '"', '’']).ends_with(',') || matches!(w, "by" | "and")
        }
        Some(w) => matches!(w, "and" | "but"),
        None => false,
    };
    continues
        .then(|| {
            opening_subject(text, cands, range.clone())
                .or_else(|| finite_subject(text, cands, range))
        })
        .flatten()
}

/// "Ann Lee knocked Jan Vos on trade and [called] …", "Ann Lee has taken a swipe at Jan Vos’s
/// plan, [saying] …": the last name or pronoun in `range` that a finite verb follows, the
/// subject of the clause that the cue continues.
fn finite_subject(text: &str, cands: &[Candidate], range: Range<usize>) -> Option<Candidate> {
    inside(cands, &range)
        .rev()
        .find(|c| {
            let next = text[c.end..range.end]
                .split_whitespace()
                .next()
                .unwrap_or("");
            c.speaker_like && (phrases::adverb(next) || finite_verb(next))
        })
        .copied()
}

/// A lowercase word in a past or present form ("knocked", "argues", "went"), not one of a few
/// look-alikes ("is", "his").
fn finite_verb(word: &str) -> bool {
    /// Past forms that end in neither -ed nor -s.
    const IRREGULAR: &[&str] = &[
        "went", "shot", "read", "spoke", "sang", "began", "cried", "fought", "hit", "struck",
        "took", "made", "won", "came", "felt", "gave", "found", "built", "rose", "led", "paid",
        "sought", "saw", "oversaw", "kept", "held", "left", "lost", "brought", "thought", "wrote",
        "drew", "threw", "chose", "became", "sent", "spent", "knew", "swore", "broke", "forecast",
    ];
    const NOT_VERBS: &[&str] = &["is", "was", "has", "its", "his", "this", "thus", "plus"];
    word.len() >= 3
        && word.chars().all(|c| c.is_ascii_lowercase())
        && !NOT_VERBS.contains(&word)
        && (word.ends_with("ed")
            || word.ends_with('s') && !word.ends_with("ss")
            || IRREGULAR.contains(&word))
}

/// The name, pronoun or noun phrase that opens `range` (after at most an introductory
/// phrase and its comma, and with any title) as the subject of its clause.
fn opening_subject(text: &str, cands: &[Candidate], range: Range<usize>) -> Option<Candidate> {
    // A title before the name ("Mayor", "Former Gov.") is part of the subject; a conjunction
    // ("But she …") stands outside it. A subordinate clause ("When she …") is the quote's
    // clause unless a comma closes it first ("If he wins, Ann Lee …").
    const COORDINATORS: &[&str] = &["but", "and", "so", "then", "yet", "even", "also", "now"];
    const PREPOSITIONS: &[&str] = &[
        "like", "unlike", "with", "without", "in", "on", "at", "for", "from", "by", "during", "of",
        "to", "about", "against", "despite",
    ];
    let opens = |c: &&Candidate| {
        let lead = text[range.start..c.start].trim();
        let (intro, title) = lead.rsplit_once(',').unwrap_or(("", lead));
        let closed = text[c.end..range.end].contains(',');
        c.speaker_like
            && intro.len() < 80
            && title.split_whitespace().all(|w| {
                let lower = w.to_lowercase();
                w.starts_with(char::is_uppercase)
                    && !PREPOSITIONS.contains(&lower.as_str())
                    && (!SUBORDINATORS.contains(&lower.as_str()) || !closed)
                    || COORDINATORS.contains(&lower.as_str())
            })
    };
    inside(cands, &range)
        .find(opens)
        .copied()
        .or_else(|| phrases::opening(text, range.clone()).map(phrase))
        .filter(|c| c.end <= range.end)
}

/// Words that open a subordinate clause ("When she …", "If he wins, …").
const SUBORDINATORS: &[&str] = &[
    "if", "as", "while", "when", "after", "before", "since", "though", "although", "because",
    "once", "until", "whether", "where",
];

/// Dashes that introduce a byline-like attribution: “…” ― Ann Lee.
const DASHES: &[char] = &['―', '—', '–'];

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
    cands: &Candidates,
    clause_start: usize,
) -> Option<Attribution> {
    // “…” ― Ann Lee (the sentence may end at the quote, so look past it on the same line; the
    // line's end is looked for only then: a text with no line breaks has it far away)
    let after_close = &text[q.close..];
    let lead = after_close.len()
        - after_close
            .trim_start_matches(|c: char| c.is_whitespace() && c != '\n')
            .len();
    if after_close[lead..].starts_with(DASHES) {
        let line_end = after_close.find('\n').map_or(text.len(), |i| q.close + i);
        let from = q.close + lead;
        if let Some(c) = first_in(cands, from..line_end) {
            if c.speaker_like && c.start <= from + 12 {
                return Some(Attribution {
                    speaker: c.entity,
                    mention: Some((c.start, c.end)),
                    cue: None,
                });
            }
        }
    }
    // “…,” the Serbian president said. / “…,” said John Kirby, a spokesman …
    // A cue after a conjunction or relative pronoun ("“…” and she added", "“…”, which she
    // denied") opens a clause of its own: the cue before the quote, if any, comes first.
    let (after_attribution, coordinated) = after_cue(text, q, &after, cands);
    if !coordinated {
        if let Some(a) = after_attribution {
            return Some(a);
        }
    }
    let before_attribution = before_cue(text, q, before, cands, clause_start);
    match before_attribution {
        Some(b) if b.mention.is_none() && after_attribution.is_some() => after_attribution,
        b => b.or(after_attribution),
    }
}

/// The speaker of a cue after the quote, and whether a conjunction stands between them.
fn after_cue(
    text: &str,
    q: &Span,
    after: &Range<usize>,
    cands: &[Candidate],
) -> (Option<Attribution>, bool) {
    let verb = verb_after(text, q, after, cands);
    let Some((cs, ce, cue)) = cues::find(&text[after.clone()], false)
        .filter(|&(cs, _, _)| verb.as_ref().is_none_or(|v| after.start + cs <= v.0))
    else {
        return (verb.map(|v| v.1), false);
    };
    let (cs, ce) = (after.start + cs, after.start + ce);
    let coordinated = text[q.close..cs]
        .split(|c: char| !is_letter_or_digit(c))
        .any(|w| {
            matches!(
                w,
                "and"
                    | "but"
                    | "though"
                    | "although"
                    | "while"
                    | "when"
                    | "because"
                    | "which"
                    | "whom"
                    | "whose"
                    | "where"
                    | "that"
            )
        });
    (
        after_speaker(text, q, after, cands, (cs, ce, cue)),
        coordinated,
    )
}

/// “…,” Ann Lee pressed. / “…?” she yelled. / “…,” the letter reads.: a statement opening its
/// sentence and ending in a comma, question or exclamation mark, followed right away by a name, pronoun or noun phrase
/// and a verb, is attributed to that speaker whatever the verb. Returns the verb's position and
/// the attribution.
pub fn verb_after(
    text: &str,
    q: &Span,
    after: &Range<usize>,
    cands: &[Candidate],
) -> Option<(usize, Attribution)> {
    // The quote is a statement of its own: it opens its sentence or line.
    let opens = text[..q.open]
        .trim_end_matches([' ', '\t'])
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '\n' | '.' | ':' | '!' | '?' | '”' | '"' | '’'));
    if !opens || !text[q.start..q.end].trim_end().ends_with([',', '?', '!']) {
        return None;
    }
    let rest = &text[after.clone()];
    let from = after.start + rest.len() - rest.trim_start().len();
    let speaker = speaker_at(cands, from).or_else(|| {
        phrases::opening(text, from..after.end)
            .filter(|&(s, _)| s == from)
            .map(phrase)
    })?;
    let tail = &text[speaker.end..after.end];
    let vs = speaker.end + tail.len() - tail.trim_start().len();
    let verb: &str = text[vs..after.end].split(|c: char| !is_letter(c)).next()?;
    finite_verb(verb).then(|| (vs, found(speaker, verb.to_string())))
}

fn after_speaker(
    text: &str,
    q: &Span,
    after: &Range<usize>,
    cands: &[Candidate],
    (cs, ce, cue): (usize, usize, String),
) -> Option<Attribution> {
    // The speaker stands next to the cue: between the quote and the cue, or right after it.
    // After a comma an inverting cue takes the name that follows it ("“…” for the port, said
    // Ann Lee"): the words before the comma end the reporter's clause.
    let inverted = phrases::inverts(&cue);
    if inverted && text[q.close..cs].trim_end().ends_with(',') {
        let from = ce + text[ce..after.end].len() - text[ce..after.end].trim_start().len();
        let named = speaker_at(cands, from)
            .map(|c| past_possessive(text, cands, c))
            .or_else(|| phrases::after_cue(text, ce, after.end).map(phrase));
        if let Some(c) = named {
            return Some(found(c, cue));
        }
    }
    let between = last_in(cands, q.close..cs);
    if let Some(c) = between.filter(|c| c.speaker_like) {
        return Some(found(c, cue));
    }
    if let Some(c) = phrases::filling(text, q.close..cs).map(phrase) {
        return Some(found(c, cue));
    }
    if let Some(c) = between {
        return Some(found(c, cue));
    }
    if let Some(c) = inverted
        .then(|| phrases::after_cue(text, ce, after.end))
        .flatten()
        .map(phrase)
    {
        return Some(found(c, cue));
    }
    first_in(cands, ce..after.end.min(ce + 80)).map(|c| found(past_possessive(text, cands, c), cue))
}

/// "said MSN's Blake Irving": the name a possessive name qualifies, when one follows it, is the
/// speaker, not the possessor.
fn past_possessive(text: &str, cands: &[Candidate], c: Candidate) -> Candidate {
    let rest = &text[c.end..];
    let Some(after) = ["'s ", "’s "].iter().find_map(|s| rest.strip_prefix(s)) else {
        return c;
    };
    let at = text.len() - after.len();
    starting_in(cands, at..at + 1).first().copied().unwrap_or(c)
}

/// The speaker of a cue before the quote, or failing that the subject of its sentence.
fn before_cue(
    text: &str,
    q: &Span,
    before: Range<usize>,
    cands: &Candidates,
    clause_start: usize,
) -> Option<Attribution> {
    // X said that “…” / X responded by saying “…” / According to X, “…”
    let before_cues = cues::all(&text[before.clone()]);
    // Ann Lee’s claim that “…” / her remark: “…”: the possessor of a noun for speech after the
    // last cue speaks.
    if let Some(((ps, pe), noun_end)) = phrases::speech_possessor(text, before.clone()) {
        let last_cue_end = before_cues
            .last()
            .map_or(before.start, |c| before.start + c.1);
        if noun_end >= last_cue_end && q.open - noun_end <= POSSESSOR_REACH {
            let noun = text[pe..noun_end]
                .split_whitespace()
                .next_back()
                .unwrap_or("")
                .trim_end_matches([',', ':']);
            return Some(found(possessor(cands, ps, pe), noun.to_string()));
        }
    }
    if let Some(a) = outer_speaker(text, cands, &before, &before_cues, q.open) {
        return Some(a);
    }
    if let Some((cs, ce, cue)) = before_cues.last().cloned() {
        let (cs, ce) = (before.start + cs, before.start + ce);
        let according = cue.eq_ignore_ascii_case("according to");
        let c = if according {
            // According to Ann Lee, “…” / According to the report, “…”
            first_in(cands, ce..q.open).or_else(|| phrases::after_cue(text, ce, q.open).map(phrase))
        } else {
            subject(text, cands, before.start..cs, clause_start)
                .map(|c| relative_pronoun_subject(text, cands, c, clause_start).unwrap_or(c))
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
    labelled(text, cands, &before).or_else(|| sentence_subject(text, cands, before))
}

/// Ann Lee: “…” / Rep. Ann Lee (D-Ore.): “…”: a name (or pronoun) and a colon introduce the
/// quote as a transcript or a list of voices does.
fn labelled(text: &str, cands: &[Candidate], before: &Range<usize>) -> Option<Attribution> {
    let lead = text[before.clone()]
        .trim_end()
        .strip_suffix(':')?
        .trim_end();
    // (A bracketed note after the name: a party and state, a title.)
    let lead = match lead.strip_suffix(')') {
        Some(inner) => inner[..inner.rfind('(')?].trim_end(),
        None => lead,
    };
    let end = before.start + lead.len();
    let c = starting_in(cands, before.start..end.saturating_add(1))
        .iter()
        .rev()
        .find(|c| c.end == end && c.speaker_like)?;
    Some(Attribution {
        speaker: c.entity,
        mention: Some((c.start, c.end)),
        cue: None,
    })
}

/// How far before a quote a noun for speech may stand ("her warning that the port …").
const POSSESSOR_REACH: usize = 80;

/// The speaker that a possessive word names: the name it ends, else the possessive itself
/// ("his", "the mayor’s"), standing for the nearest person or organisation named before it.
fn possessor(cands: &Candidates, start: usize, end: usize) -> Candidate {
    // (A candidate ending at `end` starts at most the longest one's length before it.)
    let ending = starting_in(cands, end.saturating_sub(cands.longest)..start + 1);
    if let Some(c) = ending.iter().find(|c| c.end == end) {
        return *c;
    }
    let reach = start.saturating_sub(PRONOUN_REACH + cands.longest)..start + 1;
    let entity = starting_in(cands, reach)
        .iter()
        .rev()
        .filter(|c| c.end <= start && start - c.end <= PRONOUN_REACH && c.speaker_like)
        .find_map(|c| c.entity);
    Candidate {
        start,
        end,
        entity,
        speaker_like: true,
    }
}

/// Ann Lee condemned what she called “…”: a personal pronoun speaking in a free relative
/// ("what she called") stands for the subject of the sentence, which reports the quote. Returns
/// that subject when a name, pronoun or noun phrase opens the sentence before the pronoun.
/// (After "which", "who" or "in which" the pronoun's own clause is the attribution.)
fn relative_pronoun_subject(
    text: &str,
    cands: &[Candidate],
    pronoun: Candidate,
    clause_start: usize,
) -> Option<Candidate> {
    const PRONOUNS: &[&str] = &["he", "she", "they"];
    let word = text[pronoun.start..pronoun.end].to_lowercase();
    let lead = text.get(clause_start..pronoun.start)?;
    let relative = lead
        .split_whitespace()
        .next_back()
        .is_some_and(|w| w.eq_ignore_ascii_case("what"));
    if !PRONOUNS.contains(&word.as_str()) || !relative {
        return None;
    }
    opening_subject(text, cands, clause_start..pronoun.start).filter(|c| c.speaker_like)
}

/// X said Y called it “…” / X said she recalled “…”: with several cues before a quote, the
/// speaker of the outermost one (the first) reports it, when that speaker is a person,
/// organisation, pronoun or role phrase standing right before its cue.
fn outer_speaker(
    text: &str,
    cands: &[Candidate],
    before: &Range<usize>,
    cues: &[(usize, usize, String)],
    open: usize,
) -> Option<Attribution> {
    if cues.len() < 2 {
        return None;
    }
    let (cs, ce, cue) = &cues[0];
    let (cs, ce) = (before.start + cs, before.start + ce);
    // The inner cue must stand in the outer one's clause: no comma, bracket or dash closes it,
    // and no relative pronoun opens a clause of its own ("which he called").
    let inner = before.start + cues[cues.len() - 1].0;
    let between = &text[ce.min(inner)..inner];
    // "When she first described it, she said “…”": an outer cue in a subordinate clause that a
    // comma closes reports nothing of the main clause.
    let opener = text[before.start..cs]
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    if SUBORDINATORS.contains(&opener.as_str()) && between.contains(',') {
        return None;
    }
    if between.contains(['“', '”', '"'])
        || between
            .split(|c: char| !is_letter_or_digit(c))
            .any(|w| matches!(w, "which" | "who" | "whom" | "whose" | "where" | "when"))
    {
        return None;
    }
    let c = if cue.eq_ignore_ascii_case("according to") {
        first_in(cands, ce..open)
    } else {
        subject(text, cands, before.start..cs, before.start)
    }?;
    c.speaker_like.then(|| found(c, cue.clone()))
}

/// “Trump openly admires Putin as a “strong leader”” / “In July, Gingrich dismissed Estonia as
/// being in the “suburbs of St. Petersburg””: with no reporting verb, a quote inside the
/// reporter's sentence belongs to the sentence's subject, when a person, organisation or
/// pronoun opens the sentence (after at most an introductory phrase and its comma), or else is
/// the last one that a finite verb follows, and a verb follows it, which is the cue.
///
/// The verb must be one: after "is" or "was" an -ing form or a stance ("is labelling", "is
/// confident"; "was accused of …" is passive, and "has been" passive or a copula: no speaker),
/// after "will" or "could" any word, after "has" a participle, else a past or present form that
/// no second verb follows ("UKIP officials also argue": "officials" is no verb). A colon before
/// the quote makes any verb one.
fn sentence_subject(text: &str, cands: &[Candidate], before: Range<usize>) -> Option<Attribution> {
    // A name opening the sentence, else a noun phrase ("The report found …").
    let c = opening_subject(text, cands, before.clone())
        .or_else(|| finite_subject(text, cands, before.clone()))?;
    let c = titled_name(text, cands, c, before.end).unwrap_or(c);
    // (An aside between commas may stand before the verb: "Ann Lee, for her part, is …".)
    let rest = &text[c.end..before.end];
    let rest = match rest.trim_start().strip_prefix(',') {
        Some(aside) => aside.split_once(',')?.1,
        None => rest,
    };
    // "Ann Lee was more restrained: “…”": a colon before the quote makes any verb the cue.
    let colon = text[before.clone()].trim_end().ends_with(':');
    let mut words = rest.split_whitespace();
    let mut seen = 0;
    let verb = loop {
        let w = words.next()?;
        let class = word_class(w);
        if class & PASSIVE != 0 && !colon {
            return None;
        }
        if class & (BE | HAVE | MODAL | ADVERB | PASSIVE) == 0
            && !w.ends_with("ly")
            && !w.ends_with("self")
        {
            break w;
        }
        seen |= class;
    };
    let next = words.next().unwrap_or("");
    let class = word_class(verb);
    let plain =
        verb.len() >= 3 && verb.chars().all(|ch| ch.is_ascii_lowercase()) && class & NOT_VERB == 0;
    // A noun in the plural that a verb, auxiliary or adverb follows is the subject's
    // ("UKIP officials also argue").
    let noun = verb.ends_with('s')
        && (next.ends_with("ed")
            || next.ends_with("ly")
            || word_class(next) & (BE | HAVE | MODAL | ADVERB | CLAUSE) != 0);
    let is_verb = plain
        && !noun
        && if colon || seen & MODAL != 0 {
            true
        } else if seen & BE != 0 {
            // (or a stance the subject takes: "is confident", "was keen to …")
            verb.ends_with("ing") || class & STANCE != 0
        } else if seen & HAVE != 0 {
            finite_verb(verb) || verb.ends_with("en") || verb.ends_with("wn")
        } else {
            finite_verb(verb)
        };
    let cue = if verb == "went" && matches!(next, "on" | "on:") {
        "went on".to_string()
    } else {
        verb.to_string()
    };
    is_verb.then(|| found(c, cue))
}

/// Classes of the small words [`sentence_subject`] reads (bits of [`WORD_CLASSES`]).
const BE: u8 = 1;
const HAVE: u8 = 2;
const MODAL: u8 = 4;
const ADVERB: u8 = 8;
/// "been", "being": a passive or a copula follows.
const PASSIVE: u8 = 16;
/// Never a verb ("the", "his", "news").
const NOT_VERB: u8 = 32;
/// A stance the subject takes after "is" or "was" ("confident", "keen").
const STANCE: u8 = 64;
/// Opens a clause or phrase after a noun ("of", "which").
const CLAUSE: u8 = 128;

/// One table for all classes: one search, instead of a list and its search per class.
const WORD_CLASSES: &[(&str, u8)] = &[
    ("is", BE),
    ("are", BE),
    ("was", BE),
    ("were", BE),
    ("has", HAVE),
    ("have", HAVE),
    ("had", HAVE),
    ("been", PASSIVE),
    ("being", PASSIVE),
    ("will", MODAL),
    ("would", MODAL),
    ("could", MODAL),
    ("should", MODAL),
    ("can", MODAL),
    ("may", MODAL),
    ("might", MODAL),
    ("must", MODAL),
    ("did", MODAL),
    ("does", MODAL),
    ("do", MODAL),
    ("also", ADVERB),
    ("then", ADVERB),
    ("later", ADVERB),
    ("once", ADVERB),
    ("again", ADVERB),
    ("even", ADVERB),
    ("not", ADVERB),
    ("never", ADVERB),
    ("just", ADVERB),
    ("already", ADVERB),
    ("still", ADVERB),
    ("now", ADVERB),
    ("the", NOT_VERB),
    ("and", NOT_VERB),
    ("but", NOT_VERB),
    ("who", NOT_VERB | CLAUSE),
    ("which", NOT_VERB | CLAUSE),
    ("of", CLAUSE),
    ("that", NOT_VERB),
    ("whose", NOT_VERB),
    ("for", NOT_VERB),
    ("with", NOT_VERB),
    ("from", NOT_VERB),
    ("into", NOT_VERB),
    ("about", NOT_VERB),
    ("than", NOT_VERB),
    ("his", NOT_VERB),
    ("her", NOT_VERB),
    ("its", NOT_VERB),
    ("their", NOT_VERB),
    ("news", NOT_VERB),
    ("confident", STANCE),
    ("concerned", STANCE),
    ("worried", STANCE),
    ("keen", STANCE),
    ("happy", STANCE),
    ("unhappy", STANCE),
    ("determined", STANCE),
    ("adamant", STANCE),
    ("convinced", STANCE),
    ("sure", STANCE),
    ("eager", STANCE),
    ("anxious", STANCE),
    ("angry", STANCE),
    ("furious", STANCE),
    ("optimistic", STANCE),
    ("pessimistic", STANCE),
    ("critical", STANCE),
    ("scathing", STANCE),
    ("dismissive", STANCE),
];

/// The classes of `word` in [`WORD_CLASSES`] (0 for any other word).
#[inline(never)]
fn word_class(word: &str) -> u8 {
    WORD_CLASSES
        .iter()
        .find(|(w, _)| *w == word)
        .map_or(0, |&(_, class)| class)
}

/// "Tory leader Michael Howard", "Keane frontman Tom Chaplin": a name, one or two words of a
/// role in small letters and a second name make the second name the subject.
fn titled_name(text: &str, cands: &[Candidate], c: Candidate, end: usize) -> Option<Candidate> {
    let next = inside(cands, &(c.end..end)).find(|n| n.start >= c.end)?;
    let between: Vec<&str> = text[c.end..next.start].split_whitespace().collect();
    let role = (1..=2).contains(&between.len())
        && between.iter().all(|w| {
            w.len() >= 3
                && w.chars().all(|ch| ch.is_ascii_lowercase())
                && !finite_verb(w)
                && word_class(w) & (NOT_VERB | BE | HAVE) == 0
        });
    (role && next.speaker_like && next.entity.is_some() && next.entity != c.entity).then_some(*next)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pronouns found by tokenising only the stretches around each "he" are those of the
    /// whole text's tokens.
    #[test]
    fn pronouns_are_the_whole_texts_pronoun_tokens() {
        for text in [
            "He said they would come; she agreed. Then he left.",
            // Inside other words and tokens: none of these is a pronoun.
            "the theme, shed, ahead, he's, she-wolf, they’re, U.He, 5he, x-he, he-",
            // Beside punctuation and whitespace beyond ASCII.
            "“he”\u{a0}She—they\u{2003}(They)\nhe.",
            // A combining mark continues the word before it.
            "he\u{301} She",
            "he",
        ] {
            let whole: Vec<Token> = crate::text::tokens(text)
                .into_iter()
                .filter(|t| matches!(t.text, "he" | "He" | "she" | "She" | "they" | "They"))
                .collect();
            assert_eq!(pronouns(text), whole, "{text}");
        }
        fn found(t: &str) -> Vec<&str> {
            pronouns(t).iter().map(|t| t.text).collect()
        }
        assert_eq!(
            found("“he”\u{a0}She—they\u{2003}(They)\nhe."),
            ["he", "She", "they", "They", "he"]
        );
        assert!(found("the theme, he's, she-wolf, they’re").is_empty());
    }

    #[test]
    fn searches_by_position_find_what_a_scan_of_every_candidate_finds() {
        // Candidates of made-up spans, in the order `candidates` keeps (start, longest first).
        let mut seed = 11u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            ((seed >> 33) % n) as usize
        };
        for _ in 0..300 {
            let mut list: Vec<Candidate> = (0..next(80))
                .map(|_| {
                    let start = next(1200);
                    Candidate {
                        start,
                        end: start + 1 + next(60),
                        entity: (next(3) > 0).then(|| next(5)),
                        speaker_like: next(2) == 0,
                    }
                })
                .collect();
            list.sort_by_key(|c| (c.start, std::cmp::Reverse(c.end)));
            let longest = list.iter().map(|c| c.end - c.start).max().unwrap_or(0);
            let cands = Candidates { list, longest };
            let key = |c: Option<Candidate>| c.map(|c| (c.start, c.end, c.entity));
            for _ in 0..50 {
                let (a, b) = (next(1300), next(1300));
                let range = a.min(b)..a.max(b);
                let scan = || {
                    cands
                        .iter()
                        .filter(|c| c.start >= range.start && c.end <= range.end)
                };
                assert_eq!(key(first_in(&cands, range.clone())), key(preferred(scan())));
                assert_eq!(
                    key(last_in(&cands, range.clone())),
                    key(preferred(scan().rev()))
                );
                let at = cands
                    .iter()
                    .find(|c| c.start == a && c.speaker_like)
                    .copied();
                assert_eq!(key(speaker_at(&cands, a)), key(at));
                // (Some possessives just out of a pronoun's reach of a candidate's end.)
                let start = match cands.get(next(cands.len().max(1) as u64)) {
                    Some(c) if next(2) == 0 => c.end + PRONOUN_REACH - next(3),
                    _ => a.min(b),
                };
                let end = start + next(20);
                let ends = cands
                    .iter()
                    .find(|c| c.end == end && c.start <= start)
                    .copied();
                let near = cands
                    .iter()
                    .rev()
                    .filter(|c| c.end <= start && start - c.end <= PRONOUN_REACH && c.speaker_like)
                    .find_map(|c| c.entity);
                let got = possessor(&cands, start, end);
                match ends {
                    Some(c) => assert_eq!(key(Some(got)), key(Some(c))),
                    None => assert_eq!((got.start, got.end, got.entity), (start, end, near)),
                }
            }
        }
    }
}
