// Every kind of conflict the checker reports, in one list: its code (in diagnostics, settings and
// the CLI's JSON), its name and texts (SARIF rules, the README), its default severity. The order is
// the priority: when two findings overlap, the kind earlier in the list is kept — a misspelled
// name is the more specific finding than the wrong place the same words would make.
export const CONFLICTS = [
  {
    code: "misspelled-name",
    name: "MisspelledName",
    title: "A misspelled name",
    description: "A name no source uses that is a near spelling of a name the sources do use.",
  },
  {
    code: "wrong-person",
    name: "WrongPerson",
    title: "The wrong person in a role",
    description: "The sources give this role or title to someone else.",
  },
  {
    code: "wrong-place",
    name: "WrongPlace",
    title: "A place the sources contradict",
    description: "The text puts an event or a place somewhere the sources do not.",
  },
  {
    code: "wrong-number",
    name: "WrongNumber",
    title: "A number the sources contradict",
    description: "A count, toll, amount, share, measure or other figure differs from the one the sources give.",
  },
  {
    code: "wrong-date",
    name: "WrongDate",
    title: "A date the sources contradict",
    description: "The text dates an event differently from the sources.",
  },
  {
    code: "wrong-actor",
    name: "WrongActor",
    title: "The wrong actor for an event",
    description: "The sources say someone else carried out the event.",
  },
  {
    code: "wrong-relation",
    name: "WrongRelation",
    title: "A relation the sources contradict",
    description: "The text ties people or organizations together differently from the sources.",
  },
  {
    code: "wrong-detail",
    name: "WrongDetail",
    title: "A detail the sources contradict",
    description: "A detail of an event differs from the one the sources describe, or a sentence that follows a source's words changes one of them.",
  },
] as const;

export type ConflictCode = (typeof CONFLICTS)[number]["code"];

export const CONFLICT_CODES: readonly ConflictCode[] = CONFLICTS.map((c) => c.code);

/** Lower is kept first when findings overlap. */
export const PRIORITY: ReadonlyMap<ConflictCode, number> = new Map(CONFLICT_CODES.map((c, i) => [c, i]));

export function isConflictCode(code: string): code is ConflictCode {
  return PRIORITY.has(code as ConflictCode);
}
