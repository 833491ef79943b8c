//! CSV (RFC 4180) tables of entities, quotes and overlaps.

use super::doc_label;
use crate::report::Report;
use std::collections::BTreeSet;
use std::fmt::Write;

/// Quotes a field when it needs it; a leading `=`, `+`, `-` or `@` is prefixed with `'` so a
/// spreadsheet never evaluates text from an article as a formula.
fn field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn row(out: &mut String, fields: &[&str]) {
    let line: Vec<String> = fields.iter().map(|f| field(f)).collect();
    let _ = write!(out, "{}\r\n", line.join(","));
}

pub fn entities_csv(report: &Report) -> String {
    let mut out = String::new();
    row(
        &mut out,
        &[
            "id",
            "name",
            "kind",
            "value",
            "aliases",
            "sources",
            "mentions",
            "documents",
        ],
    );
    for e in &report.entities {
        let docs: BTreeSet<&str> = e.mentions.iter().map(|m| m.doc.as_str()).collect();
        let labels: Vec<&str> = docs.iter().map(|d| doc_label(report, d)).collect();
        row(
            &mut out,
            &[
                &e.id,
                &e.name,
                &e.kind,
                e.value.as_deref().unwrap_or(""),
                &e.aliases.join("; "),
                &docs.len().to_string(),
                &e.mentions.len().to_string(),
                &labels.join("; "),
            ],
        );
    }
    out
}

pub fn quotes_csv(report: &Report) -> String {
    let mut out = String::new();
    row(
        &mut out,
        &[
            "id", "document", "speaker", "cue", "kind", "group", "start", "end", "text",
        ],
    );
    for q in &report.quotes {
        row(
            &mut out,
            &[
                &q.id,
                doc_label(report, &q.doc),
                &report.speaker_name(q).unwrap_or_default(),
                q.cue.as_deref().unwrap_or(""),
                &q.kind,
                q.group.as_deref().unwrap_or(""),
                &q.start.to_string(),
                &q.end.to_string(),
                &q.text,
            ],
        );
    }
    out
}

pub fn overlaps_csv(report: &Report) -> String {
    let mut out = String::new();
    row(&mut out, &["a", "b", "score", "similarity", "passages"]);
    for o in &report.overlaps {
        row(
            &mut out,
            &[
                doc_label(report, &o.a),
                doc_label(report, &o.b),
                &format!("{:.4}", o.score),
                &format!("{:.4}", o.similarity),
                &o.passages.len().to_string(),
            ],
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("-5"), "'-5");
    }
}
