import { describe, expect, it } from 'vitest';
import { stories } from './fixtures.js';
import { alignCorpus, crossingBeads, type CrossEvidence } from '../src/align/index.js';
import type { Bead } from '../src/types.js';

/** The fixture stories cut to equal length: gold is sentence i ↔ sentence i. */
const clean = stories.map((s) => {
  const n = Math.min(s.en.length, s.ru.length);
  return { src: s.en.slice(0, n), tgt: s.ru.slice(0, n) };
});

/** Old target indices in their new order, with [from, from + len) moved to stand before old index `to`. */
function moveOrder(n: number, from: number, len: number, to: number): number[] {
  const order = [...Array(n).keys()];
  const block = order.splice(from, len);
  order.splice(to > from ? to - len : to, 0, ...block);
  return order;
}

/** Whether some bead pairs source `i` with target `k`. */
function linked(beads: Bead[], i: number, k: number): boolean {
  return beads.some((b) => b.src.includes(i) && b.tgt.includes(k));
}

/** Every sentence of both sides in exactly one bead, beads in source order. */
function expectPartition(beads: Bead[], n: number, m: number): void {
  expect(beads.flatMap((b) => b.src)).toEqual([...Array(n).keys()]);
  expect(beads.flatMap((b) => b.tgt).sort((a, b) => a - b)).toEqual([...Array(m).keys()]);
}

/**
 * Story `d` of the fixture with its Russian paragraph [from, from + len) moved before `to`,
 * aligned with the 39 other clean stories, with and without crossing pairs.
 */
function alignMoved(d: number, from: number, len: number, to: number) {
  const order = moveOrder(clean[d].tgt.length, from, len, to);
  const docs = clean.map((c, e) => (e === d ? { src: c.src, tgt: order.map((k) => c.tgt[k]) } : c));
  const where = new Map(order.map((old, k) => [old, k]));
  return {
    docs,
    where,
    crossing: alignCorpus(docs).beads[d],
    monotone: alignCorpus(docs, { crossing: false }).beads[d],
  };
}

// Stories 14 and 30 (27 and 14 sentences): a paragraph of two sentences moved past four (earlier) or three (later). Not every story recovers (see bench/README.md `## align`).
describe('crossing pairs: a moved paragraph', () => {
  for (const [label, from, to] of [['earlier', 7, 3], ['later', 3, 8]] as const) {
    for (const d of [14, 30]) {
      it(`recovers every pair of story ${d} with a Russian paragraph moved ${label}, and adds no wrong one`, () => {
        const { docs, where, crossing, monotone } = alignMoved(d, from, 2, to);
        const all = docs[d].src.map((_, i) => i);
        // The monotone path cannot hold both swapped blocks: some gold link is missing there.
        expect(all.every((i) => linked(monotone, i, where.get(i) as number))).toBe(false);
        for (const i of all) expect(linked(crossing, i, where.get(i) as number)).toBe(true);
        // No wrong link anywhere in the story (gold: i ↔ where(i)).
        for (const b of crossing) for (const i of b.src) for (const k of b.tgt) expect(k).toBe(where.get(i));
        expectPartition(crossing, docs[d].src.length, docs[d].tgt.length);
      });
    }
  }
});

describe('crossing pairs: precision', () => {
  it('changes nothing on the clean fixture stories (no moves)', () => {
    const docs = clean.slice(0, 20);
    expect(alignCorpus(docs).beads).toEqual(alignCorpus(docs, { crossing: false }).beads);
  });

  it('never pairs boilerplate: menu lines on every page and a foreign headline at opposite ends', () => {
    const menuEn = ['Read more', 'Share this article'];
    const menuRu = ['Читать новость', 'Поделиться'];
    // Another story's headline, translated on both sides: EN on top, RU at the bottom (crosses the path).
    const foreign = 5;
    const docs = clean.slice(10, 20).map((c) => ({
      src: [stories[foreign].en[0], ...c.src, ...menuEn],
      tgt: [...menuRu, ...c.tgt, stories[foreign].ru[0]],
    }));
    // A dictionary that makes the menu lines translations of each other, so only the rules keep them apart.
    const dictionary = { entries: [{ src: 'read', tgt: 'читать', weight: 1 }, { src: 'share', tgt: 'поделиться', weight: 1 }] };
    const aligned = alignCorpus(docs, { dictionary }).beads;
    aligned.forEach((beads, d) => {
      const { src, tgt } = docs[d];
      const boilerSrc = new Set([0, src.length - 2, src.length - 1]);
      const boilerTgt = new Set([0, 1, tgt.length - 1]);
      for (const b of beads) {
        if (b.src.length === 0 || b.tgt.length === 0) continue;
        expect(b.src.some((i) => boilerSrc.has(i))).toBe(false);
        expect(b.tgt.some((k) => boilerTgt.has(k))).toBe(false);
      }
    });
  });
});

describe('crossingBeads (pure)', () => {
  // Source 0 ↔ target 0 and 3 ↔ 3 aligned; source 1 and target 2 skipped, on opposite sides of bead 2:1.
  const beads: Bead[] = [
    { src: [0], tgt: [0], score: 1 },
    { src: [1], tgt: [], score: 0 },
    { src: [2], tgt: [1], score: 1 },
    { src: [], tgt: [2], score: 0 },
    { src: [3], tgt: [3], score: 1 },
  ];
  const strong: CrossEvidence = { gain: 9, logit: 5, matched: 3 };
  const weak: CrossEvidence = { gain: -3, logit: -2, matched: 0 };
  const evidence = (i0: number, _i1: number, k0: number) => (i0 === 1 && k0 === 2 ? strong : weak);
  const none = () => false;

  it('puts the crossing bead at its source position and drops both skips', () => {
    const out = crossingBeads(beads, 4, 4, evidence, none, none);
    expect(out.map((b) => [b.src, b.tgt])).toEqual([[[0], [0]], [[1], [2]], [[2], [1]], [[3], [3]]]);
    expect(out[1].score).toBeGreaterThan(0.99);
  });

  it('leaves an excluded sentence alone', () => {
    expect(crossingBeads(beads, 4, 4, evidence, none, (k) => k === 2)).toBe(beads);
  });

  it('does not pair when a sentence has a rival partner about as good', () => {
    const rival = (i0: number, _i1: number, k0: number) => (i0 === 1 && (k0 === 2 || k0 === 1) ? strong : weak);
    expect(crossingBeads(beads, 4, 4, rival, none, none)).toBe(beads);
  });

  it('does not pair sentences the path could have paired (same gap)', () => {
    // Source 1 and target 2 now sit between the same aligned beads: not a crossing pair.
    const out = crossingBeads([beads[0], { src: [1], tgt: [], score: 0 }, { src: [], tgt: [1], score: 0 }, { src: [2], tgt: [2], score: 1 }, beads[4]], 4, 4, (i0, _i1, k0) => (i0 === 1 && k0 === 1 ? strong : weak), none, none);
    expect(out.map((b) => [b.src, b.tgt])).toEqual([[[0], [0]], [[1], []], [[], [1]], [[2], [2]], [[3], [3]]]);
  });
});
