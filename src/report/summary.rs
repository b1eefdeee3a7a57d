//! The summary of a ticket queue (`wdcap check` on many tickets): how many tickets have each
//! problem, the worst first, which tickets showed nothing wdcap recognises, which could not be
//! read, and which secrets were pasted in clear, as fingerprints only. For a support lead who
//! wants to know which mistakes fill the queue.
//!
//! Tickets are added one by one ([`Summary::add`]), in input order; memory stays bounded
//! whatever the queue's length: counts are exact, the tickets named as examples are the first
//! few, and secrets are tracked up to [`MAX_SECRETS_TRACKED`] distinct ones.

use crate::checks;
use crate::model::options::Options;
use crate::model::param::ParamValue;
use crate::model::severity::Severity;
use crate::paste::files::Unreadable;
use crate::report::redact;
use crate::report::view::Report;
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

/// Tickets named as examples of each problem.
pub const EXAMPLES: usize = 5;
/// Unreadable tickets listed one by one (all are counted).
pub const UNREADABLE_LISTED: usize = 50;
/// Distinct secrets whose tickets are counted; past it, tickets holding a secret are still
/// counted, new secrets no longer told apart.
pub const MAX_SECRETS_TRACKED: usize = 100_000;

/// One problem (a check's code) across the queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProblemRow {
    pub code: &'static str,
    /// The worst severity it was reported with.
    pub severity: Severity,
    /// Tickets with at least one finding of it.
    pub tickets: u64,
    /// The first tickets that have it.
    pub examples: Vec<String>,
}

/// A secret seen in clear, by its fingerprint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretRow {
    pub fingerprint: String,
    pub tickets: u64,
    pub examples: Vec<String>,
}

/// The queue so far.
#[derive(Debug, Default)]
pub struct Summary {
    tickets: u64,
    with_errors: u64,
    problems: BTreeMap<&'static str, ProblemRow>,
    nothing_recognised: u64,
    nothing_examples: Vec<String>,
    unreadable: u64,
    unreadable_listed: Vec<(String, Unreadable)>,
    with_secrets: u64,
    secrets: HashMap<String, SecretRow>,
}

impl Summary {
    pub fn new() -> Self {
        Self::default()
    }

    /// Counts one ticket: its report, or why it could not be read.
    pub fn add(&mut self, ticket: &str, result: &Result<Report, Unreadable>) {
        self.tickets += 1;
        let report = match result {
            Ok(report) => report,
            Err(reason) => {
                self.unreadable += 1;
                if self.unreadable_listed.len() < UNREADABLE_LISTED {
                    self.unreadable_listed
                        .push((ticket.to_string(), reason.clone()));
                }
                return;
            }
        };
        if report.has_errors() {
            self.with_errors += 1;
        }
        if report.params.is_empty() && report.settings.is_empty() {
            self.nothing_recognised += 1;
            push_example(&mut self.nothing_examples, ticket);
        }
        let mut worst: BTreeMap<&'static str, Severity> = BTreeMap::new();
        for f in &report.findings {
            let s = worst.entry(f.code).or_insert(f.severity);
            *s = (*s).min(f.severity);
        }
        for (code, severity) in worst {
            let row = self.problems.entry(code).or_insert_with(|| ProblemRow {
                code,
                severity,
                tickets: 0,
                examples: Vec::new(),
            });
            row.severity = row.severity.min(severity);
            row.tickets += 1;
            push_example(&mut row.examples, ticket);
        }
        let mut fingerprints: Vec<String> = report
            .params
            .iter()
            .filter_map(|p| match &p.value {
                ParamValue::Secret(s) => Some(s.fingerprint()),
                ParamValue::Plain(_) => None,
            })
            .collect();
        if fingerprints.is_empty() {
            return;
        }
        self.with_secrets += 1;
        fingerprints.sort();
        fingerprints.dedup();
        for fingerprint in fingerprints {
            let tracked = self.secrets.len() < MAX_SECRETS_TRACKED;
            match self.secrets.get_mut(&fingerprint) {
                Some(row) => {
                    row.tickets += 1;
                    push_example(&mut row.examples, ticket);
                }
                None if tracked => {
                    self.secrets.insert(
                        fingerprint.clone(),
                        SecretRow {
                            fingerprint,
                            tickets: 1,
                            examples: vec![ticket.to_string()],
                        },
                    );
                }
                None => {}
            }
        }
    }

    /// Tickets added.
    pub fn tickets(&self) -> u64 {
        self.tickets
    }

    /// Tickets checked (read and analysed).
    pub fn checked(&self) -> u64 {
        self.tickets - self.unreadable
    }

    /// Tickets with at least one error finding.
    pub fn with_errors(&self) -> u64 {
        self.with_errors
    }

    /// Tickets that could not be read.
    pub fn unreadable(&self) -> u64 {
        self.unreadable
    }

    /// Tickets in which nothing was recognised (no value, no setting).
    pub fn nothing_recognised(&self) -> u64 {
        self.nothing_recognised
    }

    /// Tickets holding a secret (client secret, refresh token) in clear.
    pub fn with_secrets(&self) -> u64 {
        self.with_secrets
    }

    /// Every problem, the worst first: by severity, then by how many tickets have it, then by
    /// code.
    pub fn problems(&self) -> Vec<ProblemRow> {
        let mut rows: Vec<ProblemRow> = self.problems.values().cloned().collect();
        rows.sort_by(|a, b| {
            (a.severity, std::cmp::Reverse(a.tickets), a.code).cmp(&(
                b.severity,
                std::cmp::Reverse(b.tickets),
                b.code,
            ))
        });
        rows
    }

    /// Secrets seen in more than one ticket, the most widespread first.
    pub fn shared_secrets(&self) -> Vec<SecretRow> {
        let mut rows: Vec<SecretRow> = self
            .secrets
            .values()
            .filter(|r| r.tickets > 1)
            .cloned()
            .collect();
        rows.sort_by(|a, b| {
            (std::cmp::Reverse(a.tickets), &a.fingerprint)
                .cmp(&(std::cmp::Reverse(b.tickets), &b.fingerprint))
        });
        rows
    }

    /// The unreadable tickets listed (the first [`UNREADABLE_LISTED`]) and why.
    pub fn unreadable_listed(&self) -> &[(String, Unreadable)] {
        &self.unreadable_listed
    }

    /// The summary for a terminal. One line per problem:
    /// `  <severity> <code> <tickets> <share>%  <what it is> (e.g. <tickets>)`.
    pub fn text(&self) -> String {
        let mut o = String::new();
        let _ = writeln!(o, "{}", self.headline());
        let _ = writeln!(
            o,
            "with an error finding: {} · nothing recognised: {} · holding a secret in clear: {}",
            self.with_errors, self.nothing_recognised, self.with_secrets
        );
        let rows = self.problems();
        if rows.is_empty() {
            let _ = writeln!(o, "\nno problem found");
        } else {
            let _ = writeln!(
                o,
                "\nproblems, worst first (tickets with each; a ticket counts once per problem):"
            );
            for r in &rows {
                let _ = writeln!(
                    o,
                    "  {:<7} {:<26} {:>7} {:>6}  {} (e.g. {})",
                    r.severity,
                    r.code,
                    r.tickets,
                    self.share(r.tickets),
                    what_it_is(r.code),
                    plain_list(&r.examples)
                );
            }
        }
        if self.nothing_recognised > 0 {
            let _ = writeln!(
                o,
                "\nnothing recognised: {} (e.g. {})",
                tickets(self.nothing_recognised),
                plain_list(&self.nothing_examples)
            );
        }
        if self.unreadable > 0 {
            let _ = writeln!(o, "\ncould not be read: {}", tickets(self.unreadable));
            for (ticket, reason) in &self.unreadable_listed {
                let _ = writeln!(o, "  {}: {reason}", plain(ticket));
            }
            if self.unreadable > self.unreadable_listed.len() as u64 {
                let _ = writeln!(
                    o,
                    "  … and {} more",
                    self.unreadable - self.unreadable_listed.len() as u64
                );
            }
        }
        let shared = self.shared_secrets();
        if !shared.is_empty() {
            let _ = writeln!(o, "\nthe same secret in several tickets (by fingerprint):");
            for s in &shared {
                let _ = writeln!(
                    o,
                    "  sha256:{}  {} (e.g. {})",
                    s.fingerprint,
                    tickets(s.tickets),
                    plain_list(&s.examples)
                );
            }
        }
        o
    }

    /// The summary as Markdown for a ticket or a wiki page; text from the input (ticket ids) is
    /// escaped as the redacted report escapes it.
    pub fn markdown(&self, options: &Options) -> String {
        let mut o = String::new();
        let _ = writeln!(o, "# wdcap ticket queue summary\n");
        let partner = options.partner().ok().flatten();
        let _ = writeln!(
            o,
            "- Partner: {}",
            match partner {
                Some(p) => format!("{} (`{}`)", redact::text(p.name), p.id),
                None => "not chosen".into(),
            }
        );
        let _ = writeln!(o, "- SAML SSO: {}", options.sso.as_str());
        let _ = writeln!(o, "- Tickets: {}", self.headline_counts());
        let _ = writeln!(o, "- With an error finding: {}", self.with_errors);
        let _ = writeln!(o, "- Nothing recognised: {}", self.nothing_recognised);
        let _ = writeln!(o, "- Holding a secret in clear: {}", self.with_secrets);
        let _ = writeln!(o, "- Checked by: wdcap {}\n", redact::text(crate::BUILD));
        let _ = writeln!(o, "## Problems, worst first\n");
        let rows = self.problems();
        if rows.is_empty() {
            let _ = writeln!(o, "No problem found.\n");
        } else {
            let _ = writeln!(
                o,
                "| Severity | Problem | Tickets | Share | What it is | Examples |\n| --- | --- | ---: | ---: | --- | --- |"
            );
            for r in &rows {
                let _ = writeln!(
                    o,
                    "| {} | `{}` | {} | {} | {} | {} |",
                    r.severity,
                    r.code,
                    r.tickets,
                    self.share(r.tickets),
                    redact::cell(what_it_is(r.code)),
                    markdown_list(&r.examples)
                );
            }
            o.push('\n');
        }
        if self.nothing_recognised > 0 {
            let _ = writeln!(
                o,
                "## Nothing recognised\n\n{}, e.g. {}.\n",
                tickets(self.nothing_recognised),
                markdown_list(&self.nothing_examples)
            );
        }
        if self.unreadable > 0 {
            let _ = writeln!(
                o,
                "## Could not be read\n\n{}.\n\n| Ticket | Why |\n| --- | --- |",
                tickets(self.unreadable)
            );
            for (ticket, reason) in &self.unreadable_listed {
                let _ = writeln!(
                    o,
                    "| {} | {} |",
                    redact::cell(ticket),
                    redact::cell(&reason.to_string())
                );
            }
            o.push('\n');
        }
        let shared = self.shared_secrets();
        if !shared.is_empty() {
            let _ = writeln!(
                o,
                "## The same secret in several tickets\n\nSecrets are shown only as `sha256:` fingerprint.\n\n| Secret | Tickets | Examples |\n| --- | ---: | --- |"
            );
            for s in &shared {
                let _ = writeln!(
                    o,
                    "| `sha256:{}` | {} | {} |",
                    s.fingerprint,
                    s.tickets,
                    markdown_list(&s.examples)
                );
            }
            o.push('\n');
        }
        o
    }

    fn headline(&self) -> String {
        format!("tickets: {}", self.headline_counts())
    }

    fn headline_counts(&self) -> String {
        if self.unreadable == 0 {
            format!("{} checked", self.tickets)
        } else {
            format!(
                "{} ({} checked, {} could not be read)",
                self.tickets,
                self.checked(),
                self.unreadable
            )
        }
    }

    /// `12.3%` of the tickets checked.
    fn share(&self, n: u64) -> String {
        match self.checked() {
            0 => "-".into(),
            checked => format!("{:.1}%", n as f64 * 100.0 / checked as f64),
        }
    }
}

/// `1 ticket`, `2 tickets`.
fn tickets(n: u64) -> String {
    format!("{n} ticket{}", if n == 1 { "" } else { "s" })
}

fn push_example(examples: &mut Vec<String>, ticket: &str) {
    if examples.len() < EXAMPLES {
        examples.push(ticket.to_string());
    }
}

/// What a problem is, in a line: its check's summary.
fn what_it_is(code: &str) -> &'static str {
    checks::check(code).map(|c| c.summary()).unwrap_or("")
}

/// A ticket id on one terminal line: control characters shown as `?`.
fn plain(ticket: &str) -> String {
    ticket
        .chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .collect()
}

fn plain_list(tickets: &[String]) -> String {
    tickets
        .iter()
        .map(|t| plain(t))
        .collect::<Vec<_>>()
        .join(", ")
}

fn markdown_list(tickets: &[String]) -> String {
    tickets
        .iter()
        .map(|t| redact::cell(t))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::Finding;
    use crate::model::param::{Param, ParamKind};

    fn report(codes: &[(&'static str, Severity)], params: Vec<Param>) -> Report {
        Report {
            params,
            findings: codes
                .iter()
                .map(|(c, s)| Finding::new(c, *s, None, "m", "f"))
                .collect(),
            ..Report::default()
        }
    }

    fn client_id() -> Param {
        Param::new(ParamKind::ClientId, "abc123def456")
    }

    #[test]
    fn counts_tickets_per_problem_worst_first() {
        let mut s = Summary::new();
        let wp = ("wrong-path", Severity::Error);
        let ws = ("whitespace", Severity::Error);
        let rn = ("redirect-n-missing", Severity::Warning);
        s.add("1", &Ok(report(&[wp, wp], vec![client_id()])));
        s.add("2", &Ok(report(&[wp, rn], vec![client_id()])));
        s.add("3", &Ok(report(&[ws, rn], vec![client_id()])));
        s.add("4", &Ok(report(&[rn], vec![client_id()])));
        s.add("5", &Ok(report(&[], vec![])));
        s.add("6", &Err(Unreadable::NotText));
        let rows = s.problems();
        let order: Vec<(&str, u64)> = rows.iter().map(|r| (r.code, r.tickets)).collect();
        assert_eq!(
            order,
            vec![
                ("wrong-path", 2),
                ("whitespace", 1),
                ("redirect-n-missing", 3)
            ]
        );
        assert_eq!(rows[0].examples, vec!["1", "2"]);
        assert_eq!(s.tickets(), 6);
        assert_eq!(s.checked(), 5);
        assert_eq!(s.with_errors(), 3);
        assert_eq!(s.nothing_recognised(), 1);
        assert_eq!(s.unreadable(), 1);
        let text = s.text();
        assert!(
            text.starts_with("tickets: 6 (5 checked, 1 could not be read)\n"),
            "{text}"
        );
        assert!(
            text.contains("  error   wrong-path                       2  40.0%  "),
            "{text}"
        );
        assert!(
            text.contains("nothing recognised: 1 ticket (e.g. 5)"),
            "{text}"
        );
        assert!(text.contains("  6: it is not UTF-8 text"), "{text}");
    }

    #[test]
    fn secrets_only_as_fingerprints() {
        let secret = "k3j4h5g6f7d8s9a0".repeat(6);
        let with_secret = || {
            report(
                &[],
                vec![Param::new(ParamKind::ClientSecret, secret.clone())],
            )
        };
        let mut s = Summary::new();
        s.add("T-1", &Ok(with_secret()));
        s.add("T-2 <b>|", &Ok(with_secret()));
        s.add("T-3", &Ok(report(&[], vec![client_id()])));
        assert_eq!(s.with_secrets(), 2);
        let shared = s.shared_secrets();
        assert_eq!(shared.len(), 1);
        assert_eq!(
            shared[0].fingerprint,
            crate::model::secret::fingerprint(&secret)
        );
        for out in [s.text(), s.markdown(&Options::default())] {
            assert!(!out.contains(&secret), "{out}");
            assert!(out.contains(&shared[0].fingerprint), "{out}");
        }
        // Ticket ids are escaped in Markdown.
        assert!(s.markdown(&Options::default()).contains("T-2 \\<b>\\|"));
    }
}
