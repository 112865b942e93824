import { fork, type ChildProcess } from 'node:child_process';
import type { FromWorker, ToWorker } from './scanProtocol';

/** The scanner's side of the conversation, whatever runs it. */
export interface ScanChannel {
  post(message: ToWorker): void;
  onMessage(handler: (message: FromWorker) => void): void;
  /** The scanner stopped on its own (crash, killed, out of memory). */
  onExit(handler: (why: string) => void): void;
  dispose(): void;
}

/**
 * Runs the scanner (dist/scanWorker.js) in a child process of its own, as VS Code runs language servers:
 * parsing 10,000 files takes the compiler and 150+ MB of heap, which in a worker thread counted against the
 * extension host's memory (peak RSS 392 MB on MUI X). Messages use structured clone (`advanced`
 * serialization), as a worker's do. The process is unref'd (never keeps the host alive) and exits with it.
 */
export function forkScanProcess(file: string, codeCacheDir: string | null = null): ScanChannel {
  const child: ChildProcess = fork(file, [], {
    serialization: 'advanced',
    // The host's own flags (inspector ports, heap sizes) are not the scanner's; the Electron binary runs as Node.
    execArgv: [],
    // The compiler bundle's V8 code cache lives in the extension's own storage (scanWorker.ts), never the workspace.
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', DEBTLEDGER_SCAN_PROCESS: '1', ...(codeCacheDir ? { DEBTLEDGER_CODE_CACHE: codeCacheDir } : {}) },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-2000);
  });
  child.unref();
  const ipc = child as ChildProcess & { channel?: { unref(): void } };
  ipc.channel?.unref();
  let disposed = false;
  return {
    post: (message) => {
      if (child.connected) child.send(message);
    },
    onMessage: (handler) => void child.on('message', (m) => handler(m as FromWorker)),
    onExit: (handler) => {
      child.on('error', (err) => handler(err.message));
      child.on('exit', (code, signal) => {
        if (!disposed) handler(`${signal ?? `exit code ${code}`}${stderr.trim() ? `: ${stderr.trim().split('\n').slice(-1)[0]}` : ''}`);
      });
    },
    dispose: () => {
      disposed = true;
      child.kill();
    },
  };
}
