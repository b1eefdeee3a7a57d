//! What the extension offers per partner on top of the checks: the trainer checklist (each
//! setup step of the partner's guide judged from what was gathered) and the partner export (the
//! values its form asks for, corrected, with a text and a JSON format).

use crate::checks::{Context, Finding};
use crate::model::partner::Partner;
use serde::Serialize;

pub mod checklist;
pub mod export;
pub mod which;

/// One run of the checks over a tenant's evidence, which the checklist and the export share: the
/// context the checks saw (the values, the settings about the partner's objects, the options,
/// which values are in use) and what they found.
pub struct Pass<'a> {
    pub cx: &'a Context<'a>,
    pub findings: &'a [Finding],
}

/// The partner a checklist or an export is for.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
pub struct PartnerRef {
    pub id: &'static str,
    pub name: &'static str,
    pub summary: &'static str,
}

impl PartnerRef {
    pub fn of(partner: &Partner) -> Self {
        PartnerRef {
            id: partner.id,
            name: partner.name,
            summary: partner.summary,
        }
    }
}
