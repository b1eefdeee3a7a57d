//! A custom report's Actions > Web Service > View URLs page (the Ten Thousand Coffees guide "Workday custom reports": "the one that WorkOS
//! will need is listed under the JSON section"). Lists the report's web-service URLs, one per
//! format: Workday XML, JSON, CSV, Simple XML, RSS, GData, and the XSD / WSDL descriptions.
//!
//! Each URL's format is read from the URL itself (`format=json`, `?xsd`, `?wsdl`, none for
//! Workday XML); the section or link text it sits under only decides when the URL does not
//! say. Every URL is kept in the `report_urls` setting; only the JSON one becomes a `raas_url`
//! parameter, so a check for "XML instead of JSON" judges what the admin copies, not the list.
//!
//! The URLs may be link targets (`href`, the link text being the format's name), copy actions
//! (`data-clipboard-text`) or plain text; all three are read. A page that shows two or more
//! formats of one report is this page whatever its title says (shape first).

use super::{Capture, Page, PageId, Recogniser};
use crate::model::param::{Param, ParamKind, Source};
use crate::model::settings::{names, record, Setting, SettingValue};
use crate::pages::workday_dom;
use crate::snapshot::{NodeId, Snapshot};
use crate::workday::endpoint::{Endpoint, EndpointKind, RaasFormat};
use std::collections::{BTreeSet, HashSet};

pub struct ViewUrls;

use crate::pages::labels::keys::view_urls as L;
use crate::pages::labels::{self, Label};

const PAGE: PageId = PageId::ViewUrls;

/// Label keys of the formats, with the format id each stands for.
const FORMAT_KEYS: &[(Label, &str)] = &[
    (L::FORMAT_WORKDAY_XML, "workday_xml"),
    (L::FORMAT_JSON, "json"),
    (L::FORMAT_CSV, "csv"),
    (L::FORMAT_SIMPLE_XML, "simple_xml"),
    (L::FORMAT_RSS, "rss"),
    (L::FORMAT_GDATA, "gdata"),
    (L::FORMAT_XSD, "xsd"),
    (L::FORMAT_WSDL, "wsdl"),
];

impl Recogniser for ViewUrls {
    fn page(&self) -> PageId {
        PAGE
    }

    fn example_urls(&self) -> &'static [&'static str] {
        &[
            "https://wd3-impl.workday.com/acme/d/inst/1$24/rel-task/2997$1953.htmld",
            "https://wd5.myworkday.com/acme/d/inst/1$24/rel-task/2997$1953.htmld",
        ]
    }

    fn example_titles(&self) -> &'static [&'static str] {
        &["View URLs", "View URLs - Workday"]
    }

    fn recognise(&self, page: &Page) -> Option<Capture> {
        let s = page.snapshot;
        let titled = page.scope_titled(L::TITLE);
        let scope = titled.or_else(|| page.active_scope())?;
        if titled.is_none() && !mentions_report_url(s, scope.node) {
            return None; // the common case on every other page: one cheap pass
        }
        let urls = report_urls(page, scope.node);
        if titled.is_none() && !several_formats_of_one_report(&urls) {
            return None;
        }

        let mut report_name = None;
        let mut report_owner = None;
        for field in workday_dom::fields(s, scope.node) {
            match labels::which(&[L::REPORT_NAME, L::REPORT_OWNER], &field.label) {
                Some(L::REPORT_NAME) => {
                    report_name = report_name.or_else(|| super::first_value(s, &field))
                }
                Some(L::REPORT_OWNER) => {
                    report_owner = report_owner.or_else(|| super::first_value(s, &field))
                }
                _ => {}
            }
        }
        // The JSON URL names the report the admin will copy; any URL will do after that.
        let by_shape = |f: fn(&Endpoint) -> Option<String>| {
            urls.iter()
                .filter(|u| u.format == "json")
                .chain(urls.iter())
                .find_map(|u| f(&u.endpoint))
        };
        let report_name = report_name.or_else(|| by_shape(|e| e.detail.report_name.clone()));
        let report_owner = report_owner.or_else(|| by_shape(|e| e.detail.report_owner.clone()));

        let mut settings = Vec::new();
        if let Some(name) = &report_name {
            settings.push(Setting::text(names::REPORT_NAME, name.clone()));
        }
        if let Some(owner) = &report_owner {
            settings.push(Setting::text(names::REPORT_OWNER, owner.clone()));
        }
        if !urls.is_empty() {
            settings.push(Setting::new(
                names::REPORT_URLS,
                SettingValue::Records(
                    urls.iter()
                        .map(|u| record([("format", u.format.as_str()), ("url", u.url.as_str())]))
                        .collect(),
                ),
            ));
        }
        let params = urls
            .iter()
            .filter(|u| u.format == "json")
            .map(|u| {
                let mut p = Param::new(ParamKind::RaasUrl, u.url.clone()).with_source(Source {
                    page: Some(PAGE),
                    label: u.shown_under.clone(),
                    line: None,
                    node: Some(u.node),
                    ..Source::default()
                });
                p.name = report_name.clone();
                p
            })
            .collect();

        Some(Capture {
            page: PAGE,
            in_popup: scope.is_popup,
            params,
            settings,
        })
    }
}

/// One report URL on the page.
struct ReportUrl {
    url: String,
    endpoint: Endpoint,
    format: String,
    node: NodeId,
    /// The label, link text or section it is shown under.
    shown_under: Option<String>,
}

/// Every RaaS URL in `scope`, once each, in document order.
fn report_urls(page: &Page, scope: NodeId) -> Vec<ReportUrl> {
    let s = page.snapshot;
    let sections = workday_dom::sections(s, scope);
    let mut candidates: Vec<(String, NodeId, Option<String>)> = Vec::new();
    for field in workday_dom::fields(s, scope) {
        if let Some(v) = field.value_node {
            for value in workday_dom::values(s, v) {
                candidates.push((value, v, Some(field.label.clone())));
            }
        }
    }
    for link in workday_dom::links(s, scope) {
        let under = Some(link.text.clone())
            .filter(|t| !t.is_empty() && !t.starts_with("http"))
            .or_else(|| sections.of(s, link.node).map(str::to_string));
        candidates.push((link.url, link.node, under));
    }
    for n in workday_dom::visible_nodes(s, scope) {
        if s.is_element(n) {
            continue;
        }
        let t = s.text(n);
        if t.starts_with("https://") || t.starts_with("http://") {
            let node = s.parent(n).unwrap_or(n);
            candidates.push((t, node, sections.of(s, n).map(str::to_string)));
        }
    }
    candidates.sort_by_key(|(_, node, _)| *node);

    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (url, node, under) in candidates {
        let url = url.trim().to_string();
        let Ok(endpoint) = Endpoint::parse(&url) else {
            continue;
        };
        if endpoint.kind != Some(EndpointKind::Raas) || !seen.insert(url.clone()) {
            continue;
        }
        let under = under.or_else(|| sections.of(s, node).map(str::to_string));
        let format = format_by_shape(&endpoint)
            .map(str::to_string)
            .or_else(|| {
                under.as_deref().and_then(|u| {
                    FORMAT_KEYS
                        .iter()
                        .find(|(label, _)| label.matches(u))
                        .map(|(_, f)| f.to_string())
                })
            })
            .unwrap_or_else(|| match &endpoint.detail.format {
                Some(RaasFormat::Other(x)) => x.clone(),
                _ => "other".to_string(),
            });
        out.push(ReportUrl {
            url,
            endpoint,
            format,
            node,
            shown_under: under,
        });
    }
    out
}

/// Whether any link, copy action or text in `scope` holds a RaaS address.
fn mentions_report_url(s: &Snapshot, scope: NodeId) -> bool {
    const MARK: &str = "/customreport2/";
    workday_dom::visible_nodes(s, scope).any(|n| {
        if s.is_element(n) {
            ["href", "data-clipboard-text"]
                .iter()
                .any(|a| s.attr(n, a).is_some_and(|v| v.contains(MARK)))
        } else {
            s.text(n).contains(MARK)
        }
    })
}

/// The format a report URL asks for: `?xsd` / `?wsdl` describe the report; otherwise the
/// `format` parameter (none is Workday XML). `None` for a format the notes do not list.
fn format_by_shape(e: &Endpoint) -> Option<&'static str> {
    for (key, _) in e.url.query_pairs() {
        if key.eq_ignore_ascii_case("xsd") {
            return Some("xsd");
        }
        if key.eq_ignore_ascii_case("wsdl") {
            return Some("wsdl");
        }
    }
    match e.detail.format.as_ref()? {
        RaasFormat::WorkdayXml => Some("workday_xml"),
        RaasFormat::Json => Some("json"),
        RaasFormat::Csv => Some("csv"),
        RaasFormat::SimpleXml => Some("simple_xml"),
        RaasFormat::Rss => Some("rss"),
        RaasFormat::Gdata => Some("gdata"),
        RaasFormat::Other(_) => None,
    }
}

/// Two or more formats of the same report: the shape of a View URLs page.
fn several_formats_of_one_report(urls: &[ReportUrl]) -> bool {
    let mut formats: std::collections::HashMap<String, BTreeSet<&str>> = Default::default();
    for u in urls {
        let key = format!(
            "{}/{}",
            u.endpoint.url.host_str().unwrap_or_default(),
            u.endpoint.url.path()
        );
        formats.entry(key).or_default().insert(u.format.as_str());
    }
    formats.values().any(|f| f.len() >= 2)
}
