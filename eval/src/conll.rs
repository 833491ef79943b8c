//! CoNLL-2003 files: documents rebuilt as text with gold entity spans.
//!
//! Each document (split at `-DOCSTART-`) is rebuilt as tokens joined by single spaces and
//! sentences by newlines; gold spans are CHARACTER offsets with their type (PER, ORG, LOC, MISC).

use std::collections::HashSet;

/// A document's text and its gold (start, end, type) character spans.
pub struct Doc {
    pub text: String,
    pub gold: HashSet<(usize, usize, String)>,
}

pub fn parse(data: &str) -> Vec<Doc> {
    let mut docs = Vec::new();
    let mut text = String::new();
    let mut gold = HashSet::new();
    let mut cur: Option<(usize, usize, String)> = None;
    let mut pos = 0usize; // char offset
    let mut at_line_start = true;
    let flush = |cur: &mut Option<(usize, usize, String)>, gold: &mut HashSet<_>| {
        if let Some(g) = cur.take() {
            gold.insert(g);
        }
    };
    for line in data.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.first() == Some(&"-DOCSTART-") {
            flush(&mut cur, &mut gold);
            if !text.trim().is_empty() {
                docs.push(Doc {
                    text: std::mem::take(&mut text),
                    gold: std::mem::take(&mut gold),
                });
            }
            text.clear();
            gold.clear();
            pos = 0;
            at_line_start = true;
            continue;
        }
        if cols.is_empty() {
            flush(&mut cur, &mut gold);
            if !at_line_start {
                text.push('\n');
                pos += 1;
                at_line_start = true;
            }
            continue;
        }
        let (tok, tag) = (cols[0], cols[cols.len() - 1]);
        if !at_line_start {
            text.push(' ');
            pos += 1;
        }
        at_line_start = false;
        let (s, e) = (pos, pos + tok.chars().count());
        text.push_str(tok);
        pos = e;
        let (bio, ty) = tag.split_once('-').unwrap_or((tag, ""));
        match (bio, &mut cur) {
            ("I", Some(c)) if c.2 == ty => c.1 = e,
            ("B", _) | ("I", _) => {
                flush(&mut cur, &mut gold);
                cur = Some((s, e, ty.to_string()));
            }
            _ => flush(&mut cur, &mut gold),
        }
    }
    flush(&mut cur, &mut gold);
    if !text.trim().is_empty() {
        docs.push(Doc { text, gold });
    }
    docs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rebuilds_text_and_iob_spans() {
        let data = "-DOCSTART- -X- O O\n\nNew NNP B-NP B-LOC\nYork NNP I-NP I-LOC\nwins VB O O\n\nAl NNP B-NP B-PER\n";
        let docs = parse(data);
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].text, "New York wins\nAl");
        assert!(docs[0].gold.contains(&(0, 8, "LOC".to_string())));
        assert!(docs[0].gold.contains(&(14, 16, "PER".to_string())));
    }
}
