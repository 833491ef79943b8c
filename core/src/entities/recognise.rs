//! Finding mentions in one document: dates, quantities, names (people, organisations, places,
//! groups), acronyms defined in parentheses, and role phrases ("the Serbian president") that
//! resolution later ties to a person.

use super::gazetteer::{self, Gazetteer, NAME_CONNECTORS};
use super::tagger::name_end;
use super::{dates, tagger, Kind, Mention};
use crate::compare::is_stopword;
use crate::text::{fold, Token};
use crate::text::{is_letter, is_letter_or_digit};
use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// Role nouns that, after "the" and optional qualifiers, refer back to a person. A role comes
/// before any other that starts it ("chief executive" before "chief"): the pattern takes the
/// first that matches.
const ROLE_NOUNS: &[&str] = &[
    "president",
    "prime minister",
    "premier",
    "secretary-general",
    "secretary general",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "head of state",
    "chancellor",
    "minister",
    "foreign minister",
    "chief executive",
    "chief",
    "mayor",
    "governor",
    "ambassador",
    "envoy",
    "chairman",
    "chair",
    "commander in chief",
    "commander-in-chief",
    "commander",
    "king",
    "queen",
    "union leader",
    "first minister",
];

/// Words that make a role another one: "the prime minister" is not the deputy prime minister,
/// "the minister" not the prime minister, "the chancellor" not the shadow chancellor.
pub(super) const RANKS: [&str; 7] = [
    "deputy",
    "vice",
    "shadow",
    "assistant",
    "junior",
    "prime",
    "first",
];

/// Words in small letters that may stand between "the" and a role noun: "the former prime
/// minister", "the shadow chancellor", "the company's finance chief". Any other word in small
/// letters ends the phrase: "the election the prime minister" and "the job of chief" name no
/// one (capitalised words and possessives qualify too: "the Serbian president", "the bloc's").
pub(super) const ROLE_QUALIFIERS: &[&str] = &[
    "former",
    "deputy",
    "shadow",
    "acting",
    "new",
    "then",
    "outgoing",
    "incoming",
    "current",
    "interim",
    "late",
    "vice",
    "senior",
    "party",
    "opposition",
    "foreign",
    "finance",
    "interior",
    "defence",
    "defense",
    "health",
    "home",
    "justice",
    "sport",
    "sports",
    "trade",
    "economy",
    "economic",
    "education",
    "environment",
    "culture",
    "transport",
    "energy",
    "agriculture",
    "labour",
    "work",
    "pensions",
    "courts",
    "planning",
    "communications",
    "police",
    "army",
    "military",
    "local",
    "regional",
    "state",
    "federal",
    "national",
    "club",
    "team",
    "executive",
    "and",
];

pub fn recognise(text: &str, published: Option<&str>) -> Vec<Mention> {
    let g = gazetteer::get();
    let mut out: Vec<Mention> = Vec::new();
    for d in dates::find(text, published) {
        out.push(Mention::new(d.start, d.end, Kind::Date, d.value));
    }
    quantities(text, &mut out);
    // Spans already taken, start → end; they never overlap, so the nearest one starting before
    // a new span's end is the only one that can collide with it.
    let mut taken: BTreeMap<usize, usize> = out.iter().map(|m| (m.start, m.end)).collect();
    let mut admit = |m: Mention, out: &mut Vec<Mention>| {
        let collides = taken
            .range(..m.end)
            .next_back()
            .is_some_and(|(_, &end)| end > m.start);
        if !collides {
            taken.insert(m.start, m.end);
            out.push(m);
        }
    };
    for m in role_phrases(text) {
        admit(m, &mut out);
    }
    let mut names = Vec::new();
    self::names(text, g, &mut names);
    for m in names {
        admit(m, &mut out);
    }
    let credits = photo_credits(text);
    if !credits.is_empty() {
        out.retain(|m| {
            matches!(m.kind, Kind::Date | Kind::Quantity)
                || !credits.iter().any(|c| c.start <= m.start && m.end <= c.end)
        });
    }
    // (Unstable: spans never overlap.)
    out.sort_unstable_by_key(|m| (m.start, m.end));
    out
}

/// Photo credits in a caption: "(Thomas Coex/AFP/Getty Images)", names joined by slashes in
/// parentheses, each of four capitalised words at most ("(Israel/Lebanon border)" is none).
/// The photographer and the agencies are no one the story names.
fn photo_credits(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    for (slash, _) in text.match_indices('/') {
        // Within 100 bytes of the slash: a text of many slashes is searched in linear time.
        let from = crate::text::floor_boundary(text, slash.saturating_sub(100));
        let to = crate::text::floor_boundary(text, (slash + 100).min(text.len()));
        let (Some(open), Some(close)) = (text[from..slash].rfind('('), text[slash..to].find(')'))
        else {
            continue;
        };
        let inside = from + open + 1..slash + close;
        let content = &text[inside.clone()];
        let credit = content.len() <= 100
            && !content.contains(['(', '\n'])
            && content.split('/').all(|part| {
                let words = part.split(' ');
                words.clone().count() <= 4
                    && words
                        .clone()
                        .all(|w| w.starts_with(|c: char| c.is_uppercase()))
            });
        if credit && out.last() != Some(&inside) {
            out.push(inside);
        }
    }
    out
}

fn quantity_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?x)
            (?-u:\b)(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)
            (?:\s*(?P<pct>%|percent(?-u:\b)|per\ cent(?-u:\b))|-(?P<hyph>[a-z]+)(?-u:\b)|\s+(?P<mult>million|billion|trillion|thousand|hundred)(?-u:\b))?",
        )
        .expect("the quantity pattern compiles")
    })
}

/// Words that end a quantity's unit: the unit is the noun phrase right after the number.
const UNIT_STOP: &[&str] = &[
    "the", "a", "an", "and", "or", "of", "to", "in", "on", "at", "for", "from", "by", "with",
    "that", "which", "who", "was", "were", "is", "are", "be", "been", "has", "have", "had", "will",
    "would", "after", "before", "since", "as", "than", "into", "over", "per", "its", "their",
    "his", "her", "it", "they", "he", "she",
];

/// The noun after a quantity, its unit: up to two words in small letters after `end`, up to
/// a [`UNIT_STOP`] ("30 masked men fired"). Adds them to `unit`; returns where they end.
fn unit_words(text: &str, mut end: usize, unit: &mut String) -> usize {
    for _ in 0..2 {
        let rest = &text[end..];
        let word_start = rest.len() - rest.trim_start().len();
        if word_start == 0 {
            break;
        }
        let word = &rest[word_start..];
        let len = word
            .find(|c: char| !(c.is_ascii_lowercase() || c == '-'))
            .unwrap_or(word.len());
        let word = &word[..len];
        let whole = !text[end + word_start + len..].starts_with(char::is_alphanumeric);
        if !word.starts_with(|c: char| c.is_ascii_lowercase())
            || !whole
            || UNIT_STOP.contains(&word)
        {
            break;
        }
        if !unit.is_empty() {
            unit.push(' ');
        }
        unit.push_str(word);
        end += word_start + len;
    }
    end
}

/// Numbers with their unit: "1,000 troops", "3% turnout", "78-day", "30 masked men", "$5 million".
fn quantities(text: &str, out: &mut Vec<Mention>) {
    let dates: Vec<(usize, usize)> = out
        .iter()
        .filter(|m| m.kind == Kind::Date)
        .map(|m| (m.start, m.end))
        .collect();
    for caps in quantity_regex().captures_iter(text) {
        let Some(num) = caps.name("num") else {
            continue;
        };
        let start = num.start();
        // Part of a word, a date, an id or a version number: not a quantity.
        let before = text[..start].chars().next_back();
        if before.is_some_and(|c| is_letter_or_digit(c) || matches!(c, '-' | '.' | '/' | ':')) {
            continue;
        }
        // Inside a date? Dates come sorted and apart, so look at the last one starting before.
        let k = dates.partition_point(|d| d.0 <= start);
        if k > 0 && start < dates[k - 1].1 {
            continue;
        }
        // "12:00", "2:1": a time or a score.
        let after = &text[num.end()..];
        if after.starts_with(':') && after[1..].starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let currency = text[..start].ends_with(['$', '€', '£']);
        let digits: String = num.as_str().chars().filter(|c| *c != ',').collect();
        let is_year = digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
        let mut end = num.end();
        let mut unit = String::new();
        // A unit written onto the number ("£5m", "50GB", "100m"); an ordinal ("10th"), a
        // decade ("1980s") or a model ("3G") is no quantity.
        let glued = after.len()
            - after
                .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                .len();
        if glued > 0 {
            if after[glued..].starts_with(|c: char| c.is_alphanumeric()) {
                continue;
            }
            let suffix = after[..glued].to_ascii_lowercase();
            let word = match suffix.as_str() {
                // "£5m" is five million; "10.9m viewers" too, but a "200m title" is in metres.
                "m" if currency => "million",
                "bn" => "billion",
                "tn" => "trillion",
                "k" => "thousand",
                "p" => "pence",
                "m" | "gb" | "mb" | "tb" | "kb" | "kg" | "km" | "cm" | "mm" | "ml" | "mph"
                | "ft" | "lb" | "lbs" | "yd" | "yds" | "ghz" | "mhz" | "kw" | "mw" | "gw"
                | "kwh" | "mbps" | "kbps" | "gbps" | "cc" | "bhp" | "mpg" | "sec" | "secs"
                | "min" | "mins" | "hrs" => suffix.as_str(),
                _ => continue,
            };
            unit.push_str(word);
            end += glued;
        } else if let Some(p) = caps.name("pct") {
            end = p.end();
            unit.push('%');
        } else if let Some(h) = caps.name("hyph") {
            end = h.end();
            unit.push_str(h.as_str());
        } else if let Some(m) = caps.name("mult") {
            end = m.end();
            unit.push_str(m.as_str());
        }
        if caps.name("hyph").is_none() {
            end = unit_words(text, end, &mut unit);
        }
        if is_year && unit.is_empty() {
            continue; // a bare year is a date, found by the date finder when in context
        }
        if unit.is_empty() && digits.len() < 2 {
            continue; // a lone digit says too little to compare
        }
        let start = if currency {
            start - text[..start].chars().next_back().map_or(0, char::len_utf8)
        } else {
            start
        };
        let value = format!(
            "{}{}{}",
            &text[start..num.start()],
            digits,
            if unit.is_empty() {
                String::new()
            } else {
                format!(" {unit}")
            }
        );
        out.push(Mention::new(
            start,
            end,
            Kind::Quantity,
            Some(value.replace(" %", "%")),
        ));
    }
}

fn role_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let roles = ROLE_NOUNS
            .iter()
            .map(|r| regex::escape(r))
            .collect::<Vec<_>>()
            .join("|");
        let qualifiers = ROLE_QUALIFIERS.join("|");
        // ASCII word boundaries (the words here are ASCII): at a Unicode one the regex engine
        // leaves its fast automaton on the first non-ASCII byte of the text (a curly quote).
        Regex::new(&format!(
            r"(?i)(?-u:\b)the\s+(?:(?:(?-i:[A-Z])[\w’'-]*|[a-z]+(?:’s|'s)|(?:ex-)?(?:{qualifiers}))\s+){{0,3}}(?P<role>{roles})(?-u:\b)"
        ))
        .expect("the role pattern compiles")
    })
}

/// "the Serbian president", "the bloc's secretary-general", "the NATO chief".
fn role_phrases(text: &str) -> Vec<Mention> {
    role_regex()
        .captures_iter(text)
        .filter_map(|c| {
            let m = c.get(0)?;
            // "the Serbian President Aleksandar Vučić": a title before a name, not a role phrase.
            let after = text[m.end()..].trim_start_matches([' ', ',']);
            if after.chars().next().is_some_and(char::is_uppercase)
                && !text[m.end()..].starts_with(',')
            {
                return None;
            }
            let role = c.name("role")?.as_str().to_lowercase();
            // "the president of X" belongs to X's president, but still names a role.
            let mut mention = Mention::new(m.start(), m.end(), Kind::Person, None);
            mention.role = Some(role);
            mention.role_phrase = true;
            Some(mention)
        })
        .collect()
}

/// Reporting verbs that, right after a capitalised word, make it a person ("Kirby said").
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "noted",
    "argued",
    "insisted",
    "recalled",
    "wrote",
    "tweeted",
    "explained",
    "acknowledged",
    "admitted",
    "stressed",
    "warned",
    "asked",
    "replied",
    "responded",
    "demanded",
    "joked",
    "quipped",
    "countered",
    "conceded",
    "continued",
    "concluded",
    "remarked",
];

/// Pronouns that, written in capitals, spell a name ("US").
const CAPS_PRONOUNS: &[&str] = &["us", "we", "me", "it", "him", "her", "them", "you"];

/// "Mr", "Dr", "Sir": a title that names no office.
pub(super) fn is_honorific(title: &str) -> bool {
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "lord",
        "lady",
        "prof",
        "professor",
    ]
    .contains(&title.trim_end_matches('.'))
}

/// A title with the words that qualify it, up to three capitalised words or [`RANKS`], before its
/// first word `from` on the same line (none for an honorific): "Tory leader Michael Howard" is
/// titled "tory leader", "Lib Dem shadow chancellor Vince Cable" "lib dem shadow chancellor", so
/// that a role phrase ("the Tory leader", "the chancellor") can tell them from another holder in
/// the same story.
fn qualified(text: &str, tokens: &[Token], from: usize, title: String) -> String {
    if is_honorific(&title) {
        return title;
    }
    let mut start = from;
    let qualifies = |t: &Token| {
        let folded = fold(t.text);
        t.text.chars().all(is_letter)
            && (RANKS.contains(&folded.as_str())
                || (t.is_capitalised()
                    && !matches!(folded.as_str(), "a" | "an")
                    && !is_stopword(&folded)))
    };
    while start > 0
        && from - start < 3
        && qualifies(&tokens[start - 1])
        && !text[tokens[start - 1].end..tokens[start].start].contains('\n')
    {
        start -= 1;
    }
    if start == from {
        return title;
    }
    let mut qualified = fold(&text[tokens[start].start..tokens[from - 1].end]);
    qualified.push(' ');
    qualified.push_str(&title);
    qualified
}

/// The last token of a name the model found from `first` to `last`: a name does not run on
/// into the next sentence or paragraph ("Man Utd\n\nThe"), and ends in a word with a capital
/// or a digit (not "Foods doesn’t", "Terminal and" or "Banner /": the model runs a name on into
/// the word after it now and then). Nor does it end in a member's seat: "Labour MPs" is the
/// party, "Frank Field MP" the man.
fn name_last(text: &str, tokens: &[Token], first: usize, mut last: usize) -> usize {
    if let Some(k) = (first + 1..=last).find(|&k| {
        text[tokens[k - 1].end..tokens[k].start].contains('\n') || ends_sentence(&tokens[..k])
    }) {
        last = k - 1;
    }
    if last > first
        && matches!(
            tokens[last].text,
            "MP" | "MPs" | "MEP" | "MEPs" | "MSP" | "MSPs"
        )
    {
        last -= 1;
    }
    while last > first
        && !tokens[last]
            .text
            .chars()
            .any(|c| c.is_uppercase() || c.is_ascii_digit())
    {
        last -= 1;
    }
    last
}

/// Whether the tokens end a sentence: a full stop, question or exclamation mark after a word
/// ending in two small letters or more ("Cup. His", not "St. Louis" or "U.S. Army").
fn ends_sentence(tokens: &[Token]) -> bool {
    let [.., word, mark] = tokens else {
        return false;
    };
    matches!(mark.text, "." | "!" | "?")
        && word.end == mark.start
        && word
            .text
            .chars()
            .rev()
            .take_while(|c| c.is_lowercase())
            .count()
            >= 2
}

/// Tokens after which a capitalised word may open a quotation or an aside.
const QUOTES_AND_BRACKETS: &[&str] = &["\"", "“", "‘", "'", "(", "[", "«"];

/// Names: the spans the learned tagger finds, typed by it, with the title before a person kept
/// as its role. Nationalities and other groups the tagger calls MISC become groups.
fn names(text: &str, g: &Gazetteer, out: &mut Vec<Mention>) {
    let seq = tagger::Sequence::new(text);
    let tags = tagger::Model::get().tag(&seq);
    let tokens = &seq.tokens;
    let mut spans = split_at_breaks(tokens, tagger::spans(&tags));
    // Whether one space, and nothing else, parts token `k` from the next.
    let spaced = |k: usize| text.get(tokens[k].end..tokens[k + 1].start) == Some(" ");
    let given_name = |k: usize| g.given_names.contains(seq.word(k));
    // "said NATO's John Kirby": a known given name the model left out right before a person's
    // name begins it.
    for span in spans.iter_mut().filter(|s| s.2 == "PER" && s.0 > 0) {
        let k = span.0 - 1;
        let given = &tokens[k];
        if tagger::TAGS[tags[k]] == "O"
            && spaced(k)
            && given.is_capitalised()
            && name_end(given) == given.end
            && given_name(k)
        {
            span.0 = k;
        }
    }
    // "M. McCague", "I. Austin": initials (a capital and a full stop, a space after, no word
    // joined before) right before a name begin a person's name, whatever the model took the
    // name for.
    let mut with_initials: Vec<Span> = Vec::with_capacity(spans.len());
    for &(first, last, ty) in &spans {
        let mut start = first;
        while start >= 2
            && tokens[start - 1].text == "."
            && tokens[start - 2].text.len() == 1
            && tokens[start - 2]
                .text
                .starts_with(|c: char| c.is_ascii_uppercase())
            && tokens[start - 2].end == tokens[start - 1].start
            && spaced(start - 1)
            && (start == 2
                || tokens[start - 3].end < tokens[start - 2].start
                || !tokens[start - 3].is_word())
        {
            start -= 2;
        }
        if start == first {
            with_initials.push((first, last, ty));
            continue;
        }
        // The model's own span of the initial alone goes.
        while with_initials.last().is_some_and(|s| s.1 >= start) {
            with_initials.pop();
        }
        with_initials.push((start, last, "PER"));
    }
    spans = with_initials;
    // "Mayor Bill de Blasio", "Ludwig van Beethoven": a person's name goes on over a particle
    // in small letters to the name right after it; after a known given name or an initial
    // whatever the model took that one for, else only if not an organisation ("Banque du
    // Caire" is a bank).
    const PARTICLES: &[&str] = &[
        "de", "van", "von", "der", "den", "du", "da", "di", "dos", "das", "del", "della", "ter",
        "bin", "ibn",
    ];
    let initial = |k: usize| tokens[k].text.trim_end_matches('.').chars().count() == 1;
    let mut k = 0;
    while k + 1 < spans.len() {
        let (a, b) = (spans[k], spans[k + 1]);
        if a.2 == "PER"
            && (b.2 != "ORG" || initial(a.1) || given_name(a.1))
            && b.0 == a.1 + 2
            && PARTICLES.contains(&tokens[a.1 + 1].text)
            && spaced(a.1)
            && spaced(a.1 + 1)
        {
            spans[k].1 = b.1;
            spans.remove(k + 1);
        } else {
            k += 1;
        }
    }
    known_phrases(text, g, tokens, &mut spans);
    join_of_phrases(g, tokens, &mut spans);
    // Each span parted at a party's word, then at a title.
    let mut parted = Vec::with_capacity(spans.len());
    for span in spans {
        split_parties(g, &seq, span, &mut parted);
    }
    let mut spans = Vec::with_capacity(parted.len());
    for span in parted {
        split_titles(g, &seq, span, &mut spans);
    }
    // "the biopic The Aviator", "a column in The Guardian": "The" written with its capital
    // inside a sentence (not after a quotation mark) begins the name the model began after it,
    // unless the model began another name right after this one ("The American Red Cross").
    let inside = |k: usize| {
        tokens[k].text == "The"
            && !seq.starts_sentence(k)
            && (k == 0 || !QUOTES_AND_BRACKETS.contains(&tokens[k - 1].text))
    };
    let split_after = |last: usize| {
        tokens
            .get(last + 1)
            .is_some_and(|t| t.is_word() && t.is_capitalised())
    };
    let the_before =
        |first: usize, last: usize| first > 0 && inside(first - 1) && !split_after(last);
    // Such names, folded without their "The": where a sentence opens with one, "The" is part of
    // it too ("The Aviator leads the shortlist").
    let led: Vec<String> = spans
        .iter()
        .filter_map(|&(first, last, _)| {
            let from = if the_before(first, last) {
                first
            } else if inside(first) && first < last {
                first + 1
            } else {
                return None;
            };
            let end = name_end(&tokens[name_last(text, tokens, from, last)]);
            (tokens[from].start < end).then(|| fold(&text[tokens[from].start..end]))
        })
        .collect();
    let mut covered = vec![false; tokens.len()];
    for (mut first, last, ty) in spans {
        let last = name_last(text, tokens, first, last);
        let end = name_end(&tokens[last]);
        let led_here =
            |from: usize| !led.is_empty() && led.contains(&fold(&text[tokens[from].start..end]));
        // "The Harbour Workers Union": an article opening a sentence is not part of the name,
        // nor is a conjunction ("And Thanou", "Whatever Kilroy-Silk"), unless the whole is a
        // known name ("The Hague") or one the document writes after "The" elsewhere.
        while first < last
            && seq.starts_sentence(first)
            && matches!(
                fold(tokens[first].text).as_str(),
                "the" | "a" | "an" | "and" | "but" | "or" | "whatever"
            )
            && known(g, &fold(&text[tokens[first].start..end])).is_none()
            && !(tokens[first].text == "The" && led_here(first + 1))
        {
            first += 1;
        }
        if first > 0
            && !covered[first - 1]
            && (the_before(first, last)
                || (tokens[first - 1].text == "The"
                    && seq.starts_sentence(first - 1)
                    && led_here(first)))
        {
            first -= 1;
        }
        // A name beginning with "The" is a work, a paper or a band: no person.
        let led_by_the = first < last && tokens[first].text == "The";
        let start = tokens[first].start;
        if end <= start {
            continue;
        }
        let folded = fold(&text[start..end]);
        if g.not_names.contains(folded.as_str()) && !g.is_place(&folded) {
            continue;
        }
        // "La", "Pour", "Mit" opening a sentence of another language (not "MIT").
        if first == last
            && g.function_words.contains(folded.as_str())
            && tokens[first].text.chars().skip(1).any(char::is_lowercase)
        {
            continue;
        }
        // "(D-N.C.)", "R-Wis.": a US party and state, and single letters, are not names.
        let surface = &text[start..end];
        // "PCs", "DVD", "HIV": things, written in capitals.
        if g.common_acronyms.contains(folded.as_str())
            && !surface.trim_end_matches('s').contains(char::is_lowercase)
        {
            continue;
        }
        if surface.chars().filter(|&c| is_letter(c)).count() < 2 || party_and_state(surface) {
            continue;
        }
        // "I’m", "We’re": a contraction, not a name.
        if folded
            .split_once('\'')
            .is_some_and(|(head, _)| head == "i" || g.not_names.contains(head))
        {
            continue;
        }
        // "Cooperating with NATO is important": a verb form opening a sentence.
        if first == last
            && seq.starts_sentence(first)
            && folded.ends_with("ing")
            && known(g, &folded).is_none()
        {
            continue;
        }
        if caps_pronoun(tokens, first, last, &folded) {
            continue;
        }
        // "Rep." or "Col." before a name: a title, not a name of its own.
        if first == last
            && tokens
                .get(last + 1)
                .is_some_and(|t| t.text == "." && t.start == end)
            && g.titles.contains(format!("{folded}.").as_str())
        {
            continue;
        }
        let kind = match (ty, known(g, &folded)) {
            // Countries are places even where the tagger saw a team or an institution.
            ("ORG" | "MISC", Some(Kind::Place))
                if g.countries.contains(canonical(g, &folded).as_str()) =>
            {
                Kind::Place
            }
            // "Davis Cup", "Brit Awards", "London Marathon": an event, whatever the model saw.
            _ if first < last && EVENT_HEADS.contains(&folded.rsplit(' ').next().unwrap_or("")) => {
                Kind::Other
            }
            ("PER", _) if led_by_the => Kind::Other,
            ("PER", _) if org_named_as_person(g, tokens, first, last, &folded) => {
                Kind::Organization
            }
            ("PER" | "ORG", _) if place_named_otherwise(g, ty, &folded) => Kind::Place,
            ("ORG", None) if person_named_as_org(g, &tokens[first..=last], &folded) => Kind::Person,
            ("LOC", None) if org_named_as_place(g, &folded) => Kind::Organization,
            ("PER", _) => Kind::Person,
            ("ORG", _) => Kind::Organization,
            ("LOC", _) => Kind::Place,
            _ if g.demonyms.contains(folded.as_str()) => Kind::Group,
            _ => Kind::Other,
        };
        let mut mention = Mention::new(start, end, kind, None);
        if kind == Kind::Person && first > 0 {
            let one = fold(tokens[first - 1].text);
            let two =
                (first > 1).then(|| fold(&text[tokens[first - 2].start..tokens[first - 1].end]));
            let (title, from) = match two.filter(|t| g.titles.contains(t.as_str())) {
                Some(two) => (Some(two), first - 2),
                None => (g.titles.contains(one.as_str()).then_some(one), first - 1),
            };
            // "how good a prime minister Gordon Brown will make": no title of his yet.
            let indefinite = from > 0 && matches!(tokens[from - 1].text, "a" | "an");
            mention.role = title
                .filter(|_| !indefinite)
                .map(|t| qualified(text, tokens, from, t));
        }
        out.push(mention);
        covered[first..=last].iter_mut().for_each(|c| *c = true);
    }
    // The words the document writes in lower case, gathered when first needed (most documents
    // never ask).
    let mut lower_case: Option<FxHashSet<&str>> = None;
    // "Smith said": a capitalised word the tagger left out, right before a reporting verb, is a
    // person unless the document also writes it in lower case.
    for i in 0..tokens.len().saturating_sub(1) {
        let t = &tokens[i];
        if covered[i] || !t.is_capitalised() {
            continue;
        }
        if !SPEECH_VERBS.contains(&fold(tokens[i + 1].text).as_str()) {
            continue;
        }
        let folded = seq.word(i);
        let lower_case = lower_case.get_or_insert_with(|| {
            tokens
                .iter()
                .filter(|t| t.text.starts_with(|c: char| c.is_lowercase()))
                .map(|t| t.text)
                .collect()
        });
        if lower_case.contains(folded)
            || folded.chars().count() < 3
            || g.not_names.contains(folded)
            || g.common_acronyms.contains(folded)
            || known(g, folded).is_some()
            || !t.text.chars().skip(1).any(char::is_lowercase)
        {
            continue;
        }
        out.push(Mention::new(t.start, name_end(t), Kind::Person, None));
        covered[i] = true;
    }
    // Known places and organisations the tagger left out ("the US-led bloc"), written as names.
    for (i, t) in tokens.iter().enumerate() {
        if covered[i] || !t.is_capitalised() {
            continue;
        }
        let end = name_end(t);
        let surface = &text[t.start..end];
        if surface.chars().count() <= 3 && surface.chars().any(char::is_lowercase) {
            continue;
        }
        let folded = seq.word(i);
        if caps_pronoun(tokens, i, i, folded) {
            continue;
        }
        if let Some(kind) = known(g, folded) {
            out.push(Mention::new(t.start, end, kind, None));
        }
    }
    acronym_definitions(text, tokens, out);
}

/// A name never runs across a bracket ("RTS (Radio Television of Serbia)" is two) or a word in
/// small letters that cannot join a name's parts ("Deutsche Bank contends Yukos", "Chelsea v
/// Arsenal", "Beach Boys veteran Brian Wilson": the model runs names together now and then).
/// Names of organisations and places may hold a preposition ("Organisation for Security and
/// Co-operation in Europe", "Newcastle upon Tyne"); people's names do not ("Tyson in Las Vegas").
/// "and" before "The" parts two names ("The Independent and The Times"). Each piece keeps the
/// type.
fn split_at_breaks(
    tokens: &[Token],
    spans: Vec<(usize, usize, &'static str)>,
) -> Vec<(usize, usize, &'static str)> {
    let breaks = |t: &Token, ty: &str| {
        matches!(t.text, "(" | ")" | "[" | "]")
            || (t.text.chars().any(|c| c.is_lowercase())
                && !t.text.chars().any(|c| c.is_uppercase())
                && !NAME_CONNECTORS.contains(&t.text)
                && (ty == "PER" || !NAME_PREPOSITIONS.contains(&t.text)))
    };
    let mut out = Vec::with_capacity(spans.len());
    for (first, last, ty) in spans {
        let mut from = first;
        for (k, t) in tokens.iter().enumerate().take(last + 1).skip(first) {
            // "The Independent and The Times": two names.
            let and_the = matches!(t.text, "and" | "&")
                && k < last
                && matches!(tokens[k + 1].text, "The" | "A" | "An");
            if and_the || breaks(t, ty) {
                if from < k {
                    out.push((from, k - 1, ty));
                }
                from = k + 1;
            }
        }
        if from <= last {
            out.push((from, last, ty));
        }
    }
    out
}

/// Words for a party or its members, which news writes before a politician's name ("Tory
/// Liam Fox", "Democrat Nancy Pelosi") and the model takes into it: one word each, those of two
/// in [`PARTY_PAIRS`].
const PARTY_WORDS: &[&str] = &[
    "tory",
    "tories",
    "conservative",
    "conservatives",
    "labour",
    "democrat",
    "democrats",
    "republican",
    "republicans",
];

/// Party words of two: ("lib", "dem"), ("liberal", "democrats").
const PARTY_PAIRS: &[(&str, &[&str])] = &[
    ("lib", &["dem", "dems"]),
    ("liberal", &["democrat", "democrats"]),
];

/// The last token of a party's word of one or two tokens at `first`, ending at `limit` or before.
fn party_at(seq: &tagger::Sequence, first: usize, limit: usize) -> Option<usize> {
    let word = seq.word(first);
    let pair = PARTY_PAIRS.iter().find(|(one, _)| *one == word);
    match pair {
        Some((_, seconds)) if first < limit && seconds.contains(&seq.word(first + 1)) => {
            Some(first + 1)
        }
        _ => PARTY_WORDS.contains(&word).then_some(first),
    }
}

/// A party's word opening a name is a name of its own: before a person ("Tory Liam Fox"), a
/// title ("Tory treasurer Lord Ashcroft", which [`split_titles`] parts next) or another party
/// ("Tories and Lib Dems"). Not in "Labour Party" or "Republican National Committee".
fn split_parties(g: &Gazetteer, seq: &tagger::Sequence, span: Span, out: &mut Vec<Span>) {
    let (first, last, ty) = span;
    let Some(p) = party_at(seq, first, last).filter(|&p| p < last) else {
        out.push(span);
        return;
    };
    if matches!(seq.tokens[p + 1].text, "and" | "&")
        && p + 2 <= last
        && party_at(seq, p + 2, last) == Some(last)
    {
        out.extend([(first, p, "ORG"), (p + 2, last, "ORG")]);
        return;
    }
    let next = seq.word(p + 1);
    let person =
        g.given_names.contains(next) || (ty == "PER" && !g.org_heads.contains(seq.word(last)));
    if person {
        out.extend([(first, p, "ORG"), (p + 1, last, "PER")]);
    } else if g.titles.contains(next) {
        // "Lib Dem Sir Archy Kirkwood": whatever the model saw, a person.
        let ty = if is_honorific(next) { "PER" } else { ty };
        out.extend([(first, p, "ORG"), (p + 1, last, ty)]);
    } else {
        out.push(span);
    }
}

/// A name's first and last tokens and the model's type for it.
type Span = (usize, usize, &'static str);

/// The last words of events' names.
const EVENT_HEADS: &[&str] = &[
    "cup",
    "open",
    "championship",
    "championships",
    "games",
    "olympics",
    "award",
    "awards",
    "prize",
    "prizes",
    "festival",
    "slam",
    "trophy",
    "marathon",
    "show",
];

/// "Republic | of | Serbia", "Isle | of | Man": a one-word name the model took for an other name
/// (MISC), or "Republic", "Kingdom" or "Principality" whatever the model took it for, split
/// from the name after it by "of", is one name with it, an organisation if its
/// head word says so ("Ministry of Defence"), else of the second part's type. A person, a team
/// or a company is not ("Blair of Labour", "Dinamo of Russia"). ("for" joined as many
/// headlines' words as names: "Cup for Spain".)
fn join_of_phrases(g: &Gazetteer, tokens: &[Token], spans: &mut Vec<(usize, usize, &'static str)>) {
    let mut out: Vec<(usize, usize, &'static str)> = Vec::with_capacity(spans.len());
    for &(first, last, ty) in spans.iter() {
        // Folded only where the spans fit: most documents have no such pair.
        let split = out.last_mut().filter(|prev| {
            prev.0 == prev.1 && prev.1 + 2 == first && tokens[prev.1 + 1].text == "of"
        });
        if let Some(prev) = split {
            let head = fold(tokens[prev.0].text);
            let formal = matches!(head.as_str(), "republic" | "kingdom" | "principality");
            if (prev.2 == "MISC" || formal) && known(g, &head).is_none() {
                let ty = if g.org_heads.contains(head.as_str()) {
                    "ORG"
                } else {
                    ty
                };
                *prev = (prev.0, last, ty);
                continue;
            }
        }
        out.push((first, last, ty));
    }
    *spans = out;
}

/// Prepositions inside the names of organisations and places.
const NAME_PREPOSITIONS: &[&str] = &["in", "on", "at", "upon", "am", "an", "to", "sur", "sobre"];

/// "D-N", "R-Ky", "I-Vt": a US politician's party and state.
fn party_and_state(s: &str) -> bool {
    let mut parts = s.splitn(2, '-');
    matches!(parts.next(), Some("D" | "R" | "I"))
        && parts.next().is_some_and(|state| {
            state.len() <= 5
                && state.chars().next().is_some_and(char::is_uppercase)
                && state.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
        })
}

/// Longest number of tokens a gazetteer phrase spans.
const PHRASE_MAX: usize = 5;

/// Multi-word names the gazetteers know ("Partnership for Peace", "Bosnia and Herzegovina")
/// replace the tagger's pieces of them, or fill in where it found nothing.
fn known_phrases(
    text: &str,
    g: &Gazetteer,
    tokens: &[Token],
    spans: &mut Vec<(usize, usize, &'static str)>,
) {
    let mut i = 0;
    while i < tokens.len() {
        // Only where a known phrase may start: a capitalised first word of one.
        let may_start =
            tokens[i].is_capitalised() && g.first_words.contains(fold(tokens[i].text).as_str());
        let found = (2..=PHRASE_MAX.min(tokens.len() - i))
            .rev()
            .filter(|_| may_start)
            .find_map(|len| {
                let last = i + len - 1;
                if !tokens[last].is_capitalised() {
                    return None;
                }
                let folded = fold(&text[tokens[i].start..name_end(&tokens[last])]);
                known(g, &folded).map(|k| (last, k))
            });
        let Some((last, kind)) = found else {
            i += 1;
            continue;
        };
        let overlaps = |s: &(usize, usize, &str)| s.0 <= last && i <= s.1;
        // Where the tagger found exactly this name, its type stands (a city's team is an ORG).
        let exact = spans
            .iter()
            .any(|s| s.0 == i && s.1 == last && s.2 != "MISC");
        if !exact
            && spans
                .iter()
                .all(|s| !overlaps(s) || (i <= s.0 && s.1 <= last))
        {
            spans.retain(|s| !overlaps(s));
            let ty = if kind == Kind::Organization {
                "ORG"
            } else {
                "LOC"
            };
            let at = spans.partition_point(|s| s.0 < i);
            spans.insert(at, (i, last, ty));
        }
        i = last + 1;
    }
}

/// Title words that also start names of other things ("General Motors", "Chief Rabbi").
const AMBIGUOUS_TITLES: &[&str] = &[
    "general", "justice", "head", "chief", "lord", "lady", "sir", "king", "queen", "prince",
    "princess", "pope", "official", "chair", "director",
];

/// "US National Security Adviser Jake Sullivan": a title inside a name starts the person's
/// name; a known place or organisation before it stays a name of its own.
fn split_titles(g: &Gazetteer, seq: &tagger::Sequence, span: Span, out: &mut Vec<Span>) {
    let (first, last, ty) = span;
    let tokens = &seq.tokens;
    let title = (first..last)
        .rev()
        .find(|&k| g.titles.contains(fold(tokens[k].text).as_str()));
    let person = title.filter(|&k| {
        ty == "PER"
            || g.given_names.contains(fold(tokens[k + 1].text).as_str())
            || !AMBIGUOUS_TITLES.contains(&fold(tokens[k].text).as_str())
    });
    // "Premier League", "General Motors": the title word is part of an organisation's name.
    let (Some(k), false) = (person, g.org_heads.contains(seq.word(last))) else {
        out.push((first, last, if person.is_some() { "ORG" } else { ty }));
        return;
    };
    match known(g, seq.word(first)) {
        Some(Kind::Organization) if first < k => out.push((first, first, "ORG")),
        Some(_) if first < k => out.push((first, first, "LOC")),
        _ => {}
    }
    out.push((k + 1, last, "PER"));
}

/// A "person" named like an organisation, ending in a head word ("George Soros Foundation",
/// "Thames Valley Police", "League" after "Premier"; of two words or more, a company's word,
/// "Mittal Steel", "Daiwa Securities"), is one. A given name and such a word are a
/// person's name, and a head word that is also a common surname ([`SURNAME_HEADS`]) ends one
/// unless three words or more give no given name nor title: "Charlotte Church", "Thomas Haden
/// Church", "Mr Church", "Jim Press".
fn org_named_as_person(
    g: &Gazetteer,
    tokens: &[Token],
    first: usize,
    last: usize,
    folded: &str,
) -> bool {
    let Some(head) = folded
        .rsplit(' ')
        .next()
        .filter(|w| g.org_heads.contains(w) || (first < last && COMPANY_WORDS.contains(w)))
    else {
        return false;
    };
    let words = folded.split(' ').count();
    let given = first < last
        && folded
            .split(' ')
            .next()
            .is_some_and(|w| g.given_names.contains(w));
    if SURNAME_HEADS.contains(&head) {
        let titled = first
            .checked_sub(1)
            .is_some_and(|p| g.titles.contains(fold(tokens[p].text).as_str()));
        words >= 3 && !given && !titled
    } else {
        !(given && words == 2)
    }
}

/// Last words of companies' names, beside the gazetteer's head words (which the tagger's
/// features read: a word added there needs the weights trained again).
const COMPANY_WORDS: &[&str] = &[
    "co",
    "plc",
    "spa",
    "sa",
    "ag",
    "nv",
    "gmbh",
    "bros",
    "pharmaceuticals",
    "pharmaceutical",
    "electric",
    "power",
    "steel",
    "oil",
    "energy",
    "chemicals",
    "chemical",
    "foods",
    "systems",
    "technologies",
    "technology",
    "communications",
    "electronics",
    "cables",
    "insurance",
    "securities",
    "capital",
    "investments",
    "resources",
    "mining",
    "petroleum",
    "controls",
    "enterprises",
    "brands",
    "software",
    "telecom",
    "logistics",
    "semiconductor",
    "pictures",
    "records",
    "studios",
    "media",
];

/// Head words that are also common surnames.
const SURNAME_HEADS: &[&str] = &["church", "press", "bank", "chambers", "house", "hall"];

/// "New York University", "Harrow Crown Court", "Los Angeles Times": a place's name the
/// gazetteer does not know, with an organisation's head word after its first word, is an
/// organisation's. Not a bank ("South Bank"), nor a union after a people's word ("Soviet Union").
fn org_named_as_place(g: &Gazetteer, folded: &str) -> bool {
    let mut words = folded.split(' ');
    let first = words.next().unwrap_or("");
    words.any(|w| {
        g.org_heads.contains(w) && w != "bank" && !(w == "union" && g.demonyms.contains(first))
    })
}

/// "Lindsay Davenport", "Duncan Bell", "Cecil B DeMille": a name of two or three words, each
/// capitalised, that the model took for an organisation's, opening with a person's first name
/// ([`Gazetteer::first_names`]; not a place's, "Milan Indoors") and with no organisation's head
/// word, is a person's.
fn person_named_as_org(g: &Gazetteer, span: &[Token], folded: &str) -> bool {
    let mut words = folded.split(' ');
    let first = words.next().unwrap_or("");
    (2..=3).contains(&folded.split(' ').count())
        && g.first_names.contains(first)
        && !g.is_place(first)
        && !words.any(|w| g.org_heads.contains(w))
        && span.iter().all(Token::is_capitalised)
}

/// "Guantanamo Bay", "Independence Square", "Yangtze River", "Changi Airport": a name of two
/// words or more the model took for a person's or an organisation's, ending in a word for a
/// place, is a place. For a person's, not where a first name or a title stands before that
/// word ("Wayne Bridge", "Dame Barbara Castle", "Nathan Lane"). For an organisation's,
/// only a word for a piece of land or water, or a square ("Indian Ocean", "Tiananmen Square"),
/// and no head word of an organisation before it ("University of the Highlands and Islands"):
/// stadiums and palaces are clubs' names too ("Crystal Palace").
fn place_named_otherwise(g: &Gazetteer, ty: &str, folded: &str) -> bool {
    let Some((before, head)) = folded.rsplit_once(' ') else {
        return false;
    };
    let persons = || {
        before
            .split(' ')
            .any(|w| g.first_names.contains(w) || g.titles.contains(w))
    };
    match ty {
        "ORG" => {
            LAND_AND_WATER.contains(&head) && !before.split(' ').any(|w| g.org_heads.contains(w))
        }
        _ => (LAND_AND_WATER.contains(&head) || PLACE_HEADS.contains(&head)) && !persons(),
    }
}

/// Last words of the names of pieces of land or water, and of squares.
const LAND_AND_WATER: &[&str] = &[
    "bay",
    "square",
    "strait",
    "strip",
    "river",
    "lake",
    "island",
    "islands",
    "mountains",
    "valley",
    "peninsula",
    "sea",
    "ocean",
    "gulf",
    "desert",
    "canal",
    "heights",
    "harbour",
    "harbor",
];

/// Last words of the names of places built or laid out: some are clubs' or people's names
/// too.
const PLACE_HEADS: &[&str] = &[
    "street",
    "road",
    "avenue",
    "lane",
    "park",
    "bridge",
    "hill",
    "hills",
    "airport",
    "station",
    "stadium",
    "palace",
    "castle",
    "cathedral",
    "abbey",
    "gardens",
    "prison",
    "beach",
    "coast",
    "forest",
    "mountain",
];

/// "JOIN US ON TELEGRAM": a pronoun in a line of capitals looks like a name.
fn caps_pronoun(tokens: &[Token], first: usize, last: usize, folded: &str) -> bool {
    let shouted = |t: &Token| {
        t.text.chars().filter(|&c| is_letter(c)).count() >= 2
            && !t.text.chars().any(char::is_lowercase)
    };
    CAPS_PRONOUNS.contains(&folded)
        && (first.checked_sub(1).is_some_and(|p| shouted(&tokens[p]))
            || tokens.get(last + 1).is_some_and(shouted))
}

/// The canonical folded name of a known alias, or the name itself.
fn canonical(g: &Gazetteer, folded: &str) -> String {
    g.aliases
        .get(folded)
        .map_or_else(|| folded.to_string(), |c| fold(c))
}

/// The kind the gazetteers give a folded name: organisation or place.
fn known(g: &Gazetteer, folded: &str) -> Option<Kind> {
    let c = canonical(g, folded);
    if g.organizations.contains(c.as_str()) {
        Some(Kind::Organization)
    } else if g.is_place(&c) {
        Some(Kind::Place)
    } else {
        None
    }
}

/// "Kosovo Force (KFOR)" and "RTS (Radio Television of Serbia)": the acronym is an alias of the
/// name beside it. The name is the run of capitalised words whose initials spell the acronym
/// (small joining words allowed), or else a run of capitalised words before the bracket that
/// starts with the acronym's first letter.
fn acronym_definitions(text: &str, tokens: &[Token], out: &mut Vec<Mention>) {
    let acronym_letters = |t: &Token| -> Option<Vec<char>> {
        let letters: Vec<char> = t.text.chars().filter(|&c| is_letter(c)).collect();
        (letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())).then_some(letters)
    };
    for k in 1..tokens.len().saturating_sub(2) {
        if tokens[k].text != "(" {
            continue;
        }
        // Name (ACR)
        if tokens[k + 2].text == ")" {
            if let Some(letters) = acronym_letters(&tokens[k + 1]) {
                let first = spelled_by_initials(tokens, k, &letters)
                    .or_else(|| capitalised_run_before(tokens, k, letters[0]));
                if let Some(first) = first {
                    define(
                        text,
                        out,
                        tokens[first].start,
                        tokens[k - 1].end,
                        &tokens[k + 1],
                    );
                }
                continue;
            }
        }
        // ACR (Name)
        let Some(letters) = acronym_letters(&tokens[k - 1]) else {
            continue;
        };
        let Some(close) = (k + 2..tokens.len().min(k + 10)).find(|&j| tokens[j].text == ")") else {
            continue;
        };
        if spelled_by_initials(tokens, close, &letters) == Some(k + 1) {
            define(
                text,
                out,
                tokens[k + 1].start,
                tokens[close - 1].end,
                &tokens[k - 1],
            );
        }
    }
    // Every other use of a defined acronym is a mention of the same name.
    let defined: FxHashMap<&str, (Kind, String)> = out
        .iter()
        .filter_map(|m| Some((&text[m.start..m.end], (m.kind, m.alias_of.clone()?))))
        .collect();
    let taken: FxHashSet<usize> = out.iter().map(|m| m.start).collect();
    for t in tokens {
        if let Some((kind, key)) = defined.get(t.text).filter(|_| !taken.contains(&t.start)) {
            let mut m = Mention::new(t.start, t.end, *kind, None);
            m.alias_of = Some(key.clone());
            out.push(m);
        }
    }
}

/// Makes `start..end` one name (the names inside it give way) and `acr` its alias.
fn define(text: &str, out: &mut Vec<Mention>, start: usize, end: usize, acr: &Token) {
    let inside = |m: &Mention| m.start >= start && m.end <= end;
    let overlaps = |m: &Mention| m.start < end && start < m.end;
    if out.iter().any(|m| overlaps(m) && !inside(m)) {
        return;
    }
    let kind = out
        .iter()
        .filter(|m| inside(m) && matches!(m.kind, Kind::Organization | Kind::Place))
        .map(|m| m.kind)
        .max_by_key(|k| *k == Kind::Organization)
        .unwrap_or(Kind::Organization);
    out.retain(|m| !inside(m));
    out.push(Mention::new(start, end, kind, None));
    let key = fold(&text[start..end]);
    match out.iter_mut().find(|m| m.start == acr.start) {
        Some(m) => {
            m.kind = kind;
            m.alias_of = Some(key);
        }
        None => {
            let mut m = Mention::new(acr.start, acr.end, kind, None);
            m.alias_of = Some(key);
            out.push(m);
        }
    }
}

/// The first token of the run of capitalised words (small joining words allowed, at most six
/// words) right before `tokens[bracket]`, when the run starts with the acronym's first letter:
/// "Kosovo Force (KFOR)".
fn capitalised_run_before(tokens: &[Token], bracket: usize, initial: char) -> Option<usize> {
    let same = |t: &Token| {
        t.text
            .chars()
            .next()
            .is_some_and(|c| fold(&c.to_string()) == fold(&initial.to_string()))
    };
    let mut first = None;
    for p in (bracket.saturating_sub(6)..bracket).rev() {
        let t = &tokens[p];
        if t.is_capitalised() && name_end(t) == t.end {
            if same(t) {
                first = Some(p);
            }
        } else if !NAME_CONNECTORS.contains(&t.text) {
            break;
        }
    }
    first
}

/// The first token of the capitalised words right before `tokens[bracket]` whose initials spell
/// `letters` ("Harbour Workers Union (HWU)", "Bank of England (BOE)").
fn spelled_by_initials(tokens: &[Token], bracket: usize, letters: &[char]) -> Option<usize> {
    let mut want = letters.len();
    let mut i = bracket;
    while want > 0 {
        i = i.checked_sub(1)?;
        let t = &tokens[i];
        let first = t.text.chars().next()?;
        if t.is_capitalised() && fold(&first.to_string()) == fold(&letters[want - 1].to_string()) {
            want -= 1;
        } else if !(NAME_CONNECTORS.contains(&t.text) && want < letters.len()) {
            return None;
        }
    }
    Some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, Kind)> {
        recognise(text, Some("2023-11-22"))
            .into_iter()
            .map(|m| (text[m.start..m.end].to_string(), m.kind))
            .collect()
    }

    fn has(text: &str, name: &str, kind: Kind) -> bool {
        found(text).iter().any(|(s, k)| s == name && *k == kind)
    }

    #[test]
    fn people_places_organisations() {
        let t = "Serbian President Aleksandar Vučić met NATO Secretary-General Jens Stoltenberg in Belgrade on Tuesday.";
        assert!(has(t, "Aleksandar Vučić", Kind::Person));
        assert!(has(t, "Jens Stoltenberg", Kind::Person));
        assert!(has(t, "NATO", Kind::Organization));
        assert!(has(t, "Belgrade", Kind::Place));
        assert!(has(t, "Serbian", Kind::Group));
        assert!(has(t, "Tuesday", Kind::Date));
        // A ministry whose first word the model takes for no name's ("home").
        let t = "A Home Office spokesman said the figures were wrong.";
        assert!(has(t, "Home Office", Kind::Organization), "{:?}", found(t));
    }

    #[test]
    fn well_known_companies_and_regulators_are_organisations() {
        // Names the model, trained on news of 1996, takes for people or places alone.
        let t = "Nokia shares fell after Yahoo reported sales. Ofcom said Sky would be fined, \
                 and Fiat agreed a deal with Samsung.";
        for name in ["Nokia", "Yahoo", "Ofcom", "Sky", "Fiat", "Samsung"] {
            assert!(has(t, name, Kind::Organization), "{name}: {:?}", found(t));
        }
    }

    #[test]
    fn a_person_named_like_an_organisation_is_one_but_a_church_may_be_a_surname() {
        let t = "Money came from the George Soros Foundation and the Doris Duke Charitable \
                 Foundation. Thames Valley Police said nothing. The retention of their Premier \
                 League status matters. Charlotte Church sang, and Thomas Haden Church acted.";
        for name in [
            "George Soros Foundation",
            "Doris Duke Charitable Foundation",
            "Thames Valley Police",
            "League",
        ] {
            assert!(has(t, name, Kind::Organization), "{name}: {:?}", found(t));
        }
        for name in ["Charlotte Church", "Thomas Haden Church"] {
            assert!(has(t, name, Kind::Person), "{name}: {:?}", found(t));
        }
    }

    #[test]
    fn a_name_ending_in_a_word_for_a_place_is_a_place_but_not_after_a_given_name() {
        let t = "Two men held at Guantanamo Bay were freed. Crowds filled Independence Square \
                 again, and storms crossed the Indian Ocean. Flooding on the Yangtze River \
                 closed Changi Airport. Wayne Bridge and Nathan Lane came too, and the \
                 University of the Highlands and Islands said so.";
        for name in [
            "Guantanamo Bay",
            "Independence Square",
            "Indian Ocean",
            "Yangtze River",
            "Changi Airport",
        ] {
            assert!(has(t, name, Kind::Place), "{name}: {:?}", found(t));
        }
        for name in ["Wayne Bridge", "Nathan Lane"] {
            assert!(has(t, name, Kind::Person), "{name}: {:?}", found(t));
        }
        let university = "University of the Highlands and Islands";
        assert!(has(t, university, Kind::Organization), "{:?}", found(t));
    }

    #[test]
    fn initials_before_a_name_begin_a_persons_name() {
        // The model takes the initial for a name of its own and McCague for a club.
        let t = "Somerset 4 (M. McCague 4-60). I. Austin took two.";
        for name in ["M. McCague", "I. Austin"] {
            assert!(has(t, name, Kind::Person), "{name}: {:?}", found(t));
        }
    }

    #[test]
    fn a_photo_credit_names_no_one() {
        let t = "Voters queue in Haifa. (Tomas Kerrin/AFP/Getty Images)\n\nBenjamin Netanyahu \
                 spoke in Haifa (Israel/Lebanon border) on Monday.";
        let names: Vec<String> = found(t).into_iter().map(|(s, _)| s).collect();
        for name in ["Tomas Kerrin", "AFP", "Getty Images"] {
            assert!(!names.iter().any(|n| n == name), "{name}: {names:?}");
        }
        assert!(has(t, "Benjamin Netanyahu", Kind::Person), "{names:?}");
        // Not a credit: a word in small letters.
        assert!(has(t, "Israel", Kind::Place), "{names:?}");
    }

    #[test]
    fn a_place_name_the_model_found_with_an_organisations_head_word_is_an_organisation() {
        // The model takes these for places.
        let t = "Students at New York University protested. The Los Angeles Times reported it. \
                 He appeared at Harrow Crown Court. He left Moscow after the Soviet Union fell.";
        for name in [
            "New York University",
            "Los Angeles Times",
            "Harrow Crown Court",
        ] {
            assert!(has(t, name, Kind::Organization), "{name}: {:?}", found(t));
        }
        assert!(has(t, "Soviet Union", Kind::Place), "{:?}", found(t));
    }

    #[test]
    fn a_first_name_opening_an_organisations_name_makes_it_a_persons() {
        // The model takes these names for organisations'.
        let t = "Top seed Lindsay Davenport booked her place. Prop Duncan Bell was dropped, and \
                 Pat Cash said so.";
        for name in ["Lindsay Davenport", "Duncan Bell", "Pat Cash"] {
            assert!(has(t, name, Kind::Person), "{name}: {:?}", found(t));
        }
        // Not a place's name, nor one with an organisation's head word.
        let t = "He won the Milan Indoors. Martin Harbour Council met.";
        for name in ["Milan Indoors", "Martin Harbour Council"] {
            assert!(!has(t, name, Kind::Person), "{name}: {:?}", found(t));
        }
    }

    #[test]
    fn a_person_named_like_a_company_is_one() {
        // The model takes Mittal Steel for a person.
        let t = "Daiwa Securities said so. Lucent Technologies agreed. Mittal Steel fell. Helen \
                 Steel sang.";
        for name in ["Daiwa Securities", "Lucent Technologies", "Mittal Steel"] {
            assert!(has(t, name, Kind::Organization), "{name}: {:?}", found(t));
        }
        assert!(has(t, "Helen Steel", Kind::Person), "{:?}", found(t));
    }

    #[test]
    fn a_partys_word_before_a_name_is_a_name_of_its_own() {
        let t = "Critics included Tory David Heathcoat-Amory and Liberal Democrat Sarah Teather. \
                 Lib Dem Sir Archy Kirkwood agreed. The Conservatives and Liberal Democrats \
                 voted against.";
        for name in ["David Heathcoat-Amory", "Sarah Teather", "Archy Kirkwood"] {
            assert!(has(t, name, Kind::Person), "{name}: {:?}", found(t));
        }
        for name in ["Tory", "Liberal Democrat", "Lib Dem"] {
            assert!(has(t, name, Kind::Organization), "{name}: {:?}", found(t));
        }
    }

    #[test]
    fn a_conjunction_opening_a_sentence_is_no_part_of_a_name() {
        let t = "Katerina Thanou missed the test. And Thanou said she was ill. Whatever \
                 Kilroy-Silk says, he will stand.";
        assert!(has(t, "Thanou", Kind::Person), "{:?}", found(t));
        assert!(has(t, "Kilroy-Silk", Kind::Person), "{:?}", found(t));
    }

    #[test]
    fn a_known_given_name_the_model_left_out_begins_the_person_after_it() {
        let t = "“We see a large deployment,” said NATO's John Kirby.";
        assert!(has(t, "John Kirby", Kind::Person), "{:?}", found(t));
    }

    #[test]
    fn a_persons_name_goes_on_over_a_particle() {
        for (t, name) in [
            (
                "The potholes were filled since Mayor Bill de Blasio took office in 2014.",
                "Bill de Blasio",
            ),
            (
                "Manchester United striker Ruud van Nistelrooy scored twice on Saturday.",
                "Ruud van Nistelrooy",
            ),
        ] {
            assert!(has(t, name, Kind::Person), "{:?}", found(t));
        }
    }

    #[test]
    fn a_name_ends_in_its_sentence_on_a_word_with_a_capital_or_a_digit() {
        // What the model has been seen to run names on into: a verb, "and", a credit's slash, the
        // next sentence or paragraph.
        fn name(text: &str) -> &str {
            let tokens = crate::text::tokens(text);
            let last = name_last(text, &tokens, 0, tokens.len() - 1);
            &text[..tokens[last].end]
        }
        for (span, kept) in [
            ("Whole Foods doesn’t", "Whole Foods"),
            ("Fisherman’s Terminal and", "Fisherman’s Terminal"),
            ("Ellen M. Banner /", "Ellen M. Banner"),
            ("Man Utd\n\nThe", "Man Utd"),
            ("Masters Cup. His", "Masters Cup"),
            ("Tube Lines.\n\nThe sale", "Tube Lines"),
            ("Acme Inc. Chairman", "Acme Inc"),
            ("St. Louis", "St. Louis"),
            ("U.S. Army", "U.S. Army"),
            ("Apollo 11", "Apollo 11"),
            ("Apple iPhone", "Apple iPhone"),
            ("Labour MPs", "Labour"),
            ("Frank Field MP", "Frank Field"),
            ("MPs", "MPs"),
            ("Luis de Miranda", "Luis de Miranda"),
        ] {
            assert_eq!(name(span), kept);
        }
    }

    #[test]
    fn a_name_breaks_at_a_bracket_or_a_small_word_that_joins_no_name() {
        // What the model has been seen to run together, given as one span of each type.
        fn pieces<'t>(text: &'t str, ty: &'static str) -> Vec<&'t str> {
            let tokens = crate::text::tokens(text);
            split_at_breaks(&tokens, vec![(0, tokens.len() - 1, ty)])
                .into_iter()
                .map(|(first, last, _)| &text[tokens[first].start..tokens[last].end])
                .collect()
        }
        for (span, ty, kept) in [
            (
                "Deutsche Bank contends Yukos",
                "ORG",
                &["Deutsche Bank", "Yukos"][..],
            ),
            ("Chelsea v Arsenal", "ORG", &["Chelsea", "Arsenal"]),
            (
                "Beach Boys veteran Brian Wilson",
                "PER",
                &["Beach Boys", "Brian Wilson"],
            ),
            ("Tyson in Las Vegas", "PER", &["Tyson", "Las Vegas"]),
            (
                "RTS (Radio Television of Serbia)",
                "ORG",
                &["RTS", "Radio Television of Serbia"],
            ),
            // Joining words, prepositions in the names of places and organisations, capitals.
            ("Bank of England", "ORG", &["Bank of England"]),
            (
                "Organisation for Security and Co-operation in Europe",
                "ORG",
                &["Organisation for Security and Co-operation in Europe"],
            ),
            ("Newcastle upon Tyne", "LOC", &["Newcastle upon Tyne"]),
            ("Bashar al-Assad", "PER", &["Bashar al-Assad"]),
            ("Luis de Miranda", "PER", &["Luis de Miranda"]),
            ("Abdullah ibn Hussein", "PER", &["Abdullah ibn Hussein"]),
        ] {
            assert_eq!(pieces(span, ty), kept, "{span}");
        }
        // A title inside the name starts the person, here "MP".
        assert!(has(
            "Labour MP Tony Banks spoke.",
            "Tony Banks",
            Kind::Person
        ));
    }

    #[test]
    fn an_other_name_joins_the_name_after_of() {
        // Spans as the model gives them: (first token, last token, type).
        fn joined(
            text: &str,
            spans: &[(usize, usize, &'static str)],
        ) -> Vec<(String, &'static str)> {
            let tokens = crate::text::tokens(text);
            let mut spans = spans.to_vec();
            join_of_phrases(gazetteer::get(), &tokens, &mut spans);
            spans
                .into_iter()
                .map(|(first, last, ty)| {
                    (text[tokens[first].start..tokens[last].end].to_string(), ty)
                })
                .collect()
        }
        let one = |name: &str, ty| vec![(name.to_string(), ty)];
        assert_eq!(
            joined("Republic of Serbia", &[(0, 0, "MISC"), (2, 2, "LOC")]),
            one("Republic of Serbia", "LOC")
        );
        // "Republic" joins whatever the model took it for; another place does not.
        assert_eq!(
            joined("Republic of Ireland", &[(0, 0, "LOC"), (2, 2, "LOC")]),
            one("Republic of Ireland", "LOC")
        );
        assert_eq!(
            joined("Paris of France", &[(0, 0, "LOC"), (2, 2, "LOC")]).len(),
            2
        );
        assert_eq!(
            joined("Ministry of Defence", &[(0, 0, "MISC"), (2, 2, "LOC")]),
            one("Ministry of Defence", "ORG")
        );
        // A team or a company of a place, and "for", are not joined.
        assert_eq!(
            joined("Dinamo of Russia", &[(0, 0, "ORG"), (2, 2, "LOC")]).len(),
            2
        );
        assert_eq!(
            joined("Cup for Spain", &[(0, 0, "MISC"), (2, 2, "LOC")]).len(),
            2
        );
    }

    #[test]
    fn events_are_other_names_whatever_the_model_saw() {
        let t =
            "Spain won the Davis Cup in Seville. Keane took two Brit Awards, and Paula Radcliffe \
            ran the London Marathon.";
        for event in ["Davis Cup", "Brit Awards", "London Marathon"] {
            assert!(has(t, event, Kind::Other), "{event}: {:?}", found(t));
        }
        assert!(has(t, "Paula Radcliffe", Kind::Person));
    }

    #[test]
    fn acronyms_of_things_are_not_names() {
        let t = "Sales of the PC and of DVDs rose, Microsoft said. HIV rates fell in Kenya. \
            The MPs said the vote was at 12:00 GMT. The IDS camp said little.";
        let names: Vec<String> = found(t).into_iter().map(|(name, _)| name).collect();
        for thing in ["PC", "DVDs", "HIV", "MPs", "GMT"] {
            assert!(!names.iter().any(|n| n == thing), "{thing} in {names:?}");
        }
        assert!(has(t, "Microsoft", Kind::Organization));
        assert!(has(t, "Kenya", Kind::Place));
    }

    #[test]
    fn function_words_of_other_languages_are_not_names() {
        let t = "La commission a rendu son avis. Pour le ministre, rien ne change.\n\
                 Mit dem Plan ist die Stadt zufrieden. Esta semana llegó la lluvia.\n\
                 Researchers at MIT said the plan works.";
        let got = found(t);
        for word in ["La", "Pour", "Mit", "Esta"] {
            assert!(got.iter().all(|(n, _)| n != word), "{word}: {got:?}");
        }
        assert!(got.iter().any(|(n, _)| n == "MIT"), "{got:?}");
    }

    #[test]
    fn abbreviated_titles_are_not_names() {
        let t = "Sen. Bernie Sanders and Rep. Nancy Pelosi said the plan was late.\n\
                 He met Lt. Col. James Reed and Gov. Jerry Brown.";
        let got = found(t);
        for name in ["Nancy Pelosi", "James Reed", "Jerry Brown"] {
            assert!(got.iter().any(|(n, _)| n == name), "{name}: {got:?}");
        }
        for title in ["Sen", "Rep", "Lt", "Col", "Gov"] {
            assert!(got.iter().all(|(n, _)| n != title), "{title}: {got:?}");
        }
    }

    #[test]
    fn the_with_its_capital_inside_a_sentence_begins_the_name() {
        let t = "Hollywood blockbuster The Aviator, starring Leonardo DiCaprio, leads the field. \
                 The Aviator took $75m. She wrote a column in The Guardian newspaper. Stars \
                 gave to The American Red Cross.";
        let got = found(t);
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names.iter().filter(|&&n| n == "The Aviator").count(),
            2,
            "{got:?}"
        );
        assert!(names.contains(&"The Guardian"), "{got:?}");
        assert!(!names.contains(&"The American"), "{got:?}");
        assert!(got
            .iter()
            .all(|(n, k)| !n.starts_with("The ") || *k != Kind::Person));
        // After a quotation mark "The" opens a sentence.
        let quoted = found("He said \"The Aviator is a gorgeous movie\" to Reuters.");
        assert!(
            quoted.iter().all(|(n, _)| !n.starts_with("The")),
            "{quoted:?}"
        );
    }

    #[test]
    fn sentence_initial_words_and_headlines_are_not_names() {
        let t = "However, the talks failed. Although they met, their aims differ.\nJOIN US ON TELEGRAM\nFollow the news.";
        let got = found(t);
        assert!(got.is_empty(), "{got:?}");
        let t = "Sure Robbie is talented, but the industry is in trouble.";
        assert_eq!(found(t), [("Robbie".to_string(), Kind::Person)]);
    }

    #[test]
    fn acronym_defined_in_parentheses_takes_the_kind_of_its_expansion() {
        let t = "The Harbour Workers Union (HWU) called a strike. The HWU says jobs are at stake.";
        let ms = recognise(t, None);
        let hwu: Vec<_> = ms.iter().filter(|m| &t[m.start..m.end] == "HWU").collect();
        assert_eq!(hwu.len(), 2);
        assert!(hwu.iter().all(|m| m.kind == Kind::Organization));
        assert_eq!(hwu[0].alias_of.as_deref(), Some("harbour workers union"));
    }

    #[test]
    fn quantities_with_units() {
        let t = "NATO sent 1,000 troops after a 78-day war and a vote with 3% turnout; 30 masked men fired.";
        let q: Vec<_> = recognise(t, None)
            .into_iter()
            .filter(|m| m.kind == Kind::Quantity)
            .collect();
        let values: Vec<&str> = q.iter().map(|m| m.value.as_deref().unwrap()).collect();
        assert_eq!(
            values,
            ["1000 troops", "78 day", "3% turnout", "30 masked men"]
        );
        assert_eq!(&t[q[0].start..q[0].end], "1,000 troops");
        // Units written onto the number; ordinals, times, scores and decades are no quantities.
        let t = "A £5m deal and a 2bn euro loan: 50GB of data, 6.46secs, in the 10th minute \
            at 12:00 GMT, a 2:1 win, the 1980s, a 3G phone.";
        let values: Vec<String> = recognise(t, None)
            .into_iter()
            .filter(|m| m.kind == Kind::Quantity)
            .map(|m| m.value.unwrap())
            .collect();
        assert_eq!(
            values,
            [
                "£5 million deal",
                "2 billion euro loan",
                "50 gb",
                "6.46 secs"
            ]
        );
    }

    #[test]
    fn possessives_and_compounds() {
        let t = "NATO’s Kosovo Force has been stationed there. The US-led bloc agreed with Serbia’s plan.";
        assert!(has(t, "NATO", Kind::Organization));
        assert!(has(t, "Kosovo Force", Kind::Organization));
        assert!(has(t, "US", Kind::Place));
        assert!(has(t, "Serbia", Kind::Place));
    }

    #[test]
    fn acronyms_defined_either_way_round() {
        let t = "Ann Berg told RTS (Radio Television of Serbia) on Monday that the deal holds.";
        let ms = recognise(t, None);
        let rts = ms
            .iter()
            .find(|m| &t[m.start..m.end] == "RTS")
            .expect("RTS");
        assert_eq!(rts.alias_of.as_deref(), Some("radio television of serbia"));
        assert!(has(t, "Radio Television of Serbia", Kind::Organization));
        // A country after a name in brackets is no acronym of that name.
        let t = "Tom Holt (U.S.) beat Ivan Petrov (Russia) 6-3 6-4.";
        let ms = recognise(t, None);
        assert!(ms.iter().all(|m| m.alias_of.is_none()), "{ms:?}");
    }

    #[test]
    fn a_title_inside_a_name_starts_the_person() {
        let t = "US National Security Adviser Jake Sullivan met the delegation in Paris.";
        assert!(has(t, "Jake Sullivan", Kind::Person));
        assert!(has(t, "US", Kind::Place));
        assert!(!found(t).iter().any(|(s, _)| s.contains("Adviser")));
    }

    #[test]
    fn a_verb_opening_a_sentence_is_no_name() {
        let t = "Officials met on Monday.\nCooperating with NATO is important, Anna Berg said.";
        assert!(!found(t).iter().any(|(s, _)| s == "Cooperating"));
        assert!(has(t, "NATO", Kind::Organization));
        assert!(has(t, "Anna Berg", Kind::Person));
    }

    #[test]
    fn a_role_phrase_holds_no_words_in_small_letters_but_its_qualifiers() {
        let t = "After the election the prime minister left. It was the job of chief that \
                 mattered, said the former finance minister and the Tory leader.";
        let phrases: Vec<&str> = recognise(t, None)
            .iter()
            .filter(|m| m.role_phrase)
            .map(|m| &t[m.start..m.end])
            .collect();
        assert_eq!(
            phrases,
            [
                "the prime minister",
                "the former finance minister",
                "the Tory leader"
            ]
        );
    }

    #[test]
    fn and_before_the_parts_two_names() {
        let t = "He wrote for The Independent and The Times before he joined the BBC.";
        let names: Vec<&str> = recognise(t, None)
            .iter()
            .map(|m| &t[m.start..m.end])
            .collect();
        assert!(names.iter().all(|n| !n.contains(" and ")), "{names:?}");
    }

    #[test]
    fn role_phrases_are_marked() {
        let t = "“We will cooperate,” the Serbian president said.";
        let ms = recognise(t, None);
        let role = ms.iter().find(|m| m.role_phrase).expect("role phrase");
        assert_eq!(&t[role.start..role.end], "the Serbian president");
    }
}
