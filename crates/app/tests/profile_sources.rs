//! An account's saved import profile and a profile file are different things: exporting (the
//! desktop's "Export…", whose account name comes from the webview) only ever names an account,
//! and only the command line's `--profile NAME|FILE` may read a file.

use recourse_app::dto::ImportProgress;
use recourse_app::ErrorCode;
use recourse_app::{App, ImportRequest, ProfileSource};
use std::path::Path;
use std::sync::atomic::AtomicBool;

const STATEMENT: &str = "Date,Description,Amount\n2024-03-01,COFFEE,-4.38\n";

fn import(app: &mut App, file: &Path, req: &ImportRequest) -> recourse_app::Result<u64> {
    let reports = app.import_files(
        &[file.to_path_buf()],
        req,
        &|_: ImportProgress| {},
        &AtomicBool::new(false),
    )?;
    Ok(reports[0].rows_read)
}

#[test]
fn exporting_names_an_account_and_never_reads_a_path() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("march.csv");
    std::fs::write(&csv, STATEMENT).unwrap();
    let mut app = App::open(&dir.path().join("r.db")).unwrap();
    let save = ImportRequest {
        account: Some("checking".into()),
        save_profile: true,
        ..Default::default()
    };
    import(&mut app, &csv, &save).unwrap();
    let json = app.export_import_profile("checking").unwrap();
    let profile_file = dir.path().join("checking-profile.json");
    std::fs::write(&profile_file, &json).unwrap();

    // A path is not an account: refused, whatever the file holds.
    let path = profile_file.to_str().unwrap();
    let err = app.export_import_profile(path).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound, "{err}");
    let out = dir.path().join("copy.json");
    assert!(app.write_import_profile(path, &out).is_err());
    assert!(!out.exists());
    let by_account = ImportRequest {
        profile: Some(ProfileSource::Account(path.into())),
        dry_run: true,
        ..Default::default()
    };
    assert_eq!(
        import(&mut app, &csv, &by_account).unwrap_err().code,
        ErrorCode::NotFound
    );

    // The command line's NAME|FILE reads either.
    for name in ["checking", path] {
        let req = ImportRequest {
            profile: Some(ProfileSource::AccountOrFile(name.into())),
            dry_run: true,
            ..Default::default()
        };
        assert_eq!(import(&mut app, &csv, &req).unwrap(), 1, "{name}");
    }
}
