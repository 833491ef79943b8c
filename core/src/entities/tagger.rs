//! A small learned name tagger: a greedy averaged perceptron over BIO tags for people,
//! organisations, places and other names (PER, ORG, LOC, MISC).
//!
//! Features are the usual ones of a feature-based tagger (the word, its neighbours, shape,
//! affixes, the tags already chosen to its left), plus what the rest of the document says about
//! the word (is it also written in lower case? capitalised mid-sentence?) and the gazetteers.
//! Each feature is hashed to 22 bits, so the weights (`ner.bin`, written by `eval`'s
//! `train_ner` from CoNLL-2003 English train) hold numbers only, no text.
//!
//! The tagger works on [`text::tokens`], so training and use see the same tokens.

use super::gazetteer::{self, Gazetteer};
use crate::text::is_letter;
use crate::text::{self, fold, Numbering, Token};
use rustc_hash::FxHashMap;
use std::cell::Cell;
use std::sync::OnceLock;

/// The tags, in the order of the weight vectors.
pub const TAGS: [&str; 9] = [
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
];
const N: usize = TAGS.len();
const O: usize = 0;

/// The name part of a token: without a possessive ('s) or a lower-case hyphenated tail
/// ("US-led" → "US"). Byte end of that part.
#[inline]
pub fn name_end(t: &Token) -> usize {
    let s = t.text;
    // Each suffix ends in "s", "'" or the last byte of "’": most tokens are settled by their
    // last byte (string comparisons are calls in wasm).
    if matches!(s.as_bytes().last(), Some(b's' | b'\'' | 0x99)) {
        for suffix in ["’s", "'s", "’", "'"] {
            if let Some(stem) = s.strip_suffix(suffix) {
                if !stem.is_empty() {
                    return t.start + stem.len();
                }
            }
        }
    }
    if let Some(i) = s.bytes().position(|b| b == b'-') {
        let tail = &s[i + 1..];
        if tail.chars().next().is_some_and(char::is_lowercase) && i > 0 {
            return t.start + i;
        }
    }
    t.end
}

/// The word's shape with runs collapsed: "Vučić" → "Xx", "U.S." → "X.X.", "1,000" → "d,d".
#[cfg(test)]
fn shape(s: &str) -> String {
    let mut out = String::new();
    shape_into(s, &mut out);
    out
}

/// Appends the shape of `s` to `out`.
fn shape_into(s: &str, out: &mut String) {
    let mut last = None;
    for c in s.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if last != Some(k) || !matches!(k, 'X' | 'x' | 'd') {
            out.push(k);
        }
        last = Some(k);
    }
}

/// Gazetteer flags of a folded word or phrase.
const G_GIVEN: u8 = 1;
const G_PLACE: u8 = 2;
const G_ORG: u8 = 4;
const G_DEMONYM: u8 = 8;
const G_TITLE: u8 = 16;
const G_ORG_HEAD: u8 = 32;
const G_NOT_NAME: u8 = 64;

/// The gazetteer flags of a folded word or phrase: one lookup in a table of every entry's flags
/// (asked for every capitalised word, and for the phrases they open; a lookup per list cost
/// eight).
fn flags(f: &str) -> u8 {
    static FLAGS: OnceLock<FxHashMap<&'static str, u8>> = OnceLock::new();
    FLAGS
        .get_or_init(|| all_flags(gazetteer::get()))
        .get(f)
        .copied()
        .unwrap_or(0)
}

fn all_flags(g: &'static Gazetteer) -> FxHashMap<&'static str, u8> {
    let mut table: FxHashMap<&'static str, u8> = FxHashMap::default();
    for (set, bit) in [
        (&g.given_names, G_GIVEN),
        (&g.organizations, G_ORG),
        (&g.demonyms, G_DEMONYM),
        (&g.titles, G_TITLE),
        (&g.org_heads, G_ORG_HEAD),
        (&g.not_names, G_NOT_NAME),
        (&g.countries, G_PLACE),
        (&g.places, G_PLACE),
    ] {
        for entry in set {
            *table.entry(entry).or_default() |= bit;
        }
    }
    for (alias, canonical) in &g.aliases {
        *table.entry(alias).or_default() |= if g.organizations.contains(fold(canonical).as_str()) {
            G_ORG
        } else {
            G_PLACE
        };
    }
    table
}

/// Everything about a document's tokens that does not depend on the tags chosen. A token's
/// features are hashed when it is tagged: most tokens (lower-case words, punctuation outside
/// names) are never scored.
pub struct Sequence<'a> {
    pub tokens: Vec<Token<'a>>,
    /// Folded name parts (without a possessive or a lower-case hyphenated tail), one after
    /// another: token `i`'s ends at `word_ends[i]`.
    folded: String,
    word_ends: Vec<u32>,
    /// The name parts' shapes, stored the same way.
    shaped: String,
    shape_ends: Vec<u32>,
    /// Tokens that start a sentence or a line.
    starts: Vec<bool>,
    /// Tokens on lines written in capitals.
    caps: Vec<bool>,
    /// What the whole document says about each token's word: [`LOWER_SEEN`], [`CAP_SEEN`].
    seen: Vec<u8>,
    /// Gazetteer flags of each word, looked up when first needed ([`UNKNOWN`] until then).
    gaz: Vec<Cell<u8>>,
    /// Flags of the multi-word gazetteer phrase a token is in, and whether it begins it.
    phrase: Vec<(u8, bool)>,
    /// Tokens a name cannot run past: possessives ("NATO’s Kosovo Force" is two names).
    ends_name: Vec<bool>,
}

/// The word is also written in lower case somewhere in the document.
const LOWER_SEEN: u8 = 1;
/// The word is also capitalised inside a sentence somewhere in the document.
const CAP_SEEN: u8 = 2;
/// Not a combination of gazetteer flags (they use the low seven bits).
const UNKNOWN: u8 = 128;

/// Features are hashed to this many bits: collisions cost little, and small keys keep the
/// weights file small (sorted keys are stored as deltas).
const HASH_BITS: u32 = 22;

/// FNV-1a over a template id and its parts, folded to [`HASH_BITS`].
fn hash(id: u8, parts: &[&str]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    let mut step = |b: u8| {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    };
    step(id);
    for p in parts {
        for b in p.bytes() {
            step(b);
        }
        step(0xff);
    }
    (h ^ (h >> HASH_BITS)) & ((1 << HASH_BITS) - 1)
}

/// `n` in decimal (gazetteer flags enter features as their decimal text).
fn decimal(n: u8, buf: &mut [u8; 3]) -> &str {
    let mut at = buf.len();
    let mut n = n;
    loop {
        at -= 1;
        buf[at] = b'0' + n % 10;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    std::str::from_utf8(&buf[at..]).unwrap_or("")
}

/// Strings stored one after another, the `i`th ending at `ends[i]`: one allocation for all
/// the tokens of a document instead of one each.
#[inline]
fn slice_at<'s>(all: &'s str, ends: &[u32], i: usize) -> &'s str {
    let start = i.checked_sub(1).map_or(0, |p| ends[p] as usize);
    &all[start..ends[i] as usize]
}

const MULTI_MAX: usize = 4;

impl<'a> Sequence<'a> {
    pub fn new(text: &'a str) -> Sequence<'a> {
        let g = gazetteer::get();
        let tokens = text::tokens(text);
        let n = tokens.len();
        let mut folded = String::with_capacity(text.len());
        let mut word_ends = Vec::with_capacity(n);
        let mut shaped = String::with_capacity(text.len());
        let mut shape_ends = Vec::with_capacity(n);
        let mut ends_name = Vec::with_capacity(n);
        for t in &tokens {
            let name = &text[t.start..name_end(t)];
            text::fold_into(name, &mut folded);
            word_ends.push(folded.len() as u32);
            shape_into(name, &mut shaped);
            shape_ends.push(shaped.len() as u32);
            ends_name.push(name.len() != t.text.len());
        }
        let words: Vec<&str> = (0..n).map(|i| slice_at(&folded, &word_ends, i)).collect();
        let starts = sentence_starts(text, &tokens);
        let caps = caps_lines(text, &tokens);
        // What the whole document says about each word: each distinct word numbered as it comes
        // (one look-up per token), its flags gathered under its number.
        // (A news text's distinct words are about half its tokens: 0.23–0.72, median 0.49,
        // over the BBC set.)
        let mut numbers = Numbering::with_capacity(n / 2);
        let mut word_seen: Vec<u8> = Vec::new();
        // Whether each distinct word may begin a multi-word gazetteer entry.
        let mut may_begin: Vec<bool> = Vec::new();
        let numbered: Vec<u32> = tokens
            .iter()
            .zip(&words)
            .enumerate()
            .map(|(i, (t, w))| {
                let (k, new) = numbers.number(*w);
                if new {
                    word_seen.push(0);
                    may_begin.push(g.first_words.contains(*w));
                }
                if t.text.chars().next().is_some_and(char::is_lowercase) {
                    word_seen[k as usize] |= LOWER_SEEN;
                } else if t.is_capitalised() && !starts[i] && !caps[i] {
                    word_seen[k as usize] |= CAP_SEEN;
                }
                k
            })
            .collect();
        let seen = numbered.iter().map(|&k| word_seen[k as usize]).collect();
        // Multi-word gazetteer entries: flags of the longest phrase starting at each token,
        // spread over its tokens as begin / inside.
        let mut phrase = vec![(0u8, false); n];
        // The longest span folded once, a token at a time (folding is done character by
        // character): each shorter span's fold is a prefix of it, ending at `ends[len]`.
        let mut span = String::new();
        let mut ends = [0; MULTI_MAX + 1];
        'tokens: for i in 0..n {
            if !may_begin[numbered[i] as usize] {
                continue;
            }
            let longest = MULTI_MAX.min(n - i);
            span.clear();
            let mut at = tokens[i].start;
            for (len, t) in tokens[i..i + longest].iter().enumerate() {
                let end = name_end(t);
                text::fold_into(&text[at..end], &mut span);
                ends[len + 1] = span.len();
                at = end;
                // Two words no entry begins with: no phrase here.
                if len == 1 && !g.first_pairs.contains(span.as_str()) {
                    continue 'tokens;
                }
            }
            for len in (2..=longest).rev() {
                let f = flags(&span[..ends[len]]) & (G_PLACE | G_ORG | G_TITLE | G_DEMONYM);
                if f != 0 {
                    phrase[i] = (f, true);
                    for p in phrase.iter_mut().skip(i + 1).take(len - 1) {
                        *p = (f, false);
                    }
                    break;
                }
            }
        }
        drop((words, numbers));
        Sequence {
            tokens,
            folded,
            word_ends,
            shaped,
            shape_ends,
            starts,
            caps,
            seen,
            gaz: vec![Cell::new(UNKNOWN); n],
            phrase,
            ends_name,
        }
    }

    /// Token `i`'s word, or a boundary marker outside the document.
    fn word_at(&self, i: isize) -> &str {
        match usize::try_from(i) {
            Err(_) => "<s>",
            Ok(i) if i < self.len() => self.word(i),
            Ok(_) => "</s>",
        }
    }

    /// Token `i`'s shape, or a boundary marker outside the document.
    fn shape_at(&self, i: isize) -> &str {
        match usize::try_from(i) {
            Err(_) => "<s>",
            Ok(i) if i < self.len() => slice_at(&self.shaped, &self.shape_ends, i),
            Ok(_) => "</s>",
        }
    }

    /// Gazetteer flags of token `i`'s word.
    fn gaz(&self, i: usize) -> u8 {
        let cell = &self.gaz[i];
        if cell.get() == UNKNOWN {
            cell.set(flags(self.word(i)));
        }
        cell.get()
    }

    /// Appends the features of token `i` that do not depend on the tags chosen.
    fn static_features(&self, i: usize, f: &mut Vec<u32>) {
        let t = &self.tokens[i];
        let k = i as isize;
        let w = self.word(i);
        let sh = self.shape_at(k);
        f.push(hash(0, &[]));
        f.push(hash(1, &[w]));
        f.push(hash(2, &[self.word_at(k - 1)]));
        f.push(hash(3, &[self.word_at(k + 1)]));
        f.push(hash(4, &[self.word_at(k - 2)]));
        f.push(hash(5, &[self.word_at(k + 2)]));
        f.push(hash(6, &[self.word_at(k - 1), w]));
        f.push(hash(7, &[w, self.word_at(k + 1)]));
        f.push(hash(8, &[sh]));
        f.push(hash(9, &[self.shape_at(k - 1)]));
        f.push(hash(10, &[self.shape_at(k + 1)]));
        f.push(hash(11, &[self.shape_at(k - 1), sh, self.shape_at(k + 1)]));
        // Prefixes and suffixes of one to four characters, of words longer than that.
        let chars = w.chars().count();
        for len in 1..chars.min(5) {
            let prefix = w.char_indices().nth(len).map_or(0, |(b, _)| b);
            let suffix = w.char_indices().nth_back(len - 1).map_or(0, |(b, _)| b);
            f.push(hash(12 + len as u8, &[&w[..prefix]]));
            f.push(hash(20 + len as u8, &[&w[suffix..]]));
        }
        let start = if self.starts[i] { "S" } else { "-" };
        let cap = if t.is_capitalised() { "C" } else { "-" };
        f.push(hash(30, &[start, cap]));
        if self.caps[i] {
            f.push(hash(31, &[]));
            f.push(hash(32, &[w]));
        }
        let seen = self.seen[i];
        let lower_seen = if seen & LOWER_SEEN != 0 { "L" } else { "-" };
        let cap_seen = if seen & CAP_SEEN != 0 { "C" } else { "-" };
        f.push(hash(33, &[lower_seen, cap_seen, start, cap]));
        let name_len = name_end(t) - t.start;
        if let Some(tail) = t.text.get(name_len..).filter(|x| !x.is_empty()) {
            f.push(hash(34, &[tail]));
        }
        let mut digits = [0u8; 3];
        let gz = self.gaz(i);
        if gz != 0 {
            f.push(hash(35, &[decimal(gz, &mut digits)]));
            f.push(hash(36, &[decimal(gz, &mut digits), cap]));
        }
        if i > 0 {
            let gp = self.gaz(i - 1);
            if gp != 0 {
                f.push(hash(37, &[decimal(gp, &mut digits)]));
            }
        }
        if i + 1 < self.len() {
            let gn = self.gaz(i + 1);
            if gn != 0 {
                f.push(hash(38, &[decimal(gn, &mut digits)]));
            }
        }
        let (pf, begin) = self.phrase[i];
        if pf != 0 {
            let b = if begin { "B" } else { "I" };
            f.push(hash(39, &[decimal(pf, &mut digits), b]));
        }
    }

    /// A word with no capital letter or punctuation, outside a name, starts none, so tagging
    /// skips it, unless it may be a name's particle ("da Silva", "van Gogh": a short word
    /// before a capitalised one) or "&" ("Procter & Gamble").
    fn plain(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        if t.text.chars().any(char::is_uppercase) || t.text == "&" {
            return false;
        }
        !t.is_word()
            || t.text.len() > 3
            || !self.tokens.get(i + 1).is_some_and(Token::is_capitalised)
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Token `i`'s name part, folded ("NATO’s" → "nato").
    pub fn word(&self, i: usize) -> &str {
        slice_at(&self.folded, &self.word_ends, i)
    }

    /// Whether token `i` starts a sentence or a line.
    pub fn starts_sentence(&self, i: usize) -> bool {
        self.starts[i]
    }

    /// The tag before token `i` as far as continuing a name goes.
    fn prev_tag(&self, tags: &[usize], i: usize) -> usize {
        match i.checked_sub(1) {
            Some(p) if !self.ends_name[p] => tags[p],
            _ => O,
        }
    }

    /// Tags the tokens left to right: `choose` gets a token's features (static ones, the two
    /// tags before it, and the type the same word last got in this document) and the tag a
    /// name would continue from, and returns the token's tag. With `skip_plain`, [`plain`]
    /// tokens that continue no name are `O` without asking (training sees every token).
    ///
    /// [`plain`]: Sequence::plain
    fn walk(
        &self,
        skip_plain: bool,
        mut choose: impl FnMut(usize, &[u32], usize) -> usize,
    ) -> Vec<usize> {
        let mut tags: Vec<usize> = Vec::with_capacity(self.len());
        let mut last_type: FxHashMap<&str, &str> = FxHashMap::default();
        let mut buf = Vec::new();
        for i in 0..self.len() {
            let prev = i.checked_sub(1).map_or(O, |p| tags[p]);
            let prev2 = i.checked_sub(2).map_or(O, |p| tags[p]);
            let continues = self.prev_tag(&tags, i);
            if skip_plain && continues == O && self.plain(i) {
                tags.push(O);
                continue;
            }
            let word = self.word(i);
            buf.clear();
            self.static_features(i, &mut buf);
            buf.push(hash(40, &[TAGS[prev]]));
            buf.push(hash(41, &[TAGS[prev2], TAGS[prev]]));
            buf.push(hash(42, &[TAGS[prev], word]));
            let capitalised = self.tokens[i].is_capitalised();
            if capitalised {
                buf.push(hash(43, &[last_type.get(word).copied().unwrap_or("new")]));
            }
            let tag = choose(i, &buf, continues);
            if capitalised {
                last_type.insert(word, TAGS[tag].get(2..).unwrap_or("O"));
            }
            tags.push(tag);
        }
        tags
    }
}

/// Tokens that start a sentence or a line.
fn sentence_starts(text: &str, tokens: &[Token]) -> Vec<bool> {
    let mut out = vec![false; tokens.len()];
    let mut expect = true;
    for (i, t) in tokens.iter().enumerate() {
        let line_break = i > 0 && text[tokens[i - 1].end..t.start].contains('\n');
        if expect || line_break {
            out[i] = t.is_word();
            expect = !t.is_word();
            continue;
        }
        if matches!(t.text, "." | "!" | "?" | ":" | "…" | "•" | "|") {
            expect = true;
        }
    }
    out
}

/// Tokens on lines written in capitals (headlines, banners).
fn caps_lines(text: &str, tokens: &[Token]) -> Vec<bool> {
    let lines: Vec<_> = text::lines(text)
        .into_iter()
        .filter(|r| {
            let letters = text[r.clone()].chars().filter(|&c| is_letter(c));
            // The first small letter settles most lines.
            letters.clone().all(char::is_uppercase) && letters.count() >= 8
        })
        .collect();
    tokens
        .iter()
        .map(|t| {
            let k = lines.partition_point(|r| r.start <= t.start);
            k > 0 && lines[k - 1].contains(&t.start)
        })
        .collect()
}

/// An I- tag may only continue a name of its own type.
fn allowed(prev: usize, tag: usize) -> bool {
    tag == O || tag % 2 == 1 || prev == tag || prev + 1 == tag
}

/// The allowed tag of the highest score, the first of equal ones.
fn best(scores: &[f32; N], prev: usize) -> usize {
    let mut chosen = O;
    for t in 1..N {
        if allowed(prev, t) && scores[t].total_cmp(&scores[chosen]).is_gt() {
            chosen = t;
        }
    }
    chosen
}

/// Feature keys are hashes already: a map over them needs no hashing of its own.
#[derive(Default, Clone, Copy)]
struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u32(&mut self, n: u32) {
        // Spread the key over the high bits too, which hashbrown uses for its control bytes.
        self.0 = u64::from(n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

type Weights = std::collections::HashMap<u32, [f32; N], std::hash::BuildHasherDefault<KeyHasher>>;

/// The score of each tag: the sum of the features' weights.
fn score(weights: &Weights, features: &[u32]) -> [f32; N] {
    let mut s = [0f32; N];
    for f in features {
        if let Some(w) = weights.get(f) {
            for (a, b) in s.iter_mut().zip(w) {
                *a += b;
            }
        }
    }
    s
}

/// Weights by feature hash.
pub struct Model {
    weights: Weights,
}

impl Model {
    /// Greedy left-to-right tagging: indices into [`TAGS`].
    pub fn tag(&self, seq: &Sequence) -> Vec<usize> {
        seq.walk(true, |_, features, prev| {
            best(&score(&self.weights, features), prev)
        })
    }

    /// Reads the format [`Model::write`] writes; `None` when it is not that.
    pub fn read(bytes: &[u8]) -> Option<Model> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != b"NLT2" {
            return None;
        }
        let scale = f32::from_le_bytes(r.take(4)?.try_into().ok()?);
        let count = usize::try_from(r.varint()?).ok()?;
        let mut keys = Vec::with_capacity(count.min(bytes.len()));
        let mut key = 0u64;
        for _ in 0..count {
            key += r.varint()?;
            keys.push(u32::try_from(key).ok()?);
        }
        let masks = r.take(2 * count)?.to_vec();
        let mut weights = Weights::with_capacity_and_hasher(keys.len(), Default::default());
        for (key, mask) in keys.into_iter().zip(masks.chunks_exact(2)) {
            let mask = u16::from_le_bytes([mask[0], mask[1]]);
            let mut q = [0i64; N];
            let mut sum = 0;
            let last = (0..N).rev().find(|t| mask & (1 << t) != 0)?;
            for (t, x) in q.iter_mut().enumerate().take(last) {
                if mask & (1 << t) != 0 {
                    let z = r.varint()?;
                    *x = (z >> 1) as i64 ^ -((z & 1) as i64);
                    sum += *x;
                }
            }
            q[last] = -sum;
            weights.insert(key, q.map(|v| v as f32 / scale));
        }
        Some(Model { weights })
    }

    /// Serialises the weights quantised to `scale` steps per unit, dropping features whose
    /// every weight rounds below `keep` steps.
    ///
    /// A feature's weights sum to zero (every perceptron update adds to one tag what it takes
    /// from another, and averaging keeps that), so the last one is not stored: the reader takes
    /// it as minus the sum of the others, and the writer quantises it that way too. Sorted keys
    /// are stored as deltas, then all tag masks, then all weights (zigzag varints): columns of
    /// like values, which gzip packs better than interleaved rows.
    pub fn write(&self, scale: f32, keep: i64) -> Vec<u8> {
        // (feature, quantised weights, the tag whose weight is implied)
        let mut rows: Vec<(u32, [i64; N], usize)> = self
            .weights
            .iter()
            .filter_map(|(f, w)| {
                let mut q = w.map(|b| (b * scale).round() as i64);
                if q.iter().all(|v| v.abs() < keep) {
                    return None;
                }
                let last = (0..N).rev().find(|&t| q[t] != 0)?;
                q[last] = -q[..last].iter().sum::<i64>();
                Some((*f, q, last))
            })
            .collect();
        rows.sort_unstable_by_key(|r| r.0);
        let mut out = b"NLT2".to_vec();
        out.extend_from_slice(&scale.to_le_bytes());
        put_varint(&mut out, rows.len() as u64);
        let mut previous = 0u64;
        for (f, _, _) in &rows {
            put_varint(&mut out, u64::from(*f) - previous);
            previous = u64::from(*f);
        }
        for (_, q, last) in &rows {
            let mask = (0..*last)
                .filter(|&t| q[t] != 0)
                .fold(1u16 << last, |m, t| m | 1 << t);
            out.extend_from_slice(&mask.to_le_bytes());
        }
        for (_, q, last) in &rows {
            for &v in q[..*last].iter().filter(|v| **v != 0) {
                put_varint(&mut out, ((v << 1) ^ (v >> 63)) as u64);
            }
        }
        out
    }

    pub fn features(&self) -> usize {
        self.weights.len()
    }

    /// The model compiled into the binary.
    pub fn get() -> &'static Model {
        static M: OnceLock<Model> = OnceLock::new();
        M.get_or_init(|| {
            Model::read(include_bytes!("ner.bin")).unwrap_or(Model {
                weights: Weights::default(),
            })
        })
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let s = self.bytes.get(self.at..self.at + n)?;
        self.at += n;
        Some(s)
    }
    fn varint(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *self.take(1)?.first()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Averaged-perceptron training (the averaging by timestamps, so an update costs only the
/// features it touches).
#[derive(Default)]
pub struct Trainer {
    weights: Weights,
    totals: FxHashMap<u32, [f64; N]>,
    stamps: FxHashMap<u32, [u32; N]>,
    clock: u32,
}

impl Trainer {
    fn update(&mut self, feature: u32, tag: usize, delta: f32) {
        let w = self.weights.entry(feature).or_insert([0.0; N]);
        let total = self.totals.entry(feature).or_insert([0.0; N]);
        let stamp = self.stamps.entry(feature).or_insert([0; N]);
        total[tag] += f64::from(self.clock - stamp[tag]) * f64::from(w[tag]);
        stamp[tag] = self.clock;
        w[tag] += delta;
    }

    /// One pass over one sequence with its gold tags; returns the number of mistakes.
    pub fn learn(&mut self, seq: &Sequence, gold: &[usize]) -> usize {
        let mut wrong = 0;
        seq.walk(false, |i, features, prev| {
            self.clock += 1;
            let guess = best(&score(&self.weights, features), prev);
            let truth = gold.get(i).copied().unwrap_or(O);
            if guess != truth {
                wrong += 1;
                for &f in features {
                    self.update(f, truth, 1.0);
                    self.update(f, guess, -1.0);
                }
            }
            guess
        });
        wrong
    }

    /// The averaged weights as a model.
    pub fn average(&self) -> Model {
        let clock = f64::from(self.clock.max(1));
        let weights = self
            .weights
            .iter()
            .map(|(f, w)| {
                let total = self.totals[f];
                let stamp = self.stamps[f];
                let mut avg = [0f32; N];
                for t in 0..N {
                    let sum = total[t] + f64::from(self.clock - stamp[t]) * f64::from(w[t]);
                    avg[t] = (sum / clock) as f32;
                }
                (*f, avg)
            })
            .collect();
        Model { weights }
    }
}

/// Names found by the model: `(first token, last token, type)` with type one of PER, ORG, LOC,
/// MISC.
pub fn spans(tags: &[usize]) -> Vec<(usize, usize, &'static str)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        if tags[i] == O {
            i += 1;
            continue;
        }
        let ty = &TAGS[tags[i]][2..];
        let mut j = i;
        while j + 1 < tags.len()
            && tags[j + 1] != O
            && tags[j + 1].is_multiple_of(2)
            && &TAGS[tags[j + 1]][2..] == ty
        {
            j += 1;
        }
        out.push((i, j, ty));
        i = j + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_ends_before_a_possessive_or_a_lower_case_tail() {
        fn name(word: &str) -> &str {
            let t = Token {
                start: 10,
                end: 10 + word.len(),
                text: word,
            };
            &word[..name_end(&t) - 10]
        }
        for (word, part) in [
            ("NATO’s", "NATO"),
            ("Vučić's", "Vučić"),
            ("Jones’", "Jones"),
            ("Jones'", "Jones"),
            ("US-led", "US"),
            ("Anne-Marie", "Anne-Marie"),
            ("-led", "-led"),
            ("’s", "’s"),
            ("'s", "'s"),
            ("’", "’"),
            ("Paris", "Paris"),
            ("s", "s"),
        ] {
            assert_eq!(name(word), part, "{word}");
        }
    }

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("Vučić"), "Xx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("1,000"), "d,d");
    }

    #[test]
    fn every_multi_word_entry_is_found_as_a_phrase() {
        // What the lookup's two-word filter lets through: each entry, written alone.
        for entry in gazetteer::phrase_entries().filter(|e| e.contains(' ')) {
            let seq = Sequence::new(entry);
            if seq.len() > MULTI_MAX {
                continue;
            }
            assert_ne!(seq.phrase[0], (0, false), "{entry}");
        }
    }

    #[test]
    fn decimals_match_to_string() {
        let mut buf = [0u8; 3];
        for n in [0u8, 7, 10, 64, 99, 100, 255] {
            assert_eq!(decimal(n, &mut buf), n.to_string());
        }
    }

    #[test]
    fn words_are_folded_name_parts() {
        let seq = Sequence::new("NATO’s Vučić met US-led teams.");
        let words: Vec<&str> = (0..seq.len()).map(|i| seq.word(i)).collect();
        assert_eq!(words[..4], ["nato", "vucic", "met", "us"]);
    }

    #[test]
    fn the_best_tag_is_the_first_highest_allowed_one() {
        let mut scores = [0f32; N];
        // I-PER (2) scores highest but may only continue a person.
        scores[2] = 3.0;
        scores[5] = 2.0;
        assert_eq!(best(&scores, O), 5);
        assert_eq!(best(&scores, 1), 2);
        assert_eq!(best(&scores, 2), 2);
        // Equal scores: the first tag.
        scores[3] = 2.0;
        assert_eq!(best(&scores, O), 3);
        // Nothing above O's score: O.
        assert_eq!(best(&[-1.0; N], 4), O);
        assert_eq!(best(&[0.0; N], 4), O);
    }

    #[test]
    fn skipping_plain_tokens_changes_no_tag() {
        let model = Model::get();
        let text = "Ana da Silva met officials of Procter & Gamble and al-Qaeda experts in \
                    São Paulo, where anti-European groups marched past Ludwig van Beethoven Street.";
        let seq = Sequence::new(text);
        let all = seq.walk(false, |_, f, prev| best(&score(&model.weights, f), prev));
        assert_eq!(model.tag(&seq), all);
        assert!(spans(&all).len() >= 4, "{:?}", spans(&all));
    }

    #[test]
    fn weights_survive_writing_and_reading() {
        let mut t = Trainer::default();
        let text = "Anna Berg met Tom Holt in Oslo .";
        let seq = Sequence::new(text);
        let gold = [1, 2, 0, 1, 2, 0, 5, 0];
        for _ in 0..5 {
            t.learn(&seq, &gold);
        }
        let model = Model::read(&t.average().write(1000.0, 1)).expect("reads back");
        assert_eq!(model.tag(&seq), gold);
        assert_eq!(spans(&gold), [(0, 1, "PER"), (3, 4, "PER"), (6, 6, "LOC")]);
    }
}
