// The counts behind the client's status bar item, sent as `factcheck/status` whenever the
// facts in force change.
import { Connection } from "vscode-languageserver/node";
import { FactSource } from "./factSource";
import { FactStatus, NOTIFICATIONS } from "./protocol";

export function factStatus(facts: FactSource): FactStatus {
  const base = facts.store.base;
  // A drafted fact's note is no problem of the facts.
  const problems = facts.store.allProblems().filter((p) => p.severity !== "information");
  const errors = problems.filter((p) => p.severity === "error").length;
  return {
    facts: base.entities.size + base.events.size,
    entities: base.entities.size,
    events: base.events.size,
    sources: base.sources.size,
    files: facts.store.files().length,
    problems: problems.length,
    errors,
    warnings: problems.length - errors,
    mode: facts.mode,
    trusted: facts.trusted,
  };
}

export function sendStatus(connection: Connection, facts: FactSource): void {
  void connection.sendNotification(NOTIFICATIONS.status, factStatus(facts));
}
