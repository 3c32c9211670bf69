/**
 * Alignment evaluation: gold beads in the `[i, j]:[k]` format (0-based, one bead a line) and
 * strict/lax precision, recall and F1 following vecalign's `score.py` (Thompson & Koehn 2019,
 * after Sennrich & Volk 2011), plus link-level scores over the sentence pairs beads imply.
 */

/** A bead as evaluation sees it: source and target sentence indices. */
export interface GoldBead {
  src: number[];
  tgt: number[];
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export interface AlignmentScores {
  /** A bead counts only when the same bead is in the other alignment. */
  strict: PRF;
  /** A bead counts when one of its source sentences is linked, in the other alignment, to one of its targets. */
  lax: PRF;
  /** Over links: the (source, target) sentence pairs in the cross product of each bead. */
  links: PRF;
}

const INDEX_LIST = /^\[\s*((?:\d+\s*(?:,\s*\d+\s*)*)?)\]$/;

/** The indices of a `[1, 2]` list; null when malformed. */
function parseList(text: string): number[] | null {
  const m = INDEX_LIST.exec(text.trim());
  if (!m) return null;
  return m[1].trim() === '' ? [] : m[1].split(',').map((x) => Number(x.trim()));
}

/** Parses gold beads, one `[i, j]:[k]` a line (blank lines skipped); throws naming a bad line. */
export function parseGold(text: string): GoldBead[] {
  const beads: GoldBead[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const parts = line.split(':');
    const src = parts.length === 2 ? parseList(parts[0]) : null;
    const tgt = parts.length === 2 ? parseList(parts[1]) : null;
    if (src === null || tgt === null) throw new Error(`gold line ${index + 1}: expected "[i, j]:[k]", got "${line}"`);
    beads.push({ src, tgt });
  });
  return beads;
}

function beadKey(b: GoldBead): string {
  return `${b.src.join(',')}:${b.tgt.join(',')}`;
}

/** Source sentence → the target sentences it is linked with. */
function linkMap(beads: GoldBead[]): Map<number, Set<number>> {
  const map = new Map<number, Set<number>>();
  for (const b of beads) {
    for (const s of b.src) {
      const set = map.get(s) ?? new Set<number>();
      for (const t of b.tgt) set.add(t);
      map.set(s, set);
    }
  }
  return map;
}

/**
 * vecalign's `_precision`: over `test` beads (non-empty), strict hits are beads also in `gold`;
 * lax hits are strict hits or beads with a source sentence linked in gold to one of their targets.
 */
function precisionCounts(gold: GoldBead[], test: GoldBead[]): { strict: number; lax: number; total: number } {
  const nonEmpty = (b: GoldBead) => b.src.length > 0 || b.tgt.length > 0;
  const goldKeys = new Set(gold.filter(nonEmpty).map(beadKey));
  const links = linkMap(gold);
  const seen = new Set<string>();
  let strict = 0;
  let lax = 0;
  for (const b of test.filter(nonEmpty)) {
    const key = beadKey(b);
    if (seen.has(key)) continue;
    seen.add(key);
    if (goldKeys.has(key)) {
      strict++;
      lax++;
    } else if (b.src.some((s) => b.tgt.some((t) => links.get(s)?.has(t)))) {
      lax++;
    }
  }
  return { strict, lax, total: seen.size };
}

function prf(precision: number, recall: number): PRF {
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** The (source, target) sentence pairs in the cross product of each bead. */
function links(beads: GoldBead[]): Set<string> {
  return new Set(beads.flatMap((b) => b.src.flatMap((s) => b.tgt.map((t) => `${s}:${t}`))));
}

/**
 * Strict and lax P/R/F1 as vecalign's `score.py` computes them (precision over all test beads,
 * recall over gold beads without 1-0/0-1 against test beads without them), and link P/R/F1.
 * Several documents: pass arrays of alignments; counts are pooled as in `score_multiple`.
 */
export function scoreAlignment(gold: GoldBead[] | GoldBead[][], test: GoldBead[] | GoldBead[][]): AlignmentScores {
  const golds = isNested(gold) ? gold : [gold];
  const tests = isNested(test) ? test : [test];
  if (golds.length !== tests.length) throw new Error(`scoreAlignment: ${golds.length} gold vs ${tests.length} test documents`);
  const p = { strict: 0, lax: 0, total: 0 };
  const r = { strict: 0, lax: 0, total: 0 };
  const noDeletions = (beads: GoldBead[]) => beads.filter((b) => b.src.length > 0 && b.tgt.length > 0);
  let linkHit = 0;
  let linkTest = 0;
  let linkGold = 0;
  golds.forEach((g, d) => {
    add(p, precisionCounts(g, tests[d]));
    add(r, precisionCounts(noDeletions(tests[d]), noDeletions(g)));
    const goldLinks = links(g);
    const testLinks = links(tests[d]);
    for (const l of testLinks) if (goldLinks.has(l)) linkHit++;
    linkTest += testLinks.size;
    linkGold += goldLinks.size;
  });
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  return {
    strict: prf(ratio(p.strict, p.total), ratio(r.strict, r.total)),
    lax: prf(ratio(p.lax, p.total), ratio(r.lax, r.total)),
    links: prf(ratio(linkHit, linkTest), ratio(linkHit, linkGold)),
  };
}

function add(into: { strict: number; lax: number; total: number }, c: { strict: number; lax: number; total: number }): void {
  into.strict += c.strict;
  into.lax += c.lax;
  into.total += c.total;
}

function isNested(x: GoldBead[] | GoldBead[][]): x is GoldBead[][] {
  return x.length > 0 && Array.isArray(x[0]);
}
