//! wdcap's core: recognise Workday admin pages, capture the connection parameters they show,
//! and check them. Plain Rust with no browser types: the CLI (`src/main.rs`) and the wasm edge
//! (`src/wasm.rs`) are thin callers of [`analysis`].

pub mod analysis;
pub mod checklist;
pub mod checks;
pub mod domain;
pub mod endpoint;
pub mod export;
pub mod extract;
pub mod form_body;
#[cfg(not(target_arch = "wasm32"))]
pub mod html;
pub mod labels;
pub mod limits;
pub mod link_markup;
pub mod link_wrappers;
pub mod pages;
pub mod param;
pub mod partners;
pub mod probe;
pub mod redact;
pub mod redirect_n;
pub mod report;
pub mod reported_errors;
pub mod secret;
pub mod settings;
pub mod snapshot;
pub mod values;
#[cfg(target_arch = "wasm32")]
pub mod wasm;
pub mod workday_dom;

/// Version and git revision, stamped by build.rs.
pub const BUILD: &str = env!("WDCAP_BUILD");
