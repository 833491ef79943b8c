//! Metadata helpers shared by the text and HTML paths: dates to ISO form, datelines, and
//! "Headline – Outlet" title suffixes.

use crate::text::month_number as month;
use regex::Regex;
use std::sync::OnceLock;

fn iso(y: u32, m: u32, d: u32) -> Option<String> {
    ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

fn date_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"(?i)\b(\d{4})-(\d{2})-(\d{2})|\b([a-z]{3,9}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b|\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9}\.?),?\s+(\d{4})\b|\b(\d{4})/(\d{2})/(\d{2})\b",
        )
        .expect("date pattern")
    })
}

/// The first date in `s` (ISO `2023-11-22`, `2023-11-22T10:00Z`, `November 22, 2023`,
/// `22 Nov 2023`, `2023/11/22`) as ISO `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<String> {
    for c in date_re().captures_iter(s) {
        let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let found = if c.get(1).is_some() {
            iso(n(1)?, n(2)?, n(3)?)
        } else if c.get(4).is_some() {
            month(c.get(4)?.as_str()).and_then(|m| iso(n(6)?, m, n(5)?))
        } else if c.get(7).is_some() {
            month(c.get(8)?.as_str()).and_then(|m| iso(n(9)?, m, n(7)?))
        } else {
            iso(n(10)?, n(11)?, n(12)?)
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// A dateline opening the first paragraph: `date 2023-11-22 (OUTLET)`, `CITY, Nov 22, 2023
/// (OUTLET) -`, `CITY (OUTLET) –`. Returns the byte length of the prefix, the date and the outlet.
pub fn dateline(line: &str) -> Option<(usize, Option<String>, String)> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        Regex::new(
            r"^\s*(?:(?i:date|dated|published|posted)\s*:?\s*)?((?:\d{4}-\d{2}-\d{2}(?:[T ][\d:]+Z?)?|[A-Za-z]{3,9}\.? \d{1,2},? \d{4}|\d{1,2} [A-Za-z]{3,9}\.? \d{4}|[^\W\d_][[^\W\d_] .'’-]{1,40}?,?(?: [A-Za-z]{3,9}\.? \d{1,2}(?:,? \d{4})?)?))\s*\(([^()]{2,40})\)\s*(?:[-–—:]+\s*)?",
        )
        .expect("dateline pattern")
    });
    // The bracketed outlet follows a label, a place and a date of at most ~75 characters
    // besides spaces: a line without an early "(" is no dateline, and skips the regex.
    let before = line.split_once('(').map(|(b, _)| b);
    if before.is_none_or(|b| b.chars().filter(|c| !c.is_whitespace()).count() > 100) {
        return None;
    }
    let c = r.captures(line)?;
    let head = c.get(1)?.as_str();
    // A place opens with a capital (the pattern's letters are any case: Unicode's category
    // tables would cost the download more than this check).
    let month = head
        .split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .and_then(crate::text::month_number);
    if month.is_none() && !head.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
        return None;
    }
    let outlet = c.get(2)?.as_str().trim();
    let whole = c.get(0)?;
    // The outlet must look like a name (a few words, capitalised), and text must follow.
    let outlet_ok = outlet.split_whitespace().count() <= 5
        && outlet.chars().next().is_some_and(|ch| ch.is_uppercase())
        && !outlet.chars().any(|ch| ch.is_ascii_digit());
    // A place-name head must be upper case (a wire dateline), or carry a date.
    let date = parse_date(head);
    let head_ok = date.is_some()
        || head
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase());
    (outlet_ok && head_ok && whole.end() < line.len())
        .then(|| (whole.end(), date, outlet.to_string()))
}

/// Splits `Headline – Outlet` / `Headline | Outlet` into the headline and the outlet when the
/// tail is short and capitalised. A one-word tail after a dash is as often the speaker of a
/// headline quote ("Taxes must fall - Smith"), so it counts only after `|`.
pub fn split_title_outlet(title: &str) -> (String, Option<String>) {
    for sep in [" | ", " – ", " — ", " - ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail = tail.trim();
            let tw = tail.split_whitespace().count();
            if (1..=4).contains(&tw)
                && (tw >= 2 || sep == " | " || sep == " :: ")
                && tail.len() <= 40
                && tail
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                && head.split_whitespace().count() >= 3
            {
                return (head.trim().to_string(), Some(tail.to_string()));
            }
        }
    }
    (title.trim().to_string(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("2023-11-22T08:00:00Z").as_deref(),
            Some("2023-11-22")
        );
        assert_eq!(
            parse_date("Posted November 5, 2021").as_deref(),
            Some("2021-11-05")
        );
        assert_eq!(parse_date("5th Nov. 2021").as_deref(), Some("2021-11-05"));
        assert_eq!(parse_date("the marshal 12, 2021"), None);
        assert_eq!(parse_date("2023-13-45"), None);
    }

    #[test]
    fn datelines() {
        let l = " date 2021-03-04 (EXAMPLEWIRE) The council met.";
        let (n, d, o) = dateline(l).unwrap();
        assert_eq!(&l[n..], "The council met.");
        assert_eq!(d.as_deref(), Some("2021-03-04"));
        assert_eq!(o, "EXAMPLEWIRE");
        let l = "LISBON, March 4, 2021 (Example News) - The council met.";
        let (n, d, o) = dateline(l).unwrap();
        assert_eq!(
            (&l[n..], d.as_deref(), o.as_str()),
            ("The council met.", Some("2021-03-04"), "Example News")
        );
        assert!(dateline("The mayor (who resigned) spoke.").is_none());
    }

    #[test]
    fn title_suffix() {
        let (t, o) = split_title_outlet("Harbour town rebuilds its pier – Coast Daily");
        assert_eq!(
            (t.as_str(), o.as_deref()),
            ("Harbour town rebuilds its pier", Some("Coast Daily"))
        );
        assert_eq!(split_title_outlet("Harbour town - live updates").1, None);
        assert_eq!(split_title_outlet("Taxes must be trusted - Smith").1, None);
        assert_eq!(
            split_title_outlet("Taxes must be trusted | Coastnews")
                .1
                .as_deref(),
            Some("Coastnews")
        );
    }
}
