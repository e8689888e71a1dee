//! Any text after an OFX 1.x header: the OFX tag stream and its statements.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut file = b"OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n".to_vec();
    file.extend_from_slice(data);
    recourse_fuzz::import(&file);
});
