//! Any text as the amount (and as the fee) of a row: read exactly or refused on its line.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = recourse_fuzz::text(data).replace(['"', '\n', '\r'], "");
    let (amount, fee) = text.split_once('|').unwrap_or((&text, "0.00"));
    let csv = format!(
        "Date,Description,Amount,Fee\n2024-01-02,SHOP UNDER TEST,\"{amount}\",\"{fee}\"\n2024-01-03,FIXED CHARGE,-1.00,0.00\n"
    );
    recourse_fuzz::import(csv.as_bytes());
});
