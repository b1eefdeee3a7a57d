//! `wrong-path`: a Workday URL whose path is not the shape of the endpoint it stands for. The
//! kind is what the path means (`…/authorize` is an authorization endpoint wherever it is
//! written, `…/oauth2/token` a token endpoint), and each mistake people write is named: the
//! tenant before `/ccx`, no tenant, no `/ccx`, `/ccx/services/`, `/ccx/oauth/` (404), the
//! authorization endpoint under `/ccx/oauth2/`, a resource after a REST endpoint's tenant, a part
//! missing (`/token`, `v1`). Shapes and mistakes: the notes' "Hosts and URL anatomy". The
//! corrected URL is offered whenever the tenant is known (the URL's own, else the one the other
//! URLs name). A RaaS URL without its owner is `raas-owner-missing`'s; the bare SOAP tenant URL
//! `…/ccx/service/{tenant}` is a valid shape (Microsoft Entra provisioning asks for it).

use super::{Check, Context, Finding};
use crate::model::param::ParamKind;
use crate::model::severity::Severity;
use crate::workday::endpoint::{Endpoint, EndpointKind, PathProblem};

pub struct WrongPath;

/// The canonical path of `kind` for `tenant`, for a URL of no recognised shape given as `kind`
/// (by its label, or the field it was captured from).
fn canonical(kind: ParamKind, tenant: &str, cx: &Context) -> Option<String> {
    Some(match kind {
        ParamKind::RestEndpoint => format!("/ccx/api/v1/{tenant}"),
        ParamKind::TokenEndpoint => format!("/ccx/oauth2/{tenant}/token"),
        ParamKind::AuthorizationEndpoint => format!("/{tenant}/authorize"),
        ParamKind::SoapEndpoint => {
            let soap = cx.partner?.soap.as_ref()?;
            format!("/ccx/service/{tenant}/{}/{}", soap.service, soap.version)
        }
        _ => return None,
    })
}

fn shape(kind: ParamKind) -> &'static str {
    match kind {
        ParamKind::RestEndpoint => "/ccx/api/v1/{tenant}",
        ParamKind::TokenEndpoint => "/ccx/oauth2/{tenant}/token",
        ParamKind::AuthorizationEndpoint => "/{tenant}/authorize",
        ParamKind::SoapEndpoint => "/ccx/service/{tenant}/{Service}/v{NN.N}",
        ParamKind::RaasUrl => "/ccx/service/customreport2/{tenant}/{owner}/{Report_Name}",
        ParamKind::UiUrl => "/{tenant}/d/….htmld",
        _ => "",
    }
}

/// A mistake in words, as the message lists it.
fn phrase(problem: &PathProblem) -> Option<String> {
    Some(match problem {
        PathProblem::OauthWithoutTwo => {
            "`/ccx/oauth/` where Workday writes `/ccx/oauth2/` (the other answers 404)".into()
        }
        PathProblem::ResourceSuffix { suffix } => format!(
            "`/{suffix}` after the tenant (the endpoint stops at the tenant; partners add the resources themselves)"
        ),
        PathProblem::TenantBeforeCcx => "the tenant before `/ccx` instead of in its place".into(),
        PathProblem::NoCcx => "no `/ccx` at its start".into(),
        PathProblem::ServicesPlural => {
            "`/ccx/services/` where Workday writes `/ccx/service/`".into()
        }
        PathProblem::NoTenant => "no tenant".into(),
        PathProblem::AuthorizeUnderCcx => {
            "an OAuth API path (the authorization endpoint is a page of the tenant's UI host)".into()
        }
        PathProblem::MissingPart { part } => format!("no {part}"),
        // `raas-owner-missing` reports it.
        PathProblem::RaasOwnerMissing => return None,
    })
}

/// `a`, `a and b`, `a, b and c`.
fn listed(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Where to copy a URL of `kind` again.
fn copy_from(kind: ParamKind) -> &'static str {
    match kind {
        ParamKind::RaasUrl => "the report's View URLs page (Actions > Web Service > View URLs)",
        ParamKind::SoapEndpoint => "the partner's guide or Public Web Services",
        _ => "View API Clients",
    }
}

impl WrongPath {
    /// The finding for a URL of a known kind whose path holds mistakes.
    fn mistaken(&self, cx: &Context, i: usize, p_kind: ParamKind, e: &Endpoint) -> Option<Finding> {
        let phrases: Vec<String> = e.path_problems.iter().filter_map(phrase).collect();
        if phrases.is_empty() {
            return None;
        }
        let kind = e.kind.map(ParamKind::for_endpoint).unwrap_or(p_kind);
        let title = kind.title();
        let fixed = e
            .corrected(cx.connection_tenant().as_ref())
            .map(|u| u.to_string());
        // The two mistakes seen most keep their own words.
        let (message, fix) = match e.path_problems.as_slice() {
            [PathProblem::OauthWithoutTwo] => (
                format!("{title} has `/ccx/oauth/`; Workday's path is `/ccx/oauth2/` (the other answers 404)."),
                format!("Write `oauth2`, or copy the {title} from View API Clients."),
            ),
            [PathProblem::ResourceSuffix { suffix }] if kind == ParamKind::RestEndpoint => (
                format!("{title} ends in `/{suffix}`: the endpoint stops at the tenant, partners add the resources themselves."),
                "Remove everything after the tenant name.".to_string(),
            ),
            _ => (
                format!(
                    "{title}: the path `{}` has {}; Workday's shape is `{}`.",
                    e.url.path(),
                    listed(&phrases),
                    shape(kind)
                ),
                match (&fixed, e.tenant.is_some() || cx.connection_tenant().is_some()) {
                    (Some(_), _) => format!(
                        "Use the corrected value, or copy the {title} again from {}.",
                        copy_from(kind)
                    ),
                    (None, false) => format!(
                        "Copy the {title} again from {}; the tenant's name goes where the shape says.",
                        copy_from(kind)
                    ),
                    (None, true) => format!("Copy the {title} again from {}.", copy_from(kind)),
                },
            ),
        };
        Some(Finding::new(self.code(), Severity::Error, Some(i), message, fix).fixed(fixed))
    }
}

/// The tenant a URL of no recognised shape was meant for: the connection's, else the path
/// segment that is not one of Workday's fixed words.
fn meant_tenant(e: &Endpoint, cx: &Context) -> Option<String> {
    if let Some(t) = cx.connection_tenant() {
        return Some(t.as_str().to_string());
    }
    const FIXED: &[&str] = &[
        "ccx",
        "api",
        "v1",
        "oauth",
        "oauth2",
        "token",
        "service",
        "authorize",
        "customreport2",
    ];
    e.url
        .path_segments()?
        .rfind(|s| !s.is_empty() && !FIXED.contains(s))
        .map(str::to_string)
}

impl Check for WrongPath {
    fn code(&self) -> &'static str {
        "wrong-path"
    }

    fn summary(&self) -> &'static str {
        "A Workday URL's path is not the shape of its endpoint (`/ccx/oauth/`, no tenant, no `/ccx`, the tenant before `/ccx`, a resource suffix, a missing part)."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let mut out = Vec::new();
        for (i, p, e) in cx.workday_urls() {
            let title = p.kind.title();
            match e.kind {
                Some(EndpointKind::Ui) => {}
                Some(_) => out.extend(self.mistaken(cx, i, p.kind, e)),
                None if p.kind != ParamKind::UiUrl => {
                    let fixed = meant_tenant(e, cx)
                        .and_then(|t| canonical(p.kind, &t, cx))
                        .map(|path| {
                            let mut u = e.url.clone();
                            u.set_path(&path);
                            if p.kind != ParamKind::AuthorizationEndpoint {
                                u.set_query(None);
                            }
                            u.set_fragment(None);
                            u.to_string()
                        });
                    out.push(
                        Finding::new(
                            self.code(),
                            Severity::Error,
                            Some(i),
                            format!(
                                "{title} has the path `{}`, which is not the shape `{}`.",
                                e.url.path(),
                                shape(p.kind)
                            ),
                            format!("Copy the {title} again from Workday."),
                        )
                        .fixed(fixed),
                    );
                }
                None => {}
            }
        }
        out
    }
}
