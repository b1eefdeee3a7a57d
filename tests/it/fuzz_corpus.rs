//! Runs every fuzz target's body (fuzz/src/lib.rs) over the committed corpus (fuzz/corpus/) and
//! the page fixtures, natively and on stable: the targets keep compiling and every kept input
//! stays panic-free, in `make test`, without running a fuzzer (that is `make fuzz`).

#[path = "../../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod fuzz_targets;

use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// The inputs `fuzz/run.sh` gives a target: its corpus and its extra seed directories.
fn inputs(target: &str) -> Vec<PathBuf> {
    let mut dirs = vec![root().join("fuzz/corpus").join(target)];
    match target {
        "html" => {
            dirs.push(root().join("tests/fixtures/pages"));
            dirs.push(root().join("tests/fixtures/hostile"));
        }
        "check_text" => {
            dirs.push(root().join("fuzz/corpus/url"));
            dirs.push(root().join("tests/fixtures/hostile"));
        }
        _ => {}
    }
    let mut files = Vec::new();
    for d in dirs {
        files_under(&d, &mut files);
    }
    files.sort();
    files
}

#[test]
fn every_target_runs_over_its_corpus() {
    let mut total = 0;
    for (name, body) in fuzz_targets::TARGETS {
        let files = inputs(name);
        assert!(
            !files.is_empty(),
            "fuzz/corpus/{name} is empty: keep at least one seed per target"
        );
        for f in &files {
            let data = fs::read(f).unwrap_or_else(|e| panic!("read {}: {e}", f.display()));
            let outcome = std::panic::catch_unwind(|| body(&data));
            assert!(
                outcome.is_ok(),
                "fuzz target {name} panicked on {}",
                f.display()
            );
            total += 1;
        }
    }
    assert!(total > 0);
}

#[test]
fn every_fuzz_target_is_listed() {
    // A target file without an entry in TARGETS would never run here.
    let mut on_disk: Vec<String> = fs::read_dir(root().join("fuzz/fuzz_targets"))
        .expect("fuzz/fuzz_targets")
        .map(|e| e.expect("entry").path())
        .filter_map(|p| p.file_stem().and_then(|s| s.to_str()).map(str::to_string))
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = fuzz_targets::TARGETS
        .iter()
        .map(|(n, _)| n.to_string())
        .collect();
    listed.sort();
    assert_eq!(on_disk, listed);
}

#[test]
fn every_snapshot_the_corpus_decodes_is_a_pre_order_tree() {
    // The recognisers read a subtree as a contiguous range (`descendants`); a decoded snapshot
    // whose ranges disagree with its parent links would hand them a later sibling as a child.
    // Lists that are not in pre-order must be refused instead (src/snapshot/, `link`).
    let mut decoded = 0;
    for f in inputs("snapshot_json") {
        let data = fs::read(&f).unwrap_or_else(|e| panic!("read {}: {e}", f.display()));
        let Ok(s) = wdcap::snapshot::Snapshot::from_json(&String::from_utf8_lossy(&data)) else {
            continue;
        };
        decoded += 1;
        // Each node's range must end where its parent chain stops reaching it: every node in
        // the range has its parent inside the range or at its start, and the next node does not.
        for id in s.ids() {
            let end = s.subtree_end(id);
            for j in id + 1..end {
                let p = s.parent(j).expect("a node inside a subtree has a parent");
                assert!(
                    (id..j).contains(&p),
                    "{}: node {j} is in node {id}'s range but its parent {p} is not",
                    f.display()
                );
            }
            if end < s.len() {
                assert!(
                    !s.ancestors(end).any(|a| a == id),
                    "{}: node {end} descends from node {id} but is past its range",
                    f.display()
                );
            }
        }
    }
    assert!(decoded > 0, "the snapshot_json corpus decodes nothing");
}
