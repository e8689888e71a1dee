//! Turning statement bytes into text: the encoding is detected (byte-order marks, UTF-16
//! without a mark, valid UTF-8, then chardetng for legacy code pages), never assumed.

use super::error::ImportError;
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};
use std::borrow::Cow;

/// Text decoded from a statement, and the encoding it was read with.
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static Encoding,
}

/// How many bytes the legacy-encoding guesser looks at: enough for any header and sample.
const SNIFF_BYTES: usize = 256 * 1024;

/// Decodes `bytes`, with the encoding named by the user (an encoding_rs label) or detected.
pub fn decode<'a>(bytes: &'a [u8], label: Option<&str>) -> Result<Decoded<'a>, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    let encoding = match label {
        Some(l) => Encoding::for_label(l.trim().as_bytes())
            .ok_or_else(|| ImportError::UnknownEncoding(l.to_string()))?,
        None => detect(bytes),
    };
    let (bom_enc, bom_len) = Encoding::for_bom(bytes).unwrap_or((encoding, 0));
    // A BOM that agrees with the encoding is dropped; a user-named encoding otherwise wins.
    let body = if bom_enc == encoding {
        &bytes[bom_len..]
    } else {
        bytes
    };
    let text = if encoding == UTF_8 {
        match std::str::from_utf8(body) {
            Ok(s) => Cow::Borrowed(s),
            Err(e) => {
                let line = line_at(body, e.valid_up_to());
                return Err(ImportError::Encoding {
                    line,
                    encoding: "UTF-8".into(),
                    detail: format!("invalid byte sequence at byte {}", e.valid_up_to()),
                });
            }
        }
    } else {
        let (text, had_errors) = encoding.decode_without_bom_handling(body);
        if had_errors && (encoding == UTF_16LE || encoding == UTF_16BE) {
            return Err(ImportError::Encoding {
                line: 1,
                encoding: encoding.name().into(),
                detail: "broken UTF-16 text".into(),
            });
        }
        text
    };
    check_text(&text)?;
    Ok(Decoded { text, encoding })
}

/// The encoding the bytes are most likely in.
pub fn detect(bytes: &[u8]) -> &'static Encoding {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return enc;
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        return enc;
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    match std::str::from_utf8(head) {
        Ok(_) => return UTF_8,
        // A multi-byte character cut by the sniff window is still UTF-8.
        Err(e) if e.error_len().is_none() => return UTF_8,
        Err(_) => {}
    }
    // Many valid UTF-8 characters and the odd bad byte: a damaged UTF-8 file, not a legacy
    // code page (where multi-byte characters are rarely valid UTF-8). Decoding reports the line.
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in head.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    if good >= 8 && bad * 3 < good {
        return UTF_8;
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(head, head.len() == bytes.len());
    det.guess(None, false)
}

/// UTF-16 without a byte-order mark shows as every other byte being zero for Latin text.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let n = bytes.len().min(4096) & !1;
    if n < 4 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in bytes[..n].chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let half = n / 2;
    if odd * 10 > half * 4 && even * 10 < half {
        Some(UTF_16LE)
    } else if even * 10 > half * 4 && odd * 10 < half {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// Rejects text that is clearly not a statement: NULs or many control characters early on.
fn check_text(text: &str) -> Result<(), ImportError> {
    let mut controls = 0usize;
    let mut total = 0usize;
    for (i, c) in text.char_indices().take(64 * 1024) {
        total += 1;
        if c == '\0' {
            return Err(ImportError::Binary {
                line: line_at(text.as_bytes(), i),
            });
        }
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c') {
            controls += 1;
        }
    }
    if total > 0 && controls * 20 > total {
        return Err(ImportError::Binary { line: 1 });
    }
    Ok(())
}

/// 1-based line of byte offset `at`.
pub fn line_at(bytes: &[u8], at: usize) -> u64 {
    1 + bytes[..at.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u64
}

/// The lowercase label the CLI shows ("utf-8", "gbk", "windows-1252").
pub fn label(enc: &'static Encoding) -> String {
    enc.name().to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_boms_and_utf16_without_bom() {
        assert_eq!(detect(b"\xef\xbb\xbfa,b"), UTF_8);
        assert_eq!(detect(b"\xff\xfea\0,\0b\0"), UTF_16LE);
        let le: Vec<u8> = "Date\tAmount\n"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(detect(&le), UTF_16LE);
        let be: Vec<u8> = "Date\tAmount\n"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(detect(&be), UTF_16BE);
    }

    #[test]
    fn decodes_gbk_and_rejects_damaged_utf8() {
        let (gbk, _, _) = encoding_rs::GBK
            .encode("交易时间,金额,收/支,交易对方,商品说明\n2021-01-01,1.00,支出,超市,牛奶面包\n");
        let d = decode(&gbk, None).unwrap();
        assert!(d.text.contains("交易时间"), "{}", d.encoding.name());
        let mut bad = "日期,金额,说明\n2024-01-01,1.00,超市购物牛奶面包\n"
            .as_bytes()
            .to_vec();
        bad.extend_from_slice(b"\n\xff\xfe oops");
        let err = decode(&bad, None).err().unwrap();
        assert_eq!(err.line(), Some(4));
    }

    #[test]
    fn empty_and_binary_are_errors() {
        assert!(matches!(decode(b"", None), Err(ImportError::Empty)));
        assert!(matches!(
            decode(b"a,b\n\0\0\0\x01\x02", Some("utf-8")),
            Err(ImportError::Binary { .. })
        ));
        assert!(matches!(
            decode(b"a", Some("klingon")),
            Err(ImportError::UnknownEncoding(_))
        ));
    }
}
