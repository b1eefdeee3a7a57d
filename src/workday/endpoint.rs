//! What a URL is, from its shape alone: a REST endpoint, a token or authorization endpoint, a
//! SOAP service, a RaaS report, a UI page. Label text never decides this: a URL with
//! `/ccx/oauth2/{tenant}/token` is a token endpoint whatever the page calls it. The kind is what
//! the path means, mistakes included (`…/ccx/oauth2/authorize` is an authorization endpoint
//! written as an API path, `…/oauth2/token` a token endpoint without `/ccx`): each mistake is a
//! [`PathProblem`], and [`Endpoint::corrected`] puts every part in its place. The tenant is read
//! wherever it was written. Shapes, mistakes and sources: `workday-notes.md`, "Hosts and URL
//! anatomy".

use crate::workday::link_wrappers;
use crate::workday::tenant::{
    workday_site, DataCenter, Environment, HostRole, Tenant, WorkdayHost,
};
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
    /// `/ccx/service/{tenant}/{Service}/v{NN.N}`, also without the version, and the bare
    /// `/ccx/service/{tenant}` (what Microsoft Entra provisioning asks for).
    Soap,
    /// `/ccx/service/customreport2/{tenant}/{owner}/{Report_Name}`, or the older `Report2`.
    Raas,
    /// `/{tenant}/d/….htmld`, `/{tenant}/login.htmld`, the login gateway
    /// `/wday/authgwy/{tenant}/…`, hubs, bare tenant roots and the like.
    Ui,
}

/// A deviation from the canonical path of the kind the URL was recognised as: the mistakes
/// people write (the notes' "Hosts and URL anatomy", "Mistakes people wrote" and "Common
/// mistakes reported by integrators"). The URL keeps the kind its path means (so the rest of its
/// analysis is useful, and the corrected URL can be computed); checks turn these into findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "problem")]
pub enum PathProblem {
    /// `/ccx/oauth/` where `/ccx/oauth2/` is meant (404).
    OauthWithoutTwo,
    /// Something after the tenant of a REST endpoint (a resource such as `/workers`).
    ResourceSuffix { suffix: String },
    /// The tenant written before `/ccx` (`/{tenant}/ccx/oauth2/token`).
    TenantBeforeCcx,
    /// No `/ccx` before the API path (`/oauth2/token`).
    NoCcx,
    /// `/ccx/services/` (plural) where `/ccx/service/` is meant.
    ServicesPlural,
    /// No tenant where the kind's path names one (`/ccx/oauth2/token`, `/ccx/api/v1`,
    /// `/ccx/service/`).
    NoTenant,
    /// The authorization endpoint written as an API path (`/ccx/oauth2/authorize`,
    /// `/oauth2/authorize`, `/{tenant}/ccx/oauth2/authorize`); Workday's is `/{tenant}/authorize`
    /// on the tenant's UI host. The API path's own mistakes (no `/ccx`, `oauth` for `oauth2`,
    /// the tenant before `/ccx`) are this one for an authorization endpoint.
    AuthorizeUnderCcx,
    /// A part of the kind's shape is missing (`part` says which, as a reader would name it:
    /// "`/token`", "the version `v1`", "the report's owner and name").
    MissingPart { part: &'static str },
    /// A RaaS URL without its owner segment (`…/customreport2/{tenant}/{Report_Name}`).
    RaasOwnerMissing,
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
    /// `None` when the host is not a Workday tenant host.
    pub host: Option<WorkdayHost>,
    /// A Workday host name written as the first segment of another host's path
    /// (`https://proxy.example/wd5.myworkday.com/acme/login.htmld`): the URL reads as Workday's
    /// while the browser connects elsewhere. Its shape is read from the rest of the path.
    pub host_in_path: Option<String>,
    /// What Workday's own site that serves no tenant this is (`Workday Community`), when it is
    /// one: such a URL has no kind and no tenant.
    pub site: Option<&'static str>,
    /// `None` when the path has no recognisable Workday shape.
    pub kind: Option<EndpointKind>,
    pub tenant: Option<Tenant>,
    pub detail: EndpointDetail,
    /// The mistakes in the path, in the order a reader meets them; empty for a canonical path.
    pub path_problems: Vec<PathProblem>,
    /// A RaaS URL's `customreport2` / `Report2` word and the owner and report segments after
    /// the tenant, as written (still percent-encoded), to rebuild the path around them.
    raas_parts: Option<(String, String)>,
}

/// Words Workday puts in a path where a tenant could stand, which are never a tenant.
const FIXED_WORDS: &[&str] = &[
    "ccx",
    "wday",
    "oauth",
    "oauth2",
    "api",
    "service",
    "services",
    "authorize",
    "token",
    "customreport2",
    "report2",
];

/// What the path says: the parts [`Endpoint`] keeps.
#[derive(Default)]
struct Anatomy {
    kind: Option<EndpointKind>,
    tenant: Option<String>,
    detail: EndpointDetail,
    problems: Vec<PathProblem>,
    raas_parts: Option<(String, String)>,
}

impl Anatomy {
    fn of(kind: EndpointKind, tenant: Option<&str>) -> Self {
        Anatomy {
            kind: Some(kind),
            tenant: tenant.map(str::to_string),
            ..Anatomy::default()
        }
    }
}

impl Endpoint {
    /// Parses with the `url` crate. `Err` carries the parser's reason.
    pub fn parse(text: &str) -> Result<Self, url::ParseError> {
        Url::parse(text).map(Self::from_url)
    }

    pub fn from_url(url: Url) -> Self {
        let host_name = url.host_str().unwrap_or_default();
        let site = workday_site(host_name);
        let host = WorkdayHost::parse(host_name);
        let raw: Vec<&str> = url
            .path_segments()
            .map(Iterator::collect)
            .unwrap_or_default();
        let decoded: Vec<Cow<str>> = raw.iter().map(|s| decode_segment(s)).collect();
        let mut segs: Vec<&str> = decoded.iter().map(Cow::as_ref).collect();
        let mut raw = raw;
        // `…/ccx/service/acme/` and `…/v35.0/?wsdl`: a trailing slash adds nothing.
        if segs.last() == Some(&"") {
            segs.pop();
            raw.pop();
        }
        // A Workday host name as the first segment of a non-Workday host's path.
        let host_in_path = (host.is_none() && site.is_none())
            .then(|| segs.first().copied())
            .flatten()
            .and_then(WorkdayHost::parse);
        if host_in_path.is_some() {
            segs.remove(0);
            raw.remove(0);
        }
        let path_host = host.as_ref().or(host_in_path.as_ref());
        // Mistaken shapes are read only where the URL claims to be Workday's (its host, or a
        // Workday host name in its path, or a host that names Workday): elsewhere `/oauth2/token`
        // is another provider's endpoint. A full `/ccx/…` or UI shape is read on any host, so a
        // lookalike of one is caught.
        let lenient =
            path_host.is_some() || link_wrappers::contains_ignore_case(host_name, "workday");
        let format = url
            .query_pairs()
            .find(|(k, _)| k == "format")
            .map(|(_, v)| v.into_owned());
        let anatomy = if site.is_some() {
            Anatomy::default()
        } else {
            anatomy(
                &segs,
                &raw,
                path_host.map(|h| h.role),
                lenient,
                format.as_deref(),
            )
        };
        Endpoint {
            url,
            host,
            host_in_path: host_in_path.map(|h| h.name),
            site,
            kind: anatomy.kind,
            tenant: anatomy.tenant.map(Tenant::new),
            detail: anatomy.detail,
            path_problems: anatomy.problems,
            raas_parts: anatomy.raas_parts,
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

    /// The URL with its path in the canonical shape of its kind, for `tenant` (the URL's own
    /// when it names one): every [`PathProblem`] undone, the parts the shape keeps (a REST or
    /// SOAP service and version, a RaaS owner and report) kept as written, on the same host.
    /// The query stays where it means something (authorize, SOAP `?wsdl`, RaaS prompts and
    /// format). `None` when the kind is unknown, no tenant is known, or a part the shape needs
    /// cannot be known (a RaaS owner).
    pub fn corrected(&self, tenant: Option<&Tenant>) -> Option<Url> {
        let t = self.tenant.as_ref().or(tenant)?.as_str();
        let d = &self.detail;
        let (path, keep_query) = match self.kind? {
            EndpointKind::Token => (format!("/ccx/oauth2/{t}/token"), false),
            EndpointKind::Authorize => (format!("/{t}/authorize"), true),
            EndpointKind::Rest => match (&d.service, &d.version) {
                (Some(service), Some(version)) => {
                    (format!("/ccx/api/{service}/{version}/{t}"), false)
                }
                _ => (format!("/ccx/api/v1/{t}"), false),
            },
            EndpointKind::Soap => {
                let mut p = format!("/ccx/service/{t}");
                for part in [&d.service, &d.version].into_iter().flatten() {
                    p.push('/');
                    p.push_str(part);
                }
                (p, true)
            }
            EndpointKind::Raas => {
                if self.path_problems.contains(&PathProblem::RaasOwnerMissing) {
                    return None;
                }
                let (word, tail) = self.raas_parts.as_ref()?;
                (format!("/ccx/service/{word}/{t}/{tail}"), true)
            }
            EndpointKind::Ui => return None,
        };
        let mut u = self.url.clone();
        u.set_path(&path);
        if !keep_query {
            u.set_query(None);
        }
        u.set_fragment(None);
        Some(u)
    }
}

/// The kind, tenant and mistakes a path shows. `role`: the role of the Workday host the URL
/// names (its own, or one in its path); `lenient`: the URL claims to be Workday's, so its
/// mistaken shapes are read too.
fn anatomy(
    segs: &[&str],
    raw: &[&str],
    role: Option<HostRole>,
    lenient: bool,
    format: Option<&str>,
) -> Anatomy {
    let mut problems = Vec::new();
    let mut at = 0;
    let mut tenant_before = None;
    // `/{tenant}/ccx/…`
    if lenient && segs.len() > 2 && segs[1].eq_ignore_ascii_case("ccx") && is_tenant_like(segs[0]) {
        tenant_before = Some(segs[0]);
        problems.push(PathProblem::TenantBeforeCcx);
        at = 1;
    }
    let ccx_path = match segs.get(at) {
        Some(s) if s.eq_ignore_ascii_case("ccx") => Some(at + 1),
        // `/oauth2/token`, `/api/v1/{tenant}`, `/service/{tenant}`: the API path without `/ccx`.
        Some(_) if lenient && tenant_before.is_none() && lacks_ccx(&segs[at..]) => {
            problems.push(PathProblem::NoCcx);
            Some(at)
        }
        _ => None,
    };
    let Some(from) = ccx_path else {
        return ui_anatomy(segs, role, lenient);
    };
    let mut a = ccx_anatomy(&segs[from..], &raw[from..], tenant_before, format);
    if a.kind.is_none() {
        return Anatomy::default();
    }
    problems.append(&mut a.problems);
    if a.kind == Some(EndpointKind::Authorize) {
        // Whatever API path it was written as, the mistake is the API path itself.
        problems.retain(|p| {
            !matches!(
                p,
                PathProblem::NoCcx | PathProblem::TenantBeforeCcx | PathProblem::OauthWithoutTwo
            )
        });
    }
    a.problems = problems;
    // Elsewhere than Workday only the full shapes count (so a lookalike of one is caught), with
    // the two slips long read there too; `/ccx/services/rest/v1/login` is another product's
    // API (Oracle Taleo's), not a Workday SOAP URL with a mistake.
    let full = a.problems.iter().all(|p| {
        matches!(
            p,
            PathProblem::OauthWithoutTwo | PathProblem::ResourceSuffix { .. }
        )
    }) && !(a.kind == Some(EndpointKind::Soap) && a.detail.service.is_none());
    if !lenient && !full {
        return Anatomy::default();
    }
    a
}

/// Whether `segs` (a path from its start) is a `/ccx` API path written without `/ccx`.
fn lacks_ccx(segs: &[&str]) -> bool {
    match segs {
        [o, next, ..] if is_oauth(o) => {
            next.starts_with("authorize") || *next == "token" || segs.get(2) == Some(&"token")
        }
        [api, v, ..] if api.eq_ignore_ascii_case("api") => {
            *v == "v1" || segs.get(2).is_some_and(|v| is_rest_version(v))
        }
        [svc, _, ..] => svc.eq_ignore_ascii_case("service") || svc.eq_ignore_ascii_case("services"),
        _ => false,
    }
}

fn is_oauth(s: &str) -> bool {
    s.eq_ignore_ascii_case("oauth2") || s.eq_ignore_ascii_case("oauth")
}

/// A RaaS path's first word: `customreport2`, or the older `Report2` (any case).
fn is_raas_word(s: &str) -> bool {
    s.eq_ignore_ascii_case("customreport2") || s.eq_ignore_ascii_case("report2")
}

/// The path after `/ccx` (`segs` and `raw` from there). `tenant_before`: a tenant written
/// before `/ccx`, which fills the tenant's place when the rest has none.
fn ccx_anatomy(
    segs: &[&str],
    raw: &[&str],
    tenant_before: Option<&str>,
    format: Option<&str>,
) -> Anatomy {
    let no_tenant = |mut a: Anatomy| {
        if a.tenant.is_none() {
            a.tenant = tenant_before.map(str::to_string);
        }
        if a.tenant.is_none() {
            a.problems.push(PathProblem::NoTenant);
        }
        a
    };
    match segs {
        [o, rest @ ..] if is_oauth(o) => {
            let mut a = match rest {
                [t, "token", ..] if is_tenant_like(t) => Anatomy::of(EndpointKind::Token, Some(t)),
                ["token", ..] => no_tenant(Anatomy::of(EndpointKind::Token, None)),
                [a, ..] if a.starts_with("authorize") => {
                    let mut a = Anatomy::of(EndpointKind::Authorize, None);
                    a.problems.push(PathProblem::AuthorizeUnderCcx);
                    no_tenant(a)
                }
                [t, a, ..] if is_tenant_like(t) && a.starts_with("authorize") => {
                    let mut a = Anatomy::of(EndpointKind::Authorize, Some(t));
                    a.problems.push(PathProblem::AuthorizeUnderCcx);
                    a
                }
                [t] if is_tenant_like(t) => {
                    let mut a = Anatomy::of(EndpointKind::Token, Some(t));
                    a.problems
                        .push(PathProblem::MissingPart { part: "`/token`" });
                    a
                }
                [] => {
                    let mut a = Anatomy::of(EndpointKind::Token, None);
                    a.problems
                        .push(PathProblem::MissingPart { part: "`/token`" });
                    no_tenant(a)
                }
                _ => return Anatomy::default(),
            };
            if o.eq_ignore_ascii_case("oauth") {
                a.problems.insert(0, PathProblem::OauthWithoutTwo);
            }
            a
        }
        [api, rest @ ..] if api.eq_ignore_ascii_case("api") => match rest {
            ["v1", t, tail @ ..] if !t.is_empty() => {
                let mut a = Anatomy::of(EndpointKind::Rest, Some(t));
                a.detail.version = Some("v1".into());
                a.problems.extend(resource_suffix(tail));
                a
            }
            [service, version, t, tail @ ..] if is_rest_version(version) && !t.is_empty() => {
                let mut a = Anatomy::of(EndpointKind::Rest, Some(t));
                a.detail.service = Some(service.to_string());
                a.detail.version = Some(version.to_string());
                a.problems.extend(resource_suffix(tail));
                a
            }
            ["v1"] | [] => {
                let mut a = Anatomy::of(EndpointKind::Rest, None);
                a.detail.version = Some("v1".into());
                no_tenant(a)
            }
            [service, version] if is_rest_version(version) => {
                let mut a = Anatomy::of(EndpointKind::Rest, None);
                a.detail.service = Some(service.to_string());
                a.detail.version = Some(version.to_string());
                no_tenant(a)
            }
            [t] if is_tenant_like(t) => {
                let mut a = Anatomy::of(EndpointKind::Rest, Some(t));
                a.problems.push(PathProblem::MissingPart {
                    part: "the version `v1`",
                });
                a
            }
            _ => Anatomy::default(),
        },
        [svc, rest @ ..]
            if svc.eq_ignore_ascii_case("service") || svc.eq_ignore_ascii_case("services") =>
        {
            let raw_rest = &raw[1..];
            let mut a = match rest {
                [word, t, owner, report, ..] if is_raas_word(word) && !t.is_empty() => {
                    let mut a = Anatomy::of(EndpointKind::Raas, Some(t));
                    a.detail.report_owner = Some(owner.replace('+', " "));
                    a.detail.report_name = Some(report.to_string());
                    a.detail.format = Some(RaasFormat::from_query(format));
                    a.raas_parts = Some((raw_rest[0].to_string(), raw_rest[2..].join("/")));
                    a
                }
                [word, t, report] if is_raas_word(word) && !t.is_empty() => {
                    let mut a = Anatomy::of(EndpointKind::Raas, Some(t));
                    a.detail.report_name = Some(report.to_string());
                    a.detail.format = Some(RaasFormat::from_query(format));
                    a.problems.push(PathProblem::RaasOwnerMissing);
                    a
                }
                [word, rest @ ..] if is_raas_word(word) => {
                    let mut a = Anatomy::of(
                        EndpointKind::Raas,
                        rest.first().copied().filter(|t| !t.is_empty()),
                    );
                    a.problems.push(PathProblem::MissingPart {
                        part: "the report's owner and name",
                    });
                    no_tenant(a)
                }
                [t, service, version, ..] if !t.is_empty() => {
                    let mut a = Anatomy::of(EndpointKind::Soap, Some(t));
                    a.detail.service = Some(service.to_string());
                    a.detail.version = Some(version.to_string());
                    a
                }
                [t, service] if !t.is_empty() => {
                    let mut a = Anatomy::of(EndpointKind::Soap, Some(t));
                    a.detail.service = Some(service.to_string());
                    a
                }
                // The bare tenant URL, what Microsoft Entra provisioning asks for.
                [t] if !t.is_empty() => Anatomy::of(EndpointKind::Soap, Some(t)),
                _ => no_tenant(Anatomy::of(EndpointKind::Soap, None)),
            };
            if svc.eq_ignore_ascii_case("services") {
                a.problems.insert(0, PathProblem::ServicesPlural);
            }
            a
        }
        _ => Anatomy::default(),
    }
}

/// A path that is not under `/ccx`: the login gateway, the authorization endpoint, a UI page.
fn ui_anatomy(segs: &[&str], role: Option<HostRole>, lenient: bool) -> Anatomy {
    match segs {
        // The login gateway `/wday/authgwy/{tenant}/login.htmld`.
        [wday, gateway, t, ..]
            if wday.eq_ignore_ascii_case("wday")
                && gateway.eq_ignore_ascii_case("authgwy")
                && is_tenant_like(t) =>
        {
            Anatomy::of(EndpointKind::Ui, Some(t))
        }
        // `authorize&redirect=n` (a malformed switch) is still the authorization endpoint.
        [t, last, ..] if is_tenant_like(t) && last.starts_with("authorize") => {
            Anatomy::of(EndpointKind::Authorize, Some(t))
        }
        [t, next, ..] if is_tenant_like(t) && is_ui_segment(next) => {
            Anatomy::of(EndpointKind::Ui, Some(t))
        }
        // On a Workday host that serves the UI, the first segment is the tenant whatever
        // follows (`/{tenant}/generic-hub/…`, `/{tenant}/inst/…`, `/{tenant}/home.html`, a bare
        // tenant root), and a host with no path is the UI's root.
        _ if lenient && role != Some(HostRole::Services) => match segs {
            [t, ..] if is_tenant_like(t) => Anatomy::of(EndpointKind::Ui, Some(t)),
            [] => Anatomy::of(EndpointKind::Ui, None),
            _ => Anatomy::default(),
        },
        _ => Anatomy::default(),
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
    !s.is_empty()
        && !s.contains(['.', '$', '?', '#', '='])
        && !FIXED_WORDS.iter().any(|w| s.eq_ignore_ascii_case(w))
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
        assert!(e.path_problems.is_empty());

        let e = ep("https://wd3-impl-services1.workday.com/ccx/oauth2/acme/token");
        assert_eq!(e.kind, Some(EndpointKind::Token));

        let e = ep("https://wd3-impl-services1.workday.com/ccx/oauth/acme/token");
        assert_eq!(e.kind, Some(EndpointKind::Token));
        assert_eq!(e.path_problems, vec![PathProblem::OauthWithoutTwo]);

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
            e.path_problems.as_slice(),
            [PathProblem::ResourceSuffix { .. }]
        ));
    }

    fn kind_tenant(s: &str) -> (Option<EndpointKind>, Option<String>, Vec<PathProblem>) {
        let e = ep(s);
        (
            e.kind,
            e.tenant.map(|t| t.as_str().to_string()),
            e.path_problems,
        )
    }

    #[test]
    fn the_tenant_is_read_from_every_ui_shape() {
        for (url, tenant) in [
            (
                "https://wd3.myworkday.com/wday/authgwy/acme/login.htmld?redirect=n",
                "acme",
            ),
            (
                "https://www.myworkday.com/wday/authgwy/acme/login-saml2.htmld",
                "acme",
            ),
            (
                "https://acme.myworkday.com/wday/authgwy/acme/login.htmld",
                "acme",
            ),
            (
                "https://www.myworkday.com/acme/generic-hub/task/2998$30300.htmld",
                "acme",
            ),
            (
                "https://wd10.myworkday.com/acme/inst/1$15194/15194$48213.htmld",
                "acme",
            ),
            ("https://wd3-impl.workday.com/acme/home.html", "acme"),
            ("https://impl.workday.com/acme_pt1", "acme_pt1"),
            ("https://impl.workday.com/acme/login-saml2.html", "acme"),
        ] {
            assert_eq!(
                kind_tenant(url),
                (Some(EndpointKind::Ui), Some(tenant.to_string()), vec![]),
                "{url}"
            );
        }
        // A host with no path is the UI's root; a services host's root is no UI page.
        assert_eq!(
            kind_tenant("https://acme.workday.com").0,
            Some(EndpointKind::Ui)
        );
        assert_eq!(kind_tenant("https://wd5-services1.myworkday.com/").0, None);
        // Elsewhere only a UI page's own shape counts.
        assert_eq!(kind_tenant("https://example.com/acme").0, None);
        assert_eq!(
            kind_tenant("https://example.com/acme/d/home.htmld").0,
            Some(EndpointKind::Ui)
        );
    }

    #[test]
    fn the_kind_follows_what_the_path_means_mistakes_included() {
        use EndpointKind::*;
        use PathProblem::*;
        let cases: &[(&str, EndpointKind, Option<&str>, Vec<PathProblem>)] = &[
            ("https://wd2-impl-services1.workday.com/ccx/oauth2/authorize", Authorize, None, vec![AuthorizeUnderCcx, NoTenant]),
            ("https://wd5-impl-services1.workday.com/ccx/oauth/authorize", Authorize, None, vec![AuthorizeUnderCcx, NoTenant]),
            ("https://x-services1.wd101.myworkday.com/oauth2/authorize", Authorize, None, vec![AuthorizeUnderCcx, NoTenant]),
            ("https://x-services1.wd101.myworkday.com/oauth2/token", Token, None, vec![NoCcx, NoTenant]),
            ("https://services1.myworkday.com/acme/ccx/oauth2/authorize?x=1", Authorize, Some("acme"), vec![AuthorizeUnderCcx]),
            ("https://wd5.myworkday.com/acme/ccx/oauth2/token", Token, Some("acme"), vec![TenantBeforeCcx]),
            ("https://wd2-impl.workday.com/ccx/oauth2/token", Token, None, vec![NoTenant]),
            ("https://wd5-services1.myworkday.com/ccx/oauth2/acme", Token, Some("acme"), vec![MissingPart { part: "`/token`" }]),
            ("https://wd5-services1.myworkday.com/ccx/api/v1", Rest, None, vec![NoTenant]),
            ("https://wd5-services1.myworkday.com/api/v1/acme", Rest, Some("acme"), vec![NoCcx]),
            ("https://wd3-impl-services1.workday.com/ccx/service/acme", Soap, Some("acme"), vec![]),
            ("https://wd3-impl-services1.workday.com/ccx/service/acme/", Soap, Some("acme"), vec![]),
            ("https://wd3-impl-services1.workday.com/ccx/service/", Soap, None, vec![NoTenant]),
            ("https://wd3-impl-services1.workday.com/ccx/services/acme/Human_Resources/v40.0", Soap, Some("acme"), vec![ServicesPlural]),
            ("https://wd5-services1.myworkday.com/ccx/service/Report2/acme/k.lee@acme.example/Groups", Raas, Some("acme"), vec![]),
            ("https://wd5-services1.myworkday.com/ccx/service/customreport2/acme/GPT_RAAS", Raas, Some("acme"), vec![RaasOwnerMissing]),
        ];
        for (url, kind, tenant, problems) in cases {
            assert_eq!(
                kind_tenant(url),
                (Some(*kind), tenant.map(str::to_string), problems.clone()),
                "{url}"
            );
        }
        // Another provider's OAuth paths are not Workday's mistakes.
        for url in [
            "https://login.microsoftonline.com/common/oauth2/token",
            "https://example.com/oauth2/authorize",
            "https://example.com/oauth/authorize",
            "https://example.com/api/v1/users",
            "https://example.com/acme/ccx/oauth2/token",
            "https://example.com/ccx/oauth2/token",
            "https://acme.taleo.net/ccx/services/rest/v1/login",
            "https://example.com/ccx/service/acme",
        ] {
            assert_eq!(kind_tenant(url).0, None, "{url}");
        }
    }

    #[test]
    fn corrected_urls_put_every_part_in_its_place() {
        let acme = Tenant::new("acme");
        for (url, tenant, fixed) in [
            ("https://services1.myworkday.com/acme/ccx/oauth2/authorize?client_id=x", None, Some("https://services1.myworkday.com/acme/authorize?client_id=x")),
            ("https://wd2-impl.workday.com/ccx/oauth2/token", Some(&acme), Some("https://wd2-impl.workday.com/ccx/oauth2/acme/token")),
            ("https://wd2-impl.workday.com/ccx/oauth2/token", None, None),
            ("https://x-services1.wd101.myworkday.com/oauth2/token", Some(&acme), Some("https://x-services1.wd101.myworkday.com/ccx/oauth2/acme/token")),
            ("https://wd5.myworkday.com/ccx/services/acme/Human_Resources/v40.0?wsdl", None, Some("https://wd5.myworkday.com/ccx/service/acme/Human_Resources/v40.0?wsdl")),
            ("https://wd5.myworkday.com/ccx/services/customreport2/acme/ISU+Reports/Users?format=json", None, Some("https://wd5.myworkday.com/ccx/service/customreport2/acme/ISU+Reports/Users?format=json")),
            ("https://wd5.myworkday.com/ccx/service/customreport2/acme/Users", None, None),
            ("https://wd2-impl-services1.workday.com/ccx/api/staffing/v6/acme/workers?limit=1", None, Some("https://wd2-impl-services1.workday.com/ccx/api/staffing/v6/acme")),
        ] {
            assert_eq!(
                ep(url).corrected(tenant).map(|u| u.to_string()).as_deref(),
                fixed,
                "{url}"
            );
        }
    }

    #[test]
    fn a_workday_host_in_another_host_s_path_is_read_as_the_shape_it_shows() {
        let e =
            ep("https://sso-check.example.net/wd5-services1.myworkday.com/ccx/oauth2/dingo/token");
        assert_eq!(e.host, None);
        assert_eq!(
            e.host_in_path.as_deref(),
            Some("wd5-services1.myworkday.com")
        );
        assert_eq!(e.kind, Some(EndpointKind::Token));
        assert_eq!(e.tenant.as_ref().map(Tenant::as_str), Some("dingo"));
        let e = ep("https://login.auth-proxy.example/wd5.myworkday.com/dingo/login.htmld");
        assert_eq!(
            (e.kind, e.tenant.map(|t| t.to_string())),
            (Some(EndpointKind::Ui), Some("dingo".into()))
        );
    }

    #[test]
    fn workday_s_own_sites_have_no_shape() {
        for url in [
            "https://community.workday.com/sites/default/files/file-hosting/productionapi/Human_Resources/v21.1/Get_Workers.html",
            "http://www.workday.com",
            "https://dingo.wd5.myworkdayjobs.com/wday/cxs/dingo/External/jobs",
        ] {
            let e = ep(url);
            assert!(e.site.is_some() && e.kind.is_none() && e.tenant.is_none(), "{url}");
        }
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
