// Expands the CLI's inputs: files, folders (their prose files) and glob patterns.
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { globSync } from "tinyglobby";

const PROSE = "**/*.{md,markdown,mdx,txt}";
const IGNORE = ["**/node_modules/**", "**/.git/**", "**/out/**", "**/dist/**"];

export function expandInputs(inputs: string[]): { files: string[]; errors: string[] } {
  const files = new Set<string>();
  const errors: string[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = statSync(input);
    } catch {
      stat = undefined;
    }
    if (stat?.isFile()) files.add(resolve(input));
    else if (stat?.isDirectory()) {
      for (const f of globSync(PROSE, { cwd: input, absolute: true, ignore: IGNORE })) files.add(resolve(f));
    } else if (/[*?[{]/.test(input)) {
      const matched = globSync(input, { absolute: true, ignore: IGNORE });
      if (!matched.length) errors.push(`no file matches ${input}`);
      for (const f of matched) files.add(resolve(f));
    } else if (stat) errors.push(`not a file or folder: ${input}`);
    else errors.push(`no such file: ${input}`);
  }
  return { files: [...files].sort(), errors };
}
