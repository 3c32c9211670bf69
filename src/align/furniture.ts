/**
 * Page furniture seen across a corpus: a line that occurs verbatim in other documents of the same
 * side (menus, `Related stories`, datelines, other stories' headlines in a `Most read` list) is
 * evidence that it is part of the page, not of the article (as CCNet drops lines repeated across
 * web pages). Near-duplicate documents (the same article twice) share their content lines, so a
 * line repeated only in copies of its own document is no evidence.
 */

/** Per document, per sentence of each side: 1 when the line is furniture evidence. */
export interface FurnitureFlags {
  src: Uint8Array;
  tgt: Uint8Array;
}

/**
 * Share of the smaller document's distinct lines two documents must have in common to be copies
 * of one article (furniture is a few lines of a page, not half of it).
 */
const DUPLICATE_SHARE = 0.5;
/**
 * Documents above which a line counts as repeated whatever the documents are: checking copies
 * costs pairs of documents per line, and a line in this many documents is furniture anyway.
 */
const MAX_CHECKED_DOCS = 16;
/** Letters and digits of a line in lower case: furniture differs in spacing and case, not words. */
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** The comparison key of a line; empty for a line with no letters or digits (never evidence). */
export function lineKey(line: string): string {
  return line.toLowerCase().replace(NOT_WORD, ' ').trim();
}

/** Distinct line keys of each document of one side. */
function distinctKeys(sides: string[][]): string[][] {
  return sides.map((lines) => [...new Set(lines.map(lineKey).filter((k) => k !== ''))]);
}

/**
 * For every document of one side, which of its lines occur in another document that is not a
 * copy of it. `sides[d]`: the sentences of document d on this side.
 */
export function repeatedLines(sides: string[][]): Uint8Array[] {
  const keys = distinctKeys(sides);
  const docsOf = new Map<string, number[]>();
  keys.forEach((list, d) => {
    for (const k of list) {
      const docs = docsOf.get(k);
      if (docs === undefined) docsOf.set(k, [d]);
      else docs.push(d);
    }
  });
  const copies = copyPairs(keys, docsOf);
  return sides.map((lines, d) => Uint8Array.from(lines, (line) => {
    const docs = docsOf.get(lineKey(line));
    if (docs === undefined || docs.length < 2) return 0;
    if (docs.length > MAX_CHECKED_DOCS) return 1;
    return docs.some((e) => e !== d && !copies.has(pairKey(d, e, keys.length))) ? 1 : 0;
  }));
}

/** One number for an unordered pair of documents. */
function pairKey(d: number, e: number, n: number): number {
  return d < e ? d * n + e : e * n + d;
}

/**
 * Pairs of documents that share at least DUPLICATE_SHARE of the smaller one's distinct lines,
 * counted over lines in at most MAX_CHECKED_DOCS documents (bounded work per line).
 */
function copyPairs(keys: string[][], docsOf: Map<string, number[]>): Set<number> {
  const n = keys.length;
  const shared = new Map<number, number>();
  for (const docs of docsOf.values()) {
    if (docs.length < 2 || docs.length > MAX_CHECKED_DOCS) continue;
    for (let a = 0; a < docs.length; a++) {
      for (let b = a + 1; b < docs.length; b++) {
        const key = pairKey(docs[a], docs[b], n);
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  const out = new Set<number>();
  for (const [key, count] of shared) {
    const d = Math.floor(key / n);
    const e = key % n;
    if (count >= DUPLICATE_SHARE * Math.min(keys[d].length, keys[e].length)) out.add(key);
  }
  return out;
}

/** Furniture flags of every document pair of a corpus, each side compared with the same side of the others. */
export function corpusFurniture(docs: Array<{ src: string[]; tgt: string[] }>): FurnitureFlags[] {
  const src = repeatedLines(docs.map((d) => d.src));
  const tgt = repeatedLines(docs.map((d) => d.tgt));
  return docs.map((_, d) => ({ src: src[d], tgt: tgt[d] }));
}
