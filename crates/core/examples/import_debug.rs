//! Prints what the importer detects in a statement file and the rows it reads:
//! `cargo run -p recourse-core --example import_debug -- FILE [CURRENCY]`.
use recourse_core::import::{parse, ImportOptions};
use recourse_core::money::Currency;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: import_debug FILE [CURRENCY]");
        std::process::exit(2);
    };
    let bytes = std::fs::read(path).expect("readable file");
    let opts = ImportOptions {
        profile: None,
        default_currency: args.get(2).and_then(|c| Currency::parse(c)),
        ..Default::default()
    };
    let result = parse(&bytes, &opts, &mut |row| {
        println!("{row:?}");
        Ok(())
    });
    match result {
        Ok(s) => println!("{}", serde_json::to_string_pretty(&s).unwrap_or_default()),
        Err(e) => println!("error: {e}"),
    }
}
