//! Label data: the build-time compiler of `labels/*.toml` refuses a key another language adds
//! (a typo in a translation would otherwise be a label nothing reads), a section that is not a
//! page id and a key with no text; and the typed keys the recognisers use are the English file's.

#[path = "../../build/labels.rs"]
#[allow(dead_code)]
mod compiler;

use std::path::PathBuf;
use wdcap::model::page_id::PageId;
use wdcap::pages::labels::{self, keys};

fn files_with(name: &str, files: &[(&str, &str)]) -> Vec<PathBuf> {
    let dir = std::env::temp_dir().join(format!("wdcap-labels-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    files
        .iter()
        .map(|(file, text)| {
            let path = dir.join(file);
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect()
}

fn problems(name: &str, files: &[(&str, &str)]) -> Vec<String> {
    compiler::table(&files_with(name, files)).expect_err("the label files are refused")
}

#[test]
fn the_real_label_files_compile_with_a_typed_key_per_english_label() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/labels"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let table = compiler::table(&files).unwrap_or_else(|p| panic!("{p:#?}"));
    assert!(table.contains("pub mod view_api_clients {"));
    assert!(table.contains("pub const CLIENT_ID: crate::pages::labels::Label"));
}

#[test]
fn a_key_only_a_translation_has_is_refused_naming_file_page_and_key() {
    let p = problems(
        "typo",
        &[
            ("en.toml", "[view_urls]\ntitle = [\"View URLs\"]\n"),
            ("fr.toml", "[view_urls]\ntitel = [\"Afficher les URL\"]\n"),
        ],
    );
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].contains("fr.toml") && p[0].contains("[view_urls] titel"),
        "{p:?}"
    );
    assert!(p[0].contains("not a key of labels/en.toml"), "{p:?}");
}

#[test]
fn a_section_that_is_not_a_page_id_and_an_empty_label_are_refused() {
    let p = problems(
        "page",
        &[(
            "en.toml",
            "[view_url]\ntitle = [\"View URLs\"]\n[view_ids]\ntitle = []\n",
        )],
    );
    assert!(
        p.iter()
            .any(|m| m.contains("`[view_url]` is not a page id")),
        "{p:?}"
    );
    assert!(
        p.iter()
            .any(|m| m.contains("[view_ids] title` lists no text")),
        "{p:?}"
    );
}

#[test]
fn without_the_english_file_nothing_declares_the_keys() {
    let p = problems(
        "noen",
        &[("fr.toml", "[view_urls]\ntitle = [\"Afficher les URL\"]\n")],
    );
    assert!(
        p.iter().any(|m| m.contains("labels/en.toml is missing")),
        "{p:?}"
    );
}

#[test]
fn a_typed_key_matches_its_texts_in_every_language_and_only_its_own() {
    let title = keys::view_api_clients::TITLE;
    assert_eq!(title.page(), PageId::ViewApiClients);
    assert_eq!(title.key(), "title");
    assert!(title.matches("View API Clients"));
    assert!(
        title.matches("  view   api CLIENTS "),
        "case and white space are folded"
    );
    assert!(title.matches("Afficher les clients API"), "the French text");
    assert!(!title.matches("View API Client"));
    assert!(!keys::register_api_client::CLIENT_SECRET.matches("Client ID"));
    let yes_no = labels::YesNo {
        yes: keys::edit_tenant_setup_security::YES,
        no: keys::edit_tenant_setup_security::NO,
    };
    assert_eq!(yes_no.read("Oui"), Some(true));
    assert_eq!(yes_no.read("No"), Some(false));
    assert_eq!(yes_no.read("Maybe"), None);
    assert_eq!(
        labels::which(
            &[keys::view_urls::REPORT_NAME, keys::view_urls::REPORT_OWNER],
            "Report Owner"
        ),
        Some(keys::view_urls::REPORT_OWNER)
    );
}
