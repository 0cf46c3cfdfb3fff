/**
 * What every watchlist parser returns: the entries and what the file says about itself. Versioning (content
 * hash, entry count) is added by the loader, which sees the bytes; parsers see only text.
 */
import type { ListSource, WatchlistEntry } from '../entry.js';

/** A whole list parsed from one source file (or, for OFAC, the file set sdn/alt/add/sdn_comments). */
export interface ParsedList {
  readonly source: ListSource;
  readonly entries: readonly WatchlistEntry[];
  /** When the list's publisher generated the file (UN `dateGenerated`), as an ISO 8601 string, when the file says. */
  readonly generatedOn?: string;
}

/** Text handed to a parser: a whole string or bytes, or a stream of chunks (a file read stream) parsed as it arrives. */
export type ListText = string | Uint8Array | AsyncIterable<string | Uint8Array>;

/**
 * Yields `input` as UTF-8 text chunks. Invalid UTF-8 makes `onInvalidEncoding` throw: a list in another encoding
 * would otherwise import with silently mangled names.
 */
export async function* textChunks(input: ListText, onInvalidEncoding: (cause: unknown) => never): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  const decode = (bytes: Uint8Array, stream: boolean): string => {
    try {
      return decoder.decode(bytes, { stream });
    } catch (cause) {
      return onInvalidEncoding(cause);
    }
  };
  if (typeof input === 'string') {
    yield input;
    return;
  }
  if (input instanceof Uint8Array) {
    yield decode(input, false);
    return;
  }
  for await (const chunk of input) yield typeof chunk === 'string' ? chunk : decode(chunk, true);
  const rest = decode(new Uint8Array(0), false);
  if (rest !== '') yield rest;
}
