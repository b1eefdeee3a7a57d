//! `wrong-path`: a Workday URL whose path is not the shape of the endpoint it stands for:
//! `/ccx/oauth/` for `/ccx/oauth2/` (404, the notes' "Hosts and URL anatomy"), a REST endpoint with a resource after the
//! tenant (`…/ccx/api/v1/acme/workers`), a token endpoint without `/token`, a REST endpoint
//! without `v1`. Shapes: the notes' "Hosts and URL anatomy".

use super::{Check, Context, Finding};
use crate::model::severity::Severity;
use crate::workday::endpoint::{Endpoint, PathProblem};
use crate::model::param::ParamKind;

pub struct WrongPath;

/// The canonical path of `kind` for `tenant`, where the shape alone decides it.
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

/// The tenant a shapeless URL was meant for: the connection's, else the path segment that is
/// not one of Workday's fixed words.
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
        "A Workday URL's path is not the shape of its endpoint (`/ccx/oauth/`, a resource suffix, a missing part)."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let mut out = Vec::new();
        for (i, p, e) in cx.workday_urls() {
            let title = p.kind.title();
            match (&e.path_problem, e.kind) {
                (Some(PathProblem::OauthWithoutTwo), _) => {
                    let fixed = e.url.as_str().replacen("/ccx/oauth/", "/ccx/oauth2/", 1);
                    out.push(
                        Finding::new(
                            self.code(),
                            Severity::Error,
                            Some(i),
                            format!("{title} has `/ccx/oauth/`; Workday's path is `/ccx/oauth2/` (the other answers 404)."),
                            "Write `oauth2`, or copy the Token Endpoint from View API Clients.",
                        )
                        .fixed(Some(fixed)),
                    );
                }
                (Some(PathProblem::ResourceSuffix { suffix }), _)
                    if p.kind == ParamKind::RestEndpoint =>
                {
                    let mut u = e.url.clone();
                    let path = u.path().to_string();
                    let cut = path
                        .trim_end_matches('/')
                        .strip_suffix(suffix.as_str())
                        .unwrap_or(&path);
                    u.set_path(cut.trim_end_matches('/'));
                    u.set_query(None);
                    out.push(
                        Finding::new(
                            self.code(),
                            Severity::Error,
                            Some(i),
                            format!("{title} ends in `/{suffix}`: the endpoint stops at the tenant, partners add the resources themselves."),
                            "Remove everything after the tenant name.",
                        )
                        .fixed(Some(u.to_string())),
                    );
                }
                (_, None) if p.kind != ParamKind::UiUrl => {
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
                _ => {}
            }
        }
        out
    }
}
