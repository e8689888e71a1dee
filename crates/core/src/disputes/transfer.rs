//! The kind of a US bank transfer, which decides its law (disputes-facts §1.2, §9; legal
//! review #8): Regulation E covers ACH and other electronic fund transfers, and excludes wire
//! transfers (12 CFR §1005.3(c)(3)), which UCC Article 4A governs instead. A case records it
//! when the user knows it; an unknown kind (`None` where a case holds an
//! `Option<TransferKind>`) makes the letters name both regimes and claim neither alone.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum TransferKind {
    /// An ACH or other electronic fund transfer (online banking, bill pay, Zelle): Reg E.
    Ach,
    /// A wire transfer (Fedwire, SWIFT): UCC Article 4A.
    Wire,
}

impl TransferKind {
    pub const ALL: [TransferKind; 2] = [TransferKind::Ach, TransferKind::Wire];

    pub fn as_str(self) -> &'static str {
        match self {
            TransferKind::Ach => "ach",
            TransferKind::Wire => "wire",
        }
    }

    /// The kind named by `s`; `Ok(None)` for "unknown" (the user does not know), and for
    /// anything else an error saying what was expected.
    pub fn parse(s: &str) -> Result<Option<TransferKind>, String> {
        match s.trim().to_ascii_lowercase().replace('-', "_").as_str() {
            "ach" | "eft" | "electronic" => Ok(Some(TransferKind::Ach)),
            "wire" | "wire_transfer" => Ok(Some(TransferKind::Wire)),
            "" | "unknown" | "dont_know" | "don't_know" => Ok(None),
            _ => Err(format!(
                "'{s}' is not a transfer kind: expected ach, wire or unknown"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_unknown_is_none() {
        for k in TransferKind::ALL {
            assert_eq!(TransferKind::parse(k.as_str()), Ok(Some(k)));
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.as_str())
            );
        }
        assert_eq!(TransferKind::parse("Unknown"), Ok(None));
        assert_eq!(TransferKind::parse("WIRE"), Ok(Some(TransferKind::Wire)));
        assert!(TransferKind::parse("swift-ish").is_err());
    }
}
