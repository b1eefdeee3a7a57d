//! A captured or pasted connection parameter: its [`ParamKind`], its value (secrets wrapped in
//! [`Secret`]), where it came from, and, for URLs, everything the URL says.

use crate::model::page_id::PageId;
use crate::model::secret::Secret;
use crate::workday::endpoint::{Endpoint, EndpointKind};
use crate::workday::tenant::Tenant;
use serde::{Deserialize, Serialize};

/// Declares [`ParamKind`] from the list in `lists/param_kinds.rs`.
macro_rules! declare_param_kinds {
    ($($id:ident => $variant:ident {
        title: $title:literal, secret: $secret:literal, url: $url:literal $(,)?
    },)*) => {
        /// What a value is. The snake_case names are part of the CLI's JSON contract.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
        #[serde(rename_all = "snake_case")]
        pub enum ParamKind {
            $($variant,)*
        }

        impl ParamKind {
            pub const ALL: &'static [ParamKind] = &[$(ParamKind::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(ParamKind::$variant => stringify!($id),)*
                }
            }

            /// A name a person reads ("Token Endpoint").
            pub fn title(self) -> &'static str {
                match self {
                    $(ParamKind::$variant => $title,)*
                }
            }

            /// Kept in a [`Secret`]: never printed unless revealed.
            pub fn is_secret(self) -> bool {
                match self {
                    $(ParamKind::$variant => $secret,)*
                }
            }

            pub fn is_url(self) -> bool {
                match self {
                    $(ParamKind::$variant => $url,)*
                }
            }
        }
    };
}

include!("lists/param_kinds.rs");
param_kinds!(declare_param_kinds);

impl ParamKind {
    /// The kinds that belong to one API client (its ID, its secret, its refresh tokens): a
    /// connection uses them together, and two clients' values never pair.
    pub const CLIENT_SCOPED: &'static [ParamKind] = &[
        ParamKind::ClientId,
        ParamKind::ClientSecret,
        ParamKind::RefreshToken,
    ];

    pub fn is_client_scoped(self) -> bool {
        ParamKind::CLIENT_SCOPED.contains(&self)
    }

    /// The OAuth error Workday's token endpoint answers when a client secret or refresh token
    /// is not the one the client ID's API client holds (RFC 6749 §5.2: a client that fails to
    /// authenticate is `invalid_client`, a grant that is not valid `invalid_grant`).
    pub fn mismatch_error(self) -> Option<&'static str> {
        match self {
            ParamKind::ClientSecret => Some("invalid_client"),
            ParamKind::RefreshToken => Some("invalid_grant"),
            _ => None,
        }
    }

    /// The parameter kind a URL's shape makes it.
    pub fn for_endpoint(kind: EndpointKind) -> ParamKind {
        match kind {
            EndpointKind::Rest => ParamKind::RestEndpoint,
            EndpointKind::Token => ParamKind::TokenEndpoint,
            EndpointKind::Authorize => ParamKind::AuthorizationEndpoint,
            EndpointKind::Soap => ParamKind::SoapEndpoint,
            EndpointKind::Raas => ParamKind::RaasUrl,
            EndpointKind::Ui => ParamKind::UiUrl,
        }
    }
}

impl std::fmt::Display for ParamKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A parameter's value. Secrets never print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParamValue {
    Plain(String),
    Secret(Secret),
}

impl ParamValue {
    pub fn for_kind(kind: ParamKind, value: impl Into<String>) -> Self {
        if kind.is_secret() {
            ParamValue::Secret(Secret::new(value))
        } else {
            ParamValue::Plain(value.into())
        }
    }

    /// The raw value, for checks that must look at it. Checks never put a secret's raw value
    /// into a message.
    pub fn raw(&self) -> &str {
        match self {
            ParamValue::Plain(s) => s,
            ParamValue::Secret(s) => s.expose(),
        }
    }

    pub fn is_secret(&self) -> bool {
        matches!(self, ParamValue::Secret(_))
    }
}

/// Where a parameter came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Source {
    /// The Workday page it was captured on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub page: Option<PageId>,
    /// The label it was shown under (or found near, in pasted text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub label: Option<String>,
    /// 1-based line in pasted text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub line: Option<usize>,
    /// Index of the snapshot node holding the value (the extension marks it on the page).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub node: Option<usize>,
    /// In pasted text, the white space the value's line ended with right after the value
    /// (`" "`, `"\t"`): a copy of the value may carry it (`line-end-whitespace`). Added to the
    /// contract.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub line_end_white_space: Option<String>,
}

/// One parameter.
#[derive(Debug, Clone)]
pub struct Param {
    pub kind: ParamKind,
    pub value: ParamValue,
    /// A name that goes with the value: the API client's name for a client ID, the
    /// organisation's name for an org ID, the Workday account for a refresh token.
    pub name: Option<String>,
    /// The API client the value belongs to (client IDs, secrets, refresh tokens), when the page
    /// or the text says which: the link that keeps one client's values together.
    pub client: Option<String>,
    /// The tenant, for values that do not carry it themselves (a client ID captured on a page
    /// of tenant `acme`).
    pub context_tenant: Option<Tenant>,
    pub source: Source,
    /// Set when the kind was inferred from weak evidence and another kind was as likely.
    pub ambiguous_with: Vec<ParamKind>,
    /// Parsed URL, for URL kinds (`None` when the value does not parse as a URL).
    pub endpoint: Option<Endpoint>,
}

impl Param {
    pub fn new(kind: ParamKind, value: impl Into<String>) -> Self {
        let value: String = value.into();
        let endpoint = if kind.is_url() {
            // A link rewritten by a mail system's link protection describes the address inside.
            Endpoint::parse(&crate::workday::link_wrappers::unwrapped(value.trim())).ok()
        } else {
            None
        };
        Param {
            kind,
            value: ParamValue::for_kind(kind, value),
            name: None,
            client: None,
            context_tenant: None,
            source: Source::default(),
            ambiguous_with: Vec::new(),
            endpoint,
        }
    }

    pub fn with_source(mut self, source: Source) -> Self {
        self.source = source;
        self
    }

    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// The API client the value belongs to (a blank name is no client).
    pub fn with_client(mut self, client: Option<impl Into<String>>) -> Self {
        self.client = client
            .map(Into::into)
            .filter(|c: &String| !c.trim().is_empty());
        self
    }

    pub fn with_context_tenant(mut self, tenant: Option<Tenant>) -> Self {
        self.context_tenant = tenant;
        self
    }

    /// The tenant: from the URL for URL kinds, else from the page it was captured on.
    pub fn tenant(&self) -> Option<&Tenant> {
        self.endpoint
            .as_ref()
            .and_then(|e| e.tenant.as_ref())
            .or(self.context_tenant.as_ref())
    }

    pub fn raw(&self) -> &str {
        self.value.raw()
    }
}

/// The input form of a parameter (what the extension stores and hands back for re-checking):
/// only what cannot be derived.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct ParamInput {
    pub kind: ParamKind,
    pub value: String,
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub name: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub tenant: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "typescript", ts(as = "Option<Source>", optional))]
    pub source: Source,
    /// The API client the value belongs to (added to the contract).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional = nullable))]
    pub client: Option<String>,
}

impl From<ParamInput> for Param {
    fn from(i: ParamInput) -> Self {
        let mut p = Param::new(i.kind, i.value)
            .with_source(i.source)
            .with_client(i.client);
        p.name = i.name;
        if p.endpoint
            .as_ref()
            .and_then(|e| e.tenant.as_ref())
            .is_none()
        {
            p.context_tenant = i.tenant.map(Tenant::new);
        }
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_s_id_is_its_json_name() {
        for k in ParamKind::ALL {
            assert_eq!(
                serde_json::to_value(k).unwrap(),
                serde_json::Value::from(k.as_str())
            );
        }
    }
}
