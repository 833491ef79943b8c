//! Sniff: which format a file is, judged by its bytes first and its name second.
//!
//! Contract: never fails; a file that is none of the supported formats is `Unsupported` with a
//! short human description ("a PNG image"), so the batch can report one clear line and go on.

/// The formats ingest knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Docx,
    Pdf,
    /// Not readable as an article; the string says what it looks like.
    Unsupported(&'static str),
}

/// Magic numbers of common non-text files, checked before anything else.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"RIFF", "a RIFF media file (WebP, WAV or AVI)"),
    (b"\x1F\x8B", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"7z\xBC\xAF", "a 7z archive"),
    (b"Rar!", "a RAR archive"),
    (b"\xFD7zXZ", "an xz archive"),
    (b"\x7FELF", "an executable program"),
    (b"MZ", "a Windows executable"),
    (
        b"\xD0\xCF\x11\xE0",
        "an old Office document (.doc/.xls); save it as .docx",
    ),
    (b"OggS", "an audio file"),
    (b"ID3", "an MP3 audio file"),
    (b"fLaC", "an audio file"),
    (b"\x00\x00\x01\x00", "an icon image"),
    (b"wOFF", "a font file"),
    (b"\0asm", "a WebAssembly module"),
    (b"SQLite format 3", "a database file"),
];

/// Guesses the format of `bytes` named `name`. Content wins over the extension: a PNG named
/// `story.txt` is still an image, an HTML page named `story.txt` is still HTML.
pub fn sniff(name: &str, bytes: &[u8]) -> Format {
    if bytes.starts_with(b"%PDF-") {
        return Format::Pdf;
    }
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        // A zip: DOCX if it holds a Word body part, otherwise an archive we do not open.
        if find(bytes, b"word/document.xml").is_some() || ext(name) == "docx" {
            return Format::Docx;
        }
        return Format::Unsupported("a zip archive (not a Word .docx file)");
    }
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Format::Unsupported(what);
        }
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return Format::Unsupported("a video or HEIC image file");
    }
    if looks_binary(bytes) {
        return Format::Unsupported("a binary file, not text");
    }
    if looks_html(bytes) {
        return Format::Html;
    }
    match ext(name).as_str() {
        "md" | "markdown" | "mdown" | "mkd" => Format::Markdown,
        "html" | "htm" | "xhtml" => Format::Html,
        _ => Format::Text,
    }
}

fn ext(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Binary when the first 8 KB hold NUL bytes outside UTF-16 text, or many control bytes.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return false; // UTF-16 with BOM
    }
    if head.is_empty() {
        return false;
    }
    // UTF-16 without BOM: every other byte NUL, the rest mostly ASCII text.
    let nul = head.iter().filter(|&&b| b == 0).count();
    if nul > 0 {
        let even_nul = head.iter().step_by(2).filter(|&&b| b == 0).count();
        let odd_nul = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
        let half = head.len() / 2;
        let utf16ish = (odd_nul * 10 >= half * 9 && even_nul == 0)
            || (even_nul * 10 >= half * 9 && odd_nul == 0);
        return !utf16ish;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    control * 20 > head.len()
}

/// HTML when the first non-blank characters open a doctype, `<html`, `<head>`, or when the head
/// of the file holds typical page tags.
fn looks_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    // Every sign below opens with a tag: plain text has no '<' at all, mostly.
    if !head.contains(&b'<') {
        return false;
    }
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let start = lower
        .iter()
        .position(|b| !b.is_ascii_whitespace() && !matches!(b, 0xEF | 0xBB | 0xBF))
        .unwrap_or(lower.len());
    let rest = &lower[start..];
    if rest.starts_with(b"<!doctype html")
        || rest.starts_with(b"<html")
        || rest.starts_with(b"<head")
        || (rest.starts_with(b"<!--") && find(&lower, b"<html").is_some())
        || (rest.starts_with(b"<?xml") && find(&lower, b"<html").is_some())
    {
        return true;
    }
    ["<body", "<div", "<p>", "<meta ", "<article"]
        .iter()
        .filter(|t| find(&lower, t.as_bytes()).is_some())
        .count()
        >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_wins_over_name() {
        assert_eq!(
            sniff("a.txt", b"\x89PNG\r\n\x1a\n...."),
            Format::Unsupported("a PNG image")
        );
        assert_eq!(sniff("a.txt", b"<!DOCTYPE html><p>x</p>"), Format::Html);
        assert_eq!(sniff("a.html", b"Just words."), Format::Html);
        assert_eq!(sniff("a.md", b"# Title\n\nBody."), Format::Markdown);
        assert_eq!(sniff("a.bin", b"%PDF-1.7\n"), Format::Pdf);
        assert!(matches!(
            sniff("a.txt", b"PK\x03\x04rest"),
            Format::Unsupported(_)
        ));
        assert_eq!(sniff("a.docx", b"PK\x03\x04rest"), Format::Docx);
        assert!(matches!(
            sniff("x", &[0u8, 1, 2, 3, 200, 0, 9, 0, 7, 7]),
            Format::Unsupported(_)
        ));
        assert_eq!(sniff("x", b""), Format::Text);
    }

    #[test]
    fn utf16_text_is_not_binary() {
        let t: Vec<u8> = "Hello world"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(sniff("x.txt", &t), Format::Text);
    }
}
