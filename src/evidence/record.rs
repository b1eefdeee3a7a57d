//! What is kept per tenant, and how a capture changes it: a [`Record`] holds the values captured
//! (each once per kind and value), the page reads (which settings were read together on which
//! page: the link between a setting and the object it is about), the partner exports used, the
//! refresh tokens known to be dead and the last live test.
//!
//! The shape is internal to the extension (not the CLI's contract) and versioned: a record of
//! another version, such as the JavaScript store's before this module, is not read (the
//! extension drops it and captures afresh).
//!
//! Refresh tokens: generating a new one invalidates the old (`workday-notes.md`, "Values"), and
//! Manage Refresh Tokens shows a token only once, when it is generated, so a page showing an
//! older token is history (the back button). A token is retired, out of `params` and so out of
//! every check, export, view and live test, when a newer one is captured for the same account
//! and API client from the same origin (tokens of other accounts, of an account not shown, or
//! captured elsewhere replace nothing), or when the live test's token request renewed it. A
//! retired token seen again is not captured again. Its value stays in the record, in the same
//! session storage as every captured value, only to recognise it; nothing displays it.

use super::capture::Capture;
use super::key::RecordKey;
use super::origin::Origin;
use crate::model::page_id::PageId;
use crate::model::param::{ParamInput, ParamKind, Source};
use crate::model::partner::fold;
use crate::model::secret::fingerprint;
use crate::model::settings::{names, Setting};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// The version of the record's shape this code reads and writes.
pub const RECORD_VERSION: u32 = 2;
/// Upper bounds per record, so a long session cannot grow storage without end.
pub const MAX_PARAMS: usize = 500;
pub const MAX_READS: usize = 200;
pub const MAX_SETTINGS: usize = 500;
pub const MAX_RETIRED: usize = 50;
/// At most this many values one page read adds to a record: a page that shows thousands of
/// values (or is made to) cannot fill the record and push out what other pages showed.
pub const MAX_NEW_PER_CAPTURE: usize = 100;
/// A value longer than this (bytes) is not kept: no Workday connection value comes near it (a
/// RaaS address with every prompt is under 2 KiB), and storage stays bounded.
pub const MAX_VALUE_BYTES: usize = 8 << 10;
/// A capture that adds nothing but newer times is not written again within this long.
pub const FRESH_MS: u64 = 60_000;

/// Everything kept for one tenant.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(rename = "StoredRecord"))]
pub struct Record {
    pub version: u32,
    /// The tenant and host family (none: evidence given without a page, as `wdcap view` reads).
    pub key: Option<RecordKey>,
    /// When it last changed (ms since the epoch).
    pub updated: u64,
    /// Deduplicated by kind and value.
    pub params: Vec<StoredParam>,
    /// Newest first, one per page, address, origin and subject.
    pub reads: Vec<PageRead>,
    /// Partner id → when its export was used (the evidence of a step done outside Workday).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(
        feature = "typescript",
        ts(as = "Option<BTreeMap<String, u64>>", optional)
    )]
    pub exported: BTreeMap<String, u64>,
    /// Refresh tokens known to be dead, newest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "typescript", ts(as = "Option<Vec<Retired>>", optional))]
    pub retired: Vec<Retired>,
    /// The last live test.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub live: Option<LiveRun>,
}

/// A captured value as kept.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct StoredParam {
    pub kind: ParamKind,
    pub value: String,
    /// The API client or account the page showed it with.
    pub name: Option<String>,
    /// The API client it belongs to.
    #[serde(default)]
    pub client: Option<String>,
    pub tenant: Option<String>,
    /// The label it was found under.
    pub label: Option<String>,
    /// The page it came from (none: accepted by the user, or renewed by the live test).
    pub page: Option<PageId>,
    /// Where it was captured (none: not from a page).
    #[serde(default)]
    pub origin: Option<Origin>,
    /// When it was last seen (ms).
    pub at: u64,
    /// When the live test replaced it with the token the tenant issued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub renewed: Option<u64>,
    /// The address of the page it was last read on (none: not read on a page). A record that is
    /// full gives up values of the page holding the most first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "typescript", ts(optional))]
    pub url: Option<String>,
    /// Read on a tenant page no recogniser claims (a connection URL it showed), and on no page
    /// wdcap knows.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "typescript", ts(as = "Option<bool>", optional))]
    pub unrecognised: bool,
    /// Captured by hand: the admin selected it on a page, or typed it in, and said what it is.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "typescript", ts(as = "Option<bool>", optional))]
    pub hand: bool,
}

impl fmt::Debug for StoredParam {
    /// A secret's value never prints: its fingerprint does.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = if self.kind.is_secret() {
            format!("sha256:{}", fingerprint(&self.value))
        } else {
            self.value.clone()
        };
        f.debug_struct("StoredParam")
            .field("kind", &self.kind)
            .field("value", &value)
            .field("name", &self.name)
            .field("client", &self.client)
            .field("page", &self.page)
            .field("origin", &self.origin)
            .field("at", &self.at)
            .field("hand", &self.hand)
            .finish()
    }
}

impl StoredParam {
    /// What makes two values the same.
    pub(super) fn same(&self, kind: ParamKind, value: &str) -> bool {
        self.kind == kind && self.value == value
    }

    /// The value as the checks take it.
    pub fn input(&self) -> ParamInput {
        ParamInput {
            kind: self.kind,
            value: self.value.clone(),
            name: self.name.clone(),
            tenant: self.tenant.clone(),
            source: Source {
                page: self.page,
                label: self.label.clone(),
                ..Source::default()
            },
            client: self.client.clone(),
        }
    }
}

/// One visit to a recognised page: what it read, together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct PageRead {
    /// The page (none: settings given as evidence, read on no page wdcap saw).
    pub page: Option<PageId>,
    /// The tab's title without Workday's suffix.
    pub title: String,
    pub url: String,
    #[serde(default)]
    pub origin: Option<Origin>,
    pub at: u64,
    pub settings: Vec<Setting>,
}

impl PageRead {
    /// What the read is about, when its settings name it: an API client, a security group, an
    /// ISU, a report. Two reads of one page and address about different things are two reads.
    pub fn subject(&self) -> Option<String> {
        const SUBJECTS: &[&str] = &[
            names::CLIENT_NAME,
            names::API_CLIENT,
            names::SECURITY_GROUP,
            names::ISU_USER_NAME,
            names::REPORT_NAME,
        ];
        SUBJECTS.iter().find_map(|name| {
            self.settings
                .iter()
                .find(|s| s.name == *name)
                .and_then(Setting::as_text)
                .map(fold)
        })
    }

    /// The newest text of setting `name` in this read.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.settings
            .iter()
            .rev()
            .find(|s| s.name == name)
            .and_then(Setting::as_text)
    }

    pub fn setting(&self, name: &str) -> Option<&Setting> {
        self.settings.iter().rev().find(|s| s.name == name)
    }
}

/// Why a refresh token is known to be dead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum RetiredReason {
    /// A newer one was captured for the same account.
    Superseded,
    /// The live test's token request was answered with a new one.
    Renewed,
}

/// A refresh token known to be dead, kept only to recognise it.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct Retired {
    pub kind: ParamKind,
    pub value: String,
    pub name: Option<String>,
    #[serde(default)]
    pub origin: Option<Origin>,
    pub at: u64,
    pub reason: RetiredReason,
}

impl fmt::Debug for Retired {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Retired")
            .field("kind", &self.kind)
            .field("value", &format!("sha256:{}", fingerprint(&self.value)))
            .field("at", &self.at)
            .field("reason", &self.reason)
            .finish()
    }
}

/// The last live test: when, whether it passed, what it used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct LiveRun {
    pub at: u64,
    pub passed: bool,
    /// The API client whose values it used.
    pub client: Option<String>,
    /// The refresh token it used: its account and fingerprint.
    pub account: Option<String>,
    pub token_fingerprint: Option<String>,
}

/// The tab title without Workday's suffix ("View API Clients - Workday").
pub fn page_title(title: &str) -> String {
    let t = title.trim();
    let cut = t.len().saturating_sub("workday".len());
    if t.is_char_boundary(cut) && t[cut..].eq_ignore_ascii_case("workday") {
        let head = t[..cut].trim_end();
        if let Some(h) = head.strip_suffix(['-', '\u{2013}', '\u{2014}', '|']) {
            if h.ends_with(char::is_whitespace) {
                return h.trim().to_string();
            }
        }
    }
    t.to_string()
}

impl Record {
    /// An empty record for `key`.
    pub fn new(key: Option<RecordKey>, at: u64) -> Self {
        Record {
            version: RECORD_VERSION,
            key,
            updated: at,
            params: Vec::new(),
            reads: Vec::new(),
            exported: BTreeMap::new(),
            retired: Vec::new(),
            live: None,
        }
    }

    /// A stored record, when it is of this version (anything else, such as the JavaScript
    /// store's older shape, is not read: the caller drops it).
    pub fn read(value: serde_json::Value) -> Option<Self> {
        if value.get("version").and_then(serde_json::Value::as_u64)
            != Some(u64::from(RECORD_VERSION))
        {
            return None;
        }
        serde_json::from_value(value).ok()
    }

    /// Whether a value from `origin` is this record's own: captured on a page of this very
    /// tenant and host family, or not from a page at all (given or accepted by the user).
    pub fn is_own(&self, origin: Option<&Origin>) -> bool {
        match origin {
            None => true,
            Some(o) => o.key().as_ref() == self.key.as_ref(),
        }
    }

    fn is_retired(&self, kind: ParamKind, value: &str) -> bool {
        self.retired
            .iter()
            .any(|r| r.kind == kind && r.value == value)
    }

    fn retire(&mut self, p: &StoredParam, at: u64, reason: RetiredReason) {
        self.retired
            .retain(|r| !(r.kind == p.kind && r.value == p.value));
        self.retired.insert(
            0,
            Retired {
                kind: p.kind,
                value: p.value.clone(),
                name: p.name.clone(),
                origin: p.origin.clone(),
                at,
                reason,
            },
        );
        self.retired.truncate(MAX_RETIRED);
    }

    /// This record with one page's capture merged in (a new record: `self` is the stored one).
    pub fn merge(&self, capture: &Capture) -> Record {
        let mut next = self.clone();
        if next.key.is_none() {
            next.key = capture.key.clone();
        }
        let at = capture.at;
        next.updated = at;
        let own = next.is_own(capture.origin.as_ref());
        let mut added = 0;
        for p in &capture.params {
            if p.value.len() > MAX_VALUE_BYTES {
                continue;
            }
            let known = next.params.iter().any(|o| o.same(p.kind, &p.value));
            if !known {
                if added == MAX_NEW_PER_CAPTURE {
                    continue;
                }
                added += 1;
            }
            next.take(p, capture, own);
        }
        next.cap_params(capture);
        // A page no recogniser claims is no page read: only its connection URLs are kept.
        if !capture.unrecognised {
            next.note_read(capture);
        }
        next
    }

    /// One captured value into the record.
    fn take(&mut self, p: &ParamInput, capture: &Capture, own: bool) {
        if self.is_retired(p.kind, &p.value) {
            return; // known to be dead: seen again on an old page
        }
        let stored = StoredParam {
            kind: p.kind,
            value: p.value.clone(),
            name: p.name.clone(),
            client: p.client.clone(),
            tenant: p
                .tenant
                .clone()
                .or_else(|| self.key.as_ref().map(|k| k.tenant.to_string())),
            label: p.source.label.clone(),
            page: p.source.page.or(capture.page),
            origin: capture.origin.clone(),
            at: capture.at,
            renewed: None,
            url: Some(capture.url.clone()).filter(|u| !u.is_empty()),
            unrecognised: capture.unrecognised,
            hand: false,
        };
        if let Some(i) = self.params.iter().position(|o| o.same(p.kind, &p.value)) {
            let old = self.params[i].clone();
            if capture.unrecognised {
                // Seen again on a page wdcap does not know: what a known page said of it stays.
                self.params[i].at = old.at.max(capture.at);
                return;
            }
            let old_own = self.is_own(old.origin.as_ref());
            let mut merged = if own || !old_own { stored } else { old.clone() };
            // A later capture without a name, label or client keeps what an earlier one said.
            merged.name = merged.name.or(old.name.clone());
            merged.label = merged.label.or(old.label.clone());
            merged.client = merged.client.or(old.client.clone());
            merged.renewed = old.renewed;
            self.params[i] = merged;
            return;
        }
        if stored.kind == ParamKind::RefreshToken && stored.name.is_some() {
            let superseded: Vec<StoredParam> = self
                .params
                .iter()
                .filter(|o| {
                    o.kind == ParamKind::RefreshToken
                        && o.name == stored.name
                        && o.origin == stored.origin
                        && same_client(o.client.as_deref(), stored.client.as_deref())
                })
                .cloned()
                .collect();
            for old in &superseded {
                self.retire(old, capture.at, RetiredReason::Superseded);
            }
            self.params.retain(|o| !superseded.contains(o));
        }
        self.params.push(stored);
    }

    /// Keeps at most [`MAX_PARAMS`] values: while there are more, the page (address and origin)
    /// holding the most values gives up its least recently seen one (ties: the page that just
    /// wrote). A page showing thousands of values, read again and again, so pushes out only its
    /// own values, never what other pages showed.
    fn cap_params(&mut self, writer: &Capture) {
        if self.params.len() <= MAX_PARAMS {
            return;
        }
        type PageKey<'a> = (Option<&'a str>, Option<&'a Origin>);
        let writer_page: PageKey = (
            Some(writer.url.as_str()).filter(|u| !u.is_empty()),
            writer.origin.as_ref(),
        );
        // Each page's values, most recently seen first (the least recently seen is popped); the
        // pages in the order first met, so that a tie is decided the same way every time.
        let mut by_page: Vec<(PageKey, Vec<usize>)> = Vec::new();
        for (i, p) in self.params.iter().enumerate() {
            let page = (p.url.as_deref(), p.origin.as_ref());
            match by_page.iter_mut().find(|(k, _)| *k == page) {
                Some((_, indexes)) => indexes.push(i),
                None => by_page.push((page, vec![i])),
            }
        }
        for (_, indexes) in &mut by_page {
            indexes.sort_by_key(|&i| std::cmp::Reverse(self.params[i].at));
        }
        let mut dropped = vec![false; self.params.len()];
        for _ in MAX_PARAMS..self.params.len() {
            let loser = by_page
                .iter_mut()
                .max_by_key(|(page, indexes)| (indexes.len(), *page == writer_page));
            if let Some(i) = loser.and_then(|(_, indexes)| indexes.pop()) {
                dropped[i] = true;
            }
        }
        let mut i = 0;
        self.params.retain(|_| {
            let keep = !dropped[i];
            i += 1;
            keep
        });
    }

    /// The page read of a capture: a page read again (same page, address, origin and subject)
    /// replaces what it said before, setting by setting; the same kind of page at another
    /// address (another functional area, report or group) is another read, whose settings stay.
    fn note_read(&mut self, capture: &Capture) {
        let mut read = PageRead {
            page: capture.page,
            title: page_title(&capture.title),
            url: capture.url.clone(),
            origin: capture.origin.clone(),
            at: capture.at,
            settings: capture.settings.clone(),
        };
        let subject = read.subject();
        if let Some(i) = self.reads.iter().position(|r| {
            r.page == read.page
                && r.url == read.url
                && r.origin == read.origin
                && r.subject() == subject
        }) {
            let old = self.reads.remove(i);
            if read.title.is_empty() {
                read.title = old.title;
            }
            let fresh: Vec<&str> = read.settings.iter().map(|s| s.name.as_str()).collect();
            let kept: Vec<Setting> = old
                .settings
                .into_iter()
                .filter(|s| !fresh.contains(&s.name.as_str()))
                .collect();
            read.settings.extend(kept);
        }
        self.reads.insert(0, read);
        self.reads.truncate(MAX_READS);
        let mut room = MAX_SETTINGS;
        for r in &mut self.reads {
            r.settings.truncate(room);
            room -= r.settings.len();
        }
    }

    /// True when `next` says nothing `self` did not, apart from times, and `self` is recent:
    /// the extension then skips the write, so a page that keeps changing does not churn storage
    /// (nor re-render an open popup).
    pub fn unchanged(&self, next: &Record) -> bool {
        let timeless = |r: &Record| {
            let mut v = serde_json::to_value(r).unwrap_or_default();
            strip_times(&mut v);
            v
        };
        next.updated.saturating_sub(self.updated) < FRESH_MS && timeless(self) == timeless(next)
    }

    /// The values and settings the checks take: values seen at or after `since` (ms; 0: all),
    /// settings oldest first (a later read of a setting wins over an earlier one).
    pub fn evidence(&self, since: u64) -> (Vec<ParamInput>, Vec<Setting>) {
        let params = self
            .params
            .iter()
            .filter(|p| p.at >= since)
            .map(StoredParam::input)
            .collect();
        let settings = self
            .reads_oldest_first()
            .filter(|r| r.at >= since)
            .flat_map(|r| r.settings.iter().cloned())
            .collect();
        (params, settings)
    }

    /// The page reads, oldest first (the order they were read in).
    pub fn reads_oldest_first(&self) -> impl Iterator<Item = &PageRead> {
        let mut reads: Vec<&PageRead> = self.reads.iter().collect();
        reads.sort_by_key(|r| r.at);
        reads.into_iter()
    }

    /// The pages visited at or after `since` (ms).
    pub fn pages_seen(&self, since: u64) -> Vec<PageId> {
        let mut out: Vec<PageId> = Vec::new();
        for page in self
            .reads
            .iter()
            .filter(|r| r.at >= since)
            .filter_map(|r| r.page)
        {
            if !out.contains(&page) {
                out.push(page);
            }
        }
        out
    }

    /// Adds a value the user accepted (a value wdcap built, such as Viva Learning's SOAP
    /// endpoint). It has no page: no page showed it.
    pub fn add_param(
        &self,
        kind: ParamKind,
        value: &str,
        label: Option<String>,
        at: u64,
    ) -> Record {
        let mut next = self.clone();
        next.updated = at;
        if let Some(p) = next.params.iter_mut().find(|p| p.same(kind, value)) {
            p.at = at;
        } else {
            next.params.push(StoredParam {
                kind,
                value: value.to_string(),
                name: None,
                client: None,
                tenant: next.key.as_ref().map(|k| k.tenant.to_string()),
                label,
                page: None,
                origin: None,
                at,
                renewed: None,
                unrecognised: false,
                hand: false,
                url: None,
            });
        }
        next
    }

    /// Notes that the export for `partner` was used (copied or downloaded).
    pub fn mark_exported(&self, partner: &str, at: u64) -> Record {
        let mut next = self.clone();
        next.updated = at;
        next.exported.insert(partner.to_string(), at);
        next
    }

    /// The partners whose export was used at or after `since` (ms).
    pub fn exported_since(&self, since: u64) -> Vec<String> {
        self.exported
            .iter()
            .filter(|(_, at)| **at >= since)
            .map(|(id, _)| id.clone())
            .collect()
    }

    /// The record with the refresh token `tested` replaced by `fresh` (the one the tenant
    /// issued in exchange), marked renewed; `tested` is retired. Without `tested` in the record,
    /// `fresh` is added for `client`.
    pub fn renew_refresh_token(
        &self,
        tested: Option<&str>,
        fresh: &str,
        client: Option<&str>,
        at: u64,
    ) -> Record {
        let mut next = self.clone();
        next.updated = at;
        next.params
            .retain(|p| !p.same(ParamKind::RefreshToken, fresh));
        next.retired
            .retain(|r| !(r.kind == ParamKind::RefreshToken && r.value == fresh));
        let found = tested.and_then(|t| {
            next.params
                .iter()
                .position(|p| p.same(ParamKind::RefreshToken, t))
        });
        match found {
            Some(i) => {
                let old = next.params[i].clone();
                next.retire(&old, at, RetiredReason::Renewed);
                next.params[i] = StoredParam {
                    value: fresh.to_string(),
                    at,
                    renewed: Some(at),
                    ..old
                };
            }
            None => next.params.push(StoredParam {
                kind: ParamKind::RefreshToken,
                value: fresh.to_string(),
                name: None,
                client: client.map(str::to_string),
                tenant: next.key.as_ref().map(|k| k.tenant.to_string()),
                label: None,
                page: None,
                origin: None,
                at,
                renewed: Some(at),
                unrecognised: false,
                hand: false,
                url: None,
            }),
        }
        next
    }

    /// Notes the last live test.
    pub fn note_live_run(&self, run: LiveRun) -> Record {
        let mut next = self.clone();
        next.updated = next.updated.max(run.at);
        next.live = Some(run);
        next
    }
}

/// The kinds of value a user may add by hand: those wdcap builds for a step no page shows them
/// on (Viva Learning's SOAP endpoint, built from a captured services host).
pub const ADDABLE_KINDS: &[ParamKind] = &[ParamKind::SoapEndpoint];

/// The longest value a user may add by hand.
pub const MAX_ADDED_VALUE: usize = 2048;

/// A change the extension makes to a record beside captures.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum RecordChange {
    /// A value wdcap built that the user accepted (Viva Learning's SOAP endpoint).
    AddValue {
        kind: ParamKind,
        value: String,
        #[serde(default)]
        #[cfg_attr(feature = "typescript", ts(optional = nullable))]
        label: Option<String>,
        at: u64,
    },
    /// A value the admin captured by hand (`super::hand`): selected on the page at `page_url`,
    /// or typed in (no page), for the tenant or one of its API clients.
    ByHand {
        kind: ParamKind,
        value: String,
        #[serde(default)]
        #[cfg_attr(feature = "typescript", ts(optional = nullable))]
        page_url: Option<String>,
        #[serde(default)]
        #[cfg_attr(feature = "typescript", ts(optional = nullable))]
        client: Option<String>,
        at: u64,
    },
    /// The partner's export was used (copied or downloaded).
    Exported { partner: String, at: u64 },
    /// The live test's token request was answered with a new refresh token.
    Renewed {
        #[serde(default)]
        #[cfg_attr(feature = "typescript", ts(optional = nullable))]
        tested: Option<String>,
        fresh: String,
        #[serde(default)]
        #[cfg_attr(feature = "typescript", ts(optional = nullable))]
        client: Option<String>,
        at: u64,
    },
    /// A live test ran.
    LiveRun { run: LiveRun },
}

impl Record {
    /// The record with `change` made; `Err` says why a change is refused (a value of a kind no
    /// step builds, or an empty or overlong one).
    pub fn apply(&self, change: RecordChange) -> Result<Record, String> {
        Ok(match change {
            RecordChange::AddValue {
                kind,
                value,
                label,
                at,
            } => {
                if !ADDABLE_KINDS.contains(&kind) {
                    return Err(format!("a {} is not added by hand", kind.title()));
                }
                let value = value.trim();
                if value.is_empty() || value.len() > MAX_ADDED_VALUE {
                    return Err("the value must be a non-empty string".to_string());
                }
                self.add_param(kind, value, label, at)
            }
            RecordChange::ByHand {
                kind,
                value,
                page_url,
                client,
                at,
            } => self
                .capture_by_hand(&super::hand::HandValue {
                    kind,
                    value: &value,
                    page_url: page_url.as_deref(),
                    client: client.as_deref(),
                    at,
                })
                .map_err(|e| e.to_string())?,
            RecordChange::Exported { partner, at } => self.mark_exported(&partner, at),
            RecordChange::Renewed {
                tested,
                fresh,
                client,
                at,
            } => self.renew_refresh_token(tested.as_deref(), &fresh, client.as_deref(), at),
            RecordChange::LiveRun { run } => self.note_live_run(run),
        })
    }
}

/// Which reads given settings are kept in: a setting about an object joins the read of the
/// object last named before it (a page reads its object's name first); the tenant's settings
/// and Domain Security Policies for Functional Area's rows each have a read of their own.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ReadOf {
    Tenant,
    Area,
    Client,
    Group,
    Isu,
}

/// What a given setting is about, and whether it names its object.
fn read_of(name: &str) -> (ReadOf, bool) {
    match name {
        names::CLIENT_NAME | names::API_CLIENT => (ReadOf::Client, true),
        names::CLIENT_GRANT_TYPE
        | names::ACCESS_TOKEN_TYPE
        | names::REDIRECTION_URI
        | names::NON_EXPIRING_REFRESH_TOKENS
        | names::REFRESH_TOKEN_TIMEOUT_DAYS
        | names::SCOPES
        | names::WORKDAY_ACCOUNT
        | names::GENERATE_NEW_REFRESH_TOKEN
        | names::API_CLIENT_VARIANT => (ReadOf::Client, false),
        names::SECURITY_GROUP => (ReadOf::Group, true),
        names::SECURITY_GROUP_TYPE
        | names::SECURITY_GROUP_MEMBERS
        | names::DOMAIN_PERMISSION
        | names::PERMISSIONS_OPERATION => (ReadOf::Group, false),
        names::ISU_USER_NAME => (ReadOf::Isu, true),
        names::SESSION_TIMEOUT_MINUTES | names::DO_NOT_ALLOW_UI_SESSIONS => (ReadOf::Isu, false),
        names::DOMAIN_POLICY_ACCESS | names::FUNCTIONAL_AREA | names::DOMAIN_POLICIES => {
            (ReadOf::Area, false)
        }
        _ => (ReadOf::Tenant, false),
    }
}

impl Record {
    /// Values and settings given as evidence (what `wdcap check --evidence` reads, with no page
    /// nor origin) kept as a record: the values once each, the settings in reads as the pages
    /// would have read them.
    pub fn of_evidence(
        key: Option<RecordKey>,
        params: Vec<ParamInput>,
        settings: Vec<Setting>,
    ) -> Record {
        let record = Record::new(key.clone(), 0).merge(&Capture {
            key,
            page: None,
            title: String::new(),
            url: String::new(),
            origin: None,
            at: 0,
            params,
            settings: Vec::new(),
            unrecognised: false,
        });
        let mut reads: Vec<(ReadOf, bool, Vec<Setting>)> = Vec::new();
        for s in settings {
            let (of, names_it) = read_of(&s.name);
            let joins = reads.iter().rposition(|(o, named, _)| {
                *o == of && (matches!(of, ReadOf::Tenant | ReadOf::Area) || !(names_it && *named))
            });
            match joins {
                Some(i) => {
                    reads[i].1 |= names_it;
                    reads[i].2.push(s);
                }
                None => reads.push((of, names_it, vec![s])),
            }
        }
        let mut out = record;
        out.reads = reads
            .into_iter()
            .enumerate()
            .map(|(i, (_, _, settings))| PageRead {
                page: None,
                title: String::new(),
                url: String::new(),
                origin: None,
                at: i as u64,
                settings,
            })
            .rev()
            .collect();
        out
    }
}

/// Two client names that may be the same API client: equal when folded, or one unknown.
fn same_client(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => fold(a) == fold(b),
        _ => true,
    }
}

/// Removes every `at` and `updated` key (the times) from a JSON value.
fn strip_times(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            map.remove("at");
            map.remove("updated");
            for x in map.values_mut() {
                strip_times(x);
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(strip_times),
        _ => {}
    }
}
