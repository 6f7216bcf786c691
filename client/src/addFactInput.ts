// The guided input of "Fact Check: Add Fact from Selection": a few quick picks and input
// boxes, prefilled by the server (`factcheck.factForm`), then the server's
// `factcheck.addFact`, which has the editor apply the edit to the fact file.
import { Position, Range, Selection, TextEditorRevealType, Uri, window, workspace } from "vscode";
import { ExecuteCommandRequest, ExecuteCommandSignature, LanguageClient } from "vscode-languageclient/node";
import { AddFactResult, COMMANDS, FactForm } from "../../server/src/lsp/protocol";

const { addFact: ADD_FACT, factForm: FACT_FORM } = COMMANDS;

interface Target {
  uri: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  selection?: Target["range"];
}

export async function runAddFact(client: LanguageClient, args: unknown[], next: ExecuteCommandSignature): Promise<unknown> {
  const given = args[0] as (Partial<Target> & { draft?: unknown }) | undefined;
  // Called with a finished draft (a script, a keybinding with arguments): straight to the server.
  if (given?.draft) return next(ADD_FACT, args);
  const target = given?.uri && given.range ? (given as Target) : fromActiveEditor();
  if (!target) {
    void window.showWarningMessage("Fact Check: select the name or sentence to add a fact from.");
    return undefined;
  }
  // A selection names the fact; without one (a cursor in the lightbulb's sentence) the name is asked for.
  const named = target.selection && !isEmpty(target.selection) ? target.selection : { start: target.range.start, end: target.range.start };
  const form = (await client.sendRequest(ExecuteCommandRequest.type, { command: FACT_FORM, arguments: [{ uri: target.uri, range: named }] })) as FactForm;
  if (form.problem) {
    void window.showWarningMessage(`Fact Check: ${form.problem}`);
    return undefined;
  }
  const request = await askDraft(form);
  if (!request) return undefined;
  const result = (await next(ADD_FACT, [request])) as AddFactResult | undefined;
  if (!result) return undefined;
  if (!result.ok) {
    void window.showErrorMessage(`Fact Check: ${result.message}`);
    return result;
  }
  void window.showInformationMessage(`Fact Check: ${result.message}`, "Open").then(async (choice) => {
    if (choice !== "Open" || !result.file) return;
    const editor = await window.showTextDocument(await workspace.openTextDocument(Uri.file(result.file)));
    const at = new Position(result.line ?? 0, 0);
    editor.selection = new Selection(at, at);
    editor.revealRange(new Range(at, at), TextEditorRevealType.InCenter);
  });
  return result;
}

function fromActiveEditor(): Target | undefined {
  const editor = window.activeTextEditor;
  if (!editor) return undefined;
  const s = editor.selection;
  const range = { start: { line: s.start.line, character: s.start.character }, end: { line: s.end.line, character: s.end.character } };
  return { uri: editor.document.uri.toString(), range, selection: range };
}

function isEmpty(r: Target["range"]): boolean {
  return r.start.line === r.end.line && r.start.character === r.end.character;
}

/** The questions, in order; undefined as soon as the writer presses Escape. */
async function askDraft(form: FactForm): Promise<{ draft: Record<string, unknown>; file?: string } | undefined> {
  const title = "Add Fact from Selection";
  const kind = await pick(form.kinds.map((k) => ({ label: k.label, description: k.description, value: k.kind })), "What kind of fact?", title);
  if (!kind) return undefined;
  const draft: Record<string, unknown> = { kind };
  let file: string | undefined;

  if (kind === "detail" || kind === "count") {
    const event = await pick(form.events.map((e) => ({ label: e.label, description: e.description, value: e.id })), "Which event?", title, form.defaultEvent);
    if (!event) return undefined;
    draft.eventId = event;
    if (kind === "detail") {
      const what = await window.showInputBox({ title, prompt: "What is the detail? (weapon, target, duration…)", ignoreFocusOut: true });
      if (!what) return undefined;
      const value = await window.showInputBox({ title, prompt: `What do the sources say the ${what} was?`, value: form.name, ignoreFocusOut: true });
      if (!value) return undefined;
      Object.assign(draft, { what, value });
    } else {
      const measure = await pick([...form.measures, "other…"].map((m) => ({ label: m, value: m })), "What is counted?", title);
      if (!measure) return undefined;
      const what = measure === "other…" ? await window.showInputBox({ title, prompt: "What is counted? (killed, injured, arrested…)" }) : measure;
      if (!what) return undefined;
      const value = await window.showInputBox({
        title,
        prompt: "The number the sources give",
        value: form.number !== undefined ? String(form.number) : "",
        validateInput: (v) => (/^\d+(\.\d+)?$/.test(v.trim()) ? undefined : "A number, e.g. 13"),
        ignoreFocusOut: true,
      });
      if (!value) return undefined;
      const qualifier = await pick(form.qualifiers.map((q) => ({ label: q, value: q })), "How do the sources qualify it?", title, "exactly");
      if (!qualifier) return undefined;
      const of = await window.showInputBox({ title, prompt: "Of whom or what? (people, children, civilians… — optional)", ignoreFocusOut: true });
      if (of === undefined) return undefined;
      Object.assign(draft, { measure: what, value: Number(value), qualifier, of: of || undefined });
    }
  } else {
    const name = await window.showInputBox({ title, prompt: "The name as the sources write it", value: form.name, ignoreFocusOut: true });
    if (!name) return undefined;
    draft.name = name;
    file = form.files.length === 1 ? form.files[0].path : await pick(form.files.map((f) => ({ label: f.label, description: f.description, value: f.path })), "Which fact file?", title, form.defaultFile);
    if (!file) return undefined;
  }

  const source = await pick(form.sources.map((s) => ({ label: s.label, description: s.description, value: s.id })), "Which source says so?", title);
  if (!source) return undefined;
  const quote = await window.showInputBox({
    title,
    prompt: "The source's words that support the fact",
    value: form.quote,
    validateInput: (v) => (v.trim() ? undefined : "The quote cannot be empty"),
    ignoreFocusOut: true,
  });
  if (!quote) return undefined;
  draft.cite = { source, quote };
  return { draft, file };
}

async function pick(items: { label: string; description?: string; value: string }[], placeHolder: string, title: string, preselect?: string): Promise<string | undefined> {
  // The likely answer first, so Enter takes it.
  const sorted = preselect ? [...items].sort((a, b) => Number(b.value === preselect) - Number(a.value === preselect)) : items;
  return (await window.showQuickPick(sorted, { title, placeHolder, ignoreFocusOut: true }))?.value;
}
