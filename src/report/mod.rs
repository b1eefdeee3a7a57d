//! What the edges hand out: the report's JSON view (the CLI's contract, what the extension
//! renders) and the redacted Markdown report for a ticket.

pub mod redact;
pub mod view;
