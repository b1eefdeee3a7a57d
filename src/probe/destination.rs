//! Where the live test may send the tenant's secrets: only to the services host of the tenant's
//! own data center and environment, derived from the UI host its pages were read on, over
//! `https` on the default port, to paths whose tenant is the tenant's own. Before anything is
//! sent, every URL the probes would use is held to that ([`preflight`]); one that is not makes
//! the whole test refuse to run, each reason with its fix. [`Home::check`] is applied again to
//! every request as it goes out.
//!
//! Host shapes: `workday-notes.md`, "Hosts and URL anatomy" (`crate::workday::tenant_host`).
//! Workday's internal development domain is never a destination: it is not a customer tenant's.

use super::LiveFinding;
use crate::model::param::{Param, ParamKind};
use crate::model::severity::Severity;
use crate::workday::endpoint::Endpoint;
use crate::workday::tenant::{Tenant, WorkdayHost};
use crate::workday::tenant_host::{is_tenant_host, same_services_host, services_host_of};
use url::Url;

/// Workday's internal development domain (the notes' "Hosts and URL anatomy", "Domains seen"):
/// no customer tenant lives there, so no secret goes there.
const INTERNAL_DOMAIN: &str = "workdaysuv.com";

/// What the record the values come from knows of its tenant: its name and the UI host its pages
/// were read on. The caller (the extension's worker) passes both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub tenant: Tenant,
    pub ui_host: String,
}

/// The tenant's own API: its name and its services host, derived from its UI host.
#[derive(Debug, Clone)]
pub(crate) struct Home {
    tenant: Tenant,
    ui: WorkdayHost,
    services_host: String,
}

/// Why a URL is not the tenant's own API (or why the tenant's own API is unknown).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum HostProblem {
    /// The caller did not say which tenant and UI host the values belong to.
    NoOrigin,
    /// The record's UI host is not a tenant UI host of Workday's.
    OriginNotTenantHost(String),
    /// The record's UI host has no services host the notes' pattern gives.
    NoServicesHost(String),
    NotHttps(String),
    Port(u16),
    Credentials,
    NotWorkday(String),
    InternalDomain(String),
    NotTenantHost(String),
    UiHost(String),
    DataCenter {
        host: String,
        found: String,
        expected: String,
    },
    Environment {
        host: String,
        found: String,
        expected: String,
    },
    OtherHost(String),
    NoTenant,
    Tenant(String),
}

impl Home {
    /// The tenant's own API for `origin`, or why it cannot be known.
    pub(crate) fn of(origin: Option<&Origin>) -> Result<Home, HostProblem> {
        let origin = origin.ok_or(HostProblem::NoOrigin)?;
        let name = origin.ui_host.trim().to_ascii_lowercase();
        let ui = WorkdayHost::parse(&name)
            .filter(|h| h.domain != INTERNAL_DOMAIN && is_tenant_host(h))
            .ok_or_else(|| HostProblem::OriginNotTenantHost(name.clone()))?;
        if ui.role != crate::workday::tenant::HostRole::Ui {
            return Err(HostProblem::OriginNotTenantHost(name));
        }
        let services_host = services_host_of(&ui).ok_or(HostProblem::NoServicesHost(name))?;
        Ok(Home {
            tenant: origin.tenant.clone(),
            ui,
            services_host,
        })
    }

    pub(crate) fn services_host(&self) -> &str {
        &self.services_host
    }

    /// Whether a request to `url` may carry the tenant's secrets.
    pub(crate) fn check(&self, url: &Url) -> Result<(), HostProblem> {
        if url.scheme() != "https" {
            return Err(HostProblem::NotHttps(url.scheme().to_string()));
        }
        if let Some(port) = url.port() {
            return Err(HostProblem::Port(port));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(HostProblem::Credentials);
        }
        let name = url.host_str().unwrap_or_default();
        if crate::workday::tenant::workday_site(name).is_some() {
            // Workday's own sites (its website, Community, documentation) do not parse as
            // Workday hosts, yet they are Workday's: say what they are.
            return Err(HostProblem::NotTenantHost(name.into()));
        }
        let host = WorkdayHost::parse(name).ok_or_else(|| HostProblem::NotWorkday(name.into()))?;
        if host.domain == INTERNAL_DOMAIN {
            return Err(HostProblem::InternalDomain(name.into()));
        }
        if !is_tenant_host(&host) {
            return Err(HostProblem::NotTenantHost(name.into()));
        }
        if host.role == crate::workday::tenant::HostRole::Ui {
            return Err(HostProblem::UiHost(name.into()));
        }
        if !same_services_host(&self.services_host, name) {
            let label = |h: &WorkdayHost| h.data_center.as_ref().map(|d| d.to_string());
            return Err(match (label(&host), label(&self.ui)) {
                (found, expected) if found != expected => HostProblem::DataCenter {
                    host: name.into(),
                    found: found.unwrap_or_else(|| "none named".into()),
                    expected: expected.unwrap_or_else(|| "none named".into()),
                },
                _ if host.environment != self.ui.environment => HostProblem::Environment {
                    host: name.into(),
                    found: host.environment.to_string(),
                    expected: self.ui.environment.to_string(),
                },
                _ => HostProblem::OtherHost(name.into()),
            });
        }
        match Endpoint::from_url(url.clone()).tenant {
            None => Err(HostProblem::NoTenant),
            Some(t) if t != self.tenant => Err(HostProblem::Tenant(t.to_string())),
            Some(_) => Ok(()),
        }
    }
}

/// The URL kinds the probes call, in the order they run.
const PROBED: [ParamKind; 4] = [
    ParamKind::TokenEndpoint,
    ParamKind::RestEndpoint,
    ParamKind::RaasUrl,
    ParamKind::SoapEndpoint,
];

/// The URLs the probes would use: the first value of each probed kind, when it is a URL (a
/// probe whose first value is not one is skipped, and sends nothing).
fn used(params: &[Param]) -> Vec<&Param> {
    PROBED
        .iter()
        .filter_map(|k| params.iter().find(|p| p.kind == *k))
        .filter(|p| p.endpoint.is_some())
        .collect()
}

/// The tenant's own API, or everything that stops the test from running: the tenant's own API
/// unknown, or a URL the probes would use that is not on it.
pub(crate) fn preflight(
    origin: Option<&Origin>,
    params: &[Param],
) -> Result<Home, Vec<LiveFinding>> {
    let home = Home::of(origin).map_err(|problem| vec![finding(None, &problem, origin, None)])?;
    let refused: Vec<LiveFinding> = used(params)
        .into_iter()
        .filter_map(|p| {
            let e = p.endpoint.as_ref()?;
            home.check(&e.url)
                .err()
                .map(|problem| finding(Some(p.kind), &problem, origin, Some(&home)))
        })
        .collect();
    if refused.is_empty() {
        Ok(home)
    } else {
        Err(refused)
    }
}

/// The hosts a test that may run will call: the tenant's services host, as the URLs name it.
pub(crate) fn hosts(params: &[Param]) -> Vec<String> {
    let mut hosts: Vec<String> = used(params)
        .into_iter()
        .filter_map(|p| p.endpoint.as_ref()?.url.host_str().map(str::to_string))
        .collect();
    hosts.dedup();
    hosts.sort();
    hosts.dedup();
    hosts
}

/// The finding for `problem` with a URL of kind `kind` (none: the tenant's own API is unknown).
pub(crate) fn finding(
    kind: Option<ParamKind>,
    problem: &HostProblem,
    origin: Option<&Origin>,
    home: Option<&Home>,
) -> LiveFinding {
    let what = kind.map(ParamKind::title).unwrap_or("The URL");
    let tenant = origin.map(|o| o.tenant.to_string()).unwrap_or_default();
    let services = home.map(Home::services_host).unwrap_or("");
    let copy = "Copy the endpoint again from the tenant's own View API Clients page (or the report's View URLs), then run the test again.";
    let (message, fix): (String, String) = match problem {
        HostProblem::NoOrigin => (
            "wdcap does not know which Workday host these values were captured on, so it cannot tell the tenant's own API host.".into(),
            "Open one of the tenant's Workday pages (View API Clients, say) in this browser, then run the test again.".into(),
        ),
        HostProblem::OriginNotTenantHost(ui) => (
            format!("The values were captured on `{ui}`, which is not a Workday tenant's host."),
            "Capture the values on the tenant's own Workday pages, then run the test again.".into(),
        ),
        HostProblem::NoServicesHost(ui) => (
            format!("wdcap cannot tell which services host goes with the UI host `{ui}`, so it does not know where the tenant's API is."),
            "Test the connection from the partner's side; wdcap sends secrets only to a services host it can derive from the tenant's UI host.".into(),
        ),
        HostProblem::NotHttps(scheme) => (
            format!("{what} uses `{scheme}`, not `https`: the credentials would travel unencrypted."),
            format!("Use the `https://` address of the tenant's services host (`{services}`). {copy}"),
        ),
        HostProblem::Port(port) => (
            format!("{what} names port {port}; the tenant's API answers on the default `https` port only."),
            format!("Remove `:{port}` from the address. {copy}"),
        ),
        HostProblem::Credentials => (
            format!("{what} carries a user name or password in the address."),
            "Remove them from the URL: the ISU's password belongs in the partner's password field (here, in the password field below), never in a URL.".into(),
        ),
        HostProblem::NotWorkday(host) => (
            format!("{what} is on `{host}`, which is not a Workday host: the credentials would go to whoever runs it."),
            copy.into(),
        ),
        HostProblem::InternalDomain(host) => (
            format!("{what} is on `{host}`, Workday's internal development domain, where no customer tenant lives."),
            copy.into(),
        ),
        HostProblem::NotTenantHost(host) => (
            format!(
                "{what} is on `{host}`, {}, which serves no tenant.",
                crate::workday::tenant::workday_site(host)
                    .unwrap_or("a Workday host of a marketing, community, documentation or sign-in site")
            ),
            copy.into(),
        ),
        HostProblem::UiHost(host) => (
            format!("{what} is on the UI host `{host}`; the credentials go only to the tenant's services host `{services}`."),
            format!("Use `{services}`. {copy}"),
        ),
        HostProblem::DataCenter { host, found, expected } => (
            format!("{what} is on `{host}` (data center: {found}), but the tenant's pages are in data center {expected}, whose services host is `{services}`."),
            copy.into(),
        ),
        HostProblem::Environment { host, found, expected } => (
            format!("{what} is on `{host}`, a {found} host, but the tenant's pages are on a {expected} host, whose services host is `{services}`."),
            copy.into(),
        ),
        HostProblem::OtherHost(host) => (
            format!("{what} is on `{host}`, not the tenant's services host `{services}`: it may be another tenant's."),
            copy.into(),
        ),
        HostProblem::NoTenant => (
            format!("{what} names no tenant, so wdcap cannot tell it is `{tenant}`'s."),
            copy.into(),
        ),
        HostProblem::Tenant(found) => {
            let case = if Tenant::new(found.as_str()).same_ignoring_case(&Tenant::new(tenant.as_str())) {
                " (tenant names are case sensitive)"
            } else {
                ""
            };
            (
                format!("{what} names tenant `{found}`, not `{tenant}`, whose values these are{case}."),
                format!("Use `{tenant}`'s own endpoint. {copy}"),
            )
        }
    };
    LiveFinding {
        code: "live-host-refused",
        severity: Severity::Error,
        message,
        fix,
    }
}
