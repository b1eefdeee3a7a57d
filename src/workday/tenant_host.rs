//! Which Workday hosts serve tenants, and which services host goes with a tenant's UI host.
//! The Workday domains also carry hosts that serve no tenant (the marketing site, the community,
//! documentation, forms, sign-in hosts): a host is a tenant host only when its labels have the
//! shapes `workday-notes.md`, "Hosts and URL anatomy" lists (its table and "Data centers",
//! "More shapes seen"):
//!
//! - data-center labels `wd1`…`wd503` (as a prefix, `wd3-impl`, or a label of their own,
//!   `impl.wd12`), `impl`, `cc` (`impl-cc`), `dev` and `services1` (`services` and a number);
//! - or one of the hosts without a data-center label the notes name: `www.myworkday.com` and
//!   `services1.myworkday.com` (the oldest data center), `impl.workday.com` and its services host;
//! - or a tenant's own label before a data-center label (`acme.wd5.myworkday.com`, UI only).

use crate::workday::tenant::{DataCenter, WorkdayHost};

/// Whether a dash-separated piece of a host label is one of the shapes the notes list.
fn known_token(token: &str) -> bool {
    matches!(token, "impl" | "cc" | "dev")
        || DataCenter::from_label(token).is_some()
        || is_services_token(token)
}

/// `services`, `services1`, `services2` …
fn is_services_token(token: &str) -> bool {
    token
        .strip_prefix("services")
        .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
}

/// The labels of `host` before its Workday domain (`["wd3-impl-services1"]`,
/// `["impl", "wd12"]`).
fn labels(host: &WorkdayHost) -> Vec<&str> {
    host.name
        .strip_suffix(host.domain)
        .unwrap_or("")
        .trim_end_matches('.')
        .split('.')
        .filter(|l| !l.is_empty())
        .collect()
}

/// Whether `host` serves tenants (its UI or its web services), by its shape.
pub fn is_tenant_host(host: &WorkdayHost) -> bool {
    let labels = labels(host);
    if labels.is_empty() {
        return false;
    }
    let tokens = |ls: &[&str]| -> Vec<String> {
        ls.iter()
            .flat_map(|l| l.split('-'))
            .map(str::to_string)
            .collect()
    };
    let all = tokens(&labels);
    let services = all.iter().filter(|t| is_services_token(t)).count();
    let centers = all
        .iter()
        .filter(|t| DataCenter::from_label(t).is_some())
        .count();
    if services > 1 || centers > 1 || all.iter().any(String::is_empty) {
        return false;
    }
    if all.iter().all(|t| known_token(t)) {
        if centers == 1 {
            return true;
        }
        // No data-center label: only the hosts the notes name that way.
        return match host.domain {
            "myworkday.com" => all.len() == 1 && services == 1,
            "workday.com" => {
                all.iter().any(|t| t == "impl")
                    && all.iter().all(|t| t == "impl" || is_services_token(t))
            }
            _ => false,
        };
    }
    if labels == ["www"] {
        return host.domain == "myworkday.com";
    }
    // `{tenant}.wd5.myworkday.com`: a tenant's label, then a data-center label of its own.
    let (first, rest) = (labels[0], &labels[1..]);
    let rest_tokens = tokens(rest);
    services == 0
        && !rest.is_empty()
        && rest.iter().any(|l| DataCenter::from_label(l).is_some())
        && rest_tokens.iter().all(|t| known_token(t))
        && first
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// The tenant's own label of a tenant host of the shape `{tenant}.wd5.myworkday.com` (`acme`);
/// `None` for every other shape (their labels name only where the tenant is).
pub fn tenant_label(host: &WorkdayHost) -> Option<&str> {
    let labels = labels(host);
    let (first, rest) = labels.split_first()?;
    let own = !rest.is_empty() && !first.split('-').all(known_token) && *first != "www";
    (own && is_tenant_host(host)).then_some(*first)
}

/// The services host that goes with the tenant UI host `ui`, by the pattern of the notes'
/// examples (`wd3-impl` → `wd3-impl-services1`, `www.myworkday.com` → `services1.myworkday.com`,
/// `impl.wd12` → `impl-services1.wd12`). `None` when `ui` is not a tenant UI host, or when the
/// notes give no pattern for it (a tenant's own first label, `acme.wd5.myworkday.com`).
pub fn services_host_of(ui: &WorkdayHost) -> Option<String> {
    if ui.role != crate::workday::tenant::HostRole::Ui || !is_tenant_host(ui) {
        return None;
    }
    let labels = labels(ui);
    let (first, rest) = labels.split_first()?;
    let first = if *first == "www" {
        "services1".to_string()
    } else if first.split('-').all(known_token) {
        format!("{first}-services1")
    } else {
        return None;
    };
    let mut name = first;
    for label in rest {
        name.push('.');
        name.push_str(label);
    }
    Some(format!("{name}.{}", ui.domain))
}

/// Whether `candidate` is the services host `expected` names, whatever the number after
/// `services` (`services1`, `services2`: one tenant's services host may be numbered otherwise).
pub fn same_services_host(expected: &str, candidate: &str) -> bool {
    let normal = |host: &str| -> String {
        host.split('.')
            .map(|label| {
                label
                    .split('-')
                    .map(|t| if is_services_token(t) { "services" } else { t })
                    .collect::<Vec<_>>()
                    .join("-")
            })
            .collect::<Vec<_>>()
            .join(".")
    };
    normal(expected) == normal(candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host(s: &str) -> WorkdayHost {
        WorkdayHost::parse(s).unwrap_or_else(|| panic!("{s} should parse"))
    }

    #[test]
    fn the_notes_host_shapes_are_tenant_hosts() {
        for h in [
            "wd3.myworkday.com",
            "wd5.myworkday.com",
            "www.myworkday.com",
            "impl.workday.com",
            "wd3-impl.workday.com",
            "impl.wd12.myworkday.com",
            "wd104.myworkdaygov.com",
            "wd3-impl-services1.workday.com",
            "wd5-services1.myworkday.com",
            "services1.myworkday.com",
            "impl-services1.wd12.myworkday.com",
            "impl-services1.workday.com",
            "wd5-impl-cc.workday.com",
            "acme.wd5.myworkday.com",
            "wd2.workdaygov.com",
            "wd3-dev.workday.com",
        ] {
            assert!(is_tenant_host(&host(h)), "{h} serves tenants");
        }
    }

    #[test]
    fn marketing_community_and_other_hosts_of_the_domains_are_not() {
        for h in [
            "workday.com",
            "www.workday.com",
            "community.workday.com",
            "doc.workday.com",
            "forms.workday.com",
            "blog.workday.com",
            "sso.workday.com",
            "marketplace.workday.com",
            "myworkday.com",
            "www.myworkdaygov.com",
            "services1.workday.com",
            "community.myworkday.com",
            "evil-wd3.workday.com",
            "wd3-wd5.myworkday.com",
            "wd3-services1-services2.workday.com",
            "acme.services1.wd5.myworkday.com",
            "mail.acme.wd5.myworkday.com",
        ] {
            // Workday's own sites do not even parse as Workday hosts (`WorkdayHost::parse`).
            assert!(
                WorkdayHost::parse(h).is_none_or(|w| !is_tenant_host(&w)),
                "{h} serves no tenant"
            );
        }
    }

    #[test]
    fn the_services_host_of_a_ui_host() {
        for (ui, services) in [
            (
                "wd3-impl.workday.com",
                Some("wd3-impl-services1.workday.com"),
            ),
            ("www.myworkday.com", Some("services1.myworkday.com")),
            (
                "impl.wd12.myworkday.com",
                Some("impl-services1.wd12.myworkday.com"),
            ),
            ("wd5.myworkday.com", Some("wd5-services1.myworkday.com")),
            ("impl.workday.com", Some("impl-services1.workday.com")),
            (
                "wd104.myworkdaygov.com",
                Some("wd104-services1.myworkdaygov.com"),
            ),
            ("acme.wd5.myworkday.com", None),
            ("wd3-impl-services1.workday.com", None),
            ("community.workday.com", None),
        ] {
            let of = WorkdayHost::parse(ui).and_then(|w| services_host_of(&w));
            assert_eq!(of.as_deref(), services, "{ui}");
        }
    }

    #[test]
    fn services_hosts_compare_whatever_their_number() {
        assert!(same_services_host(
            "wd3-impl-services1.workday.com",
            "wd3-impl-services2.workday.com"
        ));
        assert!(same_services_host(
            "services1.myworkday.com",
            "services1.myworkday.com"
        ));
        assert!(!same_services_host(
            "wd3-impl-services1.workday.com",
            "wd5-impl-services1.workday.com"
        ));
        assert!(!same_services_host(
            "wd3-impl-services1.workday.com",
            "wd3-services1.workday.com"
        ));
    }
}
