//! `permission-missing`: the ISU's security group has no permission on a domain security policy
//! the partner's guide lists (the Viva Learning guide "Create the ISU" step 7, the Defender for Cloud Apps guide "Connect Workday" § Prerequisites,
//! the Ten Thousand Coffees guide "Workday custom reports" step 3). Calls into that domain are refused ("The task submitted is not
//! authorized", the notes' "OAuth and API behaviour"). Judged only where the evidence is complete: the group's own list
//! (Maintain Permissions for Security Group), or the policies of a functional area that
//! Domain Security Policies for Functional Area showed.

use super::{partner_name, text_bool, Check, Context, Finding};
use crate::model::severity::Severity;
use crate::model::partner::{fold, Access, DomainPolicy};
use crate::model::settings::{names, SettingValue};
use std::collections::{BTreeMap, BTreeSet};

pub struct PermissionMissing;

/// What the evidence says the ISU's group is granted.
pub(crate) struct Grants {
    /// Folded policy name → (the name as shown, the access granted).
    pub granted: BTreeMap<String, (String, BTreeSet<Access>)>,
    /// The group's full list was seen (Maintain Permissions for Security Group).
    pub complete: bool,
    /// Folded names of policies the evidence covers although the group may lack them (the
    /// functional area's policy list).
    pub covered: BTreeSet<String>,
}

impl Grants {
    /// The grant for a partner's row: on its subdomain, else on its domain.
    pub fn lookup(&self, row: &DomainPolicy) -> Option<&(String, BTreeSet<Access>)> {
        self.granted
            .get(&fold(row.target()))
            .or_else(|| self.granted.get(&fold(row.policy)))
    }

    pub fn judges(&self, row: &DomainPolicy) -> bool {
        self.complete
            || self.covered.contains(&fold(row.target()))
            || self.covered.contains(&fold(row.policy))
    }

    pub fn is_empty(&self) -> bool {
        self.granted.is_empty() && self.covered.is_empty()
    }
}

const POLICY_KEYS: &[&str] = &[
    "policy",
    "domainsecuritypolicy",
    "domain",
    "domainpolicy",
    "securitypolicy",
    "name",
];
const GROUP_KEYS: &[&str] = &["group", "securitygroup"];

fn field<'r>(rec: &'r BTreeMap<String, String>, keys: &[&str]) -> Option<&'r str> {
    rec.iter()
        .find(|(k, _)| keys.contains(&fold(k).as_str()))
        .map(|(_, v)| v.as_str())
        .filter(|v| !v.trim().is_empty())
}

/// The access a record grants: `view`/`modify`/`get`/`put` keys that are true, and the words in
/// access texts ("View and Modify", "Get Only", "Get, Put").
fn access_of(rec: &BTreeMap<String, String>) -> BTreeSet<Access> {
    let mut out = BTreeSet::new();
    for (k, v) in rec {
        let kf = fold(k);
        if POLICY_KEYS.contains(&kf.as_str())
            || GROUP_KEYS.contains(&kf.as_str())
            || kf.starts_with("functionalarea")
        {
            continue;
        }
        let word = |w: &str| match w {
            "view" => Some(Access::View),
            "modify" => Some(Access::Modify),
            "get" => Some(Access::Get),
            "put" => Some(Access::Put),
            _ => None,
        };
        if let Some(a) = word(kf.as_str()) {
            if text_bool(v) == Some(true) {
                out.insert(a);
            }
            continue;
        }
        for w in v.to_lowercase().split(|c: char| !c.is_alphabetic()) {
            out.extend(word(w));
        }
    }
    out
}

pub(crate) fn grants(cx: &Context) -> Grants {
    let mut g = Grants {
        granted: BTreeMap::new(),
        complete: false,
        covered: BTreeSet::new(),
    };
    let add = |g: &mut Grants, rec: &BTreeMap<String, String>| {
        if let Some(policy) = field(rec, POLICY_KEYS) {
            let entry = g
                .granted
                .entry(fold(policy))
                .or_insert_with(|| (policy.to_string(), BTreeSet::new()));
            entry.1.extend(access_of(rec));
        }
    };
    let own = cx.records(names::DOMAIN_PERMISSION);
    if !own.is_empty() {
        g.complete = true;
        for rec in own {
            add(&mut g, rec);
        }
    }
    let by_area = cx.records(names::DOMAIN_POLICY_ACCESS);
    let groups: BTreeSet<String> = by_area
        .iter()
        .filter_map(|r| field(r, GROUP_KEYS))
        .map(fold)
        .collect();
    let isu_group = cx
        .text_setting(names::SECURITY_GROUP)
        .map(fold)
        .or_else(|| {
            // With one group in sight, it is the one the admin is working on.
            (groups.len() == 1)
                .then(|| groups.iter().next().cloned())
                .flatten()
        });
    for rec in &by_area {
        if let Some(p) = field(rec, POLICY_KEYS) {
            g.covered.insert(fold(p));
        }
        let group = field(rec, GROUP_KEYS).map(fold);
        if isu_group.is_some() && group == isu_group {
            add(&mut g, rec);
        }
    }
    if isu_group.is_none() {
        // Whose grants these are is unknown: they cover nothing.
        g.covered.clear();
    }
    for s in cx.settings_named(names::DOMAIN_POLICIES) {
        if let SettingValue::List(l) = &s.value {
            if isu_group.is_some() {
                g.covered.extend(l.iter().map(|p| fold(p)));
            }
        }
    }
    g
}

impl Check for PermissionMissing {
    fn code(&self) -> &'static str {
        "permission-missing"
    }

    fn summary(&self) -> &'static str {
        "The ISU's security group lacks a domain security policy the partner needs."
    }

    fn severities(&self) -> &'static [Severity] {
        &[Severity::Error]
    }

    fn reads(&self) -> &'static [&'static str] {
        &[names::DOMAIN_PERMISSION, names::DOMAIN_POLICY_ACCESS]
    }

    fn run(&self, cx: &Context) -> Vec<Finding> {
        let Some(partner) = cx.partner.filter(|p| !p.domain_policies.is_empty()) else {
            return Vec::new();
        };
        let g = grants(cx);
        if g.is_empty() {
            return Vec::new();
        }
        partner
            .domain_policies
            .iter()
            .filter(|row| g.judges(row) && g.lookup(row).is_none_or(|(_, a)| a.is_empty()))
            .map(|row| {
                let needs: Vec<&str> = row.needs().map(Access::as_str).collect();
                let area = row.functional_area.map(|a| format!(" (functional area {a})")).unwrap_or_default();
                Finding::new(
                    self.code(),
                    Severity::Error,
                    None,
                    format!(
                        "{} has no permission on `{}`{area}; {} needs {}.",
                        cx.group_phrase(),
                        row.target(),
                        partner_name(cx),
                        needs.join(", ")
                    ),
                    format!(
                        "Maintain Permissions for Security Group: add `{}` with {}, then Activate Pending Security Policy Changes.",
                        row.target(),
                        needs.join(" and ")
                    ),
                )
            })
            .collect()
    }
}
