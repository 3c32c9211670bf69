/**
 * Length check: a pair whose log length ratio is far from the corpus norm (a z-score) has
 * probably lost or gained content. Lengths are smoothed so that short pairs, whose ratios are
 * noisy, need a much larger difference to stand out.
 */
import type { Flag, LengthNorm } from './types.js';

/** Characters added to both lengths: a 5-character headline vs a 15-character one is not a 3× ratio in any useful sense. */
const SMOOTHING = 20;
/** Typical norm of news EN→RU (RU ≈ 10% longer, spread ≈ 0.15) when the caller has no corpus estimate. */
export const DEFAULT_LENGTH_NORM: LengthNorm = { mean: 0.1, sd: 0.15 };
/** Smallest spread accepted: a near-constant ratio in a tiny corpus would flag everything. */
const MIN_SD = 0.08;
/** MAD → standard deviation for a normal distribution. */
const MAD_TO_SD = 1.4826;
/** Fewest pairs for a corpus estimate; fewer fall back to the default norm. */
const MIN_PAIRS = 5;

/** Smoothed log(len(ru)/len(en)) of a pair, on non-space characters. */
export function logLengthRatio(en: string, ru: string): number {
  const len = (s: string) => s.replace(/\s+/g, '').length;
  return Math.log((len(ru) + SMOOTHING) / (len(en) + SMOOTHING));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * The corpus norm of the log length ratio over pairs with both sides non-empty: a robust mean
 * (median) and spread (scaled median absolute deviation), so that the misaligned pairs being
 * looked for do not widen the norm.
 */
export function lengthNorm(units: Array<{ en: string; ru: string }>): LengthNorm {
  const ratios = units.filter((u) => u.en.trim() && u.ru.trim()).map((u) => logLengthRatio(u.en, u.ru));
  if (ratios.length < MIN_PAIRS) return DEFAULT_LENGTH_NORM;
  const mean = median(ratios);
  const sd = Math.max(MIN_SD, MAD_TO_SD * median(ratios.map((r) => Math.abs(r - mean))));
  return { mean, sd };
}

/** A 'length' flag when both sides are non-empty and |z| of the pair's log length ratio exceeds `maxZ`. */
export function checkLength(en: string, ru: string, norm: LengthNorm, maxZ: number): Flag[] {
  if (!en.trim() || !ru.trim()) return [];
  const z = (logLengthRatio(en, ru) - norm.mean) / norm.sd;
  if (Math.abs(z) <= maxZ) return [];
  const longer = z > 0 ? 'Russian' : 'English';
  return [{ kind: 'length', severity: 'warning', message: `${longer} side unusually long (length z = ${z.toFixed(1)})`, en: [], ru: [] }];
}
