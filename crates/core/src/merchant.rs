//! Merchant normalisation (interim: trims and folds case; replaced by the full rules).

pub fn display_name(raw: &str) -> String {
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn key(raw: &str) -> String {
    raw.chars().filter(|c| c.is_alphabetic()).flat_map(|c| c.to_lowercase()).collect()
}
