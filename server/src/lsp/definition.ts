// Go to definition: a known name in prose, or an id in a fact file, opens the entry that
// defines it in its fact file.
import { DefinitionParams, Location } from "vscode-languageserver/node";
import { URI } from "vscode-uri";
import { FactLocation } from "../facts/model";
import { ServerContext } from "./context";
import { idAt } from "./factFileIds";
import { pathOf } from "./factSource";

export async function definition(ctx: ServerContext, params: DefinitionParams): Promise<Location | null> {
  const doc = ctx.documents.get(params.textDocument.uri);
  if (!doc) return null;
  const offset = doc.offsetAt(params.position);
  const base = ctx.facts.store.base;
  if (ctx.facts.governs(doc.uri)) {
    const word = idAt(doc.getText(), offset);
    const at = word && (base.entities.get(word.id)?.at ?? base.events.get(word.id)?.at ?? base.sources.get(word.id)?.at);
    return at ? location(at) : null;
  }
  const settings = await ctx.settings.get(doc.uri);
  if (!settings.enable || !settings.languages.includes(doc.languageId)) return null;
  const names = ctx.facts.current.namesAt(doc.getText(), offset, { languageId: doc.languageId, path: pathOf(doc.uri) });
  // An exact mention first; a near spelling leads to the entity it looks like.
  const name = names.find((n) => n.exact) ?? names[0];
  const at = name && base.entities.get(name.entityId)?.at;
  return at ? location(at) : null;
}

function location(at: FactLocation): Location {
  const position = { line: at.line, character: at.character };
  return { uri: URI.file(at.file).toString(), range: { start: position, end: position } };
}
