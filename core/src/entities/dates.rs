//! Dates and times: explicit dates, months, years, weekdays and relative expressions, with an
//! ISO value where the text and the article's own date allow.

use crate::text::{is_letter, is_letter_or_digit};
use crate::text::{month_number, WEEKDAYS};
use regex_automata::meta;
use std::sync::OnceLock;

/// Whether a date expression names no day, month or year ("now", "recently", "the future", "the
/// coming period"): a time expression all the same, but too vague to list beside the others.
pub fn is_vague(name: &str) -> bool {
    !name.split(|c: char| !is_letter_or_digit(c)).any(|w| {
        w.chars().any(|c| c.is_ascii_digit())
            || month_number(w).is_some()
            || WEEKDAYS.contains(&w.to_lowercase().as_str())
    })
}

/// The date patterns ([`patterns`]) searched for together, and the kind of date each finds. A
/// match says which matched (its pattern's number) with no capture groups: as one alternation
/// with a group per kind, every date also took a backtracking search to fill the groups in (~9 %
/// of the recognition in wasm).
struct Dates {
    regex: meta::Regex,
    kinds: [&'static str; KINDS],
}

/// How many kinds of date there are.
const KINDS: usize = 17;

fn dates() -> &'static Dates {
    static DATES: OnceLock<Dates> = OnceLock::new();
    DATES.get_or_init(|| {
        let all = patterns();
        let regex = meta::Regex::new_many(&all.each_ref().map(|(_, p)| p.as_str()))
            .expect("the date patterns compile");
        Dates {
            regex,
            kinds: all.map(|(kind, _)| kind),
        }
    })
}

/// Each kind of date with its pattern, in order of preference: where two match at the same
/// place, the first listed wins, as in an alternation. A "year" match ("in 2008", "since
/// 2008s") is the year alone: its four digits.
fn patterns() -> [(&'static str, String); KINDS] {
    let month_full = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)";
    let month = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)";
    let day = r"(?:[0-3]?\d)(?:st|nd|rd|th)?";
    let weekday = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
    let year = r"(?:19|20)\d\d";
    let count = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|a\s+few|a\s+couple\s+of|\d{1,3})";
    let unit = r"(?:day|week|month|year|decade|quarter|century)s?";
    let season = r"(?:spring|summer|fall|autumn|winter)";
    let ordinal = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)";
    let span_word = r"(?:quarter|period|year|month|week|weekend|day|decade|season|half)";
    let qualifier = r"(?:latest|current|same|year-earlier|year-ago|previous|prior|recent|comparable|fiscal|full|past|last|next|coming|first|second|third|fourth|final|early|late|{ordinal}[-\s]quarter)";
    let qualifier = qualifier.replace("{ordinal}", ordinal);
    let patterns = [
        ("iso", format!(r"\b{year}-[01]\d-[0-3]\d\b")),
        ("dmy", format!(r"\b{day}\s+(?:of\s+)?{month}(?:,?\s+{year})?\b")),
        ("mdy", format!(r"\b{month}\s+{day}(?:,?\s+{year})?\b")),
        ("my", format!(r"\b{month}\s+{year}\b")),
        ("fy", format!(r"\b(?i:fiscal)\s+{year}\b")),
        ("edge", format!(r"\b(?i:the\s+(?:end|beginning|start|middle|rest|first\s+half|second\s+half)\s+of\s+(?:the\s+|this\s+|last\s+|next\s+)?)(?:(?i:year|month|week|quarter|decade|century)|{month_full}|{year})\b")),
        ("qtr", format!(r"\b(?i:(?:the\s+|this\s+|last\s+|next\s+)?(?:(?:this|last|next)\s+year's\s+)?(?:fiscal\s+)?(?:{ordinal})[-\s]quarter)(?:\s+of\s+{year})?\b")),
        ("period", format!(r"\b(?i:the|this|that|its)\s+(?:(?i:{qualifier})\s+)+(?i:{span_word})\b")),
        ("past", r"\b(?i:the\s+(?:past|last|next|coming|previous)\s+(?:day|week|month|year|decade|quarter|century))\b".to_string()),
        ("ago", format!(r"\b(?i:{count}\s+{unit}\s+(?:ago|earlier|later|from\s+now))\b")),
        ("wd", format!(r"\b(?:(?i:last|next|this|on|early|late)\s+)?{weekday}(?:\s+(?i:morning|afternoon|evening|night))?\b")),
        ("rel", format!(r"\b(?i:yesterday|today|tomorrow|tonight|now|currently|recently|the\s+(?:future|past|weekend)|recent\s+(?:years|months|weeks|days)|(?:early|late|mid-?)\s*(?:this|next|last)\s+(?:week|month|year)|(?:earlier|later)\s+this\s+(?:week|month|year|quarter)|(?:last|next|this|past|coming)\s+(?:week|month|year|quarter|weekend|decade|century|{season})|(?:this|last|next)\s+{month_full}|the\s+quarter|year-earlier|year-ago|year-end|{season}\s+(?:of\s+)?{year})\b")),
        ("holiday", r"\b(?:(?:Thanksgiving|Christmas|Easter|New\s+Year's|Memorial|Labor|Independence|Election)\s+(?:Day|Eve)|Thanksgiving|Christmas|Easter)\b".to_string()),
        ("decade", r"\b(?i:the\s+)?(?:19|20)\d0s\b|(?i:the\s+)'\d0s\b".to_string()),
        ("m", format!(r"\b(?:(?i:early|late|mid-?)\s*)?{month_full}(?:\s+(?i:this|last|next)\s+year)?\b")),
        ("year", format!(r"\b(?i:in|since|by|until|during|from|of|before|after)\s+{year}s?\b")),
        ("yearonly", format!(r"\b{year}\b")),
    ];
    // ASCII word boundaries: every word here is ASCII, and Unicode ones would push the regex
    // engine off its fast automaton on any non-ASCII text. ASCII digits: what reads a date's
    // numbers reads those (a year of other digits, "in 20২৩x", was cut inside a character),
    // and Unicode's digits made the automaton's states slower to build.
    patterns.map(|(kind, p)| {
        let ascii = p.replace(r"\b", r"(?-u:\b)").replace(r"\d", "[0-9]");
        (kind, ascii)
    })
}

/// Words before a bare "May" or "March" that make it the month, not the verb or a name.
const MONTH_CUES: &[&str] = &[
    "in", "since", "by", "until", "of", "during", "from", "early", "late", "mid", "last", "next",
    "this", "before", "after", "through", "to", "and", "or", "between", "on", "till",
];

/// Checks what the pattern cannot: a bare "May"/"March" needs a cue word before it, and a bare
/// year must not be money, a share or part of a longer number.
fn plausible(text: &str, name: &str, start: usize, end: usize) -> bool {
    let bare_month = name == "m" && matches!(&text[start..end], "May" | "March");
    if !bare_month && name != "yearonly" {
        return true;
    }
    let before = text[..start].trim_end();
    let prev_word = before
        .rsplit(|c: char| !is_letter_or_digit(c))
        .next()
        .unwrap_or("")
        .to_lowercase();
    if bare_month {
        return MONTH_CUES.contains(&prev_word.as_str());
    }
    let after = &text[end..];
    !(before.ends_with(['$', '€', '£', '#', '№'])
        || text[..start].ends_with(['.', ',', '-', '/', ':'])
        || after.starts_with(['%', '.', ',', ':', '/', '-'])
            && after[1..].starts_with(|c: char| c.is_ascii_digit())
        || after.trim_start().starts_with(['%'])
        || prev_word == "no"
        || prev_word == "number"
        || counts_things(&prev_word, after)
        || clock_time(after))
}

/// "1945 GMT": four digits before a time zone are a time of day.
fn clock_time(after: &str) -> bool {
    const ZONES: [&str; 11] = [
        "GMT", "BST", "UTC", "CET", "CEST", "EST", "EDT", "PST", "PDT", "ET", "hrs",
    ];
    let next = after.trim_start();
    let word = &next[..next
        .find(|c: char| !is_letter_or_digit(c))
        .unwrap_or(next.len())];
    ZONES.contains(&word)
}

/// "for 2020 shares": a number before a plural noun counts things, unless a determiner makes it
/// a year ("the 2020 elections").
fn counts_things(prev_word: &str, after: &str) -> bool {
    let next: String = after
        .trim_start()
        .chars()
        .take_while(|&c| is_letter(c))
        .collect();
    let plural = next.len() > 3
        && next.ends_with('s')
        && !next.ends_with("ss")
        && next.chars().all(|c| c.is_lowercase());
    plural
        && !matches!(
            prev_word,
            "the" | "its" | "their" | "his" | "her" | "this" | "s"
        )
}

/// A date found in text: byte span and ISO value when known.
pub struct DateMatch {
    pub start: usize,
    pub end: usize,
    pub value: Option<String>,
}

fn parse_published(published: Option<&str>) -> Option<(i32, u32, u32)> {
    let p = published?;
    let y = p.get(0..4)?.parse().ok()?;
    let m = p.get(5..7)?.parse().ok()?;
    let d = p.get(8..10)?.parse().ok()?;
    Some((y, m, d))
}

/// Days from 1970-01-01 (proleptic Gregorian), for weekday arithmetic.
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y } as i64;
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i64) -> (i32, u32, u32) {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((if m <= 2 { y + 1 } else { y }) as i32, m, d)
}

fn iso(y: i32, m: u32, d: u32) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

fn numbers(s: &str) -> Vec<u32> {
    s.split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect()
}

/// The year a month-and-day without a year most likely falls in: the article's year, or the
/// year before when that puts it in the future of the article by more than a month.
fn infer_year(month: u32, published: Option<(i32, u32, u32)>) -> Option<i32> {
    let (py, pm, _) = published?;
    Some(if month > pm + 1 { py - 1 } else { py })
}

/// The paragraphs of `text` (blank lines between them), each with where it starts: no date runs
/// from one into the next ("Tuesday, 1 March" above a line "2000 GMT" is not 1 March 2000).
fn paragraphs(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let (mut start, mut at) = (0, 0);
    for line in text.split('\n') {
        let end = at + line.len();
        if line.trim().is_empty() {
            if at > start {
                out.push((start, &text[start..at]));
            }
            start = (end + 1).min(text.len());
        }
        at = end + 1;
    }
    if start < text.len() {
        out.push((start, &text[start..]));
    }
    out
}

pub fn find(text: &str, published: Option<&str>) -> Vec<DateMatch> {
    let anchor = parse_published(published);
    let mut out = Vec::new();
    let dates = dates();
    let found = paragraphs(text).into_iter().flat_map(|(at, paragraph)| {
        let matches = dates.regex.find_iter(paragraph);
        matches.map(move |m| (m.pattern().as_usize(), at + m.start(), at + m.end()))
    });
    for (pattern, start, end) in found {
        let name = dates.kinds[pattern];
        let (start, end) = match name {
            "year" => {
                let digits = text[start..end].find(|c: char| c.is_ascii_digit());
                let start = start + digits.unwrap_or(0);
                (start, start + 4)
            }
            _ => (start, end),
        };
        let s = &text[start..end];
        if !plausible(text, name, start, end) {
            continue;
        }
        let words: Vec<&str> = s.split_whitespace().collect();
        let month = words
            .iter()
            .find_map(|w| month_number(w.trim_end_matches(',')));
        let nums = numbers(s);
        let year = nums.iter().copied().find(|n| *n >= 1900);
        let day = nums.iter().copied().find(|n| (1..=31).contains(n));
        let value = match name {
            "iso" => Some(s.to_string()),
            "dmy" | "mdy" => match (month, day) {
                (Some(mo), Some(d)) => year
                    .map(|y| y as i32)
                    .or_else(|| infer_year(mo, anchor))
                    .map(|y| iso(y, mo, d)),
                _ => None,
            },
            "my" => month.zip(year).map(|(mo, y)| format!("{y:04}-{mo:02}")),
            "m" => {
                let lower = s.to_lowercase();
                let shift = [("last year", -1), ("next year", 1), ("this year", 0)]
                    .into_iter()
                    .find(|(words, _)| lower.ends_with(words))
                    .map(|(_, k)| k);
                let y = match (shift, anchor) {
                    (Some(k), Some((py, _, _))) => Some(py + k),
                    _ => month.and_then(|mo| infer_year(mo, anchor)),
                };
                month.zip(y).map(|(mo, y)| format!("{y:04}-{mo:02}"))
            }
            "year" | "yearonly" | "fy" => year.map(|y| format!("{y:04}")),
            "wd" => {
                let lower = s.to_lowercase();
                let wd = WEEKDAYS.iter().position(|w| lower.contains(w));
                match (wd, anchor) {
                    (Some(wd), Some((y, mo, d))) => {
                        let base = days_from_civil(y, mo, d);
                        // 1970-01-01 was a Thursday (index 3 with Monday = 0).
                        let base_wd = (base + 3).rem_euclid(7);
                        let next = lower.starts_with("next");
                        let delta = if next {
                            (wd as i64 - base_wd).rem_euclid(7).max(1)
                        } else {
                            -((base_wd - wd as i64).rem_euclid(7))
                        };
                        let (y, mo, d) = civil_from_days(base + delta);
                        Some(iso(y, mo, d))
                    }
                    _ => None,
                }
            }
            "rel" => {
                let lower = s.to_lowercase();
                let offset = match lower.as_str() {
                    "today" | "tonight" => Some(0),
                    "yesterday" => Some(-1),
                    "tomorrow" => Some(1),
                    _ => None,
                };
                match (offset, anchor) {
                    (Some(o), Some((y, mo, d))) => {
                        let (y, mo, d) = civil_from_days(days_from_civil(y, mo, d) + o);
                        Some(iso(y, mo, d))
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        // Leading prepositions are context, not part of the date.
        let mut start = start;
        for prefix in ["on ", "On "] {
            if text[start..end].starts_with(prefix) {
                start += prefix.len();
            }
        }
        out.push(DateMatch { start, end, value });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, published: Option<&str>) -> Vec<(String, Option<String>)> {
        find(text, published)
            .into_iter()
            .map(|d| (text[d.start..d.end].to_string(), d.value))
            .collect()
    }

    #[test]
    fn explicit_and_relative_dates() {
        let got = values(
            "On June 6, diplomats met. On 6th June 2023 again. He spoke on Tuesday and in May. Since 2008 it is so; 2023-11-22.",
            Some("2023-11-22"),
        );
        let expect = [
            ("June 6", Some("2023-06-06")),
            ("6th June 2023", Some("2023-06-06")),
            ("Tuesday", Some("2023-11-21")),
            ("May", Some("2023-05")),
            ("2008", Some("2008")),
            ("2023-11-22", Some("2023-11-22")),
        ];
        let got: Vec<(&str, Option<&str>)> = got
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_deref()))
            .collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn quarters_periods_and_relative_expressions() {
        let text = "Sales rose in the third quarter of 1989 from a year ago and will grow early next year. \
                    Last week the firm said it expects a deal by Jan. 14 or in late November; the 1990 \
                    invasion is now history. It paid $2019 for 2020 shares. May we go? In May it rained.";
        let got: Vec<String> = values(text, Some("2023-11-22"))
            .into_iter()
            .map(|(s, _)| s)
            .collect();
        let expect = [
            "the third quarter of 1989",
            "a year ago",
            "early next year",
            "Last week",
            "Jan. 14",
            "late November",
            "1990",
            "now",
            "May",
        ];
        assert_eq!(got, expect);
        let late = values("in March last year", Some("2023-11-22"));
        assert_eq!(late[0].1.as_deref(), Some("2022-03"));
    }

    #[test]
    fn a_date_stays_in_its_paragraph_and_a_time_is_no_year() {
        // A match preview: the day, then the kick-off time on a line of its own.
        let text =
            "Harbour Park\n\nTuesday, 1 March\n\n1945 GMT\n\nThe home side won 3-1 in 1998.\n";
        let got = values(text, Some("2005-02-28"));
        let got: Vec<(&str, Option<&str>)> = got
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("Tuesday", Some("2005-02-22")),
                ("1 March", Some("2005-03-01")),
                ("1998", Some("1998"))
            ]
        );
        // One line break is a wrapped line, not a paragraph: the date goes on.
        assert_eq!(
            values("It opens on 1\nMarch 2006.", None)[0].0,
            "1\nMarch 2006"
        );
        assert_eq!(paragraphs("a\n \n\nb\nc\n\n"), [(0, "a\n"), (5, "b\nc\n")]);
    }

    #[test]
    fn vague_dates_name_no_day_month_or_year() {
        for vague in [
            "now",
            "recently",
            "the future",
            "The coming period",
            "recent years",
        ] {
            assert!(is_vague(vague), "{vague}");
        }
        for dated in [
            "Friday",
            "June 6",
            "6th June",
            "2022",
            "Wednesday evening",
            "mid-May",
            "the 1990s",
        ] {
            assert!(!is_vague(dated), "{dated}");
        }
    }

    #[test]
    fn digits_of_other_scripts_make_no_date() {
        // Bengali and Arabic-Indic digits where a year, a day or a decade would be: the year of
        // "in 20২৩x" was taken as its first four bytes, inside "২".
        let text = "It began in 20২৩x and in 19٩٠s, on ٣ March, in 2০২৩ and in the 19৯০s.";
        let got = values(text, None);
        assert!(
            got.iter().all(|(s, _)| s == "March"),
            "only the bare month: {got:?}"
        );
    }

    #[test]
    fn weekday_arithmetic() {
        // 2024-03-14 was a Thursday.
        assert_eq!(
            values("on Monday evening", Some("2024-03-14"))[0]
                .1
                .as_deref(),
            Some("2024-03-11")
        );
        assert_eq!(
            values("on Thursday", Some("2024-03-14"))[0].1.as_deref(),
            Some("2024-03-14")
        );
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 29)), (2024, 2, 29));
    }
}
