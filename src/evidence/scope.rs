//! The evidence about the partner's own objects: of a record's values and page reads, those
//! that are tenant-wide (endpoints, org IDs, tenant settings, reports) or about the chosen API
//! client, security group and ISU count; those about other clients, groups or users are kept
//! apart, to be shown as such and never counted.

use super::choice::Choices;
use super::objects::{client_of, fold_user, group_of, Objects};
use super::record::Record;
use crate::model::page_id::PageId;
use crate::model::param::ParamKind;
use crate::model::partner::fold;
use crate::model::settings::{names, Setting, SettingValue};
use serde::Serialize;

/// Which kind of object a read is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ObjectKind {
    ApiClient,
    SecurityGroup,
    Isu,
}

/// What a page read is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum About {
    /// The tenant as a whole (its settings, its reports, its endpoints).
    Tenant,
    /// Domain Security Policies for Functional Area: every group's access to the area.
    EveryGroup,
    Object(ObjectKind, usize),
}

/// A read about an object that is not the partner's.
#[derive(Debug, Clone)]
pub struct Other {
    pub read: usize,
    pub kind: ObjectKind,
    pub name: String,
}

/// The evidence as the partner's objects see it.
#[derive(Debug, Default)]
pub struct Scope {
    /// Per value of the record: it counts (tenant-wide, or the chosen object's).
    pub values: Vec<bool>,
    /// Per page read of the record: it counts.
    pub reads: Vec<bool>,
    /// The settings the checks judge, oldest first: the counted reads', with Domain Security
    /// Policies for Functional Area's access rows of the chosen group only.
    pub settings: Vec<Setting>,
    /// The counted reads, oldest first, each with its settings as counted: (read, settings).
    pub counted: Vec<(usize, Vec<Setting>)>,
    /// Reads about other objects.
    pub others: Vec<Other>,
}

/// What read `i` of `record` is about.
pub fn about(record: &Record, objects: &Objects, i: usize) -> About {
    let read = &record.reads[i];
    if read.page == Some(PageId::DomainPoliciesForArea)
        || read
            .settings
            .iter()
            .any(|s| s.name == names::DOMAIN_POLICY_ACCESS)
    {
        return About::EveryGroup;
    }
    let find = |kind, pos: Option<usize>| pos.map_or(About::Tenant, |p| About::Object(kind, p));
    if client_of(read).is_some() {
        return find(
            ObjectKind::ApiClient,
            objects.clients.iter().position(|c| c.reads.contains(&i)),
        );
    }
    if read.text(names::SECURITY_GROUP).is_some() {
        return find(
            ObjectKind::SecurityGroup,
            objects.groups.iter().position(|g| g.reads.contains(&i)),
        );
    }
    if read.text(names::ISU_USER_NAME).is_some() {
        return find(
            ObjectKind::Isu,
            objects.isus.iter().position(|u| u.reads.contains(&i)),
        );
    }
    About::Tenant
}

fn name_of(objects: &Objects, kind: ObjectKind, index: usize) -> String {
    match kind {
        ObjectKind::ApiClient => objects.clients[index].name.clone().unwrap_or_default(),
        ObjectKind::SecurityGroup => objects.groups[index].name.clone(),
        ObjectKind::Isu => objects.isus[index].name.clone(),
    }
}

/// A setting of Domain Security Policies for Functional Area as it counts: every setting but
/// the access rows, and of those only the rows of `group` (folded).
fn of_group(s: &Setting, group: Option<&str>) -> Option<Setting> {
    if s.name != names::DOMAIN_POLICY_ACCESS {
        return Some(s.clone());
    }
    let group = group?;
    let mine = |r: &std::collections::BTreeMap<String, String>| {
        group_of(r).map(fold).as_deref() == Some(group)
    };
    match &s.value {
        SettingValue::Record(r) if mine(r) => Some(s.clone()),
        SettingValue::Records(rs) => {
            let kept: Vec<_> = rs.iter().filter(|r| mine(r)).cloned().collect();
            (!kept.is_empty()).then(|| Setting::new(s.name.as_str(), SettingValue::Records(kept)))
        }
        _ => None,
    }
}

impl Scope {
    /// The counted settings of the reads made at or after `since` (ms), oldest first.
    pub fn settings_since(&self, record: &Record, since: u64) -> Vec<Setting> {
        self.counted
            .iter()
            .filter(|(i, _)| record.reads[*i].at >= since)
            .flat_map(|(_, s)| s.iter().cloned())
            .collect()
    }

    /// The pages of the counted reads made at or after `since` (ms).
    pub fn pages_since(&self, record: &Record, since: u64) -> Vec<PageId> {
        let mut out: Vec<PageId> = Vec::new();
        for (i, _) in &self.counted {
            let r = &record.reads[*i];
            if let Some(page) = r.page.filter(|p| r.at >= since && !out.contains(p)) {
                out.push(page);
            }
        }
        out
    }
}

/// The evidence of `record` that counts for the partner's `chosen` objects.
pub fn scope(record: &Record, objects: &Objects, chosen: &Choices) -> Scope {
    let pick = |kind: ObjectKind| match kind {
        ObjectKind::ApiClient => chosen.client,
        ObjectKind::SecurityGroup => chosen.group,
        ObjectKind::Isu => chosen.isu,
    };
    let mut out = Scope {
        reads: vec![false; record.reads.len()],
        ..Scope::default()
    };
    let group = chosen.group.map(|g| fold(&objects.groups[g.index].name));
    let mut order: Vec<usize> = (0..record.reads.len()).collect();
    order.sort_by_key(|&i| record.reads[i].at);
    for i in order {
        let read = &record.reads[i];
        let kept: Option<Vec<Setting>> = match about(record, objects, i) {
            About::Tenant => Some(read.settings.clone()),
            About::EveryGroup => Some(
                read.settings
                    .iter()
                    .filter_map(|s| of_group(s, group.as_deref()))
                    .collect(),
            ),
            About::Object(kind, index) => {
                if pick(kind).is_some_and(|c| c.index == index) {
                    Some(read.settings.clone())
                } else {
                    out.others.push(Other {
                        read: i,
                        kind,
                        name: name_of(objects, kind, index),
                    });
                    None
                }
            }
        };
        if let Some(kept) = kept {
            out.reads[i] = true;
            out.settings.extend(kept.iter().cloned());
            out.counted.push((i, kept));
        }
    }
    let client = chosen.client.map(|c| &objects.clients[c.index]);
    let isu = chosen.isu.map(|u| fold_user(&objects.isus[u.index].name));
    out.values = record
        .params
        .iter()
        .enumerate()
        .map(|(i, p)| {
            if p.kind.is_client_scoped() {
                client.is_some_and(|c| c.values().any(|j| j == i))
            } else if p.kind == ParamKind::IsuUsername {
                isu.as_ref().is_none_or(|u| fold_user(&p.value) == *u)
            } else {
                true
            }
        })
        .collect();
    out
}
