//! Any bytes as the sheet of a valid XLSX workbook: calamine, the grid, then table detection
//! (raw bytes that happen to be a workbook are the `sniff` target's).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    recourse_fuzz::import(&recourse_fuzz::xlsx_with_sheet(data));
});
