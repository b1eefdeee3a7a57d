//! A RaaS JSON sample pasted into a ticket: what the checks compare with a partner's report
//! fields (it holds people's data, so it never goes into a report).

use std::collections::{BTreeMap, BTreeSet};

/// A RaaS JSON sample (`{"Report_Entry": [{…}]}`, the RaaS answer of the notes' "Values" section): its columns, and the distinct
/// values of its columns that have few of them (the categorical ones a partner restricts:
/// status, locale, yes/no).
#[derive(Debug, Clone, Default)]
pub struct ReportSample {
    pub columns: Vec<String>,
    pub values: BTreeMap<String, BTreeSet<String>>,
}
