//! `raas-not-json`: a RaaS URL without `format=json`. Without a `format` Workday answers in its
//! own XML (the notes' "Hosts and URL anatomy"); Ten Thousand Coffees (WorkOS) needs "the JSON endpoint" (the Ten Thousand Coffees guide "Workday custom reports"), so
//! for a partner that needs JSON this is an error. Without a chosen partner it is only worth
//! knowing (info): the XML URL is the integrators' common mistake (the notes' "Hosts and URL anatomy").

use super::{partner_name, Check, Context, Finding};
use crate::model::severity::Severity;
use crate::workday::endpoint::{EndpointKind, RaasFormat};

pub struct RaasNotJson;

/// The URL with `format=json` in place of any other `format` parameter.
pub(crate) fn with_json_format(url: &url::Url) -> String {
    let mut u = url.clone();
    let pairs: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| !k.eq_ignore_ascii_case("format"))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    u.set_query(None);
    {
        let mut q = u.query_pairs_mut();
        for (k, v) in &pairs {
            q.append_pair(k, v);
        }
        q.append_pair("format", "json");
    }
    u.to_string()
}

impl Check for RaasNotJson {
    fn code(&self) -> &'static str {
        "raas-not-json"
    }

    fn summary(&self) -> &'static str {
        "A RaaS report URL is not the JSON one (`format=json`)."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error, Severity::Info]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let severity = match cx.partner {
            Some(p) if p.raas_json => Severity::Error,
            Some(_) => return Vec::new(),
            None => Severity::Info,
        };
        cx.workday_urls()
            .filter(|(_, _, e)| e.kind == Some(EndpointKind::Raas))
            .filter_map(|(i, _, e)| {
                let format = e.detail.format.as_ref()?;
                let shown = match format {
                    RaasFormat::Json => return None,
                    RaasFormat::WorkdayXml => "Workday XML (no `format`)".to_string(),
                    RaasFormat::Csv => "CSV".into(),
                    RaasFormat::SimpleXml => "simple XML".into(),
                    RaasFormat::Rss => "RSS".into(),
                    RaasFormat::Gdata => "GData".into(),
                    RaasFormat::Other(o) => format!("`{o}`"),
                };
                let message = if severity == Severity::Error {
                    format!("The report URL returns {shown}; {} needs the JSON URL.", partner_name(cx))
                } else {
                    format!("The report URL returns {shown}; partners that read JSON need the JSON URL.")
                };
                Some(
                    Finding::new(
                        self.code(),
                        severity,
                        Some(i),
                        message,
                        "Use the URL listed under JSON on the report's Actions > Web Service > View URLs (it ends in `format=json`).",
                    )
                    .fixed(Some(with_json_format(&e.url))),
                )
            })
            .collect()
    }
}
