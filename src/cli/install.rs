//! The CLI as people install it: shell completions (clap_complete) and the man page
//! (clap_mangen), both generated from the argument definitions, so they never drift from them.
//! `make package` writes them into dist/cli/ (scripts/package-cli.sh).

use super::Cli;
use clap::CommandFactory;
use std::io::Write;

/// Writes `shell`'s completion script to standard output; the exit status.
pub fn completions(shell: clap_complete::Shell) -> i32 {
    let mut command = Cli::command();
    let mut out = std::io::stdout().lock();
    clap_complete::generate(shell, &mut command, "wdcap", &mut out);
    i32::from(out.flush().is_err())
}

/// Writes the man pages (roff, section 1) into `dir`: `wdcap.1` and one per subcommand
/// (`wdcap-check.1` …); the exit status.
pub fn man(dir: &std::path::Path) -> Result<i32, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    clap_mangen::generate_to(Cli::command(), dir)
        .map_err(|e| format!("cannot write the man pages into {}: {e}", dir.display()))?;
    Ok(0)
}
