//! What a URL is, from its shape alone: a REST endpoint, a token or authorization endpoint, a
//! SOAP service, a RaaS report, a UI page. Label text never decides this: a URL with
//! `/ccx/oauth2/{tenant}/token` is a token endpoint whatever the page calls it. Shapes and
//! sources: `workday-notes.md`, "Hosts and URL anatomy".

use crate::workday::tenant::{DataCenter, Environment, Tenant, WorkdayHost};
use serde::Serialize;
use std::borrow::Cow;
use url::Url;

/// The kind of a Workday URL, decided by its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EndpointKind {
    /// `/ccx/api/v1/{tenant}` ("Workday REST API Endpoint") or `/ccx/api/{service}/v{N}/{tenant}`.
    Rest,
    /// `/ccx/oauth2/{tenant}/token`.
    Token,
    /// `/{tenant}/authorize`, on the UI host.
    Authorize,
    /// `/ccx/service/{tenant}/{Service}/v{NN.N}`.
    Soap,
    /// `/ccx/service/customreport2/{tenant}/{owner}/{Report_Name}`.
    Raas,
    /// `/{tenant}/d/….htmld`, `/{tenant}/login.htmld` and the like.
    Ui,
}

/// A deviation from the canonical path of the kind the URL was recognised as. The URL is still
/// classified (so the rest of its analysis is useful); checks turn these into findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "problem")]
pub enum PathProblem {
    /// `/ccx/oauth/` where `/ccx/oauth2/` is meant.
    OauthWithoutTwo,
    /// Something after the tenant of a REST endpoint (a resource such as `/workers`).
    ResourceSuffix { suffix: String },
}

/// RaaS output formats listed on a report's View URLs page (the notes' "Hosts and URL anatomy").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum RaasFormat {
    /// No `format` parameter: Workday XML, the default.
    WorkdayXml,
    Json,
    Csv,
    SimpleXml,
    Rss,
    Gdata,
    Other(String),
}

impl RaasFormat {
    fn from_query(value: Option<&str>) -> Self {
        match value.map(str::to_ascii_lowercase).as_deref() {
            None | Some("") | Some("workdayxml") => RaasFormat::WorkdayXml,
            Some("json") => RaasFormat::Json,
            Some("csv") => RaasFormat::Csv,
            Some("simplexml") => RaasFormat::SimpleXml,
            Some("rss") => RaasFormat::Rss,
            Some("gdata") => RaasFormat::Gdata,
            Some(other) => RaasFormat::Other(other.to_string()),
        }
    }
}

/// The parts of a URL's path that matter beyond its kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct EndpointDetail {
    /// SOAP service name (`Learning`) or REST service (`staffing`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub service: Option<String>,
    /// SOAP version (`v39.2`) or REST version (`v1`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub version: Option<String>,
    /// RaaS report owner, decoded (`ISU Job Requisition`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub report_owner: Option<String>,
    /// RaaS report name.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub report_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub format: Option<RaasFormat>,
}

/// A parsed URL with everything derived from it.
#[derive(Debug, Clone)]
pub struct Endpoint {
    pub url: Url,
    /// `None` when the host is not a Workday host.
    pub host: Option<WorkdayHost>,
    /// `None` when the path has no recognisable Workday shape.
    pub kind: Option<EndpointKind>,
    pub tenant: Option<Tenant>,
    pub detail: EndpointDetail,
    pub path_problem: Option<PathProblem>,
}

impl Endpoint {
    /// Parses with the `url` crate. `Err` carries the parser's reason.
    pub fn parse(text: &str) -> Result<Self, url::ParseError> {
        Url::parse(text).map(Self::from_url)
    }

    pub fn from_url(url: Url) -> Self {
        let host = url.host_str().and_then(WorkdayHost::parse);
        let segments: Vec<Cow<str>> = url
            .path_segments()
            .map(|s| s.map(decode_segment).collect())
            .unwrap_or_default();
        let segs: Vec<&str> = segments.iter().map(Cow::as_ref).collect();
        let format = url
            .query_pairs()
            .find(|(k, _)| k == "format")
            .map(|(_, v)| v.into_owned());
        let mut detail = EndpointDetail::default();
        let mut path_problem = None;
        let (kind, tenant) = match segs.as_slice() {
            ["ccx", oauth @ ("oauth2" | "oauth"), tenant, "token", ..] if !tenant.is_empty() => {
                if *oauth == "oauth" {
                    path_problem = Some(PathProblem::OauthWithoutTwo);
                }
                (Some(EndpointKind::Token), Some(*tenant))
            }
            ["ccx", "api", "v1", tenant, rest @ ..] if !tenant.is_empty() => {
                detail.version = Some("v1".into());
                path_problem = resource_suffix(rest);
                (Some(EndpointKind::Rest), Some(*tenant))
            }
            ["ccx", "api", service, version, tenant, rest @ ..]
                if is_rest_version(version) && !tenant.is_empty() =>
            {
                detail.service = Some(service.to_string());
                detail.version = Some(version.to_string());
                path_problem = resource_suffix(rest);
                (Some(EndpointKind::Rest), Some(*tenant))
            }
            ["ccx", "service", "customreport2", tenant, owner, report, ..]
                if !tenant.is_empty() =>
            {
                detail.report_owner = Some(owner.replace('+', " "));
                detail.report_name = Some(report.to_string());
                detail.format = Some(RaasFormat::from_query(format.as_deref()));
                (Some(EndpointKind::Raas), Some(*tenant))
            }
            ["ccx", "service", tenant, service, version, ..]
                if !tenant.is_empty() && *tenant != "customreport2" =>
            {
                detail.service = Some(service.to_string());
                detail.version = Some(version.to_string());
                (Some(EndpointKind::Soap), Some(*tenant))
            }
            ["ccx", "service", tenant, service] if !tenant.is_empty() => {
                detail.service = Some(service.to_string());
                (Some(EndpointKind::Soap), Some(*tenant))
            }
            // `authorize&redirect=n` (a malformed switch) is still the authorization endpoint.
            [tenant, last, ..] if is_tenant_like(tenant) && last.starts_with("authorize") => {
                (Some(EndpointKind::Authorize), Some(*tenant))
            }
            [tenant, next, ..] if is_tenant_like(tenant) && is_ui_segment(next) => {
                (Some(EndpointKind::Ui), Some(*tenant))
            }
            _ => (None, None),
        };
        // A non-Workday host keeps its shape and tenant, so a check can say what the URL looks
        // like it was meant to be.
        let tenant = tenant.map(Tenant::new);
        Endpoint {
            url,
            host,
            kind,
            tenant,
            detail,
            path_problem,
        }
    }

    pub fn data_center(&self) -> Option<&DataCenter> {
        self.host.as_ref().and_then(|h| h.data_center.as_ref())
    }

    /// The environment from the host, refined by the tenant name (`_Preview`).
    pub fn environment(&self) -> Option<Environment> {
        let host_env = self.host.as_ref().map(|h| h.environment)?;
        Some(
            self.tenant
                .as_ref()
                .and_then(Tenant::environment_hint)
                .unwrap_or(host_env),
        )
    }

    pub fn is_workday(&self) -> bool {
        self.host.is_some()
    }
}

fn decode_segment(s: &str) -> Cow<'_, str> {
    // Read as the value of a form field (`x=<segment>`): it ends at the first `&`, and the
    // segment is borrowed as it is when it holds nothing to decode (most do).
    let value = &s[..s.find('&').unwrap_or(s.len())];
    if !value.contains(['+', '%']) {
        return Cow::Borrowed(value);
    }
    // Percent-decoding by hand would duplicate the url crate; `form_urlencoded` (re-exported
    // by url) decodes `+` too, which is exactly what RaaS owner segments need.
    let query = format!("x={s}");
    url::form_urlencoded::parse(query.as_bytes())
        .next()
        .map(|(_, v)| Cow::Owned(v.into_owned()))
        .unwrap_or(Cow::Borrowed(s))
}

fn resource_suffix(rest: &[&str]) -> Option<PathProblem> {
    let rest: Vec<&str> = rest.iter().copied().filter(|s| !s.is_empty()).collect();
    if rest.is_empty() {
        None
    } else {
        Some(PathProblem::ResourceSuffix {
            suffix: rest.join("/"),
        })
    }
}

fn is_rest_version(s: &str) -> bool {
    s.strip_prefix('v')
        .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
}

fn is_tenant_like(s: &str) -> bool {
    !s.is_empty() && s != "ccx" && !s.contains('.')
}

fn is_ui_segment(s: &str) -> bool {
    s == "d" || s.ends_with(".htmld") || s.ends_with(".flex")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ep(s: &str) -> Endpoint {
        Endpoint::parse(s).unwrap()
    }

    #[test]
    fn classifies_every_shape_in_the_notes() {
        let e = ep("https://wd3-impl-services1.workday.com/ccx/api/v1/acme");
        assert_eq!(e.kind, Some(EndpointKind::Rest));
        assert_eq!(e.tenant.as_ref().map(Tenant::as_str), Some("acme"));
        assert_eq!(e.path_problem, None);

        let e = ep("https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token");
        assert_eq!(e.kind, Some(EndpointKind::Token));

        let e = ep("https://wd3-impl-services1.workday.com/ccx/oauth/acme/token");
        assert_eq!(e.kind, Some(EndpointKind::Token));
        assert_eq!(e.path_problem, Some(PathProblem::OauthWithoutTwo));

        let e = ep("https://impl.workday.com/acme/authorize");
        assert_eq!(e.kind, Some(EndpointKind::Authorize));

        let e = ep("https://wd3.myworkday.com/ccx/service/yourorg/Learning/v39.2");
        assert_eq!(e.kind, Some(EndpointKind::Soap));
        assert_eq!(e.detail.service.as_deref(), Some("Learning"));
        assert_eq!(e.detail.version.as_deref(), Some("v39.2"));

        let e = ep("https://wd5-services1.myworkday.com/ccx/service/customreport2/acme/ISU+Job+Requisition/Users?format=json");
        assert_eq!(e.kind, Some(EndpointKind::Raas));
        assert_eq!(
            e.detail.report_owner.as_deref(),
            Some("ISU Job Requisition")
        );
        assert_eq!(e.detail.format, Some(RaasFormat::Json));

        let e = ep("https://wd5.myworkday.com/acme/d/task/2997$2151.htmld");
        assert_eq!(e.kind, Some(EndpointKind::Ui));

        let e = ep("https://wd5.myworkday.com/acme/login.htmld?redirect=n");
        assert_eq!(e.kind, Some(EndpointKind::Ui));

        let e = ep("https://wd2-impl-services1.workday.com/ccx/api/staffing/v6/acme/workers");
        assert_eq!(e.kind, Some(EndpointKind::Rest));
        assert!(matches!(
            e.path_problem,
            Some(PathProblem::ResourceSuffix { .. })
        ));
    }

    #[test]
    fn segments_decode_as_form_values() {
        for (segment, decoded) in [
            ("acme", "acme"),
            ("ISU+Job+Requisition", "ISU Job Requisition"),
            ("ISU%20Users", "ISU Users"),
            ("authorize&redirect=n", "authorize"),
            ("a=b", "a=b"),
            ("caf%C3%A9+x&y", "café x"),
            ("%FF", "\u{FFFD}"),
            ("", ""),
        ] {
            assert_eq!(decode_segment(segment), decoded, "{segment}");
        }
    }

    #[test]
    fn preview_tenant_overrides_host_environment() {
        let e = ep("https://wd3-impl-services1.workday.com/ccx/api/v1/acme_Preview");
        assert_eq!(e.environment(), Some(Environment::Preview));
    }
}
