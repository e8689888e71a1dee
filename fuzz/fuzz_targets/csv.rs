//! Any text after a statement's header line: the CSV reader, its dialect and table detection.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut file = b"Date,Description,Amount\n2024-03-01,CORNER BAKERY,-4.50\n".to_vec();
    file.extend_from_slice(data);
    recourse_fuzz::import(&file);
    // And the bytes alone, where they must make their own header.
    recourse_fuzz::import(data);
});
