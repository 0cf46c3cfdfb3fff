/**
 * Loading a list straight from its file(s): detect the format, stream the bytes through the parser and a SHA-256
 * hasher at once, and return the entries with their {@link ListVersion}. This is the one entry point the CLI, the
 * matcher's evaluation and the server use; nothing is stored here (see store/).
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import type { WatchlistEntry } from '../entry.js';
import { ScreeningError } from '../errors.js';
import { ContentHasher, FORMAT_SOURCE, type ListFormat, type ListVersion } from '../versions/list-version.js';
import { detectListFormat, parseListFormat } from './detect-format.js';
import type { ParsedList } from './parsed-list.js';
import { parseUnXml } from './un-xml.js';

/** A parsed list with its version metadata. */
export interface LoadedWatchlist {
  readonly version: ListVersion;
  readonly entries: readonly WatchlistEntry[];
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

/**
 * Loads a watchlist file. `format` is detected from the file when omitted; an unknown format name or an
 * unrecognisable file throws SCREENING_UNKNOWN_FORMAT. A malformed file throws a parse error naming the place;
 * nothing partial is ever returned.
 */
export async function loadWatchlistFile(path: string, format?: ListFormat | string): Promise<LoadedWatchlist> {
  const chosen = format === undefined ? detectListFormat(await readHead(path), path) : parseListFormat(format);
  const hasher = new ContentHasher();
  let parsed: ParsedList;
  const files = [basename(path)];
  switch (chosen) {
    case 'un':
      parsed = await parseUnXml(hashedChunks(path, hasher), { file: basename(path) });
      break;
  }
  const version: ListVersion = {
    source: FORMAT_SOURCE[chosen],
    format: chosen,
    contentHash: hasher.digest(),
    ...(parsed.generatedOn !== undefined ? { generatedOn: parsed.generatedOn } : {}),
    entryCount: parsed.entries.length,
    files,
  };
  return { version, entries: parsed.entries };
}
