//! Markdown: the text of a Markdown export, with the first `#` heading as the title.
//!
//! Contract: line based and linear; removes markup (headings, emphasis, links, images, code
//! fences' backticks, rules) and keeps the words.

use regex::Regex;
use std::sync::OnceLock;

pub struct Markdown {
    pub text: String,
    pub title: Option<String>,
}

/// Converts Markdown to plain text lines.
pub fn to_text(md: &str) -> Markdown {
    static IMG: OnceLock<Regex> = OnceLock::new();
    static LINK: OnceLock<Regex> = OnceLock::new();
    static EMPH: OnceLock<Regex> = OnceLock::new();
    let img = IMG.get_or_init(|| Regex::new(r"!\[[^\]]*\]\([^)]*\)").expect("img"));
    let link = LINK.get_or_init(|| Regex::new(r"\[([^\]]*)\]\([^)]*\)").expect("link"));
    let emph =
        EMPH.get_or_init(|| Regex::new(r"(^|\s)[*_]+|[*_]+(\s|$|[.,;:!?])|`").expect("emph"));
    let mut title = None;
    let mut out = String::with_capacity(md.len());
    let mut front_matter = md.starts_with("---\n");
    for (n, line) in md.lines().enumerate() {
        if front_matter {
            if n > 0 && line.trim() == "---" {
                front_matter = false;
            } else if let Some(t) = line.strip_prefix("title:") {
                title.get_or_insert_with(|| t.trim().trim_matches(['"', '\'']).to_string());
            }
            continue;
        }
        let t = line.trim();
        if matches!(t.chars().next(), Some('-' | '*' | '_' | '='))
            && t.len() >= 3
            && t.chars().all(|c| matches!(c, '-' | '*' | '_' | '=' | ' '))
        {
            out.push('\n');
            continue;
        }
        if t.starts_with("```") || t.starts_with("~~~") {
            continue;
        }
        let mut t = t.trim_start_matches('>').trim_start();
        let heading = t.starts_with('#');
        if heading {
            let level = t.chars().take_while(|&c| c == '#').count();
            t = t.trim_start_matches('#').trim();
            if level == 1 && title.is_none() {
                title = Some(
                    emph.replace_all(&link.replace_all(t, "$1"), "$1$2")
                        .trim()
                        .to_string(),
                );
                continue;
            }
        }
        let (bullet, t) = match t
            .strip_prefix("* ")
            .or_else(|| t.strip_prefix("+ "))
            .or_else(|| t.strip_prefix("- "))
        {
            Some(rest) => ("- ", rest),
            None => ("", t),
        };
        let t = img.replace_all(t, "");
        let t = link.replace_all(&t, "$1");
        let t = format!("{bullet}{}", emph.replace_all(&t, "$1$2"));
        out.push_str(t.trim());
        out.push('\n');
    }
    Markdown { text: out, title }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_goes_words_stay() {
        let m = to_text("---\nlayout: post\n---\n# The *pier* vote\n\nThe **council** met, see [the minutes](http://x.example/m).\n![photo](p.png)\n\n## Reactions\n* Fishermen cheered\n");
        assert_eq!(m.title.as_deref(), Some("The pier vote"));
        assert!(
            m.text.contains("The council met, see the minutes."),
            "{}",
            m.text
        );
        assert!(m.text.contains("Reactions"));
        assert!(m.text.contains("- Fishermen cheered"));
        assert!(!m.text.contains("png"));
    }
}
