/**
 * Documents that repeat another's text: the same article saved twice (a copy, a backup folder, a
 * second download in another encoding or with other page clutter, which cleaning removes). A copy
 * adds nothing to a translation memory, and pairing it too would write every unit twice, so only
 * one document of each text takes part in matching.
 */

/** What finding duplicates needs of a document. */
export interface DuplicateCandidate {
  id: number;
  path: string;
  /** The cleaned text: copies that differed only in encoding or stripped clutter are equal here. */
  text: string;
}

/**
 * Orders the documents of one text so the first is the one to keep: the shortest path (the
 * original's name is usually shorter than `Copy of …`, `… (1)` or `backup/…`), then path order.
 * It depends on paths only, so an incremental run picks the same document as a fresh one.
 */
function keepFirst(a: DuplicateCandidate, b: DuplicateCandidate): number {
  return a.path.length - b.path.length || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

/**
 * The documents whose text another document of `docs` also has, each mapped to the one kept (by
 * id). Texts are compared whole, after cleaning; documents that differ in any character are not
 * duplicates (an updated version of a story, a shortened translation).
 */
export function findDuplicates(docs: readonly DuplicateCandidate[]): Map<number, number> {
  const byText = new Map<string, DuplicateCandidate[]>();
  for (const doc of docs) {
    const group = byText.get(doc.text);
    if (group) group.push(doc);
    else byText.set(doc.text, [doc]);
  }
  const copies = new Map<number, number>();
  for (const group of byText.values()) {
    if (group.length < 2) continue;
    const [kept, ...rest] = [...group].sort(keepFirst);
    for (const copy of rest) copies.set(copy.id, kept.id);
  }
  return copies;
}
