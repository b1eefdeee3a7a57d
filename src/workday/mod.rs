//! Workday's own shapes, independent of wdcap's model: what a tenant, a host, an endpoint and a
//! value look like, which family of hosts a tenant lives on and which addresses are its admin
//! pages, the `redirect=n` switch, the link wrappers of mail systems around its URLs, and the
//! errors it answers with their fixes. Facts and their sources: `workday-notes.md`.

pub mod clean;
pub mod endpoint;
pub mod errors;
pub mod host_family;
pub mod link_wrappers;
pub mod redirect_n;
pub mod tenant;
pub mod tenant_host;
pub mod url_credentials;
pub mod values;
