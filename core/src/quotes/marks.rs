//! Finding quoted spans by their marks: “…”, „…“, «…», ‘…’ and straight quotes, within a
//! paragraph; a quote left open at the end of a paragraph ends there (the multi-paragraph
//! convention reopens the next paragraph with a mark of its own).

use crate::text::is_letter_or_digit;

/// A quoted span: `open..close` are the marks' positions, `start..end` the words inside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub open: usize,
    pub start: usize,
    pub end: usize,
    /// End of the closing mark, or `end` when the quote runs to the end of its paragraph.
    pub close: usize,
    pub closed: bool,
}

/// Longest quote we accept, in bytes: an unmatched mark must not swallow an article.
const MAX_QUOTE: usize = 3000;

fn closer_for(open: char) -> &'static [char] {
    match open {
        '“' => &['”', '“'],
        '„' => &['“', '”'],
        '«' => &['»'],
        '»' => &['«'],
        '‘' => &['’'],
        '‚' => &['‘', '’'],
        '"' => &['"'],
        _ => &[],
    }
}

/// A mark of the other style that may close a quote when its own closer never comes: writers
/// (and copy editors) mix “…" and "…”.
fn mixed_closer(open: char) -> Option<char> {
    match open {
        '“' => Some('"'),
        '"' => Some('”'),
        _ => None,
    }
}

fn is_opening(c: char) -> bool {
    matches!(c, '“' | '„' | '«' | '‘' | '‚' | '"')
}

/// Finds the quoted spans of `text`, in order, not overlapping.
pub fn find(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut para_start = 0;
    for para in text.split('\n') {
        let end = para_start + para.len();
        // Whether the next paragraph with words opens with a straight quote.
        let reopened = text[end..].trim_start().starts_with('"');
        find_in_paragraph(text, para_start, para, reopened, &mut out);
        para_start = end + 1;
    }
    out
}

fn find_in_paragraph(text: &str, base: usize, para: &str, reopened: bool, out: &mut Vec<Span>) {
    // Most paragraphs quote no one: they need no list of their characters.
    if !para.contains(is_opening) {
        return;
    }
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if !is_opening(c) || !opens_here(&chars, i) {
            i += 1;
            continue;
        }
        let closers = closer_for(c);
        let mut j = i + 1;
        let mut found = None;
        let mut mixed = None;
        let mut first_other = None;
        while j < chars.len() && chars[j].0 - pos <= MAX_QUOTE {
            let (_, d) = chars[j];
            if closers.contains(&d) && closes_here(&chars, j, d) {
                found = Some(j);
                break;
            }
            // The first mark of the other style, if it has the shape of a closer (not the
            // opening of a quote nested inside this one), is remembered.
            if first_other.is_none() && (Some(d) == mixed_closer(c) || is_opening(d) && d != c) {
                first_other = Some(j);
                if Some(d) == mixed_closer(c) && closes_here(&chars, j, d) && !opens_here(&chars, j)
                {
                    mixed = Some(j);
                }
            }
            // A new opening of the same kind before any close: the first was never closed.
            if d == c && c != '"' && opens_here(&chars, j) && d != '„' {
                break;
            }
            j += 1;
        }
        let start = base + pos + c.len_utf8();
        match mixed.or(found) {
            Some(j) => {
                let end = base + chars[j].0;
                let close = end + chars[j].1.len_utf8();
                if text[start..end].trim().chars().any(is_letter_or_digit) {
                    out.push(trimmed(
                        text,
                        Span {
                            open: base + pos,
                            start,
                            end,
                            close,
                            closed: true,
                        },
                    ));
                }
                i = j + 1;
            }
            None => {
                // Unclosed: the quote runs to the end of the paragraph (or of the window) only for
                // typographic and guillemet marks, and for a straight quote when the next
                // paragraph opens with one (a quote going on over paragraphs); a stray
                // straight quote or apostrophe is nothing.
                if matches!(c, '“' | '„' | '«') || c == '"' && reopened {
                    let end_rel = chars.get(j).map_or(para.len(), |x| x.0).min(para.len());
                    let end = base + end_rel;
                    if end > start && text[start..end].split_whitespace().count() >= 3 {
                        out.push(trimmed(
                            text,
                            Span {
                                open: base + pos,
                                start,
                                end,
                                close: end,
                                closed: false,
                            },
                        ));
                        return;
                    }
                }
                i += 1;
            }
        }
    }
}

/// An opening mark starts a quote when a word (or a bracket or ellipsis) follows it and, for
/// straight and single quotes, it does not sit inside a word (an apostrophe).
fn opens_here(chars: &[(usize, char)], i: usize) -> bool {
    let c = chars[i].1;
    let next = chars.get(i + 1).map(|x| x.1);
    let prev = i.checked_sub(1).map(|p| chars[p].1);
    let next_ok = next.is_some_and(|n| {
        is_letter_or_digit(n) || matches!(n, '[' | '(' | '…' | '.' | '\'' | '‘' | '$' | '€')
    });
    match c {
        '"' | '‘' | '‚' => next_ok && !prev.is_some_and(is_letter_or_digit),
        _ => next_ok || next == Some(' ') && c == '«',
    }
}

/// A closing mark ends a quote unless it is an apostrophe inside a word (don’t, Serbia’s).
fn closes_here(chars: &[(usize, char)], j: usize, d: char) -> bool {
    if d == '’' || d == '"' {
        let next = chars.get(j + 1).map(|x| x.1);
        return !next.is_some_and(is_letter_or_digit);
    }
    true
}

/// Leading and trailing white space is not part of the quote.
fn trimmed(text: &str, mut s: Span) -> Span {
    let inner = &text[s.start..s.end];
    s.start += inner.len() - inner.trim_start().len();
    s.end = s.start + inner.trim().len();
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<&str> {
        find(text)
            .into_iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn typographic_straight_and_guillemets() {
        assert_eq!(
            quotes("He said “we are ready,” and then: \"no more.\" Elle a dit « oui ». Er sagte „ja, gut“."),
            ["we are ready,", "no more.", "oui", "ja, gut"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            quotes("Serbia’s view: ‘we don’t agree’ with NATO’s plan."),
            ["we don’t agree"]
        );
    }

    #[test]
    fn unclosed_quote_ends_with_its_paragraph() {
        let t = "She said “this runs on to the end of the paragraph.\n“And this one is closed.”";
        assert_eq!(
            quotes(t),
            [
                "this runs on to the end of the paragraph.",
                "And this one is closed."
            ]
        );
        assert!(!find(t)[0].closed);
    }

    #[test]
    fn a_straight_quote_runs_on_when_the_next_paragraph_reopens_it() {
        let t = "He said: \"We met the board today.\n\n\"We will meet it again,\" he added. A \"stray mark.\nNo quote opens here.";
        assert_eq!(
            quotes(t),
            ["We met the board today.", "We will meet it again,",]
        );
        assert!(!find(t)[0].closed);
    }

    #[test]
    fn mixed_marks_pair_when_the_own_closer_never_comes() {
        assert_eq!(
            quotes("He said “we are ready,\" and left. She said \"not yet,” and stayed."),
            ["we are ready,", "not yet,"]
        );
        assert_eq!(
            quotes("“He called it \"fake\" news,” she said."),
            ["He called it \"fake\" news,"]
        );
    }

    #[test]
    fn a_stray_mark_does_not_swallow_the_text() {
        let t = format!(
            "A stray “ mark here. {}",
            "Plain text goes on. ".repeat(300)
        );
        assert!(find(&t).iter().all(|s| s.end - s.start <= MAX_QUOTE));
    }
}
