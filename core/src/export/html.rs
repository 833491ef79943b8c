//! A self-contained HTML report: inline styles, no scripts, no external resources.

use super::doc_label;
use crate::report::Report;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d232b}\
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #d9dee5;vertical-align:top}\
blockquote{margin:.5rem 0;padding-left:.75rem;border-left:3px solid #2a6df4}.muted{color:#5c6672}\
@media (prefers-color-scheme:dark){body{background:#14181d;color:#e6e9ee}th,td{border-color:#2d343d}.muted{color:#9aa4b1}}";

/// Renders the report as one HTML page. Everything from the articles is escaped.
pub fn html_report(report: &Report) -> String {
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>News Lens report</title><style>{STYLE}</style></head><body><h1>News Lens report</h1>"
    );
    let _ = write!(h, "<h2>Documents ({})</h2><table><tr><th>id</th><th>title</th><th>source</th><th>date</th><th>file</th></tr>", report.documents.len());
    for d in &report.documents {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"muted\">{}</td></tr>",
            esc(&d.id),
            esc(d.title.as_deref().unwrap_or("")),
            esc(d.source.as_deref().unwrap_or("")),
            esc(d.published.as_deref().unwrap_or("")),
            esc(&d.name)
        );
    }
    h.push_str("</table>");
    for e in &report.errors {
        let _ = write!(
            h,
            "<p class=\"muted\">Not read: {} ({})</p>",
            esc(&e.name),
            esc(&e.error)
        );
    }

    let mut entities: Vec<_> = report.entities.iter().collect();
    entities.sort_by_key(|e| {
        std::cmp::Reverse(
            e.mentions
                .iter()
                .map(|m| &m.doc)
                .collect::<BTreeSet<_>>()
                .len(),
        )
    });
    let _ = write!(h, "<h2>Entities ({})</h2><table><tr><th>name</th><th>kind</th><th>sources</th><th>mentions</th><th>also written</th></tr>", entities.len());
    for e in entities {
        let sources = e
            .mentions
            .iter()
            .map(|m| &m.doc)
            .collect::<BTreeSet<_>>()
            .len();
        let aliases: Vec<&str> = e
            .aliases
            .iter()
            .map(String::as_str)
            .filter(|a| *a != e.name)
            .collect();
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{sources}</td><td>{}</td><td class=\"muted\">{}</td></tr>",
            esc(&e.name),
            esc(&e.kind),
            e.mentions.len(),
            esc(&aliases.join(", "))
        );
    }
    h.push_str("</table>");

    let mut groups: BTreeMap<&str, Vec<&crate::report::Quote>> = BTreeMap::new();
    for q in report.quotes.iter().filter(|q| q.kind != "scare") {
        groups
            .entry(q.group.as_deref().unwrap_or(&q.id))
            .or_default()
            .push(q);
    }
    let _ = write!(
        h,
        "<h2>Quotes ({})</h2>",
        groups.values().map(Vec::len).sum::<usize>()
    );
    for quotes in groups.values() {
        if quotes.len() > 1 {
            let _ = write!(
                h,
                "<p class=\"muted\">The same statement in {} sources:</p>",
                quotes.len()
            );
        }
        for q in quotes {
            let _ = write!(
                h,
                "<blockquote>“{}”<br><span class=\"muted\">{} {} — {}</span></blockquote>",
                esc(&q.text),
                esc(&report.speaker_name(q).unwrap_or_default()),
                esc(q.cue.as_deref().unwrap_or("")),
                esc(doc_label(report, &q.doc))
            );
        }
    }

    let _ = write!(h, "<h2>Overlaps</h2><table><tr><th>sources</th><th>shared text</th><th>same story</th><th>passages</th></tr>");
    let mut pairs: Vec<_> = report.overlaps.iter().collect();
    pairs.sort_by(|a, b| b.score.total_cmp(&a.score));
    for o in pairs {
        let _ = write!(
            h,
            "<tr><td>{} ~ {}</td><td>{:.0}%</td><td>{:.0}%</td><td>{}</td></tr>",
            esc(doc_label(report, &o.a)),
            esc(doc_label(report, &o.b)),
            o.score * 100.0,
            o.similarity * 100.0,
            o.passages.len()
        );
    }
    h.push_str("</table></body></html>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyse, Input, Options};

    #[test]
    fn article_text_is_escaped_and_nothing_loads() {
        let text = "The mayor, Jan <script>alert(1)</script> Visser, said: “We open the <b>bridge</b> today.”";
        let report = analyse(&[Input::new("<img src=x>.txt", text)], &Options::default());
        let page = html_report(&report);
        assert!(!page.contains("<img src=x>"));
        assert!(page.contains("&lt;img src=x&gt;.txt"));
        for tag in ["<script", "<img", "<link", "<iframe", "<object"] {
            assert!(!page.contains(tag), "{tag} in {page}");
        }
        assert!(page.contains("default-src 'none'"));
    }
}
