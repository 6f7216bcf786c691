// "Fact Check: Draft Facts from Articles…": on the open article or on the files chosen in the
// explorer. Asks where the draft goes — a new unsaved fact file beside the article, or added to
// one of the workspace's fact files as one undoable edit — then runs the server's
// `factcheck.draftFacts` and opens the result.
import { ProgressLocation, Uri, ViewColumn, window, workspace } from "vscode";
import { ExecuteCommandSignature } from "vscode-languageclient/node";
import { COMMANDS, DraftFactsArgs, DraftFactsResult } from "../../server/src/lsp/protocol";

export async function runDraftFacts(args: unknown[], next: ExecuteCommandSignature): Promise<unknown> {
  const given = args[0] as Partial<DraftFactsArgs> | Uri | undefined;
  // Called with arguments of the protocol (a script, another extension): straight to the server.
  if (given && !(given instanceof Uri) && Array.isArray(given.files)) return next(COMMANDS.draftFacts, args);
  // The explorer passes the clicked file and every selected one; the editor, its document.
  const chosen = (Array.isArray(args[1]) ? (args[1] as Uri[]) : given instanceof Uri ? [given] : []).filter((u) => u instanceof Uri);
  const files = chosen.length ? chosen : window.activeTextEditor ? [window.activeTextEditor.document.uri] : [];
  if (!files.length) {
    void window.showWarningMessage("Fact Check: open an article, or choose articles in the explorer, to draft facts from.");
    return undefined;
  }
  const targets = workspace.isTrusted ? await workspace.findFiles("**/*.facts.{yaml,yml}", "**/node_modules/**", 200) : [];
  const NEW = "$(new-file) New fact file beside the article";
  const pick = targets.length
    ? await window.showQuickPick(
        [{ label: NEW, description: "unsaved, to review and save" }, ...targets.map((u) => ({ label: `$(add) Add to ${workspace.asRelativePath(u)}`, description: "one undoable edit", uri: u }))],
        { placeHolder: `Draft facts from ${files.length === 1 ? workspace.asRelativePath(files[0]) : `${files.length} articles`}: where should the draft go?` },
      )
    : { label: NEW };
  if (!pick) return undefined;
  const append = "uri" in pick ? (pick.uri as Uri).fsPath : undefined;
  const request: DraftFactsArgs = { files: files.map((u) => (u.scheme === "file" ? u.fsPath : u.toString())), ...(append ? { append } : {}) };
  const result = (await window.withProgress(
    { location: ProgressLocation.Notification, title: "Fact Check: drafting facts", cancellable: false },
    () => Promise.resolve(next(COMMANDS.draftFacts, [request])),
  )) as DraftFactsResult | undefined;
  if (!result) return undefined;
  if (!result.ok) {
    void window.showErrorMessage(`Fact Check: ${result.message}`);
    return result;
  }
  if (result.text !== undefined && result.path) {
    // An unsaved document that knows its path: saving writes it there, and the server reads it as a fact file now.
    const doc = await workspace.openTextDocument(Uri.file(result.path).with({ scheme: "untitled" }));
    const editor = await window.showTextDocument(doc, { viewColumn: ViewColumn.Beside, preview: false });
    await editor.edit((e) => e.insert(doc.positionAt(0), result.text!));
  } else if (result.path) {
    await window.showTextDocument(await workspace.openTextDocument(Uri.file(result.path)), { viewColumn: ViewColumn.Beside, preview: false });
  }
  void window.showInformationMessage(`Fact Check: ${result.message}`);
  return result;
}
