//! wdcap's vocabulary: what a parameter and a setting are, the pages and the partners it knows,
//! what the caller says (options) and how bad a finding is.

pub mod citation;
pub mod kind_phrases;
pub mod limits;
pub mod options;
pub mod page_id;
pub mod param;
pub mod partner;
pub mod report_sample;
pub mod secret;
pub mod settings;
pub mod severity;
pub mod value_faults;
pub mod value_shape;
