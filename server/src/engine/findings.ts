// What the engine reports: editor-neutral findings with character offsets.
// The server turns them into LSP diagnostics; the CLI into JSON, text or SARIF.
import { FactLocation } from "../facts/model";

export type { ConflictCode } from "./conflicts";
import type { ConflictCode } from "./conflicts";

export type Severity = "error" | "warning" | "information" | "hint";

export interface Fix {
  title: string;
  newText: string;
  /** Offsets of the text to replace; the finding's own span when absent. */
  start: number;
  end: number;
  /** The one fix a writer most likely wants; "fix all" applies only these. */
  preferred: boolean;
}

export interface RelatedFact {
  at: FactLocation;
  message: string;
}

export interface Finding {
  code: ConflictCode;
  severity: Severity;
  start: number;
  end: number;
  message: string;
  fixes: Fix[];
  related: RelatedFact[];
  /** What the finding is about, for follow-up actions ("accept this spelling"). */
  data?: FindingData;
}

export interface FindingData {
  entityId?: string;
  eventId?: string;
  /** The text as written, e.g. the spelling a writer may accept as a variant. */
  written: string;
}
