//! The live connection test, pure part: which requests prove the captured values
//! work, and what each response means. Sending is the edge's job (a [`Transport`]); this module
//! never touches a browser or a socket, so all of it is tested natively.
//!
//! Order: OAuth refresh-token grant first (it yields the access token the others use), then one
//! cheap authenticated call per other captured endpoint: REST, RaaS, SOAP. Every request goes to
//! the services host of the tenant the values were captured for ([`destination`]): before
//! anything is sent, every URL the probes would use is held to it, and the test refuses to run
//! when one is not; each request is checked again as it goes out. The access token lives only
//! inside [`run`].

mod destination;
pub mod http;
mod oauth;
mod resources;

use crate::model::param::{Param, ParamKind};
use crate::model::partner::Partner;
use crate::model::secret::Secret;
use crate::model::severity::Severity;
use crate::workday::errors::{forbidden_fix, NOT_FOUND_FIX, SERVER_ERROR_FIX, UNAUTHORIZED_FIX};
use destination::Home;
use http::{HttpRequest, HttpResponse, Transport, TransportError};
use serde::Serialize;

pub use destination::Origin;
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
    "live-too-large",
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
    /// Why the test did not run at all (empty when it ran): a URL it would have used is not the
    /// tenant's own API, or the tenant's own API is unknown. Nothing was sent.
    pub refused: Vec<LiveFinding>,
}

impl LiveReport {
    pub fn passed(&self) -> bool {
        self.refused.is_empty()
            && self.steps.iter().all(|s| s.status != StepStatus::Failed)
            && self.steps.iter().any(|s| s.status == StepStatus::Passed)
    }

    /// A test that refused to run: every probe skipped, nothing sent.
    pub fn refused(refused: Vec<LiveFinding>) -> Self {
        let why = "Not run: the test refused to send the values (see why above); nothing was sent.";
        LiveReport {
            steps: [
                ProbeKind::Oauth,
                ProbeKind::Rest,
                ProbeKind::Raas,
                ProbeKind::Soap,
            ]
            .into_iter()
            .map(|p| StepResult::skipped(p, why))
            .collect(),
            refused,
        }
    }

    pub fn new_refresh_token(&self) -> Option<&Secret> {
        self.steps.iter().find_map(|s| s.new_refresh_token.as_ref())
    }
}

/// What the live test works from.
#[derive(Debug, Clone, Default)]
pub struct ProbeInput {
    /// The tenant the values were captured for and the UI host its pages were read on: the
    /// secrets go only to the services host that goes with it. `None`: the test refuses to run.
    pub origin: Option<Origin>,
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
        origin: Option<Origin>,
        params: Vec<Param>,
        isu_password: Option<Secret>,
        options: &crate::model::options::Options,
    ) -> Self {
        ProbeInput {
            origin,
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
}

/// Sends one request through `transport`, after making sure it goes to the tenant's own API
/// ([`Home::check`]). Records what is safe to show.
pub(crate) async fn send<T: Transport>(
    transport: &T,
    home: &Home,
    request: &HttpRequest,
    records: &mut Vec<RequestRecord>,
) -> Result<HttpResponse, SendError> {
    let mut record = RequestRecord {
        method: request.method.as_str(),
        url: redacted_url(&request.url),
        status: None,
        outcome: String::new(),
    };
    if let Err(problem) = home.check(&request.url) {
        record.outcome = "refused: not the tenant's own API host over HTTPS".into();
        records.push(record);
        return Err(SendError::Refused(Box::new(destination::finding(
            None,
            &problem,
            None,
            Some(home),
        ))));
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
    /// The request was not sent: the finding says why.
    Refused(Box<LiveFinding>),
    Transport(TransportError),
}

/// What a test of `input` would do before it does it: refuse (and why), or call these hosts.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct LivePlan {
    /// Why the test would not run (empty: it would run).
    pub refused: Vec<LiveFinding>,
    /// The hosts it would call (empty when it would refuse): the tenant's own services host.
    pub hosts: Vec<String>,
}

/// The plan of a test of `input`: the extension asks for host permissions from it, before
/// running the test.
pub fn plan(input: &ProbeInput) -> LivePlan {
    match destination::preflight(input.origin.as_ref(), &input.params) {
        Ok(_) => LivePlan {
            refused: Vec::new(),
            hosts: destination::hosts(&input.params),
        },
        Err(refused) => LivePlan {
            refused,
            hosts: Vec::new(),
        },
    }
}

/// Runs every probe the captured values allow, or refuses to run at all (sending nothing) when
/// a URL it would use is not the tenant's own API.
pub async fn run<T: Transport>(input: &ProbeInput, transport: &T) -> LiveReport {
    let home = match destination::preflight(input.origin.as_ref(), &input.params) {
        Ok(home) => home,
        Err(refused) => return LiveReport::refused(refused),
    };
    let mut steps = Vec::new();
    let (oauth_step, access_token) = oauth::probe(input, transport, &home).await;
    steps.push(oauth_step);
    steps.push(resources::rest(input, transport, &home, access_token.as_ref()).await);
    steps.push(resources::raas(input, transport, &home, access_token.as_ref()).await);
    steps.push(resources::soap(input, transport, &home, access_token.as_ref()).await);
    LiveReport {
        steps,
        refused: Vec::new(),
    }
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
        Err(SendError::Refused(finding)) => Some(LiveFinding::clone(finding)),
        Err(SendError::Transport(TransportError::TooLarge(limit))) => Some(f(
            "live-too-large",
            Severity::Warning,
            format!("{what} answered with more than {}; wdcap stopped reading there, so the answer was not judged.", crate::model::limits::describe(*limit)),
            "For a report, add a prompt or a filter so that a test returns fewer rows; otherwise copy the URL again from Workday.".into(),
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
