//! Writes the sample letters as PDF (A4 and US Letter), DOCX and text into a folder, for
//! looking at the layout: `cargo run -p recourse-documents --example render_samples -- /tmp/letters`.

#[path = "../tests/common/samples.rs"]
mod samples;

use recourse_documents::{docx, text, Paper, Renderer};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "letters".into()));
    std::fs::create_dir_all(&dir)?;
    let renderer = Renderer::new(&[])?;
    for (name, letter) in [
        ("en", samples::english()),
        ("zh", samples::chinese()),
        ("complaint", samples::complaint()),
    ] {
        for (suffix, paper) in [("a4", Paper::A4), ("letter", Paper::Letter)] {
            std::fs::write(
                dir.join(format!("{name}-{suffix}.pdf")),
                renderer.pdf(&letter, paper)?,
            )?;
        }
        std::fs::write(dir.join(format!("{name}.docx")), docx(&letter, Paper::A4)?)?;
        std::fs::write(dir.join(format!("{name}.txt")), text(&letter))?;
    }
    println!("wrote {}", dir.display());
    Ok(())
}
