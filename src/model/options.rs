//! What the caller knows beyond the values: the partner being set up, whether the tenant uses
//! SAML single sign-on.

use crate::model::partner::{self, Partner};
use serde::{Deserialize, Serialize};

/// Whether the tenant uses SAML single sign-on (decides the `redirect=n` checks).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Sso {
    #[default]
    Unknown,
    Yes,
    No,
}

impl Sso {
    /// Every answer, the default first.
    pub const ALL: &'static [Sso] = &[Sso::Unknown, Sso::Yes, Sso::No];

    /// The answer's JSON name.
    pub fn as_str(self) -> &'static str {
        match self {
            Sso::Unknown => "unknown",
            Sso::Yes => "yes",
            Sso::No => "no",
        }
    }
}

/// What the caller knows beyond the values: the partner being set up, whether SSO is on.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(default)]
pub struct Options {
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub integration: Option<String>,
    #[cfg_attr(feature = "typescript", ts(as = "Option<Sso>", optional))]
    pub sso: Sso,
}

impl Options {
    /// The chosen partner; `Err` names the unknown id and the known ones.
    pub fn partner(&self) -> Result<Option<&'static Partner>, String> {
        match self.integration.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(id) => Options::known_partner(id).map(Some),
        }
    }

    /// The partner with this id; `Err` names the unknown id and the known ones.
    pub fn known_partner(id: &str) -> Result<&'static Partner, String> {
        partner::partner(id).ok_or_else(|| {
            format!(
                "unknown integration `{id}` (known: {})",
                partner::ids().join(", ")
            )
        })
    }

    /// These options with `partner` as the integration (the SSO answer kept).
    pub fn for_partner(&self, partner: &Partner) -> Options {
        Options {
            integration: Some(partner.id.to_string()),
            sso: self.sso,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sso_names_are_the_json_names() {
        for s in Sso::ALL {
            assert_eq!(
                serde_json::to_value(s).unwrap(),
                serde_json::Value::from(s.as_str())
            );
        }
        assert_eq!(Sso::ALL[0], Sso::default());
    }
}
