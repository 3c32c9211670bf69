import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decode } from '../src/ingest/decode.js';

const RU = readFileSync(new URL('../data/001_a200dc630372fd2b.txt', import.meta.url), 'utf8');
const EN = readFileSync(new URL('../data/000_21f827a522ed410a.txt', import.meta.url), 'utf8');
const DE = readFileSync(new URL('./fixtures/textberg-de-fr/dev.de', import.meta.url), 'utf8').split('\n').slice(0, 60).join('\n');
const UK = 'Президент України їздив до Львова. Ґанок, подвір’я і сім’я; Білорусь — ўсё.';

/** A single-byte encoder built by inverting Node's decoder for the upper half of the code page. */
function singleByteEncoder(encoding: string): (text: string) => Uint8Array {
  const decoder = new TextDecoder(encoding);
  const map = new Map<string, number>();
  for (let b = 0x80; b <= 0xff; b++) map.set(decoder.decode(Uint8Array.of(b)), b);
  return (text) => Uint8Array.from([...text].flatMap((ch) => {
    if (ch.charCodeAt(0) < 0x80) return [ch.charCodeAt(0)];
    const b = map.get(ch);
    // Characters the code page lacks (curly quotes in KOI8-R) become '?', as real converters do.
    return b === undefined ? [0x3f] : [b];
  }));
}

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const hi = code >> 8;
    const lo = code & 0xff;
    out.set(bigEndian ? [hi, lo] : [lo, hi], 2 + i * 2);
  }
  return out;
}

function expectText(bytes: Uint8Array, text: string, encoding: string): void {
  const d = decode(bytes);
  expect(d).toEqual({ ok: true, text, encoding });
}

describe('decode', () => {
  it('reads UTF-8 with and without BOM', () => {
    expectText(Buffer.from(RU, 'utf8'), RU, 'utf-8');
    expectText(Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from(EN, 'utf8')]), EN, 'utf-8');
  });

  it('reads UTF-16 LE and BE with BOM', () => {
    expectText(utf16(RU, false), RU, 'utf-16le');
    expectText(utf16(RU, true), RU, 'utf-16be');
    expectText(utf16(EN, true), EN, 'utf-16be');
  });

  it('keeps UTF-8 with a stray broken byte as UTF-8 (one U+FFFD), not as single-byte mojibake', () => {
    const broken = Buffer.concat([Buffer.from(RU, 'utf8'), Uint8Array.of(0xd0), Buffer.from(' Конец.', 'utf8')]);
    const d = decode(broken);
    expect(d).toEqual({ ok: true, text: `${RU}\ufffd Конец.`, encoding: 'utf-8' });
    // A Windows-1251 file breaks at every Cyrillic byte when read as UTF-8: still Windows-1251.
    const plain = RU.replace(/[“”«»–]/g, '"');
    expectText(singleByteEncoder('windows-1251')(plain), plain, 'windows-1251');
  });

  it('reads UTF-16 with a BOM and a lone surrogate, replacing it', () => {
    const bytes = Buffer.concat([Uint8Array.of(0xff, 0xfe), Buffer.from('Lone surrogate ', 'utf16le'), Uint8Array.of(0x00, 0xd8), Buffer.from(' in Moscow talks.', 'utf16le')]);
    expectText(bytes, 'Lone surrogate \ufffd in Moscow talks.', 'utf-16le');
  });

  it('reads BOM-less UTF-16 of mostly ASCII text', () => {
    expectText(utf16(EN, false).subarray(2), EN, 'utf-16le');
  });

  it('tells Windows-1251 from KOI8-R by content', () => {
    const plain = RU.replace(/[“”«»–]/g, '"');
    expectText(singleByteEncoder('windows-1251')(plain), plain, 'windows-1251');
    expectText(singleByteEncoder('koi8-r')(plain), plain, 'koi8-r');
  });

  it('decodes short Cyrillic lines and Ukrainian/Belarusian letters in Windows-1251', () => {
    expectText(singleByteEncoder('windows-1251')(UK), UK, 'windows-1251');
    const short = 'Привет, мир! Как дела?';
    expectText(singleByteEncoder('koi8-r')(short), short, 'koi8-r');
    expectText(singleByteEncoder('windows-1251')(short), short, 'windows-1251');
  });

  it('tells KOI8-U (Ukrainian) from KOI8-R by the letters KOI8-R reads as box drawing', () => {
    const ntrexUk = readFileSync(new URL('./fixtures/ntrex128-sample.jsonl', import.meta.url), 'utf8').trim().split('\n')
      .map((l) => (JSON.parse(l) as { uk: string[] }).uk.join('\n\n').replace(/[^\x00-\x7f\u0400-\u04ff]/g, '?'));
    for (const story of ntrexUk.slice(0, 10)) expectText(singleByteEncoder('koi8-u')(story), story, 'koi8-u');
    const ukHand = 'Україна і Європа: їхні інтереси збігаються, каже Ґонта. Є надія.';
    expectText(singleByteEncoder('koi8-u')(ukHand), ukHand, 'koi8-u');
    // і only at word ends, in a short headline.
    const headline = 'Землетруси та цунамі в Індонезії';
    expectText(singleByteEncoder('koi8-u')(headline), headline, 'koi8-u');
    // Russian in KOI8-R has none of those bytes: still KOI8-R.
    const plain = RU.replace(/[“”«»–]/g, '"');
    expectText(singleByteEncoder('koi8-r')(plain), plain, 'koi8-r');
  });

  it('falls back to Windows-1252 for 8-bit Latin text', () => {
    const de = DE.replace(/[^\x00-\xff]/g, '?');
    expect(de).toMatch(/[äöüÄÖÜß]/);
    expectText(singleByteEncoder('windows-1252')(de), de, 'windows-1252');
  });

  it('rejects empty and whitespace-only files', () => {
    expect(decode(new Uint8Array())).toEqual({ ok: false, reason: 'empty file' });
    expect(decode(Buffer.from(' \n\r\n\t'))).toEqual({ ok: false, reason: 'empty file' });
  });

  it('rejects binary files', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 1, 2, 3]);
    expect(decode(png)).toEqual({ ok: false, reason: 'binary file' });
    const controls = Uint8Array.from({ length: 400 }, (_, i) => (i % 7 === 0 ? 0x03 : 0x61 + (i % 26)));
    expect(decode(controls)).toEqual({ ok: false, reason: 'binary file' });
  });

  it('tolerates a DOS end-of-file marker', () => {
    expectText(Uint8Array.from([...Buffer.from(EN), 0x1a]), EN, 'utf-8');
  });

  it('says why random high bytes are not text', () => {
    const noise = Uint8Array.from({ length: 300 }, (_, i) => 0x80 + ((i * 37) % 128));
    const d = decode(noise);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.reason).toMatch(/undecodable/);
  });
});
