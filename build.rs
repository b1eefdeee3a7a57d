//! Compiles the project's data files into static tables, so the wasm module needs no file
//! access and a malformed data file fails the build, not a user's session:
//! - `labels/<lang>.toml` → `$OUT_DIR/labels.rs` (label texts per page, see `src/pages/labels.rs`);
//! - `partners/<id>.toml` → `$OUT_DIR/partners.rs` (partner profiles, see `src/model/partner.rs`),
//!   validated here: a malformed profile stops the build with the file, the item and the reason;
//! - stamps the version and git revision into `WDCAP_BUILD`.

use std::path::Path;
use std::{env, fs};

#[path = "build/labels.rs"]
mod labels;
#[path = "build/partners.rs"]
mod partners;

fn main() {
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=labels");
    let label_files = sorted_files("labels", "toml");
    for path in &label_files {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    match labels::table(&label_files) {
        Ok(table) => {
            fs::write(Path::new(&out_dir).join("labels.rs"), table).expect("write labels.rs")
        }
        Err(problems) => panic!("invalid label file(s):\n  {}", problems.join("\n  ")),
    }
    println!("cargo:rerun-if-changed=partners");
    println!("cargo:rerun-if-changed=src/model/lists");
    match partners::table("partners") {
        Ok(table) => {
            fs::write(Path::new(&out_dir).join("partners.rs"), table).expect("write partners.rs")
        }
        Err(problems) => {
            // A malformed profile stops the build, naming the file, the item and the reason.
            for p in &problems {
                println!("cargo:warning=partner profile: {p}");
            }
            panic!("invalid partner profile(s):\n  {}", problems.join("\n  "));
        }
    }
    let revision = std::process::Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| "unknown".into());
    println!(
        "cargo:rustc-env=WDCAP_BUILD={} ({revision})",
        env::var("CARGO_PKG_VERSION").unwrap_or_default()
    );
}

fn sorted_files(dir: &str, ext: &str) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    files.sort();
    files
}
