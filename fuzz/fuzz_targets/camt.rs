//! Any text inside a CAMT.053 document: the ISO 20022 reader.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut file = br#"<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>"#.to_vec();
    file.extend_from_slice(data);
    recourse_fuzz::import(&file);
});
