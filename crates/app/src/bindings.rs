//! The TypeScript types of the IPC contract, generated from the DTOs with ts-rs into one file,
//! `ui/src/ipc/bindings.ts`. The typed wrappers of the desktop commands, `ui/src/ipc/commands.ts`,
//! are generated beside it by `recourse-ipcgen` with `exported_names` (the `bindings` example).
//! A test fails when either committed file is stale.

use ts_rs::TS;

/// Every type of the contract, in the file's order: each type's Rust name (without its path),
/// its TypeScript name and its TypeScript declaration.
macro_rules! exported {
    ($($t:ty),* $(,)?) => {
        fn exported() -> Vec<Exported> {
            vec![$(Exported {
                rust: rust_name(std::any::type_name::<$t>()),
                ts: <$t as TS>::ident(),
                decl: <$t as TS>::decl(),
            }),*]
        }
    };
}

struct Exported {
    rust: String,
    ts: String,
    decl: String,
}

/// `recourse_core::detect::FlagReason` → `FlagReason`.
fn rust_name(type_name: &str) -> String {
    type_name
        .rsplit("::")
        .next()
        .unwrap_or(type_name)
        .to_string()
}

exported![
    crate::dto::Transaction,
    crate::dto::ImportReport,
    crate::dto::Total,
    crate::dto::Page,
    crate::dto::TxFilter,
    crate::dto::Batch,
    crate::dto::FlagView,
    crate::dto::FlagStatus,
    crate::dto::Lang,
    recourse_core::model::RowStatus,
    recourse_store::query::SortKey,
    recourse_core::detect::FlagKind,
    recourse_core::detect::FlagReason,
    recourse_core::detect::Severity,
    crate::dto::Account,
    crate::dto::ImportProgress,
    crate::dto_insights::MonthSpend,
    crate::dto_insights::MerchantSpend,
    crate::dto_insights::PricePoint,
    crate::dto_insights::RecurringCharge,
    crate::AppError,
    crate::ErrorCode,
    crate::error::ErrorDetail,
    crate::AppSettings,
    crate::DataLocation,
    crate::BackupReport,
    crate::RestoreReport,
    recourse_core::import::Detected,
    recourse_core::import::CurrencySource,
    recourse_core::import::Profile,
    recourse_core::import::Columns,
    recourse_core::import::SignConvention,
    recourse_core::import::SkippedLine,
    recourse_core::import::SkipReason,
    recourse_core::import::Format,
    crate::dto::Preview,
    crate::dto_cases::OpenCaseRequest,
    crate::dto_cases::ComplaintBody,
    crate::dto_cases::CaseDetailsInput,
    crate::dto_cases::CaseSummary,
    crate::dto_cases::CaseStep,
    crate::dto_cases::EvidenceView,
    crate::dto_cases::CaseStatus,
    crate::dto_cases::CaseEventKind,
    crate::dto_cases::CaseEvent,
    crate::dto_cases::CaseView,
    crate::dto_cases::LetterView,
    crate::dto_cases::ExportFormat,
    crate::dto_cases::Paper,
    crate::dto_cases::Sender,
    recourse_core::letters::Gender,
    recourse_core::disputes::Reason,
    recourse_core::disputes::Jurisdiction,
    recourse_core::disputes::Instrument,
    recourse_core::disputes::TransferKind,
    recourse_core::disputes::Step,
    recourse_core::disputes::Bilingual,
    recourse_core::disputes::CasePlan,
    recourse_core::disputes::StepPlan,
    recourse_core::disputes::NextAction,
    recourse_core::disputes::Warning,
    recourse_core::disputes::WarningLevel,
    recourse_core::disputes::Checklist,
    recourse_core::letters::Letter,
    recourse_core::letters::TemplateError,
    crate::templates::TemplateKind,
    crate::templates::TemplateChoice,
    crate::templates::TemplateField,
    crate::templates::TemplateView,
    crate::templates::TemplatePreview,
];

/// Each exported type's Rust name and TypeScript name (they differ where ts-rs renames): what
/// the generator of the command wrappers maps the commands' Rust types with.
pub fn exported_names() -> Vec<(String, String)> {
    exported().into_iter().map(|e| (e.rust, e.ts)).collect()
}

/// Where the desktop shell's commands are written (read by the generator of their wrappers).
pub const COMMANDS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../src-tauri/src/commands");

/// The whole generated file.
pub fn typescript() -> String {
    let mut out = String::from(
        "// Generated from the Rust DTOs by `make bindings` (crates/app/src/bindings.rs). Do not edit.\n\n",
    );
    for Exported { decl: d, .. } in exported() {
        out.push_str("export ");
        // ids, counts and minor units stay far below 2^53, and JSON carries them as numbers.
        out.push_str(&d.replace("bigint", "number"));
        out.push_str("\n\n");
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn committed_typescript_bindings_are_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../ui/src/ipc/bindings.ts");
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == super::typescript(),
            "ui/src/ipc/bindings.ts is stale: run `make bindings` and commit the result"
        );
    }

    #[test]
    fn committed_command_wrappers_are_current() {
        let ui = concat!(env!("CARGO_MANIFEST_DIR"), "/../../ui/src/ipc/commands.ts");
        let committed = std::fs::read_to_string(ui).unwrap_or_default();
        let generated = recourse_ipcgen::generate(
            std::path::Path::new(super::COMMANDS_DIR),
            &recourse_ipcgen::KnownTypes::new(super::exported_names()),
            "./bindings",
        )
        .unwrap_or_else(|e| panic!("cannot generate the command wrappers: {e}"));
        assert!(
            committed == generated,
            "ui/src/ipc/commands.ts is stale: run `make bindings` and commit the result"
        );
    }
}
