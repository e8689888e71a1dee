//! Sniffing any bytes tells a format, and opening them by it never panics.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = recourse_core::import::sniff(data);
    recourse_fuzz::import(data);
});
