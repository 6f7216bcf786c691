// Hover: over a flagged span, what the facts hold, their sources with quotes and a link to
// the fact's line; over a known name, who or what it is; in a fact file, what an id names.
import { Hover, HoverParams, MarkupKind } from "vscode-languageserver/node";
import { TextDocument } from "vscode-languageserver-textdocument";
import { Finding } from "../engine/findings";
import { ServerContext } from "./context";
import { rangeOf } from "./convert";
import { idAt } from "./factFileIds";
import { citationLines, entityMarkdown, escapeMarkdown, eventMarkdown, factAt, factLinkMarkdown, sourceMarkdown } from "./factLookup";
import { pathOf } from "./factSource";

export async function hover(ctx: ServerContext, params: HoverParams): Promise<Hover | null> {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc) return null;
  const offset = doc.offsetAt(params.position);
  if (ctx.facts.governs(doc.uri)) return factFileHover(ctx, doc, offset);
  const settings = await ctx.settings.get(doc.uri);
  if (!settings.enable || !settings.languages.includes(doc.languageId)) return null;

  const findings = (await ctx.validator.findingsFor(doc)).filter((f) => f.start <= offset && offset <= f.end);
  if (findings.length) {
    return {
      contents: { kind: MarkupKind.Markdown, value: findings.map((f) => findingMarkdown(ctx, f)).join("\n\n---\n\n") },
      range: rangeOf(doc, Math.min(...findings.map((f) => f.start)), Math.max(...findings.map((f) => f.end))),
    };
  }
  const base = ctx.facts.store.base;
  const name = ctx.facts.current.namesAt(doc.getText(), offset, { languageId: doc.languageId, path: pathOf(doc.uri) }).find((n) => n.exact);
  const entity = name && base.entities.get(name.entityId);
  if (!name || !entity) return null;
  return { contents: { kind: MarkupKind.Markdown, value: entityMarkdown(base, entity) }, range: rangeOf(doc, name.start, name.end) };
}

/**
 * What the facts hold for a finding, with every source that says it. The finding's own
 * message is the diagnostic's, which editors already show beside the hover.
 */
function findingMarkdown(ctx: ServerContext, f: Finding): string {
  const base = ctx.facts.store.base;
  const lines = [`**Fact Check · ${f.code}**`];
  if (!f.related.length) lines.push("", escapeMarkdown(f.message));
  for (const r of f.related) {
    lines.push("", `What the facts hold: ${escapeMarkdown(r.message)} — ${factLinkMarkdown(r.at)}`);
    const fact = factAt(base, r.at);
    const cites = fact ? citationLines(base, fact.cite) : [];
    if (cites.length) lines.push("", "Sources:", ...cites);
  }
  return lines.join("\n");
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
