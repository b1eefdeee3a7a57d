//! The live connection test, pure part: which requests prove the captured values
//! work, and what each response means. Sending is the edge's job (a [`Transport`]); this module
//! never touches a browser or a socket, so all of it is tested natively.
//!
//! Order: OAuth refresh-token grant first (it yields the access token the others use), then one
//! cheap authenticated call per other captured endpoint: REST, RaaS, SOAP. Every request goes to
//! a URL taken from a captured parameter whose host is a Workday host; [`run`] refuses anything
//! else before the transport sees it. The access token lives only inside [`run`].

pub mod http;
mod oauth;
mod resources;

use crate::model::param::{Param, ParamKind};
use crate::model::partner::Partner;
use crate::model::secret::Secret;
use crate::model::severity::Severity;
use crate::workday::errors::{forbidden_fix, NOT_FOUND_FIX, SERVER_ERROR_FIX, UNAUTHORIZED_FIX};
use crate::workday::tenant::WorkdayHost;
use http::{HttpRequest, HttpResponse, Transport, TransportError};
use serde::Serialize;

pub use http::redacted_url;

/// Every code a probe can report; each has a section in `docs/live-test.md` (a test checks both
/// this list against the sources and the doc against this list).
pub const CODES: &[&str] = &[
    "live-invalid-client",
    "live-invalid-grant",
    "live-invalid-request",
    "live-unauthorized",
    "live-forbidden",
    "live-not-found",
    "live-server-error",
    "live-unreachable",
    "live-timeout",
    "live-cancelled",
    "live-host-refused",
    "live-unexpected",
    "live-basic-auth-only",
    "live-new-refresh-token",
    "live-not-json",
    "live-report-entry-missing",
    "live-report-empty",
    "live-report-field-missing",
    "live-soap-fault",
];

/// Which probe.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ProbeKind {
    Oauth,
    Rest,
    Raas,
    Soap,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    Passed,
    Failed,
    /// Not run: a value it needs is missing, or an earlier step failed.
    Skipped,
}

/// A problem a probe found, with its fix. Codes are documented in `docs/live-test.md`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct LiveFinding {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub fix: String,
}

/// One request as it is shown to the user: never its body, headers or query string.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct RequestRecord {
    pub method: &'static str,
    pub url: String,
    pub status: Option<u16>,
    pub outcome: String,
}

/// One probe's result.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct StepResult {
    pub probe: ProbeKind,
    pub status: StepStatus,
    pub summary: String,
    pub findings: Vec<LiveFinding>,
    pub requests: Vec<RequestRecord>,
    /// A refresh token the tenant issued in exchange for the one tested: it replaces the old one.
    #[serde(skip)]
    pub new_refresh_token: Option<Secret>,
}

impl StepResult {
    fn skipped(probe: ProbeKind, why: impl Into<String>) -> Self {
        StepResult {
            probe,
            status: StepStatus::Skipped,
            summary: why.into(),
            findings: Vec::new(),
            requests: Vec::new(),
            new_refresh_token: None,
        }
    }
}

/// The whole live test.
#[derive(Debug, Clone, Serialize)]
pub struct LiveReport {
    pub steps: Vec<StepResult>,
}

impl LiveReport {
    pub fn passed(&self) -> bool {
        self.steps.iter().all(|s| s.status != StepStatus::Failed)
            && self.steps.iter().any(|s| s.status == StepStatus::Passed)
    }

    pub fn new_refresh_token(&self) -> Option<&Secret> {
        self.steps.iter().find_map(|s| s.new_refresh_token.as_ref())
    }
}

/// What the live test works from.
#[derive(Debug, Clone, Default)]
pub struct ProbeInput {
    pub params: Vec<Param>,
    /// The ISU's password, typed in for this test only (RaaS/SOAP basic auth); never stored.
    pub isu_password: Option<Secret>,
    /// The partner being set up: its report fields are looked for in the RaaS answer, and its
    /// domain policies and scopes are named when a call is forbidden.
    pub partner: Option<&'static Partner>,
}

impl ProbeInput {
    /// The input for a test of `params`, with what the chosen partner (if any) needs.
    pub fn new(
        params: Vec<Param>,
        isu_password: Option<Secret>,
        options: &crate::model::options::Options,
    ) -> Self {
        ProbeInput {
            params,
            isu_password,
            partner: options
                .integration
                .as_deref()
                .and_then(crate::model::partner::partner),
        }
    }

    /// What to name when a call is forbidden (see [`Partner::likely_permissions`]).
    fn likely_permissions(&self) -> Vec<String> {
        self.partner
            .map(Partner::likely_permissions)
            .unwrap_or_default()
    }

    fn first(&self, kind: ParamKind) -> Option<&Param> {
        self.params.iter().find(|p| p.kind == kind)
    }

    fn value(&self, kind: ParamKind) -> Option<String> {
        self.first(kind).map(|p| p.raw().trim().to_string())
    }

    /// The client ID and secret to test: the first secret, with the client ID captured under the
    /// same API client name when there is one (a tenant's pages list several clients, and a
    /// secret only works with its own ID), else the first client ID.
    fn client_credentials(&self) -> (String, String) {
        let secret = self.first(ParamKind::ClientSecret);
        let id = secret
            .and_then(|s| s.name.as_deref())
            .and_then(|name| {
                self.params
                    .iter()
                    .find(|p| p.kind == ParamKind::ClientId && p.name.as_deref() == Some(name))
            })
            .or_else(|| self.first(ParamKind::ClientId));
        let trimmed = |p: Option<&Param>| p.map(|p| p.raw().trim().to_string()).unwrap_or_default();
        (trimmed(id), trimmed(secret))
    }

    /// Hosts requests may go to: the Workday hosts of the captured URLs.
    fn allowed_hosts(&self) -> Vec<String> {
        self.params
            .iter()
            .filter_map(|p| p.endpoint.as_ref())
            .filter_map(|e| e.host.as_ref().map(|h| h.name.clone()))
            .collect()
    }
}

/// Sends one request through `transport`, after making sure its host is one of the tenant's
/// Workday hosts. Records what is safe to show.
pub(crate) async fn send<T: Transport>(
    transport: &T,
    allowed: &[String],
    request: &HttpRequest,
    records: &mut Vec<RequestRecord>,
) -> Result<HttpResponse, SendError> {
    let host = request.url.host_str().unwrap_or("");
    let on_workday = WorkdayHost::parse(host).is_some() && allowed.iter().any(|h| h == host);
    let mut record = RequestRecord {
        method: request.method.as_str(),
        url: redacted_url(&request.url),
        status: None,
        outcome: String::new(),
    };
    if !on_workday || request.url.scheme() != "https" {
        record.outcome = "refused: not one of the tenant's Workday hosts over HTTPS".into();
        records.push(record);
        return Err(SendError::Refused(host.to_string()));
    }
    let result = transport.send(request).await;
    match &result {
        Ok(r) => {
            record.status = Some(r.status);
            record.outcome = format!("HTTP {}", r.status);
        }
        Err(e) => record.outcome = e.to_string(),
    }
    records.push(record);
    result.map_err(SendError::Transport)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SendError {
    Refused(String),
    Transport(TransportError),
}

/// Runs every probe the captured values allow.
pub async fn run<T: Transport>(input: &ProbeInput, transport: &T) -> LiveReport {
    let allowed = input.allowed_hosts();
    let mut steps = Vec::new();
    let (oauth_step, access_token) = oauth::probe(input, transport, &allowed).await;
    steps.push(oauth_step);
    steps.push(resources::rest(input, transport, &allowed, access_token.as_ref()).await);
    steps.push(resources::raas(input, transport, &allowed, access_token.as_ref()).await);
    steps.push(resources::soap(input, transport, &allowed, access_token.as_ref()).await);
    LiveReport { steps }
}

/// The finding for any failed exchange: a common failure, or an unrecognised answer.
pub(crate) fn failure(
    probe: ProbeKind,
    outcome: &Result<HttpResponse, SendError>,
    likely: &[String],
) -> LiveFinding {
    common_failure(probe, outcome, likely).unwrap_or_else(|| {
        let status = outcome.as_ref().map(|r| r.status).unwrap_or_default();
        LiveFinding {
            code: "live-unexpected",
            severity: Severity::Warning,
            message: format!(
                "The endpoint answered HTTP {status}, which wdcap does not recognise."
            ),
            fix: "Copy the URL again from Workday; if it is right, retry later.".into(),
        }
    })
}

/// The finding for a failure common to every probe (status codes and transport errors), with
/// its fix from the error catalogue (`crate::workday::errors`).
pub(crate) fn common_failure(
    probe: ProbeKind,
    outcome: &Result<HttpResponse, SendError>,
    likely: &[String],
) -> Option<LiveFinding> {
    let what = match probe {
        ProbeKind::Oauth => "The token endpoint",
        ProbeKind::Rest => "The REST endpoint",
        ProbeKind::Raas => "The report URL",
        ProbeKind::Soap => "The SOAP endpoint",
    };
    let f = |code, severity, message: String, fix: String| LiveFinding {
        code,
        severity,
        message,
        fix,
    };
    match outcome {
        Err(SendError::Refused(host)) => Some(f(
            "live-host-refused",
            Severity::Error,
            format!("{what} is on `{host}`, which is not one of the tenant's Workday hosts over HTTPS; nothing was sent."),
            "Capture the endpoint from the tenant's own View API Clients page.".into(),
        )),
        Err(SendError::Transport(TransportError::Timeout)) => Some(f(
            "live-timeout",
            Severity::Error,
            format!("{what} did not answer in time."),
            "Check the host: a services host of another data center, or a UI host used for an API, does not answer. Copy the endpoint again from View API Clients.".into(),
        )),
        Err(SendError::Transport(TransportError::Cancelled)) => Some(f(
            "live-cancelled",
            Severity::Info,
            "The live test was cancelled.".into(),
            "Run it again when ready.".into(),
        )),
        Err(SendError::Transport(TransportError::Network(detail))) => Some(f(
            "live-unreachable",
            Severity::Error,
            format!("{what} could not be reached ({detail}). The extension's host permissions exempt Workday hosts from CORS, so this is a network, DNS or TLS failure, not a CORS one."),
            "Check the host name and data center: a wrong data center or a UI host used for an API fails this way.".into(),
        )),
        Ok(r) => match r.status {
            401 => Some(f(
                "live-unauthorized",
                Severity::Error,
                format!("{what} answered 401: the credentials were not accepted."),
                UNAUTHORIZED_FIX.into(),
            )),
            403 => Some(f(
                "live-forbidden",
                Severity::Error,
                format!("{what} answered 403: the user or client lacks a permission or scope."),
                forbidden_fix(likely),
            )),
            404 => Some(f(
                "live-not-found",
                Severity::Error,
                format!("{what} answered 404: the path does not exist."),
                NOT_FOUND_FIX.into(),
            )),
            s if s >= 500 => Some(f(
                "live-server-error",
                Severity::Error,
                format!("{what} answered {s}."),
                SERVER_ERROR_FIX.into(),
            )),
            _ => None,
        },
    }
}
