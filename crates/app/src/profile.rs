//! The user's profile: the sender of every letter. Kept in settings as JSON under "profile".

use crate::dto_cases::UserProfile;
use crate::error::{AppError, Result};
use crate::App;
use crate::ErrorCode;
use recourse_core::letters::SenderProfile;

const PROFILE_KEY: &str = "profile";

impl App {
    /// The saved profile; empty fields until the user fills them in.
    pub fn profile(&self) -> Result<UserProfile> {
        match self.db.setting(PROFILE_KEY)? {
            Some(json) => serde_json::from_str(&json).map_err(|e| {
                AppError::new(
                    ErrorCode::Storage,
                    format!("the saved profile is not valid: {e}"),
                )
            }),
            None => Ok(UserProfile::default()),
        }
    }

    pub fn set_profile(&mut self, profile: &UserProfile) -> Result<UserProfile> {
        let clean = UserProfile {
            name: profile.name.trim().to_string(),
            address: address_lines(&profile.address).join("\n"),
            email: profile.email.trim().to_string(),
            phone: profile.phone.trim().to_string(),
        };
        let json = serde_json::to_string(&clean)
            .map_err(|e| AppError::new(ErrorCode::Storage, e.to_string()))?;
        self.db.set_setting(PROFILE_KEY, &json)?;
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

/// The profile as a letter's sender.
pub(crate) fn sender(p: &UserProfile) -> SenderProfile {
    let some = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    SenderProfile {
        name: p.name.trim().to_string(),
        address: address_lines(&p.address),
        email: some(&p.email),
        phone: some(&p.phone),
    }
}
