//! Resolution: merging the mentions of every document into entities, one per real-world thing.
//!
//! Mentions are keyed by their folded surface (diacritics and case removed, known aliases such
//! as US / U.S. / United States mapped to one name, acronyms defined in the text mapped to their
//! expansion). Then single-word person mentions join the unique full name with that surname
//! (or a given name alone the unique full name starting with it; where several full names end
//! in it, the one the mention's document gives, or for "Mr Blair" the batch's best-known one),
//! and role phrases ("the Serbian president") join the person who holds that role.

use super::gazetteer;
use super::recognise::{is_honorific, RANKS, ROLE_QUALIFIERS};
use super::{DocSpan, Entity, EntityTable, Kind, Mention};
use crate::text::{fold, fold_into};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeMap;

/// The [`RANKS`] among `words`, one bit each.
fn ranks(words: &str) -> u8 {
    words
        .split(' ')
        .flat_map(|w| w.split('-'))
        .filter_map(|w| RANKS.iter().position(|r| r.eq_ignore_ascii_case(w)))
        .fold(0, |bits, k| bits | 1 << k)
}

/// Whether a person titled `title` can be meant by a role phrase with the noun `phrase_role`
/// and the [`ranks`] `phrase_ranks`: "leader" stands for a president too, "minister" for the
/// foreign minister; a multi-word role must be the title's end ("the union leader" is not the
/// Labour leader).
fn role_matches(phrase_role: &str, phrase_ranks: u8, title: &str) -> bool {
    let title = title.trim_end_matches('.');
    fn head(s: &str) -> &str {
        s.rsplit(' ').next().unwrap_or(s)
    }
    let title_ranks = ranks(title);
    match phrase_role {
        "leader" | "head of state" | "chief" | "commander in chief" | "commander-in-chief" => {
            // "the leader" may be the prime minister, not a deputy.
            const PRIME_FIRST: u8 = 0b110_0000;
            title_ranks & !PRIME_FIRST == phrase_ranks & !PRIME_FIRST
                && (matches!(
                    head(title),
                    "president"
                        | "minister"
                        | "leader"
                        | "chancellor"
                        | "premier"
                        | "king"
                        | "queen"
                        | "chief"
                        | "head"
                ) || title.contains("secretary"))
        }
        "secretary general" | "secretary-general" => {
            title_ranks == phrase_ranks && title.contains("secretary")
        }
        role => {
            title_ranks == phrase_ranks
                && (title == role
                    || title
                        .strip_suffix(role)
                        .is_some_and(|rest| rest.ends_with(' ')))
        }
    }
}

/// Every [`Kind`], in its order (a group's votes are counted by `kind as usize`).
const KINDS: [Kind; 7] = [
    Kind::Person,
    Kind::Organization,
    Kind::Place,
    Kind::Date,
    Kind::Quantity,
    Kind::Group,
    Kind::Other,
];

struct Group {
    /// Mentions of each kind, by `kind as usize`.
    kind_votes: [u32; KINDS.len()],
    /// The kind the votes and titles give ([`Group::vote`]), once they are all in.
    kind: Kind,
    /// Mentions the model named a person with a title before them ("Prime Minister Albin Kurti").
    titled: u32,
    /// Named as a film, a book or a song ([`named_as_a_work`]): no one's short name.
    work: bool,
    /// Each title, with the document that gives it, as often as it does.
    titles: Vec<(String, usize)>,
    surfaces: BTreeMap<String, usize>,
    canonical: Option<String>,
    mentions: Vec<DocSpan>,
    value: Option<String>,
}

impl Group {
    fn new() -> Group {
        Group {
            kind_votes: [0; KINDS.len()],
            kind: Kind::Other,
            titled: 0,
            work: false,
            titles: Vec::new(),
            surfaces: BTreeMap::new(),
            canonical: None,
            mentions: Vec::new(),
            value: None,
        }
    }

    /// The documents the group is mentioned in, in order.
    fn docs(&self) -> Vec<usize> {
        let mut docs: Vec<usize> = self.mentions.iter().map(|m| m.doc).collect();
        docs.sort_unstable();
        docs.dedup();
        docs
    }

    fn vote(&self) -> Kind {
        // The most voted kind but Other (the first in order on a tie), else Other.
        let most = KINDS
            .iter()
            .zip(self.kind_votes)
            .filter(|&(&k, n)| k != Kind::Other && n > 0)
            .max_by_key(|&(&k, n)| (n, std::cmp::Reverse(k)));
        // A title makes a person, unless the model named the thing otherwise more than four
        // times as often ("chairman Labour" once against 420 mentions of the party).
        let person = self.kind_votes[Kind::Person as usize];
        match most {
            Some((_, n)) if self.titled > 0 && n <= 4 * person => Kind::Person,
            Some((&k, _)) => k,
            None => Kind::Other,
        }
    }

    /// Whether every spelling has a small letter: "The Who" is not the "WHO".
    fn not_an_acronym(&self) -> bool {
        self.surfaces.keys().all(|s| s.contains(char::is_lowercase))
    }

    /// Adds a mention from elsewhere, with its spelling.
    fn add(&mut self, texts: &[&str], m: DocSpan) {
        let surface = &texts[m.doc][m.start..m.end];
        *self.surfaces.entry(surface.to_string()).or_default() += 1;
        self.mentions.push(m);
    }

    /// Counts the spellings of the group's mentions again, after some went elsewhere.
    fn count_surfaces(&mut self, texts: &[&str]) {
        self.surfaces.clear();
        for m in &self.mentions {
            let surface = &texts[m.doc][m.start..m.end];
            *self.surfaces.entry(surface.to_string()).or_default() += 1;
        }
    }
}

/// Merges `other` into `target` before their kinds are settled: its votes too.
fn absorb_votes(target: &mut Group, other: Group) {
    for (n, k) in target.kind_votes.iter_mut().zip(other.kind_votes) {
        *n += k;
    }
    target.titled += other.titled;
    if target.canonical.is_none() {
        target.canonical.clone_from(&other.canonical);
    }
    absorb(target, other);
}

/// Whether two words differ by one letter: one changed, added or dropped, or two side by side
/// swapped.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let same = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    match long.len() - short.len() {
        0 if same < short.len() => {
            let i = same;
            short[i + 1..] == long[i + 1..]
                || (i + 1 < short.len()
                    && short[i] == long[i + 1]
                    && short[i + 1] == long[i]
                    && short[i + 2..] == long[i + 2..])
        }
        1 => short[same..] == long[same + 1..],
        _ => false,
    }
}

/// Names of two words or more that differ in one long word by one letter, the other words the
/// same: spellings of one name across sources ("Viktor Yanukovich", "Viktor Yanukovych"; "World
/// Trade Organisation", "…Organization") or a slip ("Keira Knightly"): the pairs of keys, the
/// first of each before the other in order. Not where one document writes both (two names,
/// then), nor a word against the same with an "n" added at its end ("Latin America", "Latin
/// American"); not short words, where one letter makes another name ("Paul Thompson", "Paul
/// Thomson"), nor single words ("Stamford", "Stanford"; "Hertfordshire", "Herefordshire").
fn spelling_variants(groups: &FxHashMap<String, Group>) -> Vec<(String, String)> {
    const LONG: usize = 8;
    // Each key under a hash of itself and of every form with one letter of a long word dropped:
    // a polynomial hash, so that a form's is found from the key's prefixes without building
    // it. Keys sharing a hash are then compared. (Keys in order, so that the pairs come in the
    // same order every run.)
    const BASE: u64 = 0x0100_0000_01b3;
    let keys = sorted_keys(groups, &|k, _| k.contains(' ') && !k.contains(':'));
    let longest = keys.iter().map(String::len).max().unwrap_or(0);
    let mut powers = Vec::with_capacity(longest + 1);
    powers.push(1u64);
    for i in 0..longest {
        powers.push(powers[i].wrapping_mul(BASE));
    }
    // (Hash, key, 0): the type the comparison's 8-grams are sorted as, so that the download
    // holds one sort for both.
    let mut forms: Vec<(u64, u32, u32)> = Vec::new();
    let mut prefix: Vec<u64> = Vec::new();
    for (n, key) in keys.iter().enumerate() {
        let (bytes, n) = (key.as_bytes(), n as u32);
        let mut at = 0;
        prefix.clear();
        for word in key.split(' ') {
            if word.len() >= LONG && word.chars().count() >= LONG {
                // The key's prefixes' hashes, once for its long words.
                if prefix.is_empty() {
                    prefix.push(0);
                    for &b in bytes {
                        let h = prefix[prefix.len() - 1];
                        prefix.push(h.wrapping_mul(BASE).wrapping_add(u64::from(b)));
                    }
                }
                let whole = prefix[bytes.len()];
                for (i, c) in word.char_indices() {
                    let (cut, rest) = (at + i, at + i + c.len_utf8());
                    let tail = powers[bytes.len() - rest];
                    let suffix = whole.wrapping_sub(prefix[rest].wrapping_mul(tail));
                    forms.push((prefix[cut].wrapping_mul(tail).wrapping_add(suffix), n, 0));
                }
                forms.push((whole, n, 0));
            }
            at += word.len() + 1;
        }
    }
    forms.sort_unstable();
    forms.dedup();
    // (A pair may come twice: two swapped letters give two shared forms.)
    let mut pairs = Vec::new();
    for run in forms.chunk_by(|x, y| x.0 == y.0) {
        for (i, &(_, a, _)) in run.iter().enumerate() {
            for &(_, b, _) in &run[i + 1..] {
                let (a, b) = (&keys[a as usize], &keys[b as usize]);
                if a != b && variant_pair(groups, a, b) {
                    pairs.push((a.clone(), b.clone()));
                }
            }
        }
    }
    pairs
}

/// See [`spelling_variants`].
fn variant_pair(groups: &FxHashMap<String, Group>, a: &str, b: &str) -> bool {
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    if wa.len() != wb.len() {
        return false;
    }
    let mut differ = wa.iter().zip(&wb).filter(|(x, y)| x != y);
    let (Some((x, y)), None) = (differ.next(), differ.next()) else {
        return false;
    };
    let long = |w: &str| w.chars().count() >= 8;
    let demonym_like = |x: &str, y: &str| y.strip_prefix(x) == Some("n");
    if !(long(x) && long(y) && one_edit_apart(x, y)) || demonym_like(x, y) || demonym_like(y, x) {
        return false;
    }
    let (da, db) = (groups[a].docs(), groups[b].docs());
    !da.iter().any(|d| db.binary_search(d).is_ok())
}

/// Merges `other` into `target`: its spellings, titles and mentions.
fn absorb(target: &mut Group, other: Group) {
    for (s, n) in other.surfaces {
        *target.surfaces.entry(s).or_default() += n;
    }
    target.titles.extend(other.titles);
    target.mentions.extend(other.mentions);
}

/// News names a person in full where it first mentions them: a short form used in three
/// documents or more, mostly ones that never give the full name, is someone (or something)
/// else: "Mac" is not short for "Freddie Mac", nor "Bath" for a reader's "Fellow Bath".
fn short_form_of(short: &Group, full: &Group) -> bool {
    let (short, named) = (short.docs(), full.docs());
    short.len() < 3
        || 3 * short
            .iter()
            .filter(|d| named.binary_search(d).is_ok())
            .count()
            >= short.len()
}

/// Whether the text puts a kind of work right before the name ("the film Vera Drake", "her
/// album Musicology") twice or more, and for one mention in eight or more, or any number for a
/// name `led_by_the` ("the biopic The Aviator": no person's). ("Play", "single" and "game" are
/// left out: "will play Cyril Saulnier", "a single HSDPA device".)
fn named_as_a_work(texts: &[&str], group: &Group, led_by_the: bool) -> bool {
    const WORKS: &[&str] = &[
        "film",
        "films",
        "movie",
        "album",
        "musical",
        "novel",
        "sitcom",
        "documentary",
        "biopic",
        "drama",
        "thriller",
        "series",
        "opera",
        "song",
    ];
    let works = group
        .mentions
        .iter()
        .filter(|m| {
            word_before(texts[m.doc], m.start)
                .is_some_and(|w| WORKS.iter().any(|k| k.eq_ignore_ascii_case(w)))
        })
        .count();
    works >= 2 && (led_by_the || works * 8 >= group.mentions.len())
}

/// The word a space before `start` ends, if any.
fn word_before(text: &str, start: usize) -> Option<&str> {
    let before = text[..start].strip_suffix(' ')?;
    before.rsplit(|c: char| !c.is_alphanumeric()).next()
}

/// Whether the text puts an article or a possessive right before the name ("the Oscar", "an
/// Xbox", "her Grammy") three times or more, and for one mention in four or more.
fn named_as_a_thing(texts: &[&str], group: &Group) -> bool {
    const BEFORE: [&str; 9] = [
        "the", "a", "an", "his", "her", "its", "their", "this", "that",
    ];
    let things = group
        .mentions
        .iter()
        .filter(|m| {
            // (Capitalised where a sentence opens; but "A Titterrell" in a team list is an
            // initial.)
            word_before(texts[m.doc], m.start)
                .is_some_and(|w| w != "A" && BEFORE.iter().any(|b| b.eq_ignore_ascii_case(w)))
        })
        .count();
    things >= 3 && things * 4 >= group.mentions.len()
}

/// What the text makes of a name it puts before ", which" or before the people of a body
/// ("officials", "a spokesman") twice or more, and for one mention in four or more: an
/// organisation if it puts it before the people of a body at all, else a thing ("Garden State,
/// which…": a film).
fn named_as_a_body(texts: &[&str], group: &Group) -> Option<Kind> {
    const PEOPLE: [&str; 7] = [
        "officials",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "executives",
        "employees",
        "shareholders",
    ];
    let (mut which, mut people) = (0, 0);
    for m in &group.mentions {
        let rest = &texts[m.doc][m.end..];
        if rest.starts_with(", which ") {
            which += 1;
        } else if rest.strip_prefix(' ').is_some_and(|r| {
            let word = r.split(|c: char| !c.is_alphanumeric()).next();
            word.is_some_and(|w| PEOPLE.contains(&w))
        }) {
            people += 1;
        }
    }
    let named = which + people;
    match (named >= 2 && named * 4 >= group.mentions.len(), people > 0) {
        (false, _) => None,
        (true, true) => Some(Kind::Organization),
        (true, false) => Some(Kind::Other),
    }
}

/// Whether the text refers back to the group's name as "it" three times or more, and more than
/// half as often again as "he", "she" or "they".
fn called_it(texts: &[&str], group: &Group) -> bool {
    let (mut it, mut personal) = (0, 0);
    for m in &group.mentions {
        match pronoun_after(texts[m.doc], m.end) {
            Some(Pronoun::It) => it += 1,
            Some(Pronoun::Personal) => personal += 1,
            None => {}
        }
    }
    it >= 3 && 2 * it > 3 * personal
}

enum Pronoun {
    It,
    Personal,
}

/// The first pronoun in the ten words after a name ending at `end`, in the same sentence: "it" or
/// "its", or a personal one (he, she, they and their other forms). None after a possessive.
fn pronoun_after(text: &str, end: usize) -> Option<Pronoun> {
    let rest = &text.as_bytes()[end..];
    // "Eastwood's film … it": after a possessive, "it" is most often the thing possessed.
    if rest.starts_with(b"'s") || rest.starts_with("’s".as_bytes()) {
        return None;
    }
    let (mut i, mut words) = (0, 0);
    while i < rest.len() && words < 10 {
        match rest[i] {
            b'.' | b'!' | b'?' | b'\n' => return None,
            b if b.is_ascii_alphabetic() => {
                let start = i;
                while i < rest.len() && rest[i].is_ascii_alphabetic() {
                    i += 1;
                }
                let word = &rest[start..i];
                let one_of =
                    |list: &[&str]| list.iter().any(|w| word.eq_ignore_ascii_case(w.as_bytes()));
                if one_of(&["it", "its"]) {
                    return Some(Pronoun::It);
                }
                if one_of(&["he", "his", "him", "she", "her", "they", "their", "them"]) {
                    return Some(Pronoun::Personal);
                }
                words += 1;
            }
            _ => i += 1,
        }
    }
    None
}

/// The capitalised words of a role phrase between "the" and its role noun, folded: "the Tory
/// leader" → ["tory"], "the bloc's secretary-general" → [].
fn role_qualifiers(phrase: &str, role: &str) -> Vec<String> {
    let words = phrase.split_whitespace().collect::<Vec<_>>();
    let qualifying = words.len().saturating_sub(1 + role.split(' ').count());
    words
        .iter()
        .skip(1)
        .take(qualifying)
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .map(|w| fold(strip_possessive(w)))
        .collect()
}

/// "Serbian", "Serbia", "US".
fn is_people_or_place(g: &gazetteer::Gazetteer, word: &str) -> bool {
    g.demonyms.contains(word) || g.is_place(word)
}

/// A party's word, for the party or one of its members: "Tory", "Lib Dem", "Democrat".
fn is_party(word: &str) -> bool {
    [
        "conservative",
        "democrat",
        "democratic",
        "republican",
        "labour",
        "liberal",
        "tory",
        "lib dem",
        "socialist",
        "communist",
        "green",
        "nationalist",
        "unionist",
    ]
    .contains(&word)
}

/// A role phrase's qualifier that names a party, a body or a firm ("Tory", "NATO", "Ofsted"),
/// not a country, its people or the kind of role ("Serbian", "US", "Deputy", "Finance").
fn names_a_body(g: &gazetteer::Gazetteer, qualifier: &str) -> bool {
    is_party(qualifier)
        || !(is_people_or_place(g, qualifier)
            || g.titles.contains(qualifier)
            || ROLE_QUALIFIERS.contains(&qualifier))
}

/// "republic of serbia", "kingdom of spain": a country's formal name, not itself known as a
/// place; the byte length of the country's name at its end. (Not "democratic republic of
/// congo", another country than the Republic of Congo.)
fn state_of(g: &gazetteer::Gazetteer, key: &str) -> Option<usize> {
    const FORMAL: [&str; 10] = [
        "republic",
        "kingdom",
        "state",
        "federal",
        "islamic",
        "people's",
        "principality",
        "sultanate",
        "socialist",
        "arab",
    ];
    // (Most keys are no such name: their first word tells, before any search for " of ".)
    let starts = |f: &&str| key.as_bytes().get(f.len()) == Some(&b' ') && key.starts_with(*f);
    if !FORMAL.iter().any(starts) {
        return None;
    }
    let (head, country) = key.split_once(" of ")?;
    (head.split(' ').all(|w| FORMAL.contains(&w))
        && g.countries.contains(country)
        && !g.is_place(key))
    .then_some(country.len())
}

/// Builds a mention's group key in `key`: the folded name (or the name an acronym stands for, or
/// a date's or quantity's value), the canonical form where the gazetteer knows the name by
/// another ("Tories"), the country alone for its formal name ("Republic of Serbia"), a leading
/// "UN", "US", "UK" or "EU" spelt out. Returns the canonical name those give, if any.
fn mention_key<'t>(
    g: &gazetteer::Gazetteer,
    text: &'t str,
    m: &Mention,
    key: &mut String,
) -> Option<&'t str> {
    let surface = strip_possessive(&text[m.start..m.end]);
    key.clear();
    match m.kind {
        Kind::Date | Kind::Quantity => {
            key.push_str(if m.kind == Kind::Date {
                "Date:"
            } else {
                "Quantity:"
            });
            match &m.value {
                Some(value) => key.push_str(value),
                None => fold_into(surface, key),
            }
            None
        }
        _ => {
            match &m.alias_of {
                Some(target) => key.push_str(target),
                None => fold_into(surface, key),
            }
            if let Some(c) = g.aliases.get(key.as_str()) {
                key.clear();
                fold_into(c, key);
                Some(*c)
            } else if let Some(country) = state_of(g, key) {
                // "the Republic of Serbia" is Serbia.
                key.replace_range(..key.len() - country, "");
                surface.rsplit_once(" of ").map(|(_, name)| name)
            } else {
                // "UN Security Council Resolution" is "United Nations Security Council
                // Resolution", "US Anti-Doping Agency" the "United States Anti-Doping Agency".
                const SHORT: [&str; 9] =
                    ["us", "u.s.", "u.s", "usa", "uk", "u.k.", "eu", "un", "u.n."];
                let space = key.find(' ').unwrap_or(key.len());
                let head = &key[..space];
                if let Some(full) = (space < key.len() && SHORT.contains(&head))
                    .then(|| g.aliases.get(head))
                    .flatten()
                {
                    let rest = key.split_off(space);
                    key.clear();
                    fold_into(full, key);
                    key.push_str(&rest);
                }
                None
            }
        }
    }
}

fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("’s")
        .or_else(|| s.strip_suffix("'s"))
        .unwrap_or(s)
}

pub fn resolve(texts: &[&str], mentions: Vec<Vec<Mention>>) -> EntityTable {
    let g = gazetteer::get();
    // By key; where the order of keys matters, they are sorted (a hash map: a batch has tens of
    // thousands of groups and ten times as many mentions).
    let mut groups: FxHashMap<String, Group> = FxHashMap::default();
    let mut roles: Vec<(usize, Mention)> = Vec::new();

    // Each mention's key is built in one buffer, copied only for a group's first mention.
    let mut key = String::new();
    for (doc, list) in mentions.into_iter().enumerate() {
        let text = texts[doc];
        for mut m in list {
            if m.role_phrase {
                roles.push((doc, m));
                continue;
            }
            let surface = strip_possessive(&text[m.start..m.end]);
            let canonical = mention_key(g, text, &m, &mut key);
            if !groups.contains_key(key.as_str()) {
                groups.insert(key.clone(), Group::new());
            }
            let group = groups.get_mut(key.as_str()).expect("inserted above");
            group.kind_votes[m.kind as usize] += 1;
            if let Some(t) = m.role.take() {
                group.titled += u32::from(m.kind == Kind::Person);
                group.titles.push((t, doc));
            }
            match group.surfaces.get_mut(surface) {
                Some(n) => *n += 1,
                None => {
                    group.surfaces.insert(surface.to_string(), 1);
                }
            }
            if group.canonical.is_none() {
                group.canonical = canonical.map(str::to_string);
            }
            if group.value.is_none() {
                group.value = m.value.take();
            }
            group.mentions.push(DocSpan {
                doc,
                start: m.start,
                end: m.start + surface.len(),
            });
        }
    }

    // One name in several spellings ("Viktor Yanukovich", "Viktor Yanukovych"): the rarer joins
    // the commoner (the first in order on a tie). A chain of spellings ends in one group.
    let mut joined: FxHashMap<String, String> = FxHashMap::default();
    for (a, b) in spelling_variants(&groups) {
        let find = |mut k: String| {
            while let Some(next) = joined.get(&k) {
                k = next.clone();
            }
            k
        };
        let (a, b) = (find(a), find(b));
        if a == b {
            continue;
        }
        let size = |k: &String| groups[k].mentions.len();
        let (from, into) = if size(&b) > size(&a) { (a, b) } else { (b, a) };
        let rare = groups.remove(&from).expect("a key of the map");
        absorb_votes(groups.get_mut(&into).expect("a key of the map"), rare);
        joined.insert(from, into);
    }

    // "The Aviator leads the shortlist": where a sentence opens with "The", the model's name
    // begins after it. Where the batch writes the name with its "The" inside a sentence ("the
    // biopic The Aviator") twice or more, such a mention is that name, "The" and all. (Not a
    // nationality's word, "The Australian" is a paper but "The Australian team" won; nor an
    // acronym, "The WHO warned".)
    let led = sorted_keys(&groups, &|k, grp| {
        grp.mentions.len() >= 2
            && k.strip_prefix("the ").is_some_and(|rest| {
                !g.demonyms.contains(rest) && groups.get(rest).is_some_and(Group::not_an_acronym)
            })
    });
    for key in led {
        let rest = groups.get_mut(&key[4..]).expect("a key of the map");
        let all = rest.mentions.len();
        let (opened, kept): (Vec<DocSpan>, Vec<DocSpan>) = std::mem::take(&mut rest.mentions)
            .into_iter()
            .partition(|m| {
                let text = texts[m.doc];
                text.get(m.start.wrapping_sub(4)..m.start) == Some("The ")
                    && opens_sentence(text, m.start - 4)
            });
        rest.mentions = kept;
        if opened.is_empty() {
            continue;
        }
        if rest.mentions.is_empty() {
            groups.remove(&key[4..]);
        } else if rest.mentions.len() < all {
            rest.count_surfaces(texts);
        }
        let target = groups.get_mut(&key).expect("a key of the map");
        for m in opened {
            let start = m.start - 4;
            target.add(texts, DocSpan { start, ..m });
        }
    }

    // An acronym group and its expansion ("kfor" ← "kosovo force") are merged by the alias keys
    // above; an acronym used in a document without its definition falls back to its own key.
    // Each group's kind is settled now (a one-word person's may yet become an organisation
    // below): nothing below adds votes or titled mentions.
    for (key, group) in groups.iter_mut() {
        group.kind = group.vote();
        // A nationality's word ("French") names a group, unless most of its mentions name a
        // person ("Mr German"); a party's ("Tory", "Lib Dem") unless a title says so.
        let party = is_party(key);
        if matches!(group.kind, Kind::Person | Kind::Other)
            && (party || g.demonyms.contains(key.as_str()))
        {
            let person = group.kind_votes[Kind::Person as usize];
            if person * 2 < group.kind_votes.iter().sum() || (party && group.titled == 0) {
                group.kind = Kind::Group;
            }
        }
        // "the abortion drama Vera Drake", "the biopic Ray": a film, a book or a song, not a
        // person, an organisation or a place.
        if matches!(group.kind, Kind::Person | Kind::Organization | Kind::Place)
            && group.titled == 0
            && named_as_a_work(texts, group, key.starts_with("the "))
        {
            group.kind = Kind::Other;
            group.work = true;
        }

        // A British party's names and its members' word ("Tories", "Tory", "Lib Dem") are the
        // party (the gazetteer's aliases gave them its key), whatever the model saw.
        if gazetteer::BRITISH_PARTIES
            .iter()
            .any(|party| party.eq_ignore_ascii_case(key))
        {
            group.kind = Kind::Organization;
        }
    }

    // "the Oscar ceremony", "an Xbox", "the Bill": a one-word "person" that the text often puts
    // right after "the", "a" or a possessive is a thing. Not a known given name, nor a name a
    // title stands before, nor the surname of a person the batch names with a known given name
    // ("the Cueto try" of Mark Cueto).
    let surnames: FxHashSet<&str> = groups
        .iter()
        .filter(|(_, grp)| grp.kind == Kind::Person)
        .filter_map(|(k, _)| k.split_once(' '))
        .filter(|(first, _)| g.given_names.contains(first))
        .map(|(_, rest)| rest.rsplit(' ').next().unwrap_or(rest))
        .collect();
    let things = sorted_keys(&groups, &|k, grp| {
        grp.kind == Kind::Person
            && grp.titled == 0
            && !k.contains(' ')
            && !g.given_names.contains(k)
            && !surnames.contains(k)
            && named_as_a_thing(texts, grp)
    });
    drop(surnames);
    for key in things {
        let thing = groups.get_mut(&key).expect("a key of the map");
        thing.kind = Kind::Other;
        thing.work = true;
    }

    // "Con Edison officials said", "Con Edison, which maintains…": a "person" the text names as
    // a body or a thing is none, unless a title stands before it or it opens with a first name
    // ("William Hill, which…" may be the bookmaker or the man).
    // (Each group is judged by its own mentions alone: in any order.)
    for (key, group) in groups.iter_mut() {
        let first_name = key
            .split(' ')
            .next()
            .is_some_and(|w| g.first_names.contains(w));
        if group.kind == Kind::Person && group.titled == 0 && !first_name {
            if let Some(kind) = named_as_a_body(texts, group) {
                group.kind = kind;
            }
        }
    }

    // "The Guardian" and "Guardian", "The Beatles" and "Beatles": one name, where both are one
    // kind of thing.
    let led = sorted_keys(&groups, &|k, grp| {
        k.strip_prefix("the ")
            .and_then(|rest| groups.get(rest))
            .is_some_and(|rest| rest.kind == grp.kind && rest.not_an_acronym())
    });
    for key in led {
        let led = groups.remove(&key).expect("a key of the map");
        let rest = groups.get_mut(&key[4..]).expect("its name without \"the\"");
        rest.work |= led.work;
        absorb(rest, led);
    }

    // "The Aviator and Million Dollar Baby": the model now and then runs two names joined by
    // "and" into one. Where the batch names each alone three times or more, and twice as often
    // as the two together, each mention is the two names. (Not "Public and Commercial Services
    // Union", nor "Scottish and Newcastle": a nationality's word is no name alone.)
    let key_of = |k: &str| g.aliases.get(k).map_or_else(|| k.to_string(), |c| fold(c));
    let count = |k: &str| groups.get(k).map_or(0, |grp| grp.mentions.len());
    let pairs: Vec<(String, String, String)> = sorted_keys(&groups, &|k, _| k.contains(" and "))
        .into_iter()
        .filter_map(|key| {
            let (a, b) = key.split_once(" and ")?;
            let (a, b) = (key_of(a), key_of(b));
            let n = count(&key);
            [&a, &b]
                .iter()
                .all(|k| !g.demonyms.contains(k.as_str()) && count(k) >= 3.max(2 * n))
                .then_some((key, a, b))
        })
        .collect();
    for (key, a, b) in pairs {
        let pair = groups.get_mut(&key).expect("a key of the map");
        let mut parts = Vec::new();
        pair.mentions.retain(|m| {
            let Some(at) = texts[m.doc][m.start..m.end].find(" and ") else {
                return true;
            };
            let at = m.start + at;
            parts.push((&a, DocSpan { end: at, ..*m }));
            parts.push((
                &b,
                DocSpan {
                    start: at + 5,
                    ..*m
                },
            ));
            false
        });
        if pair.mentions.is_empty() {
            groups.remove(&key);
        } else {
            pair.count_surfaces(texts);
        }
        for (k, m) in parts {
            groups.get_mut(k).expect("counted above").add(texts, m);
        }
    }

    // A group's plural joins its singular ("Serbs", "Serb"; "Americans", "American").
    // In an order of their own, not the map's (which differs between wasm32 and native builds):
    // reverse order of keys, so that in a chain ("xss", "xs", "x") a singular is still there when
    // its plural joins it (a word comes after its prefixes).
    let plurals = sorted_keys(&groups, &|k, grp| {
        grp.kind == Kind::Group
            && k.strip_suffix('s')
                .and_then(|one| groups.get(one))
                .is_some_and(|one| one.kind == Kind::Group)
    });
    for key in plurals.into_iter().rev() {
        let plural = groups.remove(&key).expect("a plural is a group");
        absorb(
            groups.get_mut(&key[..key.len() - 1]).expect("its singular"),
            plural,
        );
    }

    // Surname-only mentions join the one full name (two words or more) ending in that word; a
    // known given name alone ("(Prime Minister Albin) Kurti") the one starting with it, when no
    // full name ends in it.
    let mut by_surname: FxHashMap<String, Vec<String>> = FxHashMap::default();
    let mut by_given: FxHashMap<String, Vec<String>> = FxHashMap::default();
    for (key, group) in &groups {
        if let (Kind::Person, Some((first, _)), Some((_, last))) =
            (group.kind, key.split_once(' '), key.rsplit_once(' '))
        {
            by_surname.entry(last.into()).or_default().push(key.clone());
            by_given.entry(first.into()).or_default().push(key.clone());
        }
    }
    // "Souness said": a surname the model took for an organisation's, where the documents that
    // write it name a person of that surname (for two mentions in three or more), is that
    // person's, unless the batch calls it "it" or the gazetteer knows it. A full name counts
    // only if the documents writing the surname never write its first word in small letters
    // ("Bringing Cadillac", "Radio Orchestra" are no one's).
    let surnamed = sorted_keys(&groups, &|k, grp| {
        grp.kind == Kind::Organization
            && by_surname.contains_key(k)
            && !g.org_heads.contains(k)
            && !g.organizations.contains(k)
            && !g.aliases.contains_key(k)
            && !g.is_place(k)
    });
    fn first_word(full: &str) -> &str {
        full.split(' ').next().unwrap_or("")
    }
    let firsts: FxHashSet<&str> = surnamed
        .iter()
        .flat_map(|k| by_surname[k].iter().map(|full| first_word(full)))
        .collect();
    // (Searched in the documents that write those surnames only: a pass over the whole batch
    // cost more than the rest of this rule.)
    let mut docs: Vec<usize> = surnamed
        .iter()
        .flat_map(|k| groups[k].mentions.iter().map(|m| m.doc))
        .collect();
    docs.sort_unstable();
    docs.dedup();
    let writing: Vec<&str> = docs.iter().map(|&d| texts[d]).collect();
    let common = written_words(&writing, &firsts);
    for key in surnamed {
        let mut named: Vec<usize> = by_surname[&key]
            .iter()
            .filter(|full| !common.contains(first_word(full)))
            .flat_map(|full| groups[full].docs())
            .collect();
        named.sort_unstable();
        let group = &groups[&key];
        let inside = group
            .mentions
            .iter()
            .filter(|m| named.binary_search(&m.doc).is_ok())
            .count();
        if 3 * inside >= 2 * group.mentions.len() && !called_it(texts, group) {
            groups.get_mut(&key).expect("a key of the map").kind = Kind::Person;
        }
    }
    let given_names = &g.given_names;
    // Not a nationality or a known place ("French" is no short form of "Philip French"). Each
    // single may change the full names the next ones are judged by (a surname joined to "Tony
    // Blair" puts it in more documents): taken in the order of keys, not the map's.
    let singles = sorted_keys(&groups, &|k, grp| {
        !k.contains(' ')
            && !k.contains(':')
            && matches!(grp.kind, Kind::Person | Kind::Other)
            && !grp.work
            && !g.demonyms.contains(k)
            && !g.is_place(k)
    });
    for key in singles {
        let surname = by_surname.get(&key);
        let candidates = surname
            .or_else(|| {
                given_names
                    .contains(key.as_str())
                    .then(|| by_given.get(&key))
                    .flatten()
            })
            .map_or(&[][..], Vec::as_slice);
        if let [full] = candidates {
            if short_form_of(&groups[&key], &groups[full]) {
                let single = groups.remove(&key).expect("a single is a group");
                absorb(
                    groups.get_mut(full).expect("full name group exists"),
                    single,
                );
                continue;
            }
        }
        // Several full names end in the word ("Tony Blair", "Cherie Blair"), or the one does
        // not take it everywhere: a mention joins the full name its own document gives, when it
        // gives exactly one. A document that gives none but writes "Mr Blair" counts on its
        // reader to know him: the batch's best-known Blair, the full name named in five
        // documents or more and in three times as many as any other. ("Lord Nicholls", "Sir
        // Paul" and a "Mr Kim" beside a tennis player named in three reports are not.)
        if !candidates.is_empty() {
            let docs: Vec<Vec<usize>> = candidates.iter().map(|c| groups[c].docs()).collect();
            let best_known = {
                let mut by_docs: Vec<usize> = (0..candidates.len()).collect();
                by_docs.sort_unstable_by_key(|&c| (std::cmp::Reverse(docs[c].len()), c));
                let first = by_docs[0];
                let next = by_docs.get(1).map_or(0, |&c| docs[c].len());
                // ("Mr John" is no one whose given name is John.)
                (surname.is_some() && docs[first].len() >= 5 && docs[first].len() >= 3 * next)
                    .then_some(first)
            };
            let group = groups.get_mut(&key).expect("a single is a group");
            let mut mister: Vec<usize> = group
                .titles
                .iter()
                .filter(|(t, _)| t.trim_end_matches('.') == "mr")
                .map(|&(_, doc)| doc)
                .collect();
            mister.sort_unstable();
            // The one full name a document gives, if it gives one, else the best-known one
            // where the document says "Mr".
            let owner = |doc: usize| {
                let mut named = (0..candidates.len())
                    .filter(|&c| docs[c].binary_search(&doc).is_ok())
                    .map(|c| &candidates[c]);
                match (named.next(), named.next()) {
                    (Some(full), None) => Some(full),
                    (None, _) if mister.binary_search(&doc).is_ok() => {
                        best_known.map(|c| &candidates[c])
                    }
                    _ => None,
                }
            };
            let mentions = std::mem::take(&mut group.mentions);
            // A title goes with its document's mentions ("Prime Minister Blair").
            let titles = std::mem::take(&mut group.titles);
            let all = mentions.len();
            let mut kept = Vec::with_capacity(all);
            for m in mentions {
                let Some(full) = owner(m.doc) else {
                    kept.push(m);
                    continue;
                };
                let target = groups.get_mut(full).expect("full name group exists");
                target.add(texts, m);
            }
            let mut kept_titles = Vec::new();
            for (t, doc) in titles {
                match owner(doc) {
                    Some(full) => {
                        let target = groups.get_mut(full).expect("full name group exists");
                        target.titles.push((t, doc));
                    }
                    None => kept_titles.push((t, doc)),
                }
            }
            if kept.is_empty() {
                groups.remove(&key);
                continue;
            }
            let single = groups.get_mut(&key).expect("a single is a group");
            single.mentions = kept;
            single.titles = kept_titles;
            // Its spellings, counted again only where some of its mentions went.
            if single.mentions.len() < all {
                single.count_surfaces(texts);
            }
        }
        // A one-word "person" that is no one's surname, and that the text goes on to call "it"
        // ("Sony said it would…"), is an organisation: the model takes many a company's name
        // for a surname.
        let single = groups.get_mut(&key).expect("a single is a group");
        if single.kind == Kind::Person
            && !given_names.contains(key.as_str())
            && called_it(texts, single)
        {
            single.kind = Kind::Organization;
        }
    }

    drop_capitalised_words(g, texts, &mut groups);

    // Role phrases join the person holding that role: the latest one named before the phrase
    // in the same document, else the one named most often in it. Unresolved phrases are dropped.
    // Persons by their place among their sorted keys, so that ties go the same way every run
    // (a hash map's own order differs between wasm32 and native builds, and the page must
    // resolve as the command line does).
    let persons = sorted_keys(&groups, &|_, group| group.kind == Kind::Person);
    let keys: Vec<(&String, &Group)> = persons
        .iter()
        .filter_map(|k| groups.get_key_value(k))
        .collect();
    let mut person_spans: FxHashMap<usize, Vec<(usize, usize)>> = FxHashMap::default();
    for (n, (_, group)) in keys.iter().enumerate() {
        for m in &group.mentions {
            person_spans.entry(m.doc).or_default().push((m.start, n));
        }
    }
    // Each person's offices: the titles given at least a quarter as often as the most given.
    let offices: Vec<Vec<&str>> = keys
        .iter()
        .map(|(_, group)| {
            // (A person has a few titles, given many times: counted in a short list.)
            let mut counts: Vec<(&str, usize)> = Vec::new();
            for (t, _) in &group.titles {
                match counts.iter_mut().find(|(c, _)| c == t) {
                    Some((_, n)) => *n += 1,
                    None if !is_honorific(t) => counts.push((t, 1)),
                    None => {}
                }
            }
            let most = counts.iter().map(|&(_, n)| n).max().unwrap_or(0);
            counts
                .into_iter()
                .filter(|&(_, n)| n * 4 >= most)
                .map(|(t, _)| t)
                .collect()
        })
        .collect();
    // The holders of a role in a document, where each is named (in order; a tie keeps the order
    // of the persons' keys), and the one named most often: found once for each role, qualifiers
    // and document, not for each phrase (a long document has thousands).
    type Holders = (Vec<(usize, usize)>, Option<usize>);
    let mut holders_of: FxHashMap<(usize, String), Holders> = FxHashMap::default();
    let mut role_joins: Vec<(String, usize, Mention)> = Vec::new();
    for (doc, m) in roles {
        let role = m.role.as_deref().unwrap_or_default();
        let Some(spans) = person_spans.get(&doc) else {
            continue;
        };
        let phrase = &texts[doc][m.start..m.end];
        let (qualifiers, phrase_ranks) = (role_qualifiers(phrase, role), ranks(phrase));
        let (holders, most) = holders_of
            .entry((
                doc,
                format!("{role}|{}|{phrase_ranks}", qualifiers.join(" ")),
            ))
            .or_insert_with(|| {
                // By the titles this document gives the person and the ones the batch gives
                // most ("Chancellor Gordon Brown" is not "the prime minister" because another
                // story calls him so once).
                let holds = |n: usize| {
                    keys[n].1.titles.iter().any(|(t, d)| {
                        (*d == doc || offices[n].contains(&t.as_str()))
                            && role_matches(role, phrase_ranks, t)
                    })
                };
                // "the Tory leader": a holder whose title says "Tory", if the story names one;
                // else anyone holding the role, unless a qualifier names what no such title says
                // (a party, a body: "Tory" is not the prime minister, but "Serbian" may be).
                let agrees = |n: usize| {
                    qualifiers.iter().all(|q| {
                        keys[n]
                            .1
                            .titles
                            .iter()
                            .any(|(t, _)| t.split(' ').any(|w| w == q))
                    })
                };
                // Each person named in the document, judged once.
                let mut named: Vec<usize> = spans.iter().map(|&(_, n)| n).collect();
                named.sort_unstable();
                named.dedup();
                named.retain(|&n| holds(n));
                let agreeing = named.iter().any(|&n| agrees(n));
                let body = qualifiers.iter().any(|q| names_a_body(g, q));
                let place = qualifiers.iter().any(|q| is_people_or_place(g, q));
                named.retain(|&n| {
                    if qualifiers.is_empty() {
                        true
                    } else if agreeing {
                        agrees(n)
                    } else if place && !body {
                        // "the British minister" is not the one titled "Japanese Foreign Minister".
                        !keys[n]
                            .1
                            .titles
                            .iter()
                            .any(|(t, _)| t.split(' ').any(|w| is_people_or_place(g, w)))
                    } else {
                        !body
                    }
                });
                let mut holders: Vec<(usize, usize)> = spans
                    .iter()
                    .filter(|&&(_, n)| named.binary_search(&n).is_ok())
                    .copied()
                    .collect();
                let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
                for &(_, n) in &holders {
                    *counts.entry(n).or_default() += 1;
                }
                let most = counts
                    .into_iter()
                    .max_by_key(|&(_, count)| count)
                    .map(|(n, _)| n);
                holders.sort_unstable();
                (holders, most)
            });
        // The latest named before the phrase, else the one named most often.
        let before = holders.partition_point(|&(s, _)| s < m.start);
        let chosen = before.checked_sub(1).map(|k| holders[k].1).or(*most);
        if let Some(n) = chosen {
            role_joins.push((keys[n].0.clone(), doc, m));
        }
    }
    for (key, doc, m) in role_joins {
        if let Some(group) = groups.get_mut(&key) {
            let (start, end) = (m.start, m.end);
            group.add(texts, DocSpan { doc, start, end });
        }
    }

    let mut entities: Vec<(String, Entity)> = groups
        .into_iter()
        .map(|(key, mut group)| {
            group.mentions.sort_unstable();
            group.mentions.dedup();
            let kind = group.kind;
            let name = group
                .canonical
                .clone()
                .unwrap_or_else(|| canonical_name(&group.surfaces, kind == Kind::Person));
            let entity = Entity {
                name,
                kind,
                aliases: group.surfaces.into_keys().collect(),
                mentions: group.mentions,
                value: group.value,
            };
            (key, entity)
        })
        .collect();
    entities.sort_unstable_by(|(ka, a), (kb, b)| (a.kind, &a.name, ka).cmp(&(b.kind, &b.name, kb)));
    EntityTable::new(entities.into_iter().map(|(_, e)| e).collect(), texts.len())
}

/// Removes the one-word names that are words capitalised by their place: written with a capital
/// only where a sentence starts, and in small letters elsewhere in the batch ("Analysts said…"
/// beside "analysts expect", "Eventually, …"). The model, trained on names in context, takes
/// many for a person or an organisation. Known names, given names, groups and names a title
/// stands before ("Mr. Young") stay; so does a word the batch never writes in small letters
/// ("Kurti said…").
fn drop_capitalised_words(
    g: &gazetteer::Gazetteer,
    texts: &[&str],
    groups: &mut FxHashMap<String, Group>,
) {
    // Title case with an ASCII capital (its small-letter form is then the same word with the
    // first byte lowered).
    let title_case = |s: &str| {
        let mut rest = s.chars();
        rest.next().is_some_and(|c| c.is_ascii_uppercase())
            && rest.clone().any(char::is_lowercase)
            && !rest.any(|c| c.is_uppercase() || c.is_whitespace())
    };
    // By their keys: folded, a title-case word's key is the word in small letters (an accented
    // one's is not, and is never found written so: it stays).
    let words: FxHashSet<&str> = groups
        .iter()
        .filter(|(key, group)| {
            !key.contains(' ')
                && matches!(
                    group.kind,
                    Kind::Person | Kind::Organization | Kind::Place | Kind::Other
                )
                && group.titles.is_empty()
                && !g.given_names.contains(key.as_str())
                && !g.demonyms.contains(key.as_str())
                && !g.organizations.contains(key.as_str())
                && !g.is_place(key)
                && group.mentions.iter().all(|m| {
                    let text = texts[m.doc];
                    title_case(&text[m.start..m.end]) && opens_sentence(text, m.start)
                })
        })
        .map(|(key, _)| key.as_str())
        .collect();
    if words.is_empty() {
        return;
    }
    // An adverb by its ending ("Personally, …", "Typically, …") goes even if the batch never
    // writes it in small letters. (Seven letters or more: "Sally", "Kelly" and "Connolly" end
    // otherwise or are shorter.)
    const ADVERB_ENDINGS: [&str; 9] = [
        "ally", "ately", "ously", "ively", "ingly", "edly", "fully", "ently", "antly",
    ];
    let adverbs: Vec<String> = words
        .iter()
        .filter(|w| w.len() >= 7 && ADVERB_ENDINGS.iter().any(|e| w.ends_with(e)))
        .map(|w| w.to_string())
        .collect();
    // (The words found borrow the texts, not the groups' keys.)
    for key in written_words(texts, &words) {
        groups.remove(key);
    }
    for key in adverbs {
        groups.remove(&key);
    }
}

/// Which of `words` (two bytes or more, starting with a small ASCII letter) the texts write as
/// a word of their own. One pass over the bytes: a word is a run of letters and digits (any byte
/// past ASCII counts as a letter); a run is looked up only if one of the words starts with its
/// first two bytes and is as long (a few runs in a hundred, for a hundred words). Stops once
/// every word is found.
fn written_words<'t>(texts: &[&'t str], words: &FxHashSet<&str>) -> FxHashSet<&'t str> {
    let mut in_word = [false; 256];
    for (b, w) in in_word.iter_mut().enumerate() {
        *w = b >= 0x80 || (b as u8).is_ascii_alphanumeric();
    }
    // Bit `first << 8 | second` of `starts`, bit `len` (at most 63) of `lengths`.
    let mut starts = vec![0u64; 1 << 10];
    let mut lengths = 0u64;
    let pair = |w: &[u8]| (usize::from(w[0]) << 8) | usize::from(w[1]);
    for w in words.iter().map(|w| w.as_bytes()).filter(|w| w.len() >= 2) {
        starts[pair(w) >> 6] |= 1 << (pair(w) & 63);
        lengths |= 1 << w.len().min(63);
    }
    let mut written = FxHashSet::default();
    for text in texts {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if !in_word[usize::from(bytes[i])] {
                i += 1;
                continue;
            }
            let start = i;
            i += 1;
            while i < bytes.len() && in_word[usize::from(bytes[i])] {
                i += 1;
            }
            let run = &bytes[start..i];
            if run.len() < 2
                || lengths & (1 << run.len().min(63)) == 0
                || starts[pair(run) >> 6] & (1 << (pair(run) & 63)) == 0
            {
                continue;
            }
            let run = &text[start..i];
            if words.contains(run) {
                written.insert(run);
                if written.len() == words.len() {
                    return written;
                }
            }
        }
    }
    written
}

/// Whether a sentence or a line starts at `start` (quotes and brackets before it aside). Not
/// after a colon, where lists of names go ("Subs not used: Butt, Harper").
fn opens_sentence(text: &str, start: usize) -> bool {
    let mut before = text[..start].chars().rev().skip_while(|&c| {
        (c.is_whitespace() && c != '\n')
            || matches!(
                c,
                '"' | '\'' | '“' | '”' | '‘' | '’' | '(' | ')' | '«' | '»'
            )
    });
    matches!(before.next(), None | Some('\n' | '.' | '!' | '?'))
}

/// The fullest form seen, preferring proper names over a `person`'s role phrases, and accented
/// spellings (Vučić over Vucic); ties broken alphabetically so the choice never depends on input
/// order. ("The Guardian" is the paper's full name.)
fn canonical_name(surfaces: &BTreeMap<String, usize>, person: bool) -> String {
    let rank = |s: &str, n: usize| {
        let words = s.split_whitespace().count().min(4);
        let accents = s.chars().filter(|c| !c.is_ascii()).count();
        (words, accents, n)
    };
    surfaces
        .iter()
        // (Only ASCII letters lower-case to those of "the ".)
        .filter(|(s, _)| !(person && s.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("the "))))
        .max_by(|(a, m), (b, n)| rank(a, **m).cmp(&rank(b, **n)).then_with(|| b.cmp(a)))
        .or_else(|| surfaces.iter().next())
        .map(|(s, _)| s.clone())
        .unwrap_or_default()
}

/// The keys of the groups `wanted` takes, sorted: a hash map's own order differs between wasm32
/// and native builds, and the page must resolve as the command line does. Only those keys:
/// sorting every key for each walk over some of them was a sixth of resolving a large batch.
/// (`wanted` is a reference to a closure, so that the download holds one sort for all walks.)
fn sorted_keys(
    groups: &FxHashMap<String, Group>,
    wanted: &dyn Fn(&str, &Group) -> bool,
) -> Vec<String> {
    let mut keys: Vec<String> = groups
        .iter()
        .filter(|(k, grp)| wanted(k, grp))
        .map(|(k, _)| k.clone())
        .collect();
    keys.sort_unstable();
    keys
}

#[cfg(test)]
mod tests {
    use super::super::{recognise, resolve};
    use super::*;
    use std::collections::BTreeSet;

    fn entity<'a>(table: &'a EntityTable, name: &str) -> &'a Entity {
        table
            .entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| {
                panic!(
                    "no {name}: {:?}",
                    table
                        .entities
                        .iter()
                        .map(|e| (&e.name, e.kind))
                        .collect::<Vec<_>>()
                )
            })
    }

    /// The documents of the entity's mentions, one per mention.
    fn docs_of(table: &EntityTable, name: &str) -> Vec<usize> {
        entity(table, name).mentions.iter().map(|m| m.doc).collect()
    }

    fn assert_aliases(entity: &Entity, aliases: &[&str]) {
        for alias in aliases {
            assert!(
                entity.aliases.iter().any(|a| a == alias),
                "{alias} in {:?}",
                entity.aliases
            );
        }
    }

    /// The entities of the texts, recognised and resolved.
    fn recognised(texts: &[&str]) -> EntityTable {
        resolve(texts, texts.iter().map(|t| recognise(t, None)).collect())
    }

    #[test]
    fn spellings_surnames_and_roles_merge_across_documents() {
        let texts = [
            "Serbian President Aleksandar Vucic met envoys. Vucic said he was ready. “We agree,” the Serbian president said.",
            "Serbia’s President Aleksandar Vučić spoke in Belgrade. Vučić added that the U.S. and the United States are one.",
        ];
        let table = recognised(&texts);
        let v = entity(&table, "Aleksandar Vučić");
        assert_eq!(v.kind, Kind::Person);
        assert_aliases(
            v,
            &[
                "Aleksandar Vucic",
                "Vucic",
                "Vučić",
                "the Serbian president",
            ],
        );
        let us = entity(&table, "United States");
        assert_eq!(us.kind, Kind::Place);
        assert!(us.aliases.contains(&"U.S.".to_string()));
    }

    #[test]
    fn a_partys_names_and_its_members_word_are_the_party() {
        let texts = [
            "The Tories won. A Tory spokesman cheered, and the Conservative Party said so.",
            "Conservatives gained seats. Labour and the Lib Dems lost, the Labour Party said.",
            "Voters left New Labour in droves.",
        ];
        let table = recognised(&texts);
        let tories = entity(&table, "Conservative Party");
        assert_eq!(tories.kind, Kind::Organization);
        assert_aliases(tories, &["Tories", "Tory", "Conservatives"]);
        assert_aliases(entity(&table, "Labour Party"), &["Labour", "New Labour"]);
        assert_eq!(entity(&table, "Labour Party").mentions.len(), 3);
        assert_aliases(entity(&table, "Liberal Democrats"), &["Lib Dems"]);
        for party in gazetteer::BRITISH_PARTIES {
            assert_eq!(entity(&table, party).kind, Kind::Organization, "{party}");
        }
    }

    #[test]
    fn a_name_the_text_calls_a_film_twice_is_a_work_and_no_ones_short_name() {
        let texts = [
            "The drama Vera Drake won. Vera Drake was shot in London.",
            "Critics loved the film Vera Drake and the biopic Kinsey.",
            "Alfred Kinsey studied sex. The biopic Kinsey opened. Roddick will play Ivo Lend.",
            "Ivo Lend lost. He will play Ivo Lend again.",
        ];
        let names = ["Vera Drake", "Alfred Kinsey", "Kinsey", "Ivo Lend"];
        let table = resolve(&texts, people(&texts, &names));
        let vera = entity(&table, "Vera Drake");
        assert_eq!((vera.kind, vera.mentions.len()), (Kind::Other, 3));
        assert_eq!(entity(&table, "Kinsey").kind, Kind::Other);
        assert_eq!(entity(&table, "Alfred Kinsey").mentions.len(), 1);
        // "play" is left out: a player plays someone.
        assert_eq!(entity(&table, "Ivo Lend").kind, Kind::Person);
    }

    #[test]
    fn a_nationality_or_a_place_alone_is_no_surname() {
        let text = "Critic Philip French liked it. French won. Jim Paris wrote. Paris won.";
        let at = |word: &str, from: usize| from + text[from..].find(word).unwrap();
        let mention =
            |start: usize, len: usize, kind: Kind| Mention::new(start, start + len, kind, None);
        let mentions = vec![
            mention(at("Philip French", 0), 13, Kind::Person),
            mention(at("French", 25), 6, Kind::Other),
            mention(at("Jim Paris", 0), 9, Kind::Person),
            mention(at("Paris won", 0), 5, Kind::Other),
        ];
        let table = resolve(&[text], vec![mentions]);
        assert_eq!(entity(&table, "Philip French").mentions.len(), 1);
        assert_eq!(entity(&table, "French").kind, Kind::Group);
        assert_eq!(entity(&table, "Jim Paris").mentions.len(), 1);
    }

    #[test]
    fn a_partys_word_the_model_took_for_a_person_is_the_party_or_a_group() {
        let texts = [
            "Tory voters stayed home. Lib Dem hopes rose. Democrat senators met.",
            "Tory MPs were angry, said Lib Dem peers and Democrat voters.",
        ];
        let table = resolve(&texts, people(&texts, &["Tory", "Lib Dem", "Democrat"]));
        for name in ["Conservative Party", "Liberal Democrats"] {
            assert_eq!(entity(&table, name).kind, Kind::Organization, "{name}");
        }
        assert_eq!(entity(&table, "Democrat").kind, Kind::Group);
    }

    #[test]
    fn a_countrys_formal_name_is_the_country() {
        let texts = [
            "The Republic of Serbia sent a request.",
            "Serbia agreed. The Democratic Republic of Congo did not.",
        ];
        let places = |text: &str, names: &[&str]| -> Vec<Mention> {
            names
                .iter()
                .map(|name| {
                    let start = text.find(name).expect("the name is in the text");
                    Mention::new(start, start + name.len(), Kind::Place, None)
                })
                .collect()
        };
        let mentions = vec![
            places(texts[0], &["Republic of Serbia"]),
            places(texts[1], &["Serbia", "Democratic Republic of Congo"]),
        ];
        let table = resolve(&texts, mentions);
        let serbia = entity(&table, "Serbia");
        assert_eq!(serbia.mentions.len(), 2, "{:?}", serbia.aliases);
        assert!(serbia.aliases.iter().any(|a| a == "Republic of Serbia"));
        assert_eq!(
            entity(&table, "Democratic Republic of Congo")
                .mentions
                .len(),
            1
        );
    }

    #[test]
    fn a_surnames_title_goes_with_it_to_the_full_name() {
        let texts = [
            "Ivo Lend and Ana Lend met in Split.",
            "Ivo Lend arrived. Prime Minister Lend spoke. The prime minister left.",
        ];
        let mut mentions = people(&texts, &["Ivo Lend", "Ana Lend", "Lend"]);
        let titled = mentions[1]
            .iter_mut()
            .find(|m| m.start == phrase_at(texts[1], "Lend spoke"))
            .expect("the surname is a mention");
        titled.role = Some("prime minister".into());
        let start = phrase_at(texts[1], "The prime minister");
        let mut phrase = Mention::new(start, start + 18, Kind::Person, None);
        phrase.role = Some("prime minister".into());
        phrase.role_phrase = true;
        mentions[1].push(phrase);
        let table = resolve(&texts, mentions);
        let ivo = entity(&table, "Ivo Lend");
        assert!(
            ivo.mentions.iter().any(|m| m.doc == 1 && m.start == start),
            "{:?}",
            ivo.aliases
        );
    }

    /// Every occurrence of the names in the texts, as a person (the first name given wins where
    /// two overlap: longer ones first).
    fn people(texts: &[&str], names: &[&str]) -> Vec<Vec<Mention>> {
        texts
            .iter()
            .map(|text| {
                let mut list: Vec<Mention> = Vec::new();
                for name in names {
                    for (start, _) in text.match_indices(name) {
                        if !list.iter().any(|m| m.start <= start && start < m.end) {
                            list.push(Mention::new(start, start + name.len(), Kind::Person, None));
                        }
                    }
                }
                list.sort_by_key(|m| m.start);
                list
            })
            .collect()
    }

    #[test]
    fn a_groups_plural_joins_its_singular() {
        let texts = [
            "Serbs in the north voted on Sunday.",
            "A Serb mayor resigned. Serbs protested.",
        ];
        let table = recognised(&texts);
        let serbs = entity(&table, "Serbs");
        assert_eq!(serbs.kind, Kind::Group);
        assert_eq!(serbs.mentions.len(), 3, "{:?}", serbs.aliases);
        assert!(serbs.aliases.iter().any(|a| a == "Serb"));
    }

    #[test]
    fn a_short_form_joins_the_full_name_its_document_gives() {
        let texts = [
            "Tony Blair spoke. Blair left.",
            "Cherie Blair wrote a book. Blair signed it.",
            "Tony Blair and Cherie Blair arrived. Blair waved.",
            "Blair was away.",
        ];
        let table = resolve(
            &texts,
            people(&texts, &["Tony Blair", "Cherie Blair", "Blair"]),
        );
        let docs = |name: &str| docs_of(&table, name);
        assert_eq!(docs("Tony Blair"), [0, 0, 2]);
        assert_eq!(docs("Cherie Blair"), [1, 1, 2]);
        // Where both or neither are named, "Blair" stays apart.
        assert_eq!(docs("Blair"), [2, 3]);
    }

    #[test]
    fn mr_with_a_surname_alone_is_the_batchs_best_known_holder_of_it() {
        // "Ivo Lend" and "John Ode" named in five reports, "Ana Lend" and "John Ray" in one;
        // "Eva Kos" in four, "Jan Kos" in one.
        let mut texts = vec!["Ivo Lend and John Ode spoke."; 5];
        texts.extend(["Ana Lend wrote. John Ray ran.", "Jan Kos ran."]);
        texts.extend(["Eva Kos won."; 4]);
        texts.extend([
            "Mr Lend arrived late.",
            "Lend was away.",
            "Mrs Lend waved.",
            "Mr Kos left.",
            "Mr John left.",
        ]);
        let names = [
            "Ivo Lend", "Ana Lend", "Jan Kos", "Eva Kos", "John Ode", "John Ray",
        ];
        let mut mentions = people(&texts, &names);
        let mut john = Mention::new(3, 7, Kind::Person, None);
        john.role = Some("mr".into());
        mentions[15].push(john);
        // The surnames alone, titled as the recogniser titles them.
        for (doc, title) in [
            (11, Some("mr")),
            (12, None),
            (13, Some("mrs")),
            (14, Some("mr")),
        ] {
            let start = texts[doc].find(['L', 'K']).expect("a surname");
            let end = start + texts[doc][start..].find(' ').expect("a word after");
            let mut m = Mention::new(start, end, Kind::Person, None);
            m.role = title.map(str::to_string);
            mentions[doc].push(m);
        }
        let table = resolve(&texts, mentions);
        let docs = |name: &str| docs_of(&table, name);
        assert_eq!(docs("Ivo Lend"), [0, 1, 2, 3, 4, 11]);
        // Without "Mr", or with "Mrs", the reader is not told which Lend.
        assert_eq!(docs("Lend"), [12, 13]);
        // Four reports are too few to make anyone the best-known Kos.
        assert_eq!(docs("Eva Kos"), [7, 8, 9, 10]);
        assert_eq!(docs("Kos"), [14]);
        // "Mr John" is no one whose given name is John.
        assert_eq!(docs("John"), [15]);
    }

    #[test]
    fn a_short_form_mostly_used_without_its_full_name_is_not_it() {
        // "Mac" alone in three documents, the one full name ending in it in another.
        let texts = [
            "Freddie Mac lent more, the paper said.",
            "Mac sales were up.",
            "The Mac mini sold.",
            "A Mac user agreed.",
            "Jan Novak spoke. Novak left.",
            "Novak came back.",
        ];
        let mentions = people(&texts, &["Freddie Mac", "Jan Novak", "Mac", "Novak"]);
        let table = resolve(&texts, mentions);
        assert_eq!(entity(&table, "Freddie Mac").mentions.len(), 1);
        assert_eq!(entity(&table, "Mac").mentions.len(), 3);
        // In two documents, one with the full name: the same person.
        assert_eq!(entity(&table, "Jan Novak").mentions.len(), 3);
    }

    #[test]
    fn a_one_word_person_the_text_calls_it_is_an_organisation() {
        let texts = [
            "Zorvex said it would cut jobs. Zorvex expects its profits to fall.",
            "Shares in Zorvex rose after it reported sales.",
            "Halden said he would stay. Halden added that it was early. Halden's plan, it seems, works.",
        ];
        let mentions = people(&texts, &["Zorvex", "Halden"]);
        let table = resolve(&texts, mentions);
        assert_eq!(entity(&table, "Zorvex").kind, Kind::Organization);
        // Once "it", once "he", and "it" after a possessive is the thing possessed.
        assert_eq!(entity(&table, "Halden").kind, Kind::Person);
    }

    #[test]
    fn a_person_the_text_names_as_a_body_or_a_thing_is_none() {
        let texts = [
            "Ulvan Power officials said the mains were old. Ulvan Power, which maintains them, \
             agreed.",
            "Glass Orchard, which opened in May, was a hit. Glass Orchard, which won, returns.",
            "Anna Brel, which few expected, won. Anna Brel, which is rare, won again.",
        ];
        let mentions = people(&texts, &["Ulvan Power", "Glass Orchard", "Anna Brel"]);
        let table = resolve(&texts, mentions);
        assert_eq!(entity(&table, "Ulvan Power").kind, Kind::Organization);
        assert_eq!(entity(&table, "Glass Orchard").kind, Kind::Other);
        // A known first name: the person stays.
        assert_eq!(entity(&table, "Anna Brel").kind, Kind::Person);
    }

    #[test]
    fn a_surname_the_model_took_for_an_organisation_is_the_person_its_documents_name() {
        let texts = [
            "Manager Graeme Halden was angry. Halden said he would stay.",
            "Graeme Halden spoke. \"We lost,\" said Halden.",
            "Bringing Cadillac back, bringing it home. Cadillac sold more cars.",
            "Zorvex chief Ana Zorvex spoke. Zorvex said it would cut jobs. Zorvex expects its \
             profits to fall, and Zorvex sold it.",
        ];
        let mut mentions = people(
            &texts,
            &["Graeme Halden", "Bringing Cadillac", "Ana Zorvex"],
        );
        for (doc, name, n) in [
            (0, "Halden", 1),
            (1, "Halden", 1),
            (2, "Cadillac", 1),
            (3, "Zorvex", 0),
            (3, "Zorvex", 2),
            (3, "Zorvex", 3),
            (3, "Zorvex", 4),
        ] {
            mentions[doc].push(organisation(&texts, doc, name, n));
            mentions[doc].sort_by_key(|m| m.start);
        }
        let table = resolve(&texts, mentions);
        let halden = entity(&table, "Graeme Halden");
        assert_eq!((halden.kind, halden.mentions.len()), (Kind::Person, 4));
        // "bringing" is a word the batch writes in small letters: no one's first name.
        assert_eq!(entity(&table, "Cadillac").kind, Kind::Organization);
        // The text calls it "it".
        assert_eq!(entity(&table, "Zorvex").kind, Kind::Organization);
    }

    /// An organisation's mention: the `n`th `name` in text `doc`.
    fn organisation(texts: &[&str], doc: usize, name: &str, n: usize) -> Mention {
        let start = texts[doc]
            .match_indices(name)
            .nth(n)
            .expect("in the text")
            .0;
        Mention::new(start, start + name.len(), Kind::Organization, None)
    }

    #[test]
    fn a_name_that_begins_with_an_abbreviated_country_or_union_is_the_name_spelt_out() {
        let texts = [
            "The UN Development Programme and the US Anti-Doping Agency met.",
            "The United Nations Development Programme met the United States Anti-Doping Agency \
             and the USA Network.",
        ];
        let at = |doc: usize, name: &str| organisation(&texts, doc, name, 0);
        let mentions = vec![
            vec![
                at(0, "UN Development Programme"),
                at(0, "US Anti-Doping Agency"),
            ],
            vec![
                at(1, "United Nations Development Programme"),
                at(1, "United States Anti-Doping Agency"),
                at(1, "USA Network"),
            ],
        ];
        let table = resolve(&texts, mentions);
        assert_eq!(table.entities.len(), 3, "{:?}", table.entities);
        assert_eq!(
            docs_of(&table, "United Nations Development Programme"),
            [0, 1]
        );
        assert_eq!(docs_of(&table, "United States Anti-Doping Agency"), [0, 1]);
    }

    #[test]
    fn a_name_the_batch_writes_after_the_takes_it_where_a_sentence_opens_with_it() {
        let texts = [
            "Fans of The Killers cheered. The Killers played on. A critic of The Killers \
             agreed. Killers fans wept.",
            "The WHO warned. Critics of The Who wrote. The Who sang.",
        ];
        let at = |doc: usize, name: &str, n: usize| organisation(&texts, doc, name, n);
        let mentions = vec![
            vec![
                at(0, "The Killers", 0),
                at(0, "Killers", 1),
                at(0, "The Killers", 2),
                at(0, "Killers", 3),
            ],
            vec![at(1, "WHO", 0), at(1, "The Who", 0), at(1, "The Who", 1)],
        ];
        let table = resolve(&texts, mentions);
        let killers = entity(&table, "The Killers");
        let spans: Vec<&str> = killers
            .mentions
            .iter()
            .map(|m| &texts[m.doc][m.start..m.end])
            .collect();
        assert_eq!(
            spans,
            ["The Killers", "The Killers", "The Killers", "Killers"]
        );
        // An acronym is another name.
        assert_eq!(docs_of(&table, "WHO"), [1]);
        assert_eq!(docs_of(&table, "The Who"), [1, 1]);
    }

    #[test]
    fn two_names_run_together_by_and_are_each_where_the_batch_names_them_alone() {
        let texts = [
            "Fans of Zorvex and Halden Baby met. Zorvex won. Zorvex lost. Zorvex drew.",
            "Halden Baby led. Halden Baby fell. Halden Baby rose. Serbs and Halden Baby agreed.",
            "Serbs cheered. Serbs sang. Serbs wept.",
        ];
        let at = |doc: usize, name: &str, n: usize| organisation(&texts, doc, name, n);
        let mentions = vec![
            vec![
                at(0, "Zorvex and Halden Baby", 0),
                at(0, "Zorvex", 1),
                at(0, "Zorvex", 2),
                at(0, "Zorvex", 3),
            ],
            vec![
                at(1, "Halden Baby", 0),
                at(1, "Halden Baby", 1),
                at(1, "Halden Baby", 2),
                at(1, "Serbs and Halden Baby", 0),
            ],
            (0..3).map(|n| at(2, "Serbs", n)).collect(),
        ];
        let table = resolve(&texts, mentions);
        assert_eq!(docs_of(&table, "Zorvex"), [0, 0, 0, 0]);
        assert_eq!(docs_of(&table, "Halden Baby"), [0, 1, 1, 1]);
        // A nationality's word is no name of its own.
        assert_eq!(docs_of(&table, "Serbs and Halden Baby"), [1]);
    }

    #[test]
    fn one_edit_apart_is_one_letter_changed_added_dropped_or_swapped() {
        for (a, b) in [
            ("yanukovich", "yanukovych"),
            ("knightly", "knightley"),
            ("gonzaelz", "gonzalez"),
            ("vučić", "vučič"),
        ] {
            assert!(one_edit_apart(a, b) && one_edit_apart(b, a), "{a} {b}");
        }
        for (a, b) in [
            ("abc", "abc"),
            ("gonzalez", "gonzlaze"),
            ("abcd", "xabc"),
            ("ab", "abcd"),
        ] {
            assert!(!one_edit_apart(a, b), "{a} {b}");
        }
    }

    #[test]
    fn spellings_of_a_long_name_one_letter_apart_are_one_name_unless_a_story_writes_both() {
        let texts = [
            "Viktor Yanukovych spoke. Viktor Yanukovych left.",
            "Viktor Yanukovich spoke.",
            "Peter Saunders and Peter Sanders met. Paul Thompson rang.",
            "Paul Thomson rang. Stephen Hendersen met.",
            "Stephen Henderson wrote. Stephen Henderson agreed.",
        ];
        let table = recognised(&texts);
        assert_eq!(docs_of(&table, "Viktor Yanukovych"), [0, 0, 1]);
        assert_aliases(
            entity(&table, "Viktor Yanukovych"),
            &["Viktor Yanukovich", "Viktor Yanukovych"],
        );
        assert_eq!(docs_of(&table, "Stephen Henderson"), [3, 4, 4]);
        // Short words, a story that writes both, an "n" at the end: other names.
        for name in [
            "Peter Saunders",
            "Peter Sanders",
            "Paul Thompson",
            "Paul Thomson",
        ] {
            assert_eq!(entity(&table, name).aliases, [name]);
        }
        let mut groups: FxHashMap<String, Group> = FxHashMap::default();
        for (doc, key) in [
            "north indonesia",
            "north indonesian",
            "west yanukovich",
            "west yanukovych",
        ]
        .into_iter()
        .enumerate()
        {
            let mut group = Group::new();
            group.mentions.push(DocSpan {
                doc,
                start: 0,
                end: 1,
            });
            groups.insert(key.to_string(), group);
        }
        assert_eq!(
            spelling_variants(&groups),
            [("west yanukovich".to_string(), "west yanukovych".to_string())]
        );
    }

    #[test]
    fn a_one_word_person_the_text_puts_after_an_article_is_a_thing() {
        let texts = [
            "Fans queued for the Zorvex. An Zorvex costs £200. Her Zorvex broke. Zorvex sales rose.",
            "Mark Cueto scored. The Cueto try stood, a Cueto run, the Cueto kick. Cueto left.",
        ];
        let table = resolve(&texts, people(&texts, &["Mark Cueto", "Zorvex", "Cueto"]));
        assert_eq!(entity(&table, "Zorvex").kind, Kind::Other);
        // The surname of a person named with a known given name stays theirs.
        assert_eq!(docs_of(&table, "Mark Cueto"), [1; 5]);
    }

    #[test]
    fn a_word_capitalised_only_where_sentences_start_is_no_name() {
        let texts = [
            "Analysts said the deal was weak. “Eventually, prices fall,” one added.\nAnalysts expect more.",
            "Most analysts doubt it. Trade eventually slowed. Kurti said talks failed.",
            "Kurti met them. Mr. Young said the plan would work. The young voters disagreed.",
            "Lineup: Butt, Harper. Others played. Butt scored. The butt of jokes.",
            "Personally, I doubt it. Kelly agreed.",
        ];
        let names = [
            "Analysts",
            "Eventually",
            "Kurti",
            "Young",
            "Butt",
            "Personally",
            "Kelly",
        ];
        let mut mentions = people(&texts, &names);
        // As recognising gives it: "Mr." before the name.
        for m in &mut mentions[2] {
            if &texts[2][m.start..m.end] == "Young" {
                m.role = Some("mr".into());
            }
        }
        let table = resolve(&texts, mentions);
        let found: Vec<&str> = table.entities.iter().map(|e| e.name.as_str()).collect();
        // Written in small letters elsewhere in the batch, capitalised only at the start of a
        // sentence (after a quotation mark too, and at the start of a line).
        assert!(!found.contains(&"Analysts"), "{found:?}");
        assert!(!found.contains(&"Eventually"), "{found:?}");
        // An adverb by its ending, even if never written in small letters; not a name.
        assert!(!found.contains(&"Personally"), "{found:?}");
        assert!(found.contains(&"Kelly"), "{found:?}");
        // Never written in small letters; after a title; once in a list after a colon.
        assert!(found.contains(&"Kurti"), "{found:?}");
        assert!(found.contains(&"Young"), "{found:?}");
        assert!(found.contains(&"Butt"), "{found:?}");
    }

    #[test]
    fn a_given_name_alone_joins_the_one_full_name_it_starts() {
        let texts = [
            "Prime Minister Albin Kurti met envoys in Pristina on Monday.",
            "Officials said Albin had asked for more time, and Kurti agreed to talks.",
            "John Kirby and John Bolton spoke. John said little.",
        ];
        let table = recognised(&texts);
        let kurti = entity(&table, "Albin Kurti");
        assert_eq!(kurti.mentions.len(), 3, "{:?}", kurti.aliases);
        assert!(kurti.aliases.iter().any(|a| a == "Albin"));
        // Two full names start with John: a John alone is neither.
        for name in ["John Kirby", "John Bolton"] {
            assert!(entity(&table, name).aliases.iter().all(|a| a != "John"));
        }
        // Short forms the given names list too, each with the full name its document gives.
        let texts = [
            "Robbie Williams sang. Robbie waved.",
            "Robbie Keane scored. Robbie ran.",
            "Steven Gerrard stayed. Steven smiled.",
        ];
        let names = [
            "Robbie Williams",
            "Robbie Keane",
            "Steven Gerrard",
            "Robbie",
            "Steven",
        ];
        let table = resolve(&texts, people(&texts, &names));
        assert_eq!(docs_of(&table, "Robbie Williams"), [0, 0]);
        assert_eq!(docs_of(&table, "Robbie Keane"), [1, 1]);
        assert_eq!(docs_of(&table, "Steven Gerrard"), [2, 2]);
    }

    #[test]
    fn a_role_phrase_joins_the_holder_named_last_before_it_else_the_one_named_most() {
        let text =
            "“We begin,” the president said. President Ivo Lend opened the summit in Split. \
                    “We agree,” the president said. President Ana Kovač arrived later. President \
                    Ana Kovač left. President Ana Kovač spoke.";
        let table = resolve(&[text], vec![recognise(text, None)]);
        let phrases: Vec<usize> = text
            .match_indices("the president")
            .map(|(i, _)| i)
            .collect();
        let holds =
            |name: &str, at: usize| entity(&table, name).mentions.iter().any(|m| m.start == at);
        assert!(holds("Ana Kovač", phrases[0]) && holds("Ivo Lend", phrases[1]));
    }

    /// Where the role phrase ("the Tory leader", "the prime minister") is found in `text`.
    fn phrase_at(text: &str, phrase: &str) -> usize {
        text.find(phrase).expect("the phrase is in the text")
    }

    #[test]
    fn a_role_phrase_qualified_by_a_party_joins_a_holder_titled_so_or_no_one() {
        let texts = [
            "Prime Minister Ivo Lend met Tory leader Ana Kovač in Leeds. Ivo Lend spoke first. \
             The Tory leader said she disagreed.",
            "Prime Minister Ivo Lend opened a school in York. The Tory leader was away.",
        ];
        let table = recognised(&texts);
        let at = |name: &str, doc: usize, phrase: &str| {
            let start = phrase_at(texts[doc], phrase);
            entity(&table, name)
                .mentions
                .iter()
                .any(|m| m.doc == doc && m.start == start)
        };
        assert!(at("Ana Kovač", 0, "The Tory leader"));
        assert!(!at("Ivo Lend", 0, "The Tory leader"));
        assert!(!at("Ivo Lend", 1, "The Tory leader"));
    }

    #[test]
    fn the_prime_minister_is_not_the_deputy_nor_the_shadow_chancellor_the_chancellor() {
        let text = "Chancellor Ivo Lend and shadow chancellor Ana Kovač met Deputy Prime \
                    Minister Marko Horvat. The prime minister was in Brussels. The chancellor \
                    spoke. The deputy prime minister left. How good a prime minister Ana Kovač \
                    would make, no one knows.";
        let table = recognised(&[text]);
        let holds = |name: &str, phrase: &str| {
            let start = phrase_at(text, phrase);
            entity(&table, name)
                .mentions
                .iter()
                .any(|m| m.start == start)
        };
        for name in ["Ivo Lend", "Ana Kovač", "Marko Horvat"] {
            assert!(!holds(name, "The prime minister"), "{name}");
        }
        assert!(holds("Ivo Lend", "The chancellor"));
        assert!(holds("Marko Horvat", "The deputy prime minister"));
    }

    #[test]
    fn acronyms_join_their_expansion() {
        let texts = [
            "NATO’s Kosovo Force (KFOR) has been there since 1999.",
            "KFOR keeps saying it protects everyone.",
        ];
        let table = recognised(&texts);
        let kfor = entity(&table, "KFOR");
        assert_eq!(kfor.kind, Kind::Organization);
        assert!(kfor.aliases.contains(&"Kosovo Force".to_string()));
        assert_eq!(
            kfor.mentions
                .iter()
                .map(|m| m.doc)
                .collect::<BTreeSet<_>>()
                .len(),
            2
        );
    }

    #[test]
    fn a_group_takes_its_most_voted_kind_but_other() {
        let votes = |pairs: &[(Kind, u32)], titled: u32| {
            let mut group = Group::new();
            for &(kind, n) in pairs {
                group.kind_votes[kind as usize] = n;
            }
            group.titled = titled;
            group.vote()
        };
        assert_eq!(
            votes(&[(Kind::Place, 2), (Kind::Organization, 3)], 0),
            Kind::Organization
        );
        // Other only when nothing else was said, however often it was.
        assert_eq!(votes(&[(Kind::Other, 9), (Kind::Place, 1)], 0), Kind::Place);
        assert_eq!(votes(&[(Kind::Other, 2)], 0), Kind::Other);
        assert_eq!(votes(&[], 0), Kind::Other);
        // A tie goes to the kind first in order.
        assert_eq!(votes(&[(Kind::Group, 2), (Kind::Place, 2)], 0), Kind::Place);
        // A titled person is a person, unless named otherwise more than four times as often.
        let (place, person) = ((Kind::Place, 8), (Kind::Person, 2));
        assert_eq!(votes(&[place, person], 1), Kind::Person);
        assert_eq!(votes(&[place, person], 0), Kind::Place);
        assert_eq!(votes(&[(Kind::Place, 9), person], 2), Kind::Place);
        // The votes are indexed by the kinds' order.
        assert!(KINDS.iter().enumerate().all(|(i, &k)| k as usize == i));
    }
}
