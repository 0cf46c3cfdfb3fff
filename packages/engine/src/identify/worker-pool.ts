/**
 * The gallery's search workers: a fixed set of worker threads (one per core by default) running search-worker.ts,
 * each with its requests answered in order. A worker holds the process open only while it has requests in flight,
 * so an idle gallery does not keep a command from exiting; close() ends them all.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { EngineError } from '../errors.js';
import { siblingModule, startModuleWorker } from './module-worker.js';
import type { WorkerMessage, WorkerRequest, WorkerResponse } from './worker-protocol.js';

type Pending = { resolve: (response: WorkerResponse & { ok: true }) => void; reject: (error: Error) => void };

interface PoolWorker {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
  /** Shared chunks this worker has been sent. */
  chunksSent: number;
  /** Why the worker stopped, once it has: later requests fail at once instead of waiting for no answer. */
  stopped: Error | undefined;
}

/** Worker threads a gallery starts when not told: one per core the process may use. */
export function defaultWorkerCount(): number {
  return Math.max(1, availableParallelism());
}

export class WorkerPool {
  readonly #workers: PoolWorker[];
  #nextId = 1;
  #closed = false;

  constructor(count: number) {
    const entry = siblingModule(import.meta.url, 'search-worker');
    this.#workers = Array.from({ length: count }, () => {
      const worker = startModuleWorker(entry);
      const state: PoolWorker = { worker, pending: new Map(), chunksSent: 0, stopped: undefined };
      worker.on('message', (response: WorkerResponse) => {
        const pending = state.pending.get(response.id);
        if (pending === undefined) return;
        state.pending.delete(response.id);
        if (state.pending.size === 0) worker.unref();
        if (response.ok) pending.resolve(response);
        else pending.reject(new EngineError('ENGINE_WORKER_FAILED', `gallery search worker: ${response.message}`));
      });
      const fail = (error: Error): void => {
        state.stopped ??= error;
        for (const p of state.pending.values()) {
          p.reject(new EngineError('ENGINE_WORKER_FAILED', `gallery search worker stopped: ${error.message}`, { cause: error }));
        }
        state.pending.clear();
      };
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
      worker.unref();
      return state;
    });
  }

  get size(): number {
    return this.#workers.length;
  }

  /**
   * Sends `message` (without id and chunk fields) to worker `index` with the chunks it has not seen yet, transferring
   * `transfer`; resolves with its answer.
   */
  request(
    index: number,
    message: WorkerMessage,
    chunks: readonly SharedArrayBuffer[],
    transfer: ArrayBuffer[],
  ): Promise<WorkerResponse & { ok: true }> {
    if (this.#closed) return Promise.reject(new EngineError('ENGINE_GALLERY_CLOSED', 'the gallery is closed'));
    const state = this.#workers[index]!;
    if (state.stopped !== undefined) {
      return Promise.reject(new EngineError('ENGINE_WORKER_FAILED', `gallery search worker stopped: ${state.stopped.message}`, { cause: state.stopped }));
    }
    const id = this.#nextId++;
    const fresh = chunks.length > state.chunksSent ? chunks.slice(state.chunksSent) : undefined;
    const full = { ...message, id, chunkBase: state.chunksSent, chunks: fresh } as WorkerRequest;
    state.chunksSent = chunks.length;
    return new Promise((resolve, reject) => {
      state.pending.set(id, { resolve, reject });
      state.worker.ref();
      state.worker.postMessage(full, transfer);
    });
  }

  /** Ends every worker; requests in flight fail with ENGINE_WORKER_FAILED. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all(this.#workers.map((w) => w.worker.terminate()));
  }
}
