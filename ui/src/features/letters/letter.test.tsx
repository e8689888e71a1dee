import { describe, expect, it } from "vitest";
import { act, render, screen, fireEvent, waitFor } from "@testing-library/react";
import { mockIPC } from "@tauri-apps/api/mocks";
import i18n from "../../i18n";
import { LetterScreen } from "./LetterScreen";
import { caseView, letterView } from "../cases/fixtures.test-data";
import type { LetterView, Sender } from "../../ipc/api";

type Call = { cmd: string; args: Record<string, unknown> };
const nobody: Sender = { name: "", address: "", email: "", phone: "", gender: null, birth_date: "", ethnicity: "", id_number: "", occupation: "" };
const ada: Sender = { ...nobody, name: "Ada Lovelace", address: "12 Elm St" };

/** A backend that keeps the saved body, as the real one does. */
function backend(sender: Sender = ada, worksheet: LetterView["worksheet"] = null) {
  const calls: Call[] = [];
  let saved: string | null = null;
  let me = sender;
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    switch (cmd) {
      case "case":
        return caseView;
      case "sender":
        return me;
      case "set_sender":
        me = a.sender as Sender;
        return me;
      case "letter": {
        const view: LetterView = { ...letterView, worksheet, edited: saved !== null, letter: { ...letterView.letter, body: saved ?? letterView.letter.body } };
        return view;
      }
      case "save_letter_text":
        saved = (a.body as string).trim() || null;
        return null;
      case "export_letter":
        return [`/tmp/letter.${a.format}`, ...(worksheet ? [`/tmp/letter-worksheet.${a.format}`] : [])];
      case "record_step_sent":
        return caseView;
      default:
        throw new Error(`unexpected command ${cmd}`);
    }
  });
  return calls;
}

describe("letter screen", () => {
  it("shows the letter like a page and saves an edited body", async () => {
    await i18n.changeLanguage("en");
    const calls = backend();
    render(<LetterScreen caseId={3} step="merchant" onBack={() => undefined} />);
    const body = (await screen.findByTestId("letter-body")) as HTMLTextAreaElement;
    expect(body.value).toContain("You charged me twice.");
    expect(screen.getByText("Duplicate charge of $4.38")).toBeTruthy();
    expect(screen.getByTestId("letter-sender").textContent).toContain("Ada Lovelace");
    expect(screen.getByTestId("legal-notice").textContent).toContain("information, not legal advice");
    fireEvent.change(body, { target: { value: "Dear Philz,\n\nPlease refund the second charge." } });
    fireEvent.blur(body);
    // The save runs with the buttons held: reset can be clicked once it is done.
    const reset = (await screen.findByTestId("letter-reset")) as HTMLButtonElement;
    await waitFor(() => expect(reset.disabled).toBe(false));
    expect(calls.find((c) => c.cmd === "save_letter_text")?.args).toEqual({
      caseId: 3,
      step: "merchant",
      body: "Dear Philz,\n\nPlease refund the second charge.",
    });
    // Back to the template: an empty body.
    fireEvent.click(reset);
    await waitFor(() => expect((screen.getByTestId("letter-body") as HTMLTextAreaElement).value).toContain("You charged me twice."));
    expect(calls.filter((c) => c.cmd === "save_letter_text").at(-1)?.args.body).toBe("");
  });

  it("says it gives information, not legal advice, in Chinese too", async () => {
    await i18n.changeLanguage("zh-CN");
    backend();
    render(<LetterScreen caseId={3} step="merchant" onBack={() => undefined} />);
    expect((await screen.findByTestId("legal-notice")).textContent).toContain("不是法律意见");
    await i18n.changeLanguage("en");
  });

  it("exports in the chosen format on the chosen paper", async () => {
    const calls = backend();
    render(<LetterScreen caseId={3} step="merchant" onBack={() => undefined} />);
    await screen.findByTestId("letter-body");
    // A US case starts on US Letter paper.
    await waitFor(() => expect((screen.getByTestId("letter-paper") as HTMLSelectElement).value).toBe("letter"));
    fireEvent.click(screen.getByTestId("letter-export-pdf"));
    expect((await screen.findByTestId("letter-notice")).textContent).toContain("/tmp/letter.pdf");
    expect(calls.find((c) => c.cmd === "export_letter")?.args).toEqual({ caseId: 3, step: "merchant", lang: "en", format: "pdf", paper: "letter" });
    fireEvent.change(screen.getByTestId("letter-paper"), { target: { value: "a4" } });
    fireEvent.click(screen.getByTestId("letter-export-docx"));
    await waitFor(() => expect(calls.filter((c) => c.cmd === "export_letter")).toHaveLength(2));
    expect(calls.filter((c) => c.cmd === "export_letter")[1].args).toEqual({ caseId: 3, step: "merchant", lang: "en", format: "docx", paper: "a4" });
  });

  it("shows a court step's claim worksheet apart from the letter, and exports it beside it", async () => {
    const sheet = { ...letterView.letter, kind: "worksheet", title: "Statement of claim", body: "1. The defendant charged me twice." };
    backend(ada, sheet);
    render(<LetterScreen caseId={3} step="merchant" onBack={() => undefined} />);
    const worksheet = await screen.findByTestId("letter-worksheet");
    expect(worksheet.textContent).toContain("do not send it");
    expect(worksheet.textContent).toContain("The defendant charged me twice.");
    expect((screen.getByTestId("letter-body") as HTMLTextAreaElement).value).not.toContain("The defendant charged me twice.");
    fireEvent.click(screen.getByTestId("letter-export-pdf"));
    const notice = (await screen.findByTestId("letter-notice")).textContent;
    expect(notice).toContain("/tmp/letter.pdf");
    expect(notice).toContain("/tmp/letter-worksheet.pdf");
  });

  it("marks the step as sent today", async () => {
    const calls = backend();
    render(<LetterScreen caseId={3} step="merchant" onBack={() => undefined} />);
    await screen.findByTestId("letter-body");
    fireEvent.click(screen.getByTestId("letter-mark-sent"));
    await screen.findByTestId("letter-notice");
    const args = calls.find((c) => c.cmd === "record_step_sent")?.args;
    expect(args).toMatchObject({ caseId: 3, step: "merchant" });
    expect(args?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("opens the template the letter is written from", async () => {
    backend();
    const opened: unknown[] = [];
    render(<LetterScreen caseId={3} step="bank" onBack={() => undefined} onEditTemplate={(k) => opened.push(k)} />);
    await screen.findByTestId("letter-body");
    fireEvent.click(screen.getByTestId("letter-edit-template"));
    expect(opened).toEqual([{ jurisdiction: caseView.jurisdiction, step: "bank", lang: "en" }]);
  });

  it("asks for the sender's name and address when the sender is empty", async () => {
    const calls = backend(nobody);
    render(<LetterScreen caseId={3} step="merchant" onBack={() => undefined} />);
    const notice = await screen.findByTestId("letter-sender-notice");
    expect(notice.textContent).toContain("Add your name and address to sign letters");
    fireEvent.click(screen.getByRole("button", { name: "Add them here" }));
    fireEvent.change(screen.getByLabelText("Full name"), { target: { value: "Ada Lovelace" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.queryByTestId("letter-sender-notice")).toBeNull());
    expect(calls.find((c) => c.cmd === "set_sender")?.args.sender).toMatchObject({ name: "Ada Lovelace" });
  });

  it("asks for the particulars a Chinese court complaint states, and saves them with the sender", async () => {
    const cn = { ...caseView, jurisdiction: "cn" as const };
    const calls: Call[] = [];
    let me: Sender = ada;
    mockIPC((cmd, args) => {
      const a = (args ?? {}) as Record<string, unknown>;
      calls.push({ cmd, args: a });
      if (cmd === "case") return cn;
      if (cmd === "sender") return me;
      if (cmd === "set_sender") return (me = a.sender as Sender);
      if (cmd === "letter") return letterView;
      throw new Error(`unexpected command ${cmd}`);
    });
    const { unmount } = render(<LetterScreen caseId={3} step="court" onBack={() => undefined} />);
    const notice = await screen.findByTestId("letter-particulars-notice");
    expect(notice.textContent).toContain("identity card number");
    fireEvent.click(screen.getByTestId("letter-particulars-add"));
    fireEvent.change(screen.getByLabelText("Sex"), { target: { value: "female" } });
    fireEvent.change(screen.getByLabelText("Date of birth"), { target: { value: "1949-12-31" } });
    fireEvent.change(screen.getByLabelText("Ethnicity (民族)"), { target: { value: "汉" } });
    fireEvent.change(screen.getByLabelText("Identity card number (公民身份号码)"), { target: { value: "11010519491231002X" } });
    fireEvent.change(screen.getByLabelText("Employer and position, or occupation"), { target: { value: "会计" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.queryByTestId("letter-particulars-notice")).toBeNull());
    expect(calls.find((c) => c.cmd === "set_sender")?.args.sender).toEqual({
      ...ada,
      gender: "female",
      birth_date: "1949-12-31",
      ethnicity: "汉",
      id_number: "11010519491231002X",
      occupation: "会计",
    });
    unmount();
    // Not asked at another step.
    render(<LetterScreen caseId={3} step="merchant" onBack={() => undefined} />);
    me = ada;
    await screen.findByTestId("letter-body");
    expect(screen.queryByTestId("letter-particulars-notice")).toBeNull();
  });

  it("says so when the clipboard is unavailable", async () => {
    backend();
    Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
    render(<LetterScreen caseId={3} step="merchant" onBack={() => undefined} />);
    await screen.findByTestId("letter-body");
    fireEvent.click(screen.getByTestId("letter-copy"));
    expect((await screen.findByTestId("letter-notice")).textContent).toContain("Copying isn't available");
  });

  it("shows the letter in the language chosen last, even when the one before answers after it", async () => {
    await i18n.changeLanguage("en");
    // The English letter is held until the test releases it; the Chinese one answers at once.
    let releaseEnglish: (() => void) | null = null;
    const english: LetterView = { ...letterView, letter: { ...letterView.letter, body: "You charged me twice." } };
    const chinese: LetterView = { ...letterView, letter: { ...letterView.letter, lang: "zh-CN", body: "贵公司重复扣款。" } };
    mockIPC((cmd, args) => {
      switch (cmd) {
        case "case":
          return caseView;
        case "profile":
          return ada;
        case "letter":
          if ((args as { lang: string }).lang === "zh-CN") return chinese;
          return new Promise((answer) => (releaseEnglish = () => answer(english)));
        default:
          throw new Error(`unexpected command ${cmd}`);
      }
    });
    render(<LetterScreen caseId={3} step="merchant" onBack={() => undefined} />);
    await waitFor(() => expect(releaseEnglish).not.toBeNull());
    fireEvent.change(screen.getByTestId("letter-lang"), { target: { value: "zh-CN" } });
    await waitFor(() => expect((screen.getByTestId("letter-body") as HTMLTextAreaElement).value).toBe("贵公司重复扣款。"));
    await act(async () => releaseEnglish!());
    expect((screen.getByTestId("letter-body") as HTMLTextAreaElement).value).toBe("贵公司重复扣款。");
  });
});
