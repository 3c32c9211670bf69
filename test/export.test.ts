/**
 * Export formats: TMX validity against the TMX 1.4b DTD (xmllint), round trips of every
 * format, the documented normalisations, streaming, and — where installed — loading the TMX
 * into OmegaT (console mode) and translate-toolkit.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  dedupeRows,
  jsonl,
  moses,
  parseLangs,
  tmx,
  tsv,
  type ExportOptions,
  type TmRow,
} from '../src/export/index.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const DTD = join(FIXTURES, 'tmx14.dtd');
const NTREX = join(FIXTURES, 'ntrex128-sample.jsonl');
const CREATED = '2024-05-01T10:20:30.123Z';
const OPTIONS: ExportOptions = { toolVersion: '0.1.0-test', creationDate: new Date('2024-06-02T03:04:05Z') };

const workDir = mkdtempSync(join(tmpdir(), 'palign-export-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** True when `command args` runs and exits 0 (used to decide whether an external tool is there). */
function runs(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  return result.error === undefined && result.status === 0;
}

const HAS_XMLLINT = runs('xmllint', ['--version']);
const HAS_OMEGAT = runs('sh', ['-c', 'command -v omegat && command -v java']);
/** translate-toolkit is a Debian python package: the system python may have it when a pyenv one does not. */
const TTK_PYTHON = ['python3', '/usr/bin/python3'].find((py) => runs(py, ['-c', 'import translate.storage.tmx']));

/** Sentence pairs of the first `stories` NTREX stories, as the store would hand them over. */
function ntrexRows(stories: number): TmRow[] {
  const lines = readFileSync(NTREX, 'utf8').split('\n').filter((line) => line !== '');
  const rows: TmRow[] = [];
  for (const line of lines.slice(0, stories)) {
    const story = JSON.parse(line) as { docid: string; en: string[]; ru: string[] };
    story.en.forEach((en, i) => {
      rows.push({
        id: rows.length + 1,
        en,
        ru: story.ru[i] ?? '',
        score: 0.5 + (i % 7) / 14,
        bead: '1-1',
        enDoc: `${story.docid}.en.txt`,
        ruDoc: `${story.docid}.ru.txt`,
        created: CREATED,
      });
    });
  }
  return rows;
}

/** A row with defaults for the fields a test does not care about. */
function row(id: number, en: string, ru: string, extra: Partial<TmRow> = {}): TmRow {
  return { id, en, ru, score: 0.75, bead: '1-1', enDoc: 'en/story.txt', ruDoc: 'ru/story.txt', created: CREATED, ...extra };
}

const LONG = 'Lorem ipsum dolor sit amet. '.repeat(3572).slice(0, 100_000);

/** Hostile input and, written by hand, the text each format must carry for it. */
const HOSTILE: { input: TmRow; en: string; ru: string }[] = [
  { input: row(1, 'a < b && c > d', 'а < б && в > г'), en: 'a < b && c > d', ru: 'а < б && в > г' },
  { input: row(2, 'He said "yes" and \'no\'', 'Он сказал «да» и "нет"'), en: 'He said "yes" and \'no\'', ru: 'Он сказал «да» и "нет"' },
  { input: row(3, 'CDATA end ]]> here', 'конец ]]> тут'), en: 'CDATA end ]]> here', ru: 'конец ]]> тут' },
  { input: row(4, 'ctrl\u0001x\u000By\u0000z', 'упр\u001Fа\uFFFEб'), en: 'ctrlxyz', ru: 'упраб' },
  { input: row(5, 'emoji 😀👍🏽 ok', 'эмодзи 😀 да'), en: 'emoji 😀👍🏽 ok', ru: 'эмодзи 😀 да' },
  { input: row(6, 'RTL שלום עליכם and مرحبا', 'справа налево שלום'), en: 'RTL שלום עליכם and مرحبا', ru: 'справа налево שלום' },
  { input: row(7, LONG, 'Длинный сегмент.'), en: LONG, ru: 'Длинный сегмент.' },
  { input: row(8, 'lone \uD800 high and \uDC00 low', 'одинокий \uDBFF'), en: 'lone  high and  low', ru: 'одинокий ' },
  { input: row(9, 'line one\r\nline two\nthree\rfour', 'строка\u2028два\u0085три'), en: 'line one line two three four', ru: 'строка два три' },
  { input: row(10, 'tab\there', 'таб\tтут'), en: 'tab\there', ru: 'таб\tтут' },
  { input: row(11, 'Doc & attrs', 'Док', { enDoc: 'en/a&b "c" <d>.txt', bead: '2-1' }), en: 'Doc & attrs', ru: 'Док' },
];

/** An XML text/attribute value decoded: the five predefined entities and numeric references. */
function decodeXml(text: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return named[ref] ?? whole;
  });
}

interface ParsedTu {
  attrs: Record<string, string>;
  props: Record<string, string>;
  tuvs: { lang: string; seg: string }[];
}

/** A tiny TMX reader for this test: enough for what palign writes (no inline markup). */
function parseTmx(xml: string): ParsedTu[] {
  const units: ParsedTu[] = [];
  for (const tu of xml.matchAll(/<tu\b([^>]*)>([\s\S]*?)<\/tu>/g)) {
    const attrs = Object.fromEntries([...tu[1]!.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1]!, decodeXml(m[2]!)]));
    const props = Object.fromEntries(
      [...tu[2]!.matchAll(/<prop type="([^"]*)">([^<]*)<\/prop>/g)].map((m) => [decodeXml(m[1]!), decodeXml(m[2]!)]),
    );
    const tuvs = [...tu[2]!.matchAll(/<tuv\s+xml:lang="([^"]*)"\s*>\s*<seg>([^<]*)<\/seg>\s*<\/tuv>/g)].map((m) => ({
      lang: decodeXml(m[1]!),
      seg: decodeXml(m[2]!),
    }));
    units.push({ attrs, props, tuvs });
  }
  return units;
}

/** Writes the TMX for the rows next to a copy of the DTD (so its SYSTEM id resolves) and returns the path. */
function writeTmx(name: string, rows: TmRow[], options: ExportOptions): string {
  const dir = join(workDir, name);
  mkdirSync(dir, { recursive: true });
  copyFileSync(DTD, join(dir, 'tmx14.dtd'));
  const path = join(dir, `${name}.tmx`);
  writeFileSync(path, [...tmx(rows, options)].join(''));
  return path;
}

/** Runs `xmllint --noout --dtdvalid` and returns its exit status and messages. */
function xmllintValidate(path: string): { status: number | null; output: string } {
  const result = spawnSync('xmllint', ['--noout', '--nonet', '--dtdvalid', DTD, path], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('TMX', () => {
  const rows = HOSTILE.map((h) => h.input);
  const langs: [string, string] = ['en-US', 'ru-RU'];

  it('is valid against the TMX 1.4 DTD with hostile text', ({ skip }) => {
    skip(!HAS_XMLLINT, 'xmllint is not installed (apt-get install libxml2-utils)');
    const options = { ...OPTIONS, langs, toolVersion: '1.0 "beta" <\'&\'>' };
    const unaligned = [row(20, 'Only English here.', '', { bead: '1-0', ruDoc: '' }), row(21, '', 'Только русский.', { bead: '0-1' })];
    const path = writeTmx('hostile', [...rows, ...unaligned], { ...options, includeUnaligned: true });
    const { status, output } = xmllintValidate(path);
    expect(output).toBe('');
    expect(status).toBe(0);
    // an independent XML parser reads the segments back as the normalisation says
    for (const h of HOSTILE) {
      // xmllint ends its --xpath output with a newline of its own
      const xpath = (lang: string): string =>
        execFileSync('xmllint', ['--nonet', '--xpath', `string(//tu[@tuid="${h.input.id}"]/tuv[@xml:lang="${lang}"]/seg)`, path], {
          encoding: 'utf8',
        }).replace(/\n$/, '');
      expect(xpath('en-US')).toBe(h.en);
      expect(xpath('ru-RU')).toBe(h.ru);
    }
    const header = execFileSync('xmllint', ['--nonet', '--xpath', 'string(//header/@creationtoolversion)', path], { encoding: 'utf8' }).replace(/\n$/, '');
    expect(header).toBe('1.0 "beta" <\'&\'>');
  });

  it('round-trips hostile text through the documented normalisation, as valid UTF-8', () => {
    const path = writeTmx('roundtrip', rows, { ...OPTIONS, langs });
    const bytes = readFileSync(path);
    const xml = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    expect(xml).not.toContain(']]>');
    const units = parseTmx(xml);
    expect(units.map((u) => Number(u.attrs.tuid))).toEqual(rows.map((r) => r.id));
    HOSTILE.forEach((h, i) => {
      const unit = units[i]!;
      expect(unit.tuvs).toEqual([
        { lang: 'en-US', seg: h.en },
        { lang: 'ru-RU', seg: h.ru },
      ]);
      expect(unit.props['x-en-doc']).toBe(h.input.enDoc);
      expect(unit.props['x-ru-doc']).toBe(h.input.ruDoc);
      expect(unit.props['x-bead']).toBe(h.input.bead);
      expect(Number(unit.props['x-score'])).toBeCloseTo(h.input.score, 4);
      expect(unit.attrs.creationdate).toBe('20240501T102030Z');
    });
  });

  it('writes the header and DTD-ordered units for real text (NTREX), default langs en/ru', () => {
    const ntrex = ntrexRows(3);
    const xml = [...tmx(ntrex, OPTIONS)].join('');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">')).toBe(true);
    const header = /<header\b([^>]*)\/>/.exec(xml)?.[1] ?? '';
    for (const attr of [
      'creationtool="palign"',
      'creationtoolversion="0.1.0-test"',
      'segtype="sentence"',
      'o-tmf="palign"',
      'adminlang="en"',
      'srclang="en"',
      'datatype="plaintext"',
      'creationdate="20240602T030405Z"',
    ]) {
      expect(header).toContain(attr);
    }
    const units = parseTmx(xml);
    expect(units).toHaveLength(ntrex.length);
    units.forEach((unit, i) => {
      expect(unit.tuvs).toEqual([
        { lang: 'en', seg: ntrex[i]!.en },
        { lang: 'ru', seg: ntrex[i]!.ru },
      ]);
    });
    // props before tuvs inside every <tu>, as the DTD's ((note|prop)*, tuv+) demands
    for (const tu of xml.matchAll(/<tu\b[^>]*>([\s\S]*?)<\/tu>/g)) {
      expect(tu[1]!.lastIndexOf('<prop')).toBeLessThan(tu[1]!.indexOf('<tuv'));
    }
  });

  it('leaves out units with an empty side unless includeUnaligned, then writes one <tuv>', () => {
    const input = [row(1, 'Both sides.', 'Обе стороны.'), row(2, 'English only.', '', { bead: '1-0' }), row(3, '\u0001 ', 'Только русский.', { bead: '0-1' }), row(4, '', '')];
    expect(parseTmx([...tmx(input, OPTIONS)].join('')).map((u) => u.attrs.tuid)).toEqual(['1']);
    const units = parseTmx([...tmx(input, { ...OPTIONS, includeUnaligned: true })].join(''));
    expect(units.map((u) => u.attrs.tuid)).toEqual(['1', '2', '3']);
    expect(units[1]!.tuvs).toEqual([{ lang: 'en', seg: 'English only.' }]);
    expect(units[2]!.tuvs).toEqual([{ lang: 'ru', seg: 'Только русский.' }]);
  });

  it('omits creationdate on a unit whose timestamp does not parse, instead of writing garbage', () => {
    const units = parseTmx([...tmx([row(1, 'A.', 'А.', { created: 'not a date' })], OPTIONS)].join(''));
    expect(units[0]!.attrs.creationdate).toBeUndefined();
  });

  it('streams: pulls rows only as chunks are consumed', () => {
    let pulled = 0;
    function* endless(): Generator<TmRow> {
      for (let id = 1; ; id++) {
        pulled++;
        yield row(id, `Sentence ${id}.`, `Предложение ${id}.`);
      }
    }
    const chunks = tmx(endless(), OPTIONS);
    chunks.next(); // head
    chunks.next(); // first <tu>
    chunks.next();
    expect(pulled).toBe(2);
  });
});

describe('TSV', () => {
  it('round-trips NTREX rows and hostile text, tabs and line breaks becoming spaces', () => {
    const input = [...ntrexRows(2), ...HOSTILE.map((h) => h.input)];
    const text = [...tsv(input, OPTIONS)].join('');
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines[0]).toBe('en\tru\tscore\tbead\ten_doc\tru_doc');
    const back = lines.slice(1).map((line) => line.split('\t'));
    expect(back).toHaveLength(input.length);
    back.forEach((fields) => expect(fields).toHaveLength(6));
    const expected = [
      ...ntrexRows(2).map((r) => [r.en, r.ru]),
      ...HOSTILE.map((h) => [h.en.replace(/\t/g, ' '), h.ru.replace(/\t/g, ' ')]),
    ];
    expect(back.map((f) => [f[0], f[1]])).toEqual(expected);
    back.forEach((f, i) => {
      expect(Number(f[2])).toBeCloseTo(input[i]!.score, 4);
      expect(f[3]).toBe(input[i]!.bead);
      expect(f[4]).toBe(input[i]!.enDoc);
      expect(f[5]).toBe(input[i]!.ruDoc);
    });
  });

  it('keeps unaligned units with an empty field only when asked', () => {
    const input = [row(1, 'Both.', 'Оба.'), row(2, 'Alone.', '', { bead: '1-0' })];
    expect([...tsv(input, OPTIONS)]).toHaveLength(2);
    const lines = [...tsv(input, { ...OPTIONS, includeUnaligned: true })];
    expect(lines[2]!.split('\t').slice(0, 2)).toEqual(['Alone.', '']);
  });
});

describe('JSONL', () => {
  it('round-trips with the public key set and order', () => {
    const input = [...ntrexRows(2), ...HOSTILE.map((h) => h.input)];
    const lines = [...jsonl(input, OPTIONS)];
    expect(lines).toHaveLength(input.length);
    lines.forEach((line, i) => {
      expect(line.endsWith('\n')).toBe(true);
      expect(line.slice(0, -1)).not.toContain('\n');
      const record = JSON.parse(line) as Record<string, unknown>;
      expect(Object.keys(record)).toEqual(['en', 'ru', 'score', 'bead', 'en_doc', 'ru_doc']);
      const source = input[i]!;
      const hostile = HOSTILE.find((h) => h.input === source);
      expect(record.en).toBe(hostile?.en ?? source.en);
      expect(record.ru).toBe(hostile?.ru ?? source.ru);
      expect(record.score as number).toBeCloseTo(source.score, 4);
      expect(record.bead).toBe(source.bead);
      expect(record.en_doc).toBe(source.enDoc);
      expect(record.ru_doc).toBe(source.ruDoc);
    });
    // lone surrogates are gone, so the output encodes to UTF-8 and back unchanged
    const all = lines.join('');
    expect(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(all, 'utf8'))).toBe(all);
  });
});

describe('Moses', () => {
  it('writes line-parallel files, one line per pair, and always skips unaligned units', () => {
    const ntrex = ntrexRows(2);
    const input = [...ntrex, row(900, 'Alone.', '', { bead: '1-0' }), row(901, 'two\nlines', 'две\r\nстроки')];
    const pairs = [...moses(input, { ...OPTIONS, includeUnaligned: true })];
    const en = pairs.map((p) => p.en).join('').split('\n');
    const ru = pairs.map((p) => p.ru).join('').split('\n');
    expect(en.pop()).toBe('');
    expect(ru.pop()).toBe('');
    expect(en).toHaveLength(ntrex.length + 1);
    expect(ru).toHaveLength(en.length);
    expect(en.slice(0, -1)).toEqual(ntrex.map((r) => r.en));
    expect(ru.slice(0, -1)).toEqual(ntrex.map((r) => r.ru));
    expect([en.at(-1), ru.at(-1)]).toEqual(['two lines', 'две строки']);
  });
});

describe('parseLangs', () => {
  it('accepts BCP-47 codes, English first, in canonical case', () => {
    expect(parseLangs('en-US,ru-RU')).toEqual(['en-US', 'ru-RU']);
    expect(parseLangs(' en , ru ')).toEqual(['en', 'ru']);
    expect(parseLangs('en-gb,RU-ru')).toEqual(['en-GB', 'ru-RU']);
    expect(parseLangs('en-Latn-US,ru-Cyrl-RU')).toEqual(['en-Latn-US', 'ru-Cyrl-RU']);
    expect(parseLangs('en-001,ru')).toEqual(['en-001', 'ru']);
  });

  it.each([
    ['en-US'],
    ['en-US,ru-RU,de'],
    ['en,'],
    ['en_US,ru_RU'],
    ['english,russian'],
    ['ru,en'],
    ['de-DE,ru-RU'],
    ['en-US-,ru'],
    [''],
  ])('rejects %j with a one-line message', (spec) => {
    let message = '';
    try {
      parseLangs(spec);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toBe('');
    expect(message).not.toContain('\n');
  });
});

describe('dedupeRows', () => {
  it('keeps the first of identical (en, ru) pairs, treating text the way exports write it', () => {
    const input = [
      row(1, 'Same.', 'То же.'),
      row(2, 'Same.', 'Другое.'),
      row(3, 'Same.', 'То же.'),
      row(4, 'Two\nlines.', 'Две строки.'),
      row(5, 'Two lines.', 'Две строки.'),
      row(6, 'Same.То же.', ''),
      row(7, 'Same.', 'То же.', { enDoc: 'other.txt' }),
    ];
    expect([...dedupeRows(input)].map((r) => r.id)).toEqual([1, 2, 4, 6]);
  });

  it('is lazy', () => {
    const pulled: number[] = [];
    function* source(): Generator<TmRow> {
      for (let id = 1; id <= 5; id++) {
        pulled.push(id);
        yield row(id, `S${id}`, `П${id}`);
      }
    }
    dedupeRows(source()).next();
    expect(pulled).toEqual([1]);
  });
});

describe('TMX in translation tools', () => {
  it('translate-toolkit reads every unit', ({ skip }) => {
    skip(TTK_PYTHON === undefined, 'python translate-toolkit is not installed (apt-get install translate-toolkit)');
    const ntrex = ntrexRows(2);
    const input = [...ntrex, ...HOSTILE.map((h) => h.input)];
    const path = writeTmx('ttk', input, { ...OPTIONS, langs: ['en-US', 'ru-RU'] });
    const script = [
      'import json, sys',
      'from translate.storage import tmx',
      "store = tmx.tmxfile(open(sys.argv[1], 'rb'), 'en-US', 'ru-RU')",
      "print(json.dumps([[u.getid(), u.source, u.target] for u in store.units]))",
    ].join('\n');
    const out = execFileSync(TTK_PYTHON!, ['-c', script, path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const units = JSON.parse(out) as [string, string, string][];
    const expected = [...ntrex.map((r) => [String(r.id), r.en, r.ru]), ...HOSTILE.map((h) => [String(h.input.id), h.en, h.ru])];
    expect(units).toEqual(expected);
  });

  it(
    'OmegaT (console-translate) pre-translates from the TMX in tm/auto',
    ({ skip }) => {
      skip(!HAS_OMEGAT, 'omegat or java is not on PATH (apt-get install omegat)');
      const pairs = ntrexRows(1).slice(1, 4);
      const project = join(workDir, 'omegat-project');
      for (const dir of ['source', 'target', 'tm/auto', 'omegat', 'glossary', 'dictionary']) mkdirSync(join(project, dir), { recursive: true });
      writeFileSync(join(project, 'omegat.project'), omegatProjectFile('EN-US', 'RU-RU'));
      // one sentence per paragraph, so OmegaT's segmentation rules cannot split differently from ours
      writeFileSync(join(project, 'source', 'story.txt'), pairs.map((p) => p.en).join('\n\n') + '\n');
      writeFileSync(join(project, 'tm', 'auto', 'palign.tmx'), [...tmx(pairs, OPTIONS)].join(''));
      execFileSync(
        'omegat',
        [project, '--mode=console-translate', '--quiet', '--no-team', '--disable-project-locking', `--config-dir=${join(workDir, 'omegat-config')}`],
        { stdio: 'ignore', timeout: 120_000 },
      );
      expect(readdirSync(join(project, 'target'))).toEqual(['story.txt']);
      const target = readFileSync(join(project, 'target', 'story.txt'), 'utf8');
      expect(target.split('\n').filter((line) => line !== '')).toEqual(pairs.map((p) => p.ru));
    },
    150_000,
  );
});

/** A minimal OmegaT project file (format of OmegaT 3.x/4.x) with default folders. */
function omegatProjectFile(source: string, target: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <source_dir_excludes/>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>${source}</source_lang>
    <target_lang>${target}</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneRussianTokenizer</target_tok>
    <sentence_seg>true</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
`;
}
