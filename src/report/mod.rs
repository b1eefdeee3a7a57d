//! What the edges hand out: the report's JSON view (the CLI's contract, what the extension
//! renders), one tenant's view (what a popup render needs, from one pass of the checks), the
//! redacted Markdown report for a ticket, the live test's view, the envelope of every wasm
//! result, for a ticket queue each ticket's JSON line and the summary, and a page's structure
//! for a bug report (`structure.rs`: every value shaped, never a captured one).

pub mod live;
pub mod outcome;
pub mod redact;
pub mod structure;
pub mod summary;
pub mod tenant;
pub mod text;
pub mod ticket;
pub mod view;
