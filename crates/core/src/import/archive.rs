//! ZIP archives of statements, as wallets and banks send them by e-mail: each file inside is a
//! statement of its own. Encrypted archives (ZipCrypto and AES, both of which the Alipay and
//! WeChat Pay bill e-mails use) are opened with the password the user gives; the password is
//! only ever held in memory for the call.

use super::error::ImportError;
use super::sniff::Format;
use std::io::{Cursor, Read};

/// A file inside an archive.
pub struct Member {
    /// Its path inside the archive.
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A single statement larger than this is refused (a ZIP bomb expands without limit).
const MAX_MEMBER_BYTES: u64 = 1 << 30;

/// How deep archives may nest: a statement in a ZIP inside the ZIP (banks bundle monthly
/// archives) is read; one deeper is refused, as each level can multiply what a small file
/// expands to.
const MAX_NESTING: usize = 1;

/// The files of an archive, in the archive's order; folders and the metadata files that macOS
/// adds (`__MACOSX/`, `.DS_Store`) are left out. The files of an archive inside it are listed
/// in its place, named by their path through both (`inner.zip/statement.csv`).
pub fn members(bytes: &[u8], password: Option<&str>) -> Result<Vec<Member>, ImportError> {
    members_at(bytes, password, 0)
}

fn members_at(
    bytes: &[u8],
    password: Option<&str>,
    depth: usize,
) -> Result<Vec<Member>, ImportError> {
    let mut zip = open(bytes)?;
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let (name, encrypted, size, is_dir) = {
            let f = zip.by_index_raw(i).map_err(bad)?;
            (
                member_name(f.name_raw(), f.name()),
                f.encrypted(),
                f.size(),
                f.is_dir(),
            )
        };
        let base = name.rsplit('/').next().unwrap_or("");
        if is_dir || name.starts_with("__MACOSX/") || base.starts_with("._") || base == ".DS_Store"
        {
            continue;
        }
        if size > MAX_MEMBER_BYTES {
            return Err(ImportError::Archive(format!(
                "'{name}' is {size} bytes, more than a statement can be"
            )));
        }
        let file = match (encrypted, password) {
            (true, None) => return Err(ImportError::PasswordNeeded { entry: name }),
            (true, Some(p)) => zip.by_index_decrypt(i, p.as_bytes()).map_err(|e| match e {
                zip::result::ZipError::InvalidPassword => ImportError::WrongPassword,
                other => bad(other),
            })?,
            (false, _) => zip.by_index(i).map_err(bad)?,
        };
        let mut data = Vec::with_capacity(size as usize);
        // A ZipCrypto header lets about one wrong password in 256 through; the data's checksum
        // then fails, which is the same mistake.
        file.take(MAX_MEMBER_BYTES)
            .read_to_end(&mut data)
            .map_err(|e| {
                if encrypted {
                    ImportError::WrongPassword
                } else {
                    ImportError::Archive(format!("'{name}': {e}"))
                }
            })?;
        if super::sniff::format(&data) == Format::Zip {
            if depth >= MAX_NESTING {
                return Err(ImportError::Archive(format!(
                    "'{name}' is an archive inside an archive inside an archive; statements are read at most {} archive deep",
                    MAX_NESTING + 1
                )));
            }
            let inner = members_at(&data, password, depth + 1).map_err(|e| within(&name, e))?;
            out.extend(inner.into_iter().map(|m| Member {
                name: format!("{name}/{}", m.name),
                bytes: m.bytes,
            }));
            continue;
        }
        out.push(Member { name, bytes: data });
    }
    if out.is_empty() {
        return Err(ImportError::Archive("the archive holds no files".into()));
    }
    Ok(out)
}

/// An error of an archive inside this one, naming the inner archive.
fn within(name: &str, e: ImportError) -> ImportError {
    match e {
        ImportError::Archive(detail) => ImportError::Archive(format!("in '{name}': {detail}")),
        other => other,
    }
}

fn open(bytes: &[u8]) -> Result<zip::ZipArchive<Cursor<&[u8]>>, ImportError> {
    zip::ZipArchive::new(Cursor::new(bytes)).map_err(bad)
}

fn bad(e: zip::result::ZipError) -> ImportError {
    ImportError::Archive(e.to_string())
}

/// A member's name: UTF-8 when it is, else GB18030 (Chinese archivers write names in the
/// system code page without the UTF-8 flag), else what the zip crate made of it.
fn member_name(raw: &[u8], decoded: &str) -> String {
    if let Ok(s) = std::str::from_utf8(raw) {
        return s.to_string();
    }
    let (text, _, had_errors) = encoding_rs::GB18030.decode(raw);
    if had_errors {
        decoded.to_string()
    } else {
        text.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A ZIP holding `name` with `bytes`.
    fn zip_of(name: &str, bytes: &[u8]) -> Vec<u8> {
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(bytes).unwrap();
        out.finish().unwrap().into_inner()
    }

    #[test]
    fn an_archive_inside_an_archive_is_read_and_one_deeper_is_refused() {
        let csv = b"Date,Description,Amount\n2024-03-01,BAKERY,-4.50\n";
        let once = zip_of("july.zip", &zip_of("statement.csv", csv));
        let m = members(&once, None).unwrap();
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].name, "july.zip/statement.csv");
        assert_eq!(m[0].bytes, csv);

        let mut deep = zip_of("statement.csv", csv);
        for level in 0..20 {
            deep = zip_of(&format!("level{level}.zip"), &deep);
        }
        let e = members(&deep, None).err().unwrap().to_string();
        assert!(
            e.contains("level18.zip") && e.contains("archive inside an archive"),
            "{e}"
        );
    }
}
