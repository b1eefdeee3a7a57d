//! The Workday pages wdcap recognises, by id: one recogniser each in `src/pages/`.

use serde::{Deserialize, Serialize};

/// Declares [`PageId`] from the list in `lists/page_ids.rs`.
macro_rules! declare_page_ids {
    ($($id:ident => $variant:ident,)*) => {
        /// Page ids (snake_case names are part of the CLI's JSON contract).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
        #[serde(rename_all = "snake_case")]
        pub enum PageId {
            $($variant,)*
        }

        impl PageId {
            pub const ALL: &'static [PageId] = &[$(PageId::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(PageId::$variant => stringify!($id),)*
                }
            }
        }
    };
}

include!("lists/page_ids.rs");
page_ids!(declare_page_ids);

impl PageId {
    /// The page id named `s` (its snake_case form).
    pub fn parse(s: &str) -> Option<PageId> {
        PageId::ALL.iter().copied().find(|p| p.as_str() == s)
    }
}

impl std::fmt::Display for PageId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_ids_round_trip() {
        for p in PageId::ALL {
            assert_eq!(PageId::parse(p.as_str()), Some(*p));
            // The id in the list is the JSON name serde gives the variant.
            assert_eq!(
                serde_json::to_value(p).unwrap(),
                serde_json::Value::from(p.as_str())
            );
        }
    }
}
