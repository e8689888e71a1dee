// The Cases screen: the list, one case's page, the letter of one of its steps, or the panel that
// opens a new case for transactions chosen elsewhere (Review, Transactions).
import { CaseList } from "./CaseList";
import { CasePage } from "./CasePage";
import { OpenCasePanel } from "./OpenCasePanel";
import { LetterScreen } from "../letters/LetterScreen";
import type { Reason, Step, TemplateKind } from "../../ipc/api";

export type CasesRoute =
  | { view: "list" }
  | { view: "new"; transactionIds: number[]; reason?: Reason }
  | { view: "case"; caseId: number }
  | { view: "letter"; caseId: number; step: Step };

export function CasesScreen({
  route,
  onRoute,
  onSettings,
  onEditTemplate,
}: {
  route: CasesRoute;
  onRoute: (r: CasesRoute) => void;
  onSettings?: () => void;
  onEditTemplate?: (kind: TemplateKind) => void;
}) {
  switch (route.view) {
    case "list":
      return <CaseList onOpen={(caseId) => onRoute({ view: "case", caseId })} />;
    case "new":
      return (
        <OpenCasePanel
          transactionIds={route.transactionIds}
          reason={route.reason}
          onOpened={(caseId) => onRoute({ view: "case", caseId })}
          onCancel={() => onRoute({ view: "list" })}
        />
      );
    case "case":
      return (
        <CasePage
          key={route.caseId}
          caseId={route.caseId}
          onBack={() => onRoute({ view: "list" })}
          onLetter={(step) => onRoute({ view: "letter", caseId: route.caseId, step })}
        />
      );
    case "letter":
      return (
        <LetterScreen
          key={`${route.caseId}-${route.step}`}
          caseId={route.caseId}
          step={route.step}
          onBack={() => onRoute({ view: "case", caseId: route.caseId })}
          onSettings={onSettings}
          onEditTemplate={onEditTemplate}
        />
      );
  }
}
