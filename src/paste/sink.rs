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

/// Where in the text a value was found.
#[derive(Default, Clone, Copy)]
pub(super) struct At<'t> {
    /// The label found near it.
    pub(super) label: Option<&'t str>,
    /// 1-based line.
    pub(super) line: Option<usize>,
    /// Blocks are separated by blank lines (a quoted reply is another block).
    pub(super) block: usize,
    /// The white space its line ended with right after it.
    pub(super) line_end_white_space: Option<&'t str>,
}

impl Sink {
    pub(super) fn push(
        &mut self,
        kind: ParamKind,
        ambiguous: Vec<ParamKind>,
        value: &str,
        at: At<'_>,
    ) {
        let At {
            label,
            line,
            block,
            line_end_white_space,
        } = at;
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
            line_end_white_space: line_end_white_space.map(str::to_string),
        });
        p.ambiguous_with = ambiguous;
        self.params.push(p);
    }
}
