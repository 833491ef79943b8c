//! Boilerplate: line-level signals that a line is not article text.
//!
//! Every rule is a general signal (a family of keywords in many phrasings, a shape of line), never
//! a sentence copied from a particular page. Rules look at short lines only, so a body sentence
//! that happens to mention Twitter or comments is left alone.

use super::RemovalReason;
use regex::Regex;
use std::sync::OnceLock;

/// Lower-case words (letters, digits, `@`, `'`) of a line.
pub fn words(line: &str) -> Vec<String> {
    raw_words(line).map(str::to_lowercase).collect()
}

/// How many [`words`] a line has, without building them.
pub fn word_count(line: &str) -> usize {
    raw_words(line).count()
}

fn raw_words(line: &str) -> impl Iterator<Item = &str> {
    line.split(|c: char| !(c.is_alphanumeric() || c == '@' || c == '\'' || c == '’' || c == '_'))
        .filter(|w| !w.is_empty())
}

/// The line without list bullets, emoji and other leading symbols.
pub fn strip_bullet(line: &str) -> &str {
    line.trim_start_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '-' | '*' | '•' | '·' | '–' | '—' | '›' | '»' | '>' | '▶' | '►' | '→' | '+'
            )
            || (!c.is_alphanumeric() && !c.is_ascii() && !matches!(c, '“' | '‘' | '«' | '„'))
    })
}

/// True when the line starts with a list bullet.
pub fn is_bulleted(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with(['-', '*', '•', '·', '–', '—', '›', '»', '▶', '►', '→'])
        && strip_bullet(t).len() < t.len()
}

const PLATFORMS: &[&str] = &[
    "telegram",
    "twitter",
    "facebook",
    "instagram",
    "youtube",
    "whatsapp",
    "tiktok",
    "linkedin",
    "reddit",
    "pinterest",
    "threads",
    "mastodon",
    "bluesky",
    "viber",
    "rss",
    "podcast",
    "snapchat",
    "vk",
    "x.com",
    "flipboard",
    "signal",
    "discord",
    "twitch",
];
const IMPERATIVES: &[&str] = &[
    "follow",
    "join",
    "subscribe",
    "like",
    "share",
    "download",
    "get",
    "click",
    "tap",
    "sign",
    "listen",
    "watch",
    "find",
    "connect",
    "stay",
    "support",
    "donate",
    "become",
    "add",
    "check",
    "visit",
    "register",
    "don't",
    "never",
    "receive",
    "want",
];

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    // The patterns are constants: one that does not compile is a bug the tests must see.
    cell.get_or_init(|| Regex::new(pattern).expect("boilerplate pattern"))
}

fn comment_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)\b(leave|post|add|write|submit|join|view|show|load|read)\s+(a\s+|the\s+|your\s+|all\s+|\d+\s+)?(reply|replies|comments?|discussion|conversation)\b|email (address )?will (not|never) be (published|shared)|required fields are marked|fields marked (with )?(an? )?\*|must be logged in|log ?in to (comment|reply|post)|comments are closed|^\d+\s+comments?$|^no comments|first to comment|cancel reply|^post comment|save my name|^comments?\s*(\(\d+\))?$|^reply$",
    )
}

fn share_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)\b(ctrl|cmd|control)\s*\+\s*\w+|highlight (the |a )?(text|passage|fragment)|found an? (typo|mistake|error)|print (this )?(article|page|story)|click (here )?to (share|print|email|tweet)|^share( this( article| story| page)?)?( on \w+)?[:!]?$|email this (article|story)|copy (the )?link|^(print|email|share|tweet|save)(\s*[|/]\s*(print|email|share|tweet|save|comment))*$|^(link copied|copied!?)$",
    )
}

fn newsletter_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)\bnewsletters?\b|\bin your inbox\b|\bsign(ing)? up (for|to)\b|\bsubscribe (to|now|today|for)\b|\bsubscription\b|\bunsubscribe\b",
    )
}

fn cookie_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?i)\b(we|this (web)?site) uses? cookies\b|\baccept (all )?cookies\b|\bcookie (policy|settings|preferences)\b|\bprivacy policy\b|\ball rights reserved\b|^©|\bcopyright ©|\bterms (of use|and conditions|of service)\b",
    )
}

/// A line that is one long token of letters and digits mixed (tracking id, hash), possibly with
/// one or two short companions.
pub fn is_tracking_id(line: &str) -> bool {
    let toks: Vec<&str> = line.split_whitespace().collect();
    if toks.is_empty() || toks.len() > 3 {
        return false;
    }
    toks.iter().any(|t| {
        let t = t.trim_matches(|c: char| !c.is_alphanumeric());
        t.len() >= 16
            && t.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            && t.chars().filter(|c| c.is_ascii_digit()).count() >= 4
            && t.chars().any(|c| c.is_ascii_alphabetic())
    }) || (toks.len() == 1 && toks[0].len() >= 24 && toks[0].chars().all(|c| c.is_ascii_hexdigit()))
}

/// The reason a single line is boilerplate, judged on its own.
pub fn classify_line(line: &str) -> Option<RemovalReason> {
    let line = line.trim();
    if line.is_empty() {
        return None;
    }
    if is_tracking_id(line) {
        return Some(RemovalReason::TrackingId);
    }
    let n = word_count(line);
    if n > 30 {
        return None;
    }
    let w = words(line);
    if comment_re().is_match(line) && n <= 16 {
        return Some(RemovalReason::CommentForm);
    }
    if share_re().is_match(line) && n <= 20 {
        return Some(RemovalReason::ShareHint);
    }
    if cookie_re().is_match(line) && n <= 30 {
        return Some(RemovalReason::Navigation);
    }
    let first = w.first().map(String::as_str).unwrap_or("");
    let imperative = IMPERATIVES.contains(&first);
    let addressed = w
        .iter()
        .any(|x| matches!(x.as_str(), "us" | "our" | "you" | "your"));
    let platform = w.iter().any(|x| PLATFORMS.contains(&x.as_str()))
        || line.to_lowercase().contains("google news");
    if newsletter_re().is_match(line) && !platform && (imperative || addressed || n <= 6) && n <= 25
    {
        return Some(RemovalReason::Newsletter);
    }
    let handle = w.iter().any(|x| x.starts_with('@') && x.len() > 2);
    let only_platforms = w.iter().all(|x| {
        PLATFORMS.contains(&x.as_str())
            || matches!(
                x.as_str(),
                "share" | "email" | "print" | "copy" | "link" | "x"
            )
    });
    if platform && (imperative || only_platforms || (addressed && n <= 15)) {
        return Some(RemovalReason::SocialPrompt);
    }
    if handle && (imperative || addressed || n <= 4) && n <= 20 {
        return Some(RemovalReason::SocialPrompt);
    }
    None
}

/// Headers that open a list of links to other articles ("Read more", "Related stories").
pub fn is_related_header(line: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &R,
        r"(?i)^(read more|read also|also read|read next|read further|related|related (articles?|stories|story|news|content|posts|coverage|topics|reading|links)|see also|more on (this|the)( story| topic| subject)?|more (stories|news|articles) (from|on|about)\b.{0,30}|you may (also )?like|you might (also )?like|you may have missed|recommended( for you| reading| stories| articles)?|most (read|popular|viewed)|trending( now| stories)?|further reading|more stories|latest( news| stories| articles)?|top stories|editor'?s picks|don'?t miss|more from .{1,30}|what to read next)\s*[:.…»>]*$",
    );
    r.is_match(strip_bullet(line).trim())
}

/// A "Read more: Headline" line that carries its link inline.
pub fn is_inline_related(line: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &R,
        r"(?i)^(read more|read also|also read|related|see also|read next|read|watch|listen|recommended|more)\s*[:|»>–—-]\s*\S",
    );
    r.is_match(strip_bullet(line).trim()) && word_count(line) <= 30
}

/// A line that reads like a headline: a few words, no closing sentence punctuation.
pub fn is_headline_like(line: &str, max_words: usize) -> bool {
    let t = strip_bullet(line).trim();
    let n = word_count(t);
    if n < 2 || n > max_words || t.chars().count() > 250 {
        return false;
    }
    let last = t
        .trim_end_matches(['"', '”', '’', '\'', ')', ']', '»'])
        .chars()
        .next_back();
    !matches!(last, Some('.' | ',' | ';' | ':' | '…'))
        && t.chars().next().is_some_and(|c| !c.is_lowercase())
}

/// The first sentence of a closing paragraph presents the author ("X is a journalist ...").
pub fn is_author_bio(para: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &R,
        r"^(?:about the author\b.*|((?:[^\W\d_][[^\W\d_]'’.-]*\s+){1,3}[^\W\d_][[^\W\d_]'’.-]*)\s+(?:is|was|has been|works as|writes)\s+(?:a|an|the|our)\b[^.!?]{0,160}\b(?:journalist|writer|author|reporter|editor|correspondent|contributor|columnist|blogger|freelancer|novelist|commentator)s?\b)",
    );
    // The name before the verb is capitalised (checked here: the pattern's letters are any case,
    // which spares the download Unicode's category tables).
    r.captures(para.trim()).is_some_and(|c| {
        c.get(1).is_none_or(|name| {
            name.as_str()
                .split_whitespace()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        })
    })
}

/// A line that only gives the source ("Source: Hot News", "Via: X"): returns the outlet.
pub fn source_line(line: &str) -> Option<String> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &R,
        r"(?i)^(?:(?:source|sources|via|credit)\s*:|(?:originally published (?:by|in|at|on)|first published (?:by|in|on)|this (?:article|story) (?:first appeared|was originally published) (?:in|on|at))\s*:?)\s*(.{2,60}?)\.?$",
    );
    let t = line.trim();
    let c = r.captures(t)?;
    let v = c.get(1)?.as_str().trim();
    (word_count(v) <= 8 && !v.is_empty()).then(|| v.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use RemovalReason::*;

    #[test]
    fn prompts_in_many_phrasings() {
        for l in [
            "Join us on Telegram",
            "FOLLOW US ON TWITTER",
            "Follow our live coverage on @some_outlet_handle.",
            "Like our page on Facebook for more",
            "Subscribe to our YouTube channel!",
        ] {
            assert_eq!(classify_line(l), Some(SocialPrompt), "{l}");
        }
        assert_eq!(
            classify_line("Sign up for our morning newsletter"),
            Some(Newsletter)
        );
        assert_eq!(classify_line("Leave a comment"), Some(CommentForm));
        assert_eq!(
            classify_line("Your email address will not be published."),
            Some(CommentForm)
        );
        assert_eq!(
            classify_line("Select the words and press Ctrl+Enter to report it"),
            Some(ShareHint)
        );
        assert_eq!(
            classify_line("ab12cd34ef56ab78cd90ef12 Zx9"),
            Some(TrackingId)
        );
    }

    #[test]
    fn body_sentences_stay() {
        for l in [
            "The minister said on Twitter that the talks would continue next week.",
            "He asked reporters to follow the money, not the rumours.",
            "Turnout was 3% in the northern towns.",
            "The 2023 budget of 1,200,000 euros was approved.",
        ] {
            assert_eq!(classify_line(l), None, "{l}");
        }
    }

    #[test]
    fn shapes() {
        assert!(is_related_header("Read also:"));
        assert!(is_related_header("RELATED STORIES"));
        assert!(!is_related_header("Related to this, the mayor resigned."));
        assert!(is_headline_like(
            "Harbour town votes to rebuild its pier",
            20
        ));
        assert!(!is_headline_like("The town voted on Monday.", 20));
        assert!(is_author_bio(
            "Jane Roe is a freelance journalist covering the coast."
        ));
        assert!(!is_author_bio("The mayor is a former teacher."));
        assert!(!is_author_bio(
            "Examplecorp is a key producer of pier parts and a writer of manuals."
        ));
        assert_eq!(classify_line("Markets signal a recovery"), None);
        assert_eq!(classify_line("Facebook Twitter Email"), Some(SocialPrompt));
        assert_eq!(
            source_line("Source: Daily Example").as_deref(),
            Some("Daily Example")
        );
        assert_eq!(source_line("Sources said the deal was close."), None);
    }
}
