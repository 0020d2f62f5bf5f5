import { once } from 'node:events';
import { Readable } from 'node:stream';
import { IMPORT_MAX_BYTES, type ImportFormat, type ImportKind } from '@spie/contract/catalogue';
import { parse as csvParser } from 'csv-parse';
import ExcelJS from 'exceljs';
import streamArray from 'stream-json/streamers/stream-array.js';
import { DomainError } from '../../../kernel/errors';
import { arrayFields, numberFields } from './diSchema';

/*
 * Streamed readers of an import file: one object per row, never the whole file in memory.
 * Size and encoding are checked while reading; a bad file is refused whole with a French message.
 */

export interface SourceRow {
  /** 1-based: array index in JSON, line in CSV (header = 1), sheet row in XLSX. */
  row: number;
  value: unknown;
}

export type ImportSource =
  | AsyncIterable<Buffer | string | Uint8Array>
  | Iterable<Buffer | string | Uint8Array>;

const refuse = (code: string, message: string) => new DomainError('validation', code, message);

export const tooLarge = (maxBytes: number) =>
  refuse(
    'catalogue_import.too_large',
    `Le fichier dépasse la taille acceptée (${Math.round(maxBytes / 1024 / 1024)} Mo). Découpez-le en plusieurs fichiers (par exemple par département) puis importez-les l’un après l’autre. Rien n’a été importé.`,
  );

const encodingError = () =>
  refuse(
    'catalogue_import.encoding',
    'Le fichier n’est pas encodé en UTF-8 (les accents seraient illisibles). Dans votre tableur, enregistrez-le au format « CSV UTF-8 » (ou choisissez l’encodage UTF-8), puis recommencez. Rien n’a été importé.',
  );

/** Counts bytes (refusing past the limit), yields bytes as they come. */
async function* limited(source: ImportSource, maxBytes: number): AsyncGenerator<Buffer> {
  let bytes = 0;
  for await (const chunk of source) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    bytes += buf.length;
    if (bytes > maxBytes) throw tooLarge(maxBytes);
    yield buf;
  }
}

/** Decodes UTF-8 strictly (a Latin-1 file fails here); the BOM is dropped. */
async function* utf8(source: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const buf of source) {
    let text: string;
    try {
      text = decoder.decode(buf, { stream: true });
    } catch {
      throw encodingError();
    }
    if (text) yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw encodingError();
  }
}

/** Writes text into a Duplex while the caller reads it; an upstream error destroys the Duplex with it. */
function feed(
  target: NodeJS.ReadWriteStream & { destroy(error?: Error): void },
  texts: AsyncIterable<string>,
) {
  void (async () => {
    try {
      for await (const text of texts) {
        if (!target.write(text)) await once(target, 'drain');
      }
      target.end();
    } catch (error) {
      target.destroy(error as Error);
    }
  })();
}

const POSITION_KEEP = 2 * 1024 * 1024;

/** Offset of the first character that makes `text` invalid JSON (null when it is valid). */
export function errorOffset(text: string): number | null {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i += 1;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => {
    for (const c of word) {
      if (text[i] !== c) fail();
      i += 1;
    }
  };
  const string = () => {
    i += 1;
    while (i < text.length) {
      const c = text[i] as string;
      if (c === '"') {
        i += 1;
        return;
      }
      if (c === '\\') {
        i += 1;
        const e = text[i] ?? '';
        if (e === 'u') {
          for (let k = 1; k <= 4; k += 1)
            if (!/[0-9a-f]/i.test(text[i + k] ?? '')) {
              i += k;
              fail();
            }
          i += 5;
          continue;
        }
        if (!'"\\/bfnrt'.includes(e) || e === '') fail();
        i += 1;
        continue;
      }
      if (c < ' ') fail();
      i += 1;
    }
    fail();
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '' || m[0] === '-') fail();
    i += (m as RegExpExecArray)[0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i += 1;
      ws();
      if (text[i] === '}') {
        i += 1;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ':') fail();
        i += 1;
        value();
        ws();
        if (text[i] === ',') {
          i += 1;
          continue;
        }
        if (text[i] === '}') {
          i += 1;
          return;
        }
        fail();
      }
    }
    if (c === '[') {
      i += 1;
      ws();
      if (text[i] === ']') {
        i += 1;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i += 1;
          continue;
        }
        if (text[i] === ']') {
          i += 1;
          return;
        }
        fail();
      }
    }
    if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else number();
  };
  try {
    value();
    ws();
    return i < text.length ? i : null;
  } catch (at) {
    return typeof at === 'number' ? Math.min(at, text.length) : null;
  }
}

function badJson(kept: string | null, fedChars: number, elements: number) {
  let where = `vers le caractère ${fedChars.toLocaleString('fr-FR')}`;
  const pos = kept === null ? null : errorOffset(kept);
  if (pos !== null && kept !== null) {
    const before = kept.slice(0, pos);
    const line = before.split('\n').length;
    const column = pos - before.lastIndexOf('\n');
    where = `ligne ${line}, colonne ${column} (caractère ${(pos + 1).toLocaleString('fr-FR')})`;
  }
  return refuse(
    'catalogue_import.bad_json',
    `Le fichier JSON est mal formé ${where}, après ${elements.toLocaleString('fr-FR')} élément(s) lus. Vérifiez les virgules, guillemets et crochets à cet endroit. Rien n’a été importé.`,
  );
}

async function* jsonRows(source: ImportSource, maxBytes: number): AsyncGenerator<SourceRow> {
  const parser = streamArray.withParserAsStream();
  let fedChars = 0;
  let kept: string | null = '';
  let elements = 0;
  let upstream: unknown = null;
  const texts = (async function* () {
    try {
      for await (const text of utf8(limited(source, maxBytes))) {
        fedChars += text.length;
        if (kept !== null) kept = kept.length + text.length <= POSITION_KEEP ? kept + text : null;
        yield text;
      }
    } catch (error) {
      upstream = error;
      throw error;
    }
  })();
  feed(parser, texts);
  try {
    for await (const item of parser as AsyncIterable<{ key: number; value: unknown }>) {
      elements += 1;
      yield { row: item.key + 1, value: item.value };
    }
  } catch (error) {
    if (upstream || error instanceof DomainError) throw upstream ?? error;
    const message = String((error as Error).message ?? error);
    if (message.includes('should be an array')) {
      throw refuse(
        'catalogue_import.not_array',
        'Le fichier JSON doit contenir une liste [ … ] de structures ou de services, comme les fichiers data·inclusion. Rien n’a été importé.',
      );
    }
    throw badJson(kept, fedChars, elements);
  }
  if (elements === 0 && fedChars === 0) {
    throw refuse('catalogue_import.empty', 'Le fichier est vide. Rien n’a été importé.');
  }
}

/** A cell's text → the value the schema expects (lists split on `,` or `|`, numbers as numbers). */
function cellValue(field: string, raw: string, lists: Set<string>, numbers: Set<string>): unknown {
  const text = raw.trim();
  if (lists.has(field)) {
    const trimmed = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
    return trimmed
      .split(/[,|]/)
      .map((v) => v.trim().replace(/^"(.*)"$/, '$1'))
      .filter((v) => v !== '');
  }
  if (numbers.has(field)) {
    const n = Number(text.replace(',', '.'));
    return Number.isFinite(n) ? n : text;
  }
  return text;
}

function tableRow(kind: ImportKind, header: string[], cells: unknown[]): Record<string, unknown> {
  const lists = arrayFields(kind);
  const numbers = numberFields(kind);
  const out: Record<string, unknown> = {};
  header.forEach((name, i) => {
    const field = name.trim();
    if (!field) return;
    const cell = cells[i];
    if (cell === null || cell === undefined) return;
    if (typeof cell === 'number' && numbers.has(field)) {
      out[field] = cell;
      return;
    }
    const text = cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
    if (text.trim() === '') return;
    out[field] = cellValue(field, text, lists, numbers);
  });
  return out;
}

/** `;` or `,`: whichever appears more in the header line (outside quotes). */
function detectDelimiter(firstText: string): ';' | ',' {
  const line = firstText.split(/\r?\n/)[0] ?? '';
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ';') semicolons += 1;
    else if (!quoted && c === ',') commas += 1;
  }
  return semicolons > commas ? ';' : ',';
}

async function* csvRows(kind: ImportKind, source: ImportSource, maxBytes: number): AsyncGenerator<SourceRow> {
  const texts = utf8(limited(source, maxBytes));
  const first = await texts.next();
  if (first.done) throw refuse('catalogue_import.empty', 'Le fichier est vide. Rien n’a été importé.');
  const parser = csvParser({
    delimiter: detectDelimiter(first.value),
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
  });
  feed(
    parser,
    (async function* () {
      yield first.value;
      yield* texts;
    })(),
  );
  let header: string[] | null = null;
  let line = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      line += 1;
      if (!header) {
        header = record.map((h) => h.trim());
        continue;
      }
      yield { row: line, value: tableRow(kind, header, record) };
    }
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw refuse(
      'catalogue_import.bad_csv',
      `Le fichier CSV est mal formé vers la ligne ${line + 1} (guillemets non refermés ?). Rien n’a été importé.`,
    );
  }
}

type XlsxCell = unknown;
const xlsxText = (v: XlsxCell): unknown => {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    const o = v as { text?: unknown; richText?: { text: string }[]; result?: unknown; hyperlink?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if (o.text !== undefined) return xlsxText(o.text);
    if (o.result !== undefined) return xlsxText(o.result);
    if (o.hyperlink !== undefined) return o.hyperlink;
  }
  return String(v);
};

async function* xlsxRows(
  kind: ImportKind,
  source: ImportSource,
  maxBytes: number,
): AsyncGenerator<SourceRow> {
  const input = Readable.from(limited(source, maxBytes));
  let upstream: unknown = null;
  input.on('error', (e) => {
    upstream = e;
  });
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  let header: string[] | null = null;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = (row.values as XlsxCell[]).slice(1).map(xlsxText);
        if (!header) {
          header = values.map((v) => (v === null ? '' : String(v).trim()));
          continue;
        }
        if (values.every((v) => v === null || String(v).trim() === '')) continue;
        yield { row: row.number, value: tableRow(kind, header, values) };
      }
      break; // the first sheet only
    }
  } catch (error) {
    if (upstream instanceof DomainError) throw upstream;
    if (error instanceof DomainError) throw error;
    throw refuse(
      'catalogue_import.bad_xlsx',
      'Le fichier XLSX est illisible. Enregistrez-le à nouveau depuis votre tableur (format Excel .xlsx) ou exportez-le en CSV UTF-8. Rien n’a été importé.',
    );
  }
  if (upstream instanceof DomainError) throw upstream;
  if (!header) throw refuse('catalogue_import.empty', 'Le fichier est vide. Rien n’a été importé.');
}

/** The rows of a file, streamed. */
export function readRows(
  kind: ImportKind,
  format: ImportFormat,
  source: ImportSource,
  maxBytes = IMPORT_MAX_BYTES,
): AsyncGenerator<SourceRow> {
  if (format === 'json') return jsonRows(source, maxBytes);
  if (format === 'csv') return csvRows(kind, source, maxBytes);
  return xlsxRows(kind, source, maxBytes);
}
