//! `wdcap export`: the partner export's text and JSON formats, through the real CLI, byte for
//! byte as the extension's "Copy as text" and "Download JSON" write them (the expected texts
//! below were written by the extension's own formatting on the same export).

use std::io::Write;
use std::process::{Command, Stdio};

fn export(args: &[&str], evidence: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_wdcap"))
        .arg("export")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run wdcap");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(evidence.as_bytes())
        .expect("write the evidence");
    let out = child.wait_with_output().expect("wdcap finishes");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8"),
        String::from_utf8(out.stderr).expect("UTF-8"),
    )
}

const REST_ONLY: &str = r#"{"params": [{"kind": "rest_endpoint", "value": "https://wd12-services1.myworkday.com/ccx/api/v1/northwind"}]}"#;

#[test]
fn text_lists_each_value_in_the_partners_order_and_what_is_missing() {
    let (code, out, err) = export(&["--integration", "defender-for-cloud-apps"], REST_ONLY);
    assert_eq!(
        out,
        "Microsoft Defender for Cloud Apps \u{2014} northwind\n\
         Client ID: (missing)\n\
         Client Secret: (missing)\n\
         Workday REST API Endpoint: https://wd12-services1.myworkday.com/ccx/api/v1/northwind\n\
         Token Endpoint: (missing)\n\
         Authorization Endpoint: (missing)\n",
        "{err}"
    );
    // Required values are missing: an error finding blocks the export.
    assert_eq!(code, 1);
}

#[test]
fn json_names_partner_tenant_values_missing_and_what_it_was_exported_despite() {
    let (code, out, err) = export(
        &["--integration", "defender-for-cloud-apps", "--json"],
        REST_ONLY,
    );
    assert_eq!(code, 1, "{err}");
    let at_line = out
        .lines()
        .find(|l| l.starts_with("  \"exported_at\": "))
        .expect("an exported_at line");
    // ISO 8601 in UTC with milliseconds, as JavaScript's toISOString writes it.
    let at = at_line
        .trim_start_matches("  \"exported_at\": \"")
        .trim_end_matches("\",");
    assert_eq!(at.len(), "2024-05-06T07:08:09.123Z".len(), "{at}");
    assert!(
        at.ends_with('Z') && at.as_bytes()[10] == b'T' && at.as_bytes()[19] == b'.',
        "{at}"
    );
    let out = out.replace(at, "2024-05-06T07:08:09.123Z");
    let needs = |what: &str| {
        format!(
            "    {{\n      \"code\": \"missing-parameter\",\n      \"message\": \"Microsoft Defender for Cloud Apps needs the {what}; none was found.\"\n    }}"
        )
    };
    let expected = format!(
        r#"{{
  "partner": {{
    "id": "defender-for-cloud-apps",
    "name": "Microsoft Defender for Cloud Apps"
  }},
  "tenant": "northwind",
  "exported_at": "2024-05-06T07:08:09.123Z",
  "values": [
    {{
      "label": "Workday REST API Endpoint",
      "kind": "rest_endpoint",
      "value": "https://wd12-services1.myworkday.com/ccx/api/v1/northwind"
    }}
  ],
  "missing": [
    "Client ID",
    "Client Secret",
    "Token Endpoint",
    "Authorization Endpoint"
  ],
  "exported_despite": [
{},
{},
{},
{}
  ]
}}
"#,
        needs("Client ID"),
        needs("Client Secret"),
        needs("Token Endpoint"),
        needs("Authorization Endpoint")
    );
    assert_eq!(out, expected);
}

#[test]
fn a_ready_export_numbers_several_values_and_exits_0() {
    let url = |r: &str| {
        format!("https://wd5-services1.myworkday.com/ccx/service/customreport2/tailspin/ISU_10KC/{r}?format=json")
    };
    let evidence = format!(
        r#"{{"params": [
            {{"kind": "raas_url", "value": "{}"}},
            {{"kind": "raas_url", "value": "{}"}},
            {{"kind": "isu_username", "value": "ISU_10KC@tailspin"}}
        ]}}"#,
        url("10KC_User_Report"),
        url("10KC_Group_Report")
    );
    let label = "The Workday Custom User Report JSON endpoint; The Workday Custom Group Report JSON endpoint";
    let (code, out, err) = export(&["--integration", "ten-thousand-coffees"], &evidence);
    assert_eq!(
        out,
        format!(
            "Ten Thousand Coffees (WorkOS) \u{2014} tailspin\n\
             {label} 1: {}\n\
             {label} 2: {}\n\
             Username for accessing the Custom Reports: ISU_10KC@tailspin\n",
            url("10KC_User_Report"),
            url("10KC_Group_Report")
        ),
        "{err}"
    );
    assert_eq!(code, 0);
    let (code, out, _) = export(
        &["--integration", "ten-thousand-coffees", "--json"],
        &evidence,
    );
    assert_eq!(code, 0);
    assert!(out.contains("  \"missing\": []\n}\n"), "{out}");
    assert!(!out.contains("exported_despite"), "{out}");
}

#[test]
fn corrections_are_exported_and_the_tenant_can_be_named() {
    let evidence = r#"{"params": [{"kind": "authorization_endpoint", "value": "https://wd3-impl.workday.com/acme/authorize"}]}"#;
    let (_, out, err) = export(
        &[
            "--integration",
            "defender-for-cloud-apps",
            "--sso",
            "yes",
            "--tenant",
            "Acme",
        ],
        evidence,
    );
    assert!(
        out.starts_with("Microsoft Defender for Cloud Apps \u{2014} Acme\n"),
        "{out}{err}"
    );
    assert!(
        out.contains(
            "Authorization Endpoint: https://wd3-impl.workday.com/acme/authorize?redirect=n\n"
        ),
        "{out}"
    );
}

#[test]
fn unusable_input_exits_2_with_a_reason() {
    let (code, out, err) = export(&["--integration", "nobody"], REST_ONLY);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("unknown integration `nobody`"), "{err}");
    let (code, _, err) = export(&["--integration", "kombo"], "not json");
    assert_eq!(code, 2);
    assert!(
        err.contains("evidence is not {params, settings} JSON"),
        "{err}"
    );
}

/// Every shipped partner: the values of its clean ticket (`tests/fixtures/partners/<id>.*`),
/// read by `wdcap check`, exported by `wdcap export`: one line per value the partner's form asks
/// for, with the form's label, in the form's order, none missing, nothing blocking.
#[test]
fn every_partner_exports_its_clean_ticket_in_its_form_order() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("tests/fixtures/partners");
    for p in wdcap::model::partner::PARTNERS {
        let file = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .find(|f| f.file_stem().is_some_and(|s| s == p.id))
            .unwrap_or_else(|| panic!("no clean ticket for {}", p.id));
        let out = Command::new(env!("CARGO_BIN_EXE_wdcap"))
            .args(["check", file.to_str().unwrap(), "--json", "--reveal"])
            .args(["--integration", p.id, "--sso", "yes"])
            .output()
            .unwrap();
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let params: Vec<serde_json::Value> = report["params"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| serde_json::json!({"kind": v["kind"], "value": v["value"]}))
            .collect();
        let evidence = serde_json::json!({ "params": params }).to_string();
        let (code, text, err) = export(&["--integration", p.id, "--sso", "yes"], &evidence);
        assert_eq!(code, 0, "{}: {text}{err}", p.id);
        let mut lines = text.lines();
        assert!(
            lines.next().unwrap().starts_with(p.name),
            "{}: {text}",
            p.id
        );
        let lines: Vec<&str> = lines.collect();
        let wanted: Vec<&str> = p
            .parameters
            .iter()
            .filter(|r| r.required)
            .map(|r| r.label)
            .collect();
        // A value asked for more than once is numbered ("… 1: ", "… 2: ").
        let mut order: Vec<&str> = lines
            .iter()
            .filter_map(|l| {
                wanted.iter().copied().find(|w| {
                    l.strip_prefix(w)
                        .is_some_and(|rest| rest.starts_with(": ") || rest.starts_with(' '))
                })
            })
            .collect();
        order.dedup();
        assert_eq!(order, wanted, "{}: {text}", p.id);
        assert!(!text.contains("(missing)"), "{}: {text}", p.id);
    }
}
