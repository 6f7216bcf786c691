// Completion of ids inside fact files: entity ids where an entity is expected (kinds that
// fit listed first), source ids after `source:` in a citation.
import { CompletionItem, CompletionItemKind, CompletionList, CompletionParams } from "vscode-languageserver/node";
import { ServerContext } from "./context";
import { rangeOf } from "./convert";
import { idContextAt } from "./factFileIds";

export function completion(ctx: ServerContext, params: CompletionParams): CompletionList | null {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc || !ctx.facts.governs(doc.uri)) return null;
  const where = idContextAt(doc.getText(), doc.offsetAt(params.position));
  if (!where) return null;
  const range = rangeOf(doc, where.start, where.end);
  const base = ctx.facts.store.base;
  const items: CompletionItem[] = [];
  if (where.want === "source") {
    for (const s of base.sources.values()) {
      items.push({ label: s.id, kind: CompletionItemKind.Reference, detail: s.outlet, documentation: s.title, textEdit: { range, newText: s.id } });
    }
  } else {
    for (const e of base.entities.values()) {
      const fits = where.kinds.indexOf(e.kind);
      items.push({
        label: e.id,
        kind: e.kind === "person" ? CompletionItemKind.Constant : e.kind === "place" ? CompletionItemKind.Module : CompletionItemKind.Class,
        detail: `${e.name} (${e.kind})`,
        // Kinds that fit this key first, each group alphabetically.
        sortText: `${fits < 0 ? 9 : fits}-${e.id}`,
        filterText: e.id,
        textEdit: { range, newText: e.id },
      });
    }
  }
  return { isIncomplete: false, items };
}
