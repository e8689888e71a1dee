//! Any text as the date (and time) of the rows: read as a date or refused on its line.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = recourse_fuzz::text(data).replace(['"', '\n', '\r'], "");
    let (date, time) = text.split_once('|').unwrap_or((&text, "10:00"));
    let csv = format!(
        "Date,Time,Description,Amount\n\"{date}\",\"{time}\",SHOP UNDER TEST,-4.50\n\"{date}\",10:00,SECOND SHOP,-1.00\n"
    );
    recourse_fuzz::import(csv.as_bytes());
});
