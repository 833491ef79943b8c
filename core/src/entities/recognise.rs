//! Finding mentions in one document: dates, quantities, names (people, organisations, places,
//! groups), acronyms defined in parentheses, and role phrases ("the Serbian president") that
//! resolution later ties to a person.

use super::gazetteer::{self, Gazetteer, NAME_CONNECTORS};
use super::{dates, Kind, Mention};
use crate::text::{self, fold, Token};
use regex::Regex;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

/// Reporting verbs right after a name make it a person ("Kirby said").
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "noted",
    "stressed",
    "emphasized",
    "emphasised",
    "argued",
    "urged",
    "warned",
    "explained",
    "insisted",
    "asked",
    "replied",
    "responded",
    "declared",
    "announced",
    "claimed",
    "wrote",
    "tweeted",
    "recalled",
    "acknowledged",
    "admitted",
    "concluded",
    "stated",
    "vowed",
    "pledged",
];

/// Role nouns that, after "the" and optional qualifiers, refer back to a person.
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
    "chief",
    "mayor",
    "governor",
    "ambassador",
    "envoy",
    "chairman",
    "chair",
    "commander",
    "king",
    "queen",
    "chief executive",
    "union leader",
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
    out.sort_by_key(|m| (m.start, m.end));
    out
}

fn quantity_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?x)
            \b(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)
            (?:\s*(?P<pct>%|percent\b|per\ cent\b)|-(?P<hyph>[a-z]+)\b|\s+(?P<mult>million|billion|trillion|thousand|hundred)\b)?
            (?P<unit>(?:\s+[a-z][a-z-]*){0,2})",
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
        if before.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '.' || c == '/') {
            continue;
        }
        // Inside a date? Dates come sorted and apart, so look at the last one starting before.
        let k = dates.partition_point(|d| d.0 <= start);
        if k > 0 && start < dates[k - 1].1 {
            continue;
        }
        let digits: String = num.as_str().chars().filter(|c| *c != ',').collect();
        let is_year = digits.len() == 4 && (digits.starts_with("19") || digits.starts_with("20"));
        let mut end = num.end();
        let mut unit = String::new();
        if let Some(p) = caps.name("pct") {
            end = p.end();
            unit.push('%');
        } else if let Some(h) = caps.name("hyph") {
            end = h.end();
            unit.push_str(h.as_str());
        } else if let Some(m) = caps.name("mult") {
            end = m.end();
            unit.push_str(m.as_str());
        }
        if let Some(u) = caps.name("unit").filter(|_| caps.name("hyph").is_none()) {
            let mut pos = end;
            for word in u.as_str().split_whitespace() {
                if UNIT_STOP.contains(&word) {
                    break;
                }
                let at = text[pos..].find(word).map_or(pos, |i| pos + i);
                pos = at + word.len();
                end = pos;
                if !unit.is_empty() {
                    unit.push(' ');
                }
                unit.push_str(word);
            }
        }
        if is_year && unit.is_empty() {
            continue; // a bare year is a date, found by the date finder when in context
        }
        if unit.is_empty() && digits.len() < 2 {
            continue; // a lone digit says too little to compare
        }
        let currency = text[..start].ends_with('$')
            || text[..start].ends_with('€')
            || text[..start].ends_with('£');
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
        Regex::new(&format!(
            r"(?i)\bthe\s+(?:(?:[A-Z][\w’'-]*|[a-z]+(?:’s|'s))\s+){{0,3}}(?P<role>{roles})\b"
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

fn is_name_token(t: &Token) -> bool {
    t.is_capitalised() && t.text.chars().any(char::is_alphabetic)
}

/// The end of a token's name part: without a possessive ('s) or a lower-case hyphenated tail
/// ("US-led" → "US").
fn name_end(t: &Token) -> usize {
    let s = t.text;
    for suffix in ["’s", "'s", "’", "'"] {
        if let Some(stem) = s.strip_suffix(suffix) {
            if !stem.is_empty() {
                return t.start + stem.len();
            }
        }
    }
    if let Some(i) = s.find('-') {
        let tail = &s[i + 1..];
        if tail.chars().next().is_some_and(char::is_lowercase) && i > 0 {
            return t.start + i;
        }
    }
    t.end
}

fn is_possessive(t: &Token) -> bool {
    t.text.ends_with("’s") || t.text.ends_with("'s")
}

/// Names: runs of capitalised tokens, classified by gazetteers, titles and context.
fn names(text: &str, g: &Gazetteer, out: &mut Vec<Mention>) {
    let tokens = text::tokens(text);
    if tokens.is_empty() {
        return;
    }
    // Words seen in lower case anywhere in the text are ordinary words when they start a sentence.
    let lower_words: HashSet<String> = tokens
        .iter()
        .filter(|t| t.text.chars().next().is_some_and(char::is_lowercase))
        .map(|t| fold(t.text))
        .collect();
    let sentence_start = sentence_starts(text, &tokens);
    let caps_line = all_caps_lines(text);

    let mut i = 0;
    while i < tokens.len() {
        if !is_name_token(&tokens[i]) {
            i += 1;
            continue;
        }
        // Grow the run: capitalised tokens, and connectors between two of them.
        let mut j = i;
        while !is_possessive(&tokens[j]) && name_end(&tokens[j]) == tokens[j].end {
            let next = tokens.get(j + 1);
            match next {
                Some(n) if is_name_token(n) && same_line(text, tokens[j].end, n.start) => j += 1,
                Some(n)
                    if NAME_CONNECTORS.contains(&n.text)
                        && tokens.get(j + 2).is_some_and(|m| {
                            is_name_token(m) && same_line(text, n.end, m.start)
                        }) =>
                {
                    // "Bosnia and Herzegovina" joins; "Serbia and Kosovo" does not.
                    if n.text == "and" {
                        let joined = fold(&text[tokens[i].start..name_end(&tokens[j + 2])]);
                        if !g.countries.contains(joined.as_str())
                            && !g.organizations.contains(joined.as_str())
                        {
                            break;
                        }
                    }
                    j += 2;
                }
                _ => break,
            }
        }
        // A title inside a run starts a new name: "NATO Secretary-General Jens Stoltenberg".
        let context = RunContext {
            text,
            g,
            tokens: &tokens,
            sentence_start: &sentence_start,
            lower_words: &lower_words,
            caps_lines: &caps_line,
        };
        let mut from = i;
        for k in i + 1..j {
            let word = fold(tokens[k].text);
            let prev = fold(tokens[k - 1].text);
            // A title, or a given name right after a place ("… and Pristina Miroslav Lajcak").
            let after_place = g.given_names.contains(word.as_str())
                && (g.is_place(&prev) || g.organizations.contains(prev.as_str()));
            if g.titles.contains(word.as_str()) || after_place {
                classify_run(&context, from, k - 1, out);
                from = k;
            }
        }
        classify_run(&context, from, j, out);
        i = j + 1;
    }
    acronym_definitions(text, &tokens, out);
}

fn same_line(text: &str, a: usize, b: usize) -> bool {
    !text[a..b].contains('\n')
}

/// Indices of tokens that start a sentence or a line.
fn sentence_starts(text: &str, tokens: &[Token]) -> HashSet<usize> {
    let mut starts = HashSet::new();
    let mut expect = true;
    for (i, t) in tokens.iter().enumerate() {
        let line_break = i > 0 && text[tokens[i - 1].end..t.start].contains('\n');
        if expect || line_break {
            if t.is_word() {
                starts.insert(i);
                expect = false;
            } else {
                // Quotes, dashes and brackets before the first word keep the sentence start.
                expect = true;
            }
            continue;
        }
        if matches!(t.text, "." | "!" | "?" | ":" | "…" | "•" | "|") {
            expect = true;
        }
    }
    starts
}

/// Byte ranges of lines written in capitals (headlines, banners), whose words are not names.
fn all_caps_lines(text: &str) -> Vec<std::ops::Range<usize>> {
    text::lines(text)
        .into_iter()
        .filter(|r| {
            let letters: Vec<char> = text[r.clone()]
                .chars()
                .filter(|c| c.is_alphabetic())
                .collect();
            letters.len() >= 8 && letters.iter().all(|c| c.is_uppercase())
        })
        .collect()
}

/// What classifying a run of capitalised tokens needs to know about its document.
struct RunContext<'a> {
    text: &'a str,
    g: &'a Gazetteer,
    tokens: &'a [Token<'a>],
    sentence_start: &'a HashSet<usize>,
    lower_words: &'a HashSet<String>,
    caps_lines: &'a [std::ops::Range<usize>],
}

fn classify_run(cx: &RunContext, first: usize, last: usize, out: &mut Vec<Mention>) {
    let RunContext {
        text,
        g,
        tokens,
        sentence_start,
        lower_words,
        caps_lines,
    } = *cx;
    let at = tokens[first].start;
    let k = caps_lines.partition_point(|r| r.start <= at);
    let in_caps_line = k > 0 && caps_lines[k - 1].contains(&at);
    let mut i = first;
    let mut title: Option<String> = None;
    // Peel off leading words that are not part of the name: sentence-initial function words,
    // titles ("President", "Secretary-General") and nationality adjectives before a title.
    while i <= last {
        let t = &tokens[i];
        let f = fold(&text[t.start..name_end(t)]);
        let two = (i < last).then(|| fold(&text[t.start..tokens[i + 1].end]));
        if let Some(two) = two.as_ref().filter(|two| g.titles.contains(two.as_str())) {
            title = Some(two.clone());
            i += 2;
            continue;
        }
        if g.titles.contains(f.as_str()) && i < last {
            title = Some(f);
            i += 1;
            continue;
        }
        // "Secretary of State …", "Prime Minister of Kosovo …": the "of" part belongs to the title.
        if title.is_some() && t.text == "of" && i < last {
            let what = &tokens[i + 1];
            let folded = fold(&text[what.start..name_end(what)]);
            if g.is_place(&folded) {
                out.push(Mention::new(what.start, name_end(what), Kind::Place, None));
            }
            i += 2;
            continue;
        }
        let initial = sentence_start.contains(&i);
        if (initial || i == first) && g.not_names.contains(f.as_str()) && !g.is_place(&f) {
            i += 1;
            continue;
        }
        if g.demonyms.contains(f.as_str()) && i < last {
            let next = fold(tokens[i + 1].text);
            if g.titles.contains(next.as_str()) || g.demonyms.contains(next.as_str()) {
                out.push(Mention::new(t.start, name_end(t), Kind::Group, None));
                i += 1;
                continue;
            }
        }
        break;
    }
    if i > last {
        return;
    }
    // A lower-case title before the name: "union leader Maria Keller", "spokesman John Kirby".
    if title.is_none() && i == first && i > 0 {
        let one = fold(tokens[i - 1].text);
        let two = (i > 1).then(|| fold(&text[tokens[i - 2].start..tokens[i - 1].end]));
        title = two
            .filter(|t| g.titles.contains(t.as_str()))
            .or_else(|| g.titles.contains(one.as_str()).then_some(one));
    }
    let start = tokens[i].start;
    let end = name_end(&tokens[last]);
    if end <= start {
        return;
    }
    let surface = &text[start..end];
    let folded = fold(surface);
    let n_tokens = last - i + 1;
    let first_fold = fold(tokens[i].text);
    let last_fold = fold(&text[tokens[last].start..end]);
    let initial = sentence_start.contains(&i);
    let acronym = surface
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
        && surface.chars().filter(|c| c.is_alphabetic()).count() >= 2;

    let known_alias = g.aliases.get(folded.as_str()).map(|c| fold(c));
    let kind = if let Some(canonical) = known_alias.as_deref() {
        if g.organizations.contains(canonical) || g.organizations.contains(folded.as_str()) {
            Kind::Organization
        } else {
            Kind::Place
        }
    } else if g.organizations.contains(folded.as_str()) {
        Kind::Organization
    } else if g.is_place(&folded) {
        Kind::Place
    } else if g.demonyms.contains(folded.as_str()) {
        Kind::Group
    } else if in_caps_line {
        return;
    } else if title.is_some() && !acronym {
        Kind::Person
    } else if (first..=last).any(|k| g.org_heads.contains(fold(tokens[k].text).as_str()))
        && n_tokens >= 2
    {
        Kind::Organization
    } else if n_tokens == 1 {
        if initial && (lower_words.contains(&folded) || g.not_names.contains(folded.as_str())) {
            return;
        }
        if g.not_names.contains(folded.as_str()) || folded.chars().count() < 2 {
            return;
        }
        let prev = i.checked_sub(1).map(|p| fold(tokens[p].text));
        let next = tokens.get(last + 1).map(|t| fold(t.text));
        let speaks = next.as_deref().is_some_and(|n| SPEECH_VERBS.contains(&n));
        if (speaks || g.given_names.contains(first_fold.as_str())) && !acronym {
            Kind::Person
        } else if prev
            .as_deref()
            .is_some_and(|p| g.place_prepositions.contains(p))
            && !acronym
        {
            Kind::Place
        } else if acronym {
            Kind::Organization
        } else {
            Kind::Other
        }
    } else if g.given_names.contains(first_fold.as_str()) && n_tokens <= 4 {
        Kind::Person
    } else if g.is_place(&last_fold) && n_tokens == 2 && g.demonyms.contains(first_fold.as_str()) {
        Kind::Place
    } else if n_tokens <= 3
        && (i..=last).all(|k| {
            let t = &tokens[k];
            t.text.chars().next().is_some_and(char::is_uppercase)
                && t.text.chars().skip(1).any(char::is_lowercase)
                && !g.is_place(&fold(t.text))
        })
    {
        Kind::Person
    } else {
        Kind::Other
    };
    let mut mention = Mention::new(start, end, kind, None);
    mention.role = title;
    out.push(mention);
}

/// "Kosovo Force (KFOR)": the acronym is an alias of the name before it.
fn acronym_definitions(text: &str, tokens: &[Token], out: &mut [Mention]) {
    let by_end: HashMap<usize, usize> = out.iter().enumerate().map(|(i, m)| (m.end, i)).collect();
    let by_start: HashMap<usize, usize> =
        out.iter().enumerate().map(|(i, m)| (m.start, i)).collect();
    for k in 1..tokens.len().saturating_sub(2) {
        if tokens[k].text != "(" || tokens[k + 2].text != ")" {
            continue;
        }
        let acr = &tokens[k + 1];
        let letters: Vec<char> = acr.text.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() < 2 || !letters.iter().all(|c| c.is_uppercase()) {
            continue;
        }
        let before_end = tokens[k - 1].end;
        let Some(expansion) = by_end.get(&before_end).map(|&i| out[i].clone()) else {
            continue;
        };
        if expansion.kind == Kind::Date || expansion.kind == Kind::Quantity {
            continue;
        }
        let key = fold(&text[expansion.start..expansion.end]);
        if let Some(m) = by_start.get(&acr.start).and_then(|&i| out.get_mut(i)) {
            m.kind = expansion.kind;
            m.alias_of = Some(key);
        }
    }
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
    }

    #[test]
    fn sentence_initial_words_and_headlines_are_not_names() {
        let t = "However, the talks failed. Although they met, their aims differ.\nJOIN US ON TELEGRAM\nFollow the news.";
        let got = found(t);
        assert!(got.is_empty(), "{got:?}");
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
    fn role_phrases_are_marked() {
        let t = "“We will cooperate,” the Serbian president said.";
        let ms = recognise(t, None);
        let role = ms.iter().find(|m| m.role_phrase).expect("role phrase");
        assert_eq!(&t[role.start..role.end], "the Serbian president");
    }
}
