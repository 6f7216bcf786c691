// Colour for the text output, on a terminal only, as ESLint does: --color / --no-color win,
// then NO_COLOR (https://no-color.org), then FORCE_COLOR (for CI logs that show colour).

export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
}

export function useColor(flag: boolean | undefined, isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "") return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  return isTTY && env.TERM !== "dumb";
}

const sgr =
  (on: number, off: number) =>
  (s: string): string =>
    `\u001b[${on}m${s}\u001b[${off}m`;

const PLAIN: Paint = { red: (s) => s, yellow: (s) => s, blue: (s) => s, green: (s) => s, dim: (s) => s, bold: (s) => s };
const COLOR: Paint = { red: sgr(31, 39), yellow: sgr(33, 39), blue: sgr(34, 39), green: sgr(32, 39), dim: sgr(2, 22), bold: sgr(1, 22) };

export function paint(on: boolean): Paint {
  return on ? COLOR : PLAIN;
}
