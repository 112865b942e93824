/**
 * The folder scan's compiler on a worker thread. A cold full scan spends most of its added time loading the
 * compiler and parsing, with a cold JIT, the few files that make calls (bench corpus: 0.84 MB, ~1.3 s);
 * the marker scan of every other file needs no compiler. On a worker that time overlaps the marker scan
 * instead of following it. The compiler loads once, in the worker only (the scan's main thread never
 * loads it), so the CPU total grows only by the worker's start (see docs/languages.md); that second
 * compiler load was why worker threads that split the file list were rejected.
 *
 * The worker runs `parser.js` itself (the same file the main thread would load: `dist/parser.js` next to
 * the bundles, `out/src/core/scan/parser.js` compiled), which serves requests when started as this worker.
 * Answers are what `parseNow` would give: a worker that fails or exits hands its open requests back to the
 * main thread's compiler, so the result never depends on the worker.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { COMPILER_WORKER_ROLE, type CompilerReply } from './compilerWorkerServe';
import { parseNow, type ParseAnswer, type ParseRequest } from './textScan';

/**
 * The worker's stack, near the main thread's (V8's default ~984 KB; Node keeps 192 KB of a worker's stack
 * in reserve): a file too deeply nested to parse on the main thread is too deep here as well.
 */
const STACK_MB = 1.15;
/** Below this many listed files a worker's start (~20-40 ms CPU) is not worth it: the scan parses in-process. */
export const WORKER_MIN_FILES = 200;

/** One compiler worker for one folder scan; `close()` when the scan is done. */
export class CompilerWorker {
  private worker: Worker | null;
  private readonly pending = new Map<number, { request: ParseRequest; resolve: (a: ParseAnswer) => void }>();
  private nextId = 0;

  constructor(script = path.join(__dirname, 'parser.js')) {
    this.worker = new Worker(script, { workerData: { role: COMPILER_WORKER_ROLE }, resourceLimits: { stackSizeMb: STACK_MB }, stdout: false, stderr: false });
    this.worker.on('message', (reply: CompilerReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      p.resolve(reply.answer);
    });
    const fallBack = (): void => {
      // The worker is gone (crashed, out of memory, refused to start): its requests are parsed here.
      this.worker = null;
      for (const [id, p] of this.pending) {
        this.pending.delete(id);
        p.resolve(parseNow(p.request));
      }
    };
    this.worker.on('error', fallBack);
    this.worker.on('exit', fallBack);
  }

  parse(request: ParseRequest): Promise<ParseAnswer> {
    if (!this.worker) return Promise.resolve(parseNow(request));
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { request, resolve });
      this.worker!.postMessage({ id, request });
    });
  }

  /** Ends the worker (its answers are all in: the scan awaited them). */
  close(): void {
    const w = this.worker;
    this.worker = null;
    if (w) void w.terminate();
  }
}
