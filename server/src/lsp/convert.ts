// Engine findings and fact problems as LSP diagnostics.
import { Diagnostic, DiagnosticSeverity, Range } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { URI } from "vscode-uri";
import { Finding, Severity } from "../engine/findings";
import { FactProblem } from "../facts/parse";
import { editorMessage } from "./messages";

export const SOURCE = "factcheck";

export function severityOf(s: Severity): DiagnosticSeverity {
  switch (s) {
    case "error":
      return DiagnosticSeverity.Error;
    case "warning":
      return DiagnosticSeverity.Warning;
    case "information":
      return DiagnosticSeverity.Information;
    default:
      return DiagnosticSeverity.Hint;
  }
}

export function rangeOf(doc: TextDocument, start: number, end: number): Range {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

/**
 * A finding as a diagnostic: its message values first and without the quotes the hover
 * shows (./messages.ts). The facts it rests on — sources, quotes, the fact's line — are the
 * hover's, not related information, which VS Code would print in the hover and the Problems
 * panel a second time.
 */
export function findingToDiagnostic(doc: TextDocument, f: Finding, index: number): Diagnostic {
  return {
    range: rangeOf(doc, f.start, f.end),
    severity: severityOf(f.severity),
    code: f.code,
    source: SOURCE,
    message: editorMessage(doc.getText(), f),
    // Which finding of the document's last check this is, and the version it belongs to.
    data: { index, version: doc.version },
  };
}

export function problemToDiagnostic(p: FactProblem): Diagnostic {
  return {
    range: { start: { line: p.line, character: p.character }, end: { line: p.endLine, character: p.endCharacter } },
    severity: p.severity === "error" ? DiagnosticSeverity.Error : p.severity === "warning" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
    code: p.code,
    source: SOURCE,
    message: p.message,
    // The other places a problem involves: the first definition of a duplicate id…
    relatedInformation: p.related?.map((r) => ({
      location: { uri: URI.file(r.file).toString(), range: { start: { line: r.line, character: r.character }, end: { line: r.line, character: r.character } } },
      message: r.message,
    })),
  };
}
