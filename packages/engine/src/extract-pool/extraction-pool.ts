/**
 * Fingerprint extraction in worker threads, so that a caller serving many requests on one event loop (the server)
 * keeps answering while images are extracted: {@link extract} takes 17-38 ms of CPU per image, and more under load.
 *
 * The pool keeps one queue and gives each worker one image at a time, so an image waits only while every worker is
 * busy, never behind a long extraction on one worker while another is idle. Workers start when there is work for
 * them (a pool that never sees an image starts no thread), and a worker holds the process open only while it has an
 * image in hand, as the gallery's search workers do (identify/worker-pool.ts). A worker that crashes fails only the
 * image it held, with ENGINE_WORKER_FAILED; the next image starts a new worker in its place.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { EngineError } from '../errors.js';
import { assertGrayImage, type GrayImage } from '../image/gray-image.js';
import type { Extraction, ExtractOptions } from '../minutiae/extract.js';
import { siblingModule, startModuleWorker } from '../identify/module-worker.js';
import type { ExtractionRequest, ExtractionResponse } from './extraction-protocol.js';

/** Options of {@link ExtractionPool}. */
export interface ExtractionPoolOptions {
  /** Worker threads at most; one per core the process may use (`os.availableParallelism()`) by default. */
  readonly workers?: number;
  /**
   * The workers' entry module (a file URL, .ts or .js); extraction-worker beside this module by default. Another
   * entry must answer as extraction-protocol.ts describes: the tests start one that crashes on request.
   */
  readonly workerModule?: URL;
}

interface Job {
  readonly request: ExtractionRequest;
  readonly resolve: (extraction: Extraction) => void;
  readonly reject: (error: Error) => void;
}

/** A place for one worker: empty until there is work for it, and again after its worker stopped. */
interface Slot {
  worker: Worker | undefined;
  /** The image the worker is extracting. */
  job: Job | undefined;
}

/** Runs the engine's {@link extract} in worker threads; see the module comment. */
export class ExtractionPool {
  readonly #slots: Slot[];
  readonly #entry: URL;
  readonly #queue: Job[] = [];
  #nextId = 1;
  #closed = false;

  constructor(options: ExtractionPoolOptions = {}) {
    const workers = options.workers ?? Math.max(1, availableParallelism());
    if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be a whole number >= 1, got ${String(workers)}`);
    this.#slots = Array.from({ length: workers }, () => ({ worker: undefined, job: undefined }));
    this.#entry = options.workerModule ?? siblingModule(import.meta.url, 'extraction-worker');
  }

  /** Worker threads the pool runs at most. */
  get size(): number {
    return this.#slots.length;
  }

  /**
   * Extracts a template from `image` in a worker: the same result as {@link extract} on this thread, and the same
   * EngineError (code and message) when the capture cannot give one. The pixels are moved to the worker, not copied:
   * `image.pixels` is detached (empty) once this returns, unless it is a view into a larger or shared buffer, which
   * is copied instead. Rejects with ENGINE_WORKER_FAILED when the worker stops first or the pool is closed.
   */
  extract(image: GrayImage, options: ExtractOptions = {}): Promise<Extraction> {
    if (this.#closed) return Promise.reject(closedError());
    try {
      assertGrayImage(image);
    } catch (error) {
      return Promise.reject(error as Error);
    }
    const request: ExtractionRequest = {
      id: this.#nextId++,
      width: image.width,
      height: image.height,
      dpi: image.dpi,
      pixels: takePixels(image.pixels),
      options: { ...options },
    };
    return new Promise((resolve, reject) => {
      this.#queue.push({ request, resolve, reject });
      this.#dispatch();
    });
  }

  /** Ends every worker; images queued or being extracted fail with ENGINE_WORKER_FAILED. Idempotent. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const error = closedError();
    for (const job of this.#queue.splice(0)) job.reject(error);
    const stopping: Promise<number>[] = [];
    for (const slot of this.#slots) {
      slot.job?.reject(error);
      slot.job = undefined;
      if (slot.worker !== undefined) stopping.push(slot.worker.terminate());
      slot.worker = undefined;
    }
    await Promise.all(stopping);
  }

  /** Hands queued images to idle workers, starting workers in empty slots while images wait. */
  #dispatch(): void {
    while (this.#queue.length > 0) {
      const slot =
        this.#slots.find((s) => s.worker !== undefined && s.job === undefined) ?? this.#slots.find((s) => s.worker === undefined);
      if (slot === undefined) return;
      const job = this.#queue.shift()!;
      const worker = (slot.worker ??= this.#start(slot));
      slot.job = job;
      worker.ref();
      worker.postMessage(job.request, [job.request.pixels]);
    }
  }

  #start(slot: Slot): Worker {
    const worker = startModuleWorker(this.#entry);
    let failure: Error | undefined;
    worker.on('message', (response: ExtractionResponse) => {
      const job = slot.job;
      if (slot.worker !== worker || job === undefined || job.request.id !== response.id) return;
      slot.job = undefined;
      worker.unref();
      settle(job, response);
      this.#dispatch();
    });
    // 'error' (an uncaught exception, or a bootstrap that failed to load) is always followed by 'exit'.
    worker.on('error', (error) => {
      failure ??= error;
    });
    worker.on('exit', (code) => {
      if (slot.worker !== worker) return; // closed: close() has failed its image already
      const job = slot.job;
      slot.worker = undefined;
      slot.job = undefined;
      const reason = failure === undefined ? `exit code ${code}` : failure.message;
      job?.reject(new EngineError('ENGINE_WORKER_FAILED', `extraction worker stopped: ${reason}`, { cause: failure }));
      // Images still queued start a new worker here; with none queued, the slot stays empty until the next one.
      this.#dispatch();
    });
    worker.unref();
    return worker;
  }
}

function closedError(): EngineError {
  return new EngineError('ENGINE_WORKER_FAILED', 'the extraction pool is closed');
}

/** Resolves or rejects `job` with a worker's answer; an engine error keeps its code and message. */
function settle(job: Job, response: ExtractionResponse): void {
  if (response.ok) job.resolve(response.extraction);
  else if (response.code !== undefined) job.reject(new EngineError(response.code, response.message));
  else job.reject(new EngineError('ENGINE_WORKER_FAILED', `extraction worker: ${response.message}`));
}

/**
 * The pixels as an ArrayBuffer the pool owns. A view over a whole ArrayBuffer is moved (structuredClone with a
 * transfer list moves the memory without copying it and detaches the caller's buffer), so the later transfer to the
 * worker is no copy either. A view into part of a buffer (Node's pooled Buffers, a slice of a file) or into a
 * SharedArrayBuffer is copied: moving it would take the rest of that buffer from its owner.
 */
function takePixels(pixels: Uint8Array): ArrayBuffer {
  const buffer = pixels.buffer;
  if (buffer instanceof ArrayBuffer && pixels.byteOffset === 0 && pixels.byteLength === buffer.byteLength) {
    try {
      const moved = structuredClone(buffer, { transfer: [buffer] });
      if (buffer.byteLength === 0) return moved;
    } catch {
      // A buffer marked untransferable (Node's Buffer pool) throws on Node 21+: copy it below.
    }
  }
  return pixels.slice().buffer;
}
