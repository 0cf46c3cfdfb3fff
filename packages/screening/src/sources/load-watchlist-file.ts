/**
 * Loading a list straight from its file(s): detect the format, stream the bytes through the parser and a SHA-256
 * hasher at once, and return the entries with their {@link ListVersion}. This is the one entry point the CLI, the
 * matcher's evaluation and the server use; nothing is stored here (see store/).
 */
import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { WatchlistEntry } from '../entry.js';
import { ScreeningError } from '../errors.js';
import { ContentHasher, FORMAT_SOURCE, type ListFormat, type ListVersion } from '../versions/list-version.js';
import { detectListFormat, parseListFormat } from './detect-format.js';
import { parseNationalCsv } from './national-csv.js';
import { OFAC_FILE_NAMES, parseOfacSdn } from './ofac-sdn.js';
import type { ParsedList } from './parsed-list.js';
import { parseUnXml } from './un-xml.js';

/** A parsed list with its version metadata. */
export interface LoadedWatchlist {
  readonly version: ListVersion;
  readonly entries: readonly WatchlistEntry[];
  /** What the parser skipped and why (OFAC rows of another edition, unreadable remark items); empty when nothing. */
  readonly notes?: readonly string[];
}

/** Bytes of a file that is read whole, or SCREENING_FILE_UNREADABLE naming it. */
function unreadable(path: string, cause: unknown): ScreeningError {
  const reason = (cause as { code?: unknown }).code === 'ENOENT' ? 'no such file' : ((cause as Error).message ?? String(cause));
  return new ScreeningError('SCREENING_FILE_UNREADABLE', `cannot read ${path}: ${reason}`, { cause, location: { file: path } });
}

/** The first bytes of a file, for format detection. */
async function readHead(path: string, bytes = 4096): Promise<string> {
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(bytes);
      const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
      return buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch (cause) {
    throw unreadable(path, cause);
  }
}

/** Streams a file's bytes, feeding them to the hasher on the way; read errors become SCREENING_FILE_UNREADABLE. */
export async function* hashedChunks(path: string, hasher: ContentHasher): AsyncGenerator<Uint8Array> {
  const stream = createReadStream(path, { highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hasher.update(chunk);
      yield chunk;
    }
  } catch (cause) {
    throw unreadable(path, cause);
  } finally {
    stream.destroy();
  }
}

/** Reads a whole file, or undefined when it does not exist and is optional. */
async function readWhole(path: string, optional: boolean): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (cause) {
    if (optional && (cause as { code?: unknown }).code === 'ENOENT') return undefined;
    throw unreadable(path, cause);
  }
}

/** Decodes UTF-8 strictly: a list in another encoding would import with mangled names. */
function utf8(bytes: Buffer, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new ScreeningError('SCREENING_PARSE_CSV', 'the file is not valid UTF-8', { cause, location: { file } });
  }
}

/**
 * The OFAC file set: `path` is sdn.csv; alt.csv and add.csv must sit beside it (a list without its aliases would
 * import quietly weakened), sdn_comments.csv may. Hashed in the order sdn, alt, add, sdn_comments.
 */
async function loadOfac(path: string, hasher: ContentHasher, files: string[]): Promise<ParsedList & { notes: readonly string[] }> {
  const dir = dirname(path);
  const sdn = (await readWhole(path, false))!;
  const alt = (await readWhole(join(dir, OFAC_FILE_NAMES.alt), false))!;
  const add = (await readWhole(join(dir, OFAC_FILE_NAMES.add), false))!;
  const comments = await readWhole(join(dir, OFAC_FILE_NAMES.comments), true);
  const parts: [string, Buffer | undefined][] = [
    [basename(path), sdn],
    [OFAC_FILE_NAMES.alt, alt],
    [OFAC_FILE_NAMES.add, add],
    [OFAC_FILE_NAMES.comments, comments],
  ];
  for (const [name, bytes] of parts) {
    if (bytes === undefined) continue;
    hasher.beginPart(name, bytes.length);
    hasher.update(bytes);
    if (name !== basename(path)) files.push(name);
  }
  return parseOfacSdn(
    {
      sdn: utf8(sdn, basename(path)),
      alt: utf8(alt, OFAC_FILE_NAMES.alt),
      add: utf8(add, OFAC_FILE_NAMES.add),
      ...(comments !== undefined ? { comments: utf8(comments, OFAC_FILE_NAMES.comments) } : {}),
    },
    { sdn: basename(path) },
  );
}

/**
 * Loads a watchlist file (for OFAC, sdn.csv with its companions beside it). `format` is detected from the file when
 * omitted; an unknown format name or an
 * unrecognisable file throws SCREENING_UNKNOWN_FORMAT. A malformed file throws a parse error naming the place;
 * nothing partial is ever returned.
 */
export async function loadWatchlistFile(path: string, format?: ListFormat | string): Promise<LoadedWatchlist> {
  const chosen = format === undefined ? detectListFormat(await readHead(path), path) : parseListFormat(format);
  const hasher = new ContentHasher();
  let parsed: ParsedList;
  let notes: readonly string[] = [];
  const files = [basename(path)];
  switch (chosen) {
    case 'un':
      parsed = await parseUnXml(hashedChunks(path, hasher), { file: basename(path) });
      break;
    case 'ofac': {
      const ofac = await loadOfac(path, hasher, files);
      parsed = ofac;
      notes = ofac.notes;
      break;
    }
    case 'csv': {
      const bytes = (await readWhole(path, false))!;
      hasher.update(bytes);
      parsed = parseNationalCsv(utf8(bytes, basename(path)), { file: basename(path) });
      break;
    }
  }
  const version: ListVersion = {
    source: FORMAT_SOURCE[chosen],
    format: chosen,
    contentHash: hasher.digest(),
    ...(parsed.generatedOn !== undefined ? { generatedOn: parsed.generatedOn } : {}),
    entryCount: parsed.entries.length,
    files,
  };
  return { version, entries: parsed.entries, notes };
}
