/**
 * The worker side of `compilerWorker.ts`, in `parser.js`: started as the compiler worker, the parser bundle
 * answers parse requests. Nothing here loads anything the parser bundle does not already hold.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type * as Parser from './parser';
import { isStackOverflow } from './parseFailure';
import type { ParseAnswer, ParseRequest } from './textScan';

export const COMPILER_WORKER_ROLE = 'debt-ledger-compiler';

export interface CompilerReply {
  id: number;
  answer: ParseAnswer;
}

/** Called by `parser.js` when it loads: inside a compiler worker, it answers parse requests (as `parseNow` would). */
export function serveIfCompilerWorker(parseFile: typeof Parser.parseFile): void {
  if (!parentPort || (workerData as { role?: string } | null)?.role !== COMPILER_WORKER_ROLE) return;
  const port = parentPort;
  port.on('message', ({ id, request }: { id: number; request: ParseRequest }) => {
    let answer: ParseAnswer;
    try {
      answer = { parsed: parseFile(request.fileName, request.text, request.resilience, request.lexed) };
    } catch (err) {
      answer = { failed: (err as Error).message.split('\n')[0] ?? '', stackOverflow: isStackOverflow(err) };
    }
    port.postMessage({ id, answer } satisfies CompilerReply);
  });
}
