// The guided input of "Fact Check: Add Fact from Selection": a few quick picks and input
// boxes, prefilled by the server (`factcheck.factForm`: the name, and the sentence of a
// source article that holds the selected words as the quote), then the server's
// `factcheck.addFact`, which has the editor apply the edit to the fact files. The writer may
// add a new source (an article of the workspace, its outlet and title) in the same flow, and
// gives a person's role or office (and its organisation) when the sources name one. The quote
// is checked against the cited article as it is typed (`factcheck.quote`).
import { Position, QuickPickItem, Range, Selection, TextEditorRevealType, Uri, window, workspace } from "vscode";
import { ExecuteCommandRequest, ExecuteCommandSignature, LanguageClient } from "vscode-languageclient/node";
import { freeId, slug } from "../../server/src/facts/slug";
import { AddFactRequest, AddFactResult, COMMANDS, FactForm, QuoteAnswer, QuoteRequest, SourceDraft } from "../../server/src/lsp/protocol";

const { addFact: ADD_FACT, factForm: FACT_FORM, quote: QUOTE } = COMMANDS;
const TITLE = "Add Fact from Selection";
const NEW_SOURCE = "\u0000new-source";
const BROWSE = "\u0000browse";
const NO_ARTICLE = "\u0000no-article";
const NO_BODY = "\u0000none";
/** Files offered as a new source's article. */
const ARTICLE_GLOB = "**/*.{txt,text,md,markdown,html,htm}";
const NOT_ARTICLES = "{**/node_modules/**,**/.git/**,**/out/**,**/dist/**}";

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
  const request = await askDraft(client, form, target.uri);
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
async function askDraft(client: LanguageClient, form: FactForm, draftUri: string): Promise<AddFactRequest | undefined> {
  const kind = await pick(form.kinds.map((k) => ({ label: k.label, description: k.description, value: k.kind })), "What kind of fact?");
  if (!kind) return undefined;
  const draft: Record<string, unknown> = { kind };
  let file: string | undefined;

  if (kind === "detail" || kind === "count") {
    const event = await pick(form.events.map((e) => ({ label: e.label, description: e.description, value: e.id })), "Which event?", form.defaultEvent);
    if (!event) return undefined;
    draft.eventId = event;
    if (kind === "detail") {
      const what = await input({ prompt: "What is the detail? (weapon, target, duration…)" });
      if (!what) return undefined;
      const value = await input({ prompt: `What do the sources say the ${what} was?`, value: form.name });
      if (!value) return undefined;
      Object.assign(draft, { what, value });
    } else {
      const measure = await pick([...form.measures, "other…"].map((m) => ({ label: m, value: m })), "What is counted?");
      if (!measure) return undefined;
      const what = measure === "other…" ? await input({ prompt: "What is counted? (killed, injured, arrested…)" }) : measure;
      if (!what) return undefined;
      const value = await input({
        prompt: "The number the sources give",
        value: form.number !== undefined ? String(form.number) : "",
        validateInput: (v) => (/^\d+(\.\d+)?$/.test(v.trim()) ? undefined : "A number, e.g. 13"),
      });
      if (!value) return undefined;
      const qualifier = await pick(form.qualifiers.map((q) => ({ label: q, value: q })), "How do the sources qualify it?", "exactly");
      if (!qualifier) return undefined;
      const of = await input({ prompt: "Of whom or what? (people, children, civilians… — optional)", optional: true });
      if (of === undefined) return undefined;
      Object.assign(draft, { measure: what, value: Number(value), qualifier, of: of || undefined });
    }
  } else {
    const name = await input({ prompt: "The name as the sources write it", value: form.name });
    if (!name) return undefined;
    draft.name = name;
    file = form.files.length === 1 ? form.files[0].path : await pick(form.files.map((f) => ({ label: f.label, description: f.description, value: f.path })), "Which fact file?", form.defaultFile);
    if (!file) return undefined;
  }

  const cited = await askSource(client, form, draftUri);
  if (!cited) return undefined;
  const quote = await input({
    prompt: cited.article ? `The words of ${cited.outlet} that support the fact, as ${basename(cited.article)} has them` : `The words of ${cited.outlet} that support the fact`,
    value: cited.sentence ?? "",
    validateInput: async (v) => {
      if (!v.trim()) return "The quote cannot be empty";
      if (!cited.article) return undefined;
      const answer = await askQuote(client, { file: cited.article, quote: v });
      return answer.holds === false ? `Not in ${basename(cited.article)}: copy the article's words exactly ('…' marks words left out)` : undefined;
    },
  });
  if (!quote) return undefined;
  draft.cite = { source: cited.id, quote };

  if (kind === "person") {
    const title = await input({ prompt: "Their role or office, as the sources give it (spokesman, analyst…) — empty for none", optional: true });
    if (title === undefined) return undefined;
    if (title.trim()) {
      const named = form.bodies.find((b) => new RegExp(`\\b${b.label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "i").test(quote));
      const of = await pick(
        [{ label: "None", description: "the role belongs to no organisation of the fact base", value: NO_BODY }, ...form.bodies.map((b) => ({ label: b.label, description: b.description, value: b.id }))],
        `Whose ${title.trim()}? (the organisation, force or place — optional)`,
        named?.id ?? NO_BODY,
      );
      if (!of) return undefined;
      draft.role = { title: title.trim(), of: of === NO_BODY ? undefined : of };
    }
  }
  return { draft: draft as unknown as AddFactRequest["draft"], file, newSource: cited.newSource, sourcesFile: cited.newSource ? form.sourcesFile : undefined };
}

interface Cited {
  id: string;
  outlet: string;
  /** The article the quote must come from, when the source has one. */
  article?: string;
  /** Its sentence holding the selected words: the quote to prefill. */
  sentence?: string;
  newSource?: SourceDraft;
}

/** Which source says so: one of the fact base's (those whose article holds the selection first), or a new one. */
async function askSource(client: LanguageClient, form: FactForm, draftUri: string): Promise<Cited | undefined> {
  const holding = new Map(form.quotes.map((q) => [q.source, q.quote]));
  const sources = [...form.sources].sort((a, b) => Number(holding.has(b.id)) - Number(holding.has(a.id)));
  const items = [
    ...sources.map((s) => ({ label: s.label, description: s.description, detail: holding.has(s.id) ? `holds “${form.selection}”` : undefined, value: s.id })),
    { label: "New source…", description: "an article not yet in the fact base", value: NEW_SOURCE },
  ];
  const chosen = await pick(items, "Which source says so?", form.quotes[0]?.source);
  if (!chosen) return undefined;
  if (chosen !== NEW_SOURCE) {
    const source = form.sources.find((s) => s.id === chosen)!;
    return { id: source.id, outlet: source.outlet, article: source.file, sentence: holding.get(source.id) };
  }

  const article = await askArticle(form, draftUri);
  if (article === undefined) return undefined;
  const outlet = await input({ prompt: "The new source's outlet (AFP, Reuters, Syrian Observatory for Human Rights…)" });
  if (!outlet) return undefined;
  const title = await input({ prompt: "The article's title (its headline)" });
  if (!title) return undefined;
  const taken = new Set(form.sources.map((s) => s.id));
  const id = await input({
    prompt: "An id for the source (lowercase letters, digits and hyphens)",
    value: freeId(slug(outlet, 40, "source"), (x) => taken.has(x)),
    validateInput: (v) => (!/^[a-z0-9][a-z0-9-]*$/.test(v.trim()) ? "Lowercase letters, digits and hyphens, e.g. afp-raid" : taken.has(v.trim()) ? `'${v.trim()}' is taken` : undefined),
  });
  if (!id) return undefined;
  const sentence = article && form.selection ? (await askQuote(client, { file: article, words: form.selection })).sentence : undefined;
  return { id: id.trim(), outlet, article: article || undefined, sentence, newSource: { id: id.trim(), outlet, title, file: article || undefined } };
}

/** The new source's article: a text file of the workspace not yet a source, or one browsed to; "" for none. */
async function askArticle(form: FactForm, draftUri: string): Promise<string | undefined> {
  const known = new Set(form.sources.map((s) => s.file).filter(Boolean));
  const files = (await workspace.findFiles(ARTICLE_GLOB, NOT_ARTICLES, 500)).filter((u) => u.scheme === "file" && !known.has(u.fsPath) && u.toString() !== draftUri);
  files.sort((a, b) => a.fsPath.localeCompare(b.fsPath));
  const chosen = await pick(
    [
      ...files.map((u) => ({ label: workspace.asRelativePath(u, false), value: u.fsPath })),
      { label: "Browse…", description: "a file elsewhere", value: BROWSE },
      { label: "No article", description: "a reference work without a file: its quotes are not checked", value: NO_ARTICLE },
    ],
    "The new source's article (its quotes are checked against it)",
  );
  if (!chosen) return undefined;
  if (chosen === NO_ARTICLE) return "";
  if (chosen !== BROWSE) return chosen;
  const picked = await window.showOpenDialog({ canSelectFiles: true, canSelectMany: false, openLabel: "Use as the source's article", title: TITLE });
  return picked?.[0]?.fsPath;
}

function askQuote(client: LanguageClient, request: QuoteRequest): Promise<QuoteAnswer> {
  return client.sendRequest(ExecuteCommandRequest.type, { command: QUOTE, arguments: [request] }) as Promise<QuoteAnswer>;
}

function basename(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

async function input(options: { prompt: string; value?: string; optional?: boolean; validateInput?: (v: string) => string | undefined | Promise<string | undefined> }): Promise<string | undefined> {
  const answer = await window.showInputBox({ title: TITLE, prompt: options.prompt, value: options.value, validateInput: options.validateInput, ignoreFocusOut: true });
  // Escape is undefined; an empty answer counts only where the question is optional.
  if (answer === undefined) return undefined;
  return answer || options.optional ? answer : undefined;
}

async function pick(items: (QuickPickItem & { value: string })[], placeHolder: string, preselect?: string): Promise<string | undefined> {
  // The likely answer first, so Enter takes it.
  const sorted = preselect ? [...items].sort((a, b) => Number(b.value === preselect) - Number(a.value === preselect)) : items;
  return (await window.showQuickPick(sorted, { title: TITLE, placeHolder, ignoreFocusOut: true, matchOnDescription: true }))?.value;
}
