import { execFile } from 'node:child_process';
import type { Evidence } from '../model';

/**
 * Runs a command as an argv array (no shell), with a timeout and cancellation. Passes on exit 0;
 * the evidence is the exit status and the last lines of output.
 */
export function runCommandCheck(cwd: string, command: readonly string[], timeoutMs: number, signal?: AbortSignal): Promise<{ pass: boolean; evidence: Evidence[] }> {
  return new Promise((resolve) => {
    const [program, ...args] = command;
    execFile(program!, args, { cwd, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024, ...(signal ? { signal } : {}), shell: false }, (err, stdout, stderr) => {
      const tail = `${stdout}${stderr}`.trim().split('\n').slice(-5).join('\n');
      const e = err as (NodeJS.ErrnoException & { killed?: boolean; code?: number | string }) | null;
      const status = !e ? 'exit 0' : e.name === 'AbortError' ? 'cancelled' : e.killed ? `timed out after ${timeoutMs} ms` : e.code === 'ENOENT' ? `${program} not found` : `exit ${String(e.code)}`;
      resolve({ pass: !e, evidence: [{ text: `${command.join(' ')}: ${status}` }, ...(tail ? [{ text: tail }] : [])] });
    });
  });
}
