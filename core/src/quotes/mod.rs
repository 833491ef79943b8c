//! Quotations: find them, attribute them to a speaker, and group the same statement across
//! documents.
//!
//! [`marks`] finds quoted spans, [`attribution`] ties each to a speaker and a cue, and
//! [`grouping`] links renderings of one statement across sources.

mod attribution;
mod cues;
mod grouping;
mod marks;
mod phrases;

use crate::entities::{EntityTable, Kind};
use crate::text::is_letter_or_digit;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A whole statement.
    Direct,
    /// A few quoted words inside the reporter's sentence.
    Partial,
    /// Quote marks that attribute nothing: irony, a title, a term.
    Scare,
}

/// One quotation in one document. Spans are byte offsets into the document text.
#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    pub doc: usize,
    /// The quoted words, without the quotation marks. A quote split by its attribution
    /// (“…,” she said. “…”) runs from the first piece's start to the last piece's end.
    pub start: usize,
    pub end: usize,
    /// The quoted pieces (byte spans), in order; one piece unless the quote is split.
    pub parts: Vec<(usize, usize)>,
    pub kind: QuoteKind,
    /// Index into [`EntityTable::entities`].
    pub speaker: Option<usize>,
    /// The span that names the speaker for this quote ("he", "the Serbian president").
    pub speaker_mention: Option<(usize, usize)>,
    /// The reporting verb or phrase.
    pub cue: Option<String>,
    /// Quotes with the same group render the same statement.
    pub group: Option<usize>,
}

/// How far after a quote its attribution may stand, and how close the second half of a split
/// quote must follow the first to share its speaker.
const AFTER_WINDOW: usize = 200;
const CONTINUATION_GAP: usize = 250;
/// Longest attribution between the two pieces of a split quote (“…,” she said, “…”).
const SPLIT_GAP: usize = 120;

/// Finds the quotations of one document, with their speakers.
pub fn extract(doc: usize, text: &str, entities: &EntityTable) -> Vec<Quote> {
    let spans = marks::find(text);
    if spans.is_empty() {
        return Vec::new();
    }
    let sentences = crate::text::sentences(text);
    // Sentences are in order, apart and never empty: the one holding `pos` is the last that
    // starts at or before it, if it reaches that far (a search: a document of hundreds of
    // sentences has tens of quotes).
    let sentence_of = |pos: usize| {
        let k = sentences
            .partition_point(|r| r.start <= pos)
            .checked_sub(1)?;
        (pos < sentences[k].end).then_some(k)
    };
    let cands = attribution::candidates(doc, text, entities);
    let mut out: Vec<Quote> = Vec::new();
    for (n, q) in spans.iter().enumerate() {
        // The reporter's words around the quote, within its sentence and short of other quotes.
        // A short quoted term after this quote ("an “unprecedented” deployment") does not end
        // the reporter's words; a further statement does.
        let next_open = spans[n + 1..]
            .iter()
            .find(|s| text[s.start..s.end].split_whitespace().count() > 3)
            .map_or(text.len(), |s| s.open);
        let after_end = sentence_of(q.close.saturating_sub(1))
            .map_or(q.close, |k| sentences[k].end)
            .max(q.close)
            .min(next_open)
            .min(q.close + AFTER_WINDOW);
        let after_end = crate::text::floor_boundary(text, after_end).max(q.close);
        let after_end = text[q.close..after_end]
            .find('\n')
            .map_or(after_end, |i| q.close + i);
        let after_end = question_tail(text, &sentences, q, after_end, next_open, &cands);
        let prev_close = n.checked_sub(1).map_or(0, |p| spans[p].close);
        let mut before_start = sentence_of(q.open)
            .map_or(q.open, |k| sentences[k].start)
            .max(prev_close);
        if text[before_start..q.open].trim().is_empty() {
            // A quote opening its sentence after "X said:" takes the sentence before.
            if let Some(k) = sentence_of(q.open).and_then(|k| k.checked_sub(1)) {
                let prev = text[sentences[k].clone()].trim_end();
                // (A sentence holding a quote of its own attributes that one: “…,” she said.)
                // So does a sentence reporting what someone said: "Ann Lee said the plan was
                // costly. “…”" (a quote with no cue of its own is hers).
                if prev.ends_with(':')
                    || sentences[k].start >= prev_close
                        && (ends_with_cue(prev) || reports_speech(prev))
                {
                    before_start = sentences[k].start.max(prev_close);
                }
            }
        }
        let before_start = crate::text::floor_boundary(text, before_start.min(q.open));
        // The clause of a cue before the quote may open before an earlier quoted term of the
        // same sentence.
        let clause_start = sentence_of(q.open).map_or(before_start, |k| sentences[k].start);
        let attributed = attribution::attribute(
            text,
            q,
            q.close..after_end,
            before_start..q.open,
            &cands,
            clause_start,
        );
        // Ann Lee said the plan was “too costly” and would “hurt the port”: one statement.
        let own = attributed
            .as_ref()
            .is_some_and(|a| a.speaker.is_some() || a.mention.is_some_and(|(s, _)| s >= q.close));
        if !own && same_sentence(text, &out, q, &sentence_of) {
            if let Some(prev) = out.last_mut() {
                prev.continue_with(q);
                continue;
            }
        }
        // A piece with a speaker of its own after it (“…,” she said. “…,” she added) starts a
        // new quote.
        let own_speaker = attributed
            .as_ref()
            .and_then(|a| a.mention)
            .is_some_and(|(s, _)| s >= q.close);
        // “…,” she said, “…”: the words between the two pieces are the first piece's
        // attribution, so the second piece continues the same quote.
        if let Some(prev) = out.last_mut().filter(|_| !own_speaker) {
            let gap = prev.end..q.open;
            let split = prev.kind != QuoteKind::Scare
                && q.open >= prev.end
                && gap.len() <= SPLIT_GAP
                && !text[gap.clone()].contains('\n')
                && attribution_only(&text[gap.clone()])
                && prev
                    .speaker_mention
                    .is_some_and(|(s, e)| gap.start <= s && e <= gap.end);
            if split {
                prev.continue_with(q);
                continue;
            }
        }

        let quoted = &text[q.start..q.end];
        let words = quoted.split_whitespace().count();
        let ends_sentence = quoted.trim_end().ends_with(['.', '!', '?', ',', '…']);
        let lead = text[before_start..q.open].trim_end();
        let embedded = lead.chars().next_back().is_some_and(is_letter_or_digit)
            && !quoted.chars().next().is_some_and(char::is_uppercase);
        let kind = if words <= 3 && !ends_sentence {
            if attributed.is_some() {
                QuoteKind::Partial
            } else {
                QuoteKind::Scare
            }
        } else if embedded {
            QuoteKind::Partial
        } else {
            QuoteKind::Direct
        };

        let mut quote = Quote {
            doc,
            start: q.start,
            end: q.end,
            parts: vec![(q.start, q.end)],
            kind,
            speaker: None,
            speaker_mention: None,
            cue: None,
            group: None,
        };
        match attributed {
            Some(a) => {
                quote.speaker = a.speaker.or_else(|| {
                    a.mention
                        .and_then(|m| earlier_speaker(text, entities, &out, q.start, m))
                });
                quote.speaker_mention = a.mention;
                quote.cue = a.cue;
            }
            None if kind != QuoteKind::Scare => {
                // The rest of a statement: “…,” X said. “…” continues the quote before it when
                // it follows in the same paragraph; in a later paragraph, or after words quoted
                // within the reporter's sentence (X called it “costly”. “…”), it is a new quote
                // by the same speaker.
                if let Some(prev) = out
                    .last_mut()
                    .filter(|p| p.speaker_mention.is_some() && p.kind != QuoteKind::Scare)
                {
                    let gap_start = spans[n - 1].close;
                    if q.open >= gap_start && q.open - gap_start <= CONTINUATION_GAP {
                        let after_partial =
                            prev.kind == QuoteKind::Partial && kind == QuoteKind::Direct;
                        if !text[gap_start..q.open].contains('\n') && !after_partial {
                            prev.continue_with(q);
                            continue;
                        }
                        quote.speaker = prev.speaker;
                        quote.speaker_mention = prev.speaker_mention;
                        quote.cue = prev.cue.clone();
                    }
                }
            }
            None => {}
        }
        out.push(quote);
    }
    out
}

/// "Ann Lee said the plan was “too costly” and would “hurt the port”": a quote that no cue or
/// name of its own attributes, in the sentence of a quote before it whose cue came first, goes
/// on with that quote, when no other cue stands between the two.
fn same_sentence(
    text: &str,
    out: &[Quote],
    q: &marks::Span,
    sentence_of: &impl Fn(usize) -> Option<usize>,
) -> bool {
    let Some(prev) = out.last() else {
        return false;
    };
    // (No gap when the two overlap: then they are not two pieces of one sentence.)
    let gap = text.get(prev.end..q.open).unwrap_or("\n");
    prev.speaker_mention
        .is_some_and(|(_, end)| end <= prev.start)
        && sentence_of(prev.start).is_some()
        && sentence_of(prev.start) == sentence_of(q.open)
        && !gap.contains('\n')
        && cues::all(gap).is_empty()
}

/// “…,” Carl Clump told the BBC. “…,” he said.: a "he" or "she" that names no one near enough
/// ([`attribution`]'s reach: the quotes before it were long) is the person who spoke the quote
/// right before, when nothing but that quote's attribution stands between the two (a few
/// words) and it was not given to the other pronoun.
fn earlier_speaker(
    text: &str,
    entities: &EntityTable,
    out: &[Quote],
    start: usize,
    (at, end): (usize, usize),
) -> Option<usize> {
    let pronoun = &text[at..end];
    let other = match pronoun.to_ascii_lowercase().as_str() {
        "he" => "she",
        "she" => "he",
        _ => return None,
    };
    let prev = out.last().filter(|p| p.end <= start)?;
    let (ps, pe) = prev.speaker_mention?;
    let between = text[prev.end..start].split_whitespace().count();
    let speaker = prev
        .speaker
        .filter(|_| between <= 6 && !text[ps..pe].eq_ignore_ascii_case(other))?;
    (entities.entities[speaker].kind == Kind::Person).then_some(speaker)
}

/// "…, Ann Lee said." / "…, he told reporters.": a sentence that ends with its reporting cue
/// (and at most a short word after it) introduces the quote that opens the next sentence.
fn ends_with_cue(sentence: &str) -> bool {
    let Some(body) = sentence.strip_suffix('.') else {
        return false;
    };
    cues::find(body, true).is_some_and(|(_, ce, _)| {
        let rest = &body[ce..];
        rest.split_whitespace().count() <= 1 && !rest.contains(['“', '”', '"'])
    })
}

/// "Ann Lee said the port may stay shut." / "Ann Lee insists it is safe.": a sentence whose
/// reporting cues follow its subject and report speech in every sense ("posted", "called",
/// "read" and "according to" have others).
fn reports_speech(sentence: &str) -> bool {
    let found = cues::all(sentence);
    found.first().is_some_and(|c| c.0 > 0)
        && found.iter().all(|(_, _, cue)| {
            !matches!(
                cue.to_ascii_lowercase().as_str(),
                "according to" | "posted" | "called" | "described" | "read" | "reads" | "reported"
            )
        })
}

/// “…?” Vitter demanded. / “…!” she shouted.: a question or exclamation mark inside the quote
/// makes the sentence splitter end the sentence at the closing mark, so the reporter's words
/// after it stand in the next "sentence". When nothing follows the quote in its own sentence,
/// that next sentence is its attribution if a reporting cue opens it (within a few words), or a
/// name, pronoun or noun phrase and a verb right after the quote (“…?” Ann Lee went on).
fn question_tail(
    text: &str,
    sentences: &[std::ops::Range<usize>],
    q: &marks::Span,
    after_end: usize,
    next_open: usize,
    cands: &[attribution::Candidate],
) -> usize {
    let close = q.close;
    /// How far into the next sentence its cue may stand ("Senate Majority Leader Ann Lee said").
    const CUE_REACH: usize = 60;
    let closing =
        text[..close].trim_end_matches(|c: char| !is_letter_or_digit(c) && c != '?' && c != '!');
    if !text[close..after_end].trim().is_empty() || !closing.ends_with(['?', '!']) {
        return after_end;
    }
    let rest = &text[close..];
    let gap = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let from = close + gap;
    let Some(next) = sentences.iter().find(|r| r.start <= from && from < r.end) else {
        return after_end;
    };
    let end = next.end.min(next_open).min(close + AFTER_WINDOW);
    let end = crate::text::floor_boundary(text, end).max(close);
    match cues::find(&text[close..end], false) {
        Some((cs, _, _)) if cs <= CUE_REACH => end,
        _ if attribution::verb_after(text, q, &(close..end), cands).is_some() => end,
        _ => after_end,
    }
}

/// Whether the words between two quoted pieces are one attribution: no sentence ends inside
/// them, except right before the second piece (“…,” she said. “…”).
fn attribution_only(gap: &str) -> bool {
    let body = gap.trim_end();
    let body = body.strip_suffix(['.', ':', ',']).unwrap_or(body);
    !body.contains(['.', '!', '?', ';'])
}

impl Quote {
    /// Adds the next quoted piece of the same statement.
    fn continue_with(&mut self, piece: &marks::Span) {
        self.end = piece.end;
        self.parts.push((piece.start, piece.end));
    }

    /// The quoted words: the pieces of a split quote joined by a space.
    pub fn words(&self, text: &str) -> String {
        let pieces: Vec<&str> = self.parts.iter().map(|&(s, e)| text[s..e].trim()).collect();
        pieces.join(" ")
    }
}

/// Gives quotes that render the same statement in different documents the same `group`.
pub fn group(texts: &[&str], quotes: &mut [Quote]) {
    grouping::group(texts, quotes);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::{recognise, resolve};

    fn run(text: &str) -> Vec<(String, Option<String>, Option<String>, QuoteKind)> {
        let table = resolve(&[text], vec![recognise(text, None)]);
        extract(0, text, &table)
            .into_iter()
            .map(|q| {
                let speaker = q.speaker.map(|s| table.entities[s].name.clone());
                (q.words(text), speaker, q.cue, q.kind)
            })
            .collect()
    }

    #[test]
    fn split_quote_and_role_phrase() {
        let t = "Union leader Maria Keller spoke on Friday. “We will not give up,” the union leader said. “Every crane counts.”";
        let got = run(t);
        assert_eq!(got.len(), 1, "the two halves are one quote: {got:?}");
        assert_eq!(got[0].0, "We will not give up, Every crane counts.");
        assert_eq!(got[0].1.as_deref(), Some("Maria Keller"));
        assert_eq!(got[0].2.as_deref(), Some("said"));
    }

    #[test]
    fn a_piece_with_its_own_cue_is_a_new_quote() {
        let t = "“We will not give up,” said Maria Keller, the union leader. “Every crane counts,” Jan Vos added.";
        let got = run(t);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some("Maria Keller"));
        assert_eq!(got[1].0, "Every crane counts,");
        assert_eq!(got[1].1.as_deref(), Some("Jan Vos"));
    }

    #[test]
    fn quote_split_mid_sentence_and_dash_attribution() {
        let t = "Maria Keller spoke. “We are not against the future,” she said, “but not on our backs.” Later, Jan Vos said that “the talks failed”.";
        let got = run(t);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(
            got[0].0,
            "We are not against the future, but not on our backs."
        );
        assert_eq!(got[1].1.as_deref(), Some("Jan Vos"));
        let t = "Readers wrote in.\n“The harbour is our life and we will defend it.” ― Karin Vos\n";
        assert_eq!(run(t)[0].1.as_deref(), Some("Karin Vos"));
    }

    #[test]
    fn words_quoted_twice_in_one_sentence_are_one_statement() {
        let t = "Mayor Karin Brand said the port plan was “far too costly” while the ships registered in the bay would “leave for good”. The board was “surprised”.";
        let got = run(t);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, "far too costly leave for good");
        assert_eq!(got[0].1.as_deref(), Some("Karin Brand"));
        // The next sentence's term is not hers.
        assert_eq!(got[1].1, None);
        // A second cue in between gives the second piece a speaker of its own.
        let t = "Mayor Karin Brand said the plan was “far too costly”, while Jan Vos called it “a fair deal”.";
        let got = run(t);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].1.as_deref(), Some("Jan Vos"));
    }

    #[test]
    fn a_statement_after_quoted_words_is_a_new_quote_by_the_same_speaker() {
        let t = "Mayor Karin Brand called the plan “a costly fantasy”. “Nobody on the board has read it, and nobody will.”";
        let got = run(t);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].3, QuoteKind::Partial);
        assert_eq!(got[1].1.as_deref(), Some("Karin Brand"));
        assert_eq!(got[1].3, QuoteKind::Direct);
    }

    #[test]
    fn a_quote_left_open_over_paragraphs_is_found() {
        let t = "Mayor Karin Brand said: \"The port will stay shut for a week.\n\n\"Nobody can sail until the storm has passed.\"";
        let got = run(t);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].0, "The port will stay shut for a week.");
        assert!(got.iter().all(|q| q.1.as_deref() == Some("Karin Brand")));
    }

    #[test]
    fn quote_in_a_later_paragraph_is_new_but_keeps_the_speaker() {
        let t = "“We will not give up,” union leader Maria Keller said.\n\n“Every crane counts and every shift counts.”";
        let got = run(t);
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].1.as_deref(), Some("Maria Keller"));
    }

    #[test]
    fn speaker_after_cue_and_before_quote() {
        let t = "“We see a large deployment,” said John Kirby, a spokesman. Later Anna Novák said that “the bridge will open in May this year”.";
        let got = run(t);
        assert_eq!(got[0].1.as_deref(), Some("John Kirby"));
        assert_eq!(got[1].1.as_deref(), Some("Anna Novák"));
        assert_eq!(got[1].3, QuoteKind::Partial);
        // The name a possessive qualifies speaks, not the possessor.
        let got = run("“We see a large deployment,” said NATO's John Kirby.");
        assert_eq!(got[0].1.as_deref(), Some("John Kirby"));
    }

    #[test]
    fn an_unresolved_pronoun_after_a_quote_is_that_quotes_speaker() {
        let long = "The harbour will stay open through the winter. ".repeat(14);
        let t = format!(
            "Karin Brand told the council: “{long}” “We will hire more crews,” she said. \
             Later Jan Vos spoke. “No,” he said."
        );
        let got = run(&t);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[1].1.as_deref(), Some("Karin Brand"));
        assert_eq!(got[2].1.as_deref(), Some("Jan Vos"));
    }

    #[test]
    fn the_sentence_subject_speaks_when_no_reporting_verb_stands_by() {
        let t = "Mayor Lotte Brand visited the port. In July, Brand openly dismissed the plan as a “costly fantasy of the board”. The so-called “peace plan” was published.";
        let got = run(t);
        assert_eq!(got[0].1.as_deref(), Some("Lotte Brand"));
        assert_eq!(got[0].2.as_deref(), Some("dismissed"));
        // A term in a sentence whose subject is no person stays unattributed.
        assert_eq!(got[1].1, None);
        // An aside between commas may stand between the subject and its verb.
        let t = "Mayor Lotte Brand, for her part, is labelling the plan “a costly fantasy of the board”.";
        assert_eq!(run(t)[0].1.as_deref(), Some("Lotte Brand"));
        // Past an opening clause, the name that a finite verb follows is the subject.
        let t = "Three weeks after the vote at the harbour, Mayor Lotte Brand dismissed the plan as a “costly fantasy of the board”.";
        assert_eq!(run(t)[0].1.as_deref(), Some("Lotte Brand"));
    }

    #[test]
    fn the_sentence_subject_needs_a_verb_that_says_it_speaks() {
        // Passive: the subject is the one spoken of.
        let t = "Mayor Lotte Brand has been accused of “playing games with the port”.";
        assert_eq!(run(t)[0].1, None);
        let t = "Mayor Lotte Brand was accused of “playing games with the port”.";
        assert_eq!(run(t)[0].1, None);
        // A name before a role qualifies the name after it.
        let t =
            "Harbour Party leader Lotte Brand accused the board of “playing games with the port”.";
        let got = run(t);
        assert_eq!(got[0].1.as_deref(), Some("Lotte Brand"));
        assert_eq!(got[0].2.as_deref(), Some("accused"));
        // A noun in the plural is no verb: "officials also argue".
        let t = "Harbour Party officials also argue the board has not been “straightforward”.";
        assert_eq!(run(t)[0].2, None);
        // After an auxiliary, the verb; after a colon any verb.
        let t = "Mayor Lotte Brand has already dismissed the plan as a “costly fantasy”.";
        assert_eq!(run(t)[0].2.as_deref(), Some("dismissed"));
        let t = "Mayor Lotte Brand was more careful in her assessment: “We will see what the board does.”";
        assert_eq!(run(t)[0].1.as_deref(), Some("Lotte Brand"));
        let t = "Mayor Lotte Brand went on: “We will see what the board does.”";
        assert_eq!(run(t)[0].2.as_deref(), Some("went on"));
    }

    #[test]
    fn pronouns_and_scare_quotes() {
        let t = "Minister Karin Vos arrived. He called it “progress”. She said: “We are ready to talk to everyone.”";
        let got = run(t);
        assert_eq!(got[0].0, "progress");
        assert_eq!(got[1].1.as_deref(), Some("Karin Vos"));
        assert_eq!(got[1].3, QuoteKind::Direct);
        let t = "The so-called “peace plan” was published.";
        assert_eq!(run(t)[0].3, QuoteKind::Scare);
    }

    #[test]
    fn a_question_quote_takes_the_cue_after_its_closing_mark() {
        let t = "Jan Vos spoke first. “Why is the harbour still closed to ships?” Karin Brand demanded. The vote was held.";
        let got = run(t);
        assert_eq!(got[0].1.as_deref(), Some("Karin Brand"));
        assert_eq!(got[0].2.as_deref(), Some("demanded"));
        // A statement ending in a full stop ends its sentence: the next one is not its cue.
        let t = "Jan Vos spoke first. “The harbour stays closed to ships.” Karin Brand said the vote was held.";
        assert_eq!(run(t)[0].1, None);
    }

    #[test]
    fn a_question_quote_takes_the_name_and_verb_after_its_closing_mark() {
        let t = "Jan Vos spoke first. “Why is the harbour still closed to ships?” Karin Brand pressed on. The vote was held.";
        let got = run(t);
        assert_eq!(got[0].1.as_deref(), Some("Karin Brand"));
        assert_eq!(got[0].2.as_deref(), Some("pressed"));
    }

    #[test]
    fn the_outermost_reporter_speaks_for_a_nested_cue() {
        let t = "Mayor Lotte Brand said on Monday that Jan Vos had described the plan as a “costly fantasy of the board”.";
        assert_eq!(run(t)[0].1.as_deref(), Some("Lotte Brand"));
        // A relative clause has a speaker of its own.
        let t = "Lotte Brand said the plan, which Jan Vos once called a “costly fantasy of the board”, must go.";
        assert_eq!(run(t)[0].1.as_deref(), Some("Jan Vos"));
        // So does the main clause after a subordinate one with its own cue.
        let t = "When Lotte Brand first described the plan, Jan Vos said it was “a costly fantasy of the board”.";
        assert_eq!(run(t)[0].1.as_deref(), Some("Jan Vos"));
    }

    /// The words of each quote's speaker mention.
    fn mentions(text: &str) -> Vec<Option<String>> {
        let table = resolve(&[text], vec![recognise(text, None)]);
        extract(0, text, &table)
            .into_iter()
            .map(|q| q.speaker_mention.map(|(s, e)| text[s..e].to_string()))
            .collect()
    }

    #[test]
    fn a_noun_phrase_next_to_the_cue_is_the_speaker_mention() {
        let t = "The port board met. As the bell rang, the harbour commission said: “Every ship must wait until the storm has passed.”";
        assert_eq!(mentions(t), [Some("the harbour commission".to_string())]);
        let t = "“Every ship must wait until the storm has passed,” the old harbour master said.";
        assert_eq!(mentions(t), [Some("the old harbour master".to_string())]);
        let t = "“Every ship must wait until the storm has passed,” said the port’s own report.";
        assert_eq!(mentions(t), [Some("the port’s own report".to_string())]);
        // Such a phrase names no entity: the speaker stays unknown.
        assert_eq!(run(t)[0].1, None);
        // A participle's subject is not the phrase before it.
        let t = "Jan Vos published a long letter, saying “every ship must wait until the storm has passed.”";
        assert_eq!(mentions(t), [Some("Jan Vos".to_string())]);
    }

    #[test]
    fn a_cue_after_a_conjunction_opens_a_clause_of_its_own() {
        let t = "Jan Vos said the deal was “a good start for the harbour” and Karin Brand added that talks go on.";
        assert_eq!(run(t)[0].1.as_deref(), Some("Jan Vos"));
        // With no cue before the quote, the one after it still speaks.
        let t = "The deal was “a good start for the whole harbour” and Karin Brand added that talks go on.";
        assert_eq!(run(t)[0].1.as_deref(), Some("Karin Brand"));
        // So does a cue in a relative clause after the quote.
        let t =
            "Jan Vos said the deal was “a good start for the harbour”, which Karin Brand denied.";
        assert_eq!(run(t)[0].1.as_deref(), Some("Jan Vos"));
        let t = "Jan Vos said he had “a plan for the harbour” that Karin Brand announced.";
        assert_eq!(run(t)[0].1.as_deref(), Some("Jan Vos"));
    }

    #[test]
    fn reports_asking_and_an_adverb_before_the_cue() {
        let t = "The Harbour Gazette reports that the port will stay shut “until the storm has passed”.";
        assert_eq!(run(t)[0].1.as_deref(), Some("Harbour Gazette"));
        let t = "The film shows Karin Brand asking, “Who will pay for the new harbour wall?”";
        assert_eq!(run(t)[0].1.as_deref(), Some("Karin Brand"));
        let t = "“The port will stay shut until the storm has passed,” it further wrote.";
        assert_eq!(mentions(t), [Some("it".to_string())]);
    }

    #[test]
    fn a_sentence_ending_with_its_cue_introduces_the_next_quote() {
        let t = "The port may stay shut for a week, Karin Brand said. “Nobody can sail until the storm has passed.”";
        assert_eq!(run(t)[0].1.as_deref(), Some("Karin Brand"));
        // So does a sentence reporting what someone said, when the quote has no cue of its
        // own; a cue that may mean something else ("posted a profit") does not.
        let t = "Karin Brand said the port may stay shut for a week. “Nobody can sail until the storm has passed.”";
        assert_eq!(run(t)[0].1.as_deref(), Some("Karin Brand"));
        let t =
            "The harbour board posted a loss of $3m. “Nobody can sail until the storm has passed.”";
        assert_eq!(run(t)[0].1, None);
    }

    #[test]
    fn a_noun_phrase_opening_the_sentence_is_its_subject() {
        let t = "In July, the harbour board dismissed the plan as a “costly fantasy of the mayor”.";
        assert_eq!(mentions(t), [Some("the harbour board".to_string())]);
        assert_eq!(run(t)[0].1, None);
        // A phrase that is not the sentence's subject speaks for nothing.
        // After any comma of the sentence.
        let t = "At the port on Monday, as the storm rose and the ships waited, the harbour board dismissed the plan as a “costly fantasy of the mayor”.";
        assert_eq!(mentions(t), [Some("the harbour board".to_string())]);
        let t = "Ships in the harbour waited for a “window in the storm” all week.";
        assert_eq!(mentions(t), [None]);
    }

    #[test]
    fn a_cue_continuing_a_clause_takes_the_clause_subject() {
        // A second verb of the clause: its subject opens the clause, not the name before "and".
        let t = "Mayor Lotte Brand met Jan Vos on Monday and said the plan was “a costly fantasy of the board”.";
        assert_eq!(run(t)[0].1.as_deref(), Some("Lotte Brand"));
        // A participle after a comma.
        let t = "Lotte Brand wrote to Jan Vos on Monday, saying the plan was “a costly fantasy of the board”.";
        assert_eq!(run(t)[0].1.as_deref(), Some("Lotte Brand"));
        // A name right before the cue is its subject.
        let t = "Lotte Brand spoke first, and Jan Vos then said the plan was “a costly fantasy of the board”.";
        assert_eq!(run(t)[0].1.as_deref(), Some("Jan Vos"));
        // A longer introductory phrase may stand before it.
        let t = "In a long speech at the harbour on Monday evening, Lotte Brand thanked the crews Jan Vos hired and said the plan was “a costly fantasy of the board”.";
        assert_eq!(run(t)[0].1.as_deref(), Some("Lotte Brand"));
        // A conjunction or a closed subordinate clause may stand before the subject.
        let t = "But Karin Brand dismissed the plan as a “costly fantasy of the board”.";
        assert_eq!(run(t)[0].1.as_deref(), Some("Karin Brand"));
        let t = "If Jan Vos wins, Karin Brand has dismissed the plan as a “costly fantasy of the board”.";
        assert_eq!(run(t)[0].1.as_deref(), Some("Karin Brand"));
    }

    #[test]
    fn an_irregular_reporting_verb_ends_the_opening_noun_phrase() {
        let t = "The head of the port said the plan was “too costly,” noting that “nobody on the board has read it.”";
        let got = mentions(t);
        assert_eq!(got.last(), Some(&Some("The head of the port".to_string())));
    }

    #[test]
    fn an_ed_word_after_the_determiner_is_no_verb() {
        let t = "The retired harbour master has sent Jan Vos no details, saying only that the plan was “a costly fantasy of the board”.";
        assert_eq!(
            mentions(t),
            [Some("The retired harbour master".to_string())]
        );
    }

    #[test]
    fn a_continued_clause_takes_the_name_that_a_verb_follows() {
        let t = "There were sharper words this week at the port, such as when Karin Brand knocked Jan Vos on trade and called him “a fantasist of the board”.";
        assert_eq!(run(t)[0].1.as_deref(), Some("Karin Brand"));
        // So does a participle that continues no clause right before it.
        let t = "Karin Brand has fought with Jan Vos for years, at one point calling him “a fantasist of the board”.";
        assert_eq!(run(t)[0].1.as_deref(), Some("Karin Brand"));
    }

    #[test]
    fn a_clause_subject_before_an_earlier_quoted_term() {
        let t = "Karin Brand spoke at a “harbour forum” run by Jan Vos and said the port was “a costly fantasy of the board”.";
        let got = run(t);
        assert_eq!(got[1].1.as_deref(), Some("Karin Brand"), "{got:?}");
    }

    #[test]
    fn a_subject_before_two_appositions() {
        let t = "Karin Brand, the harbour master, a member of the Port Authority, said the plan was “a costly fantasy of the board”.";
        assert_eq!(run(t)[0].1.as_deref(), Some("Karin Brand"));
    }

    #[test]
    fn a_noun_phrase_subject_before_a_relative_clause() {
        let t = "The harbour master, who has worked with Jan Vos for years, said the plan was “a costly fantasy of the board”.";
        assert_eq!(mentions(t), [Some("The harbour master".to_string())]);
        // A phrase that closes an opening clause is not the subject.
        let t = "Speaking at the harbour, Jan Vos, who chairs the board, said the plan was “a costly fantasy”.";
        assert_eq!(mentions(t), [Some("Jan Vos".to_string())]);
    }

    #[test]
    fn a_pronoun_in_what_he_called_stands_for_the_sentence_subject() {
        let t = "Mayor Karin Brand rejected what she called a “costly fantasy of the board”.";
        assert_eq!(mentions(t), [Some("Karin Brand".to_string())]);
        // After "which" the pronoun's own clause attributes the quote.
        let t = "Karin Brand spoke of the plan, which she called a “costly fantasy of the board”.";
        assert_eq!(mentions(t), [Some("she".to_string())]);
    }

    #[test]
    fn a_participle_after_by_continues_the_clause() {
        let t = "Karin Brand then visited Radio Harbour and began by saying the plan was “a costly fantasy of the board”.";
        assert_eq!(run(t)[0].1.as_deref(), Some("Karin Brand"));
    }

    #[test]
    fn a_participle_after_a_quote_or_and_continues_the_clause() {
        let t = "In a radio interview, Karin Brand said the plan was “too costly,” adding, “Nobody on the board has read it.”";
        let got = run(t);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].1.as_deref(), Some("Karin Brand"));
        let t = "Karin Brand attacked the plan, calling it wasteful and asserting that it was “a costly fantasy of the board”.";
        assert_eq!(run(t)[0].1.as_deref(), Some("Karin Brand"));
    }

    #[test]
    fn according_to_a_phrase_and_as_it_put_it() {
        let t = "According to the harbour board, “no ship can sail until the storm has passed.”";
        assert_eq!(mentions(t), [Some("the harbour board".to_string())]);
        let t = "The port stays shut, as the harbour master puts it, “until the storm has passed.”";
        assert_eq!(mentions(t), [Some("the harbour master".to_string())]);
        let t = "The port stays shut “until the storm has passed,” as the harbour master put it.";
        assert_eq!(mentions(t), [Some("the harbour master".to_string())]);
    }

    #[test]
    fn a_statement_takes_the_name_and_verb_right_after_it() {
        let t = "Jan Vos spoke first.\n“The harbour stays shut until the storm has passed,” Karin Brand pressed.";
        assert_eq!(run(t)[0].1.as_deref(), Some("Karin Brand"));
        let t = "“The harbour stays shut until the storm has passed,” the old letter reads.";
        assert_eq!(mentions(t), [Some("the old letter".to_string())]);
        // A quote inside the reporter's clause is no statement of its own.
        let t =
            "While Jan Vos called the plan a “costly fantasy of the board,” Karin Brand smiled.";
        assert_eq!(run(t)[0].1.as_deref(), Some("Jan Vos"));
    }

    #[test]
    fn a_relative_who_after_a_comma_is_the_speaker_mention() {
        let t = "The port board met Karin Brand, who later said the plan was “a costly fantasy of the board”.";
        assert_eq!(mentions(t), [Some("who".to_string())]);
        // It stands for the name before its comma.
        assert_eq!(run(t)[0].1.as_deref(), Some("Karin Brand"));
        // A restrictive "who" belongs to its noun phrase.
        let t = "Jan Vos met a sailor who said the plan was “a costly fantasy of the board”.";
        assert_ne!(mentions(t), [Some("who".to_string())]);
    }

    #[test]
    fn a_name_after_a_comma_and_an_inverted_cue_speaks() {
        let t = "The new pier marks “the end of an old era” for Jan Vos, said Karin Brand, a port historian.";
        assert_eq!(run(t)[0].1.as_deref(), Some("Karin Brand"));
        let t = "The new pier marks “the end of an old era” for Jan Vos, said a port historian.";
        assert_eq!(mentions(t), [Some("a port historian".to_string())]);
    }

    #[test]
    fn the_possessor_of_a_noun_for_speech_speaks() {
        let t = "Jan Vos repeated Karin Brand’s claim that the plan was “a costly fantasy of the board”.";
        assert_eq!(run(t)[0].1.as_deref(), Some("Karin Brand"));
        let t = "Mayor Karin Brand spoke last. Her answer: “Nobody can sail until the storm has passed.”";
        assert_eq!(mentions(t), [Some("Her".to_string())]);
        assert_eq!(run(t)[0].1.as_deref(), Some("Karin Brand"));
    }

    #[test]
    fn a_name_and_a_colon_introduce_a_quote() {
        let t = "The hearing went on.\nRep. Jan Vos (D-Ore.): “Who told you that the port was shut?”\nKarin Brand: “Nobody can sail until the storm has passed.”";
        let got = run(t);
        assert_eq!(got[0].1.as_deref(), Some("Jan Vos"));
        assert_eq!(got[1].1.as_deref(), Some("Karin Brand"));
    }

    #[test]
    fn a_written_text_reads() {
        let t =
            "The port posted a notice. “Every ship must wait until the storm has passed,” it read.";
        assert_eq!(mentions(t), [Some("it".to_string())]);
        let t = "“Every ship must wait until the storm has passed,” read the notice on the wall.";
        assert_eq!(mentions(t), [Some("the notice on the wall".to_string())]);
    }

    #[test]
    fn unknown_speaker_stays_unknown() {
        let t = "“Nobody knows who wrote this line about the harbour.”";
        assert_eq!(run(t)[0].1, None);
    }
}
