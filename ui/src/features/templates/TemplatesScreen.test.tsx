import { describe, expect, it, beforeEach } from "vitest";
import { render, screen, waitFor, fireEvent, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { mockIPC } from "@tauri-apps/api/mocks";
import { setLanguage } from "../../i18n";
import type { Letter, TemplateChoice, TemplateKind, TemplatePreview, TemplateView } from "../../ipc/api";
import { TemplatesScreen } from "./TemplatesScreen";
import { SettingsScreen } from "../settings/SettingsScreen";
import { lineAt, lineRange, withChange } from "./kinds";

type Call = { cmd: string; args: Record<string, unknown> };

const KINDS: TemplateKind[] = [
  ...(["us", "uk", "eu", "cn"] as const).flatMap((jurisdiction) =>
    (["merchant", "bank", "association", "court"] as const).map((step) => ({ jurisdiction, step, lang: "en" as const })),
  ),
  ...(["merchant", "bank", "association", "court"] as const).map((step) => ({ jurisdiction: "cn" as const, step, lang: "zh-CN" as const })),
];
const key = (k: TemplateKind) => `${k.jurisdiction}:${k.step}:${k.lang}`;
const builtin = (k: TemplateKind) =>
  k.lang === "zh-CN" ? `事由：退款申请\n尊敬的{{ recipient.name }}：\n内置 ${k.step}\n` : `Subject: Refund — {{ merchant }}\nDear {{ recipient.name }},\nBuilt-in ${k.jurisdiction} ${k.step} wording.\n`;
const FIELDS = [
  { key: "lang", text: 'lang — "en" or "zh-CN"' },
  { key: "claimed", text: "claimed — the amount asked back, formatted" },
  { key: "sender", text: "sender.name, sender.address (list of lines)" },
];

/**
 * A backend keeping the user's templates in memory. Like the real one, it renders a template
 * strictly: a field it does not know is an error naming the line, and such a template is not
 * saved.
 */
function backend(opts: { jurisdiction?: string; custom?: Record<string, string> } = {}) {
  const custom: Record<string, string> = { ...(opts.custom ?? {}) };
  const calls: Call[] = [];
  const known = ["merchant", "recipient.name", "claimed", "first_date"];
  const problem = (src: string) => {
    const lines = src.split("\n");
    for (let i = 0; i < lines.length; i++) {
      for (const m of lines[i].matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)) {
        if (!known.includes(m[1])) return { line: i + 1, message: `undefined value '${m[1]}'` };
      }
    }
    return null;
  };
  const render = (src: string): Letter => {
    const filled = src
      .replaceAll("{{ merchant }}", "Philz Coffee")
      .replaceAll("{{ recipient.name }}", "Philz Coffee")
      .replaceAll("{{ claimed }}", "$4.38");
    const [first, ...rest] = filled.split("\n");
    return {
      lang: "en",
      kind: "letter",
      title: "",
      sender: ["Ada Lovelace"],
      recipient: ["Philz Coffee"],
      date: "3 March 2026",
      subject: first.replace(/^(Subject:|事由：)\s*/, ""),
      body: rest.join("\n").trim(),
      enclosures: [],
      signature: "Ada Lovelace",
    };
  };
  const view = (k: TemplateKind): TemplateView => ({
    kind: k,
    source: custom[key(k)] ?? builtin(k),
    custom: key(k) in custom,
    builtin: builtin(k),
    fields: FIELDS,
  });
  mockIPC((cmd, args) => {
    const a = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: a });
    const k = a.kind as TemplateKind;
    switch (cmd) {
      case "get_settings":
        return { language: null, theme: "system", default_jurisdiction: opts.jurisdiction ?? "us", sensitivity: "normal" };
      case "template_choices":
        return KINDS.map((kind): TemplateChoice => ({ kind, custom: key(kind) in custom }));
      case "letter_template":
        return view(k);
      case "preview_template": {
        const src = a.source as string;
        const error = problem(src);
        const p: TemplatePreview = error
          ? { letter: null, text: null, error, case_id: 3, merchant: "Philz Coffee" }
          : { letter: render(src), text: src, error: null, case_id: 3, merchant: "Philz Coffee" };
        return p;
      }
      case "save_template": {
        const src = a.source as string;
        const error = problem(src);
        if (error)
          throw {
            code: "template",
            message: `your template for ${k.jurisdiction} ${k.step} (${k.lang}): template line ${error.line}: ${error.message}; it was not saved`,
          };
        custom[key(k)] = src.trim();
        return view(k);
      }
      case "reset_template":
        delete custom[key(k)];
        return view(k);
      case "sender":
        return { name: "Ada Lovelace", address: "", email: "", phone: "", gender: null, birth_date: "", ethnicity: "", id_number: "", occupation: "" };
      case "data_location":
        return { data_dir: "/d", db_path: "/d/recourse.db", evidence_dir: "/d/evidence" };
      default:
        throw new Error(`unexpected command ${cmd}`);
    }
  });
  return { calls, custom };
}

async function editor(): Promise<HTMLTextAreaElement> {
  const el = (await screen.findByLabelText("Template")) as HTMLTextAreaElement;
  await waitFor(() => expect(el.value).toContain("Subject:"));
  return el;
}

describe("letter templates editor", { timeout: 30000 }, () => {
  beforeEach(() => setLanguage("en"));

  it("opens on the template a letter asked for", async () => {
    backend({ jurisdiction: "uk" });
    render(<TemplatesScreen onBack={() => undefined} initial={{ jurisdiction: "us", step: "bank", lang: "en" }} />);
    const source = await editor();
    expect(source.value).toContain("Built-in us bank wording.");
    expect((screen.getByLabelText("Jurisdiction") as HTMLSelectElement).value).toBe("us");
  });

  it("opens on the default jurisdiction's built-in template with its preview and fields", async () => {
    const be = backend({ jurisdiction: "uk" });
    render(<TemplatesScreen onBack={() => undefined} />);
    const source = await editor();
    expect(source.value).toContain("Built-in uk merchant wording.");
    expect((screen.getByLabelText("Jurisdiction") as HTMLSelectElement).value).toBe("uk");
    expect(screen.getByTestId("templates-status").textContent).toBe("Built-in");
    expect((await screen.findByTestId("templates-preview-body")).textContent).toContain("Built-in uk merchant wording.");
    expect(screen.getByTestId("templates-preview-subject").textContent).toBe("Refund — Philz Coffee");
    expect(screen.getByTestId("templates-preview-source").textContent).toContain("case 3, Philz Coffee");
    const fields = screen.getByTestId("templates-fields");
    expect(within(fields).getByText("claimed")).toBeTruthy();
    expect(fields.textContent).toContain("{{ field }}");
    // Only English for the UK: the language picker has nothing else to offer.
    const lang = screen.getByLabelText("Language") as HTMLSelectElement;
    expect([...lang.options].map((o) => o.value)).toEqual(["en"]);
    expect(lang.disabled).toBe(true);
    expect(be.calls.find((c) => c.cmd === "letter_template")?.args).toEqual({ kind: { jurisdiction: "uk", step: "merchant", lang: "en" } });
  });

  it("offers Chinese for China and loads the chosen template", async () => {
    backend();
    render(<TemplatesScreen onBack={() => undefined} />);
    await editor();
    await userEvent.selectOptions(screen.getByLabelText("Jurisdiction"), "cn");
    await userEvent.selectOptions(screen.getByLabelText("Letter to"), "bank");
    const lang = screen.getByLabelText("Language") as HTMLSelectElement;
    await waitFor(() => expect(lang.disabled).toBe(false));
    await userEvent.selectOptions(lang, "zh-CN");
    await waitFor(() => expect((screen.getByLabelText("Template") as HTMLTextAreaElement).value).toContain("内置 bank"));
  });

  it("shows a template's error with its line, jumps there, and refuses to save it", async () => {
    const be = backend();
    render(<TemplatesScreen onBack={() => undefined} />);
    const source = await editor();
    const broken = "Subject: Refund\nDear {{ recipient.name }},\nYou owe me {{ claimedd }}.\n";
    fireEvent.change(source, { target: { value: broken } });
    expect(screen.getByTestId("templates-unsaved")).toBeTruthy();
    expect(screen.getByTestId("templates-preview-stale")).toBeTruthy();

    await userEvent.click(screen.getByTestId("templates-preview-button"));
    const err = await screen.findByTestId("templates-preview-error");
    expect(err.textContent).toContain("Line 3: undefined value 'claimedd'");
    await userEvent.click(screen.getByTestId("templates-goto-line"));
    expect(document.activeElement).toBe(source);
    expect(source.value.slice(source.selectionStart, source.selectionEnd)).toBe("You owe me {{ claimedd }}.");
    expect(screen.getByTestId("templates-caret").textContent).toBe("Line 3");

    await userEvent.click(screen.getByTestId("templates-save"));
    const panel = await screen.findByTestId("error-panel");
    expect(panel.textContent).toContain("Not saved");
    expect(panel.textContent).toContain("template line 3: undefined value 'claimedd'");
    expect(panel.textContent).toContain("Nothing was stored");
    expect(be.custom).toEqual({});
    expect(screen.getByTestId("templates-status").textContent).toBe("Built-in");
    // The edit is still there to fix.
    expect(source.value).toBe(broken);
  });

  it("saves a good template, marks it as the user's, and resets it after confirmation", async () => {
    const be = backend();
    render(<TemplatesScreen onBack={() => undefined} />);
    const source = await editor();
    expect((screen.getByTestId("templates-reset") as HTMLButtonElement).disabled).toBe(true);
    const mine = "Subject: Refund — {{ merchant }}\nDear {{ recipient.name }},\nMy own words: refund {{ claimed }}.";
    fireEvent.change(source, { target: { value: mine } });
    await userEvent.click(screen.getByTestId("templates-save"));
    expect((await screen.findByTestId("templates-notice")).textContent).toContain("use your template");
    expect(be.custom).toEqual({ "us:merchant:en": mine });
    expect(screen.getByTestId("templates-status").textContent).toBe("Yours");
    expect(screen.queryByTestId("templates-unsaved")).toBeNull();
    await waitFor(() => expect(screen.getByTestId("templates-preview-body").textContent).toContain("My own words: refund $4.38."));
    const step = screen.getByLabelText("Letter to") as HTMLSelectElement;
    await waitFor(() => expect(step.selectedOptions[0].textContent).toBe("Merchant — yours"));

    // Reset asks first; cancelling keeps the user's template.
    await userEvent.click(screen.getByTestId("templates-reset"));
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(be.custom).toEqual({ "us:merchant:en": mine });
    await userEvent.click(screen.getByTestId("templates-reset"));
    await userEvent.click(screen.getByTestId("templates-reset-confirm"));
    await waitFor(() => expect(screen.getByTestId("templates-status").textContent).toBe("Built-in"));
    expect(be.custom).toEqual({});
    expect(source.value).toContain("Built-in us merchant wording.");
    expect(screen.getByTestId("templates-notice").textContent).toContain("built-in");
  });

  it("asks before leaving unsaved changes for another template", async () => {
    backend();
    render(<TemplatesScreen onBack={() => undefined} />);
    const source = await editor();
    fireEvent.change(source, { target: { value: "Subject: mine\nunsaved words" } });
    await userEvent.selectOptions(screen.getByLabelText("Letter to"), "court");
    await userEvent.click(await screen.findByRole("button", { name: "Keep editing" }));
    expect(source.value).toBe("Subject: mine\nunsaved words");
    expect((screen.getByLabelText("Letter to") as HTMLSelectElement).value).toBe("merchant");

    await userEvent.selectOptions(screen.getByLabelText("Letter to"), "court");
    await userEvent.click(await screen.findByTestId("templates-discard-confirm"));
    await waitFor(() => expect(source.value).toContain("Built-in us court wording."));
  });

  it("previews and saves from the keyboard", async () => {
    const be = backend();
    render(<TemplatesScreen onBack={() => undefined} />);
    const source = await editor();
    fireEvent.change(source, { target: { value: "Subject: Keys\nSaved with the keyboard, {{ claimed }}." } });
    fireEvent.keyDown(source, { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(screen.getByTestId("templates-preview-body").textContent).toBe("Saved with the keyboard, $4.38."));
    fireEvent.keyDown(source, { key: "s", ctrlKey: true });
    await waitFor(() => expect(be.custom["us:merchant:en"]).toBe("Subject: Keys\nSaved with the keyboard, {{ claimed }}."));
  });

  it("speaks Chinese", async () => {
    setLanguage("zh-CN");
    backend({ jurisdiction: "cn" });
    render(<TemplatesScreen onBack={() => undefined} />);
    expect(await screen.findByRole("heading", { name: "信函模板" })).toBeTruthy();
    const source = (await screen.findByLabelText("模板")) as HTMLTextAreaElement;
    await waitFor(() => expect(source.value).toContain("内置 merchant"));
    expect(screen.getByTestId("templates-status").textContent).toBe("内置模板");
    expect((screen.getByLabelText("语言") as HTMLSelectElement).value).toBe("zh-CN");
    expect(screen.getByTestId("templates-fields").textContent).toContain("信函语言");
    expect(screen.getByTestId("templates-preview-button").textContent).toBe("预览");
  });

  it("is reached from Settings and leads back to it", async () => {
    backend();
    render(<SettingsScreen />);
    await userEvent.click(await screen.findByTestId("settings-templates-open"));
    await editor();
    await userEvent.click(screen.getByTestId("templates-back"));
    expect(await screen.findByRole("heading", { name: "Settings" })).toBeTruthy();
  });
});

describe("template kinds", () => {
  const choices: TemplateChoice[] = KINDS.map((kind) => ({ kind, custom: false }));
  it("falls back to English where there is no Chinese template", () => {
    expect(withChange(choices, { jurisdiction: "cn", step: "bank", lang: "zh-CN" }, { jurisdiction: "us" })).toEqual({
      jurisdiction: "us",
      step: "bank",
      lang: "en",
    });
    expect(withChange(choices, { jurisdiction: "cn", step: "bank", lang: "zh-CN" }, { step: "court" }).lang).toBe("zh-CN");
  });
  it("finds lines", () => {
    const text = "one\ntwo\nthree";
    expect(lineRange(text, 2)).toEqual([4, 7]);
    expect(lineRange(text, 3)).toEqual([8, 13]);
    expect(lineRange(text, 9)).toEqual([13, 13]);
    expect(lineAt(text, 0)).toBe(1);
    expect(lineAt(text, 5)).toBe(2);
    expect(lineAt(text, 13)).toBe(3);
  });
});
