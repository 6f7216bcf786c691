// The words of the VS Code status bar, from the server's `factcheck/status` and the current
// document's conflicts: "46 facts · 3 conflicts", and apart from them the fact files' own
// problems, "⚠ 1 fact-file error". Pure, so the client bundles it without the server and
// the tests read it without VS Code.
import type { FactStatus } from "./protocol";

export interface StatusView {
  /** The main item: facts loaded, and the conflicts of the current prose document. */
  text: string;
  tooltip: string;
  /** A second item for the fact files' errors and warnings; absent when they have none. */
  problems?: { text: string; tooltip: string };
}

/** "1 event", "2 events", "0 conflicts". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * `conflicts` is the number of Fact Check diagnostics of the current document when it is a
 * prose document that is checked; undefined for a fact file, another language or no editor —
 * a fact file's YAML error is never a "conflict".
 */
export function statusView(s: FactStatus | undefined, conflicts: number | undefined): StatusView {
  if (!s) return { text: "$(sync~spin) Fact Check", tooltip: "Loading the fact base…" };
  const where = s.mode === "shipped" ? "the shipped facts" : s.mode === "explicit" ? "the --facts paths" : "this workspace";
  const view: StatusView = {
    text: `$(checklist) ${plural(s.facts, "fact")}${conflicts === undefined ? "" : ` · ${plural(conflicts, "conflict")}`}`,
    tooltip: [
      `Fact Check: ${plural(s.entities, "entity", "entities")} and ${plural(s.events, "event")} from ${plural(s.files, "fact file")} (${where}), ${plural(s.sources, "source")}.`,
      conflicts === undefined ? "" : `${conflicts ? plural(conflicts, "conflict") : "No conflicts"} with the facts in this file.`,
      s.trusted ? "" : "Untrusted workspace: shipped facts only; facts cannot be added or spellings accepted.",
      "Click for the log.",
    ]
      .filter(Boolean)
      .join("\n"),
  };
  const errors = s.errors ?? 0;
  const warnings = s.warnings ?? Math.max(0, s.problems - errors);
  if (errors || warnings) {
    const counts = errors ? `${plural(errors, "fact-file error")}${warnings ? `, ${plural(warnings, "warning")}` : ""}` : plural(warnings, "fact-file warning");
    view.problems = {
      text: `$(warning) ${counts}`,
      tooltip: [
        `Fact Check: ${errors ? plural(errors, "error") : ""}${errors && warnings ? " and " : ""}${warnings ? plural(warnings, "warning") : ""} in the fact files.`,
        errors ? "A fact file with an error keeps its last good version in force until it is fixed." : "",
        "Click to show them in the Problems panel.",
      ]
        .filter(Boolean)
        .join("\n"),
    };
  }
  return view;
}
