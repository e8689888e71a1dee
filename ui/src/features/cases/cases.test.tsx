import { describe, expect, it } from "vitest";
import { render, screen, within, fireEvent, waitFor } from "@testing-library/react";
import { mockIPC } from "@tauri-apps/api/mocks";
import "../../i18n";
import i18n from "../../i18n";
import { CaseList } from "./CaseList";
import { CasePage } from "./CasePage";
import { OpenCasePanel } from "./OpenCasePanel";
import { caseView, charge, summary } from "./fixtures.test-data";

type Call = { cmd: string; args: Record<string, unknown> };
function backend(answers: Record<string, (args: Record<string, unknown>) => unknown>): Call[] {
  const calls: Call[] = [];
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    const answer = answers[cmd];
    if (!answer) throw new Error(`unexpected command ${cmd}`);
    return answer(a);
  });
  return calls;
}

describe("cases list", () => {
  it("shows each case's status and next deadline", async () => {
    await i18n.changeLanguage("en");
    backend({ cases: () => [summary, { ...summary, id: 4, status: "refunded", next_action: null, next_deadline: null, warning: null }] });
    render(<CaseList onOpen={() => undefined} />);
    const rows = await screen.findAllByTestId("case-row");
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain("Open");
    expect(rows[0].textContent).toContain("Dec 4, 2026");
    expect(rows[0].textContent).toContain("Write to the merchant");
    expect(rows[0].textContent).toContain("$4.38");
    expect(rows[1].textContent).toContain("Refunded");
  });

  it("speaks Chinese when the UI does", async () => {
    await i18n.changeLanguage("zh-CN");
    backend({ cases: () => [summary] });
    render(<CaseList onOpen={() => undefined} />);
    const row = await screen.findByTestId("case-row");
    expect(row.textContent).toContain("进行中");
    expect(row.textContent).toContain("致函商户");
    await i18n.changeLanguage("en");
  });
});

describe("case page", () => {
  it("shows the next action, warnings, checklist and the source line of the charge", async () => {
    backend({ case: () => caseView });
    render(<CasePage caseId={3} onBack={() => undefined} onLetter={() => undefined} />);
    const next = await screen.findByTestId("case-next-action");
    expect(next.textContent).toContain("Write to the merchant");
    expect(next.textContent).toContain("Dec 4, 2026");
    expect(screen.getByTestId("case-warnings").textContent).toContain("60-day billing-error window closes soon");
    const checklist = screen.getByTestId("case-checklist");
    expect(checklist.textContent).toContain("The statement showing both charges");
    expect(checklist.textContent).toContain("Ask the merchant for a copy of the receipt");
    expect(screen.getByTestId("case-transactions").textContent).toContain("visa-nov.csv:14");
    expect(screen.getByTestId("case-timeline").textContent).toContain("Case opened");
    // Which calendar a business-day deadline used, and a step that does not exist for the case.
    expect(screen.getByTestId("step-calendar-bank").textContent).toBe("Business days: US federal holidays (Federal Reserve schedule)");
    const unavailable = screen.getByTestId("step-association");
    expect(unavailable.textContent).toContain("Not available for this case");
    expect(unavailable.textContent).toContain("A bank transfer has no chargeback.");
    expect(within(unavailable).queryByRole("button")).toBeNull();
  });

  it("shows the facts the case records, which are the only ones its letters state", async () => {
    backend({ case: () => ({ ...caseView, details: { ...caseView.details, reported_on: "2026-11-21", police_report: "PR-9" } }) });
    render(<CasePage caseId={3} onBack={() => undefined} onLetter={() => undefined} />);
    const line = await screen.findByTestId("case-details");
    expect(line.textContent).toBe("Reported to the bank on: Nov 21, 2026 · Police report number: PR-9");
  });

  it("says that it gives information, not legal advice, in English and in Chinese", async () => {
    backend({ case: () => caseView });
    const { unmount } = render(<CasePage caseId={3} onBack={() => undefined} onLetter={() => undefined} />);
    expect((await screen.findByTestId("legal-notice")).textContent).toContain("Recourse gives information, not legal advice.");
    unmount();
    await i18n.changeLanguage("zh-CN");
    render(<CasePage caseId={3} onBack={() => undefined} onLetter={() => undefined} />);
    expect((await screen.findByTestId("legal-notice")).textContent).toContain("Recourse 提供的是信息，不是法律意见。");
    await i18n.changeLanguage("en");
  });

  it("marks a step as sent with the case, step and chosen date", async () => {
    const sent = { ...caseView, plan: { ...caseView.plan, steps: caseView.plan.steps.map((s) => (s.step === "merchant" ? { ...s, sent: "2026-11-21" } : s)) } };
    const calls = backend({ case: () => caseView, record_step_sent: () => sent });
    render(<CasePage caseId={3} onBack={() => undefined} onLetter={() => undefined} />);
    const step = await screen.findByTestId("step-merchant");
    fireEvent.change(within(step).getByLabelText(/Date the Merchant letter was sent/), { target: { value: "2026-11-21" } });
    fireEvent.click(within(step).getByRole("button", { name: "Mark as sent" }));
    await waitFor(() => expect(within(screen.getByTestId("step-merchant")).queryByRole("button", { name: "Mark as sent" })).toBeNull());
    expect(calls.find((c) => c.cmd === "record_step_sent")?.args).toEqual({ caseId: 3, step: "merchant", date: "2026-11-21" });
  });

  it("offers to close as refunded when a matching credit arrived", async () => {
    const refund = { ...charge, id: 9, date: "2026-11-25", amount: "4.38", amount_minor: 438 };
    const calls = backend({
      case: () => ({ ...caseView, status: "refund_detected", refund_candidate: refund }),
      close_case: () => ({ ...caseView, status: "refunded", outcome: "Refund received on 2026-11-25" }),
    });
    render(<CasePage caseId={3} onBack={() => undefined} onLetter={() => undefined} />);
    const banner = await screen.findByTestId("case-refund");
    expect(banner.textContent).toContain("A refund of $4.38 arrived on Nov 25, 2026");
    fireEvent.click(within(banner).getByRole("button"));
    await screen.findByTestId("case-outcome");
    expect(calls.find((c) => c.cmd === "close_case")?.args).toMatchObject({ caseId: 3 });
  });

  it("saves the notes when the field loses focus", async () => {
    const calls = backend({ case: () => caseView, set_case_notes: (a) => ({ ...caseView, notes: a.notes }) });
    render(<CasePage caseId={3} onBack={() => undefined} onLetter={() => undefined} />);
    const notes = await screen.findByTestId("case-notes");
    fireEvent.change(notes, { target: { value: "Called on Monday, ref 55" } });
    fireEvent.blur(notes);
    await waitFor(() => expect(calls.some((c) => c.cmd === "set_case_notes")).toBe(true));
    expect(calls.find((c) => c.cmd === "set_case_notes")?.args).toEqual({ caseId: 3, notes: "Called on Monday, ref 55" });
  });

  it("saves what an evidence file is when its description loses focus", async () => {
    const file = { id: 11, file_name: "IMG_4471.jpg", stored_path: "/d/3/IMG_4471.jpg", sha256: "ab", added_at: "2026-11-22T10:00:00", description: null };
    const calls = backend({
      case: () => ({ ...caseView, evidence: [file] }),
      set_evidence_description: (a) => ({ ...caseView, evidence: [{ ...file, description: a.description }] }),
    });
    render(<CasePage caseId={3} onBack={() => undefined} onLetter={() => undefined} />);
    const field = (await screen.findByLabelText("What IMG_4471.jpg is")) as HTMLInputElement;
    expect(field.value).toBe("");
    fireEvent.blur(field);
    expect(calls.some((c) => c.cmd === "set_evidence_description")).toBe(false);
    fireEvent.change(field, { target: { value: "Photo of the till receipt" } });
    fireEvent.blur(field);
    await waitFor(() => expect(calls.some((c) => c.cmd === "set_evidence_description")).toBe(true));
    expect(calls.find((c) => c.cmd === "set_evidence_description")?.args).toEqual({ caseId: 3, evidenceId: 11, description: "Photo of the till receipt" });
    await waitFor(() => expect((screen.getByLabelText("What IMG_4471.jpg is") as HTMLInputElement).value).toBe("Photo of the till receipt"));
  });

  it("names the error and keeps the page when the backend refuses", async () => {
    backend({
      case: () => caseView,
      record_step_sent: () => {
        throw { code: "invalid", message: "date 2020-01-01 is before the charge" };
      },
    });
    render(<CasePage caseId={3} onBack={() => undefined} onLetter={() => undefined} />);
    const step = await screen.findByTestId("step-merchant");
    fireEvent.click(within(step).getByRole("button", { name: "Mark as sent" }));
    expect((await screen.findByTestId("error-panel")).textContent).toContain("before the charge");
    expect(screen.getByTestId("case-next-action")).toBeTruthy();
  });
});

describe("opening a case", () => {
  it("prefills the reason from the flag and sends the choices", async () => {
    const calls = backend({
      flags: () => [
        {
          id: 1, transaction_id: 7, kind: "unexpected", reason: "card_testing", severity: "high", explanation: "Tiny test charge",
          explanation_en: "Tiny test charge", explanation_zh: "", related_transaction_ids: [], status: "open", merchant: "X", date: "2026-11-02",
        },
      ],
      open_case: () => caseView,
    });
    let opened = 0;
    render(<OpenCasePanel transactionIds={[7]} onOpened={(id) => (opened = id)} onCancel={() => undefined} />);
    await screen.findByText(/Tiny test charge/);
    expect((screen.getByTestId("case-open-reason") as HTMLSelectElement).value).toBe("not_authorised");
    fireEvent.change(screen.getByLabelText("Statement date (optional)"), { target: { value: "2026-11-28" } });
    fireEvent.change(screen.getByLabelText("Paid with"), { target: { value: "debit_card" } });
    fireEvent.change(screen.getByLabelText("Reported to the bank on"), { target: { value: "2026-11-29" } });
    fireEvent.change(screen.getByLabelText("Police report number"), { target: { value: " PR-9 " } });
    fireEvent.click(screen.getByTestId("case-open-submit"));
    await waitFor(() => expect(opened).toBe(3));
    expect(calls.find((c) => c.cmd === "open_case")?.args).toEqual({
      request: {
        transaction_ids: [7],
        reason: "not_authorised",
        jurisdiction: null,
        instrument: "debit_card",
        statement_date: "2026-11-28",
        details: { delivered_on: null, reported_on: "2026-11-29", police_report: "PR-9", bank_name: null, region: null, complaint_body: null, transfer: null },
      },
    });
    // The transfer question is asked only of a US bank transfer.
    expect(screen.queryByTestId("case-open-transfer")).toBeNull();
  });

  it("asks a US bank transfer whether it was ACH or a wire, and sends the answer", async () => {
    const calls = backend({ flags: () => [], get_settings: () => ({ language: null, theme: "system", default_jurisdiction: "uk", sensitivity: "normal" }), open_case: () => caseView });
    render(<OpenCasePanel transactionIds={[7]} reason="not_authorised" onOpened={() => undefined} onCancel={() => undefined} />);
    fireEvent.change(screen.getByLabelText("Paid with"), { target: { value: "bank_transfer" } });
    // The default jurisdiction here is the UK, where the kind decides nothing.
    await waitFor(() => expect(calls.some((c) => c.cmd === "get_settings")).toBe(true));
    expect(screen.queryByTestId("case-open-transfer")).toBeNull();
    fireEvent.change(screen.getByLabelText("Rules"), { target: { value: "us" } });
    const kind = screen.getByLabelText("Kind of transfer") as HTMLSelectElement;
    expect(kind.value).toBe("");
    expect(screen.getByText(/UCC Article 4A covers wires/)).toBeTruthy();
    fireEvent.change(kind, { target: { value: "wire" } });
    fireEvent.click(screen.getByTestId("case-open-submit"));
    await waitFor(() => expect(calls.some((c) => c.cmd === "open_case")).toBe(true));
    const req = calls.find((c) => c.cmd === "open_case")?.args.request as { instrument: string; jurisdiction: string; details: { transfer: string | null } };
    expect([req.jurisdiction, req.instrument, req.details.transfer]).toEqual(["us", "bank_transfer", "wire"]);
  });

  it("shows the recorded kind of transfer on the case page", async () => {
    backend({ case: () => ({ ...caseView, details: { ...caseView.details, transfer: "ach" } }) });
    render(<CasePage caseId={3} onBack={() => undefined} onLetter={() => undefined} />);
    expect((await screen.findByTestId("case-details")).textContent).toBe("Kind of transfer: ACH or online transfer");
  });

  it("asks an EU case for its country, whose public holidays count in business days", async () => {
    const calls = backend({ flags: () => [], open_case: () => caseView });
    let opened = 0;
    render(<OpenCasePanel transactionIds={[7]} onOpened={(id) => (opened = id)} onCancel={() => undefined} />);
    fireEvent.change(screen.getByLabelText("Rules"), { target: { value: "uk" } });
    fireEvent.change(screen.getByLabelText("UK nation (its bank holidays)"), { target: { value: "scotland" } });
    // Switching to the EU forgets the UK nation and offers the countries instead.
    fireEvent.change(screen.getByLabelText("Rules"), { target: { value: "eu" } });
    const country = screen.getByLabelText("EU country (its public holidays)") as HTMLSelectElement;
    expect(country.value).toBe("");
    expect(Array.from(country.options).map((o) => o.textContent)).toContain("Germany");
    fireEvent.change(country, { target: { value: "DE" } });
    fireEvent.click(screen.getByTestId("case-open-submit"));
    await waitFor(() => expect(opened).toBe(3));
    const request = calls.find((c) => c.cmd === "open_case")?.args as { request: { jurisdiction: string; details: { region: string } } };
    expect(request.request.jurisdiction).toBe("eu");
    expect(request.request.details.region).toBe("DE");
  });
});
