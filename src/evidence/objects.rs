//! The things a tenant's values and settings are about: its API clients, its security groups,
//! its integration system users, gathered from a record's values and page reads.
//!
//! - An [`ApiClient`] is known by its name (case and punctuation aside) and by its client ID: a
//!   client ID seen without a name (or before it) and later with one is the same client; two
//!   IDs under one name are two clients (a client registered again). Its secrets and refresh
//!   tokens are those the page or the text tied to it (their `client`); a value tied to none
//!   joins the client whose ID the same page showed at the same moment, or the only client, or
//!   stays loose. Its settings are those read on pages about it (Register API Client, View API
//!   Client, Manage Refresh Tokens).
//! - A [`SecurityGroup`] is known by its name: its type and members (Create Security Group),
//!   its domain permissions (Maintain Permissions for Security Group) and the access Domain
//!   Security Policies for Functional Area lists for it.
//! - An [`Isu`] is known by its user name (`user@tenant` is the same user): its session timeout
//!   and "Do Not Allow UI Sessions" (Create Integration System User), and the refresh tokens
//!   issued for it (Manage Refresh Tokens).

use super::record::{PageRead, Record, StoredParam};
use crate::model::page_id::PageId;
use crate::model::param::ParamKind;
use crate::model::partner::fold;
use crate::model::settings::{names, Setting, SettingValue};
use std::collections::BTreeMap;

/// What a tenant's record is about.
#[derive(Debug, Default)]
pub struct Objects {
    pub clients: Vec<ApiClient>,
    pub groups: Vec<SecurityGroup>,
    pub isus: Vec<Isu>,
    /// Secrets and refresh tokens no page or text tied to an API client (indices into the
    /// record's values).
    pub loose: Vec<usize>,
}

/// One API client. Indices point into the record's `params` and `reads`; values are ordered
/// the record's own first, then newest first.
#[derive(Debug, Default, Clone)]
pub struct ApiClient {
    pub name: Option<String>,
    pub ids: Vec<usize>,
    pub secrets: Vec<usize>,
    pub refresh_tokens: Vec<usize>,
    /// Page reads about it, newest first.
    pub reads: Vec<usize>,
    /// When it was last seen (ms).
    pub seen: u64,
}

/// One security group.
#[derive(Debug, Default, Clone)]
pub struct SecurityGroup {
    pub name: String,
    /// Reads about it (Create Security Group, Maintain Permissions for Security Group), newest
    /// first.
    pub reads: Vec<usize>,
    /// Domain Security Policies for Functional Area reads that list its access, newest first.
    pub area_reads: Vec<usize>,
}

/// One integration system user.
#[derive(Debug, Default, Clone)]
pub struct Isu {
    pub name: String,
    /// Reads about it (Create Integration System User, Manage Refresh Tokens), newest first.
    pub reads: Vec<usize>,
    /// Its user-name values.
    pub params: Vec<usize>,
}

/// A user name without its `@tenant`, folded.
pub fn fold_user(name: &str) -> String {
    fold(name.split('@').next().unwrap_or(name))
}

/// The newest setting `name` among `reads` (indices, newest first), with the read it is in.
fn newest<'r>(
    record: &'r Record,
    reads: &[usize],
    name: &str,
) -> Option<(&'r Setting, &'r PageRead)> {
    reads
        .iter()
        .filter_map(|&i| record.reads.get(i))
        .find_map(|r| r.setting(name).map(|s| (s, r)))
}

impl ApiClient {
    /// The client ID (the newest of the record's own).
    pub fn client_id<'r>(&self, record: &'r Record) -> Option<&'r StoredParam> {
        self.ids.first().and_then(|&i| record.params.get(i))
    }

    /// What identifies it to the admin's choice: its client ID, else its name.
    pub fn handle(&self, record: &Record) -> String {
        self.client_id(record)
            .map(|p| p.value.trim().to_string())
            .or_else(|| self.name.clone())
            .unwrap_or_default()
    }

    /// Whether `handle` (a client ID or a name) is this client.
    pub fn is(&self, record: &Record, handle: &str) -> bool {
        let handle = handle.trim();
        !handle.is_empty()
            && (self
                .ids
                .iter()
                .any(|&i| record.params[i].value.trim() == handle)
                || self
                    .name
                    .as_deref()
                    .is_some_and(|n| fold(n) == fold(handle)))
    }

    /// The newest setting `name` read on a page about it.
    pub fn setting<'r>(
        &self,
        record: &'r Record,
        name: &str,
    ) -> Option<(&'r Setting, &'r PageRead)> {
        newest(record, &self.reads, name)
    }

    /// The values that belong to it (IDs, secrets, refresh tokens).
    pub fn values(&self) -> impl Iterator<Item = usize> + '_ {
        self.ids
            .iter()
            .chain(&self.secrets)
            .chain(&self.refresh_tokens)
            .copied()
    }
}

impl SecurityGroup {
    pub fn setting<'r>(
        &self,
        record: &'r Record,
        name: &str,
    ) -> Option<(&'r Setting, &'r PageRead)> {
        newest(record, &self.reads, name)
    }

    /// Its members, as the newest read of them lists them.
    pub fn members(&self, record: &Record) -> Option<Vec<String>> {
        self.setting(record, names::SECURITY_GROUP_MEMBERS)
            .and_then(|(s, _)| s.as_list().map(<[String]>::to_vec))
    }

    /// Whether `user` is one of its members.
    pub fn holds(&self, record: &Record, user: &str) -> bool {
        self.members(record)
            .is_some_and(|m| m.iter().any(|x| fold_user(x) == fold_user(user)))
    }

    /// The access records Domain Security Policies for Functional Area lists for it.
    pub fn policy_access<'r>(&self, record: &'r Record) -> Vec<&'r BTreeMap<String, String>> {
        let mine = fold(&self.name);
        self.area_reads
            .iter()
            .filter_map(|&i| record.reads.get(i))
            .flat_map(|r| records(&r.settings, names::DOMAIN_POLICY_ACCESS))
            .filter(|rec| group_of(rec).is_some_and(|g| fold(g) == mine))
            .collect()
    }
}

impl Isu {
    pub fn setting<'r>(
        &self,
        record: &'r Record,
        name: &str,
    ) -> Option<(&'r Setting, &'r PageRead)> {
        newest(record, &self.reads, name)
    }
}

/// Every record of setting `name` in `settings`.
pub fn records<'s>(settings: &'s [Setting], name: &str) -> Vec<&'s BTreeMap<String, String>> {
    settings
        .iter()
        .filter(|s| s.name == name)
        .flat_map(|s| match &s.value {
            SettingValue::Record(r) => vec![r],
            SettingValue::Records(rs) => rs.iter().collect(),
            _ => Vec::new(),
        })
        .collect()
}

/// The group an access record is about (its `group` or `security group` key).
pub fn group_of(rec: &BTreeMap<String, String>) -> Option<&str> {
    rec.iter()
        .find(|(k, _)| matches!(fold(k).as_str(), "group" | "securitygroup"))
        .map(|(_, v)| v.trim())
        .filter(|v| !v.is_empty())
}

/// The API client a read is about.
pub fn client_of(read: &PageRead) -> Option<&str> {
    read.text(names::CLIENT_NAME)
        .or_else(|| read.text(names::API_CLIENT))
        .filter(|n| !n.trim().is_empty())
}

/// The record's values, the record's own first, then newest first.
fn rank(record: &Record, list: &mut [usize]) {
    list.sort_by_key(|&i| {
        let p = &record.params[i];
        (!record.is_own(p.origin.as_ref()), std::cmp::Reverse(p.at))
    });
}

/// Gathers the objects of `record`.
pub fn objects(record: &Record) -> Objects {
    let mut out = Objects::default();
    clients(record, &mut out);
    groups(record, &mut out);
    isus(record, &mut out);
    out
}

fn clients(record: &Record, out: &mut Objects) {
    let mut list: Vec<ApiClient> = Vec::new();
    let mut loose: Vec<usize> = Vec::new();
    let clients = &mut list;
    let by_name = |clients: &[ApiClient], name: &str, without_id: bool| -> Option<usize> {
        let folded = fold(name);
        clients
            .iter()
            .enumerate()
            .filter(|(_, c)| c.name.as_deref().is_some_and(|n| fold(n) == folded))
            .filter(|(_, c)| !without_id || c.ids.is_empty())
            .max_by_key(|(_, c)| c.seen)
            .map(|(i, _)| i)
    };
    // Client IDs and the reads about a client, oldest first, so "seen later" is well defined.
    enum Event {
        Id(usize),
        Read(usize),
    }
    let mut events: Vec<(u64, Event)> = Vec::new();
    for (i, p) in record.params.iter().enumerate() {
        if p.kind == ParamKind::ClientId {
            events.push((p.at, Event::Id(i)));
        }
    }
    for (i, r) in record.reads.iter().enumerate() {
        if client_of(r).is_some() {
            events.push((r.at, Event::Read(i)));
        }
    }
    events.sort_by_key(|(at, e)| (*at, matches!(e, Event::Id(_))));
    for (at, event) in events {
        match event {
            Event::Id(i) => {
                let p = &record.params[i];
                let name = p.client.clone().or_else(|| p.name.clone());
                let value = p.value.trim();
                let found = clients
                    .iter()
                    .position(|c| {
                        c.ids
                            .iter()
                            .any(|&j| record.params[j].value.trim() == value)
                    })
                    .or_else(|| name.as_deref().and_then(|n| by_name(clients, n, true)));
                let c = match found {
                    Some(c) => c,
                    None => {
                        clients.push(ApiClient {
                            name: name.clone(),
                            ..ApiClient::default()
                        });
                        clients.len() - 1
                    }
                };
                let client = &mut clients[c];
                client.ids.push(i);
                client.name = client.name.take().or(name);
                client.seen = client.seen.max(at);
            }
            Event::Read(i) => {
                let name = client_of(&record.reads[i]).unwrap_or_default().to_string();
                let c = match by_name(clients, &name, false) {
                    Some(c) => c,
                    None => {
                        clients.push(ApiClient {
                            name: Some(name),
                            ..ApiClient::default()
                        });
                        clients.len() - 1
                    }
                };
                clients[c].reads.push(i);
                clients[c].seen = clients[c].seen.max(at);
            }
        }
    }
    for (i, p) in record.params.iter().enumerate() {
        if !matches!(p.kind, ParamKind::ClientSecret | ParamKind::RefreshToken) {
            continue;
        }
        // A refresh token's `name` is its account, not its client.
        let name = p.client.clone().or_else(|| {
            (p.kind == ParamKind::ClientSecret)
                .then(|| p.name.clone())
                .flatten()
        });
        let c = match name {
            Some(n) => Some(by_name(clients, &n, false).unwrap_or_else(|| {
                clients.push(ApiClient {
                    name: Some(n),
                    ..ApiClient::default()
                });
                clients.len() - 1
            })),
            None => clients
                .iter()
                .position(|c| {
                    c.ids.iter().any(|&j| {
                        let id = &record.params[j];
                        id.page == p.page && id.at == p.at && id.origin == p.origin
                    })
                })
                .or_else(|| (clients.len() == 1).then_some(0)),
        };
        match c {
            Some(c) => {
                let client = &mut clients[c];
                if p.kind == ParamKind::ClientSecret {
                    client.secrets.push(i);
                } else {
                    client.refresh_tokens.push(i);
                }
                client.seen = client.seen.max(p.at);
            }
            None => loose.push(i),
        }
    }
    for c in clients.iter_mut() {
        rank(record, &mut c.ids);
        rank(record, &mut c.secrets);
        rank(record, &mut c.refresh_tokens);
        c.reads
            .sort_by_key(|&i| std::cmp::Reverse(record.reads[i].at));
    }
    rank(record, &mut loose);
    out.clients = list;
    out.loose = loose;
}

fn groups(record: &Record, out: &mut Objects) {
    let mut order: Vec<usize> = (0..record.reads.len()).collect();
    order.sort_by_key(|&i| record.reads[i].at);
    let groups = &mut out.groups;
    let find = |groups: &mut Vec<SecurityGroup>, name: &str| -> usize {
        let folded = fold(name);
        groups
            .iter()
            .position(|g| fold(&g.name) == folded)
            .unwrap_or_else(|| {
                groups.push(SecurityGroup {
                    name: name.trim().to_string(),
                    ..SecurityGroup::default()
                });
                groups.len() - 1
            })
    };
    for i in order {
        let r = &record.reads[i];
        if r.page == Some(PageId::DomainPoliciesForArea)
            || r.settings
                .iter()
                .any(|s| s.name == names::DOMAIN_POLICY_ACCESS)
        {
            for rec in records(&r.settings, names::DOMAIN_POLICY_ACCESS) {
                if let Some(g) = group_of(rec) {
                    let at = find(groups, g);
                    if !groups[at].area_reads.contains(&i) {
                        groups[at].area_reads.push(i);
                    }
                }
            }
        } else if let Some(name) = r
            .text(names::SECURITY_GROUP)
            .filter(|n| !n.trim().is_empty())
        {
            let at = find(groups, name);
            groups[at].reads.push(i);
        }
    }
    for g in groups.iter_mut() {
        g.reads
            .sort_by_key(|&i| std::cmp::Reverse(record.reads[i].at));
        g.area_reads
            .sort_by_key(|&i| std::cmp::Reverse(record.reads[i].at));
    }
}

fn isus(record: &Record, out: &mut Objects) {
    let isus = &mut out.isus;
    let find = |isus: &mut Vec<Isu>, name: &str| -> usize {
        let folded = fold_user(name);
        isus.iter()
            .position(|u| fold_user(&u.name) == folded)
            .unwrap_or_else(|| {
                isus.push(Isu {
                    name: name.trim().to_string(),
                    ..Isu::default()
                });
                isus.len() - 1
            })
    };
    let mut order: Vec<usize> = (0..record.reads.len()).collect();
    order.sort_by_key(|&i| record.reads[i].at);
    for i in order {
        let r = &record.reads[i];
        let name = r
            .text(names::ISU_USER_NAME)
            .or_else(|| r.text(names::WORKDAY_ACCOUNT))
            .filter(|n| !n.trim().is_empty());
        if let Some(name) = name {
            let at = find(isus, name);
            isus[at].reads.push(i);
        }
    }
    let mut values: Vec<usize> = (0..record.params.len())
        .filter(|&i| record.params[i].kind == ParamKind::IsuUsername)
        .collect();
    values.sort_by_key(|&i| record.params[i].at);
    for i in values {
        let at = find(isus, &record.params[i].value);
        isus[at].params.push(i);
    }
    for u in isus.iter_mut() {
        u.reads
            .sort_by_key(|&i| std::cmp::Reverse(record.reads[i].at));
    }
}
