// Finds or installs the VS Code host the integration tests and screenshots run in.
// - VSCODE_EXECUTABLE set: use it (a desktop VS Code, or a host installed elsewhere).
// - Linux without it: install (once; idempotent) the VS Code server bundled in the npm package
//   code-server + Debian's chromium + playwright-core into .vscode-host/ via test/host/setup-vscode-host.sh,
//   then use test/host/vscode-shim.mjs as the "code" executable. Nothing downloads outside npm and apt.
// - Elsewhere: undefined, and @vscode/test-electron downloads VS Code as usual.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Returns the executable path (env updated with what the shim needs), or undefined for test-electron's download. */
export function ensureVsCodeHost() {
  if (process.env.VSCODE_EXECUTABLE) return process.env.VSCODE_EXECUTABLE;
  if (process.platform !== 'linux') return undefined;
  const dir = path.join(repo, '.vscode-host');
  const setup = spawnSync('bash', [path.join(repo, 'test/host/setup-vscode-host.sh')], { stdio: 'inherit', env: { ...process.env, VSCODE_HOST_DIR: dir } });
  if (setup.status !== 0) throw new Error('installing the VS Code host failed (see above)');
  const envFile = path.join(dir, 'env.sh');
  if (!existsSync(envFile)) throw new Error(`${envFile} missing after setup`);
  for (const line of readFileSync(envFile, 'utf8').split('\n')) {
    const m = /^export (\w+)="(.*)"$/.exec(line);
    if (m && m[1] !== 'PATH') process.env[m[1]] = m[2];
  }
  return process.env.VSCODE_EXECUTABLE;
}

/** `1.100.3` from the host, for the log. */
export function hostVersion(executable) {
  const r = spawnSync(executable, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.split('\n')[0] : 'unknown';
}
