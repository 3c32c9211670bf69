/**
 * The HTML report of a check run: one self-contained page (inline CSS, no scripts, no external
 * resources) with counts per kind at the top, then per document pair the flagged units side by
 * side, the evidence marked with `<mark>`. Every piece of document text is HTML-escaped.
 */
import { CHECK_KINDS, SEVERITIES, type AlignedUnit, type Flag } from './types.js';

export interface ReportPair {
  title: string;
  enPath: string;
  ruPath: string;
  units: AlignedUnit[];
  flags: Array<{ index: number; flags: Flag[] }>;
  /** The number each unit (by index) is listed under elsewhere (`palign check` prints the stored unit id); the index when absent. */
  unitIds?: ReadonlyMap<number, number>;
}

const CSS = `body{font:14px/1.45 system-ui,sans-serif;margin:1.5em;color:#222}
table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.35em .5em;vertical-align:top;text-align:left}
th{background:#f3f3f3}td.n{width:3em;color:#777}td.t{width:38%}mark{background:#ffe066;padding:0 .1em}
.error{color:#b00020}.warning{color:#9a5b00}.info{color:#555}ul{margin:0;padding-left:1.2em}
table.summary{width:auto}h2{margin-top:1.5em;font-size:1.1em}.path{color:#666;font-size:.9em}`;

/** `text` with `& < > " '` replaced by entities. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A letter or digit: evidence that starts or ends with one must not be cut out of a longer word or number. */
const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Where `needle` occurs in `text` as a whole token: a `5` flagged in `5 people` is not the `5`
 * of `2015`. When it never does (evidence cut from a longer word), every occurrence.
 */
function occurrences(text: string, needle: string): Array<[number, number]> {
  const all: Array<[number, number]> = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) all.push([i, i + needle.length]);
  const cut = (inside: string, outside: string | undefined) => outside !== undefined && WORD_CHAR.test(inside) && WORD_CHAR.test(outside);
  const whole = all.filter(([s, e]) => !cut(needle[0], text[s - 1]) && !cut(needle[needle.length - 1], text[e]));
  return whole.length ? whole : all;
}

/** Non-overlapping [start, end) spans of `text` where any of `needles` occurs (as a whole token when it can). */
function spans(text: string, needles: string[]): Array<[number, number]> {
  const found = needles.filter(Boolean).flatMap((needle) => occurrences(text, needle));
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const s of found) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

/** Escaped `text` with the evidence `needles` wrapped in `<mark>`. */
export function highlight(text: string, needles: string[]): string {
  let out = '';
  let at = 0;
  for (const [s, e] of spans(text, needles)) {
    out += `${escapeHtml(text.slice(at, s))}<mark>${escapeHtml(text.slice(s, e))}</mark>`;
    at = e;
  }
  return out + escapeHtml(text.slice(at));
}

/** The summary table: flags per kind and severity over all pairs. */
function summary(pairs: ReportPair[]): string {
  const counts = new Map<string, number>();
  for (const p of pairs) for (const u of p.flags) for (const f of u.flags) counts.set(`${f.kind}/${f.severity}`, (counts.get(`${f.kind}/${f.severity}`) ?? 0) + 1);
  const rows = CHECK_KINDS.map((k) => {
    const cells = SEVERITIES.map((s) => `<td>${counts.get(`${k}/${s}`) ?? 0}</td>`).join('');
    const total = SEVERITIES.reduce((n, s) => n + (counts.get(`${k}/${s}`) ?? 0), 0);
    return `<tr><th>${k}</th>${cells}<td>${total}</td></tr>`;
  }).join('\n');
  return `<table class="summary"><tr><th>check</th>${SEVERITIES.map((s) => `<th class="${s}">${s}</th>`).join('')}<th>total</th></tr>\n${rows}</table>`;
}

/** One table row: a flagged unit, listed as `label`, side by side with its flags. */
function unitRow(unit: AlignedUnit | undefined, label: number, flags: Flag[]): string {
  const en = highlight(unit?.en ?? '', flags.flatMap((f) => f.en));
  const ru = highlight(unit?.ru ?? '', flags.flatMap((f) => f.ru));
  const list = flags.map((f) => `<li class="${f.severity}">[${f.kind}] ${escapeHtml(f.message)}</li>`).join('');
  const bead = unit ? ` <span class="path">${escapeHtml(unit.bead)}</span>` : '';
  return `<tr><td class="n">${label}${bead}</td><td class="t" lang="en">${en}</td><td class="t" lang="ru">${ru}</td><td><ul>${list}</ul></td></tr>`;
}

/** The section of one document pair with flags. */
function pairSection(pair: ReportPair): string {
  const byIndex = new Map(pair.units.map((u) => [u.index, u]));
  const rows = pair.flags.map((f) => unitRow(byIndex.get(f.index), pair.unitIds?.get(f.index) ?? f.index, f.flags)).join('\n');
  const head = `<h2>${escapeHtml(pair.title)}</h2><div class="path">${escapeHtml(pair.enPath)} ↔ ${escapeHtml(pair.ruPath)}</div>`;
  return `${head}<table><tr><th>unit</th><th>English</th><th>Russian</th><th>Flags</th></tr>\n${rows}</table>`;
}

/**
 * A self-contained HTML page reporting the flags of `pairs`; opens from file:// in any browser.
 * Pairs without flags are only counted: on a large corpus they would bury the ones to review.
 */
export function renderReport(pairs: ReportPair[]): string {
  const flagged = pairs.filter((p) => p.flags.some((u) => u.flags.length > 0));
  const clean = pairs.length - flagged.length;
  const cleanNote = clean ? `<p>${clean} of ${pairs.length} document pairs have no flags and are not listed.</p>` : '';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>palign check report</title><style>${CSS}</style></head>
<body><h1>palign check report</h1>
${summary(pairs)}
${cleanNote}
${flagged.map(pairSection).join('\n')}
</body></html>
`;
}
