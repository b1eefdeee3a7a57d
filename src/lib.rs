//! wdcap's core: recognise Workday admin pages, capture the connection parameters they show,
//! and check them. Plain Rust with no browser types: the CLI (`src/main.rs`, `src/cli/`) and the
//! wasm edge (`src/wasm.rs`) are thin callers of [`analysis`].
//!
//! # Stages
//!
//! The modules are grouped by stage, each a folder named for what it holds. A module imports
//! only from its own stage or an earlier one; the layering test (`tests/it/layering.rs`) reads
//! this list and every `crate::` path in `src/`, and fails on an import from a later stage.
//!
//! 1. `workday` — Workday's own shapes, independent of wdcap's model: tenants and hosts,
//!    endpoints, value shapes, `redirect=n`, link wrappers, the error catalogue and its fixes.
//! 2. `model` — wdcap's vocabulary: parameter kinds and parameters, settings, secrets, page ids,
//!    options, severities, limits, the partner profiles.
//! 3. `snapshot` — the page snapshot and its wire format; natively, HTML to snapshot.
//! 4. `pages` — the Workday DOM reader, the label texts, one recogniser per page.
//! 5. `paste` — pasted text to parameters and settings.
//! 6. `evidence` — the evidence store's rules: a record per tenant and host family, captures
//!    bound to their origin, merging, the API clients, security groups and ISUs, which are the
//!    partner's.
//! 7. `checks` — one check per file, registered once, and what they see.
//! 8. `partner` — the trainer checklist and the partner export with its text and JSON formats.
//! 9. `probe` — the live connection test.
//! 10. `report` — the views every edge serialises (the tenant view among them), and the redacted
//!     Markdown report.
//! 11. `analysis` — the entry points the edges call.
//! 12. `wasm`, `cli`, `main` — the edges: parse input, call [`analysis`], write the result.

pub mod workday;

pub mod model;

pub mod snapshot;

pub mod pages;

pub mod paste;

pub mod evidence;

pub mod checks;

pub mod partner;

pub mod probe;

pub mod report;

pub mod analysis;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

/// Version and git revision, stamped by build.rs.
pub const BUILD: &str = env!("WDCAP_BUILD");
