//! Reporting cues: the verbs and phrases that attribute speech.

use crate::text::is_letter_or_digit;
use crate::text::WordList;

/// Multi-word cues, matched before single verbs (longest first).
pub const PHRASES: &[&str] = &[
    "responded by saying",
    "replied by saying",
    "according to",
    "went on to say",
    "in a statement",
    "in an interview",
    "puts it",
    "put it",
    "quoted as saying",
    "was quoted as saying",
    "told reporters",
    "said in a statement",
];

/// Which bytes begin one of [`PHRASES`], by byte value (made from them).
const PHRASE_INITIAL: [bool; 256] = {
    let mut initial = [false; 256];
    let mut i = 0;
    while i < PHRASES.len() {
        initial[PHRASES[i].as_bytes()[0] as usize] = true;
        i += 1;
    }
    initial
};

/// Reporting verbs in their usual forms.
pub const VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "saying",
    "told",
    "tells",
    "tell",
    "added",
    "adds",
    "noted",
    "notes",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "emphasizes",
    "emphasises",
    "explained",
    "explains",
    "insisted",
    "insists",
    "argued",
    "argues",
    "urged",
    "urges",
    "warned",
    "warns",
    "declared",
    "declares",
    "announced",
    "announces",
    "claimed",
    "claims",
    "wrote",
    "writes",
    "tweeted",
    "posted",
    "recalled",
    "recalls",
    "replied",
    "replies",
    "responded",
    "responds",
    "asked",
    "asks",
    "concluded",
    "concludes",
    "stated",
    "states",
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "reiterated",
    "reiterates",
    "repeated",
    "repeats",
    "assured",
    "assures",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "complained",
    "complains",
    "commented",
    "comments",
    "continued",
    "continues",
    "remarked",
    "observed",
    "suggested",
    "suggests",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "reported",
    "reports",
    "asking",
    "quoted",
    "promised",
    "promises",
    "threatened",
    "demanded",
    "demands",
    "called",
    "described",
    "describes",
    "predicted",
    "predicts",
    "conceded",
    "concedes",
    "boasted",
    "joked",
    "shouted",
    "shouting",
    "yelled",
    "yelling",
    "exclaimed",
    "chanted",
    "chanting",
    "cautioned",
    "maintained",
    "maintains",
    "contended",
    "countered",
    "believes",
    "believed",
    "thinks",
    "thought",
    "announcing",
    "adding",
    "noting",
    "stressing",
    "warning",
    "arguing",
    "insisting",
    "explaining",
    "declaring",
    "emphasizing",
    "emphasising",
    "urging",
    "telling",
    "writing",
    "calling",
    "calls",
    "describing",
    "labeled",
    "labelled",
    "dubbed",
    "branded",
    "referred",
    "referring",
    "asserted",
    "asserts",
    "asserting",
    "quipped",
    "retorted",
    "instructed",
    "interjected",
    "whispered",
    "muttered",
    "grumbled",
    "sighed",
    "pleaded",
    "recounted",
    "confided",
    "wondered",
    "lamented",
    "laments",
    "mused",
    "recalling",
    "replying",
    "responding",
    "admitting",
    "acknowledging",
    "complaining",
    "tweets",
    "tweeting",
    "reads",
    "read",
];

/// Finds the cue nearest to `from` in `window` (byte offsets relative to the window):
/// `(start, end, cue)`. `prefer_last` picks the last one (cues before a quote), else the first.
pub fn find(window: &str, prefer_last: bool) -> Option<(usize, usize, String)> {
    let hits = all(window);
    let pick = if prefer_last {
        hits.last()
    } else {
        hits.first()
    };
    pick.cloned()
}

/// Every cue in `window`, in order: `(start, end, cue)`, byte offsets relative to the window.
pub fn all(window: &str) -> Vec<(usize, usize, String)> {
    let lower = window.to_lowercase();
    if lower.len() != window.len() {
        // Lower-casing changed byte lengths (rare scripts): match on the original instead.
        return all_in(window, window);
    }
    all_in(window, &lower)
}

/// Whether a lower-cased word is one of [`VERBS`].
pub fn is_verb(word: &str) -> bool {
    static SET: WordList = WordList::new(VERBS);
    SET.contains(word)
}

fn all_in(window: &str, lower: &str) -> Vec<(usize, usize, String)> {
    // Every phrase where it stands as words: one pass over the window's bytes, each phrase
    // tried where its first letter is (a window is a sentence or two; a searcher per phrase
    // cost a dozen passes and their set-ups).
    let bytes = lower.as_bytes();
    let mut hits: Vec<(usize, usize)> = Vec::new();
    for (i, &b) in bytes.iter().enumerate() {
        // Only where a word starts (most letters are inside one; `is_word_at` settles the
        // rest) and a phrase's first letter is.
        if i > 0 && bytes[i - 1].is_ascii_alphanumeric() || !PHRASE_INITIAL[usize::from(b)] {
            continue;
        }
        for phrase in PHRASES.iter().filter(|p| p.as_bytes()[0] == b) {
            let end = i + phrase.len();
            if bytes[i..].starts_with(phrase.as_bytes()) && is_word_at(lower, i, end) {
                hits.push((i, end));
            }
        }
    }
    let is_word_char = |c: char| is_letter_or_digit(c) || c == '-';
    let mut start = None;
    for (i, c) in lower
        .char_indices()
        .chain(std::iter::once((lower.len(), ' ')))
    {
        match (start, is_word_char(c)) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                start = None;
                // A capitalised verb form after a capitalised word is part of a name ("the
                // United States"), not a cue.
                let capitalised = window[s..].starts_with(char::is_uppercase)
                    && window[..s]
                        .trim_end()
                        .rsplit(char::is_whitespace)
                        .next()
                        .is_some_and(|w| w.starts_with(char::is_uppercase));
                if !capitalised
                    && is_verb(&lower[s..i])
                    && !hits.iter().any(|(hs, he)| *hs <= s && s < *he)
                {
                    hits.push((s, i));
                }
            }
            _ => {}
        }
    }
    hits.sort_unstable();
    hits.into_iter()
        .map(|(s, e)| (s, e, window[s..e].to_string()))
        .collect()
}

fn is_word_at(s: &str, start: usize, end: usize) -> bool {
    let before = s[..start].chars().next_back();
    let after = s[end..].chars().next();
    !before.is_some_and(is_letter_or_digit) && !after.is_some_and(is_letter_or_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_found_where_they_stand_as_words() {
        // No phrase overlaps itself (a searcher would skip an overlapping second match; the
        // one pass would not).
        for phrase in PHRASES {
            let b = phrase.as_bytes();
            assert!((1..b.len()).all(|k| !b.starts_with(&b[k..])), "{phrase}");
        }
        let found = |w: &str| all(w).into_iter().map(|(_, _, c)| c).collect::<Vec<_>>();
        assert_eq!(
            found("He said in a statement, according to aides, as one put it"),
            [
                "said in a statement",
                "in a statement",
                "according to",
                "put it"
            ]
        );
        // Not inside other words, at either end; after a hyphen, yes.
        assert!(found("unaccording tourput it").is_empty());
        assert!(found("according tolls, they put items away").is_empty());
        assert_eq!(found("x-according to"), ["according to"]);
        assert_eq!(found("Told reporters"), ["Told reporters"]);
    }

    #[test]
    fn multibyte_separators() {
        assert_eq!(
            find("“Ja,” — sagte „er“ said « oui »", false).map(|c| c.2),
            Some("said".into())
        );
    }

    #[test]
    fn shouting_reports_speech() {
        for (window, cue) in [
            (", she yelled.", "yelled"),
            (" the crowd chanted", "chanted"),
            (", he exclaimed", "exclaimed"),
        ] {
            assert_eq!(find(window, false).map(|c| c.2).as_deref(), Some(cue));
        }
    }

    #[test]
    fn less_common_reporting_forms() {
        for (window, cue) in [
            (", she asserted.", "asserted"),
            (", the senator quipped", "quipped"),
            (" the mayor tweeting that", "tweeting"),
            (", he lamented", "lamented"),
            (", admitting that", "admitting"),
            (", instructed the site's supervisor", "instructed"),
            (", the minister retorted", "retorted"),
            (", she confided", "confided"),
        ] {
            assert_eq!(find(window, false).map(|c| c.2).as_deref(), Some(cue));
        }
    }

    #[test]
    fn nearest_cue_in_a_window() {
        assert_eq!(
            find(", the Serbian president said.", false).map(|c| c.2),
            Some("said".into())
        );
        assert_eq!(
            find("Vučić responded by saying ", true).map(|c| c.2),
            Some("responded by saying".into())
        );
        assert_eq!(
            find("According to the minister, ", true).map(|c| c.2),
            Some("According to".into())
        );
        assert_eq!(find("the sayings of", false), None);
        assert_eq!(
            find("the United States said", false).map(|c| c.2),
            Some("said".into())
        );
        assert_eq!(
            all(", she said, and he added that")
                .into_iter()
                .map(|c| c.2)
                .collect::<Vec<_>>(),
            ["said", "added"]
        );
    }
}
