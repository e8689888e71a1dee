//! Turning statement bytes into text: the encoding is chosen from the content, never assumed.
//! A byte-order mark is evidence, not proof: tools re-save text and keep (or add) a mark that
//! no longer matches, so a mark is believed only when the bytes after it read that way. Then
//! UTF-16 without a mark, UTF-8 (also when it is damaged: a mostly UTF-8 file with a few bad
//! bytes is refused naming the line, never re-read as a code page), and only for text with no
//! UTF-8 multi-byte sequences to speak of, chardetng's guess among the legacy code pages.
//! Text that is not valid in the chosen encoding is refused at the line where it breaks.

use super::error::ImportError;
use encoding_rs::{DecoderResult, Encoding, UTF_16BE, UTF_16LE, UTF_8};
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
    let (encoding, body) = match label {
        Some(l) => {
            let enc = Encoding::for_label(l.trim().as_bytes())
                .ok_or_else(|| ImportError::UnknownEncoding(l.to_string()))?;
            // A BOM that agrees with the named encoding is dropped; otherwise the name wins.
            match Encoding::for_bom(bytes) {
                Some((bom, n)) if bom == enc => (enc, &bytes[n..]),
                _ => (enc, bytes),
            }
        }
        None => choose(bytes),
    };
    let text = decode_strictly(encoding, body)?;
    check_text(&text)?;
    Ok(Decoded { text, encoding })
}

/// Decodes an XML document (CAMT): by its byte-order mark, else by the encoding its
/// declaration names, else as UTF-8 (XML's default). The declaration is what the bank's
/// software wrote; bytes that break it are refused at their line, not guessed around.
pub fn decode_xml(bytes: &[u8]) -> Result<Decoded<'_>, ImportError> {
    if Encoding::for_bom(bytes).is_some() {
        return decode(bytes, None);
    }
    let declared = xml_declared_encoding(bytes);
    decode(bytes, Some(declared.as_deref().unwrap_or("utf-8")))
}

/// The `encoding="…"` of an XML declaration at the start of `bytes`.
fn xml_declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(512)];
    let decl = head.strip_prefix(b"<?xml")?;
    let end = decl.windows(2).position(|w| w == b"?>")?;
    let decl = std::str::from_utf8(&decl[..end]).ok()?;
    let at = decl.find("encoding")?;
    let rest = decl[at + "encoding".len()..]
        .trim_start()
        .strip_prefix('=')?;
    let rest = rest.trim_start();
    let quote = rest.chars().next().filter(|q| *q == '"' || *q == '\'')?;
    let value = &rest[1..];
    Some(value[..value.find(quote)?].to_string())
}

/// The encoding, and the bytes to decode with it (after a byte-order mark, which is dropped
/// whether it was right or not: a wrong mark is not text either).
fn choose(bytes: &[u8]) -> (&'static Encoding, &[u8]) {
    match Encoding::for_bom(bytes) {
        Some((enc, n)) => {
            let body = &bytes[n..];
            if body.is_empty() || mark_fits(enc, body) {
                (enc, body)
            } else {
                (from_content(body), body)
            }
        }
        None => (from_content(bytes), bytes),
    }
}

/// Whether the bytes after a byte-order mark read in the encoding it names. UTF-16 text has
/// ASCII characters (digits, separators, line breaks) whose high byte is zero; UTF-8 text is
/// UTF-8 (or mostly so) and not UTF-16.
fn mark_fits(enc: &'static Encoding, body: &[u8]) -> bool {
    if enc == UTF_8 {
        return utf16_without_bom(body).is_none() && utf8_shape(sniff_window(body)).is_utf8();
    }
    let high = usize::from(enc == UTF_16LE);
    let pairs = body[..body.len().min(8192)].chunks_exact(2);
    let n = pairs.len();
    let zero_high = pairs.filter(|p| p[high] == 0).count();
    n == 0 || (zero_high > 0 && zero_high * 20 >= n)
}

fn sniff_window(bytes: &[u8]) -> &[u8] {
    &bytes[..bytes.len().min(SNIFF_BYTES)]
}

/// The encoding of text without a (believable) byte-order mark.
fn from_content(bytes: &[u8]) -> &'static Encoding {
    if let Some(enc) = utf16_without_bom(bytes) {
        return enc;
    }
    let head = sniff_window(bytes);
    if utf8_shape(head).is_utf8() {
        return UTF_8;
    }
    let mut det = chardetng::EncodingDetector::new();
    // Not told that this is the end: a file cut in the middle of a character is still in its
    // encoding (decoding then names the line where it is cut).
    det.feed(head, false);
    det.guess(None, false)
}

/// Counts of UTF-8-shaped multi-byte sequences (a lead byte and its continuation bytes, valid
/// or not: an overlong form or an encoded surrogate is still UTF-8 gone wrong) and of bytes
/// that fit no such sequence.
#[derive(Debug, PartialEq)]
struct Utf8Shape {
    sequences: usize,
    broken: usize,
}

impl Utf8Shape {
    /// UTF-8 when nothing is broken, or when sequences outnumber breaks (a UTF-8 file with a
    /// few bad bytes). A code page's text has few UTF-8-shaped pairs: Latin-1 letters are
    /// followed by ASCII, and GBK's trail bytes are mostly not continuation bytes.
    fn is_utf8(&self) -> bool {
        self.broken == 0 || self.sequences > self.broken
    }
}

fn utf8_shape(bytes: &[u8]) -> Utf8Shape {
    let (mut sequences, mut broken) = (0, 0);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        let need = match b {
            0xC0..=0xDF => 1,
            0xE0..=0xEF => 2,
            0xF0..=0xF7 => 3,
            _ => 0,
        };
        let tail = &bytes[i + 1..bytes.len().min(i + 1 + need)];
        if need > 0 && tail.iter().all(|c| c & 0xC0 == 0x80) {
            if tail.len() < need {
                break; // cut by the end of the window
            }
            sequences += 1;
            i += need + 1;
        } else {
            broken += 1;
            i += 1;
        }
    }
    Utf8Shape { sequences, broken }
}

/// `body` as text in `enc`, or the line where it stops being `enc`.
fn decode_strictly<'a>(
    enc: &'static Encoding,
    body: &'a [u8],
) -> Result<Cow<'a, str>, ImportError> {
    if enc == UTF_8 {
        return match std::str::from_utf8(body) {
            Ok(s) => Ok(Cow::Borrowed(s)),
            Err(e) => Err(ImportError::Encoding {
                line: line_at(body, e.valid_up_to()),
                encoding: "UTF-8".into(),
                detail: format!("invalid byte sequence at byte {}", e.valid_up_to()),
            }),
        };
    }
    let (text, had_errors) = enc.decode_without_bom_handling(body);
    if !had_errors {
        return Ok(text);
    }
    // Decode again without replacement to find where: the text before it gives the line (a
    // UTF-16 line break is two bytes, so the raw bytes cannot be counted).
    let mut decoder = enc.new_decoder_without_bom_handling();
    let mut before = String::with_capacity(
        decoder
            .max_utf8_buffer_length_without_replacement(body.len())
            .unwrap_or(body.len() * 3),
    );
    let (result, read) = decoder.decode_to_string_without_replacement(body, &mut before, true);
    let at = match result {
        DecoderResult::Malformed(bad, after) => {
            read.saturating_sub(usize::from(bad) + usize::from(after))
        }
        _ => read,
    };
    let cut = at + 2 > body.len();
    Err(ImportError::Encoding {
        line: 1 + before.matches('\n').count() as u64,
        encoding: enc.name().into(),
        detail: if cut {
            "the text ends in the middle of a character (the file is cut short)".into()
        } else {
            format!("bytes that are not {} at byte {at}", enc.name())
        },
    })
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

/// Rejects text that is clearly not a statement: NULs beyond the odd stray one, or many
/// control characters early on. A single NUL inside a field leaves the row to be judged on
/// its own (a NUL in an amount or a date is that row's error, with its line).
fn check_text(text: &str) -> Result<(), ImportError> {
    let mut controls = 0usize;
    let mut total = 0usize;
    let mut nuls = 0usize;
    let mut first_nul = None;
    for (i, c) in text.char_indices().take(64 * 1024) {
        total += 1;
        if c == '\0' {
            nuls += 1;
            first_nul.get_or_insert(i);
        }
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c') {
            controls += 1;
        }
    }
    if let Some(i) = first_nul {
        if nuls * 64 > total {
            return Err(ImportError::Binary {
                line: line_at(text.as_bytes(), i),
            });
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
        assert_eq!(choose(b"\xef\xbb\xbfa,b").0, UTF_8);
        assert_eq!(choose(b"\xff\xfea\0,\0b\0").0, UTF_16LE);
        let le: Vec<u8> = "Date\tAmount\n"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(choose(&le).0, UTF_16LE);
        let be: Vec<u8> = "Date\tAmount\n"
            .encode_utf16()
            .flat_map(|u| u.to_be_bytes())
            .collect();
        assert_eq!(choose(&be).0, UTF_16BE);
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
    fn the_content_outweighs_a_wrong_byte_order_mark() {
        let utf8 = "Date,Amount,Description\n2024-03-01,-32.00,星巴克咖啡\n";
        let mut le_mark = b"\xff\xfe".to_vec();
        le_mark.extend_from_slice(utf8.as_bytes());
        let d = decode(&le_mark, None).unwrap();
        assert_eq!((d.encoding, d.text.as_ref()), (UTF_8, utf8));

        let (gbk, _, _) = encoding_rs::GBK.encode(utf8);
        let mut utf8_mark = b"\xef\xbb\xbf".to_vec();
        utf8_mark.extend_from_slice(&gbk);
        let d = decode(&utf8_mark, None).unwrap();
        assert_eq!(d.text, utf8, "{}", d.encoding.name());

        let mut utf16 = b"\xef\xbb\xbf".to_vec();
        utf16.extend(utf8.encode_utf16().flat_map(|u| u.to_le_bytes()));
        let d = decode(&utf16, None).unwrap();
        assert_eq!((d.encoding, d.text.as_ref()), (UTF_16LE, utf8));

        // A mark that fits is believed and dropped.
        let mut right = b"\xff\xfe".to_vec();
        right.extend(utf8.encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode(&right, None).unwrap().text, utf8);
    }

    #[test]
    fn damaged_utf8_is_refused_at_its_line_and_latin1_stays_latin1() {
        // Mostly UTF-8, one Latin-1 line; an overlong '/'; an encoded surrogate.
        let mixed = b"Date,Description,Amount\n2024-03-01,Caf\xc3\xa9,-1\n2024-03-02,Cr\xc3\xaape,-2\n2024-03-03,Cr\xe8me,-3\n";
        let overlong = b"Date,Description,Amount\n2024-03-01,A,-1\n2024-03-02,A\xc0\xafB,-1\n";
        let surrogate = b"Date,Description,Amount\n2024-03-01,A,-1\n2024-03-02,A\xed\xa0\x80B,-1\n";
        for (bytes, line) in [(&mixed[..], 4), (&overlong[..], 3), (&surrogate[..], 3)] {
            let err = decode(bytes, None).err().expect("refused");
            assert_eq!(err.line(), Some(line), "{err:?}");
        }
        // No UTF-8 sequence at all: a single-byte code page.
        let latin = b"Date,Description,Amount\n2024-03-01,Cr\xe8me br\xfbl\xe9e,-1\n2024-03-02,M\xfcller,-2\n";
        let d = decode(latin, None).unwrap();
        assert!(d.text.contains("Crème brûlée"), "{}", d.encoding.name());
    }

    #[test]
    fn text_cut_inside_a_character_names_its_line() {
        let text = "日期,金额,说明\n2024-03-01,-32.00,星巴克咖啡\n2024-03-02,-4.00,地铁出行\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let err = decode(&gbk[..gbk.len() - 2], None).err().expect("refused");
        assert_eq!(err.line(), Some(3), "{err:?}");
        let mut utf16 = b"\xff\xfe".to_vec();
        utf16.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        let err = decode(&utf16[..utf16.len() - 3], None)
            .err()
            .expect("refused");
        assert_eq!(err.line(), Some(3), "{err:?}");
    }

    #[test]
    fn a_stray_nul_is_the_row_s_business_many_are_binary() {
        let one = b"Date,Description,Amount\n2024-03-01,COFFEE\0SHOP,-3.80\n2024-03-02,BAKERY,-4.50\n2024-03-03,TRANSIT,-2.75\n";
        assert!(decode(one, None).unwrap().text.contains("COFFEE\0SHOP"));
        let many: Vec<u8> = one.iter().flat_map(|&b| [b, 0, 0]).collect();
        assert!(matches!(
            decode(&many[1..], Some("utf-8")),
            Err(ImportError::Binary { .. })
        ));
    }

    #[test]
    fn xml_is_read_in_the_encoding_it_declares() {
        let doc = |decl: &str, body: &[u8]| {
            let mut v = format!("<?xml version=\"1.0\" encoding=\"{decl}\"?>\n<Document>\n<Ustrd>")
                .into_bytes();
            v.extend_from_slice(body);
            v.extend_from_slice(b"</Ustrd>\n</Document>\n");
            v
        };
        let (gbk, _, _) = encoding_rs::GBK.encode("星巴克咖啡");
        let err = decode_xml(&doc("UTF-8", &gbk)).err().expect("refused");
        assert_eq!(err.line(), Some(3), "{err:?}");
        let declared_gbk = doc("GBK", &gbk);
        let d = decode_xml(&declared_gbk).unwrap();
        assert!(d.text.contains("星巴克咖啡"));
        assert_eq!(
            xml_declared_encoding(b"<?xml version='1.0' encoding='ISO-8859-1'?><a/>").as_deref(),
            Some("ISO-8859-1")
        );
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
