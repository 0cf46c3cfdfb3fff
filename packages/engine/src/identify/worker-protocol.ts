/**
 * Messages between the gallery (main thread) and its search workers. Buffers named here are transferred, not
 * copied: the probe (a few hundred bytes, one copy per worker) and, for `match`, the shortlist; the worker's result
 * comes back the same way. New shared chunks ride along with the next request (`chunks` from index `chunkBase`);
 * SharedArrayBuffers are shared by postMessage, never copied.
 */
import type { ScanRequest } from './gallery-scan.js';

interface RequestBase {
  readonly id: number;
  readonly seq: number;
  /** Transferred: encodeProbe's buffer. */
  readonly probe: ArrayBuffer;
  readonly chunkBase: number;
  readonly chunks?: readonly SharedArrayBuffer[];
}

/** Index scan or exhaustive matching of a slice of subjects. */
export interface ScanMessage extends RequestBase, ScanRequest {
  readonly type: 'scan';
}

/** Full matching of shortlisted subjects (head records, transferred). */
export interface MatchMessage extends RequestBase {
  readonly type: 'match';
  readonly records: ArrayBuffer;
  readonly indexScores: ArrayBuffer;
}

export type WorkerRequest = ScanMessage | MatchMessage;

/** A request as the gallery writes it; the pool adds the id and the chunks the worker has not seen. */
export type WorkerMessage = Omit<ScanMessage, 'id' | 'chunkBase' | 'chunks'> | Omit<MatchMessage, 'id' | 'chunkBase' | 'chunks'>;

/** A worker's answer: the result buffer (transferred) or the error's message. */
export type WorkerResponse =
  | { readonly id: number; readonly ok: true; readonly result: ArrayBuffer; readonly probeBytes: number }
  | { readonly id: number; readonly ok: false; readonly message: string };
