//! Where found values are collected: each value once (a quoted reply repeats a ticket), an org ID
//! repeated within one list once more (`org-id-duplicate` reports it).

use crate::model::param::{Param, ParamKind, Source};
use std::collections::HashMap;

#[derive(Default)]
pub(super) struct Sink {
    pub(super) params: Vec<Param>,
    /// (kind, value) → the block it was first seen in, and how often. A value repeated in
    /// another block (a quoted reply) is dropped; an org ID repeated within one list is kept
    /// once more (`org-id-duplicate`); anything else is kept once.
    pub(super) seen: [HashMap<String, (usize, usize)>; ParamKind::ALL.len()],
}

impl Sink {
    pub(super) fn push(
        &mut self,
        kind: ParamKind,
        ambiguous: Vec<ParamKind>,
        value: &str,
        label: Option<&str>,
        line: Option<usize>,
        block: usize,
    ) {
        if value.is_empty() {
            return;
        }
        // A link and the same link wrapped by a mail system's link protection are one value.
        let key = crate::workday::link_wrappers::unwrapped(value);
        let seen = &mut self.seen[kind as usize];
        let (first_block, count) = match seen.get_mut(key.as_ref()) {
            Some(entry) => {
                entry.1 += 1;
                *entry
            }
            None => {
                seen.insert(key.into_owned(), (block, 1));
                (block, 1)
            }
        };
        let repeat_in_list = kind == ParamKind::OrgId && first_block == block && count == 2;
        if count > 1 && !repeat_in_list {
            return;
        }
        let mut p = Param::new(kind, value).with_source(Source {
            page: None,
            label: label.map(str::to_string),
            line,
            node: None,
        });
        p.ambiguous_with = ambiguous;
        self.params.push(p);
    }
}
