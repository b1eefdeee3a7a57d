//! The README lists every check and every page id, so a new one cannot ship undocumented there.

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

#[test]
fn readme_lists_every_check_code() {
    let readme = readme();
    for check in wdcap::checks::CHECKS {
        let code = check.code();
        assert!(
            readme.contains(&format!("`{code}`")),
            "README.md does not list the check `{code}`"
        );
    }
}

#[test]
fn readme_lists_every_page_id_and_param_kind() {
    let readme = readme();
    for r in wdcap::pages::RECOGNISERS {
        let id = r.page().as_str();
        assert!(
            readme.contains(&format!("`{id}`")),
            "README.md does not list the page id `{id}`"
        );
    }
    for kind in wdcap::model::param::ParamKind::ALL {
        let k = kind.as_str();
        assert!(
            readme.contains(&format!("`{k}`")),
            "README.md does not list the param kind `{k}`"
        );
    }
}
