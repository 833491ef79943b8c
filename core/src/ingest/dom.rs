//! A small, tolerant HTML tokenizer and tree builder.
//!
//! Contract: any input gives a tree; nothing recurses (the tree is an arena in document order, so
//! a parent always has a smaller index than its children and bottom-up passes are a reverse
//! loop); nesting deeper than [`MAX_DEPTH`] is flattened; the cost is linear in the input (end
//! tags search at most [`END_TAG_SEARCH`] open elements). It implements the implied-end rules that
//! matter for text extraction (`p`, `li`, `td`, `tr`, `option`, `dt`/`dd`), not the full HTML5
//! tree construction.

/// Deeper elements are attached to the element at this depth.
pub const MAX_DEPTH: usize = 512;
/// How many open elements an end tag looks through for its start tag.
pub const END_TAG_SEARCH: usize = 64;

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Document,
    Element {
        name: String,
        attrs: Vec<(String, String)>,
    },
    Text(String),
}

#[derive(Clone, Debug)]
pub struct Node {
    pub kind: Kind,
    pub parent: usize,
    pub children: Vec<usize>,
}

/// The parsed page: `nodes[0]` is the document.
pub struct Dom {
    pub nodes: Vec<Node>,
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];
const RAW: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
    "template",
];
/// Elements that close an open `<p>`.
const CLOSES_P: &[&str] = &[
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
    "dl",
    "table",
    "section",
    "article",
    "aside",
    "header",
    "footer",
    "nav",
    "blockquote",
    "pre",
    "form",
    "figure",
    "hr",
    "main",
    "address",
    "fieldset",
    "figcaption",
    "details",
    "menu",
];
/// Elements a search for an implied end does not cross.
const SCOPE: &[&str] = &[
    "html",
    "body",
    "div",
    "td",
    "th",
    "table",
    "li",
    "ul",
    "ol",
    "article",
    "section",
    "blockquote",
    "main",
    "aside",
    "nav",
    "header",
    "footer",
    "form",
    "figure",
];

impl Dom {
    pub fn name(&self, i: usize) -> &str {
        match &self.nodes[i].kind {
            Kind::Element { name, .. } => name,
            _ => "",
        }
    }

    pub fn attr(&self, i: usize, key: &str) -> Option<&str> {
        match &self.nodes[i].kind {
            Kind::Element { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }

    /// Indices of the elements named `name`, in document order.
    pub fn elements<'a>(&'a self, name: &'a str) -> impl Iterator<Item = usize> + 'a {
        (0..self.nodes.len()).filter(move |&i| self.name(i) == name)
    }

    /// The text under `i`, whitespace collapsed (iterative).
    pub fn text_of(&self, i: usize) -> String {
        let mut out = String::new();
        let mut stack = vec![i];
        while let Some(n) = stack.pop() {
            match &self.nodes[n].kind {
                Kind::Text(t) => {
                    out.push_str(t);
                    out.push(' ');
                }
                _ => stack.extend(self.nodes[n].children.iter().rev()),
            }
        }
        collapse(&out)
    }

    fn push(&mut self, parent: usize, kind: Kind) -> usize {
        let i = self.nodes.len();
        self.nodes.push(Node {
            kind,
            parent,
            children: Vec::new(),
        });
        self.nodes[parent].children.push(i);
        i
    }
}

/// Collapses runs of whitespace to one space and trims.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Parses `html` into a [`Dom`].
pub fn parse(html: &str) -> Dom {
    let mut dom = Dom {
        nodes: vec![Node {
            kind: Kind::Document,
            parent: 0,
            children: Vec::new(),
        }],
    };
    let mut stack: Vec<usize> = vec![0];
    let b = html.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            let end = memchr(b'<', &b[i..]).map_or(b.len(), |p| i + p);
            let top = *stack.last().unwrap_or(&0);
            dom.push(top, Kind::Text(decode_entities(&html[i..end])));
            i = end;
            continue;
        }
        let rest = &b[i..];
        if rest.starts_with(b"<!--") {
            i = find(b, i + 4, b"-->").map_or(b.len(), |p| p + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = memchr(b'>', &b[i..]).map_or(b.len(), |p| i + p + 1);
            continue;
        }
        let closing = rest.get(1) == Some(&b'/');
        let name_start = i + 1 + closing as usize;
        if !b.get(name_start).is_some_and(|c| c.is_ascii_alphabetic()) {
            let top = *stack.last().unwrap_or(&0);
            dom.push(top, Kind::Text("<".to_string()));
            i += 1;
            continue;
        }
        let mut j = name_start;
        while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' && b[j] != b'/' {
            j += 1;
        }
        let name = html[name_start..j].to_ascii_lowercase();
        let (attrs, self_closing, after) = parse_attrs(html, j);
        i = after;
        if closing {
            let limit = stack.len().saturating_sub(END_TAG_SEARCH).max(1);
            if let Some(pos) = (limit..stack.len())
                .rev()
                .find(|&k| dom.name(stack[k]) == name)
            {
                stack.truncate(pos);
            }
            continue;
        }
        implied_end(&dom, &mut stack, &name);
        let top = *stack.last().unwrap_or(&0);
        let node = dom.push(
            top,
            Kind::Element {
                name: name.clone(),
                attrs,
            },
        );
        if RAW.contains(&name.as_str()) {
            let end = find_ci(b, i, format!("</{name}").as_bytes()).unwrap_or(b.len());
            let raw = &html[i..end];
            let text = if matches!(name.as_str(), "title" | "textarea") {
                decode_entities(raw)
            } else {
                raw.to_string()
            };
            dom.push(node, Kind::Text(text));
            i = memchr(b'>', &b[end..]).map_or(b.len(), |p| end + p + 1);
            continue;
        }
        if !self_closing && !VOID.contains(&name.as_str()) && stack.len() < MAX_DEPTH {
            stack.push(node);
        }
    }
    dom
}

/// Closes elements whose end tag HTML leaves implied when `name` starts.
fn implied_end(dom: &Dom, stack: &mut Vec<usize>, name: &str) {
    let target: &[&str] = match name {
        n if CLOSES_P.contains(&n) => &["p"],
        "li" => &["li", "p"],
        "dt" | "dd" => &["dt", "dd", "p"],
        "td" | "th" => &["td", "th"],
        "tr" => &["tr", "td", "th"],
        "option" => &["option"],
        _ => return,
    };
    for k in (1..stack.len()).rev().take(END_TAG_SEARCH) {
        let n = dom.name(stack[k]);
        if target.contains(&n) {
            stack.truncate(k);
            return;
        }
        if SCOPE.contains(&n) && !(matches!(name, "td" | "th" | "tr") && matches!(n, "td" | "th")) {
            return;
        }
    }
}

/// Attributes from `j` (just after the tag name) to the closing `>`.
fn parse_attrs(html: &str, mut j: usize) -> (Vec<(String, String)>, bool, usize) {
    let b = html.as_bytes();
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        while j < b.len() && (b[j].is_ascii_whitespace() || b[j] == b'/') {
            self_closing = b[j] == b'/';
            j += 1;
        }
        if j >= b.len() {
            return (attrs, self_closing, b.len());
        }
        if b[j] == b'>' {
            return (attrs, self_closing, j + 1);
        }
        self_closing = false;
        let ks = j;
        while j < b.len() && !b[j].is_ascii_whitespace() && !matches!(b[j], b'=' | b'>' | b'/') {
            j += 1;
        }
        let key = html[ks..j].to_ascii_lowercase();
        while j < b.len() && b[j].is_ascii_whitespace() {
            j += 1;
        }
        let mut value = String::new();
        if j < b.len() && b[j] == b'=' {
            j += 1;
            while j < b.len() && b[j].is_ascii_whitespace() {
                j += 1;
            }
            if j < b.len() && (b[j] == b'"' || b[j] == b'\'') {
                let q = b[j];
                let end = memchr(q, &b[j + 1..]).map_or(b.len(), |p| j + 1 + p);
                value = decode_entities(&html[j + 1..end]);
                j = (end + 1).min(b.len());
            } else {
                let vs = j;
                while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                    j += 1;
                }
                value = decode_entities(&html[vs..j]);
            }
        }
        if !key.is_empty() && attrs.len() < 64 {
            attrs.push((key, value));
        }
    }
}

fn memchr(c: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&x| x == c)
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| from + p)
}

const ENTITIES: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", "\u{a0}"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("hellip", "…"),
    ("mdash", "—"),
    ("ndash", "–"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("sbquo", "‚"),
    ("bdquo", "„"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("lsaquo", "‹"),
    ("rsaquo", "›"),
    ("bull", "•"),
    ("middot", "·"),
    ("deg", "°"),
    ("euro", "€"),
    ("pound", "£"),
    ("yen", "¥"),
    ("cent", "¢"),
    ("sect", "§"),
    ("para", "¶"),
    ("times", "×"),
    ("divide", "÷"),
    ("shy", "\u{ad}"),
    ("thinsp", "\u{2009}"),
    ("ensp", "\u{2002}"),
    ("emsp", "\u{2003}"),
    ("zwj", "\u{200d}"),
    ("zwnj", "\u{200c}"),
    ("iexcl", "¡"),
    ("iquest", "¿"),
    ("plusmn", "±"),
    ("frac12", "½"),
    ("frac14", "¼"),
    ("frac34", "¾"),
    ("micro", "µ"),
    ("dagger", "†"),
    ("prime", "′"),
    ("minus", "−"),
    ("larr", "←"),
    ("rarr", "→"),
    ("uarr", "↑"),
    ("darr", "↓"),
    ("hearts", "♥"),
    ("szlig", "ß"),
    ("oelig", "œ"),
    ("OElig", "Œ"),
    ("scaron", "š"),
    ("Scaron", "Š"),
    ("zcaron", "ž"),
    ("Zcaron", "Ž"),
    ("ccaron", "č"),
    ("Ccaron", "Č"),
    ("cacute", "ć"),
    ("Cacute", "Ć"),
    ("dstrok", "đ"),
    ("Dstrok", "Đ"),
];

/// Latin-1 letters with diacritics: (name stem, base letter, code point of the lower-case form).
const ACCENTS: &[(&str, char, u32)] = &[
    ("grave", 'a', 0xe0),
    ("acute", 'a', 0xe1),
    ("circ", 'a', 0xe2),
    ("tilde", 'a', 0xe3),
    ("uml", 'a', 0xe4),
    ("ring", 'a', 0xe5),
    ("grave", 'e', 0xe8),
    ("acute", 'e', 0xe9),
    ("circ", 'e', 0xea),
    ("uml", 'e', 0xeb),
    ("grave", 'i', 0xec),
    ("acute", 'i', 0xed),
    ("circ", 'i', 0xee),
    ("uml", 'i', 0xef),
    ("tilde", 'n', 0xf1),
    ("grave", 'o', 0xf2),
    ("acute", 'o', 0xf3),
    ("circ", 'o', 0xf4),
    ("tilde", 'o', 0xf5),
    ("uml", 'o', 0xf6),
    ("slash", 'o', 0xf8),
    ("grave", 'u', 0xf9),
    ("acute", 'u', 0xfa),
    ("circ", 'u', 0xfb),
    ("uml", 'u', 0xfc),
    ("acute", 'y', 0xfd),
    ("uml", 'y', 0xff),
    ("cedil", 'c', 0xe7),
];

fn named(name: &str) -> Option<String> {
    if let Some((_, v)) = ENTITIES.iter().find(|(k, _)| *k == name) {
        return Some((*v).to_string());
    }
    let mut chars = name.chars();
    let first = chars.next()?;
    let stem = chars.as_str();
    let lower = first.to_ascii_lowercase();
    let (_, _, cp) = ACCENTS.iter().find(|(s, c, _)| *s == stem && *c == lower)?;
    let c = char::from_u32(if first.is_ascii_uppercase() {
        cp - 0x20
    } else {
        *cp
    })?;
    Some(c.to_string())
}

/// Replaces character references (`&amp;`, `&#8217;`, `&#x2019;`, common named ones). Unknown or
/// broken references stay as written; invalid code points become U+FFFD.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let end = rest[1..]
            .char_indices()
            .take(32)
            .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '#'))
            .map(|(i, _)| i + 1);
        let Some(end) = end else {
            // Reference at the very end of the string without ';'.
            let body = &rest[1..];
            if body.len() <= 32 {
                if let Some(v) = named(body) {
                    out.push_str(&v);
                    return out;
                }
            }
            out.push_str(rest);
            return out;
        };
        let body = &rest[1..end];
        let semi = rest[end..].starts_with(';');
        let value = if let Some(num) = body.strip_prefix('#') {
            let n = if let Some(h) = num.strip_prefix(['x', 'X']) {
                u32::from_str_radix(h, 16).ok()
            } else {
                num.parse::<u32>().ok()
            };
            n.map(|n| {
                let n = match n {
                    0x80..=0x9f => windows_1252_c1(n),
                    n => n,
                };
                char::from_u32(n)
                    .filter(|&c| c != '\0')
                    .unwrap_or('\u{FFFD}')
                    .to_string()
            })
        } else {
            named(body)
        };
        match value {
            Some(v) if !body.is_empty() => {
                out.push_str(&v);
                rest = &rest[end + semi as usize..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Numeric references in 0x80–0x9F mean Windows-1252 characters (as browsers read them).
fn windows_1252_c1(n: u32) -> u32 {
    const MAP: [u32; 32] = [
        0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039,
        0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
        0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
    ];
    MAP[(n - 0x80) as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("a &amp; b &#8217; &#x2019; &eacute;&Eacute; &bogus; & &#99999999;"),
            "a & b ’ ’ éÉ &bogus; & \u{FFFD}"
        );
        assert_eq!(decode_entities("&#150;&amp"), "–&");
    }

    #[test]
    fn implied_ends_and_raw_text() {
        let d = parse("<body><p>One<p>Two<ul><li>a<li>b</ul><script>if (a<b) x()</script><P CLASS=x>Three</body>");
        let ps: Vec<String> = d.elements("p").map(|i| d.text_of(i)).collect();
        assert_eq!(ps, vec!["One", "Two", "Three"]);
        assert_eq!(d.elements("li").count(), 2);
        let s = d.elements("script").next().unwrap();
        assert_eq!(d.text_of(s), "if (a<b) x()");
        assert_eq!(d.attr(d.elements("p").nth(2).unwrap(), "class"), Some("x"));
    }

    #[test]
    fn hostile_markup() {
        let deep = "<div>".repeat(100_000) + "deep text" + &"</div>".repeat(100_000);
        let d = parse(&deep);
        assert!(d.text_of(0).contains("deep text"));
        for s in [
            "<",
            "<a",
            "<a href=\"x",
            "<!--",
            "</",
            "<p <p <p>",
            "<script>",
            "&",
            "<\u{e9}>",
            "<a b='\u{e9}",
        ] {
            let _ = parse(s);
        }
        let stray = "</span>".repeat(50_000) + &"<i>".repeat(50_000);
        let _ = parse(&stray);
    }
}
