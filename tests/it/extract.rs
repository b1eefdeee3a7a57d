//! Free-text extraction across the formats support receives, its ambiguity reporting, and its
//! cost on large input.

use std::time::Duration;
use wdcap::model::param::ParamKind as K;
use wdcap::paste::{extract, extract_all};

const CID: &str = "OGQyMzYyYjYtZDhmZC00YTA4LWE3M2EtZDIzNzg1MzY3NmZm";
const SEC: &str = "k3j4h5g6f7d8s9a0m1n2b3v4c5x6z7l8k9j0h1g2f3d4s5a6p7o8i9u0y1t2r3e4w5q6a7s8d9f0g1h2j3k4l5z6x7c8v9b0n1m2";
const TOKEN: &str = "https://wd5-services1.myworkday.com/ccx/oauth2/acme/token";

fn kinds_values(text: &str) -> Vec<(K, String)> {
    extract(text)
        .into_iter()
        .map(|p| (p.kind, p.raw().to_string()))
        .collect()
}

#[test]
fn key_value_lists_markdown_and_code_spans() {
    let md = format!(
        "## Values\n\n- **Client ID:** `{CID}`\n- **Client secret**: `{SEC}`\n- [Token endpoint]({TOKEN})\n"
    );
    assert_eq!(
        kinds_values(&md),
        vec![
            (K::ClientId, CID.into()),
            (K::ClientSecret, SEC.into()),
            (K::TokenEndpoint, TOKEN.into())
        ]
    );
    let ps = extract(&md);
    assert_eq!(ps[2].source.label.as_deref(), Some("Token endpoint"));
}

#[test]
fn markdown_and_html_tables() {
    let md = format!(
        "| Field | Value |\n| --- | --- |\n| Client ID | {CID} |\n| Refresh token | {SEC} |\n"
    );
    assert_eq!(
        kinds_values(&md),
        vec![(K::ClientId, CID.into()), (K::RefreshToken, SEC.into())]
    );
    let html = format!("<table><tr><td>Client ID</td><td>{CID}</td></tr><tr><td>Refresh token</td><td>{SEC}</td></tr></table>");
    assert_eq!(
        kinds_values(&html),
        vec![(K::ClientId, CID.into()), (K::RefreshToken, SEC.into())]
    );
}

#[test]
fn json_keys_name_the_values() {
    let json = format!(
        r#"{{"workday": {{"client_id": "{CID}", "refresh_token": "{SEC}", "token_url": "{TOKEN}", "org_ids": ["3f2a9c0b7e6d4c5b8a1f0e9d8c7b6a59"]}}}}"#
    );
    assert_eq!(
        kinds_values(&json),
        vec![
            (K::ClientId, CID.into()),
            (K::OrgId, "3f2a9c0b7e6d4c5b8a1f0e9d8c7b6a59".into()),
            (K::RefreshToken, SEC.into()),
            (K::TokenEndpoint, TOKEN.into()),
        ]
    );
}

#[test]
fn chat_logs_angle_brackets_and_quotes() {
    let chat = format!(
        "[10:02] Sam: client id is <{CID}>\n[10:03] Sam: secret \"{SEC}\"\n[10:04] Kim: thx"
    );
    assert_eq!(
        kinds_values(&chat),
        vec![(K::ClientId, CID.into()), (K::ClientSecret, SEC.into())]
    );
}

#[test]
fn labels_on_their_own_line_and_lists_under_them() {
    let text = "Client secret:\n".to_string() + SEC + "\n\nOrg IDs:\n- 3f2a9c0b7e6d4c5b8a1f0e9d8c7b6a59\n- Organization_Reference_ID=SUP_ORG_7\n";
    assert_eq!(
        kinds_values(&text),
        vec![
            (K::ClientSecret, SEC.into()),
            (K::OrgId, "3f2a9c0b7e6d4c5b8a1f0e9d8c7b6a59".into()),
            (K::OrgId, "Organization_Reference_ID=SUP_ORG_7".into()),
        ]
    );
}

#[test]
fn quoted_replies_do_not_duplicate_values() {
    let text = format!("New token: {TOKEN}\n\n> On Monday you wrote:\n> Token: {TOKEN}\n");
    assert_eq!(kinds_values(&text), vec![(K::TokenEndpoint, TOKEN.into())]);
}

#[test]
fn quoted_printable_soft_breaks_and_entities() {
    let qp = format!(
        "Content-Transfer-Encoding: quoted-printable\n\nClient ID: {}=\n{}\nToken: {}=\n{}\n",
        &CID[..30],
        &CID[30..],
        &TOKEN[..40],
        &TOKEN[40..]
    );
    assert_eq!(
        kinds_values(&qp),
        vec![(K::ClientId, CID.into()), (K::TokenEndpoint, TOKEN.into())]
    );
    let ent = "Authorization endpoint: https://wd5.myworkday.com/acme/authorize?x=1&amp;redirect=n";
    assert_eq!(
        extract(ent)[0].raw(),
        "https://wd5.myworkday.com/acme/authorize?x=1&redirect=n"
    );
}

#[test]
fn shape_beats_label_and_ambiguity_is_said() {
    // A secret under a Client ID label stays a (masked) secret; `swapped-values` reports it.
    let ps = extract(&format!("Client ID: {SEC}"));
    assert_eq!(ps[0].kind, K::ClientSecret);
    assert!(ps[0].value.is_secret());
    assert_eq!(ps[0].source.label.as_deref(), Some("Client ID"));
    // An unlabelled secret-shaped value could be either.
    let ps = extract(&format!("use this: {SEC}"));
    assert_eq!(ps[0].ambiguous_with, vec![K::RefreshToken]);
    // The ISU user name `user@tenant`, not an e-mail address.
    let ps = extract("ISU: ISU_Kombo@acme, contact jane@acme.example");
    assert_eq!(
        kinds_values("ISU: ISU_Kombo@acme, contact jane@acme.example"),
        vec![(K::IsuUsername, "ISU_Kombo@acme".into())]
    );
    assert_eq!(ps.len(), 1);
}

#[test]
fn prose_after_a_label_is_not_a_value() {
    assert!(extract("The client secret is in the attached file.").is_empty());
    assert!(extract("Username for accessing the Custom Reports").is_empty());
    assert!(
        extract("Password: hunter2hunter2").is_empty(),
        "passwords are never extracted"
    );
}

#[test]
fn raas_json_samples_become_report_fields() {
    let ex =
        extract_all(r#"{"Report_Entry":[{"group_name":"Engineering"},{"group_name":"Sales"}]}"#);
    assert_eq!(ex.samples.len(), 1);
    assert_eq!(
        ex.settings[0].value,
        wdcap::model::settings::SettingValue::List(vec!["group_name".into()])
    );
}

/// The CPU time one check of `text` takes on this thread (see `crate::cost`).
fn time(text: &str) -> Duration {
    crate::cost::cost(|| {
        let _ = wdcap::analysis::check_text(text, &Default::default());
    })
}

#[test]
fn ten_megabytes_are_fine_and_cost_grows_linearly() {
    let email = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/partners/defender-for-cloud-apps.txt"
    ))
    .unwrap();
    let mb = |n: usize| email.repeat(n * 1_000_000 / email.len() + 1);
    let one = time(&mb(1));
    let four = time(&mb(4));
    // Linear with room for noise on a shared machine; a quadratic pass would be ~16×.
    assert!(
        four < one * 9 + Duration::from_millis(500),
        "1 MB {one:?}, 4 MB {four:?}"
    );
    let ten = time(&mb(10));
    assert!(ten < Duration::from_secs(120), "10 MB took {ten:?}");
    // One enormous line (a minified export) is linear too.
    let line =
        format!("Client ID: {CID} {TOKEN} \"x\" <y> Org ID: 3f2a9c0b7e6d4c5b8a1f0e9d8c7b6a59 ");
    let l1 = time(&line.repeat(5_000));
    let l4 = time(&line.repeat(20_000));
    assert!(l4 < l1 * 9 + Duration::from_millis(500), "{l1:?} vs {l4:?}");
}

#[test]
fn arbitrary_bytes_never_panic() {
    // A small deterministic generator (xorshift): no extra dependency for a fuzz-like sweep.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let alphabet: Vec<char> = "aZ09:=/<>\"'`“”{}[]()|*_-.,;@&#%?! \n\t\r>\u{200B}\u{00A0}\u{FEFF}…éhttps://wd5.myworkday.com/ccx/oauth2/".chars().collect();
    for _ in 0..300 {
        let mut s = String::new();
        for _ in 0..400 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            s.push(alphabet[(x % alphabet.len() as u64) as usize]);
        }
        let _ = wdcap::analysis::check_text(&s, &Default::default());
        let _ = wdcap::report::redact::markdown(
            &wdcap::analysis::check_text(&s, &Default::default()),
            &Default::default(),
        );
    }
}

#[test]
fn mail_and_chat_link_markup_reads_as_the_url() {
    let safe = "https://nam02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwd5-services1.myworkday.com%2Fccx%2Foauth2%2Facme%2Ftoken&data=05%7C02&reserved=0";
    let text = format!(
        "Outlook: Token endpoint {TOKEN}<{safe}>\n\
         Slack: token endpoint <{TOKEN}|{TOKEN}>\n\
         Jira: token endpoint [{TOKEN}|{TOKEN}]\n"
    );
    // One value: the Outlook target wraps the text, and the three lines name the same URL.
    assert_eq!(kinds_values(&text), vec![(K::TokenEndpoint, TOKEN.into())]);
    let ps = extract(&text);
    assert_eq!(ps[0].source.line, Some(1));
    // HTML mail: the link's text and its Safe Links target are one value too.
    let html = format!(
        "<p>Token endpoint: <a href=\"{}\">{TOKEN}</a></p>",
        safe.replace('&', "&amp;")
    );
    assert_eq!(kinds_values(&html).len(), 1, "{:?}", kinds_values(&html));
}

#[test]
fn oauth_form_bodies_in_curl_commands() {
    let text = format!(
        "It fails with:\n\ncurl -X POST \"{TOKEN}\" \\\n  -H \"Content-Type: application/x-www-form-urlencoded\" \\\n  -d \"grant_type=refresh_token&refresh_token={SEC}&client_id={CID}&client_secret=a%2Bb%3Dc{SEC}\"\n"
    );
    assert_eq!(
        kinds_values(&text),
        vec![
            (K::TokenEndpoint, TOKEN.into()),
            (K::RefreshToken, SEC.into()),
            (K::ClientId, CID.into()),
            (K::ClientSecret, format!("a+b=c{SEC}")),
        ]
    );
    let ps = extract(&text);
    assert_eq!(ps[1].source.line, Some(5), "the body's line");
    // An authorize URL keeps its query: client_id in it is the URL's, not a second value.
    let authorize =
        format!("https://wd5.myworkday.com/acme/authorize?client_id={CID}&response_type=code");
    assert_eq!(
        kinds_values(&authorize),
        vec![(K::AuthorizationEndpoint, authorize.clone())]
    );
}
