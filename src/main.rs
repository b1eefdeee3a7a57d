//! `wdcap`, the command line: the same analysis the extension runs, for saved pages and pasted
//! text. Contract: exit 0 when there is no error finding, 1 when there is, 2 when the
//! input cannot be used (with a one-line reason on stderr). A reader that closes the output pipe
//! early (`| head`) is not an error: the rest of the output is dropped, the status is the same.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    std::process::exit(cli::main());
}

#[cfg(target_arch = "wasm32")]
fn main() {}
