//! Decode: bytes to text. BOMs first (UTF-8, UTF-16 LE/BE), then strict UTF-8, then the charset an
//! HTML page declares, then Windows-1252 for legacy single-byte text (with a warning).
//!
//! Contract: never fails and never panics; invalid sequences become U+FFFD only when the chosen
//! encoding cannot map them. The BOM is stripped in every mode.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

/// The decoded text, and a warning when the encoding had to be guessed.
pub struct Decoded {
    pub text: String,
    pub warning: Option<String>,
}

/// Decodes `bytes`; `html` enables the `<meta charset>` prescan.
pub fn decode(bytes: &[u8], html: bool) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Decoded {
            text: text.into_owned(),
            warning: None,
        };
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Decoded {
            text: s.to_string(),
            warning: None,
        };
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return Decoded {
            text: text.into_owned(),
            warning: Some(format!("no byte-order mark: read as {}", enc.name())),
        };
    }
    if html {
        if let Some(enc) = declared_charset(bytes) {
            if enc != UTF_8 {
                let (text, _) = enc.decode_without_bom_handling(bytes);
                return Decoded {
                    text: text.into_owned(),
                    warning: None,
                };
            }
        }
    }
    // Mostly-valid UTF-8 with a few broken bytes stays UTF-8; otherwise legacy single-byte text.
    let invalid = invalid_utf8_runs(bytes);
    let non_ascii = bytes.iter().filter(|b| !b.is_ascii()).count();
    if invalid * 10 < non_ascii.max(1) {
        let (text, _) = UTF_8.decode_without_bom_handling(bytes);
        return Decoded {
            text: text.into_owned(),
            warning: Some(format!(
                "{invalid} invalid UTF-8 sequence(s) replaced with \u{FFFD}"
            )),
        };
    }
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        warning: Some("not valid UTF-8: read as Windows-1252".to_string()),
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

fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    if head.len() < 4 {
        return None;
    }
    let half = head.len() / 2;
    let even_nul = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    if odd_nul * 10 >= half * 9 && even_nul * 10 < half {
        Some(UTF_16LE)
    } else if even_nul * 10 >= half * 9 && odd_nul * 10 < half {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The charset declared in the first 4 KB of an HTML page (`<meta charset=…>` or
/// `<meta http-equiv content="…; charset=…">`), if encoding_rs knows its label.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(pos) = lower[from..].windows(8).position(|w| w == b"charset=") {
        let at = from + pos + 8;
        let label: Vec<u8> = lower[at..]
            .iter()
            .skip_while(|b| matches!(b, b'"' | b'\'' | b' '))
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
            .copied()
            .collect();
        if let Some(enc) = Encoding::for_label(&label) {
            // A page cannot really be UTF-16 if its ASCII head was readable.
            return Some(if enc == UTF_16LE || enc == UTF_16BE {
                UTF_8
            } else {
                enc
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
    fn odd_lengths_and_garbage_do_not_panic() {
        for b in [&b"\xFF\xFE\x41"[..], b"\xC3", b"\xE2\x80", b"\xFE\xFF\x00"] {
            let _ = decode(b, true);
        }
    }
}
