// Where a fact file expects an id, read from the lines around the cursor (the file is
// often half-typed and not valid YAML): after `in:`, `of:` (of a role), `target:`,
// `at:` (of a place), `source:`, and in `near:`, `ids:`, `people:` lists.
import { EntityKind } from "../facts/model";

export interface IdContext {
  want: "entity" | "source";
  /** Kinds that fit best here, listed first in completion. */
  kinds: EntityKind[];
  /** The partial id already typed. */
  start: number;
  end: number;
}

const ENTITY_KEYS: Record<string, EntityKind[]> = {
  in: ["place"],
  near: ["place"],
  target: ["organization", "force", "person", "place"],
  ids: ["force", "organization", "person", "place"],
  people: ["person"],
};

export function idContextAt(text: string, offset: number): IdContext | undefined {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const partial = /[a-z0-9-]*$/.exec(before)![0];
  const start = offset - partial.length;
  let end = offset;
  while (end < text.length && /[a-z0-9-]/.test(text[end])) end++;
  const lines = text.slice(0, lineStart).split(/\r?\n/);
  lines.pop(); // the part after the last newline is the current line

  let key: string | undefined;
  let column: number;
  const inline = /^(\s*(?:-\s+)?)([A-Za-z_]+):\s*(\[(?:[^\]#]*,\s*)?)?[a-z0-9-]*$/.exec(before);
  const item = /^(\s*)-\s+[a-z0-9-]*$/.exec(before);
  if (inline) {
    key = inline[2];
    column = inline[1].length;
    // A scalar key (in:, of:…) takes one id; a list key only inside its [ … ].
    if (!inline[3] && (key === "near" || key === "ids" || key === "people")) return undefined;
  } else if (item) {
    column = item[1].length;
    key = parentKey(lines, column, true);
  } else return undefined;
  if (!key) return undefined;

  const parent = (): string | undefined => parentKey(lines, column);
  if (key === "source") return parent() === "cite" ? { want: "source", kinds: [], start, end } : undefined;
  if (key === "of") return parent() === "roles" ? { want: "entity", kinds: ["organization", "force"], start, end } : undefined;
  if (key === "at") return parent() === "place" ? { want: "entity", kinds: ["place"], start, end } : undefined;
  const kinds = ENTITY_KEYS[key];
  return kinds ? { want: "entity", kinds, start, end } : undefined;
}

/**
 * The key that holds a node starting at `column`: the nearest line above whose key starts
 * further left (or, for a list item, at the same column: `key:\n- item`) and ends in `key:`.
 * Lines further right are the node's siblings and their children.
 */
function parentKey(lines: string[], column: number, listItem = false): string | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i];
    if (!line.trim() || /^\s*#/.test(line)) continue;
    const keyColumn = /^\s*(?:-\s+)?/.exec(line)![0].length;
    const key = /^\s*(?:-\s+)?([A-Za-z_]+):\s*(?:#.*)?$/.exec(line)?.[1];
    if (keyColumn < column || (listItem && key && keyColumn === column && !/^\s*-/.test(line))) return key;
  }
  return undefined;
}

/** The id-like word at an offset (letters, digits, hyphens), for hover and go to definition. */
export function idAt(text: string, offset: number): { id: string; start: number; end: number } | undefined {
  let start = offset;
  let end = offset;
  while (start > 0 && /[a-z0-9-]/.test(text[start - 1])) start--;
  while (end < text.length && /[a-z0-9-]/.test(text[end])) end++;
  if (start === end || !/^[a-z0-9]/.test(text.slice(start, end))) return undefined;
  return { id: text.slice(start, end), start, end };
}
