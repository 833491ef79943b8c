//! Speakers that are no named entity: a noun phrase ("the commission", "a spokesman", "the
//! ad's narrator", "one questioner"), a bare plural ("Police", "critics") or a pronoun other than
//! he/she/they ("it", "I", "we") standing right next to a reporting cue. The phrase becomes the
//! quote's speaker mention; it names no entity, so the quote's speaker stays unknown.

use crate::text::is_letter_or_digit;
use std::ops::Range;

/// Words that open a noun phrase.
const DETERMINERS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "these",
    "those",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "one",
    "another",
    "some",
    "many",
    "several",
    "both",
    "each",
    "other",
    "most",
    "two",
    "three",
    "four",
    "five",
    "dozens",
    "hundreds",
    "thousands",
];

/// Words between a subject and its cue that belong to neither ("the agency also said", "a
/// doctor had typed").
const BETWEEN: &[&str] = &[
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "will",
    "would",
    "also",
    "then",
    "later",
    "once",
    "again",
    "even",
    "did",
    "does",
    "just",
    "often",
    "first",
    "previously",
    "recently",
    "further",
];

/// Words that end a noun phrase when met inside it: clause openers and verbs' companions.
const NOT_IN_PHRASE: &[&str] = &[
    "and", "but", "or", "that", "which", "who", "whom", "whose", "when", "where", "while", "if",
    "because", "as", "to", "not", "it", "he", "she", "they", "we", "i", "you", "there", "said",
    "says", "told",
];

/// Collective nouns that speak without a determiner ("Police said").
const COLLECTIVES: &[&str] = &["police", "staff", "media", "prosecutors", "officials"];

/// Pronouns that may speak when they stand right before the cue ("it said", "I wrote").
const PRONOUNS: &[&str] = &["it", "It", "I", "we", "We"];

/// Longest noun phrase, in words.
const MAX_WORDS: usize = 7;

/// An auxiliary or adverb between a subject and its verb ("has", "also", "further").
pub fn adverb(w: &str) -> bool {
    BETWEEN.contains(&w)
        || w.len() > 4 && w.ends_with("ly") && w.chars().all(|c| c.is_ascii_lowercase())
}

/// One word of `text` with its byte span.
fn words(text: &str, range: Range<usize>) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text[range.clone()].char_indices() {
        let i = range.start + i;
        match (start, c.is_whitespace()) {
            (None, false) => start = Some(i),
            (Some(s), true) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, range.end));
    }
    out
}

/// A word that can stand inside a noun phrase: letters, digits, hyphens and a possessive ending.
fn plain(word: &str) -> bool {
    let stem = word
        .strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .or_else(|| word.strip_suffix(['’', '\'']))
        .unwrap_or(word);
    !stem.is_empty()
        && stem.chars().any(is_letter_or_digit)
        && stem
            .chars()
            .all(|c| is_letter_or_digit(c) || matches!(c, '-' | '.' | '&'))
        && !stem.ends_with('.')
}

fn is_determiner(word: &str) -> bool {
    DETERMINERS.contains(&word.to_lowercase().as_str())
}

/// The noun phrase that ends right before a cue starting at `cue` (skipping auxiliaries and
/// adverbs), within `range`: "the commission [says]", "a doctor had [typed]", "Police [say]",
/// "it [said]".
pub fn before_cue(text: &str, range: Range<usize>, cue: usize) -> Option<(usize, usize)> {
    let ws = words(text, range.start..cue);
    let mut end = ws.len();
    while end > 0 {
        let w = &text[ws[end - 1].0..ws[end - 1].1];
        if adverb(w) {
            end -= 1;
        } else {
            break;
        }
    }
    let last = *ws.get(end.checked_sub(1)?)?;
    let head = &text[last.0..last.1];
    if PRONOUNS.contains(&head) {
        return Some(last);
    }
    if !plain(head) || is_determiner(head) || NOT_IN_PHRASE.contains(&head.to_lowercase().as_str())
    {
        return None;
    }
    let mut first = end - 1;
    loop {
        let w = &text[ws[first].0..ws[first].1];
        if is_determiner(w) {
            return (first + 1 < end).then_some((ws[first].0, last.1));
        }
        if end - first >= MAX_WORDS || first == 0 {
            break;
        }
        let prev = &text[ws[first - 1].0..ws[first - 1].1];
        if !plain(prev)
            || NOT_IN_PHRASE.contains(&prev.to_lowercase().as_str())
            || BETWEEN.contains(&prev)
        {
            break;
        }
        first -= 1;
    }
    // No determiner: a bare plural or collective opening its clause ("Police say", "Critics
    // said"), one or two words long.
    let opens_clause = {
        let lead = text[range.start..ws[first].0].trim_end();
        lead.is_empty() || lead.ends_with([',', ':', ';', '.'])
    };
    let lower = head.to_lowercase();
    let bare = end - first <= 2
        && opens_clause
        && (COLLECTIVES.contains(&lower.as_str())
            || lower.ends_with('s') && !lower.ends_with("ss") && !lower.ends_with("’s"))
        && head.chars().skip(1).all(|c| c.is_lowercase());
    bare.then_some((ws[first].0, last.1))
}

/// The noun phrase that fills `range` between a quote and its cue ("“…,” the ad's narrator
/// says"): a determiner and at most a few more words, nothing else.
pub fn filling(text: &str, range: Range<usize>) -> Option<(usize, usize)> {
    let inner = text[range.clone()].trim_matches(|c: char| c.is_whitespace() || c == ',');
    // “…,” as the memo put it: "as" opens the attribution clause.
    let inner = inner
        .strip_prefix("as ")
        .or_else(|| inner.strip_prefix("As "))
        .unwrap_or(inner)
        .trim_start();
    let start = range.start + text[range.clone()].find(inner)?;
    let mut ws = words(text, start..start + inner.len());
    while ws.len() > 1 && ws.last().is_some_and(|&(s, e)| adverb(&text[s..e])) {
        ws.pop();
    }
    let (first, last) = (ws.first()?, ws.last()?);
    if ws.len() == 1 && PRONOUNS.contains(&&text[first.0..first.1]) {
        return Some(*first);
    }
    let ok = ws.len() >= 2
        && ws.len() <= MAX_WORDS
        && is_determiner(&text[first.0..first.1])
        && ws.iter().all(|w| {
            let w = &text[w.0..w.1];
            plain(w) && !NOT_IN_PHRASE.contains(&w.to_lowercase().as_str())
        });
    ok.then_some((first.0, last.1))
}

/// The noun phrase that opens a sentence (or a clause after one of its commas) and ends before
/// its verb: "The piece [used]", "In July, the agency [found]". The verb is the first lowercase
/// word ending in -ed or -s, a reporting verb ("said") or an auxiliary.
pub fn opening(text: &str, range: Range<usize>) -> Option<(usize, usize)> {
    let head = &text[range.clone()];
    let mut starts = vec![range.start];
    starts.extend(head.match_indices(',').map(|(i, _)| range.start + i + 1));
    for from in starts {
        let ws = words(text, from..range.end);
        let Some(&first) = ws.first() else { continue };
        if !is_determiner(&text[first.0..first.1]) {
            continue;
        }
        for (n, &(s, e)) in ws.iter().enumerate().skip(1).take(MAX_WORDS) {
            let w = text[s..e].trim_end_matches([',', '.', ';', ':']);
            // (Right after the determiner an -ed or -s word is the head or an adjective: "the
            // retired general", "the protesters chanted".)
            let verb = BETWEEN.contains(&w)
                || super::cues::is_verb(w)
                || n >= 2
                    && w.len() > 3
                    && w.chars().all(|c| c.is_ascii_lowercase())
                    && (w.ends_with("ed") || w.ends_with('s') && !w.ends_with("ss"));
            if verb {
                return (n >= 2).then_some((first.0, ws[n - 1].1));
            }
            if !plain(w) || NOT_IN_PHRASE.contains(&w.to_lowercase().as_str()) {
                break;
            }
        }
    }
    None
}

/// Nouns for what someone said: their possessor speaks ("her remark that “…”").
const SPEECH_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "remark",
    "remarks",
    "comment",
    "comments",
    "statement",
    "assertion",
    "response",
    "answer",
    "words",
    "promise",
    "pledge",
    "vow",
    "warning",
    "message",
    "slogan",
    "tweet",
    "post",
    "retort",
    "reply",
    "quip",
    "boast",
    "complaint",
    "accusation",
    "charge",
    "suggestion",
    "declaration",
    "insistence",
    "argument",
    "admission",
    "description",
    "prediction",
    "question",
    "demand",
    "plea",
    "conclusion",
    "view",
    "mantra",
];

/// A possessive word: a possessive pronoun, or a name or noun with ’s. Returns its length
/// without the ’s.
fn possessive(word: &str) -> Option<usize> {
    if matches!(
        word,
        "his" | "His" | "her" | "Her" | "their" | "Their" | "its" | "Its"
    ) {
        return Some(word.len());
    }
    let stem = word
        .strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))?;
    plain(stem).then_some(stem.len())
}

/// The last noun for speech in `range` that has a possessor ("her remark that", "Ann Lee’s
/// repeated claims", "in his words"), with at most two words between them. Returns the
/// possessor's span (without its ’s; a noun phrase from its determiner, else the one word) and
/// where the noun ends.
pub fn speech_possessor(text: &str, range: Range<usize>) -> Option<((usize, usize), usize)> {
    let ws = words(text, range);
    ws.iter().enumerate().rev().find_map(|(n, &(_, end))| {
        let word = &text[ws[n].0..end];
        let noun = word.trim_end_matches([',', ':']);
        // The noun introduces the words it names ("claim that", "call for", "words:"); one that
        // a verb follows is the topic of someone else's report ("her claims were false").
        let next = ws.get(n + 1).map_or("", |&(s, e)| &text[s..e]);
        let introduces = word.ends_with(':')
            || word.ends_with(',') && noun == "words"
            || matches!(next, "that" | "to" | "for");
        if !introduces || !SPEECH_NOUNS.contains(&noun.to_lowercase().as_str()) {
            return None;
        }
        for &(s, e) in ws[n.saturating_sub(3)..n].iter().rev() {
            let word = &text[s..e];
            if let Some(len) = possessive(word) {
                // (A noun phrase with ’s reaches back to its determiner: "the mayor’s".)
                let phrase = before_cue(text, ws[0].0..s + len, s + len)
                    .filter(|_| len < word.len())
                    .unwrap_or((s, s + len));
                return Some((phrase, end));
            }
            if !plain(word) || NOT_IN_PHRASE.contains(&word.to_lowercase().as_str()) {
                return None;
            }
        }
        None
    })
}

/// Reporting verbs that stand before their subject after a quote ("“…,” said the ruling").
pub fn inverts(cue: &str) -> bool {
    matches!(
        cue,
        "said"
            | "says"
            | "added"
            | "adds"
            | "asked"
            | "asks"
            | "wrote"
            | "writes"
            | "explained"
            | "continued"
            | "noted"
            | "replied"
            | "recalled"
            | "argued"
            | "declared"
            | "read"
            | "reads"
    )
}

/// The noun phrase right after a cue ("“…,” said the ruling", "said a spokesman for the
/// firm"): a determiner and the words up to punctuation or a clause opener.
pub fn after_cue(text: &str, from: usize, until: usize) -> Option<(usize, usize)> {
    let ws = words(text, from..until);
    let first = *ws.first()?;
    if !is_determiner(&text[first.0..first.1]) {
        return None;
    }
    // The phrase ends with the clause: a comma or full stop after at most a few words.
    for (n, &w) in ws.iter().enumerate().skip(1).take(MAX_WORDS - 1) {
        let word = &text[w.0..w.1];
        let bare = word.trim_end_matches([',', '.', ';', ':']);
        if !plain(bare) || NOT_IN_PHRASE.contains(&bare.to_lowercase().as_str()) {
            return None;
        }
        if bare.len() != word.len() || n + 1 == ws.len() && w.1 == text.len() {
            return Some((first.0, w.0 + bare.len()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn before(t: &str) -> Option<&str> {
        let cue = t.rfind(" said").unwrap() + 1;
        before_cue(t, 0..t.len(), cue).map(|(s, e)| &t[s..e])
    }

    #[test]
    fn noun_phrases_before_a_cue() {
        assert_eq!(
            before("As the bell rang, the harbour master said"),
            Some("the harbour master")
        );
        assert_eq!(
            before("In a memo, the agency also said"),
            Some("the agency")
        );
        assert_eq!(
            before("the port’s new owner said"),
            Some("the port’s new owner")
        );
        assert_eq!(before("Police said"), Some("Police"));
        assert_eq!(
            before("On Monday, hundreds of dock workers said"),
            Some("hundreds of dock workers")
        );
        assert_eq!(before("At the dock, critics said"), Some("critics"));
        assert_eq!(before("In a statement, it said"), Some("it"));
        // No phrase: a verb, a clause, a lone determiner.
        assert_eq!(before("The ship sank and the crew said"), Some("the crew"));
        assert_eq!(before("He was tired and said"), None);
        assert_eq!(
            before("The reason is what critics of the plan have long said"),
            None
        );
        assert_eq!(before("Ships sail while workers said"), None);
    }

    #[test]
    fn the_possessor_of_a_noun_for_speech() {
        fn owner(t: &str) -> Option<&str> {
            speech_possessor(t, 0..t.len()).map(|((s, e), _)| &t[s..e])
        }
        assert_eq!(owner("the mayor recalled her remark that"), Some("her"));
        // (A name is one word here; the name's entity mention spans it all.)
        assert_eq!(owner("He cited Jan Vos’s repeated claim that"), Some("Vos"));
        assert_eq!(
            owner("The harbour master’s answer:"),
            Some("The harbour master")
        );
        assert_eq!(owner("because, in his words,"), Some("his"));
        // A noun that a verb follows is the topic of the report, not its speaker's words.
        assert_eq!(owner("Ann Lee said his claims were"), None);
        assert_eq!(owner("the remark that"), None);
    }

    #[test]
    fn noun_phrases_beside_a_quote() {
        let t = "“We sail at dawn,” the ship’s captain said.";
        let gap = t.find('”').unwrap() + '”'.len_utf8()..t.find(" said").unwrap();
        assert_eq!(
            filling(t, gap).map(|(s, e)| &t[s..e]),
            Some("the ship’s captain")
        );
        let t = "“We sail at dawn,” said a spokesman for the port, adding more.";
        let from = t.find("said").unwrap() + 4;
        assert_eq!(
            after_cue(t, from, t.len()).map(|(s, e)| &t[s..e]),
            Some("a spokesman for the port")
        );
        assert_eq!(after_cue("said that it", 4, 12), None);
    }
}
