//! PDF: the text layer of simple PDFs (content streams, uncompressed or Flate-compressed, with
//! strings shown by `Tj`, `TJ`, `'` and `"` in single-byte fonts).
//!
//! Contract: a best effort that knows its limits. Text in CID fonts (Identity-H glyph ids), scans
//! and other filters cannot be read without the fonts' maps; when what comes out does not read as
//! words, the result is the clear error "PDF without a supported text layer". Inflation is capped
//! in total ([`MAX_INFLATED`]); the scan is linear; nothing recurses.

use crate::text::is_letter;

/// The most bytes all streams of one file may inflate to.
pub const MAX_INFLATED: usize = 64_000_000;

const UNSUPPORTED: &str = "PDF without a supported text layer (scanned, or fonts this reader cannot map): copy the text from a PDF viewer instead";

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// The text of a PDF, one line per text line of the content streams.
pub fn extract(bytes: &[u8]) -> Result<String, String> {
    let mut out = String::new();
    let mut budget = MAX_INFLATED;
    let mut at = 0;
    let mut streams = 0;
    while let Some(s) = find(bytes, at, b"stream") {
        at = s + 6;
        if bytes[..s].ends_with(b"end") {
            continue;
        }
        let data_start = match bytes.get(at..at + 2) {
            Some(b"\r\n") => at + 2,
            Some([b'\n', _]) | Some([b'\r', _]) => at + 1,
            _ => continue,
        };
        let Some(end) = find(bytes, data_start, b"endstream") else {
            break;
        };
        at = end + 9;
        streams += 1;
        if streams > 20_000 {
            break;
        }
        let dict_from = s.saturating_sub(2048);
        let dict_start = bytes[dict_from..s]
            .windows(3)
            .rposition(|w| w == b"obj")
            .map_or(dict_from, |p| dict_from + p);
        let dict = String::from_utf8_lossy(&bytes[dict_start..s]);
        if dict.contains("/Image")
            || dict.contains("/Length1")
            || dict.contains("/ObjStm")
            || dict.contains("/XRef")
            || dict.contains("/Metadata")
        {
            continue;
        }
        let data = &bytes[data_start..end];
        let content = if dict.contains("/FlateDecode") {
            match miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(data, budget) {
                Ok(v) => v,
                Err(_) => continue,
            }
        } else if dict.contains("/Filter") {
            continue;
        } else {
            data.to_vec()
        };
        budget = budget.saturating_sub(content.len());
        show_text(&content, &mut out);
        if budget == 0 {
            break;
        }
    }
    let visible: Vec<char> = out.chars().filter(|c| !c.is_whitespace()).collect();
    let letters = visible.iter().filter(|&&c| is_letter(c)).count();
    if visible.len() < 20 || letters * 10 < visible.len() * 6 {
        return Err(UNSUPPORTED.to_string());
    }
    Ok(out)
}

/// Appends the strings a content stream shows, with line breaks at text-line moves.
fn show_text(c: &[u8], out: &mut String) {
    let mut pending: Vec<u8> = Vec::new();
    let mut strings: Vec<u8> = Vec::new();
    let mut i = 0;
    let flush = |buf: &mut Vec<u8>, out: &mut String| {
        if !buf.is_empty() {
            // Control codes 0x0B–0x0F are the ligatures of TeX's text fonts (ff, fi, fl, ffi, ffl).
            for part in buf.split_inclusive(|b| (0x0B..=0x0F).contains(b)) {
                let (text, lig) = match part.split_last() {
                    Some((&l, head)) if (0x0B..=0x0F).contains(&l) => (head, Some(l)),
                    _ => (part, None),
                };
                out.push_str(&super::decode::windows_1252(text));
                if let Some(l) = lig {
                    out.push_str(["ff", "fi", "fl", "ffi", "ffl"][(l - 0x0B) as usize]);
                }
            }
            buf.clear();
        }
    };
    while i < c.len() {
        match c[i] {
            b'(' => {
                let mut depth = 1;
                i += 1;
                while i < c.len() && depth > 0 {
                    match c[i] {
                        b'\\' if i + 1 < c.len() => {
                            i += 1;
                            match c[i] {
                                b'n' | b'r' => strings.push(b' '),
                                b't' => strings.push(b' '),
                                d @ b'0'..=b'7' => {
                                    let mut v = (d - b'0') as u32;
                                    let mut k = 0;
                                    while k < 2
                                        && i + 1 < c.len()
                                        && (b'0'..=b'7').contains(&c[i + 1])
                                    {
                                        i += 1;
                                        v = v * 8 + (c[i] - b'0') as u32;
                                        k += 1;
                                    }
                                    strings.push(v as u8);
                                }
                                b'\n' | b'\r' => {}
                                other => strings.push(other),
                            }
                        }
                        b'(' => {
                            depth += 1;
                            strings.push(b'(');
                        }
                        b')' => {
                            depth -= 1;
                            if depth > 0 {
                                strings.push(b')');
                            }
                        }
                        b => strings.push(b),
                    }
                    i += 1;
                }
            }
            b'<' if c.get(i + 1) != Some(&b'<') => {
                let end = c[i..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(c.len(), |p| i + p);
                let hex: Vec<u8> = c[i + 1..end]
                    .iter()
                    .copied()
                    .filter(u8::is_ascii_hexdigit)
                    .collect();
                for pair in hex.chunks(2) {
                    let s = std::str::from_utf8(pair).unwrap_or("0");
                    let v = u8::from_str_radix(s, 16).unwrap_or(0)
                        << if pair.len() == 1 { 4 } else { 0 };
                    strings.push(v);
                }
                i = end + 1;
            }
            b'-' | b'0'..=b'9' | b'.' => {
                let st = i;
                while i < c.len() && matches!(c[i], b'-' | b'0'..=b'9' | b'.') {
                    i += 1;
                }
                // Inside a TJ array a large negative kern is a word space.
                if let Ok(v) = std::str::from_utf8(&c[st..i]).unwrap_or("0").parse::<f64>() {
                    if v < -200.0 && !strings.is_empty() {
                        strings.push(b' ');
                    }
                }
            }
            b if b.is_ascii_alphabetic() || b == b'\'' || b == b'"' || b == b'*' => {
                let st = i;
                while i < c.len()
                    && (c[i].is_ascii_alphabetic() || matches!(c[i], b'\'' | b'"' | b'*'))
                {
                    i += 1;
                }
                match &c[st..i] {
                    b"Tj" | b"TJ" => {
                        pending.append(&mut strings);
                    }
                    b"'" | b"\"" => {
                        flush(&mut pending, out);
                        out.push('\n');
                        pending.append(&mut strings);
                    }
                    b"Td" | b"TD" | b"T*" | b"Tm" | b"ET" => {
                        flush(&mut pending, out);
                        if !out.ends_with('\n') && !out.is_empty() {
                            out.push('\n');
                        }
                        strings.clear();
                    }
                    _ => strings.clear(),
                }
            }
            _ => i += 1,
        }
    }
    flush(&mut pending, out);
    if !out.ends_with('\n') {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pdf(content: &[u8], filter: &str) -> Vec<u8> {
        let mut p = b"%PDF-1.4\n1 0 obj\n<< /Length 99 ".to_vec();
        p.extend(filter.as_bytes());
        p.extend(b" >>\nstream\n");
        p.extend(content);
        p.extend(b"\nendstream\nendobj\ntrailer\n<< >>\n%%EOF\n");
        p
    }

    #[test]
    fn plain_and_deflated_text() {
        let content = b"BT /F1 12 Tf 72 700 Td (Harbour town votes on its pier) Tj 0 -14 Td (\\014rst \\013) Tj 0 -14 Td [(The council ) -300 (voted \\(again\\) on Monday.)] TJ ET";
        let t = extract(&pdf(content, "")).unwrap();
        assert_eq!(
            t,
            "Harbour town votes on its pier\nfirst ff\nThe council  voted (again) on Monday.\n"
        );
        let z = miniz_oxide::deflate::compress_to_vec_zlib(content, 6);
        assert_eq!(extract(&pdf(&z, "/Filter /FlateDecode")).unwrap(), t);
    }

    #[test]
    fn unreadable_pdfs_are_clear_errors() {
        assert!(extract(b"%PDF-1.7\n").unwrap_err().contains("text layer"));
        assert!(extract(&pdf(b"BT <0001000200030004> Tj ET", "")).is_err());
        assert!(extract(&pdf(b"garbage", "/Filter /FlateDecode")).is_err());
        assert!(extract(b"%PDF-1.4 stream\n(unterminated").is_err());
    }
}
