//! wdcap's native integration tests, one binary with a module per subject (one link step instead
//! of one per file). The wasm browser tests are separate binaries (`tests/browser.rs`, found by
//! the Makefile's `test-wasm` target).
//!
//! Native only: these tests use files, processes and native dev-dependencies.
#![cfg(not(target_arch = "wasm32"))]

mod bounds;
mod browser_fixture_list;
mod checks;
mod cli_output;
mod cost;
mod export;
mod extract;
mod fuzz_corpus;
mod generated;
mod hostile_inputs;
mod labels;
mod layering;
mod lookalike_hosts;
mod pages;
mod partners;
mod probe;
mod queue;
mod readme;
mod real_corpus;
mod snapshot_parity;
mod snapshot_wire;
mod structure;
mod tenant_view;
mod unclaimed;
mod words;
