// Ids made from names, for new facts and sources: "Tom Leicester" → tom-leicester, numbered
// when taken (tom-leicester-2). Pure, so the VS Code client uses it too.

/** Lowercase ASCII letters and digits joined by hyphens, accents dropped, at most `max` characters. */
export function slug(name: string, max = 60, fallback = "fact"): string {
  return (
    name
      .normalize("NFD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, max)
      .replace(/-+$/, "") || fallback
  );
}

/** The stem itself when free, else the stem with the first free number. */
export function freeId(stem: string, taken: (id: string) => boolean): string {
  if (!taken(stem)) return stem;
  for (let n = 2; ; n++) if (!taken(`${stem}-${n}`)) return `${stem}-${n}`;
}
