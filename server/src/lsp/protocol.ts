// What the server and the VS Code client say to each other beyond LSP itself: command and
// notification names, and the shapes they carry. Constants and types only, so the client
// can use them without pulling in the server.

/** Server commands, run through `workspace/executeCommand`. */
export const COMMANDS = {
  /** Adds a fact: `[{ draft, file? }]`; `[{ uri, range }]` from the lightbulb starts the client's guided input. */
  addFact: "factcheck.addFact",
  /** What the guided input offers for a selection: `[{ uri, range }]` → FactForm. */
  factForm: "factcheck.factForm",
} as const;

/** Custom notifications. */
export const NOTIFICATIONS = {
  /** Server → client: counts of the facts in force (FactStatus), for the status bar. */
  status: "factcheck/status",
  /** Client → server: the workspace's trust changed (`{ trusted }`). */
  trust: "factcheck/trust",
} as const;

/** What a client may pass in `initializationOptions`. */
export interface InitializationOptions {
  /** Workspace trust; true when absent. Untrusted: shipped facts only, no writes to fact files. */
  trusted?: boolean;
  /** The client runs the guided input of "Add Fact from Selection". */
  addFactInput?: boolean;
  /** Milliseconds of work a check as you type may take before it stops (default 5000). */
  checkBudgetMs?: number;
}

export interface FactStatus {
  /** Entities and events: the facts a draft is checked against. */
  facts: number;
  entities: number;
  events: number;
  sources: number;
  files: number;
  /** Problems (errors and warnings) in the fact files. */
  problems: number;
  mode: "explicit" | "workspace" | "shipped";
  trusted: boolean;
}

import type { NewFactKind } from "../facts/newFactEdit";

export type { NewFactKind };

/** What the guided input of "Add Fact from Selection" offers and prefills. */
export interface FactForm {
  /** The selected text on one line: the name to prefill. */
  name: string;
  /** The sentence around the selection: the quote to prefill. */
  quote: string;
  /** The selection read as a number, for counts. */
  number?: number;
  suggestedId: string;
  kinds: { kind: NewFactKind; label: string; description: string }[];
  files: { path: string; label: string; description: string }[];
  defaultFile?: string;
  sources: { id: string; label: string; description: string }[];
  events: { id: string; label: string; description: string }[];
  defaultEvent?: string;
  measures: string[];
  qualifiers: string[];
  /** Why no fact can be added here (untrusted workspace, no fact file of the workspace…). */
  problem?: string;
}

export interface AddFactResult {
  ok: boolean;
  message: string;
  file?: string;
  /** 0-based line where the new fact starts. */
  line?: number;
  id?: string;
}
