import { execFile } from 'node:child_process';

export interface GitOutput {
  /** Exit code; null when git could not be started (then `error` says why). */
  code: number | null;
  stdout: string;
  stderr: string;
  error: string | null;
}

/**
 * Runs git once with arguments as an array (no shell), for the warm path's few calls: loading simple-git
 * costs ~15-20 ms of a ~200 ms cached run, and these calls need nothing it adds. Never rejects.
 */
export function gitExec(cwd: string, args: readonly string[]): Promise<GitOutput> {
  return new Promise((resolve) => {
    execFile('git', [...args], { cwd, maxBuffer: 1 << 30, encoding: 'utf8', windowsHide: true }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as NodeJS.ErrnoException & { code?: unknown }).code === 'number' ? (err as unknown as { code: number }).code : null) : 0;
      resolve({ code, stdout, stderr, error: code === null && err ? err.message : null });
    });
  });
}
