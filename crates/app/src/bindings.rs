//! The TypeScript types of the IPC contract, generated from the DTOs with ts-rs into one file,
//! `ui/src/ipc/bindings.ts`. A test fails when the committed file is stale.

use ts_rs::TS;

/// The whole generated file.
pub fn typescript() -> String {
    let decls = [
        crate::dto::Transaction::decl(),
        crate::dto::ImportReport::decl(),
        crate::dto::Total::decl(),
        crate::dto::Page::decl(),
        crate::dto::TxFilter::decl(),
        crate::dto::Batch::decl(),
        crate::dto::FlagView::decl(),
        crate::dto::FlagStatus::decl(),
        recourse_core::model::RowStatus::decl(),
        recourse_store::transactions::SortKey::decl(),
        recourse_core::detect::FlagKind::decl(),
        recourse_core::detect::Reason::decl(),
        recourse_core::detect::Severity::decl(),
        crate::dto::Account::decl(),
        crate::dto::ImportProgress::decl(),
        crate::dto_insights::MonthSpend::decl(),
        crate::dto_insights::MerchantSpend::decl(),
        crate::dto_insights::PricePoint::decl(),
        crate::dto_insights::RecurringCharge::decl(),
        crate::AppError::decl(),
        crate::ErrorCode::decl(),
        crate::error::ErrorDetail::decl(),
        crate::AppSettings::decl(),
        crate::DataLocation::decl(),
        crate::BackupReport::decl(),
        crate::RestoreReport::decl(),
        recourse_core::import::Detected::decl(),
        recourse_core::import::Profile::decl(),
        recourse_core::import::Columns::decl(),
        recourse_core::import::SignConvention::decl(),
        recourse_core::import::SkippedLine::decl(),
        recourse_core::import::Preview::decl(),
        crate::dto_cases::OpenCaseRequest::decl(),
        crate::dto_cases::CaseDetailsInput::decl(),
        crate::dto_cases::CaseSummary::decl(),
        crate::dto_cases::CaseStep::decl(),
        crate::dto_cases::EvidenceView::decl(),
        crate::dto_cases::CaseStatus::decl(),
        crate::dto_cases::CaseEventKind::decl(),
        crate::dto_cases::CaseEvent::decl(),
        crate::dto_cases::CaseView::decl(),
        crate::dto_cases::LetterView::decl(),
        crate::dto_cases::Sender::decl(),
        recourse_core::letters::Gender::decl(),
        recourse_core::disputes::Reason::decl(),
        recourse_core::disputes::Jurisdiction::decl(),
        recourse_core::disputes::Instrument::decl(),
        recourse_core::disputes::TransferKind::decl(),
        recourse_core::disputes::Step::decl(),
        recourse_core::disputes::Bilingual::decl(),
        recourse_core::disputes::CasePlan::decl(),
        recourse_core::disputes::StepPlan::decl(),
        recourse_core::disputes::NextAction::decl(),
        recourse_core::disputes::Warning::decl(),
        recourse_core::disputes::WarningLevel::decl(),
        recourse_core::disputes::Checklist::decl(),
        recourse_core::letters::Letter::decl(),
        recourse_core::letters::TemplateError::decl(),
        crate::templates::TemplateKind::decl(),
        crate::templates::TemplateChoice::decl(),
        crate::templates::TemplateField::decl(),
        crate::templates::TemplateView::decl(),
        crate::templates::TemplatePreview::decl(),
    ];
    let mut out = String::from(
        "// Generated from the Rust DTOs by `make bindings` (crates/app/src/bindings.rs). Do not edit.\n\n",
    );
    for d in decls {
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
}
