//! HTML: the main article of a saved page, and its title, outlet, author and date.
//!
//! Content follows Readability's approach: drop elements that are never content (scripts, nav,
//! forms, hidden parts) and those whose class/id says comments, share bar, sidebar…; score every
//! paragraph (length, commas) into its ancestors; take the best container scaled by its link
//! density, add siblings that score close to it; then render its text, leaving out link lists.
//! Metadata comes from JSON-LD (`NewsArticle` and kin), OpenGraph / `article:*` meta, `<title>`.
//! All passes are loops over the arena (children follow parents), never recursion.

use super::dom::{self, collapse, Dom, Kind};
use super::metadata::{parse_date, split_title_outlet};
use super::plain::{self, Cleaned};
use crate::text::is_letter_or_digit;
use regex::Regex;
use std::sync::OnceLock;

const SKIP: &[&str] = &[
    "script", "style", "noscript", "iframe", "svg", "nav", "footer", "aside", "button", "select",
    "input", "textarea", "template", "object", "embed", "canvas", "head", "title", "meta", "link",
    "form", "label", "option", "math", "dialog", "menu",
];
const BLOCK: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "section",
    "article",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "header",
    "main",
    "address",
    "hr",
    "br",
    "td",
    "th",
    "caption",
    "details",
    "summary",
];

fn unlikely() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)-ad-|^ad\b|advert|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|cookie|consent|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|agegate|pagination|pager|popup|yom-remote|newsletter|subscribe|share|sharing|promo|outbrain|taboola|recommend|trending|most-?read|masthead|toolbar|byline|signup|paywall|kommentare|kommentarbereich|leserkommentar|werbung|anzeige|teilen|empfehlung|weitere-artikel|mehr-zum-thema|verwandt|commentaires|publicite|partage|commenti|pubblicita|comentarios|publicidad|relacionad|correlat")
            .expect("unlikely")
    })
}

fn maybe() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)and|article|body|column|content|main|shadow|story|entry|post|text|prose|artikel|inhalt|beitrag|contenu|contenido|articulo|articolo|contenuto")
            .expect("maybe")
    })
}

fn positive() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|prose|artikel|inhalt|beitrag|contenu|contenido|cuerpo|articulo|articolo|contenuto|testo|corpo")
            .expect("positive")
    })
}

fn negative() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|social|newsletter|recommend|kommentare|leserkommentar|kommentarbereich|werbung|anzeige|teilen|empfehlung|verwandt|commentaire|publicite|partage|commenti|comentario|publicidad")
            .expect("negative")
    })
}

fn class_id(dom: &Dom, i: usize) -> String {
    let mut s = String::new();
    s.push_str(dom.attr(i, "class").unwrap_or(""));
    s.push(' ');
    s.push_str(dom.attr(i, "id").unwrap_or(""));
    s
}

fn class_weight(dom: &Dom, i: usize) -> f64 {
    let ci = class_id(dom, i);
    if ci.trim().is_empty() {
        return 0.0;
    }
    let mut w = 0.0;
    if negative().is_match(&ci) {
        w -= 25.0;
    }
    if positive().is_match(&ci) {
        w += 25.0;
    }
    w
}

/// Extracts the article from a decoded page. Like Readability, when stripping elements by their
/// class names leaves too little text (under 500 characters), it tries again without that step.
/// Lines in `keep` stay in the body (see [`plain::clean`]).
pub fn extract(html: &str, keep: &[String]) -> Cleaned {
    let dom = dom::parse(html);
    let meta = metadata(&dom);
    let mut text = body_text(&dom, true);
    if text.trim().chars().count() < 500 {
        let again = body_text(&dom, false);
        if again.len() > text.len() {
            text = again;
        }
    }
    finish(text, meta, keep)
}

/// The rendered text of the main content.
fn body_text(dom: &Dom, strip_unlikely: bool) -> String {
    let n = dom.nodes.len();

    // 1. Which nodes are never content.
    let mut dead = vec![false; n];
    for i in 1..n {
        let p = dom.nodes[i].parent;
        if dead[p] {
            dead[i] = true;
            continue;
        }
        let name = dom.name(i);
        if name.is_empty() {
            continue;
        }
        if SKIP.contains(&name) || is_hidden(dom, i) || is_credit(dom, i) {
            dead[i] = true;
            continue;
        }
        if strip_unlikely
            && !matches!(
                name,
                "body" | "html" | "article" | "main" | "a" | "p" | "td" | "tr" | "table"
            )
        {
            let ci = class_id(dom, i);
            let role = dom.attr(i, "role").unwrap_or("");
            if matches!(
                role,
                "navigation"
                    | "complementary"
                    | "banner"
                    | "contentinfo"
                    | "menu"
                    | "menubar"
                    | "dialog"
                    | "alert"
            ) || (!ci.trim().is_empty() && unlikely().is_match(&ci) && !maybe().is_match(&ci))
            {
                dead[i] = true;
            }
        }
    }

    // 2. Text and link-text lengths, bottom-up (children have larger indices).
    let mut text_len = vec![0usize; n];
    let mut link_len = vec![0usize; n];
    let mut commas = vec![0usize; n];
    for i in (1..n).rev() {
        if dead[i] {
            continue;
        }
        if let Kind::Text(t) = &dom.nodes[i].kind {
            text_len[i] = t.split_whitespace().map(|w| w.chars().count() + 1).sum();
            commas[i] = t.matches([',', '，', '、']).count();
        }
        if dom.name(i) == "a" {
            link_len[i] = text_len[i];
        }
        let p = dom.nodes[i].parent;
        text_len[p] += text_len[i];
        link_len[p] += link_len[i];
        commas[p] += commas[i];
    }
    let density = |i: usize| {
        if text_len[i] == 0 {
            0.0
        } else {
            (link_len[i] as f64 / text_len[i] as f64).min(1.0)
        }
    };

    // 3. Paragraph scores into ancestors.
    let mut score = vec![0f64; n];
    let mut scored = vec![false; n];
    for i in 1..n {
        if dead[i] || text_len[i] < 25 {
            continue;
        }
        let name = dom.name(i);
        let is_para = matches!(name, "p" | "pre" | "td" | "blockquote")
            || (matches!(name, "div" | "section" | "span" | "font" | "li")
                && dom.nodes[i]
                    .children
                    .iter()
                    .any(|&c| matches!(&dom.nodes[c].kind, Kind::Text(t) if t.trim().len() >= 25))
                && !dom.nodes[i].children.iter().any(|&c| dom.name(c) == "p"));
        if !is_para {
            continue;
        }
        let s = 1.0 + commas[i] as f64 + (text_len[i] as f64 / 100.0).min(3.0);
        let mut a = dom.nodes[i].parent;
        for level in 0..5 {
            if a == 0 {
                break;
            }
            if !scored[a] {
                scored[a] = true;
                score[a] += base_score(dom.name(a)) + class_weight(dom, a);
            }
            score[a] += match level {
                0 => s,
                1 => s / 2.0,
                l => s / (l as f64 * 3.0),
            };
            a = dom.nodes[a].parent;
        }
    }
    let mut best: Option<usize> = None;
    let mut best_score = 0.0;
    for i in 1..n {
        if scored[i] && !dead[i] {
            let s = score[i] * (1.0 - density(i));
            score[i] = s;
            if s > best_score {
                best_score = s;
                best = Some(i);
            }
        }
    }
    let body = dom.elements("body").next().unwrap_or(0);
    let mut top = best.unwrap_or(body);
    let stop = |a: usize| a == 0 || a == body;
    if best.is_some() {
        // Several strong candidates under one ancestor: the article is that ancestor (a body
        // split into blocks by ads or images).
        let mut ranked: Vec<usize> = (1..n)
            .filter(|&i| scored[i] && !dead[i] && i != top)
            .collect();
        ranked.sort_unstable_by(|&a, &b| score[b].total_cmp(&score[a]).then(a.cmp(&b)));
        let alternatives: Vec<usize> = ranked
            .into_iter()
            .take(5)
            .filter(|&i| score[i] >= best_score * 0.75)
            .collect();
        if alternatives.len() >= 3 {
            let ancestors: Vec<Vec<usize>> = alternatives
                .iter()
                .map(|&a| {
                    let mut v = Vec::new();
                    let mut x = dom.nodes[a].parent;
                    while !stop(x) && v.len() < dom::MAX_DEPTH {
                        v.push(x);
                        x = dom.nodes[x].parent;
                    }
                    v
                })
                .collect();
            let mut p = dom.nodes[top].parent;
            while !stop(p) {
                if ancestors.iter().filter(|v| v.contains(&p)).count() >= 3 {
                    top = p;
                    break;
                }
                p = dom.nodes[p].parent;
            }
        }
        // Climb while the parent scores better (it gathers more of the article).
        let mut last = score[top];
        let threshold = last / 3.0;
        let mut p = dom.nodes[top].parent;
        while !stop(p) {
            if scored[p] {
                if score[p] < threshold {
                    break;
                }
                if score[p] > last {
                    top = p;
                    break;
                }
                last = score[p];
            }
            p = dom.nodes[p].parent;
        }
        // An only child stands for its parent.
        while !stop(dom.nodes[top].parent)
            && dom.nodes[dom.nodes[top].parent]
                .children
                .iter()
                .filter(|&&c| !matches!(&dom.nodes[c].kind, Kind::Text(t) if t.trim().is_empty()))
                .count()
                == 1
        {
            top = dom.nodes[top].parent;
        }
        if scored[top] {
            best_score = best_score.max(score[top]);
        }
    }

    // 4. The top candidate and siblings that look like part of it.
    let mut roots = Vec::new();
    let parent = dom.nodes[top].parent;
    if parent != 0 && top != body {
        let threshold = (best_score * 0.2).max(10.0);
        let cw = class_weight(dom, top);
        for &s in &dom.nodes[parent].children {
            if dead[s] {
                continue;
            }
            let keep = s == top
                || (scored[s]
                    && score[s]
                        + if class_id(dom, s) == class_id(dom, top) && cw > 0.0 {
                            best_score * 0.2
                        } else {
                            0.0
                        }
                        >= threshold)
                || (dom.name(s) == "p" && {
                    let len = text_len[s];
                    let d = density(s);
                    (len > 80 && d < 0.25)
                        || (len > 0 && len <= 80 && d == 0.0 && dom.text_of(s).contains(". "))
                });
            if keep {
                roots.push(s);
            }
        }
    } else {
        roots.push(top);
    }

    // 5. Render, leaving out link lists and tiny boxes.
    let mut text = String::new();
    for r in roots {
        render(
            dom,
            r,
            &dead,
            &|i| {
                let name = dom.name(i);
                if matches!(
                    name,
                    "ul" | "ol" | "div" | "section" | "table" | "dl" | "header"
                ) && i != r
                {
                    let w = class_weight(dom, i);
                    if w < 0.0 && commas[i] < 10 {
                        return true;
                    }
                    if commas[i] < 10 && density(i) > if w >= 25.0 { 0.5 } else { 0.33 } {
                        return true;
                    }
                }
                if matches!(name, "h1" | "h2" | "h3")
                    && (density(i) > 0.5 || class_weight(dom, i) < 0.0)
                {
                    return true;
                }
                false
            },
            &mut text,
        );
    }
    text.lines().map(collapse).collect::<Vec<_>>().join("\n")
}

/// Line-level cleaning of the rendered text, and the metadata.
fn finish(text: String, meta: Meta, keep: &[String]) -> Cleaned {
    let mut cleaned = plain::clean(&text, meta.title.is_none(), keep);
    // A heading repeating the title at the top of the body is the title, not body text.
    if let Some(t) = &meta.title {
        let ft = crate::text::fold(t);
        if let Some(first) = cleaned.text.lines().next() {
            if crate::text::fold(first.trim()) == ft && !super::restored(keep, first) {
                let rest = cleaned.text[first.len()..].trim_start().to_string();
                cleaned.removed.insert(
                    0,
                    super::Removed {
                        text: first.trim().to_string(),
                        reason: super::RemovalReason::Metadata,
                    },
                );
                cleaned.text = rest;
            }
        }
    }
    Cleaned {
        title: meta.title.or(cleaned.title),
        source: meta.source.or(cleaned.source),
        published: meta.published.or(cleaned.published),
        author: meta.author.or(cleaned.author),
        ..cleaned
    }
}

fn base_score(name: &str) -> f64 {
    match name {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

fn is_hidden(dom: &Dom, i: usize) -> bool {
    if dom.attr(i, "hidden").is_some() || dom.attr(i, "aria-hidden") == Some("true") {
        return true;
    }
    let style = dom
        .attr(i, "style")
        .unwrap_or("")
        .to_ascii_lowercase()
        .replace(' ', "");
    style.contains("display:none") || style.contains("visibility:hidden")
}

/// A photo's or a graphic's credit ("Chang W. Lee/The New York Times", "Getty Images"), an
/// element the page marks as one: a class ending in "credit" or "credits" (`credit`,
/// `photoCredit`, `caption-credit`, `image__credits`; not `accredited`), or the schema.org
/// `copyrightHolder`. Never article text, and its names are not the story's.
fn is_credit(dom: &Dom, i: usize) -> bool {
    if dom.attr(i, "itemprop") == Some("copyrightHolder") {
        return true;
    }
    // Byte-wise, without a lower-cased copy: every element of a page is asked.
    let ends_with = |s: &[u8], end: &str| {
        s.len() >= end.len() && s[s.len() - end.len()..].eq_ignore_ascii_case(end.as_bytes())
    };
    let class = dom.attr(i, "class").unwrap_or("");
    class.split_ascii_whitespace().any(|c| {
        let c = c.as_bytes();
        let stem = match c {
            [stem @ .., b's' | b'S'] => stem,
            _ => c,
        };
        if !ends_with(stem, "credit") {
            return false;
        }
        let before = &stem[..stem.len() - "credit".len()];
        before.is_empty()
            || before.ends_with(b"-")
            || before.ends_with(b"_")
            || [
                "photo", "image", "img", "caption", "media", "picture", "pic",
            ]
            .iter()
            .any(|p| ends_with(before, p))
    })
}

/// Text of the subtree at `root`: block elements start new lines, `skip` prunes subtrees.
fn render(dom: &Dom, root: usize, dead: &[bool], skip: &dyn Fn(usize) -> bool, out: &mut String) {
    enum Step {
        Enter(usize),
        Leave(usize),
    }
    let mut stack = vec![Step::Enter(root)];
    // How many `pre` elements the walk is in: only there is a line break in the source one on
    // the page.
    let mut pre = 0usize;
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(i) => {
                if dead[i] || skip(i) {
                    continue;
                }
                match &dom.nodes[i].kind {
                    // "…to frighten tourists\n    and to negatively…": a space on the page.
                    Kind::Text(t) if pre == 0 && t.contains(['\n', '\r']) => {
                        out.extend(
                            t.chars()
                                .map(|c| if c == '\n' || c == '\r' { ' ' } else { c }),
                        );
                    }
                    Kind::Text(t) => {
                        out.push_str(t);
                    }
                    _ => {
                        let name = dom.name(i);
                        pre += usize::from(name == "pre");
                        if BLOCK.contains(&name) {
                            out.push('\n');
                            if name == "li" {
                                out.push_str("- ");
                            }
                        } else if matches!(name, "img" | "a" | "span") {
                            // inline: no separator
                        }
                        stack.push(Step::Leave(i));
                        for &c in dom.nodes[i].children.iter().rev() {
                            stack.push(Step::Enter(c));
                        }
                    }
                }
            }
            Step::Leave(i) => {
                let name = dom.name(i);
                pre -= usize::from(name == "pre");
                if BLOCK.contains(&name) {
                    out.push('\n');
                    if matches!(
                        name,
                        "p" | "h1"
                            | "h2"
                            | "h3"
                            | "h4"
                            | "h5"
                            | "h6"
                            | "blockquote"
                            | "pre"
                            | "ul"
                            | "ol"
                            | "table"
                    ) {
                        out.push('\n');
                    }
                } else if matches!(name, "td" | "th") {
                    out.push(' ');
                }
            }
        }
    }
}

/// Page metadata.
#[derive(Debug, Default)]
pub struct Meta {
    pub title: Option<String>,
    pub source: Option<String>,
    pub published: Option<String>,
    pub author: Option<String>,
}

/// Title, outlet, date and author from JSON-LD, meta tags, `<title>` and the first `<h1>`.
pub fn metadata(dom: &Dom) -> Meta {
    let mut meta_tags: Vec<(String, String)> = Vec::new();
    for i in dom.elements("meta") {
        let key = dom
            .attr(i, "property")
            .or_else(|| dom.attr(i, "name"))
            .or_else(|| dom.attr(i, "itemprop"))
            .unwrap_or("")
            .to_ascii_lowercase();
        if let Some(v) = dom.attr(i, "content") {
            let v = collapse(v);
            if !key.is_empty() && !v.is_empty() {
                meta_tags.push((key, v));
            }
        }
    }
    let tag = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            meta_tags
                .iter()
                .find(|(mk, _)| mk == k)
                .map(|(_, v)| v.clone())
        })
    };
    let title_el = dom
        .elements("title")
        .next()
        .map(|i| dom.text_of(i))
        .filter(|t| !t.is_empty());
    let (ld, ld_created) = json_ld(dom, title_el.as_deref().unwrap_or(""));
    let (title_plain, title_outlet) = title_el
        .as_deref()
        .map(split_title_outlet)
        .unwrap_or((String::new(), None));
    let title = ld
        .title
        .or_else(|| {
            tag(&[
                "og:title",
                "twitter:title",
                "dc.title",
                "sailthru.title",
                "headline",
            ])
        })
        .or_else(|| (!title_plain.is_empty()).then_some(title_plain))
        .or_else(|| {
            dom.elements("h1")
                .map(|i| dom.text_of(i))
                .find(|t| !t.is_empty())
        });
    let source = tag(&[
        "og:site_name",
        "application-name",
        "publisher",
        "dc.publisher",
    ])
    .or(ld.source)
    .or(title_outlet);
    // Every source of the date, best first; the date is the first one's, unless it is the same
    // moment in UTC as another written with the page's own offset (see [`local_date`]).
    let published = local_date(&[
        ld.published,
        tag(&[
            "article:published_time",
            "og:article:published_time",
            "datepublished",
            "pubdate",
            "publishdate",
            "date",
            "dc.date",
            "dc.date.issued",
            "dcterms.created",
            "sailthru.date",
            "parsely-pub-date",
            "article.published",
            "article:published",
            "published_time",
            "publish-date",
            "publish_date",
            "dcterms.date",
            "dcterms.issued",
            "dc.date.created",
            "datecreated",
        ]),
        // Microdata outside the meta tags: <span itemprop="datePublished" content="…">.
        (0..dom.nodes.len())
            .filter(|&i| dom.attr(i, "itemprop") == Some("datePublished"))
            .find_map(|i| dom.attr(i, "content").or_else(|| dom.attr(i, "datetime")))
            .filter(|d| parse_date(d).is_some())
            .map(str::to_string),
        ld_created,
        dom.elements("time")
            .filter_map(|i| dom.attr(i, "datetime"))
            .find(|d| parse_date(d).is_some())
            .map(str::to_string),
    ]);
    let author = ld
        .author
        .or_else(|| {
            tag(&[
                "author",
                "article:author",
                "dc.creator",
                "byl",
                "sailthru.author",
                "parsely-author",
            ])
        })
        .filter(|a| !a.starts_with("http"))
        .map(|a| plain::without_byline_prefix(&a).to_string());
    Meta {
        title: title.map(|t| collapse(&t)).filter(|t| !t.is_empty()),
        source,
        published,
        author,
    }
}

/// The published date among `candidates` (date strings, best first): the first that parses,
/// as written. When that one is a UTC timestamp (`…Z`, `+00:00`) and another candidate gives the
/// same moment with the page's own offset, that one's day is the day as the page wrote it
/// (`2013-03-06T04:30Z` and `2013-03-05T23:30-05:00` give `2013-03-05`). Nothing is converted.
fn local_date(candidates: &[Option<String>]) -> Option<String> {
    let dates: Vec<&str> = candidates
        .iter()
        .flatten()
        .map(String::as_str)
        .filter(|d| parse_date(d).is_some())
        .collect();
    let first = *dates.first()?;
    if let Some((moment, 0)) = instant(first) {
        if let Some(local) = dates
            .iter()
            .find(|d| instant(d).is_some_and(|(m, off)| off != 0 && (m - moment).abs() <= 1))
        {
            return parse_date(local);
        }
    }
    parse_date(first)
}

/// An ISO timestamp with an explicit offset (`2013-03-05T23:30:00-05:00`, `…Z`): the moment in
/// minutes since 1970 (UTC) and the offset in minutes.
fn instant(s: &str) -> Option<(i64, i64)> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        Regex::new(r"^\s*(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(?:(Z)|([+-])(\d{2}):?(\d{2}))\s*$")
            .expect("timestamp pattern")
    });
    let c = r.captures(s)?;
    let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<i64>().ok());
    let (y, mo, d) = (n(1)?, n(2)?, n(3)?);
    // Days from 1970-01-01 to the civil date (Howard Hinnant's algorithm).
    let y = if mo <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if mo > 2 { mo - 3 } else { mo + 9 }) + 2) / 5 + d - 1;
    let days = era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468;
    let offset = if c.get(6).is_some() {
        0
    } else {
        let sign = if &c[7] == "-" { -1 } else { 1 };
        sign * (n(8)? * 60 + n(9)?)
    };
    Some((days * 1440 + n(4)? * 60 + n(5)? - offset, offset))
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "BlogPosting",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "BackgroundNewsArticle",
    "Report",
    "ScholarlyArticle",
    "TechArticle",
    "LiveBlogPosting",
    "SocialMediaPosting",
    "DiscussionForumPosting",
    "WebPage",
];

/// Readability's choice between JSON-LD `name` and `headline`: the name, unless only the headline
/// resembles the page's `<title>`.
fn ld_title(name: Option<&str>, headline: Option<&str>, page_title: &str) -> Option<String> {
    let pick = match (name, headline) {
        (Some(n), Some(h)) if n != h => {
            let n_ok = similarity(n, page_title) > 0.75;
            let h_ok = similarity(h, page_title) > 0.75;
            if h_ok && !n_ok {
                h
            } else {
                n
            }
        }
        (Some(n), _) => n,
        (None, Some(h)) => h,
        (None, None) => return None,
    };
    Some(dom::decode_entities(pick)).filter(|t| !t.trim().is_empty())
}

/// Share of `b`'s text made of words that also occur in `a` (Readability's text similarity).
fn similarity(a: &str, b: &str) -> f64 {
    let words = |s: &str| -> Vec<String> {
        crate::text::fold(s)
            .split(|c: char| !is_letter_or_digit(c))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    let total: usize = wb.iter().map(|w| w.len() + 1).sum();
    if total == 0 {
        return 0.0;
    }
    let unique: usize = wb
        .iter()
        .filter(|w| !wa.contains(w))
        .map(|w| w.len() + 1)
        .sum();
    1.0 - unique as f64 / total as f64
}

/// The best JSON-LD article's metadata, its `published` as written (`datePublished`), and its
/// `dateCreated` as written (a fallback after the meta tags, as Readability has it).
fn json_ld(dom: &Dom, page_title: &str) -> (Meta, Option<String>) {
    let mut best: Option<(usize, Meta, Option<String>)> = None;
    for i in dom.elements("script") {
        if !dom
            .attr(i, "type")
            .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"))
        {
            continue;
        }
        let raw = dom.text_of(i);
        let Ok(v) = serde_json::from_str::<serde_json::Value>(without_cdata(&raw)) else {
            continue;
        };
        // Flatten arrays and @graph one level at a time (no recursion over the JSON).
        let mut queue = vec![v];
        let mut budget = 200;
        while let Some(v) = queue.pop() {
            budget -= 1;
            if budget == 0 {
                break;
            }
            match v {
                serde_json::Value::Array(a) => queue.extend(a),
                serde_json::Value::Object(ref o) => {
                    if let Some(g) = o.get("@graph") {
                        queue.push(g.clone());
                    }
                    let types: Vec<&str> = match o.get("@type") {
                        Some(serde_json::Value::String(s)) => vec![s.as_str()],
                        Some(serde_json::Value::Array(a)) => {
                            a.iter().filter_map(|x| x.as_str()).collect()
                        }
                        _ => vec![],
                    };
                    let Some(rank) = types
                        .iter()
                        .filter_map(|t| ARTICLE_TYPES.iter().position(|a| a == t))
                        .min()
                    else {
                        continue;
                    };
                    let m = Meta {
                        title: ld_title(
                            o.get("name").and_then(|x| x.as_str()),
                            o.get("headline").and_then(|x| x.as_str()),
                            page_title,
                        ),
                        source: o
                            .get("publisher")
                            .and_then(name_of)
                            .map(|s| dom::decode_entities(&s)),
                        published: o
                            .get("datePublished")
                            .and_then(|x| x.as_str())
                            .map(str::to_string),
                        author: o
                            .get("author")
                            .and_then(name_of)
                            .map(|s| dom::decode_entities(&s)),
                    };
                    let created = o
                        .get("dateCreated")
                        .and_then(|x| x.as_str())
                        .map(str::to_string);
                    if best.as_ref().is_none_or(|(r, _, _)| rank < *r) {
                        best = Some((rank, m, created));
                    }
                }
                _ => {}
            }
        }
    }
    best.map(|(_, m, c)| (m, c)).unwrap_or_default()
}

/// A script's text without the CDATA wrapper XHTML-minded pages put around it
/// (`<![CDATA[ … ]]>`, also behind `//` or inside `/* */`).
fn without_cdata(raw: &str) -> &str {
    let s = raw.trim();
    let Some(rest) = s
        .strip_prefix("<![CDATA[")
        .or_else(|| s.strip_prefix("//<![CDATA["))
        .or_else(|| s.strip_prefix("/*<![CDATA[*/"))
    else {
        return s;
    };
    let rest = rest.trim_end();
    rest.strip_suffix("/*]]>*/")
        .or_else(|| rest.strip_suffix("//]]>"))
        .or_else(|| rest.strip_suffix("]]>"))
        .unwrap_or(rest)
        .trim()
}

/// `"X"`, `{"name": "X"}` or the first of a list of those.
fn name_of(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Object(o) => o.get("name").and_then(|n| n.as_str()).map(str::to_string),
        serde_json::Value::Array(a) => a.iter().find_map(|x| match x {
            serde_json::Value::Array(_) => None,
            x => name_of(x),
        }),
        _ => None,
    }
    .map(|s| collapse(&s))
    .filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: &str = "The harbour council voted on Monday to rebuild the old pier, which storms damaged last winter, at a cost of two million.";

    fn page() -> String {
        format!(
            r##"<!DOCTYPE html><html><head><title>Pier vote | Coast Daily</title>
<meta property="og:site_name" content="Coast Daily">
<meta property="article:published_time" content="2021-03-04T09:00:00Z">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour town votes to rebuild its pier","author":{{"@type":"Person","name":"Jane Roe"}}}}</script>
<style>.x {{ color: red }}</style></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies</div>
<article class="story-body"><h1>Harbour town votes to rebuild its pier</h1>
<p>{P}</p><p>{P} Fishermen, shop owners and the mayor welcomed it.</p>
<script>document.write("never text")</script>
<div class="share-tools"><a href="#">Share on Facebook</a></div>
<p>{P}</p></article>
<aside class="related"><ul><li><a href="/a">Celebrity chef opens bistro</a></li></ul></aside>
<div id="comments"><h3>Leave a Reply</h3><p>Great article, thanks!</p></div>
<footer>© 2021 Coast Daily</footer></body></html>"##
        )
    }

    #[test]
    fn article_and_metadata() {
        let c = extract(&page(), &[]);
        assert_eq!(
            c.title.as_deref(),
            Some("Harbour town votes to rebuild its pier")
        );
        assert_eq!(c.source.as_deref(), Some("Coast Daily"));
        assert_eq!(c.published.as_deref(), Some("2021-03-04"));
        assert_eq!(c.author.as_deref(), Some("Jane Roe"));
        assert!(c.text.starts_with("The harbour council"), "{}", c.text);
        assert_eq!(c.text.matches("harbour council").count(), 3);
        for bad in [
            "never text",
            "color",
            "Home",
            "cookies",
            "Facebook",
            "Celebrity",
            "Reply",
            "Great article",
            "©",
        ] {
            assert!(!c.text.contains(bad), "{bad} in {}", c.text);
        }
    }

    #[test]
    fn photo_credits_and_media_labels_are_not_text() {
        let caption = "Fishermen mended their nets on the old pier on Tuesday.";
        let page = format!(
            r##"<html><head><title>Pier vote</title></head><body><article>
<p>{P}</p>
<figure><span class="visually-hidden">Image</span><img src="pier.jpg">
<figcaption><span>{caption}</span><span itemprop="copyrightHolder"><span>Credit</span><span>Rosa Vale for Coast Daily</span></span></figcaption></figure>
<p>{P} Fishermen, shop owners and the mayor welcomed it.</p>
<figure><img src="crane.jpg"><p class="photoCredit">Harbour Authority / Tom Marsh</p></figure>
<p class="accredited-members">The vote was the first in which all accredited members of the council took part.</p>
<p>{P}</p></article></body></html>"##
        );
        let c = extract(&page, &[]);
        assert!(c.text.contains(caption), "{}", c.text);
        assert!(c.text.contains("all accredited members"), "{}", c.text);
        for credit in ["Rosa Vale", "Credit", "Tom Marsh", "Image"] {
            assert!(!c.text.contains(credit), "{credit}: {}", c.text);
        }
    }

    #[test]
    fn line_breaks_in_the_source_are_spaces_except_in_pre() {
        let page = format!(
            "<html><head><title>Pier vote</title></head><body><article>\n<p>{P}</p>\n<p>“We will rebuild the pier,\n    stone by stone,” said Rosa Vale,\n    the harbour master.</p>\n<pre>line one\nline two</pre>\n<p>{P}</p></article></body></html>"
        );
        let c = extract(&page, &[]);
        assert!(
            c.text.contains(
                "“We will rebuild the pier, stone by stone,” said Rosa Vale, the harbour master."
            ),
            "{}",
            c.text
        );
        assert!(c.text.contains("line one\nline two"), "{}", c.text);
    }

    #[test]
    fn a_german_page() {
        let p1 = "Der Stadtrat hat am Montag mit großer Mehrheit beschlossen, die beschädigte Hafenmole bis zum Sommer 2027 zu sanieren, wie die Verwaltung mitteilte.";
        let p2 = "Die Kosten von rund zwei Millionen Euro sollen zum größten Teil aus Landesmitteln kommen, der Rest aus dem städtischen Haushalt.";
        let p3 = "Fischer und Wirte begrüßten die Entscheidung, weil die Mole seit den Herbststürmen nur eingeschränkt nutzbar ist.";
        let p4 = "Der Bürgermeister wollte den Beschluss nicht kommentieren.";
        let page = format!(
            r##"<!DOCTYPE html><html lang="de"><head><title>Stadtrat beschließt Sanierung der Hafenmole | Küstenbote</title></head><body>
<nav><a href="/">Zur Startseite</a></nav>
<article class="artikel"><h1>Stadtrat beschließt Sanierung der Hafenmole</h1>
<p class="datum">Montag, 23.11.2026, 14:05 Uhr</p><p>Von Max Muster</p><p>Lesezeit: 3 Minuten</p>
<p>{p1}</p>
<div class="artikel-teilen"><a href="#">Teilen</a> <a href="#">Drucken</a></div>
<p>Anzeige</p>
<p>{p2} {p4}</p>
<p>Lesen Sie auch: <a href="/b">Neue Fähre verkehrt ab Frühjahr zwischen den Inseln</a></p>
<p>{p3}</p>
<p>Foto: Erika Beispiel</p>
<p>Mehr zum Thema</p><p><a href="/c">Hafenamt sucht neue Lotsen</a></p><p><a href="/d">Leuchtturm wird Museum</a></p>
<p>Jetzt den Newsletter abonnieren und nichts mehr verpassen!</p>
<p>Folgen Sie uns auf Facebook und Instagram</p>
<p>Kommentare (12)</p>
<p>Max Muster ist Redakteur im Ressort Lokales und schreibt über Häfen.</p>
</article>
<p>Impressum | Datenschutz | Kontakt</p><p>© 2026 Küstenbote. Alle Rechte vorbehalten.</p></body></html>"##
        );
        let c = extract(&page, &[]);
        let meta = [&c.title, &c.source, &c.published, &c.author].map(|x| x.as_deref());
        let want = [
            "Stadtrat beschließt Sanierung der Hafenmole",
            "Küstenbote",
            "2026-11-23",
            "Max Muster",
        ];
        assert_eq!(meta, want.map(Some));
        assert_eq!(c.text, format!("{p1}\n\n{p2} {p4}\n\n{p3}"));
    }

    /// The date of a one-paragraph page with `head` in its `<head>`.
    fn published_with(head: &str) -> Option<String> {
        let page = format!(
            "<html><head><title>Pier</title>{head}</head><body><article><p>{P}</p></article></body></html>"
        );
        extract(&page, &[]).published
    }

    #[test]
    fn json_ld_inside_cdata() {
        let with = |script: &str| {
            published_with(&format!(
                "<script type=\"application/ld+json\">{script}</script>"
            ))
        };
        let ld = r#"{"@type":"Article","headline":"Pier","datePublished":"2018-04-05T06:00"}"#;
        for wrapped in [
            format!("\n  <![CDATA[\n  {ld}\n  ]]>\n"),
            format!("//<![CDATA[\n{ld}\n//]]>"),
            format!("/*<![CDATA[*/{ld}/*]]>*/"),
            ld.to_string(),
        ] {
            assert_eq!(with(&wrapped).as_deref(), Some("2018-04-05"), "{wrapped}");
        }
        assert_eq!(without_cdata("<![CDATA[ ]]>"), "");
    }

    #[test]
    fn the_day_as_the_page_wrote_it() {
        let with = published_with;
        let ld = |k: &str, v: &str| {
            format!(
                r#"<script type="application/ld+json">{{"@type":"NewsArticle","{k}":"{v}"}}</script>"#
            )
        };
        let meta = |v: &str| format!(r#"<meta property="article:published_time" content="{v}">"#);
        // A UTC copy of the moment gives way to the page's own offset, whichever comes first.
        for head in [
            ld("datePublished", "2013-03-06T04:30:00Z") + &meta("2013-03-05T23:30:00-05:00"),
            meta("2013-03-06T04:30:00+00:00") + r#"<time datetime="2013-03-05T23:30-05:00">"#,
            // dateCreated comes after the meta tags.
            ld("dateCreated", "2013-03-06T04:30:00Z") + &meta("2013-03-05T23:30:00-05:00"),
        ] {
            assert_eq!(with(&head).as_deref(), Some("2013-03-05"), "{head}");
        }
        // Late in the evening east of Greenwich: the day written, not the day in UTC.
        assert_eq!(
            with(&meta("2026-11-24T00:30:00+01:00")).as_deref(),
            Some("2026-11-24")
        );
        // Another moment in UTC is not the same date written locally.
        assert_eq!(
            with(
                &(ld("datePublished", "2013-03-07T04:30:00Z") + &meta("2013-03-05T23:30:00-05:00"))
            )
            .as_deref(),
            Some("2013-03-07")
        );
        assert_eq!(
            instant("2013-03-06T04:30Z"),
            instant("2013-03-05T23:30:00-0500").map(|(m, _)| (m, 0))
        );
        assert_eq!(instant("1970-01-01T00:00:00Z"), Some((0, 0)));
        // Microdata on an element other than <meta>, before a later <time> of a teaser.
        let page = format!("<html><body><article><span itemprop=\"datePublished\" content=\"2026-11-23T23:30:00+01:00\"></span><p>{P}</p><time datetime=\"2026-11-20\">20.11.</time></article></body></html>");
        assert_eq!(extract(&page, &[]).published.as_deref(), Some("2026-11-23"));
    }

    #[test]
    fn hostile_pages() {
        let deep = "<div>".repeat(10_000) + P + &"</div>".repeat(10_000);
        assert!(extract(&deep, &[]).text.contains("harbour council"));
        let big = format!(
            "<html><body>{}</body></html>",
            format!("<p>{P}</p>").repeat(40_000)
        );
        assert!(big.len() > 5_000_000);
        let c = extract(&big, &[]);
        assert!(c.text.len() > 4_000_000);
        for s in [
            "",
            "<",
            "<html>",
            "<script>",
            "<p>",
            "\u{0}\u{1}<b>&#0;</b>",
        ] {
            let _ = extract(s, &[]);
        }
    }
}
