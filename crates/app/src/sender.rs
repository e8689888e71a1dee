//! The sender of every letter: the user's name, address, contact and, for a Chinese court
//! complaint, their particulars. Kept in settings as JSON under the key "profile", the name it
//! had before "profile" came to mean only an import profile: renaming a stored key would need a
//! migration of the settings row for no gain.

use crate::dto_cases::Sender;
use crate::error::{AppError, Result};
use crate::App;
use crate::ErrorCode;
use recourse_core::letters::{self, Particulars};

const SENDER_KEY: &str = "profile";

impl App {
    /// The saved sender; empty fields until the user fills them in.
    pub fn sender(&self) -> Result<Sender> {
        match self.db.setting(SENDER_KEY)? {
            Some(json) => serde_json::from_str(&json).map_err(|e| {
                AppError::new(
                    ErrorCode::Storage,
                    format!("the saved sender's details are not valid: {e}"),
                )
            }),
            None => Ok(Sender::default()),
        }
    }

    /// Saves the sender's details, trimmed; a birth date that is not a date or an identity
    /// card number that fails its check digit is refused and nothing is saved.
    pub fn set_sender(&mut self, sender: &Sender) -> Result<Sender> {
        let birth_date = sender.birth_date.trim();
        if !birth_date.is_empty() {
            crate::dates::input("birth date", birth_date)?;
        }
        let id_number = sender.id_number.trim().to_ascii_uppercase();
        if !id_number.is_empty() {
            check_id_number(&id_number)?;
        }
        let clean = Sender {
            name: sender.name.trim().to_string(),
            address: address_lines(&sender.address).join("\n"),
            email: sender.email.trim().to_string(),
            phone: sender.phone.trim().to_string(),
            gender: sender.gender,
            birth_date: birth_date.to_string(),
            ethnicity: sender.ethnicity.trim().to_string(),
            id_number,
            occupation: sender.occupation.trim().to_string(),
        };
        let json = serde_json::to_string(&clean)
            .map_err(|e| AppError::new(ErrorCode::Storage, e.to_string()))?;
        self.db.set_setting(SENDER_KEY, &json)?;
        Ok(clean)
    }
}

fn address_lines(address: &str) -> Vec<String> {
    address
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// A mainland resident identity card number (GB 11643-1999): 17 digits and a check digit (0–9
/// or X), the weighted sum of the 17 digits modulo 11 deciding the last. A typo is caught here
/// rather than printed on a court complaint.
fn check_id_number(id: &str) -> Result<()> {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: &[u8; 11] = b"10X98765432";
    let bytes = id.as_bytes();
    let refuse = |why: &str| {
        Err(AppError::invalid(format!(
            "the identity card number '{id}' {why} (expected 18 characters: 17 digits and a check digit 0-9 or X)"
        ))
        .with_detail("sender.id_number", [("value", id.to_string())]))
    };
    if bytes.len() != 18 || !bytes[..17].iter().all(u8::is_ascii_digit) {
        return refuse("is not one");
    }
    let sum: u32 = bytes[..17]
        .iter()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    if bytes[17] != CHECK[(sum % 11) as usize] {
        return refuse("fails its check digit");
    }
    Ok(())
}

/// The sender as a letter's; a particular the user left blank stays unknown.
pub(crate) fn letter_sender(p: &Sender) -> letters::Sender {
    let some = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    letters::Sender {
        name: p.name.trim().to_string(),
        address: address_lines(&p.address),
        email: some(&p.email),
        phone: some(&p.phone),
        particulars: Particulars {
            gender: p.gender,
            birth_date: chrono::NaiveDate::parse_from_str(p.birth_date.trim(), "%Y-%m-%d").ok(),
            ethnicity: some(&p.ethnicity),
            id_number: some(&p.id_number),
            occupation: some(&p.occupation),
        },
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn identity_card_numbers_are_checked_by_their_check_digit() {
        // GB 11643-1999's own example, and one ending in X.
        assert!(super::check_id_number("11010519491231002X").is_ok());
        assert!(super::check_id_number("110105194912310021").is_err());
        assert!(super::check_id_number("11010519491231002").is_err());
        assert!(super::check_id_number("1101051949123100XX").is_err());
    }
}
