//! `recourse template show|set|reset`: the wording templates letters are written from.

use clap::{Args, Subcommand};
use recourse_app::dto::Lang;
use recourse_app::dto_cases::{Jurisdiction, Step};
use recourse_app::ErrorCode;
use recourse_app::{App, AppError};
use std::path::PathBuf;

/// Which kind of letter a template writes.
#[derive(Args)]
pub struct Which {
    #[arg(long, value_parser = ["us", "uk", "eu", "cn"])]
    jurisdiction: String,
    #[arg(long, value_parser = ["merchant", "bank", "association", "court"])]
    step: String,
    #[arg(long, value_enum, default_value_t = Lang::En)]
    lang: Lang,
}

#[derive(Subcommand)]
pub enum TemplateAction {
    /// Print the template in use (yours, else the built-in one), to copy and edit.
    Show(Which),
    /// Write this kind of letter from your own template file from now on.
    Set {
        #[command(flatten)]
        which: Which,
        file: PathBuf,
    },
    /// Go back to the built-in template.
    Reset(Which),
}

fn parse(w: &Which) -> Result<(Jurisdiction, Step), AppError> {
    // clap has checked the spellings already.
    let j = Jurisdiction::parse(&w.jurisdiction)
        .ok_or_else(|| AppError::invalid("unknown jurisdiction"))?;
    let s = Step::parse(&w.step).ok_or_else(|| AppError::invalid("unknown step"))?;
    Ok((j, s))
}

pub fn template(app: &mut App, action: TemplateAction) -> Result<(), AppError> {
    match action {
        TemplateAction::Show(w) => {
            let (j, s) = parse(&w)?;
            match app.letter_template(j, s, w.lang)? {
                Some(text) => out_part!("{text}"),
                None => {
                    return Err(AppError::new(
                        ErrorCode::NotFound,
                        format!(
                            "no template for {} {} in {}",
                            w.jurisdiction,
                            w.step,
                            w.lang.as_str()
                        ),
                    ))
                }
            }
        }
        TemplateAction::Set { which, file } => {
            let (j, s) = parse(&which)?;
            let text = std::fs::read_to_string(&file).map_err(|e| {
                AppError::new(
                    ErrorCode::Io,
                    format!("{}: cannot read the template: {e}", file.display()),
                )
            })?;
            app.set_letter_template(j, s, which.lang, Some(&text))?;
            eprintln!(
                "letters to the {} step ({}, {}) now use {}",
                which.step,
                which.jurisdiction,
                which.lang.as_str(),
                file.display()
            );
        }
        TemplateAction::Reset(w) => {
            let (j, s) = parse(&w)?;
            app.set_letter_template(j, s, w.lang, None)?;
            eprintln!(
                "back to the built-in template for {} {} ({})",
                w.jurisdiction,
                w.step,
                w.lang.as_str()
            );
        }
    }
    Ok(())
}
