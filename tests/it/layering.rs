//! Layering: `src/` is grouped by stage (the list in `src/lib.rs`'s "Stages" section), and a
//! module imports only from its own stage or an earlier one. This test reads every `crate::…`
//! path (and, in the binary's `cli/` and `main.rs`, every `wdcap::…` path) in `src/`, maps each
//! file and each path to its stage, and fails on an import from a later stage or on a cycle
//! between top-level modules.
//!
//! The reader is a small scanner over the source text, not a Rust parser: it skips comments,
//! string and character literals, and takes the first segment after `crate::` (or each first
//! segment of a `crate::{a, b::c}` group). That is all the layering needs, and it keeps the test
//! free of a parser dependency. `super::` paths stay within a module's own folder, so they are
//! not followed.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The stages in order, from `lib.rs`'s "Stages" list: lines `//! N. `a`, `b` — …`, each
/// naming the top-level modules of stage N.
fn stages(lib_rs: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for line in lib_rs.lines() {
        let Some(item) = line.strip_prefix("//! ") else {
            continue;
        };
        let Some((number, rest)) = item.split_once(". ") else {
            continue;
        };
        if number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let names_part = rest.split(" — ").next().unwrap_or_default();
        let names: Vec<String> = names_part
            .split(',')
            .filter_map(|n| {
                let n = n.trim();
                n.strip_prefix('`')?.strip_suffix('`').map(str::to_string)
            })
            .collect();
        if !names.is_empty() {
            out.push(names);
        }
    }
    out
}

/// The source text with comments, strings and character literals blanked (replaced by spaces),
/// so that only code remains.
fn code_only(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let rest = &b[i..];
        if rest.starts_with(b"//") {
            while i < b.len() && b[i] != b'\n' {
                out.push(b' ');
                i += 1;
            }
        } else if rest.starts_with(b"/*") {
            let mut depth = 0;
            while i < b.len() {
                if b[i..].starts_with(b"/*") {
                    depth += 1;
                    out.extend_from_slice(b"  ");
                    i += 2;
                } else if b[i..].starts_with(b"*/") {
                    depth -= 1;
                    out.extend_from_slice(b"  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(if b[i] == b'\n' { b'\n' } else { b' ' });
                    i += 1;
                }
            }
        } else if let Some(hashes) = raw_string_start(rest) {
            // r"…", r#"…"#, br#"…"#: ends at `"` followed by as many `#`.
            let open = rest.iter().position(|&c| c == b'"').unwrap_or(0) + 1;
            let mut j = i + open;
            let close: Vec<u8> = std::iter::once(b'"')
                .chain(std::iter::repeat_n(b'#', hashes))
                .collect();
            while j < b.len() && !b[j..].starts_with(&close) {
                j += 1;
            }
            let end = (j + close.len()).min(b.len());
            out.extend(
                b[i..end]
                    .iter()
                    .map(|&c| if c == b'\n' { b'\n' } else { b' ' }),
            );
            i = end;
        } else if b[i] == b'"' {
            out.push(b' ');
            i += 1;
            while i < b.len() && b[i] != b'"' {
                let step = if b[i] == b'\\' { 2 } else { 1 };
                for _ in 0..step.min(b.len() - i) {
                    out.push(if b[i] == b'\n' { b'\n' } else { b' ' });
                    i += 1;
                }
            }
            out.push(b' ');
            i += 1;
        } else if b[i] == b'\'' {
            // A character literal ('x', '\n', '\u{1F600}'), or a lifetime / label ('a).
            let len = char_literal_len(rest);
            if len > 0 {
                out.extend(std::iter::repeat_n(b' ', len));
                i += len;
            } else {
                out.push(b'\'');
                i += 1;
            }
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The number of `#` of a raw string literal starting here, or `None`.
fn raw_string_start(rest: &[u8]) -> Option<usize> {
    let rest = rest.strip_prefix(b"b").unwrap_or(rest);
    let rest = rest.strip_prefix(b"r")?;
    let hashes = rest.iter().take_while(|&&c| c == b'#').count();
    (rest.get(hashes) == Some(&b'"')).then_some(hashes)
}

/// The length of the character literal starting at `'`, or 0 for a lifetime.
fn char_literal_len(rest: &[u8]) -> usize {
    if rest.get(1) == Some(&b'\\') {
        // An escape: up to the closing quote.
        return rest
            .iter()
            .skip(2)
            .position(|&c| c == b'\'')
            .map_or(0, |p| p + 3);
    }
    // One character (up to 4 bytes of UTF-8), then the closing quote.
    let char_len = match rest.get(1) {
        Some(&c) if c < 0x80 => 1,
        Some(&c) if c >= 0xF0 => 4,
        Some(&c) if c >= 0xE0 => 3,
        Some(_) => 2,
        None => return 0,
    };
    if rest.get(1 + char_len) == Some(&b'\'') {
        char_len + 2
    } else {
        0
    }
}

/// The top-level modules `code` imports through `prefix` (`crate` or `wdcap`): the first segment
/// of every `prefix::a::…` path, and of every `prefix::{a, b::c}` group.
fn imports(code: &str, prefix: &str) -> BTreeSet<String> {
    let needle = format!("{prefix}::");
    let mut out = BTreeSet::new();
    let mut from = 0;
    while let Some(at) = code[from..].find(&needle) {
        let start = from + at;
        from = start + needle.len();
        // Only a whole word: not `my_crate::` or `wdcap_fuzz::`.
        let before = code[..start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = &code[from..];
        if let Some(group) = rest.strip_prefix('{') {
            // `{a, b::c, d::{e, f}}`: the first segment of each top-level item.
            let mut depth = 0;
            let mut item = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.extend(first_segment(&item));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                if depth == 0 {
                    item.push(c);
                }
            }
            out.extend(first_segment(&item));
        } else {
            out.extend(first_segment(rest));
        }
    }
    out
}

fn first_segment(path: &str) -> Option<String> {
    let name: String = path
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    (!name.is_empty() && name != "self").then_some(name)
}

/// The top-level module a file under `src/` belongs to (`checks/context.rs` → `checks`).
fn module_of(relative: &Path) -> String {
    let first = relative
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().to_string())
        .unwrap_or_default();
    first.trim_end_matches(".rs").to_string()
}

/// Every import from a later stage, and every cycle between top-level modules, in `files`
/// (path under `src/` → source). Items of `lib.rs` (`crate::BUILD`) count as stage 0.
fn violations(stage_list: &[Vec<String>], files: &BTreeMap<PathBuf, String>) -> Vec<String> {
    let stage_of: BTreeMap<&str, usize> = stage_list
        .iter()
        .enumerate()
        .flat_map(|(i, names)| names.iter().map(move |n| (n.as_str(), i + 1)))
        .collect();
    let mut out = Vec::new();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, src) in files {
        let module = module_of(path);
        if module == "lib" {
            continue;
        }
        let Some(&own) = stage_of.get(module.as_str()) else {
            out.push(format!(
                "src/{}: module `{module}` is in no stage of lib.rs's list",
                path.display()
            ));
            continue;
        };
        let code = code_only(src);
        // The binary's files (main.rs, cli/) reach the library as `wdcap::`.
        let mut used = imports(&code, "crate");
        if matches!(module.as_str(), "main" | "cli") {
            used.extend(imports(&code, "wdcap"));
        }
        for target in used {
            if target == module {
                continue;
            }
            let Some(&theirs) = stage_of.get(target.as_str()) else {
                // An item of lib.rs itself (`crate::BUILD`), or the binary's own modules.
                continue;
            };
            if theirs > own {
                out.push(format!(
                    "src/{}: `{module}` (stage {own}) imports `{target}` (stage {theirs}), a later stage",
                    path.display()
                ));
            }
            graph.entry(module.clone()).or_default().insert(target);
        }
    }
    if let Some(cycle) = find_cycle(&graph) {
        out.push(format!(
            "import cycle between modules: {}",
            cycle.join(" -> ")
        ));
    }
    out
}

/// A cycle in `graph`, as the modules on it (first repeated at the end), if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(c) = visit(next, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Some(c) = visit(node, graph, &mut Vec::new(), &mut done) {
            return Some(c);
        }
    }
    None
}

fn source_files(dir: &Path, base: &Path, out: &mut BTreeMap<PathBuf, String>) {
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display())) {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            source_files(&path, base, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            let text = fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
            out.insert(path.strip_prefix(base).unwrap().to_path_buf(), text);
        }
    }
}

fn lib_stages() -> Vec<Vec<String>> {
    let lib = fs::read_to_string(root().join("src/lib.rs")).expect("src/lib.rs");
    stages(&lib)
}

#[test]
fn every_import_goes_to_the_same_or_an_earlier_stage() {
    let stage_list = lib_stages();
    let src = root().join("src");
    let mut files = BTreeMap::new();
    source_files(&src, &src, &mut files);
    let v = violations(&stage_list, &files);
    assert!(v.is_empty(), "{}", v.join("\n"));
}

#[test]
fn every_stage_is_a_folder_or_an_edge_and_every_folder_a_stage() {
    let stage_list = lib_stages();
    let named: BTreeSet<&str> = stage_list.iter().flatten().map(String::as_str).collect();
    assert!(
        stage_list.len() >= 10,
        "lib.rs lists {} stages: {stage_list:?}",
        stage_list.len()
    );
    for entry in fs::read_dir(root().join("src")).unwrap() {
        let path = entry.unwrap().path();
        let name = module_of(Path::new(path.file_name().unwrap()));
        if name != "lib" {
            assert!(
                named.contains(name.as_str()),
                "src/{name} is in no stage of lib.rs's list"
            );
        }
    }
    // The stages before the edges are folders: a newcomer finds a stage by its folder's name.
    for names in &stage_list[..stage_list.len() - 2] {
        for n in names {
            assert!(
                root().join("src").join(n).is_dir(),
                "stage `{n}` is not a folder under src/"
            );
        }
    }
}

// The test's own tests: it fails on what it must catch.

fn synthetic(files: &[(&str, &str)]) -> BTreeMap<PathBuf, String> {
    files
        .iter()
        .map(|(p, s)| (PathBuf::from(p), s.to_string()))
        .collect()
}

const LIB: &str = "//! 1. `workday` — shapes\n//! 2. `model` — vocabulary\n//! 3. `checks` — checks\n//! 4. `wasm`, `cli`, `main` — edges\n";

#[test]
fn the_stage_list_is_read_from_lib_rs() {
    assert_eq!(
        stages(LIB),
        vec![
            vec!["workday".to_string()],
            vec!["model".into()],
            vec!["checks".into()],
            vec!["wasm".into(), "cli".into(), "main".into()],
        ]
    );
    assert!(lib_stages().iter().flatten().any(|n| n == "analysis"));
}

#[test]
fn a_planted_backward_import_fails() {
    let files = synthetic(&[
        (
            "model/param.rs",
            "use crate::workday::tenant::Tenant;\nuse crate::checks::Finding;\n",
        ),
        ("checks/mod.rs", "use crate::model::param::Param;\n"),
    ]);
    let v = violations(&stages(LIB), &files);
    assert!(
        v.iter()
            .any(|m| m.contains("src/model/param.rs") && m.contains("imports `checks`")),
        "{v:?}"
    );
    // The same without the planted import is clean.
    let files = synthetic(&[
        ("model/param.rs", "use crate::workday::tenant::Tenant;\n"),
        ("checks/mod.rs", "use crate::model::param::Param;\n"),
    ]);
    assert_eq!(violations(&stages(LIB), &files), Vec::<String>::new());
}

#[test]
fn grouped_and_inline_paths_count_and_comments_and_strings_do_not() {
    let files = synthetic(&[(
        "workday/endpoint.rs",
        "use crate::{model::param, workday::tenant};\n\
         fn f() { let _ = crate::checks::run_all; }\n",
    )]);
    let v = violations(&stages(LIB), &files);
    assert_eq!(v.len(), 2, "{v:?}");
    let files = synthetic(&[(
        "workday/endpoint.rs",
        "// see crate::checks::run_all\n/* crate::model */\n\
         const S: &str = \"crate::checks\";\nconst R: &str = r#\"crate::model\"#;\n\
         fn f<'a>(c: char) -> bool { c == '\"' || c == '\\'' }\n",
    )]);
    assert_eq!(violations(&stages(LIB), &files), Vec::<String>::new());
}

#[test]
fn a_cycle_within_a_stage_fails() {
    let files = synthetic(&[
        ("wasm.rs", "use crate::cli::x;\n"),
        ("cli/mod.rs", "use crate::wasm::y;\n"),
    ]);
    let v = violations(&stages(LIB), &files);
    assert!(v.iter().any(|m| m.starts_with("import cycle")), "{v:?}");
}

#[test]
fn the_binary_reaches_the_library_as_wdcap() {
    let files = synthetic(&[
        ("model/param.rs", ""),
        ("cli/mod.rs", "use wdcap::model::param;\n"),
    ]);
    assert_eq!(violations(&stages(LIB), &files), Vec::<String>::new());
    let files = synthetic(&[("checks/mod.rs", "use wdcap::cli::x;\n")]);
    // `wdcap::` is read only in the binary's files.
    assert_eq!(violations(&stages(LIB), &files), Vec::<String>::new());
}
