// What the server and the VS Code client say to each other beyond LSP itself: command and
// notification names, and the shapes they carry. Constants and types only, so the client
// can use them without pulling in the server.

/** Server commands, run through `workspace/executeCommand`. */
export const COMMANDS = {
  /** Adds a fact: `[{ draft, file? }]`; `[{ uri, range }]` from the lightbulb starts the client's guided input. */
  addFact: "factcheck.addFact",
  /** What the guided input offers for a selection: `[{ uri, range }]` → FactForm. */
  factForm: "factcheck.factForm",
  /** Drafts facts from articles: `[{ files, append? }]` → DraftFactsResult (see DraftFactsArgs). */
  draftFacts: "factcheck.draftFacts",
  /** A source article and a selection or quote: `[QuoteRequest]` → QuoteAnswer. */
  quote: "factcheck.quote",
} as const;

/** The kind of the fix-all code action (as ESLint's `source.fixAll.eslint`), for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = "source.fixAll.factcheck";

/** Arguments of `factcheck.draftFacts`. */
export interface DraftFactsArgs {
  /** The articles: absolute paths or URIs. An article open in the editor is read from its text, saved or not. */
  files: string[];
  /** A fact file to add the draft to (one edit the editor applies); without it the YAML is returned. */
  append?: string;
}

export interface DraftFactsResult {
  ok: boolean;
  message: string;
  /** The drafted fact file's text (without `append`). */
  text?: string;
  /** Where the draft belongs: beside the first article (its sources' `file:` paths are relative to it), or the file appended to. */
  path?: string;
}

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
  /**
   * The client shows a span's diagnostics in the hover beside the server's (VS Code does), so
   * the server's hover leaves the diagnostic's message out and gives only the sources.
   */
  diagnosticsInHover?: boolean;
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
  /** Problems (errors and warnings) in the fact files — never conflicts in prose. */
  problems: number;
  /** Of those, errors (broken YAML, schema errors, dangling references…) and warnings. */
  errors: number;
  warnings: number;
  mode: "explicit" | "workspace" | "shipped";
  trusted: boolean;
}

import type { FactDraft, NewFactKind, SourceDraft } from "../facts/newFactEdit";

export type { FactDraft, NewFactKind, SourceDraft };

/** What `factcheck.addFact` takes to add a fact (other editors send it as it is). */
export interface AddFactRequest {
  draft: FactDraft;
  /** The fact file for a new entity (path or file URI); a detail or count goes to its event's file. */
  file?: string;
  /**
   * A source to add along with the fact, which `draft.cite.source` may name. Its `file` (the
   * article) is an absolute path or one relative to the fact file that receives the source.
   */
  newSource?: SourceDraft;
  /** The fact file that receives the new source: by default the one that holds the most sources. */
  sourcesFile?: string;
}

/** `factcheck.quote`: an article (a source's, or a file not yet a source) and the words to find or the quote to check. */
export interface QuoteRequest {
  source?: string;
  file?: string;
  /** Find the article's sentence that holds these words. */
  words?: string;
  /** Check that this quote is in the article. */
  quote?: string;
}

export interface QuoteAnswer {
  /** The article's absolute path, when the source has one. */
  article?: string;
  /** The article's sentence that holds the words, on one line. */
  sentence?: string;
  /** Whether the quote is in the article; absent when there is no article to check against. */
  holds?: boolean;
  /** Why the article cannot be read. */
  problem?: string;
}

/** What the guided input of "Add Fact from Selection" offers and prefills. */
export interface FactForm {
  /** The selected text on one line: the name to prefill. */
  name: string;
  /** The selected words, on one line: what source articles are searched for. */
  selection: string;
  /** The quote to prefill: the first of `quotes`, or empty when no article holds the selection. */
  quote: string;
  /** The sentence of each source article that holds the selected words, trusted sources first. */
  quotes: { source: string; quote: string }[];
  /** The selection read as a number, for counts. */
  number?: number;
  suggestedId: string;
  kinds: { kind: NewFactKind; label: string; description: string }[];
  files: { path: string; label: string; description: string }[];
  defaultFile?: string;
  /** `file`: the source's article (absolute path), whose words its quotes must be. */
  sources: { id: string; label: string; description: string; outlet: string; file?: string }[];
  /** Where a new source goes unless the writer says otherwise: the fact file with the most sources. */
  sourcesFile?: string;
  /** Organizations, forces and places a person's role may belong to. */
  bodies: { id: string; label: string; description: string }[];
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
