//! The app's settings: language, theme, default jurisdiction and detection sensitivity, kept as
//! JSON values in the settings table, plus where the data lives.
//!
//! Values are plain strings on the wire (with literal types for TypeScript) and checked here, so a
//! wrong value is refused with a message naming it rather than a deserialisation error.

use crate::error::{AppError, Result};
use crate::review::DETECT_CONFIG_KEY;
use crate::App;
use crate::ErrorCode;
use recourse_core::detect::DetectConfig;
use recourse_core::disputes::Jurisdiction;
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use ts_rs::TS;

const LANGUAGE_KEY: &str = "language";
const THEME_KEY: &str = "theme";
const JURISDICTION_KEY: &str = "default_jurisdiction";

pub const LANGUAGES: [&str; 2] = ["en", "zh-CN"];
pub const THEMES: [&str; 3] = ["system", "light", "dark"];
pub const JURISDICTIONS: [&str; 4] = ["us", "uk", "eu", "cn"];
pub const SENSITIVITIES: [&str; 3] = ["low", "normal", "high"];

/// The settings the Settings screen edits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AppSettings {
    /// None until the user chooses one: the UI then follows the system language.
    #[ts(type = "\"en\" | \"zh-CN\" | null")]
    pub language: Option<String>,
    #[ts(type = "\"system\" | \"light\" | \"dark\"")]
    pub theme: String,
    /// The jurisdiction a new case starts with.
    #[ts(type = "\"us\" | \"uk\" | \"eu\" | \"cn\"")]
    pub default_jurisdiction: String,
    /// How readily charges are flagged; stored as `DetectConfig.sensitivity` (0.5 / 1 / 2).
    #[ts(type = "\"low\" | \"normal\" | \"high\"")]
    pub sensitivity: String,
}

/// Where the data lives, to show (and copy) in Settings.
#[derive(Clone, Debug, Serialize, TS)]
pub struct DataLocation {
    pub data_dir: String,
    /// Empty for an in-memory database.
    pub db_path: String,
    pub evidence_dir: String,
}

/// `DetectConfig.sensitivity` for each named level: above 1 flags more, below 1 flags less.
fn sensitivity_value(level: &str) -> f64 {
    match level {
        "low" => 0.5,
        "high" => 2.0,
        _ => 1.0,
    }
}

/// The named level nearest to a stored sensitivity (the CLI or a hand edit may store others).
fn sensitivity_level(value: f64) -> &'static str {
    if !value.is_finite() {
        "normal"
    } else if value < 0.75 {
        "low"
    } else if value > 1.5 {
        "high"
    } else {
        "normal"
    }
}

fn check(what: &str, value: &str, allowed: &[&str]) -> Result<()> {
    if allowed.contains(&value) {
        Ok(())
    } else {
        Err(AppError::invalid(format!(
            "unknown {what} '{value}' (expected {})",
            allowed.join(", ")
        )))
    }
}

impl App {
    /// The current settings; defaults for anything never set (no language, theme "system",
    /// jurisdiction "us", sensitivity "normal").
    pub fn settings(&self) -> Result<AppSettings> {
        let language: Option<String> = self
            .setting_value(LANGUAGE_KEY)?
            .filter(|l: &String| LANGUAGES.contains(&l.as_str()));
        let theme = self
            .setting_value(THEME_KEY)?
            .filter(|t: &String| THEMES.contains(&t.as_str()));
        let jurisdiction = self
            .setting_value(JURISDICTION_KEY)?
            .filter(|j: &String| JURISDICTIONS.contains(&j.as_str()));
        Ok(AppSettings {
            language,
            theme: theme.unwrap_or_else(|| "system".into()),
            default_jurisdiction: jurisdiction.unwrap_or_else(|| "us".into()),
            sensitivity: sensitivity_level(self.detect_config()?.sensitivity).to_string(),
        })
    }

    /// Checks every value, then saves them all. The other detection thresholds are kept.
    pub fn set_settings(&mut self, s: &AppSettings) -> Result<()> {
        if let Some(lang) = &s.language {
            check("language", lang, &LANGUAGES)?;
        }
        check("theme", &s.theme, &THEMES)?;
        check("jurisdiction", &s.default_jurisdiction, &JURISDICTIONS)?;
        check("sensitivity", &s.sensitivity, &SENSITIVITIES)?;
        // A saved configuration that no longer reads is replaced rather than blocking the save.
        let mut cfg = self.detect_config().unwrap_or_default();
        let level = sensitivity_value(&s.sensitivity);
        // Keep a finer value set elsewhere (e.g. 1.2) when the level shown is unchanged.
        if sensitivity_level(cfg.sensitivity) != s.sensitivity {
            cfg.sensitivity = level;
        }
        if let Some(lang) = &s.language {
            self.set_setting_value(LANGUAGE_KEY, lang)?;
        }
        self.set_setting_value(THEME_KEY, &s.theme)?;
        self.set_setting_value(JURISDICTION_KEY, &s.default_jurisdiction)?;
        self.set_setting_value(DETECT_CONFIG_KEY, &cfg)?;
        Ok(())
    }

    /// The jurisdiction a new case starts with.
    pub fn default_jurisdiction(&self) -> Result<Jurisdiction> {
        let code = self.settings()?.default_jurisdiction;
        serde_json::from_value(serde_json::Value::String(code.clone())).map_err(|e| {
            AppError::new(
                ErrorCode::Storage,
                format!("the saved jurisdiction '{code}' is not valid: {e}"),
            )
        })
    }

    /// The detection thresholds written as a whole (tuning beyond the sensitivity level).
    pub fn set_detect_config(&mut self, cfg: &DetectConfig) -> Result<()> {
        self.set_setting_value(DETECT_CONFIG_KEY, cfg)
    }

    pub fn data_location(&self) -> DataLocation {
        DataLocation {
            data_dir: self.data_dir().to_string_lossy().into_owned(),
            db_path: self
                .db_path()
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default(),
            evidence_dir: self.evidence_dir.to_string_lossy().into_owned(),
        }
    }

    /// A stored value; a value that no longer reads counts as unset (logged), so one bad key
    /// cannot lock the user out of Settings.
    fn setting_value<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>> {
        let Some(json) = self.db.setting(key)? else {
            return Ok(None);
        };
        match serde_json::from_str(&json) {
            Ok(v) => Ok(Some(v)),
            Err(e) => {
                tracing::warn!(key, error = %e, "ignoring an unreadable setting");
                Ok(None)
            }
        }
    }

    fn set_setting_value<T: Serialize + ?Sized>(&self, key: &str, value: &T) -> Result<()> {
        let json = serde_json::to_string(value)
            .map_err(|e| AppError::new(ErrorCode::Storage, format!("cannot save {key}: {e}")))?;
        Ok(self.db.set_setting(key, &json)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sensitivity_levels_map_both_ways() {
        for level in SENSITIVITIES {
            assert_eq!(sensitivity_level(sensitivity_value(level)), level);
        }
        assert_eq!(sensitivity_level(1.2), "normal");
        assert_eq!(sensitivity_level(0.25), "low");
        assert_eq!(sensitivity_level(4.0), "high");
        assert_eq!(sensitivity_level(f64::NAN), "normal");
    }
}
