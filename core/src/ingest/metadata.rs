//! Metadata helpers shared by the text and HTML paths: dates to ISO form, datelines, and
//! "Headline – Outlet" title suffixes.

use super::boilerplate::without_word_boundaries;
use crate::text::{is_letter, is_letter_or_digit};
use regex::Regex;
use std::sync::OnceLock;

/// Month names of the other languages news pages come in (German, French, Spanish, Italian,
/// Portuguese), folded (no accents), in month order. English ones are [`crate::text::month_number`]'s.
/// Kept apart from it: "Mars", "Julio" or "Mai" in English text are no months.
const FOREIGN_MONTHS: [&[&str]; 12] = [
    &["januar", "janner", "janvier", "enero", "gennaio", "janeiro"],
    &["februar", "fevrier", "febrero", "febbraio", "fevereiro"],
    &["marz", "maerz", "mars", "marzo", "marco"],
    &["avril", "abril", "aprile"],
    &["mai", "mayo", "maggio", "maio"],
    &["juni", "juin", "junio", "giugno", "junho"],
    &["juli", "juillet", "julio", "luglio", "julho"],
    &["aout", "agosto"],
    &[
        "septembre",
        "septiembre",
        "setiembre",
        "settembre",
        "setembro",
    ],
    &["oktober", "octobre", "octubre", "ottobre", "outubro"],
    &["novembre", "noviembre", "novembro"],
    &["dezember", "decembre", "diciembre", "dicembre", "dezembro"],
];

/// The month a word names in English or another European language: the full name or a prefix of
/// three letters or more that names one month only ("Okt.", "févr.", "März", "Jänner"), any case.
pub fn month(word: &str) -> Option<u32> {
    crate::text::month_number(word).or_else(|| {
        let w = crate::text::fold(word.trim_end_matches('.'));
        let names = |i: usize| FOREIGN_MONTHS[i].iter().any(|m| m.starts_with(&w));
        let i = (0..12).find(|&i| names(i))?;
        // A prefix two months share ("jui": juin, juillet) names neither.
        (w.chars().count() >= 3 && !(i + 1..12).any(names)).then_some(i as u32 + 1)
    })
}

fn iso(y: u32, m: u32, d: u32) -> Option<String> {
    ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The date pattern, and its form [`without_word_boundaries`], asked first.
fn date_re() -> &'static (Regex, Regex) {
    static R: OnceLock<(Regex, Regex)> = OnceLock::new();
    R.get_or_init(|| {
        let pattern = r"(?i)\b(\d{4})-(\d{2})-(\d{2})|\b([^\W\d_]{3,10}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b|\b(\d{1,2})(?:st|nd|rd|th|er|º|°)?\.?\s+(?:of\s+|de\s+)?([^\W\d_]{3,10}\.?),?\s+(?:de\s+|del\s+)?(\d{4})\b|\b(\d{4})/(\d{2})/(\d{2})\b|\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b";
        let compile = |p: &str| Regex::new(p).expect("date pattern");
        (compile(pattern), compile(&without_word_boundaries(pattern)))
    })
}

/// The first date in `s` (ISO `2023-11-22`, `2023-11-22T10:00Z`, `November 22, 2023`,
/// `22 Nov 2023`, `2023/11/22`, and the European `22. November 2023`, `22.11.2023`,
/// `1er mars 2023`, `22 de noviembre de 2023`) as ISO `YYYY-MM-DD`: the day as written, in the
/// page's own time zone (a time and offset after it are not applied).
pub fn parse_date(s: &str) -> Option<String> {
    let (written, loose) = date_re();
    if !loose.is_match(s) {
        return None;
    }
    for c in written.captures_iter(s) {
        let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let found = if c.get(1).is_some() {
            iso(n(1)?, n(2)?, n(3)?)
        } else if c.get(4).is_some() {
            month(c.get(4)?.as_str()).and_then(|m| iso(n(6)?, m, n(5)?))
        } else if c.get(7).is_some() {
            month(c.get(8)?.as_str()).and_then(|m| iso(n(9)?, m, n(7)?))
        } else if c.get(10).is_some() {
            iso(n(10)?, n(11)?, n(12)?)
        } else {
            iso(n(15)?, n(14)?, n(13)?)
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
    let opens_with_month = head
        .split(|c: char| !is_letter(c))
        .next()
        .and_then(month)
        .is_some();
    if !opens_with_month && !head.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
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
            .filter(|&c| is_letter(c))
            .all(|c| c.is_uppercase());
    (outlet_ok && head_ok && whole.end() < line.len())
        .then(|| (whole.end(), date, outlet.to_string()))
}

/// A site's address as a name ("tagesschau.de", "n-tv.de", "derstandard.at").
fn is_domain(s: &str) -> bool {
    s.rsplit_once('.').is_some_and(|(name, tld)| {
        !name.is_empty()
            && name
                .chars()
                .all(|c| is_letter_or_digit(c) || c == '-' || c == '.')
            && (2..=6).contains(&tld.len())
            && tld.chars().all(|c| c.is_ascii_alphabetic())
    })
}

/// Splits `Headline – Outlet` / `Headline | Outlet` into the headline and the outlet when the
/// tail is short and capitalised (any case after `|`, or a site address: "tagesschau.de"). A
/// one-word tail after a dash is as often the speaker of a headline quote ("Taxes must fall -
/// Smith"), so it counts only after `|`, or when it is a site address.
pub fn split_title_outlet(title: &str) -> (String, Option<String>) {
    for sep in [" | ", " – ", " — ", " - ", " :: ", " · "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let tail = tail.trim();
            let tw = tail.split_whitespace().count();
            if (1..=4).contains(&tw)
                && (tw >= 2 || sep == " | " || sep == " :: " || is_domain(tail))
                && tail.len() <= 40
                && (tail
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                    || sep == " | "
                    || is_domain(tail))
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
        // The day as written, whatever the offset.
        assert_eq!(
            parse_date("2013-03-05T23:30:00-05:00").as_deref(),
            Some("2013-03-05")
        );
    }

    #[test]
    fn european_dates() {
        for (s, want) in [
            ("23. November 2026", "2026-11-23"),
            ("Stand: 23.11.2026", "2026-11-23"),
            ("Montag, 23.11.2026, 14:05 Uhr", "2026-11-23"),
            ("Aktualisiert am 3. März 2025", "2025-03-03"),
            ("4. Jänner 2024", "2024-01-04"),
            ("7 Okt. 2022", "2022-10-07"),
            ("Publié le 1er mars 2023 à 10h", "2023-03-01"),
            ("le 12 févr. 2021", "2021-02-12"),
            ("23 de noviembre de 2026", "2026-11-23"),
            ("5 agosto 2019", "2019-08-05"),
        ] {
            assert_eq!(parse_date(s).as_deref(), Some(want), "{s}");
        }
        assert_eq!(parse_date("Version 1.2.3 und 45.67.8901"), None);
        assert_eq!(parse_date("Der Sonntag 23 war ruhig, 2026"), None);
        // The form without word boundaries finds a date here; the pattern as written does not.
        assert_eq!(parse_date("Größe 12 März 2023ä"), None);
        assert_eq!(parse_date("Größe 12 März 2023"), Some("2023-03-12".into()));
        // A name gives its month; a prefix its month or, when two months share it, none.
        for (i, names) in FOREIGN_MONTHS.iter().enumerate() {
            for m in *names {
                assert_eq!(month(m), Some(i as u32 + 1), "{m}");
                for k in 3..m.len() {
                    assert!(month(&m[..k]).is_none_or(|x| x == i as u32 + 1), "{m}");
                }
            }
        }
        assert_eq!(month("jui"), None);
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
        for (title, outlet) in [
            (
                "Stadtrat beschließt Sanierung der Hafenmole | küstenbote online",
                "küstenbote online",
            ),
            (
                "Stadtrat beschließt Sanierung der Hafenmole - kuestenbote.de",
                "kuestenbote.de",
            ),
        ] {
            let (t, o) = split_title_outlet(title);
            assert_eq!(
                (t.as_str(), o.as_deref()),
                ("Stadtrat beschließt Sanierung der Hafenmole", Some(outlet))
            );
        }
        assert_eq!(split_title_outlet("Taxes must be trusted - Smith").1, None);
        assert_eq!(
            split_title_outlet("Taxes must be trusted | Coastnews")
                .1
                .as_deref(),
            Some("Coastnews")
        );
    }
}
