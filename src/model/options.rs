//! What the caller knows beyond the values: the partner being set up, whether the tenant uses
//! SAML single sign-on.

use crate::model::partner::{self, Partner};
use serde::{Deserialize, Serialize};

/// Whether the tenant uses SAML single sign-on (decides the `redirect=n` checks).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sso {
    #[default]
    Unknown,
    Yes,
    No,
}

/// What the caller knows beyond the values: the partner being set up, whether SSO is on.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    pub integration: Option<String>,
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
