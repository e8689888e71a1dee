//! China: the one body a complaint goes to (§9.4). The user picks it; a case that records none
//! goes to the financial regulator for an unauthorised charge and to 12315 otherwise.

use serde::{Deserialize, Serialize};

// The variants' notes are plain comments: as doc comments they would become the CLI's help.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[cfg_attr(
    feature = "clap",
    derive(clap::ValueEnum),
    value(rename_all = "snake_case")
)]
#[serde(rename_all = "snake_case")]
pub enum ComplaintBody {
    // The market regulator (市场监督管理局), through its 12315 platform.
    #[serde(rename = "12315")]
    #[cfg_attr(feature = "clap", value(name = "12315"))]
    Market12315,
    // A consumers' association (消费者协会), which mediates.
    ConsumerAssociation,
    // The financial regulator: NFRA (12378) for a bank, the PBoC (12363) for a payment platform.
    Regulator,
}

impl ComplaintBody {
    pub const ALL: [ComplaintBody; 3] = [
        ComplaintBody::Market12315,
        ComplaintBody::ConsumerAssociation,
        ComplaintBody::Regulator,
    ];

    /// The name on the wire, in the store and in templates: "12315", "consumer_association" or
    /// "regulator".
    pub fn as_str(self) -> &'static str {
        match self {
            ComplaintBody::Market12315 => "12315",
            ComplaintBody::ConsumerAssociation => "consumer_association",
            ComplaintBody::Regulator => "regulator",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_names_are_the_template_names() {
        for body in ComplaintBody::ALL {
            let wire = serde_json::to_value(body).unwrap();
            assert_eq!(wire, body.as_str());
            assert_eq!(serde_json::from_value::<ComplaintBody>(wire).unwrap(), body);
        }
        assert!(serde_json::from_value::<ComplaintBody>("xiaoxie".into()).is_err());
    }
}
