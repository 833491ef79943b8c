//! Decode: bytes to text. BOMs first (UTF-8, UTF-16 LE/BE), then strict UTF-8, then the charset an
//! HTML page declares, then Windows-1252 for legacy single-byte text (with a warning).
//!
//! UTF-8, UTF-16 and Windows-1252 (which the Encoding Standard also uses for ISO-8859-1 and
//! US-ASCII labels) are decoded here. Every other declared charset goes to the decoder installed
//! with [`set_charsets`]: encoding_rs in native builds (feature `legacy-charsets`), the browser's
//! own `TextDecoder` in the page's worker, which implements the same Encoding Standard and so
//! costs the download nothing. A charset nobody can decode is reported and the page read as if
//! undeclared.
//!
//! Contract: never fails and never panics; invalid sequences become U+FFFD only when the chosen
//! encoding cannot map them. The BOM is stripped in every mode.

use std::sync::OnceLock;

/// The decoded text, and a warning when the encoding had to be guessed.
pub struct Decoded {
    pub text: String,
    pub warning: Option<String>,
}

/// Decodes `bytes` in the legacy charset named by an Encoding Standard `label`; `None` when the
/// label names no charset the decoder knows.
pub type Charsets = fn(label: &str, bytes: &[u8]) -> Option<String>;

static CHARSETS: OnceLock<Charsets> = OnceLock::new();

/// Installs the decoder for legacy charsets beyond UTF-8, UTF-16 and Windows-1252 (once; later
/// calls are ignored). Native builds with `legacy-charsets` default to encoding_rs.
pub fn set_charsets(decoder: Charsets) {
    let _ = CHARSETS.set(decoder);
}

fn charsets() -> Option<Charsets> {
    #[cfg(feature = "legacy-charsets")]
    return Some(*CHARSETS.get_or_init(|| encoding_rs_decode));
    #[cfg(not(feature = "legacy-charsets"))]
    return CHARSETS.get().copied();
}

#[cfg(feature = "legacy-charsets")]
fn encoding_rs_decode(label: &str, bytes: &[u8]) -> Option<String> {
    let enc = encoding_rs::Encoding::for_label(label.as_bytes())?;
    Some(enc.decode_without_bom_handling(bytes).0.into_owned())
}

/// A charset as a page declares it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Charset {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1252,
    /// Any other label, lower-cased, for the installed decoder.
    Other(String),
}

impl Charset {
    /// The charset an Encoding Standard label names, for the labels decoded here.
    pub fn from_label(label: &str) -> Charset {
        let label = label.trim().to_ascii_lowercase();
        match label.as_str() {
            "utf-8" | "utf8" | "unicode-1-1-utf-8" | "unicode11utf8" | "unicode20utf8"
            | "x-unicode20utf8" => Charset::Utf8,
            "utf-16" | "utf-16le" | "unicode" | "csunicode" | "iso-10646-ucs-2" | "ucs-2"
            | "unicodefeff" => Charset::Utf16Le,
            "utf-16be" | "unicodefffe" => Charset::Utf16Be,
            "ansi_x3.4-1968" | "ascii" | "cp1252" | "cp819" | "csisolatin1" | "ibm819"
            | "iso-8859-1" | "iso-ir-100" | "iso8859-1" | "iso88591" | "iso_8859-1"
            | "iso_8859-1:1987" | "l1" | "latin1" | "us-ascii" | "windows-1252" | "x-cp1252" => {
                Charset::Windows1252
            }
            _ => Charset::Other(label),
        }
    }

    /// Decodes `bytes` (no BOM handling); `None` for an `Other` charset nobody can decode.
    pub fn decode(&self, bytes: &[u8]) -> Option<String> {
        Some(match self {
            Charset::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
            Charset::Utf16Le => utf16(bytes, u16::from_le_bytes),
            Charset::Utf16Be => utf16(bytes, u16::from_be_bytes),
            Charset::Windows1252 => windows_1252(bytes),
            Charset::Other(label) => charsets()?(label, bytes)?,
        })
    }

    fn name(&self) -> &str {
        match self {
            Charset::Utf8 => "UTF-8",
            Charset::Utf16Le => "UTF-16LE",
            Charset::Utf16Be => "UTF-16BE",
            Charset::Windows1252 => "Windows-1252",
            Charset::Other(label) => label,
        }
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let mut units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
    let mut text: String = char::decode_utf16(units.clone())
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    // A stray last byte is one error, also together with an unpaired lead surrogate before it.
    let lead_at_end = units
        .next_back()
        .is_some_and(|u| (0xD800..0xDC00).contains(&u));
    if bytes.len() % 2 == 1 && !lead_at_end {
        text.push(char::REPLACEMENT_CHARACTER);
    }
    text
}

/// Windows-1252 as the Encoding Standard defines it: Latin-1 with printable characters in
/// 0x80–0x9F (the five unassigned bytes map to the C1 controls of the same value).
pub fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[usize::from(b - 0x80)],
            b => char::from(b),
        })
        .collect()
}

/// Decodes `bytes`; `html` enables the `<meta charset>` prescan.
pub fn decode(bytes: &[u8], html: bool) -> Decoded {
    let bom = match bytes {
        [0xEF, 0xBB, 0xBF, ..] => Some((Charset::Utf8, 3)),
        [0xFF, 0xFE, ..] => Some((Charset::Utf16Le, 2)),
        [0xFE, 0xFF, ..] => Some((Charset::Utf16Be, 2)),
        _ => None,
    };
    if let Some((charset, len)) = bom {
        return Decoded {
            text: charset.decode(&bytes[len..]).unwrap_or_default(),
            warning: None,
        };
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Decoded {
            text: s.to_string(),
            warning: None,
        };
    }
    if let Some(charset) = utf16_without_bom(bytes) {
        return Decoded {
            text: charset.decode(bytes).unwrap_or_default(),
            warning: Some(format!("no byte-order mark: read as {}", charset.name())),
        };
    }
    let mut unknown = None;
    if html {
        if let Some(charset) = declared_charset(bytes) {
            if charset != Charset::Utf8 {
                match charset.decode(bytes) {
                    Some(text) => {
                        return Decoded {
                            text,
                            warning: None,
                        }
                    }
                    None => unknown = Some(charset),
                }
            }
        }
    }
    let unknown = |reading: &str| match &unknown {
        Some(c) => format!(
            "declared charset “{}” is not supported: {reading}",
            c.name()
        ),
        None => reading.to_string(),
    };
    // Mostly-valid UTF-8 with a few broken bytes stays UTF-8; otherwise legacy single-byte text.
    let invalid = invalid_utf8_runs(bytes);
    let non_ascii = bytes.iter().filter(|b| !b.is_ascii()).count();
    if invalid * 10 < non_ascii.max(1) {
        return Decoded {
            text: String::from_utf8_lossy(bytes).into_owned(),
            warning: Some(unknown(&format!(
                "{invalid} invalid UTF-8 sequence(s) replaced with \u{FFFD}"
            ))),
        };
    }
    Decoded {
        text: windows_1252(bytes),
        warning: Some(unknown("not valid UTF-8: read as Windows-1252")),
    }
}

fn invalid_utf8_runs(mut bytes: &[u8]) -> usize {
    let mut n = 0;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(_) => return n,
            Err(e) => {
                n += 1;
                let skip = e.valid_up_to()
                    + e.error_len()
                        .unwrap_or(bytes.len() - e.valid_up_to())
                        .max(1);
                if skip >= bytes.len() {
                    return n;
                }
                bytes = &bytes[skip..];
            }
        }
    }
}

fn utf16_without_bom(bytes: &[u8]) -> Option<Charset> {
    let head = &bytes[..bytes.len().min(4096)];
    if head.len() < 4 {
        return None;
    }
    let half = head.len() / 2;
    let even_nul = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_nul * 10 >= half * 9 && even_nul * 10 < half {
        Some(Charset::Utf16Le)
    } else if even_nul * 10 >= half * 9 && odd_nul * 10 < half {
        Some(Charset::Utf16Be)
    } else {
        None
    }
}

/// The charset declared in the first 4 KB of an HTML page (`<meta charset=…>` or
/// `<meta http-equiv content="…; charset=…">`).
pub fn declared_charset(bytes: &[u8]) -> Option<Charset> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(pos) = lower[from..].windows(8).position(|w| w == b"charset=") {
        let at = from + pos + 8;
        let label: String = lower[at..]
            .iter()
            .skip_while(|b| matches!(b, b'"' | b'\'' | b' '))
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
            .map(|&b| char::from(b))
            .collect();
        if !label.is_empty() {
            // A page cannot really be UTF-16 if its ASCII head was readable.
            return Some(match Charset::from_label(&label) {
                Charset::Utf16Le | Charset::Utf16Be => Charset::Utf8,
                charset => charset,
            });
        }
        from = at;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boms_and_fallbacks() {
        assert_eq!(decode(b"\xEF\xBB\xBFcaf\xC3\xA9", false).text, "café");
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Vučić".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&le, false).text, "Vučić");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("Vučić".encode_utf16().flat_map(|u| u.to_be_bytes()))
            .collect();
        assert_eq!(decode(&be, false).text, "Vučić");
        let cp = decode(b"caf\xE9 \x93quoted\x94 \x96 dash", false);
        assert_eq!(cp.text, "café “quoted” – dash");
        assert!(cp.warning.is_some());
    }

    #[test]
    fn declared_charset_is_used() {
        let page =
            b"<html><head><meta charset=\"iso-8859-2\"></head><body>Vu\xE8i\xE6</body></html>";
        assert!(decode(page, true).text.contains("Vučić"));
    }

    #[test]
    fn labels_decoded_here() {
        assert_eq!(Charset::from_label(" Latin1"), Charset::Windows1252);
        assert_eq!(Charset::from_label("UTF8"), Charset::Utf8);
        assert_eq!(
            Charset::from_label("Shift_JIS"),
            Charset::Other("shift_jis".into())
        );
        // A declared UTF-16 page whose head was readable ASCII is really UTF-8.
        let page = b"<meta charset=utf-16><p>caf\xC3\xA9 na\xC3\xAFve \xC3\xA0 \xC3\xA9t\xC3\xA9 \xC3\xA0 Z\xC3\xBCrich \xFF</p>";
        assert_eq!(declared_charset(page), Some(Charset::Utf8));
        assert!(decode(page, true).text.contains("café"));
    }

    /// The decoders written here agree with encoding_rs, which implements the Encoding Standard.
    #[cfg(feature = "legacy-charsets")]
    #[test]
    fn same_as_the_encoding_standard() {
        use encoding_rs::{UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};
        let all: Vec<u8> = (0..=255).collect();
        let std = |e: &'static encoding_rs::Encoding, b: &[u8]| {
            e.decode_without_bom_handling(b).0.into_owned()
        };
        assert_eq!(windows_1252(&all), std(WINDOWS_1252, &all));
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for len in 0..400 {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    // Mostly surrogate and ASCII halves, to hit pairing and lone surrogates.
                    [0x00, 0x41, 0xD8, 0xDC, 0xE9, 0xC3, 0xFF][(seed % 7) as usize]
                })
                .collect();
            assert_eq!(
                Charset::Utf16Le.decode(&bytes).unwrap(),
                std(UTF_16LE, &bytes)
            );
            assert_eq!(
                Charset::Utf16Be.decode(&bytes).unwrap(),
                std(UTF_16BE, &bytes)
            );
            assert_eq!(Charset::Utf8.decode(&bytes).unwrap(), std(UTF_8, &bytes));
        }
        let page = b"<meta charset=\"shift_jis\"><p>\x93\xfa\x96\x7b</p>";
        assert!(decode(page, true).text.contains("日本"));
    }

    #[test]
    fn odd_lengths_and_garbage_do_not_panic() {
        for b in [&b"\xFF\xFE\x41"[..], b"\xC3", b"\xE2\x80", b"\xFE\xFF\x00"] {
            let _ = decode(b, true);
        }
    }
}
