// Hover: over a flagged span, what is wrong and what the facts hold (once), the sources with
// their quotes and a link to the fact's line; over a known name, who or what it is; in a fact
// file, what an id names.
import { Hover, HoverParams, MarkupKind } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { basename } from "node:path";
import { Finding } from "../engine/findings";
import { ServerContext } from "./context";
import { rangeOf } from "./convert";
import { idAt } from "./factFileIds";
import { entityMarkdown, escapeMarkdown, eventMarkdown, factAt, factLinkMarkdown, outletMarkdown, quoteMarkdown, rankedCitations, sourceMarkdown } from "./factLookup";
import { editorMessage } from "./messages";
import { pathOf } from "./factSource";

export async function hover(ctx: ServerContext, params: HoverParams): Promise<Hover | null> {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc) return null;
  const offset = doc.offsetAt(params.position);
  if (ctx.facts.governs(doc.uri)) return factFileHover(ctx, doc, offset);
  const settings = await ctx.settings.get(doc.uri);
  if (!settings.enable || !settings.languages.includes(doc.languageId)) return null;

  const findings = (await ctx.validator.findingsFor(doc)).filter((f) => f.start <= offset && offset <= f.end);
  const shown = findings.map((f) => ({ f, value: findingMarkdown(ctx, doc, f) })).filter((x): x is { f: Finding; value: string } => !!x.value);
  if (shown.length) {
    return {
      contents: { kind: MarkupKind.Markdown, value: shown.map((x) => x.value).join("\n\n---\n\n") },
      range: rangeOf(doc, Math.min(...shown.map((x) => x.f.start)), Math.max(...shown.map((x) => x.f.end))),
    };
  }
  const base = ctx.facts.store.base;
  const name = ctx.facts.current.namesAt(doc.getText(), offset, { languageId: doc.languageId, path: pathOf(doc.uri) }).find((n) => n.exact);
  const entity = name && base.entities.get(name.entityId);
  if (!name || !entity) return null;
  return { contents: { kind: MarkupKind.Markdown, value: entityMarkdown(base, entity) }, range: rangeOf(doc, name.start, name.end) };
}

/** At most this many sources of the established value, and of each disputed one, are listed. */
const MAX_SOURCES = 2;
const MAX_DISPUTED_SOURCES = 1;

/**
 * A finding in a hover, said once: what is wrong and what the facts hold (the diagnostic's
 * message — left out where the editor prints the diagnostic with the hover, as VS Code does),
 * then the sources with their quotes and the link to the fact's line. Null when there is
 * nothing the editor does not show already.
 */
function findingMarkdown(ctx: ServerContext, doc: TextDocument, f: Finding): string | undefined {
  const base = ctx.facts.store.base;
  const parts: string[] = [];
  if (!ctx.client.diagnosticsInHover) parts.push(`${escapeMarkdown(editorMessage(doc.getText(), f))} *(${f.code})*`);
  for (const r of f.related) {
    const fact = factAt(base, r.at);
    const lines = [`**Sources** · ${factLinkMarkdown(r.at)}`];
    const cites = fact ? rankedCitations(base, fact.cite) : [];
    for (const c of cites.slice(0, MAX_SOURCES)) lines.push(`- ${outletMarkdown(base, c.source)}: ${quoteMarkdown(c.quote)}`);
    for (const d of fact?.disputed ?? []) {
      for (const c of rankedCitations(base, d.cite).slice(0, MAX_DISPUTED_SOURCES)) {
        lines.push(`- ${outletMarkdown(base, c.source)} gives ${escapeMarkdown(d.value)}: ${quoteMarkdown(c.quote)}`);
      }
    }
    const more = cites.length - MAX_SOURCES;
    if (more > 0) lines.push(`- and ${more} more source${more === 1 ? "" : "s"} in ${escapeMarkdown(basename(r.at.file))}`);
    if (lines.length > 1 || !ctx.client.diagnosticsInHover) parts.push(lines.join("\n"));
  }
  return parts.length ? parts.join("\n\n") : undefined;
}

function factFileHover(ctx: ServerContext, doc: TextDocument, offset: number): Hover | null {
  const word = idAt(doc.getText(), offset);
  if (!word) return null;
  const base = ctx.facts.store.base;
  const entity = base.entities.get(word.id);
  const event = base.events.get(word.id);
  const value = entity ? entityMarkdown(base, entity) : event ? eventMarkdown(base, event) : sourceMarkdown(base, word.id);
  return value ? { contents: { kind: MarkupKind.Markdown, value }, range: rangeOf(doc, word.start, word.end) } : null;
}
