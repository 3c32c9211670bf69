/**
 * Bytes of a file → text, or a short reason why the file is not text.
 * Handles UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM, or without one when the
 * NUL pattern gives it away), and the legacy single-byte encodings of Russian news sites:
 * Windows-1251, KOI8-R and KOI8-U (Ukrainian), told apart by how plausible the decoded words look.
 * Windows-1252 is the fallback for 8-bit Latin text (German, French) so such files still
 * decode and language detection can call them `und`.
 */

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

/** Share of C0 control bytes (other than whitespace) above which a file is binary, not text. */
const MAX_CONTROL_SHARE = 0.01;
/** Share of printable characters a UTF-16 guess without BOM must reach to be believed. */
const MIN_UTF16_TEXT_SHARE = 0.95;
/** Share of odd- (or even-) position NULs that marks BOM-less UTF-16 of mostly ASCII text. */
const MIN_UTF16_NUL_SHARE = 0.3;
/**
 * Undecodable sequences a Unicode file may carry as glitches (a multi-byte character cut by a
 * scraper, a lone surrogate), per valid non-ASCII character (UTF-8) or per character (with a
 * BOM). A single-byte file read as UTF-8 breaks at nearly every non-ASCII byte, far above this.
 */
const MAX_BROKEN_SHARE = 0.02;
/** A single-byte guess whose words look this implausible (0..1) is not accepted. */
const MIN_WORD_PLAUSIBILITY = 0.6;
/** Bytes looked at to judge binary-ness: enough for a verdict, cheap on huge files. */
const SNIFF_BYTES = 65536;
/** DOS end-of-file marker, harmless at the end of old text files. */
const CTRL_Z = 0x1a;

/** In order of preference on a tie: KOI8-U differs from KOI8-R only where KOI8-R has box-drawing characters. */
const SINGLE_BYTE_CANDIDATES = ['windows-1251', 'koi8-r', 'koi8-u', 'windows-1252'] as const;
/** KOI8-R's reading of the bytes that are є і ї ґ Є І Ї Ґ in KOI8-U: box-drawing characters. */
const KOI8U_LETTERS_AS_KOI8R = '╓╕╖╜╢╤╥╫';
/** A word: letters, marks, apostrophes and those box-drawing characters (`д╕ю`, `Кельн╕`), with a letter in it. */
const WORD = new RegExp(`[\\p{L}\\p{M}'’${KOI8U_LETTERS_AS_KOI8R}]*\\p{L}[\\p{L}\\p{M}'’${KOI8U_LETTERS_AS_KOI8R}]*`, 'gu');
const KOI8U_AS_KOI8R = new RegExp(`[${KOI8U_LETTERS_AS_KOI8R}]`, 'u');

/** Decodes a file's bytes; see the module comment for what is recognised. */
export function decode(bytes: Uint8Array): Decoded {
  const body = stripTrailingCtrlZ(bytes);
  if (body.length === 0) return { ok: false, reason: 'empty file' };
  const bom = decodeWithBom(body);
  if (bom) return finish(bom.text, bom.encoding);
  const utf16 = guessUtf16WithoutBom(body);
  if (utf16) return finish(utf16.text, utf16.encoding);
  if (looksBinary(body)) return { ok: false, reason: 'binary file' };
  const utf8 = tryDecode('utf-8', body) ?? tolerantDecode('utf-8', body, false);
  if (utf8 !== null) return finish(utf8, 'utf-8');
  const single = bestSingleByte(body);
  if (single) return finish(single.text, single.encoding);
  return { ok: false, reason: 'undecodable: not UTF-8, UTF-16, Windows-1251, KOI8-R, KOI8-U or Windows-1252' };
}

/** Rejects text that is only whitespace, so callers can treat it like an empty file. */
function finish(text: string, encoding: string): Decoded {
  if (text.trim() === '') return { ok: false, reason: 'empty file' };
  return { ok: true, text, encoding };
}

function stripTrailingCtrlZ(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === CTRL_Z) end--;
  return end === bytes.length ? bytes : bytes.subarray(0, end);
}

/** Strict decoding: null when the bytes are not valid in `encoding`. */
function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Lenient decoding: the text with U+FFFD for undecodable sequences when they are at most
 * MAX_BROKEN_SHARE of the valid non-ASCII characters (of all characters when `byLength`, for a
 * file whose BOM already says what it is), else null.
 */
function tolerantDecode(encoding: string, bytes: Uint8Array, byLength: boolean): string | null {
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  let broken = 0;
  let nonAscii = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) broken++;
    else if (c > 0x7f) nonAscii++;
  }
  // With a BOM, one glitch is tolerated however short the file.
  const allowed = byLength ? Math.max(1, MAX_BROKEN_SHARE * text.length) : MAX_BROKEN_SHARE * nonAscii;
  return broken <= allowed ? text : null;
}

function decodeWithBom(bytes: Uint8Array): { text: string; encoding: string } | null {
  const boms: Array<[number[], string]> = [
    [[0xef, 0xbb, 0xbf], 'utf-8'],
    [[0xff, 0xfe], 'utf-16le'],
    [[0xfe, 0xff], 'utf-16be'],
  ];
  for (const [mark, encoding] of boms) {
    if (!mark.every((b, i) => bytes[i] === b)) continue;
    const body = bytes.subarray(mark.length);
    const text = tryDecode(encoding, body) ?? tolerantDecode(encoding, body, true);
    // A BOM followed by mostly invalid data is still not text we can trust.
    return text === null ? null : { text, encoding };
  }
  return null;
}

/** ASCII-heavy UTF-16 without a BOM has a NUL in every other byte; check both byte orders. */
function guessUtf16WithoutBom(bytes: Uint8Array): { text: string; encoding: string } | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const sample = bytes.subarray(0, Math.min(bytes.length, SNIFF_BYTES) & ~1);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenNul++;
    if (sample[i + 1] === 0) oddNul++;
  }
  const pairs = sample.length / 2;
  const encoding = oddNul / pairs >= MIN_UTF16_NUL_SHARE && evenNul < oddNul / 4 ? 'utf-16le'
    : evenNul / pairs >= MIN_UTF16_NUL_SHARE && oddNul < evenNul / 4 ? 'utf-16be' : null;
  if (!encoding) return null;
  const text = tryDecode(encoding, bytes);
  if (text === null || printableShare(text) < MIN_UTF16_TEXT_SHARE) return null;
  return { text, encoding };
}

/** Share of characters that are letters, digits, punctuation, symbols or ordinary whitespace. */
function printableShare(text: string): number {
  if (text.length === 0) return 0;
  const printable = text.match(/[\p{L}\p{N}\p{P}\p{S}\p{M} \t\n\r\u00a0]/gu)?.length ?? 0;
  return printable / text.length;
}

/** NUL bytes, or more than a trace of other control bytes, mean the file is not text. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, SNIFF_BYTES));
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    const whitespace = b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d || b === 0x0b;
    if (b < 0x20 && !whitespace && b !== 0x1b) control++;
  }
  return control / sample.length > MAX_CONTROL_SHARE;
}

/** The single-byte encoding whose decoding gives the most plausible words, if plausible enough. */
function bestSingleByte(bytes: Uint8Array): { text: string; encoding: string } | null {
  let best: { text: string; encoding: string; score: number } | null = null;
  for (const encoding of SINGLE_BYTE_CANDIDATES) {
    const text = tryDecode(encoding, bytes);
    if (text === null) continue;
    const score = wordPlausibility(text);
    if (!best || score > best.score) best = { text, encoding, score };
  }
  return best && best.score >= MIN_WORD_PLAUSIBILITY ? { text: best.text, encoding: best.encoding } : null;
}

/**
 * 0..1: how natural the non-ASCII words of `text` look. A wrong Cyrillic code page turns
 * `Привет` into `пРИВЕТ` (KOI8-R read as 1251) or mixes scripts inside a word; reading
 * Cyrillic as Windows-1252 gives words made mostly of accented Latin letters; reading KOI8-U
 * as KOI8-R puts box-drawing characters in words (`д╕ю`, `Кельн╕`).
 */
export function wordPlausibility(text: string): number {
  let total = 0;
  let score = 0;
  for (const word of text.match(WORD) ?? []) {
    if (/^[\x00-\x7f]*$/.test(word)) continue;
    total++;
    score += wordScore(word);
  }
  return total === 0 ? 0 : score / total;
}

/** 1 for a natural word shape, 0.3 for ALL CAPS (a wrong code page yields many), 0 otherwise. */
function wordScore(word: string): number {
  if (KOI8U_AS_KOI8R.test(word)) return 0;
  const letters = word.replace(/['’\p{M}]/gu, '');
  const cyrillic = (letters.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const latin = (letters.match(/\p{Script=Latin}/gu) ?? []).length;
  if (cyrillic + latin !== letters.length || (cyrillic > 0 && latin > 0)) return 0;
  if (latin > 0) {
    // Latin words with more accented than plain letters are mojibake, not French or German.
    const accented = (letters.match(/[^\x00-\x7f]/g) ?? []).length;
    if (accented * 2 > letters.length) return 0;
  }
  const lower = letters.toLowerCase();
  if (letters === lower) return 1;
  if (letters.length > 1 && letters[0] !== lower[0] && letters.slice(1) === lower.slice(1)) return 1;
  if (letters === letters.toUpperCase()) return letters.length === 1 ? 1 : 0.3;
  return 0;
}
