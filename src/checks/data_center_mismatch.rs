//! `data-center-mismatch`: hosts carrying data-center labels (`wd3`, `wd12`…) disagree. A
//! services host of the wrong data center answers 503 (the notes' "Hosts and URL anatomy", common mistakes). Hosts
//! without a label are never compared: the host does not tell which data center they are in.

use super::{majority, Check, Context, Finding};
use crate::model::severity::Severity;
use crate::workday::tenant::DataCenter;

pub struct DataCenterMismatch;

impl Check for DataCenterMismatch {
    fn code(&self) -> &'static str {
        "data-center-mismatch"
    }

    fn summary(&self) -> &'static str {
        "The URLs' hosts are in different Workday data centers."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let labelled: Vec<(usize, DataCenter)> = cx
            .workday_urls()
            .filter_map(|(i, _, e)| e.data_center().map(|d| (i, d.clone())))
            .collect();
        let dcs: Vec<DataCenter> = labelled.iter().map(|(_, d)| d.clone()).collect();
        let Some(expected) = majority(&dcs) else {
            return Vec::new();
        };
        labelled
            .into_iter()
            .filter(|(_, d)| *d != expected)
            .map(|(i, d)| {
                let p = &cx.params[i];
                let e = cx.endpoint(i);
                // A host of the right data center and the same role, if another URL has one.
                let good_host = e
                    .and_then(|e| e.host.as_ref())
                    .and_then(|h| cx.host_like(h.role, None, Some(&expected)));
                let fixed_value = good_host.and_then(|h| {
                    let mut u = e?.url.clone();
                    u.set_host(Some(&h)).ok()?;
                    Some(u.to_string())
                });
                Finding::new(
                    self.code(),
                    Severity::Error,
                    Some(i),
                    format!("{} is on data center `{d}`, the other URLs on `{expected}`.", p.kind.title()),
                    "Copy the endpoints from one tenant's View API Clients page so they share its data center.",
                )
                .fixed(fixed_value)
            })
            .collect()
    }
}
