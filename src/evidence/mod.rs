//! The evidence store's rules: what is kept per tenant, and what it is about. Pure: the
//! extension's worker only reads and writes what these functions return.
//!
//! - [`key`]: a record per tenant and host family ([`key::RecordKey`]).
//! - [`origin`]: where a capture came from ([`origin::Origin`]), and whether a page's snapshot may
//!   be kept at all (only a tenant's own `https` admin pages, whose addresses agree).
//! - [`capture`]: one page read, split by the record each value belongs to.
//! - [`record`]: merging a capture into a record (values once per kind and value, page reads,
//!   refresh-token retirement within one origin, bounds), and the evidence handed to the checks.
//! - [`hand`]: values the admin captured by hand (a selection on a tenant's page, or typed in).
//! - [`objects`]: the API clients, security groups and integration system users a record is
//!   about.
//! - [`choice`]: which of them are the partner's, and why.
//! - [`scope`]: the evidence about the partner's objects, apart from the rest.

pub mod capture;
pub mod choice;
pub mod hand;
pub mod key;
pub mod objects;
pub mod origin;
pub mod record;
pub mod scope;

#[cfg(test)]
mod tests;
