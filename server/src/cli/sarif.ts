// Prints findings as a SARIF 2.1.0 log, the format GitHub code scanning reads: one rule per
// conflict code, one result per finding with its place, message and replacement fix.
import { readFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, sep } from "node:path";
import type * as Sarif from "sarif";
import { URI } from "vscode-uri";
import { CONFLICTS, PRIORITY } from "../engine/conflicts";
import { Severity } from "../engine/findings";
import { LineMap } from "../engine/positions";
import { FileReport } from "./format";
import { Problem } from "./problems";


const LEVEL: Record<Severity, Sarif.Result.level> = { error: "error", warning: "warning", information: "note", hint: "note" };
const SRCROOT = "%SRCROOT%";

interface ToolInfo {
  version: string;
  informationUri: string;
}

/** The tool's version and home page, from the package.json this CLI ships in. */
export function toolInfo(): ToolInfo {
  let dir = __dirname;
  for (let i = 0; i < 6; i++, dir = dirname(dir)) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name?: string; version?: string; homepage?: string; repository?: { url?: string } };
      if (pkg.name !== "factcheck") continue;
      const repo = (pkg.homepage ?? pkg.repository?.url ?? "").replace(/^git\+/, "").replace(/\.git$/, "");
      return { version: pkg.version ?? "0.0.0", informationUri: repo || "https://www.npmjs.com/package/factcheck" };
    } catch {
      /* keep looking upward */
    }
  }
  return { version: "0.0.0", informationUri: "https://www.npmjs.com/package/factcheck" };
}

/**
 * Where a file is, as SARIF wants it: relative to the current folder (so code scanning maps it
 * onto the checkout) with uriBaseId %SRCROOT%, or an absolute file URI when it lies outside.
 */
function artifact(path: string, cwd: string): Sarif.ArtifactLocation {
  const rel = relative(cwd, path);
  if (rel && !rel.startsWith("..") && !isAbsolute(rel)) {
    return { uri: rel.split(sep).map(encodeURIComponent).join("/"), uriBaseId: SRCROOT };
  }
  return { uri: URI.file(path).toString() };
}

function inProject(path: string, cwd: string): boolean {
  const rel = relative(cwd, path);
  return !!rel && !rel.startsWith("..") && !isAbsolute(rel) && !rel.split(sep).includes("node_modules");
}

/** SARIF regions are 1-based, columns in UTF-16 code units (the default columnKind), end exclusive. */
function region(lines: LineMap, start: number, end: number): Sarif.Region {
  const s = lines.position(start);
  const e = lines.position(end);
  return { startLine: s.line + 1, startColumn: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}

/** A draft read from standard input without --stdin-filename has no path to give. */
export const STDIN_NAME = "<stdin>";

/**
 * The run as SARIF records it: whether it can be trusted (executionSuccessful false with exit
 * status 2), and each fact-file or input problem as a notification with its place.
 */
function invocation(problems: Problem[], exitCode: number, cwd: string): Sarif.Invocation {
  const notifications: Sarif.Notification[] = problems.map((p) => {
    const n: Sarif.Notification = { level: p.severity, message: { text: p.message }, descriptor: { id: p.code } };
    if (p.path && p.path !== STDIN_NAME) {
      const where: Sarif.Region = {};
      if (p.range) {
        Object.assign(where, {
          startLine: p.range.start.line + 1,
          startColumn: p.range.start.character + 1,
          endLine: p.range.end.line + 1,
          endColumn: p.range.end.character + 1,
        });
      }
      if (p.byteOffset !== undefined) Object.assign(where, { byteOffset: p.byteOffset, byteLength: 1 });
      n.locations = [{ physicalLocation: { artifactLocation: artifact(p.path, cwd), ...(Object.keys(where).length ? { region: where } : {}) } }];
    }
    return n;
  });
  return {
    executionSuccessful: exitCode !== 2,
    exitCode,
    ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
  };
}

export function toSarif(reports: FileReport[], cwd = process.cwd(), tool: ToolInfo = toolInfo(), problems: Problem[] = [], exitCode = 0): Sarif.Log {
  const rules: Sarif.ReportingDescriptor[] = CONFLICTS.map((c) => ({
    id: c.code,
    name: c.name,
    shortDescription: { text: c.title },
    fullDescription: { text: c.description },
    helpUri: `${tool.informationUri}#in-ci`,
    defaultConfiguration: { level: "warning" },
  }));
  const results: Sarif.Result[] = [];
  for (const r of reports) {
    const location: Sarif.ArtifactLocation = r.path === STDIN_NAME ? { description: { text: "standard input" } } : artifact(r.path, cwd);
    for (const f of r.findings) {
      const result: Sarif.Result = {
        ruleId: f.code,
        ruleIndex: PRIORITY.get(f.code),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: location,
              region: { ...region(r.lines, f.start, f.end), snippet: { text: r.text.slice(f.start, f.end) } },
            },
          },
        ],
      };
      // The facts a finding rests on, where they are the project's own files (not the shipped
      // facts, which code scanning could not show).
      const related = f.related.filter((x) => inProject(x.at.file, cwd));
      if (related.length) {
        result.relatedLocations = related.map((x, i) => ({
          id: i + 1,
          message: { text: x.message },
          physicalLocation: {
            artifactLocation: artifact(x.at.file, cwd),
            region: { startLine: x.at.line + 1, startColumn: x.at.character + 1 },
          },
        }));
      }
      if (f.fixes.length) {
        result.fixes = f.fixes.map((x) => ({
          description: { text: x.title },
          artifactChanges: [
            {
              artifactLocation: location,
              replacements: [{ deletedRegion: region(r.lines, x.start, x.end), insertedContent: { text: x.newText } }],
            },
          ],
        }));
      }
      results.push(result);
    }
  }
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "factcheck", version: tool.version, semanticVersion: tool.version, informationUri: tool.informationUri, rules } },
        originalUriBaseIds: { [SRCROOT]: { uri: URI.file(cwd.endsWith(sep) ? cwd : cwd + sep).toString() } },
        columnKind: "utf16CodeUnits",
        invocations: [invocation(problems, exitCode, cwd)],
        results,
      },
    ],
  };
}

export function formatSarif(reports: FileReport[], problems: Problem[] = [], exitCode = 0): string {
  return JSON.stringify(toSarif(reports, process.cwd(), toolInfo(), problems, exitCode), null, 2) + "\n";
}
