// The `factcheck.*` settings, read per document (or workspace folder) through
// `workspace/configuration`. Whatever the editor sends is checked field by field: a bad
// value falls back to its default instead of breaking checks.
import { isConflictCode } from "../engine/conflicts";
import { ConflictCode, Severity } from "../engine/findings";

export interface Settings {
  enable: boolean;
  languages: string[];
  severity: Partial<Record<ConflictCode, Severity | "off">>;
  debounceMs: number;
  /** Globs or paths of fact files, relative to the workspace folder. */
  facts: string[];
}

export const DEFAULT_FACT_GLOBS = ["**/*.facts.yaml", "**/*.facts.yml"];

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  // "text" is what Neovim, Helix and Emacs call plain text.
  languages: ["markdown", "plaintext", "text"],
  severity: {},
  debounceMs: 200,
  facts: DEFAULT_FACT_GLOBS,
};

const SEVERITIES = new Set(["error", "warning", "information", "hint", "off"]);

/** Settings from whatever the client sent (null, partial, wrongly typed…). */
export function readSettings(raw: unknown): Settings {
  const r = raw !== null && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const strings = (v: unknown): string[] | undefined =>
    Array.isArray(v) && v.every((x) => typeof x === "string") ? (v as string[]).map((x) => x.trim()).filter(Boolean) : undefined;
  const severity: Settings["severity"] = {};
  if (r.severity !== null && typeof r.severity === "object") {
    for (const [code, level] of Object.entries(r.severity as Record<string, unknown>)) {
      if (isConflictCode(code) && typeof level === "string" && SEVERITIES.has(level)) severity[code] = level as Severity | "off";
    }
  }
  const debounce = typeof r.debounceMs === "number" && Number.isFinite(r.debounceMs) ? Math.min(5000, Math.max(0, r.debounceMs)) : undefined;
  const facts = strings(r.facts);
  return {
    enable: typeof r.enable === "boolean" ? r.enable : DEFAULT_SETTINGS.enable,
    languages: strings(r.languages) ?? DEFAULT_SETTINGS.languages,
    severity,
    debounceMs: debounce ?? DEFAULT_SETTINGS.debounceMs,
    facts: facts && facts.length ? facts : DEFAULT_SETTINGS.facts,
  };
}

/** Settings per scope URI, asked once and kept until the configuration changes. */
export class SettingsCache {
  private cache = new Map<string, Promise<Settings>>();

  /** `ask` is undefined when the client cannot answer `workspace/configuration`. */
  constructor(private ask: ((scopeUri: string) => Promise<unknown>) | undefined) {}

  get(scopeUri: string): Promise<Settings> {
    if (!this.ask) return Promise.resolve(DEFAULT_SETTINGS);
    let s = this.cache.get(scopeUri);
    if (!s) {
      s = this.ask(scopeUri).then(readSettings, () => DEFAULT_SETTINGS);
      this.cache.set(scopeUri, s);
    }
    return s;
  }

  forget(scopeUri: string): void {
    this.cache.delete(scopeUri);
  }

  clear(): void {
    this.cache.clear();
  }

  setAsk(ask: ((scopeUri: string) => Promise<unknown>) | undefined): void {
    this.ask = ask;
    this.cache.clear();
  }
}
