// The status bar: how many facts are loaded (from the server's `factcheck/status`) and how
// many conflicts the current prose document has (its Fact Check diagnostics); apart from
// them, an item for the fact files' own errors and warnings, which opens the Problems panel.
// A fact file's YAML error is never counted as a conflict.
import { Disposable, languages, StatusBarAlignment, StatusBarItem, TextDocument, window, workspace } from "vscode";
import type { FactStatus } from "../../server/src/lsp/protocol";
import { statusView } from "../../server/src/lsp/statusText";

const FACT_FILE = /\.facts\.ya?ml$/i;

export class FactStatusBar implements Disposable {
  private readonly item: StatusBarItem;
  private readonly problems: StatusBarItem;
  private readonly subscriptions: Disposable[];
  private status: FactStatus | undefined;

  constructor() {
    this.item = window.createStatusBarItem("factcheck.status", StatusBarAlignment.Right, 100);
    this.item.name = "Fact Check";
    this.item.command = "factcheck.showOutput";
    this.problems = window.createStatusBarItem("factcheck.factFileProblems", StatusBarAlignment.Right, 99);
    this.problems.name = "Fact Check: fact-file problems";
    this.problems.command = "workbench.actions.view.problems";
    this.subscriptions = [
      languages.onDidChangeDiagnostics(() => this.render()),
      window.onDidChangeActiveTextEditor(() => this.render()),
      workspace.onDidChangeConfiguration((e) => e.affectsConfiguration("factcheck") && this.render()),
    ];
    this.render();
  }

  setFacts(status: FactStatus): void {
    this.status = status;
    this.render();
  }

  private render(): void {
    const doc = window.activeTextEditor?.document;
    const conflicts = doc && isCheckedProse(doc) ? languages.getDiagnostics(doc.uri).filter((d) => d.source === "factcheck").length : undefined;
    const view = statusView(this.status, conflicts);
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.show();
    if (view.problems) {
      this.problems.text = view.problems.text;
      this.problems.tooltip = view.problems.tooltip;
      this.problems.show();
    } else this.problems.hide();
  }

  dispose(): void {
    this.item.dispose();
    this.problems.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}

/** A document the server checks as prose: a language of `factcheck.languages`, and not a fact file. */
function isCheckedProse(doc: TextDocument): boolean {
  if (FACT_FILE.test(doc.uri.path)) return false;
  const config = workspace.getConfiguration("factcheck", doc.uri);
  if (config.get<boolean>("enable") === false) return false;
  const languagesSetting = config.get<unknown>("languages");
  const ids = Array.isArray(languagesSetting) ? languagesSetting : ["markdown", "plaintext"];
  return ids.includes(doc.languageId);
}
