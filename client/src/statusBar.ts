// The status bar item: how many facts are loaded (from the server's `factcheck/status`)
// and how many conflicts the current file has (its Fact Check diagnostics).
import { Disposable, languages, StatusBarAlignment, StatusBarItem, window } from "vscode";
import type { FactStatus } from "../../server/src/lsp/protocol";

export class FactStatusBar implements Disposable {
  private readonly item: StatusBarItem;
  private readonly subscriptions: Disposable[];
  private status: FactStatus | undefined;

  constructor() {
    this.item = window.createStatusBarItem("factcheck.status", StatusBarAlignment.Right, 100);
    this.item.name = "Fact Check";
    this.item.command = "factcheck.showOutput";
    this.subscriptions = [languages.onDidChangeDiagnostics(() => this.render()), window.onDidChangeActiveTextEditor(() => this.render())];
    this.render();
  }

  setFacts(status: FactStatus): void {
    this.status = status;
    this.render();
  }

  private render(): void {
    const s = this.status;
    if (!s) {
      this.item.text = "$(sync~spin) Fact Check";
      this.item.tooltip = "Loading the fact base…";
      this.item.show();
      return;
    }
    const editor = window.activeTextEditor;
    const conflicts = editor ? languages.getDiagnostics(editor.document.uri).filter((d) => d.source === "factcheck").length : 0;
    const problems = s.problems ? ` $(warning) ${s.problems}` : "";
    this.item.text = `$(checklist) ${s.facts} facts${editor ? ` · ${conflicts} conflict${conflicts === 1 ? "" : "s"}` : ""}${problems}`;
    const where = s.mode === "shipped" ? "the shipped facts" : s.mode === "explicit" ? "the --facts paths" : "this workspace";
    this.item.tooltip = [
      `Fact Check: ${s.entities} entities and ${s.events} events from ${s.files} fact file${s.files === 1 ? "" : "s"} (${where}), ${s.sources} sources.`,
      s.problems ? `${s.problems} problem${s.problems === 1 ? "" : "s"} in the fact files (see Problems).` : "",
      s.trusted ? "" : "Untrusted workspace: shipped facts only; facts cannot be added or spellings accepted.",
      "Click for the log.",
    ]
      .filter(Boolean)
      .join("\n");
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
