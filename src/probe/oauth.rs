//! The OAuth probe: a refresh-token grant to the token endpoint (the notes' "OAuth and API behaviour"). Client credentials
//! go in the body first; on `invalid_client` it retries once with HTTP Basic, since both styles
//! are in use. The access token it gets is handed to the other probes and never leaves
//! [`super::run`].

use super::http::{HeaderValue, HttpRequest, HttpResponse, Method, Transport};
use super::{failure, send, LiveFinding, ProbeInput, ProbeKind, StepResult, StepStatus};
use crate::model::param::ParamKind;
use crate::model::secret::Secret;
use crate::model::severity::Severity;
use crate::workday::errors::{INVALID_CLIENT_FIX, INVALID_GRANT_FIX, INVALID_REQUEST_FIX};
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use url::form_urlencoded::Serializer;
use url::Url;

enum Style {
    Body,
    Basic,
}

fn request(
    token_url: &Url,
    client_id: &str,
    secret: &str,
    refresh: &str,
    style: &Style,
) -> HttpRequest {
    let mut form = Serializer::new(String::new());
    form.append_pair("grant_type", "refresh_token");
    form.append_pair("refresh_token", refresh);
    let mut headers = vec![
        (
            "Content-Type",
            HeaderValue::Plain("application/x-www-form-urlencoded".into()),
        ),
        ("Accept", HeaderValue::Plain("application/json".into())),
    ];
    match style {
        Style::Body => {
            form.append_pair("client_id", client_id);
            form.append_pair("client_secret", secret);
        }
        Style::Basic => {
            let basic = STANDARD.encode(format!("{client_id}:{secret}"));
            headers.push((
                "Authorization",
                HeaderValue::Secret(Secret::new(format!("Basic {basic}"))),
            ));
        }
    }
    HttpRequest {
        method: Method::Post,
        url: token_url.clone(),
        headers,
        body: Some(Secret::new(form.finish())),
    }
}

fn finding(code: &'static str, message: &str, fix: &str) -> LiveFinding {
    LiveFinding {
        code,
        severity: Severity::Error,
        message: message.into(),
        fix: fix.into(),
    }
}

/// The finding for an OAuth error body (RFC 6749 codes).
fn oauth_error_finding(error: &str) -> Option<LiveFinding> {
    match error {
        "invalid_client" => Some(finding(
            "live-invalid-client",
            "The token endpoint rejected the client (`invalid_client`), both with credentials in the body and as HTTP Basic.",
            INVALID_CLIENT_FIX,
        )),
        "invalid_grant" => Some(finding(
            "live-invalid-grant",
            "The token endpoint rejected the refresh token (`invalid_grant`).",
            INVALID_GRANT_FIX,
        )),
        "invalid_request" => Some(finding(
            "live-invalid-request",
            "The token endpoint rejected the request (`invalid_request`).",
            INVALID_REQUEST_FIX,
        )),
        _ => None,
    }
}

/// Runs the probe; returns the step and, on success, the access token.
pub(super) async fn probe<T: Transport>(
    input: &ProbeInput,
    transport: &T,
    home: &super::destination::Home,
) -> (StepResult, Option<Secret>) {
    let needed = [
        ParamKind::TokenEndpoint,
        ParamKind::ClientId,
        ParamKind::ClientSecret,
        ParamKind::RefreshToken,
    ];
    let missing: Vec<&str> = needed
        .iter()
        .filter(|k| input.first(**k).is_none())
        .map(|k| k.title())
        .collect();
    if !missing.is_empty() {
        return (
            StepResult::skipped(ProbeKind::Oauth, format!("Needs {}.", missing.join(", "))),
            None,
        );
    }
    let token_url = match input
        .first(ParamKind::TokenEndpoint)
        .and_then(|p| p.endpoint.as_ref())
    {
        Some(e) => e.url.clone(),
        None => {
            return (
                StepResult::skipped(ProbeKind::Oauth, "The token endpoint is not a valid URL."),
                None,
            )
        }
    };
    let (client_id, secret) = input.client_credentials();
    let refresh = input.value(ParamKind::RefreshToken).unwrap_or_default();

    let mut records = Vec::new();
    let mut outcome = send(
        transport,
        home,
        &request(&token_url, &client_id, &secret, &refresh, &Style::Body),
        &mut records,
    )
    .await;
    let mut basic_needed = false;
    if matches!(&outcome, Ok(r) if r.oauth_error().as_deref() == Some("invalid_client")) {
        outcome = send(
            transport,
            home,
            &request(&token_url, &client_id, &secret, &refresh, &Style::Basic),
            &mut records,
        )
        .await;
        basic_needed = true;
    }
    let mut step = StepResult {
        probe: ProbeKind::Oauth,
        status: StepStatus::Failed,
        summary: String::new(),
        findings: Vec::new(),
        requests: records,
        new_refresh_token: None,
    };
    let access = match &outcome {
        Ok(r) if (200..300).contains(&r.status) => success(&mut step, r, &refresh, basic_needed),
        Ok(r) => {
            let f = r
                .oauth_error()
                .and_then(|e| oauth_error_finding(&e))
                .unwrap_or_else(|| {
                    failure(ProbeKind::Oauth, &outcome, &input.likely_permissions())
                });
            step.summary = f.message.clone();
            step.findings.push(f);
            None
        }
        Err(_) => {
            let f = failure(ProbeKind::Oauth, &outcome, &[]);
            step.summary = f.message.clone();
            step.findings.push(f);
            None
        }
    };
    (step, access)
}

fn success(
    step: &mut StepResult,
    r: &HttpResponse,
    sent_refresh: &str,
    basic_needed: bool,
) -> Option<Secret> {
    let json = r.json();
    let token = json
        .as_ref()
        .and_then(|j| j.get("access_token"))
        .and_then(|t| t.as_str())
        .filter(|t| !t.is_empty())
        .map(str::to_string);
    let Some(token) = token else {
        step.findings.push(LiveFinding {
            code: "live-unexpected",
            severity: Severity::Warning,
            message: format!("HTTP {} but no access token in the response.", r.status),
            fix: "Check that the URL is the Token Endpoint (…/ccx/oauth2/{tenant}/token), not another page.".into(),
        });
        step.summary = "No access token in the response.".into();
        return None;
    };
    step.status = StepStatus::Passed;
    let json = json.unwrap_or_default();
    let token_type = json
        .get("token_type")
        .and_then(|t| t.as_str())
        .unwrap_or("unspecified");
    let lifetime = json
        .get("expires_in")
        .and_then(|e| {
            e.as_u64()
                .or_else(|| e.as_str().and_then(|s| s.parse().ok()))
        })
        .map(|s| format!(", valid for {} min", s / 60))
        .unwrap_or_default();
    step.summary = format!("Access token received ({token_type}{lifetime}).");
    if basic_needed {
        step.findings.push(LiveFinding {
            code: "live-basic-auth-only",
            severity: Severity::Info,
            message: "The tenant accepted the client credentials only as HTTP Basic, not in the body.".into(),
            fix: "If the partner's form asks how to send client credentials, choose HTTP Basic (header).".into(),
        });
    }
    if let Some(new) = json
        .get("refresh_token")
        .and_then(|t| t.as_str())
        .filter(|t| !t.is_empty() && *t != sent_refresh)
    {
        let new = Secret::new(new);
        step.findings.push(LiveFinding {
            code: "live-new-refresh-token",
            severity: Severity::Warning,
            message: format!(
                "Workday issued a new refresh token ({}) in exchange for the one tested; the old one may no longer work.",
                new.masked()
            ),
            fix: "Use the new refresh token in the partner's form from now on (reveal and copy it here).".into(),
        });
        step.new_refresh_token = Some(new);
    }
    Some(Secret::new(token))
}
