//! What the edges hand out: the report's JSON view (the CLI's contract, what the extension
//! renders), one tenant's view (what a popup render needs, from one pass of the checks), the
//! redacted Markdown report for a ticket, the live test's view, and the envelope of every wasm
//! result.

pub mod live;
pub mod outcome;
pub mod redact;
pub mod tenant;
pub mod view;
