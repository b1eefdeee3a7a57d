//! The resource probes: one cheap authenticated call each to the REST endpoint, the RaaS report
//! and the SOAP endpoint. They report status and shape only: no personal data from a response
//! is kept or shown (a count of entries and the report's column names at most).

use super::http::{HeaderValue, HttpRequest, HttpResponse, Method, Transport};
use super::{failure, send, LiveFinding, ProbeInput, ProbeKind, StepResult, StepStatus};
use crate::model::param::ParamKind;
use crate::model::partner::FieldLevel;
use crate::model::secret::Secret;
use crate::model::severity::Severity;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use url::Url;

/// How a probe authenticates: the OAuth access token, else the ISU's user name and password.
fn auth(input: &ProbeInput, access: Option<&Secret>) -> Option<HeaderValue> {
    if let Some(token) = access {
        return Some(HeaderValue::Secret(Secret::new(format!(
            "Bearer {}",
            token.expose()
        ))));
    }
    let user = input.value(ParamKind::IsuUsername)?;
    let password = input.isu_password.as_ref()?;
    let basic = STANDARD.encode(format!("{user}:{}", password.expose()));
    Some(HeaderValue::Secret(Secret::new(format!("Basic {basic}"))))
}

fn get(url: Url, auth: HeaderValue, accept: &str) -> HttpRequest {
    HttpRequest {
        method: Method::Get,
        url,
        headers: vec![
            ("Authorization", auth),
            ("Accept", HeaderValue::Plain(accept.into())),
        ],
        body: None,
    }
}

fn failed(probe: ProbeKind, f: LiveFinding, requests: Vec<super::RequestRecord>) -> StepResult {
    StepResult {
        probe,
        status: StepStatus::Failed,
        summary: f.message.clone(),
        findings: vec![f],
        requests,
        new_refresh_token: None,
    }
}

fn passed(
    probe: ProbeKind,
    summary: String,
    findings: Vec<LiveFinding>,
    requests: Vec<super::RequestRecord>,
) -> StepResult {
    StepResult {
        probe,
        status: StepStatus::Passed,
        summary,
        findings,
        requests,
        new_refresh_token: None,
    }
}

fn unexpected(r: &HttpResponse, what: &str) -> LiveFinding {
    LiveFinding {
        code: "live-unexpected",
        severity: Severity::Warning,
        message: format!("HTTP {}: {what}", r.status),
        fix: "Copy the URL again from Workday; if it is right, retry later.".into(),
    }
}

fn no_auth_reason(access_failed: bool) -> &'static str {
    if access_failed {
        "Needs an access token (the OAuth probe did not get one) or the ISU's user name and password."
    } else {
        "Needs an access token or the ISU's user name and password."
    }
}

pub(super) async fn rest<T: Transport>(
    input: &ProbeInput,
    transport: &T,
    home: &super::destination::Home,
    access: Option<&Secret>,
) -> StepResult {
    let Some(base) = input
        .first(ParamKind::RestEndpoint)
        .and_then(|p| p.endpoint.as_ref())
    else {
        return StepResult::skipped(ProbeKind::Rest, "No REST endpoint captured.");
    };
    let Some(token) = access else {
        return StepResult::skipped(
            ProbeKind::Rest,
            "Needs an access token (the OAuth probe did not get one).",
        );
    };
    let mut url = base.url.clone();
    if let Ok(mut segs) = url.path_segments_mut() {
        segs.pop_if_empty().push("workers");
    }
    url.set_query(Some("limit=1"));
    let auth = HeaderValue::Secret(Secret::new(format!("Bearer {}", token.expose())));
    let mut records = Vec::new();
    let outcome = send(
        transport,
        home,
        &get(url, auth, "application/json"),
        &mut records,
    )
    .await;
    match &outcome {
        Ok(r) if (200..300).contains(&r.status) => {
            let total = r
                .json()
                .and_then(|j| j.get("total").and_then(|t| t.as_u64()));
            let has_data = r
                .json()
                .is_some_and(|j| j.get("data").is_some_and(|d| d.is_array()));
            if has_data {
                let summary = match total {
                    Some(n) => format!("REST API answered; {n} workers visible to the client."),
                    None => "REST API answered with data.".into(),
                };
                passed(ProbeKind::Rest, summary, Vec::new(), records)
            } else {
                failed(
                    ProbeKind::Rest,
                    unexpected(r, "the REST endpoint did not return a `data` collection."),
                    records,
                )
            }
        }
        _ => {
            let f = failure(ProbeKind::Rest, &outcome, &input.likely_permissions());
            failed(ProbeKind::Rest, f, records)
        }
    }
}

pub(super) async fn raas<T: Transport>(
    input: &ProbeInput,
    transport: &T,
    home: &super::destination::Home,
    access: Option<&Secret>,
) -> StepResult {
    let Some(endpoint) = input
        .first(ParamKind::RaasUrl)
        .and_then(|p| p.endpoint.as_ref())
    else {
        return StepResult::skipped(ProbeKind::Raas, "No RaaS report URL captured.");
    };
    let Some(auth) = auth(input, access) else {
        return StepResult::skipped(ProbeKind::Raas, no_auth_reason(access.is_none()));
    };
    let mut records = Vec::new();
    let outcome = send(
        transport,
        home,
        &get(endpoint.url.clone(), auth, "application/json"),
        &mut records,
    )
    .await;
    let r = match &outcome {
        Ok(r) if (200..300).contains(&r.status) => r,
        _ => {
            let f = failure(ProbeKind::Raas, &outcome, &input.likely_permissions());
            return failed(ProbeKind::Raas, f, records);
        }
    };
    let Some(json) = r.json() else {
        let xml = r.body.trim_start().starts_with('<');
        return failed(
            ProbeKind::Raas,
            LiveFinding {
                code: "live-not-json",
                severity: Severity::Error,
                message: if xml {
                    "The report answered with XML, not JSON.".into()
                } else {
                    "The report's answer is not JSON.".into()
                },
                fix: "Use the JSON URL from the report's Actions > Web Service > View URLs (it ends in `?format=json`).".into(),
            },
            records,
        );
    };
    let Some(entries) = json.get("Report_Entry").and_then(|e| e.as_array()) else {
        return failed(
            ProbeKind::Raas,
            LiveFinding {
                code: "live-report-entry-missing",
                severity: Severity::Error,
                message: "The JSON has no `Report_Entry` list: this is not a custom report's output.".into(),
                fix: "Use a custom report's JSON URL (…/ccx/service/customreport2/{tenant}/{owner}/{report}?format=json), enabled as web service and shared with the ISU.".into(),
            },
            records,
        );
    };
    let mut findings = Vec::new();
    let columns: Vec<&str> = entries
        .first()
        .and_then(|e| e.as_object())
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    if entries.is_empty() {
        findings.push(LiveFinding {
            code: "live-report-empty",
            severity: Severity::Warning,
            message: "The report returned no entries.".into(),
            fix: "Share the report with the ISU and give its security group Get access to the domains behind the report's fields; an ISU without access sees an empty report.".into(),
        });
    } else {
        if let Some((report, missing)) = missing_fields(input, &columns) {
            findings.push(LiveFinding {
                code: "live-report-field-missing",
                severity: Severity::Warning,
                message: format!(
                    "No column that looks like {} (required in the partner's {report}) in the report's first entry; column names are the report's aliases, so this may be a naming difference.",
                    missing.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ")
                ),
                fix: "Add the field to the report (or check its alias), and make sure the ISU can see it: a field the ISU has no access to is left out.".into(),
            });
        }
    }
    passed(
        ProbeKind::Raas,
        format!("Report answered with JSON, {} entries.", entries.len()),
        findings,
        records,
    )
}

/// The partner's required report fields the columns lack, for the report spec the columns
/// match best (a partner may read several reports, and the URL does not say which one this is):
/// most required fields present, then fewest missing.
fn missing_fields(
    input: &ProbeInput,
    columns: &[&str],
) -> Option<(&'static str, Vec<&'static str>)> {
    let partner = input.partner?;
    partner
        .reports
        .iter()
        .map(|spec| {
            let (present, missing): (Vec<_>, Vec<_>) = spec
                .fields
                .iter()
                .filter(|f| f.level == FieldLevel::Required)
                .partition(|f| columns.iter().any(|c| f.matches(c)));
            (
                present.len(),
                spec.name,
                missing.into_iter().map(|f| f.name).collect::<Vec<_>>(),
            )
        })
        .max_by(|a, b| a.0.cmp(&b.0).then(b.2.len().cmp(&a.2.len())))
        .filter(|(_, _, missing)| !missing.is_empty())
        .map(|(_, name, missing)| (name, missing))
}

/// A minimal, read-only request for the services the partners use; `None` for others.
fn soap_operation(service: &str, version: &str) -> Option<String> {
    let (op, filter) = match service {
        "Learning" => ("Get_Learning_Courses_Request", ""),
        "Human_Resources" | "Staffing" => ("Get_Workers_Request", ""),
        _ => return None,
    };
    Some(format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:bsvc="urn:com.workday/bsvc"><soapenv:Body><bsvc:{op} bsvc:version="{version}">{filter}<bsvc:Response_Filter><bsvc:Page>1</bsvc:Page><bsvc:Count>1</bsvc:Count></bsvc:Response_Filter></bsvc:{op}></soapenv:Body></soapenv:Envelope>"#
    ))
}

/// The text of a SOAP fault's element `name` (`faultstring`, `faultcode`). A plain substring
/// search, not an XML parser: the elements are flat text, and an XML crate would add size to the
/// wasm module for this one read.
fn fault_element(body: &str, name: &str) -> Option<String> {
    let open = format!("{name}>");
    let start = body.find(&open)? + open.len();
    let end = body[start..].find("</")?;
    Some(body[start..start + end].trim().to_string())
}

/// Whether a fault says the credentials were refused: Workday's `Client.authenticationError`
/// "Invalid credentials" (the notes' "OAuth and API behaviour"), or the "Invalid username or password" an SSO tenant gives
/// an ISU without a user-name/password authentication policy (the notes' "OAuth and API behaviour", the Kombo guide "Linking your Workday account").
fn authentication_fault(code: Option<&str>, text: &str) -> bool {
    let text = text.to_ascii_lowercase();
    code.is_some_and(|c| c.contains("authenticationError"))
        || text.contains("invalid credentials")
        || text.contains("invalid username or password")
}

pub(super) async fn soap<T: Transport>(
    input: &ProbeInput,
    transport: &T,
    home: &super::destination::Home,
    access: Option<&Secret>,
) -> StepResult {
    let Some(endpoint) = input
        .first(ParamKind::SoapEndpoint)
        .and_then(|p| p.endpoint.as_ref())
    else {
        return StepResult::skipped(ProbeKind::Soap, "No SOAP endpoint captured.");
    };
    let service = endpoint.detail.service.clone().unwrap_or_default();
    let version = endpoint.detail.version.clone().unwrap_or_default();
    let Some(envelope) = soap_operation(&service, &version) else {
        return StepResult::skipped(
            ProbeKind::Soap,
            format!("No read-only test request is known for the `{service}` service."),
        );
    };
    let Some(auth) = auth(input, access) else {
        return StepResult::skipped(ProbeKind::Soap, no_auth_reason(access.is_none()));
    };
    let request = HttpRequest {
        method: Method::Post,
        url: endpoint.url.clone(),
        headers: vec![
            ("Authorization", auth),
            (
                "Content-Type",
                HeaderValue::Plain("text/xml; charset=utf-8".into()),
            ),
        ],
        body: Some(Secret::new(envelope)),
    };
    let mut records = Vec::new();
    let outcome = send(transport, home, &request, &mut records).await;
    if let Ok(r) = &outcome {
        if let Some(fault) = fault_element(&r.body, "faultstring") {
            let code = fault_element(&r.body, "faultcode");
            let message = format!("The SOAP endpoint answered with a fault: {fault}");
            let f = if fault.contains("not authorized") {
                LiveFinding {
                    code: "live-forbidden",
                    severity: Severity::Error,
                    message,
                    fix: "Give the ISU's security group Get access to the domains the partner needs, then run Activate Pending Security Policy Changes.".into(),
                }
            } else if authentication_fault(code.as_deref(), &fault) {
                LiveFinding {
                    code: "live-unauthorized",
                    severity: Severity::Error,
                    message,
                    fix: format!(
                        "{} For SOAP the ISU's user name is written user@tenant.",
                        crate::workday::errors::UNAUTHORIZED_FIX
                    ),
                }
            } else {
                LiveFinding {
                    code: "live-soap-fault",
                    severity: Severity::Error,
                    message,
                    fix: format!("Check the service name and version (`{service}`, `{version}`) against the partner's guide."),
                }
            };
            return failed(ProbeKind::Soap, f, records);
        }
        if (200..300).contains(&r.status) {
            return passed(
                ProbeKind::Soap,
                format!("SOAP `{service}` {version} answered without a fault."),
                Vec::new(),
                records,
            );
        }
    }
    let f = failure(ProbeKind::Soap, &outcome, &input.likely_permissions());
    failed(ProbeKind::Soap, f, records)
}
