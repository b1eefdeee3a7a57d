#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| wdcap_fuzz::snapshot_json(data));
