//! DOCX: the paragraphs of `word/document.xml` inside the zip container.
//!
//! Contract: reads only the central directory and that one part; refuses entries whose declared
//! or actual inflated size passes [`MAX_PART_BYTES`] (zip bombs) and any structure that does not
//! add up, with a clear error. No recursion, no panics on truncated or forged archives.

use super::dom::decode_entities;

/// The largest inflated `document.xml` accepted.
pub const MAX_PART_BYTES: usize = 64_000_000;

fn u16_at(b: &[u8], i: usize) -> Option<usize> {
    Some(u16::from_le_bytes(b.get(i..i + 2)?.try_into().ok()?) as usize)
}

fn u32_at(b: &[u8], i: usize) -> Option<usize> {
    Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?) as usize)
}

/// Bytes of the stored part `name` of a zip archive.
pub fn zip_part(zip: &[u8], name: &str) -> Result<Vec<u8>, String> {
    const BROKEN: &str = "damaged or truncated Word file: the zip directory cannot be read";
    let start = zip.len().saturating_sub(65_557);
    let eocd = (start..zip.len().saturating_sub(21))
        .rev()
        .find(|&i| zip[i..].starts_with(b"PK\x05\x06"))
        .ok_or(BROKEN)?;
    let entries = u16_at(zip, eocd + 10).ok_or(BROKEN)?;
    let mut p = u32_at(zip, eocd + 16).ok_or(BROKEN)?;
    for _ in 0..entries {
        if !zip.get(p..).is_some_and(|r| r.starts_with(b"PK\x01\x02")) {
            return Err(BROKEN.into());
        }
        let method = u16_at(zip, p + 10).ok_or(BROKEN)?;
        let csize = u32_at(zip, p + 20).ok_or(BROKEN)?;
        let usize_ = u32_at(zip, p + 24).ok_or(BROKEN)?;
        let nlen = u16_at(zip, p + 28).ok_or(BROKEN)?;
        let elen = u16_at(zip, p + 30).ok_or(BROKEN)?;
        let clen = u16_at(zip, p + 32).ok_or(BROKEN)?;
        let local = u32_at(zip, p + 42).ok_or(BROKEN)?;
        let entry_name = zip.get(p + 46..p + 46 + nlen).ok_or(BROKEN)?;
        p += 46 + nlen + elen + clen;
        if entry_name != name.as_bytes() {
            continue;
        }
        if usize_ > MAX_PART_BYTES {
            return Err(format!(
                "Word file refused: its text part would inflate to {} MB",
                usize_ / 1_000_000
            ));
        }
        if !zip
            .get(local..)
            .is_some_and(|r| r.starts_with(b"PK\x03\x04"))
        {
            return Err(BROKEN.into());
        }
        let data_at = local
            + 30
            + u16_at(zip, local + 26).ok_or(BROKEN)?
            + u16_at(zip, local + 28).ok_or(BROKEN)?;
        let data = zip
            .get(data_at..data_at.saturating_add(csize))
            .ok_or("truncated Word file: the text part is cut short")?;
        return match method {
            0 => Ok(data.to_vec()),
            8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, MAX_PART_BYTES).map_err(
                |_| {
                    "damaged Word file: the text part cannot be inflated (or is too large)"
                        .to_string()
                },
            ),
            m => Err(format!(
                "Word file uses an unsupported compression method ({m})"
            )),
        };
    }
    Err(format!("not a Word document: the archive has no {name}"))
}

/// The text of a DOCX file: one line per paragraph, tabs and breaks kept.
pub fn extract(bytes: &[u8]) -> Result<String, String> {
    let xml = zip_part(bytes, "word/document.xml")?;
    let xml = String::from_utf8_lossy(&xml);
    Ok(paragraphs(&xml))
}

/// Text runs (`<w:t>`) of WordprocessingML, paragraph ends (`</w:p>`) as line breaks.
fn paragraphs(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    let mut in_text = false;
    while let Some(lt) = rest.find('<') {
        if in_text {
            out.push_str(&decode_entities(&rest[..lt]));
        }
        let Some(gt) = rest[lt..].find('>') else {
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        let name = tag
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        let closing = tag.starts_with('/');
        let name = if closing { tag[1..].trim() } else { name };
        match (name, closing) {
            ("w:t", false) => in_text = !tag.ends_with('/'),
            ("w:t", true) => in_text = false,
            ("w:p", true) => out.push('\n'),
            ("w:tab", false) => out.push('\t'),
            ("w:br", false) | ("w:cr", false) => out.push('\n'),
            _ => {}
        }
        rest = &rest[lt + gt + 1..];
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A stored (uncompressed) zip with one entry, written by hand.
    pub(crate) fn stored_zip(name: &str, data: &[u8]) -> Vec<u8> {
        let mut z = Vec::new();
        let n = name.len() as u16;
        z.extend(b"PK\x03\x04");
        z.extend([20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        z.extend((data.len() as u32).to_le_bytes());
        z.extend((data.len() as u32).to_le_bytes());
        z.extend(n.to_le_bytes());
        z.extend([0, 0]);
        z.extend(name.as_bytes());
        z.extend(data);
        let cd = z.len() as u32;
        z.extend(b"PK\x01\x02");
        z.extend([20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        z.extend((data.len() as u32).to_le_bytes());
        z.extend((data.len() as u32).to_le_bytes());
        z.extend(n.to_le_bytes());
        z.extend([0u8; 12]);
        z.extend(0u32.to_le_bytes());
        z.extend(name.as_bytes());
        let cd_len = z.len() as u32 - cd;
        z.extend(b"PK\x05\x06");
        z.extend([0, 0, 0, 0, 1, 0, 1, 0]);
        z.extend(cd_len.to_le_bytes());
        z.extend(cd.to_le_bytes());
        z.extend([0, 0]);
        z
    }

    #[test]
    fn reads_paragraphs() {
        let xml = r#"<w:document><w:body><w:p><w:r><w:t>Pier vote</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">The council &amp; mayor </w:t></w:r><w:r><w:t>met.</w:t></w:r></w:p></w:body></w:document>"#;
        let z = stored_zip("word/document.xml", xml.as_bytes());
        assert_eq!(
            extract(&z).unwrap(),
            "Pier vote\nThe council & mayor met.\n"
        );
    }

    #[test]
    fn declared_bombs_are_refused() {
        let mut z = stored_zip("word/document.xml", b"<w:p><w:t>x</w:t></w:p>");
        // Patch the central directory's uncompressed size to 4 GB.
        let cd = z.windows(4).rposition(|w| w == b"PK\x01\x02").unwrap();
        z[cd + 24..cd + 28].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(extract(&z).unwrap_err().contains("refused"));
        // A deflated stream that inflates past the limit is cut off with an error.
        let big = vec![b'a'; MAX_PART_BYTES + 10];
        let packed = miniz_oxide::deflate::compress_to_vec(&big, 6);
        assert!(
            miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_PART_BYTES).is_err()
        );
    }

    #[test]
    fn broken_archives_are_errors() {
        let z = stored_zip("word/document.xml", b"<w:p><w:t>x</w:t></w:p>");
        for cut in [0, 10, 40, z.len() - 30, z.len() - 5] {
            assert!(extract(&z[..cut]).is_err());
        }
        assert!(extract(&stored_zip("other.xml", b"x"))
            .unwrap_err()
            .contains("no word/document.xml"));
    }
}
